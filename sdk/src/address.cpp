#include "dossier/model.hpp"

#include <string>

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

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
