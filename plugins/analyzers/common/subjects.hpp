// What the mapping analyzers annotate: recommendations, and on request every paragraph.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <dossier/model.hpp>

namespace dossier::analyzers {

/// One thing to map: its address, its text, and the references found in it.
struct Subject {
  std::string_view address;  ///< the document's own (a view: the document outlives its subjects)
  const std::string* text = nullptr;
  std::vector<const Reference*> references;
  int section = -1;  ///< the section it sits in (Document::sections), -1 if unknown
  /// The heading block it sits under within its section (a subheading such as "Round
  /// table 1 (objectives 2, 5, 6, 12 and 18)"), if any and if asked for.
  const Block* heading = nullptr;
};

/// What an analyzer needs of its subjects beyond address and text.
struct SubjectNeeds {
  /// Only references whose type starts with this ("sdg_", "gcm_"); empty: all of them.
  std::string_view reference_types;
  /// Whether Subject::section is filled in (it costs a lookup per block of the document).
  bool sections = true;
  /// Whether Subject::heading is filled in (implies `sections`).
  bool headings = false;
};

/// The recommendations of `document` (and, when `paragraphs` is set, every numbered or
/// unnumbered paragraph and list item too), each with the references that sit in it and the
/// section of the block it comes from, as far as `needs` asks.
inline std::vector<Subject> subjects_of(const Document& document, bool paragraphs, const SubjectNeeds& needs = {}) {
  const std::size_t most = document.recommendations.size() + (paragraphs ? document.blocks.size() : 0);
  std::vector<Subject> subjects;
  subjects.reserve(most);
  // Views of the document's own addresses. Hashed: every block and reference is looked up, and
  // addresses share long prefixes ("A/HRC/43/15 ¶1..."), which make a tree compare at length.
  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(most);
  auto add = [&](const std::string& address, const std::string& text) {
    if (!index.emplace(address, subjects.size()).second) return;
    subjects.push_back({address, &text, {}});
  };
  for (const auto& r : document.recommendations) add(r.address, r.text);
  if (paragraphs)
    for (const auto& b : document.blocks)
      if (b.kind == BlockKind::numbered_paragraph || b.kind == BlockKind::text || b.kind == BlockKind::list_item)
        add(b.address, b.text);
  if (needs.sections || needs.headings) {
    const Block* heading = nullptr;
    for (const auto& b : document.blocks) {
      if (b.kind == BlockKind::heading) heading = &b;
      else if (heading && heading->section != b.section) heading = nullptr;  // a heading scopes its own section
      auto it = index.find(b.address);
      if (it == index.end() || subjects[it->second].section >= 0) continue;
      subjects[it->second].section = b.section;
      if (needs.headings && b.kind != BlockKind::heading) subjects[it->second].heading = heading;
    }
  }
  for (const auto& ref : document.references) {
    if (ref.type.compare(0, needs.reference_types.size(), needs.reference_types) != 0) continue;
    auto it = index.find(ref.address);
    if (it != index.end()) subjects[it->second].references.push_back(&ref);
  }
  return subjects;
}

}  // namespace dossier::analyzers

namespace dossier::analyzers {

/// What a document-level classifier reads of a document: its title, every block and every
/// footnote. Never its metadata, where a publisher's own labels sit (the UN Library's SDG
/// goals of a resolution): a model would learn them instead of the text.
inline std::vector<std::string_view> document_texts(const Document& document) {
  std::vector<std::string_view> texts;
  texts.reserve(1 + document.blocks.size() + document.footnotes.size());
  texts.emplace_back(document.title);
  for (const auto& b : document.blocks) texts.emplace_back(b.text);
  for (const auto& f : document.footnotes) texts.emplace_back(f.text);
  return texts;
}

}  // namespace dossier::analyzers
