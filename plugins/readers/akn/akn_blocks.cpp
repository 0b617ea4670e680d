// The walk through a body: sections from hierarchical containers, blocks from the rest, each
// block with its footnotes and references.
#include "akn_state.hpp"

#include <dossier/model.hpp>
#include <dossier/domain/references.hpp>

#include "text_util.hpp"

namespace dossier::akn_reader {

namespace {

/// Hierarchical containers: they carry a num and a heading and become Sections.
bool is_hierarchy(std::string_view name) {
  return in(name, {"hcontainer", "section", "subsection", "part", "subpart", "chapter", "subchapter", "title",
                   "subtitle", "book", "tome", "division", "subdivision", "article", "clause", "subclause", "rule",
                   "subrule", "level"});
}

void add_footnote(ParserState& st, Block& block, const NoteUse& use) {
  Collected c;
  collect_children(st, use.note, c, false);
  std::string text = normalise_space(c.text);
  const auto it = st.footnote_index.find(use.label);
  if (it != st.footnote_index.end() && st.doc.footnotes[it->second].text == text) {
    // The same note cited again (noteRef): one footnote, several anchors.
    auto& anchors = st.doc.footnotes[it->second].anchors;
    if (std::find(anchors.begin(), anchors.end(), block.address) == anchors.end()) anchors.push_back(block.address);
  } else {
    if (it != st.footnote_index.end())
      st.warn("footnote label '" + use.label + "' used for two different notes", use.note);
    else
      st.footnote_index[use.label] = st.doc.footnotes.size();
    st.doc.footnotes.push_back({use.label, std::move(text), {block.address}});
  }
  if (std::find(block.footnote_refs.begin(), block.footnote_refs.end(), use.label) == block.footnote_refs.end())
    block.footnote_refs.push_back(use.label);
}

void add_section(ParserState& st, pugi::xml_node n, int parent, int level) {
  Section s;
  const std::string_view name = st.local(n);
  s.kind = name == "hcontainer" && *n.attribute("name").value() ? n.attribute("name").value() : std::string(name);
  s.level = level;
  s.parent = parent;
  Collected heading;
  if (const pugi::xml_node num = st.child(n, "num")) collect(st, num, heading, false);
  s.label = normalise_space(heading.text);
  const std::size_t title_start = heading.text.size();
  if (const pugi::xml_node h = st.child(n, "heading")) collect(st, h, heading, false);
  s.title = normalise_space(std::string_view(heading.text).substr(title_start));
  st.doc.sections.push_back(s);
  const int index = static_cast<int>(st.doc.sections.size()) - 1;
  if (!normalise_space(heading.text).empty() || !heading.notes.empty()) {
    Block b;
    b.kind = BlockKind::heading;
    b.section = index;
    b.address = next_block_address(st, index);
    add_block(st, std::move(b), heading, n);
  }
  walk(st, n, index, level, true);
}

}  // namespace

std::string next_block_address(ParserState& st, int section) {
  const std::string path = section < 0 ? std::string() : st.doc.section_path(section);
  return block_address(st.doc.id, path, ++st.ordinals[path]);
}

namespace {

/// A block longer than the readers' limit (readers::max_line_bytes) keeps what fits; the
/// rest follows in blocks of its own (text, or tables), in its section. Returns those.
std::vector<Block> cut_to_limit(ParserState& st, Block& block) {
  if (block.text.size() <= readers::max_line_bytes) return {};
  std::vector<Block> pieces;  // the block's own part first
  if (!block.cells.empty()) {
    std::vector<readers::TableRows> tables = readers::bounded_tables(std::move(block.cells));
    st.long_tables.add(block.text.size(), tables.size());
    pieces.resize(tables.size());
    for (std::size_t i = 0; i < tables.size(); ++i) {
      pieces[i].kind = BlockKind::table;
      pieces[i].text = readers::table_text(tables[i]);
      pieces[i].cells = std::move(tables[i]);
    }
  } else {
    const std::vector<std::string> texts = readers::bounded_pieces(block.text);
    st.long_paragraphs.add(block.text.size(), texts.size());
    pieces.resize(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      pieces[i].kind = BlockKind::text;
      pieces[i].text = readers::trim(texts[i]);
    }
  }
  block.text = std::move(pieces[0].text);
  block.cells = std::move(pieces[0].cells);
  pieces.erase(pieces.begin());
  for (Block& b : pieces) {
    b.section = block.section;
    b.address = next_block_address(st, b.section);
  }
  return pieces;
}

/// Appends `block`, its text made, with its footnotes and references.
void place_block(ParserState& st, Block block, const Collected& collected, pugi::xml_node where) {
  if (block.kind == BlockKind::heading || (block.kind == BlockKind::text && block.text.size() <= 60))
    heading_seen(st, block.text);
  block.span.first_line = st.line_of(where.offset_debug());
  block.span.last_line = std::max(block.span.first_line, collected.last_line);
  if (!st.addresses.insert(block.address).second)
    st.doc.diagnostics.push_back({Diagnostic::Severity::warning,
                                  "address " + block.address + " given twice (repeated paragraph number?)",
                                  block.span});
  for (const NoteUse& use : collected.notes) add_footnote(st, block, use);

  std::vector<Reference> refs = find_references(block.text, block.address);
  for (const auto& link : collected.links) {
    // Not a structured binding: C++17 (clang) lets no lambda capture one.
    const auto& symbol = link.first;
    const auto& printed = link.second;
    const bool known = std::any_of(refs.begin(), refs.end(), [&](const Reference& r) {
      return r.type == dossier::reference_type::un_symbol && r.id == symbol;
    });
    if (!known) refs.push_back({"un_symbol", symbol, block.address, printed});
  }
  st.doc.references.insert(st.doc.references.end(), refs.begin(), refs.end());
  st.doc.blocks.push_back(std::move(block));
}

}  // namespace

/// Completes `block` from what was collected for it and appends it with its footnotes
/// and references (and what did not fit the readers' limit after it).
void add_block(ParserState& st, Block block, const Collected& collected, pugi::xml_node where) {
  block.text = block.cells.empty() ? normalise_space(collected.text) : readers::table_text(block.cells);
  std::vector<Block> rest = cut_to_limit(st, block);
  place_block(st, std::move(block), collected, where);
  Collected none;
  none.last_line = collected.last_line;
  for (Block& b : rest) place_block(st, std::move(b), none, where);
}

/// Notes on the cover page or in the title belong to no block: kept, without anchors.
void unplaced_notes(ParserState& st, pugi::xml_node document) {
  for (const char* part : {"coverPage", "preface"}) {
    Collected c;
    collect_children(st, st.child(document, part), c, false);
    for (const NoteUse& use : c.notes) {
      Collected note;
      collect_children(st, use.note, note, false);
      st.doc.footnotes.push_back({use.label, normalise_space(note.text), {}});
      st.warn("footnote '" + use.label + "' in the " + part + " is in no block", use.note,
              Diagnostic::Severity::info);
    }
  }
}

/// Reads the children of a body part or hierarchical container. `in_section` skips the
/// num and heading its section has already taken.
void walk(ParserState& st, pugi::xml_node parent, int section, int level, bool in_section) {
  for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      if (!normalise_space(n.value()).empty()) st.warn("text outside any block not read", n);
      continue;
    }
    if (n.type() != pugi::node_element) continue;
    const std::string_view name = st.local(n);
    if (name.empty()) {
      st.warn("element <" + std::string(n.name()) + "> of another namespace not read", n);
    } else if (name == "hcontainer" && std::string_view(n.attribute("name").value()) == "recommendation") {
      add_recommendation(st, n, section, level);
    } else if (is_hierarchy(name)) {
      add_section(st, n, section, level + 1);
    } else if (is_unit(name)) {
      if (const std::string sub = heading_only(st, n) ? sub_annex_label(st, plain_text(st, n)) : std::string();
          !sub.empty()) {
        // "Annex II" inside the annex: what follows is that annex, numbered afresh.
        Section s;
        s.kind = "annex";
        s.label = sub;
        s.title = plain_text(st, n);
        st.doc.sections.push_back(s);
        section = static_cast<int>(st.doc.sections.size()) - 1;
        st.part = sub;
      }
      add_unit(st, n, section, Parent{});
    } else if (in_section && (name == "num" || name == "heading")) {
      continue;
    } else if (in(name, {"heading", "subheading", "crossHeading"})) {
      Block heading;
      heading.kind = BlockKind::heading;
      heading.section = section;
      heading.address = next_block_address(st, section);
      Collected c;
      collect(st, n, c, false);
      add_block(st, std::move(heading), c, n);
    } else if (name == "list") {
      walk(st, n, section, level, false);  // a list outside a paragraph: its intro and points
    } else {
      // Formula, preambular container, conclusions, intro/wrapUp of a container, a p...
      Collected c;
      collect(st, n, c, false);
      if (normalise_space(c.text).empty() && c.notes.empty()) continue;
      Block text;
      text.kind = BlockKind::text;
      text.section = section;
      text.address = next_block_address(st, section);
      add_block(st, std::move(text), c, n);
    }
  }
}

}  // namespace dossier::akn_reader
