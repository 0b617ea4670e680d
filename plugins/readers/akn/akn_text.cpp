// The text of elements for blocks and metadata: notes recorded rather than copied, links to
// UN documents kept, and the source line where the text ends.
#include "akn_state.hpp"

namespace dossier::akn_reader {

namespace {

/// Elements that start a new line of text, so their text must not run into their neighbours'.
bool is_block_element(std::string_view name) {
  return in(name, {"p", "block", "blockList", "listIntroduction", "listWrapUp", "intro", "wrapUp", "content",
                   "container", "blockContainer", "formula", "tblock", "table", "tr", "td", "th", "caption", "ul",
                   "ol", "li", "heading", "subheading", "num", "list", "longTitle", "toc", "tocItem", "crossHeading"});
}

/// The UN symbol an undocs.org link points at ("https://undocs.org/en/A/RES/73/195" ->
/// "A/RES/73/195"), or "" for any other link.
std::string undocs_symbol(std::string_view href) {
  for (std::string_view scheme : {"https://", "http://"})
    if (href.substr(0, scheme.size()) == scheme) href.remove_prefix(scheme.size());
  if (href.substr(0, 4) == "www.") href.remove_prefix(4);
  if (href.substr(0, 11) != "undocs.org/") return {};
  href.remove_prefix(11);
  if (href.find_first_of("?#=") != std::string_view::npos) return {};
  std::string path;
  for (std::size_t i = 0; i < href.size(); ++i) {
    const auto hex = [](char c) {
      return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    };
    if (href[i] == '%' && i + 2 < href.size() && hex(href[i + 1]) >= 0 && hex(href[i + 2]) >= 0) {
      path += static_cast<char>(hex(href[i + 1]) * 16 + hex(href[i + 2]));
      i += 2;
    } else {
      path += href[i];
    }
  }
  for (std::string_view lang : {"ar/", "en/", "es/", "fr/", "ru/", "zh/"})
    if (path.compare(0, 3, lang) == 0) path.erase(0, 3);
  while (!path.empty() && path.back() == '/') path.pop_back();
  const bool has_digit = std::any_of(path.begin(), path.end(), [](char c) { return c >= '0' && c <= '9'; });
  return path.find('/') != std::string::npos && has_digit ? path : std::string();
}

}  // namespace

/// Normalised text of `n` without its notes, for metadata.
std::string plain_text(ParserState& st, pugi::xml_node n) {
  Collected c;
  collect_children(st, n, c, false);
  return normalise_space(c.text);
}

std::string note_label(ParserState& st, pugi::xml_node note) {
  if (const char* marker = note.attribute("marker").value(); *marker) return normalise_space(marker);
  if (const pugi::xml_node num = st.child(note, "num")) return bare_number(plain_text(st, num));
  if (const char* id = note.attribute("eId").value(); *id) return id;
  return "note " + std::to_string(st.doc.footnotes.size() + 1);
}

void collect_children(ParserState& st, pugi::xml_node n, Collected& out, bool skip_units) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) collect(st, c, out, skip_units);
}

/// Appends the text of `n` to `out`. Notes are recorded, not copied; with `skip_units`,
/// nested paragraphs and points are left out because they become blocks of their own.
void collect(ParserState& st, pugi::xml_node n, Collected& out, bool skip_units) {
  if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
    const std::string_view value = n.value();
    out.text += value;
    // The span ends at the last printed character: indentation before closing tags
    // belongs to no block.
    std::size_t last = value.size();
    while (last > 0 && is_ascii_space(value[last - 1])) --last;
    const std::uint32_t line = last ? st.line_of(n.offset_debug()) : 0;
    if (line) {
      const auto breaks = static_cast<std::uint32_t>(std::count(value.begin(), value.begin() + static_cast<std::ptrdiff_t>(last), '\n'));
      out.last_line = std::max(out.last_line, line + breaks);
    }
    return;
  }
  if (n.type() != pugi::node_element) return;  // comments, processing instructions
  const std::string_view name = st.local(n);
  if (name == "authorialNote") {
    out.notes.push_back({n, note_label(st, n)});
    return;
  }
  if (name == "noteRef") {
    std::string_view href = n.attribute("href").value();
    if (!href.empty() && href.front() == '#') href.remove_prefix(1);
    const auto it = st.meta_notes.find(std::string(href));
    if (it != st.meta_notes.end()) {
      std::string label = normalise_space(n.attribute("marker").value());
      out.notes.push_back({it->second, label.empty() ? note_label(st, it->second) : label});
    } else {
      st.warn("noteRef to unknown note '" + std::string(href) + "'", n);
    }
    return;
  }
  if (skip_units && is_unit(name)) return;
  if (in(name, {"eol", "eop", "br"})) {
    out.text += ' ';
    return;
  }
  if (name == "img") return;
  const bool block = is_block_element(name);
  if (block) out.text += ' ';
  const std::size_t start = out.text.size();
  collect_children(st, n, out, skip_units);
  if (name == "a" || name == "ref") {
    std::string symbol = undocs_symbol(n.attribute("href").value());
    if (!symbol.empty()) out.links.emplace_back(std::move(symbol), normalise_space(out.text.substr(start)));
  }
  if (block) out.text += ' ';
}

}  // namespace dossier::akn_reader
