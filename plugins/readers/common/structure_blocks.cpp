// Adding to the document: sections, blocks with their addresses, recommendations. Shared
// by the build from items and the flattened page.
#include "structure_parser.hpp"

#include "operative.hpp"

#include <dossier/model.hpp>

namespace dossier::readers::structure_parser {

void add_section(ParserState& st, const Label& label, const std::string& title, SourceSpan span,
                 std::vector<std::string> footnotes) {
  Section s;
  s.label = label.text;
  s.title = title;
  while (!s.title.empty() && s.title.back() == ':') s.title.pop_back();
  s.level = level_of(label);
  s.kind = label.style == LabelStyle::named ? "session" : label.style == LabelStyle::annex ? "annex" : "section";
  for (int i = static_cast<int>(st.doc.sections.size()) - 1; i >= 0; --i)
    if (st.doc.sections[static_cast<std::size_t>(i)].level < s.level) {
      s.parent = i;
      break;
    }
  st.doc.sections.push_back(s);
  Block b;
  b.kind = BlockKind::heading;
  b.text = s.label.empty() ? s.title : s.title.empty() ? s.label : s.label + " " + s.title;
  b.span = span;
  b.footnote_refs = std::move(footnotes);
  push_block(st, std::move(b));
}

int current_level(const ParserState& st) {
  return st.doc.sections.empty() ? 0 : st.doc.sections.back().level;
}

// Adds a block under the current section; a block that comes with its address keeps it.
void push_block(ParserState& st, Block b) {
  b.section = st.doc.sections.empty() ? -1 : static_cast<int>(st.doc.sections.size()) - 1;
  if (!b.address.empty()) {
  } else if (b.kind == BlockKind::numbered_paragraph) {
    b.address = paragraph_address(st.doc.id, b.number);
  } else {
    const std::string path = st.doc.section_path(b.section);
    b.address = block_address(st.doc.id, path, ++st.ordinals[path]);
  }
  st.doc.blocks.push_back(std::move(b));
}

// Takes the last block back (to push it again, cut in parts).
Block pop_block(ParserState& st) {
  Block b = std::move(st.doc.blocks.back());
  st.doc.blocks.pop_back();
  if (b.address ==
      block_address(st.doc.id, st.doc.section_path(b.section), st.ordinals[st.doc.section_path(b.section)]))
    --st.ordinals[st.doc.section_path(b.section)];
  return b;
}

void add_recommendation(ParserState& st, const Block& b, const std::string& kind, const std::string& addressee,
                        const std::string& position, std::vector<std::string> by) {
  // Without a heading that names whom, the recommendation may name its own actor
  // ("Governments should ...", "the GFMD could ...").
  st.doc.recommendations.push_back({b.address, kind, addressee.empty() ? subject_addressee(b.text, st.doc.language) : addressee,
                                    b.text, std::move(by), position});
}

}  // namespace dossier::readers::structure_parser
