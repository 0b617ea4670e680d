// Heading scopes: where a part numbers its paragraphs afresh under each heading, the heading's
// label ("section II", "annex I") goes into the addresses of the paragraphs after it.
#include "akn_state.hpp"

#include <dossier/model.hpp>

namespace dossier::akn_reader {

namespace {

/// The word a heading labels its part with, in English whatever the language, so that
/// "Anexo I ¶3" and "Annex I ¶3" are one address in every version: "anexo", "annexe",
/// "Приложение" -> "annex"; "sección" -> "section"; "artículo" -> "article".
std::string canonical_scope_word(const std::string& word) {
  static const std::map<std::string_view, std::string_view> words = {
      {"annex", "annex"}, {"annexe", "annex"}, {"anexo", "annex"}, {"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xBB\xD0\xBE\xD0\xB6\xD0\xB5\xD0\xBD\xD0\xB8\xD0\xB5", "annex"},
      {"\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBB\xD0\xBE\xD0\xB6\xD0\xB5\xD0\xBD\xD0\xB8\xD0\xB5", "annex"}, {"\xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD9\x81\xD9\x82", "annex"},
      {"\xE9\x99\x84\xE4\xBB\xB6", "annex"},
      {"section", "section"}, {"secci\xC3\xB3n", "section"}, {"\xD0\xA0\xD0\xB0\xD0\xB7\xD0\xB4\xD0\xB5\xD0\xBB", "section"},
      {"\xD1\x80\xD0\xB0\xD0\xB7\xD0\xB4\xD0\xB5\xD0\xBB", "section"}, {"\xD8\xA7\xD9\x84\xD8\xAC\xD8\xB2\xD8\xA1", "section"},
      {"article", "article"}, {"art\xC3\xAD" "culo", "article"}, {"\xD0\xA1\xD1\x82\xD0\xB0\xD1\x82\xD1\x8C\xD1\x8F", "article"},
      {"part", "part"}, {"partie", "part"}, {"parte", "part"}, {"\xD0\xA7\xD0\xB0\xD1\x81\xD1\x82\xD1\x8C", "part"},
      {"chapter", "chapter"}, {"chapitre", "chapter"}, {"cap\xC3\xADtulo", "chapter"}, {"\xD0\x93\xD0\xBB\xD0\xB0\xD0\xB2\xD0\xB0", "chapter"}};
  const auto it = words.find(word);
  return it != words.end() ? std::string(it->second) : word;
}

/// A heading that labels what follows: "I" -> "section I", "Article 2" -> "article 2",
/// "Guideline 1. Use of terms" -> "guideline 1", "Part A. Agenda" -> "part A"; "" for a
/// heading that is a title only ("Introduction").
std::string scope_label(std::string_view heading) {
  std::string_view h = heading;
  while (!h.empty() && h.front() == ' ') h.remove_prefix(1);
  std::string word;
  std::size_t i = 0;
  while (i < h.size() && ((h[i] >= 'a' && h[i] <= 'z') || (h[i] >= 'A' && h[i] <= 'Z') ||
                          static_cast<unsigned char>(h[i]) >= 0x80))
    ++i;
  if (i < h.size() && h[i] == ' ' && i > 1) {  // a word, then the numeral
    word = canonical_scope_word(ascii_lower(h.substr(0, i)));
    h.remove_prefix(i + 1);
  }
  std::size_t n = 0;
  const bool digits = !h.empty() && h[0] >= '0' && h[0] <= '9';
  while (n < h.size() && (digits ? (h[n] >= '0' && h[n] <= '9')
                                 : (h[n] == 'I' || h[n] == 'V' || h[n] == 'X' || h[n] == 'L' || h[n] == 'C')))
    ++n;
  if (n == 0 && !h.empty() && h[0] >= 'A' && h[0] <= 'Z') n = 1;  // "A", "B"
  if (n == 0 || n > 6) return {};
  if (n < h.size() && h[n] != '.' && h[n] != ' ' && h[n] != ':' && h[n] != ')') return {};
  // A bare letter needs to stand alone or before a full stop: "A. Introduction", not "As".
  if (word.empty() && n < h.size() && heading.size() > 40) return {};
  return (word.empty() ? std::string("section") : word) + " " + std::string(h.substr(0, n));
}

/// Whether the paragraph numbers of the part `body` (the document's body, an annex) repeat:
/// then they restart under each heading, and addresses carry that heading.
bool numbers_repeat(ParserState& st, pugi::xml_node body) {
  std::set<std::string> seen;
  bool repeat = false;
  for_each_element(body, [&](pugi::xml_node e) {
    if (!is_unit(st.local(e)) || st.local(e.parent()) == "list" || is_unit(st.local(e.parent()))) return true;
    for (pugi::xml_node up = e.parent(); up && up != body; up = up.parent())
      if (is_unit(st.local(up))) return true;
    const std::string number = bare_number(plain_text(st, st.child(e, "num")));
    if (!number.empty() && !seen.insert(number).second) repeat = true;
    return !repeat;
  });
  return repeat;
}

}  // namespace

/// "Annex I", "Annex 2" printed as a heading inside an annex: a further annex that numbers
/// its paragraphs afresh. Returns its label ("annex I"), or "" for anything else.
std::string sub_annex_label(const ParserState& st, const std::string& heading) {
  if (st.part.compare(0, 5, "annex") != 0) return {};
  const std::size_t space = heading.find(' ');
  if (space == std::string::npos || heading.size() - space > 8 || heading.size() > 40) return {};
  if (canonical_scope_word(ascii_lower(std::string_view(heading).substr(0, space))) != "annex") return {};
  const std::string numeral = heading.substr(space + 1);
  if (numeral.empty()) return {};
  const bool ok = std::all_of(numeral.begin(), numeral.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
  });
  return ok ? "annex " + numeral : std::string();
}

/// Address of a numbered unit: "<id> ¶4(a)", or "<id> annex ¶12" inside a part, or
/// "<id> section II ¶1" where the part numbers its paragraphs afresh under each heading.
std::string unit_address(const ParserState& st, const std::string& tail) {
  std::string where = st.doc.id;
  if (!st.part.empty()) where += " " + st.part;
  if (!st.scope.empty()) where += " " + st.scope;
  return paragraph_address(where, tail);
}

/// Starts reading a body or annex: no heading scope yet.
void start_numbering(ParserState& st, pugi::xml_node body) {
  st.restarts = numbers_repeat(st, body);
  st.scope.clear();
  st.next_scope.clear();
  st.scope_numbers.clear();
  st.fallback_scopes = 0;
}

/// The scope of top-level paragraph `number`: the last labelling heading's, or, where a
/// number repeats with no such heading between, "part 2", "part 3"...
void enter_scope(ParserState& st, const std::string& number) {
  if (!st.restarts) return;
  if (st.scope_numbers[st.next_scope].count(number)) {
    do st.next_scope = "part " + std::to_string(++st.fallback_scopes + 1);
    while (st.scope_numbers.count(st.next_scope));
  }
  st.scope = st.next_scope;
  st.scope_numbers[st.scope].insert(number);
}

/// Notes this heading as the scope of the paragraphs after it, where numbers restart.
void heading_seen(ParserState& st, const std::string& text) {
  if (!st.restarts) return;
  std::string label = scope_label(text);
  if (!label.empty() && label != st.part) {  // "Annex II" opening the part is the part's own
    st.next_scope = label;
    st.scope_numbers[label];  // known, so that a "part N" fallback never takes its name
  }
}

}  // namespace dossier::akn_reader
