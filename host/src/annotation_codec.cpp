#include "annotation_codec.hpp"

#include <cstdint>
#include <cstring>

namespace dossier::host {

void encode_u64(std::uint64_t v, std::string& out) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);  // little endian, any host
  out.append(b, 8);
}

void encode_string(std::string_view s, std::string& out) {
  encode_u64(s.size(), out);
  out += s;
}

std::uint64_t decode_u64(std::string_view& in) {
  if (in.size() < 8) throw std::runtime_error("encoded data: truncated");
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
  in.remove_prefix(8);
  return v;
}

std::string decode_string(std::string_view& in) {
  const std::uint64_t n = decode_u64(in);
  if (n > in.size()) throw std::runtime_error("encoded data: truncated");
  std::string s(in.substr(0, n));
  in.remove_prefix(n);
  return s;
}

void encode_annotations(const std::vector<Annotation>& annotations, std::string& out) {
  encode_u64(annotations.size(), out);
  for (const auto& a : annotations) {
    encode_string(a.subject, out);
    encode_string(a.scheme, out);
    encode_string(a.code, out);
    encode_string(a.level, out);
    std::uint64_t bits = 0;
    static_assert(sizeof bits == sizeof a.score, "double is 64 bits");
    std::memcpy(&bits, &a.score, sizeof bits);
    encode_u64(bits, out);
    encode_u64(a.evidence.size(), out);
    for (const auto& e : a.evidence) encode_string(e, out);
    encode_string(a.analyzer, out);
    encode_string(a.analyzer_version, out);
  }
}

std::vector<Annotation> decode_annotations(std::string_view& in) {
  const std::uint64_t n = decode_u64(in);
  // Each annotation takes at least 72 bytes: a corrupt count cannot make us reserve much.
  if (n > in.size() / 72) throw std::runtime_error("encoded data: truncated");
  std::vector<Annotation> out(static_cast<std::size_t>(n));
  for (auto& a : out) {
    a.subject = decode_string(in);
    a.scheme = decode_string(in);
    a.code = decode_string(in);
    a.level = decode_string(in);
    const std::uint64_t bits = decode_u64(in);
    std::memcpy(&a.score, &bits, sizeof bits);
    const std::uint64_t evidence = decode_u64(in);
    if (evidence > in.size() / 8) throw std::runtime_error("encoded data: truncated");
    a.evidence.reserve(static_cast<std::size_t>(evidence));
    for (std::uint64_t i = 0; i < evidence; ++i) a.evidence.push_back(decode_string(in));
    a.analyzer = decode_string(in);
    a.analyzer_version = decode_string(in);
  }
  return out;
}

}  // namespace dossier::host
