#include "cover.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <vector>

#include "furniture.hpp"
#include "pattern.hpp"
#include "text_util.hpp"

namespace dossier::readers {

namespace {

int ordinal_unit(std::string_view w) {
  static const std::array<std::string_view, 19> units = {
      "first",   "second",  "third",      "fourth",     "fifth",     "sixth",       "seventh",
      "eighth",  "ninth",   "tenth",      "eleventh",   "twelfth",   "thirteenth",  "fourteenth",
      "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
  for (std::size_t i = 0; i < units.size(); ++i)
    if (w == units[i]) return static_cast<int>(i) + 1;
  return 0;
}

int tens(std::string_view w, bool ordinal) {
  static const std::array<std::string_view, 8> cardinal = {"twenty", "thirty",  "forty",  "fifty",
                                                          "sixty",  "seventy", "eighty", "ninety"};
  static const std::array<std::string_view, 8> ordinals = {"twentieth", "thirtieth",  "fortieth",  "fiftieth",
                                                          "sixtieth",  "seventieth", "eightieth", "ninetieth"};
  const auto& list = ordinal ? ordinals : cardinal;
  for (std::size_t i = 0; i < list.size(); ++i)
    if (w == list[i]) return 20 + 10 * static_cast<int>(i);
  return 0;
}

// Lines of the head, each cut into its layout cells ("General Assembly      Distr.: General").
std::vector<std::string> head_cells(std::string_view head) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (start < head.size()) {
    std::size_t end = head.find('\n', start);
    if (end == std::string_view::npos) end = head.size();
    std::string line = trim(head.substr(start, end - start));
    line.erase(std::remove(line.begin(), line.end(), '\f'), line.end());
    // Markdown emphasis from converters ("**Human Rights Council**").
    line.erase(std::remove(line.begin(), line.end(), '*'), line.end());
    for (std::string_view c : layout_cells(line)) cells.push_back(trim(c));
    start = end + 1;
  }
  return cells;
}

bool body_name(const std::string& s) {
  if (s.empty() || s.size() > 60 || !starts_upper(s)) return false;
  return std::none_of(s.begin(), s.end(), [](char c) { return c == ':' || std::isdigit(static_cast<unsigned char>(c)); });
}

// "HUMAN RIGHTS COUNCIL" -> "Human Rights Council", "UNITED REPUBLIC OF TANZANIA" ->
// "United Republic of Tanzania"; names in mixed case stay as printed.
std::string title_case(std::string s) {
  if (upper_share(s) < 0.9) return s;
  static const std::set<std::string> connectors = {"of", "and", "the", "for", "on", "in", "de", "des", "du", "la", "le", "y", "del"};
  std::string out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == std::string::npos) end = s.size();
    std::string word = s.substr(start, end - start);
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!word.empty() && (out.empty() || !connectors.count(word))) {
      bool cap = true;
      for (char& c : word) {
        if (cap) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        cap = c == '-' || c == '(';
      }
    }
    out += (out.empty() ? "" : " ") + word;
    start = end + 1;
  }
  return out;
}

void set(Document& doc, std::string key, std::string value) {
  if (value.empty()) return;
  for (auto& m : doc.metadata)
    if (m.key == key) return;  // the first statement wins
  doc.metadata.push_back({std::move(key), std::move(value)});
}

}  // namespace

int english_ordinal(std::string_view word) {
  const std::string w = ascii_lower(word);
  if (const int u = ordinal_unit(w)) return u;
  if (const int t = tens(w, true)) return t;
  const std::size_t dash = w.find('-');
  if (dash == std::string::npos) return 0;
  const int t = tens(std::string_view(w).substr(0, dash), false);
  const int u = ordinal_unit(std::string_view(w).substr(dash + 1));
  return t && u && u < 10 ? t + u : 0;
}

void drop_trailing_note_markers(std::string& s) {
  for (;;) {
    if (!s.empty() && (s.back() == '*' || s.back() == ' ')) {
      s.pop_back();
    } else if (s.size() >= 3 && (s.compare(s.size() - 3, 3, "\xE2\x88\x97") == 0 ||   // U+2217 asterisk operator
                                 s.compare(s.size() - 3, 3, "\xE2\x80\xA0") == 0)) {  // U+2020 dagger
      s.resize(s.size() - 3);
    } else {
      return;
    }
  }
}

void read_cover(std::string_view head, Document& doc) {
  const std::vector<std::string> cells = head_cells(head);
  static const Pattern session(R"(^([A-Za-z\-]+)\s+session\b.*$)", /*ignore_case=*/true);
  static const Pattern agenda(R"(^(?:Agenda\s+item|Item)\s+(\d{1,3}(?:\s*\([a-z]\))?)(?:[\s,.;:].*)?$)", /*ignore_case=*/true);
  static const Pattern upr_title(
      R"(^(?:Report of the Working Group on the Universal Periodic Review|Rapport du Groupe de travail sur l\S{1,3}Examen p\S+riodique universel|Informe del Grupo de Trabajo sobre el Examen Peri\S+dico Universal)\W*$)",
      /*ignore_case=*/true);
  Match m;
  for (std::size_t i = 0; i < cells.size() && i < 80; ++i) {
    const std::string& c = cells[i];
    if (session.full(c, m)) {
      const int n = english_ordinal(m[1].view);
      if (n > 0) {
        set(doc, "session", std::to_string(n));
        if (doc.body.empty() && i > 0 && body_name(cells[i - 1])) doc.body = title_case(cells[i - 1]);
      }
    } else if (agenda.full(c, m)) {
      set(doc, "agenda_item", m[1].str());
    }
  }
  // A cover in another language, or none: the symbol of a General Assembly or Human Rights
  // Council document carries its session ("A/68/283", "A/HRC/43/15").
  if (metadata_value(doc, "session").empty()) {
    static const Pattern by_symbol(R"(^A/(?:HRC/)?(\d{1,3})/)");
    if (by_symbol.find(doc.symbol, m)) set(doc, "session", std::to_string(std::stoi(m[1].str())));
  }
  // The State under review: the line after the UPR report's title, which may wrap once.
  for (std::size_t i = 0; i < cells.size() && i < 80; ++i) {
    std::size_t after = 0;
    std::string title;
    if (upr_title.full(cells[i], m)) {
      after = i + 1;
      title = cells[i];
    } else if (i + 1 < cells.size() && upr_title.full(cells[i] + " " + cells[i + 1], m)) {
      after = i + 2;
      title = cells[i] + " " + cells[i + 1];
    } else {
      continue;
    }
    // The report's title as the cover prints it, in capitals on older covers: the title the
    // first lines may not give in the form a title takes ("REPORT OF THE WORKING GROUP ...").
    drop_trailing_note_markers(title);
    if (doc.title.empty()) doc.title = title_case(title);
    for (std::size_t j = after; j < cells.size() && j < after + 3; ++j) {
      std::string state = cells[j];
      if (state.empty()) continue;
      drop_trailing_note_markers(state);
      if (state.size() <= 60 && starts_upper(state) && word_count(state) <= 8)
        set(doc, "state_under_review", title_case(state));
      break;
    }
    break;
  }
}

std::string metadata_value(const Document& doc, std::string_view key) {
  for (const auto& m : doc.metadata)
    if (m.key == key) return m.value;
  return {};
}

}  // namespace dossier::readers
