#include "dossier/address.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

std::string paragraph_address(std::string_view document_id, std::string_view number) {
  std::string out(document_id);
  out += " \xC2\xB6";  // ¶
  out += number;
  return out;
}

std::string block_address(std::string_view document_id, std::string_view section_path,
                          std::size_t ordinal) {
  std::string out(document_id);
  if (!section_path.empty()) {
    out += " \xC2\xA7";  // §
    out += section_path;
  }
  out += " #";
  out += std::to_string(ordinal);
  return out;
}

std::string slugify(std::string_view text) {
  std::string out;
  bool dash = false;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
      dash = false;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
      dash = false;
    } else if (!out.empty() && !dash) {
      out += '-';
      dash = true;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > 64) {
    out.resize(64);
    while (!out.empty() && out.back() == '-') out.pop_back();
  }
  return out.empty() ? "document" : out;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
