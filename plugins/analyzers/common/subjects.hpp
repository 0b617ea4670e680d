// What the mapping analyzers annotate: recommendations, and on request every paragraph.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <dossier/model.hpp>

namespace dossier::analyzers {

/// One thing to map: its address, its text, and the references found in it.
struct Subject {
  std::string address;
  const std::string* text = nullptr;
  std::vector<const Reference*> references;
  int section = -1;  ///< the section it sits in (Document::sections), -1 if unknown
};

/// The recommendations of `document` (and, when `paragraphs` is set, every numbered or
/// unnumbered paragraph and list item too), each with the references that sit in it and the
/// section of the block it comes from.
inline std::vector<Subject> subjects_of(const Document& document, bool paragraphs) {
  std::vector<Subject> subjects;
  std::map<std::string_view, std::size_t> index;  // views of the document's own addresses
  auto add = [&](const std::string& address, const std::string& text) {
    if (index.count(address)) return;
    index[address] = subjects.size();
    subjects.push_back({address, &text, {}});
  };
  for (const auto& r : document.recommendations) add(r.address, r.text);
  if (paragraphs)
    for (const auto& b : document.blocks)
      if (b.kind == BlockKind::numbered_paragraph || b.kind == BlockKind::text || b.kind == BlockKind::list_item)
        add(b.address, b.text);
  for (const auto& b : document.blocks) {
    auto it = index.find(b.address);
    if (it != index.end() && subjects[it->second].section < 0) subjects[it->second].section = b.section;
  }
  for (const auto& ref : document.references) {
    auto it = index.find(ref.address);
    if (it != index.end()) subjects[it->second].references.push_back(&ref);
  }
  return subjects;
}

}  // namespace dossier::analyzers
