// Recommendations: the units of an `hcontainer name="recommendation"`, and a resolution's
// operative paragraphs with their verb and whom it asks to act.
#include "akn_state.hpp"

#include "operative.hpp"

namespace dossier::akn_reader {

/// The units of an `hcontainer name="recommendation"`, read in place, and the
/// recommendation they make: the first one's text, then each list item's after its marker.
void add_recommendation(ParserState& st, pugi::xml_node n, int section, int level) {
  const std::size_t first = st.doc.blocks.size();
  walk(st, n, section, level, true);
  if (st.doc.blocks.size() == first) {
    st.warn("recommendation without text", n);
    return;
  }
  Recommendation r;
  r.address = st.doc.blocks[first].address;
  r.text = st.doc.blocks[first].text;
  for (std::size_t i = first + 1; i < st.doc.blocks.size(); ++i) {
    const Block& b = st.doc.blocks[i];
    if (b.kind == BlockKind::list_item) r.text += " " + (b.marker.empty() ? "" : b.marker + " ") + b.text;
  }
  r.kind = normalise_space(n.attribute("class").value());
  if (r.kind.empty()) r.kind = "recommendation";
  std::string_view ref = n.attribute("refersTo").value();
  if (!ref.empty() && ref.front() == '#') ref.remove_prefix(1);
  if (!ref.empty()) {
    for_each_element(st.child(st.document, "meta"), [&](pugi::xml_node e) {
      if (e.attribute("eId").value() != ref) return true;
      r.addressee = e.attribute("showAs").value();
      return false;
    });
  }
  st.doc.recommendations.push_back(std::move(r));
}

/// The operative verb the UN sets in italics at the start of an operative paragraph
/// ("<span class="italic">Calls upon</span> States to ..."), in every language that has
/// italics; empty when the paragraph does not open with one.
std::string operative_verb(ParserState& st, pugi::xml_node unit) {
  const pugi::xml_node p = first_own_p(st, unit);
  if (!p) return {};
  for (pugi::xml_node c = p.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata) {
      if (normalise_space(c.value()).empty() || number_prefix(c.value()) == std::string_view(c.value()).size())
        continue;  // the paragraph's number printed in its text
      return {};
    }
    if (c.type() != pugi::node_element) continue;
    const std::string_view name = st.local(c);
    const bool italic = name == "i" || (name == "span" && std::string_view(c.attribute("class").value()).find("italic") !=
                                                              std::string_view::npos);
    if (!italic) return {};
    std::string verb = plain_text(st, c);
    while (!verb.empty() && (verb.back() == ',' || verb.back() == ':')) verb.pop_back();
    return readers::operative_verb_like(verb, st.doc.language) ? verb : std::string();
  }
  return {};
}

/// The block at `index` and its points make an operative paragraph: a recommendation
/// with its verb and, when the verb asks someone to act, whom it asks.
void add_operative(ParserState& st, std::size_t index, const std::string& verb) {
  const Block& first = st.doc.blocks[index];
  Recommendation r;
  r.address = first.address;
  r.kind = "operative_paragraph";
  r.verb = verb;
  r.text = readers::text_with_points(st.doc, index);
  const std::string_view rest = std::string_view(first.text).substr(
      first.text.compare(0, verb.size(), verb) == 0 ? verb.size() : 0);
  r.addressee = readers::operative_addressee(verb, rest, st.doc.language);
  st.doc.recommendations.push_back(std::move(r));
}

}  // namespace dossier::akn_reader
