// Annexes and components, read as parts of the document.
// An annex (`attachment`) or a part of a collection (`component`: resolutions 77/128 A and B)
// is a document of its own inside the file: a top-level Section, and its paragraphs are
// addressed within it, "A/RES/76/266 annex ¶12", since it numbers them afresh.
#include "akn_state.hpp"

namespace dossier::akn_reader {

namespace {

/// What a part is called in addresses: "annex" (the UN's one annex), "annex 2" (a second
/// without a name), "A" (component "Resolution A"), "component 2".
std::string part_label(ParserState& st, pugi::xml_node holder, pugi::xml_node inner, bool annex, std::size_t ordinal) {
  if (annex) {
    // The UN names its one annex "annex"; the akn exporter names each by its label.
    std::string name = normalise_space(inner.attribute("name").value());
    if (name.empty()) name = "annex";
    for (const Section& s : st.doc.sections)
      if (s.parent < 0 && s.label == name) return name + " " + std::to_string(ordinal);
    return name;
  }
  std::string shown;
  if (const auto it = st.component_names.find(holder.attribute("eId").value()); it != st.component_names.end())
    shown = it->second;
  // "Resolution A" -> "A", "Decision II" -> "II": the part's own letter or numeral.
  if (const std::size_t space = shown.rfind(' '); space != std::string::npos) shown.erase(0, space + 1);
  if (shown.empty()) {
    const pugi::xml_node number = st.find(st.child(inner, "preface"), "docNumber");
    shown = bare_number(plain_text(st, number));
  }
  return shown.empty() ? "component " + std::to_string(ordinal) : shown;
}

}  // namespace

/// The collection's table of its components: `documentRef href="comp_0" showAs="Resolution
/// A"` names the component whose eId is comp_0. Nothing else in it is text.
void read_collection_body(ParserState& st, pugi::xml_node body) {
  for_each_element(body, [&](pugi::xml_node e) {
    if (st.local(e) == "documentRef") {
      std::string_view href = e.attribute("href").value();
      if (!href.empty() && href.front() == '#') href.remove_prefix(1);
      st.component_names[std::string(href)] = normalise_space(e.attribute("showAs").value());
    }
    return true;
  });
}

/// Reads each `attachment` / `component` below `parts`.
void read_parts(ParserState& st, pugi::xml_node parts) {
  std::size_t ordinal = 0;
  for (pugi::xml_node holder = parts.first_child(); holder; holder = holder.next_sibling()) {
    const std::string_view holder_name = st.local(holder);
    if (!in(holder_name, {"attachment", "component"})) continue;
    ++ordinal;
    pugi::xml_node inner;  // the document element inside: doc, statement, act, ...
    for (pugi::xml_node c = holder.first_child(); c && !inner; c = c.next_sibling())
      if (!st.local(c).empty()) inner = c;
    if (!inner || st.local(inner) == "documentRef" || st.local(inner) == "interstitial") {
      if (inner) st.warn("<" + std::string(inner.name()) + "> to a document outside the file not read", inner);
      continue;
    }
    const bool annex = holder_name == "attachment";
    std::string label = part_label(st, holder, inner, annex, ordinal);
    Section s;
    s.kind = annex ? "annex" : "component";
    s.label = label;
    pugi::xml_node title = st.find(st.child(inner, "preface"), "docTitle");
    if (!title) title = st.find(st.child(inner, "coverPage"), "docTitle");
    s.title = plain_text(st, title);
    st.doc.sections.push_back(s);
    const int index = static_cast<int>(st.doc.sections.size()) - 1;
    st.part = label;
    const std::size_t first_block = st.doc.blocks.size();
    for (pugi::xml_node body = inner.first_child(); body; body = body.next_sibling()) {
      const std::string_view name = st.local(body);
      if (in(name, {"preamble", "mainBody", "body", "conclusions"})) {
        start_numbering(st, body);
        st.operative_body = !annex && name == "mainBody";
        walk(st, body, index, 1, false);
        st.operative_body = false;
      }
      else if (in(name, {"attachments", "components"})) st.warn("<" + std::string(body.name()) + "> inside a part not read", body);
    }
    st.part.clear();
    start_numbering(st, pugi::xml_node());
    // An annex prints its title as a heading after "Annex": "Progress Declaration of ...".
    for (std::size_t i = first_block; i < st.doc.blocks.size() && st.doc.sections[index].title.empty(); ++i) {
      const Block& b = st.doc.blocks[i];
      if (b.kind == BlockKind::heading && b.section == index && sub_annex_label(st, b.text).empty() &&
          b.text.compare(0, 5, "Annex") != 0)
        st.doc.sections[index].title = b.text;
      if (b.kind == BlockKind::numbered_paragraph) break;
    }
  }
}

}  // namespace dossier::akn_reader
