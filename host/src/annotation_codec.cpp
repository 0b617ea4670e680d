#include "annotation_codec.hpp"

#include <algorithm>
#include <cstdint>

#include "binary_fields.hpp"

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
  binary_fields::EncodedSize size;
  size(annotations);
  if (out.capacity() < out.size() + size.bytes) out.reserve(std::max(out.size() + size.bytes, 2 * out.capacity()));
  binary_fields::Encoder encoder(out);
  encoder(annotations);
}

std::vector<Annotation> decode_annotations(std::string_view& in) {
  std::vector<Annotation> out;
  binary_fields::Decoder decoder(in, "encoded data");
  decoder(out);
  return out;
}

}  // namespace dossier::host
