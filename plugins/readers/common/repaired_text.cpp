// The text readers' one way in (parse_repaired): repaired text, no line too long for the
// parser, and the document saying what was changed to read it.
#include <dossier/domain/text_repair.hpp>

#include "structure.hpp"

namespace dossier::readers {

Document parse_repaired(std::string& text, const std::function<Document(std::string_view)>& parse) {
  const TextRepairs repairs = repair_text(text);
  const Diagnostic broken = break_long_lines(text);
  Document doc = parse(text);
  if (repairs.any()) doc.diagnostics.push_back(repair_diagnostic(repairs));
  if (!broken.message.empty()) doc.diagnostics.push_back(broken);
  return doc;
}

}  // namespace dossier::readers
