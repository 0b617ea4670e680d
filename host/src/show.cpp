#include "show.hpp"

#include <vector>

#include "dossier/address.hpp"

namespace dossier::host {

namespace {

const Document* find_document(const Corpus& corpus, const std::string& id) {
  for (const auto& d : corpus.documents)
    if (d.id == id) return &d;
  for (const auto& d : corpus.documents)
    if (!d.symbol.empty() && d.symbol == id) return &d;
  return nullptr;
}

void print_block(const Document& doc, const Block& block, std::ostream& out) {
  out << block.address << "\n";
  if (block.section >= 0) {
    const Section& s = doc.sections[static_cast<std::size_t>(block.section)];
    out << "  in " << doc.section_path(block.section) << "  " << s.title << "\n";
  }
  out << "\n" << (block.marker.empty() ? "" : block.marker + " ") << block.text << "\n";
  for (const auto& label : block.footnote_refs)
    for (const auto& f : doc.footnotes)
      if (f.label == label) out << "\n  [" << f.label << "] " << f.text << "\n";
  for (const auto& r : doc.recommendations)
    if (r.address == block.address)
      out << "\n  recommendation (" << r.kind << (r.addressee.empty() ? "" : ", to " + r.addressee) << ")\n";
}

}  // namespace

bool show_citation(const std::string& text, const Corpus& corpus, std::ostream& out, std::string& error) {
  Citation citation;
  if (!parse_citation(text, citation)) {
    error = "'" + text + "' is not a citation (try \"A/68/283 \xC2\xB6" "135\", \"A/68/283 para 50-54\" or \"ID #3\")";
    return false;
  }
  const Document* doc = find_document(corpus, citation.document);
  if (!doc) {
    error = "no document '" + citation.document + "' in the sources (documents:";
    for (const auto& d : corpus.documents) error += " " + d.id;
    error += ")";
    return false;
  }
  std::vector<const Block*> blocks;
  const std::string wanted =
      citation.first.empty() ? block_address(doc->id, citation.section_path, citation.ordinal) : std::string();
  // One paragraph or sub-paragraph is its exact address ("¶4(a)"); a range covers numbers.
  const std::string exact = citation.first == citation.last && !citation.first.empty()
                                ? paragraph_address(doc->id, citation.first)
                                : std::string();
  for (const auto& b : doc->blocks)
    if (!exact.empty() && b.address == exact) blocks.push_back(&b);
  if (blocks.empty()) {
    for (const auto& b : doc->blocks) {
      if (citation.first.empty() ? b.address == wanted
                                 : (b.kind == BlockKind::numbered_paragraph && citation_covers(citation, b.number)))
        blocks.push_back(&b);
    }
  }
  if (blocks.empty()) {
    error = "'" + text + "' names nothing in " + doc->id + " (" + doc->source + ")";
    return false;
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i) out << "\n";
    print_block(*doc, *blocks[i], out);
  }
  return true;
}

}  // namespace dossier::host
