// Numbered units: a paragraph as a block of its own and its points as list items after it,
// numbered and addressed the way the UN cites them ("paragraph 4 (a)").
#include "akn_state.hpp"

namespace dossier::akn_reader {

namespace {

/// Rows of the tables in `n`, each the plain text of its cells.
std::vector<std::vector<std::string>> table_cells(ParserState& st, pugi::xml_node n) {
  std::vector<std::vector<std::string>> rows;
  for_each_element(n, [&](pugi::xml_node e) {
    if (st.local(e) != "tr") return true;
    std::vector<std::string> row;
    for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling())
      if (st.local(c) == "td" || st.local(c) == "th") row.push_back(plain_text(st, c));
    rows.push_back(std::move(row));
    return true;
  });
  return rows;
}

/// The number a unit without `num` prints at the start of its text, as printed, or "".
std::string inline_number(ParserState& st, pugi::xml_node unit) {
  const pugi::xml_node p = first_own_p(st, unit);
  const pugi::xml_node first = p ? p.first_child() : unit.first_child();
  if (!first || first.type() != pugi::node_pcdata) return {};
  const std::string_view text = first.value();
  const std::size_t length = number_prefix(text);
  return length ? std::string(text.substr(0, length)) : std::string();
}

/// The units directly below `n`, looking through wrappers such as `list` but not into
/// units or notes.
void find_units(ParserState& st, pugi::xml_node n, std::vector<pugi::xml_node>& out) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    const std::string_view name = st.local(c);
    if (name.empty() || name == "authorialNote") continue;
    if (is_unit(name))
      out.push_back(c);
    else
      find_units(st, c, out);
  }
}

}  // namespace

void add_unit(ParserState& st, pugi::xml_node n, int section, const Parent& parent) {
  Block b;
  b.section = section;
  const pugi::xml_node num = st.child(n, "num");
  // Without a num, the number may open the text: "\t1 -\tتحيط علما" (the UN's Arabic files
  // of the seventy-fifth session).
  BlockKind declared_kind = BlockKind::text;
  const bool declares = parse_block_kind(n.attribute("class").value(), declared_kind);
  const std::string in_text = !num && !parent.nested && !declares ? inline_number(st, n) : std::string();
  const std::string printed = num ? plain_text(st, num) : normalise_space(in_text);
  const std::string bare = bare_number(printed);
  std::string tail;  // the address after the ¶; none for a unit without a number (a bullet)
  BlockKind declared = BlockKind::text;
  if (!parent.nested && heading_only(st, n)) {
    b.kind = BlockKind::heading;  // the UN marks up "Annex", "Introduction" as paragraphs
  } else if (!parent.nested && parse_block_kind(n.attribute("class").value(), declared) &&
      declared != BlockKind::numbered_paragraph) {
    b.kind = declared;
    b.marker = printed;
    if (declared == BlockKind::table) b.cells = table_cells(st, n);
  } else if (!parent.nested) {
    b.kind = bare.empty() ? BlockKind::text : BlockKind::numbered_paragraph;
    b.number = tail = bare;
    if (!bare.empty()) enter_scope(st, bare);
    if (num && bare.empty()) st.warn("paragraph number '" + printed + "' has no digit or letter", num);
  } else {
    b.kind = BlockKind::list_item;
    b.marker = printed;
    if (!bare.empty()) b.number = parent.number.empty() ? bare : parent.number + "." + bare;
    if (!bare.empty() && !parent.tail.empty()) tail = parent.tail + "(" + bare + ")";
  }
  // Without a ¶ address a unit is cited by ordinal, like any unnumbered block.
  b.address = tail.empty() ? next_block_address(st, section) : unit_address(st, tail);
  const Parent self{true, b.number, tail};

  Collected own;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c != num) collect(st, c, own, true);
  if (!in_text.empty())
    if (const std::size_t at = own.text.find(in_text); at != std::string::npos) own.text.erase(at, in_text.size());
  const std::string verb = st.operative_body && !parent.nested && b.kind != BlockKind::heading ? operative_verb(st, n)
                                                                                               : std::string();
  const std::size_t index = st.doc.blocks.size();
  add_block(st, std::move(b), own, n);

  // Sub-paragraphs follow their paragraph, wherever they sit (usually list/point).
  std::vector<pugi::xml_node> units;
  find_units(st, n, units);
  for (const pugi::xml_node u : units) add_unit(st, u, section, self);
  if (!verb.empty()) add_operative(st, index, verb);
}

/// How many bytes of `text` are a paragraph number printed before the text: spaces,
/// one to three digits, a dash or period, and a space or tab ("\t1 -\t"); 0 when none.
std::size_t number_prefix(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && is_ascii_space(text[i])) ++i;
  const std::size_t digits = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == digits || i - digits > 3) return 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i < text.size() && (text[i] == '-' || text[i] == '.')) ++i;
  else if (text.compare(i, 3, "\xE2\x80\x93") == 0) i += 3;
  else return 0;
  // A tab after it, or the end of the text before the verb's markup: as the UN's files set
  // it ("\t1 -\t", "\t232\t."). A space would be prose: "8 - 11 November 2010".
  const std::size_t gap = i;
  while (i < text.size() && is_ascii_space(text[i])) ++i;
  const bool tab = std::string_view(text.substr(gap, i - gap)).find('\t') != std::string_view::npos;
  return tab || i == text.size() ? i : 0;
}

/// The first `p` of a unit's own text, in `content` or in the `intro` of its list, not in
/// its points or notes.
pugi::xml_node first_own_p(ParserState& st, pugi::xml_node n) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    const std::string_view name = st.local(c);
    if (name.empty() || in(name, {"num", "authorialNote"}) || is_unit(name)) continue;
    if (name == "p") return c;
    if (const pugi::xml_node p = first_own_p(st, c)) return p;
  }
  return {};
}

/// A unit with no number that holds only a heading: "<paragraph><subheading>Annex".
bool heading_only(const ParserState& st, pugi::xml_node n) {
  bool heading = false;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    const std::string_view name = st.local(c);
    if (name == "subheading" || name == "heading") heading = true;
    else if (!name.empty()) return false;
    else if (c.type() == pugi::node_element || !normalise_space(c.value()).empty()) return false;
  }
  return heading;
}

}  // namespace dossier::akn_reader
