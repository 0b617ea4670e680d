// The structure parser's entry: runs its stages (structure_parser.hpp, one file each) in
// order, then the checks, footnotes and references over the document they built.
#include "structure.hpp"

#include "checks.hpp"
#include "footnotes.hpp"
#include "operative.hpp"
#include "structure_parser.hpp"

#include <vector>

#include <dossier/domain/references.hpp>

namespace dossier::readers::structure_parser {

ParserState::ParserState(ParsedSource source, const std::string& path)
    : lines(std::move(source.lines)), raw_head(std::move(source.raw_head)), path(path) {
  doc.symbol = std::move(source.symbol);
  doc.furniture = std::move(source.furniture);
  footnotes = std::move(source.footnotes);
  doc.diagnostics = std::move(source.diagnostics);
  paged = source.pages > 0;
}

namespace {

// The stages in order, and what is checked and found in their result.
Document run(ParserState& st) {
  identify(st);
  const std::size_t known_furniture = st.doc.furniture.size();
  // One page flattened onto one line (file 000): a single line of text among furniture.
  // Two lines of text settle it, so most documents are looked at no further.
  std::vector<const Line*> body;
  for (const auto& l : st.lines) {
    if (!furniture(l.text, st.doc.symbol, st.paged)) body.push_back(&l);
    else st.doc.furniture.push_back(l.text);
    if (body.size() > 1) break;
  }
  if (body.size() == 1 && body[0]->text.size() > 1500) {
    parse_flattened_page(st, body[0]->text, body[0]->number);
  } else {
    st.doc.furniture.resize(known_furniture);  // classify() records the rest in reading order
    classify(st);
    number_paragraphs(st);
    build(st);
    add_operative_paragraphs(st.doc);
    infer_implied_addressees(st.doc);
    check_recommendation_lists(st.doc, st.lists);
  }
  check_recommendations(st.doc);
  check_text_after_last_paragraph(st.doc);
  resolve_footnotes(st.doc, std::move(st.footnotes));
  for (const auto& b : st.doc.blocks) {
    if (b.kind == BlockKind::table) continue;  // contents lists repeat the headings
    auto found = find_references(b.text, b.address);
    st.doc.references.insert(st.doc.references.end(), found.begin(), found.end());
  }
  // Footnotes cite documents most of all; their references belong to the citing block.
  for (const auto& f : st.doc.footnotes) {
    auto found = find_references(f.text, f.anchors.empty() ? st.doc.id : f.anchors.front());
    st.doc.references.insert(st.doc.references.end(), found.begin(), found.end());
  }
  return std::move(st.doc);
}

}  // namespace

}  // namespace dossier::readers::structure_parser

namespace dossier::readers {

Document parse_structure(ParsedSource source, const std::string& path) {
  // Front ends join lines into paragraphs, which can outgrow the limit in turn.
  Diagnostic broken = break_long_paragraphs(source.lines);
  structure_parser::ParserState state(std::move(source), path);
  Document doc = structure_parser::run(state);
  if (!broken.message.empty()) doc.diagnostics.push_back(std::move(broken));
  return doc;
}

}  // namespace dossier::readers
