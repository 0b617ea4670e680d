#include "document_codec.hpp"

#include <stdexcept>

#include "binary_fields.hpp"

namespace dossier::host {

namespace {

// Changed whenever the model or this encoding changes, so old bytes are refused, not misread.
constexpr std::string_view kMagic = "dossier-document/4\n";

}  // namespace

void encode_document(const Document& d, std::string& out) {
  out += kMagic;
  binary_fields::Encoder encoder(out);
  encoder(d);
}

Document decode_document(std::string_view in) {
  if (in.substr(0, kMagic.size()) != kMagic) throw std::runtime_error("encoded document: not of this version");
  in.remove_prefix(kMagic.size());
  Document d;
  binary_fields::Decoder decoder(in, "encoded document");
  decoder(d);
  if (!in.empty()) throw std::runtime_error("encoded document: bytes after the end");
  return d;
}

}  // namespace dossier::host
