#include "footnotes.hpp"

#include <map>
#include <set>

namespace dossier::readers {

void resolve_footnotes(Document& doc, std::vector<Footnote> found) {
  std::map<std::string, std::size_t> by_label;
  for (auto& f : found) {
    if (by_label.count(f.label)) {
      // A second series of notes numbered afresh (an annex's): the model keeps
      // one note per label, so this one's text is not in it.
      doc.diagnostics.push_back(
          {Diagnostic::Severity::warning,
           "footnote " + f.label + " appears twice; the second (\"" + f.text.substr(0, 50) + "...\") is not kept",
           {},
           "footnotes.repeated",
           1});
      continue;
    }
    by_label[f.label] = doc.footnotes.size();
    doc.footnotes.push_back(f);
  }
  std::set<std::string> cited;
  std::vector<std::string> unmatched;
  SourceSpan first_unmatched;
  for (const auto& b : doc.blocks) {
    for (const auto& label : b.footnote_refs) {
      auto it = by_label.find(label);
      if (it == by_label.end()) {
        if (unmatched.empty()) first_unmatched = b.span;
        unmatched.push_back(label + " (" + b.address + ")");
        continue;
      }
      doc.footnotes[it->second].anchors.push_back(b.address);
      cited.insert(label);
    }
  }
  if (!unmatched.empty()) {
    std::string which;
    for (std::size_t i = 0; i < unmatched.size() && i < 5; ++i) which += (i ? ", " : "") + unmatched[i];
    if (unmatched.size() > 5) which += ", ...";
    doc.diagnostics.push_back({Diagnostic::Severity::warning,
                               std::to_string(unmatched.size()) + " footnote marker(s) have no footnote text: " + which,
                               first_unmatched, "footnotes.missing", static_cast<std::uint32_t>(unmatched.size())});
  }
  for (const auto& f : doc.footnotes)
    if (!cited.count(f.label))
      doc.diagnostics.push_back(
          {Diagnostic::Severity::info, "footnote " + f.label + " is never cited", {}, "footnotes.uncited", 0});
}

}  // namespace dossier::readers
