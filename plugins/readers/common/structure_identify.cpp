// The document's identity from its first lines: symbol, date, language, id and title.
#include "structure_parser.hpp"

#include "cover.hpp"
#include "pattern.hpp"
#include "text_util.hpp"

#include <dossier/model.hpp>
#include <dossier/domain/citation.hpp>

namespace dossier::readers::structure_parser {

namespace {

std::string find_title(const ParserState& st) {
  // Title: a bold "Report of..." / "Note by..." line in UN reports, else the first line
  // that reads like one.
  static const Pattern bold_title(R"(\*\*((?:Report|Note|Thematic|Summary)[^*]{10,200})\*\*)");
  Match m;
  if (bold_title.find(st.raw_head, m)) {
    return trim(m[1].str());
  }
  static const Pattern title_opening(
      R"(^(?:Report|Compilation|Summary|Note by|Letter dated|Resolution|Draft|Outcome|Thematic|Concluding observations|Rapport|R\xC3\xA9sum\xC3\xA9|Note du|Note de|Lettre dat\xC3\xA9e|R\xC3\xA9solution|Projet|Observations finales|Informe|Compilaci\xC3\xB3n|Resumen|Nota del|Nota de|Carta de fecha|Resoluci\xC3\xB3n|Proyecto|Observaciones finales)\b.{10,})");
  for (std::size_t i = 0; i < st.lines.size() && i < 40; ++i) {
    if (title_opening.find(st.lines[i].text, m)) {
      std::vector<std::string> markers;
      return trim(take_superscripts(st.lines[i].text, markers)).substr(0, 200);
    }
  }
  for (const auto& l : st.lines) {
    if (l.text[0] == '\t' || furniture(l.text, st.doc.symbol, st.paged) || word_count(l.text) < 3) continue;
    return l.text.substr(0, 200);
  }
  return {};
}

// What a title line may have taken from the lines after it on the cover: the column heads of
// the table of contents ("Contents   Paragraphs   Page", set apart by a column gap) and, in a
// UPR report, the State under review, which the title then names after a colon as the UN's
// catalogue does ("Report of the Working Group on the Universal Periodic Review: Gabon").
void finish_title(Document& doc) {
  std::string& title = doc.title;
  if (const auto gap = title.find("   "); gap != std::string::npos) title.resize(gap);
  const std::string state = metadata_value(doc, "state_under_review");
  if (!state.empty()) {
    const std::string lower = ascii_lower(title);
    const auto at = lower.find(" " + ascii_lower(state), 10);
    if (at != std::string::npos) title.resize(at);
  }
  // "Report of the Working Group on the Universal Periodic Review*": the star is a note's.
  drop_trailing_note_markers(title);
  while (!title.empty() && title.back() == ':') title.pop_back();
  if (!state.empty() && !title.empty()) title += (doc.language == "fr" ? " : " : ": ") + state;
}

}  // namespace

void identify(ParserState& st) {
  std::string head;
  for (std::size_t i = 0; i < st.lines.size() && head.size() < 4000; ++i) head += st.lines[i].text + "\n";
  // A running head is the symbol alone on a line (or at the start of a flattened page);
  // the cover prints it at the end of its first line ("United Nations   A/RES/76/172").
  for (std::size_t i = 0; i < st.lines.size() && st.doc.symbol.empty(); ++i) {
    const std::string& text = st.lines[i].text;
    const std::string s = find_symbol(text.substr(0, 40));
    if (!s.empty() && (text == s || text.rfind(s + " ", 0) == 0)) {
      st.doc.symbol = s;
    } else if (i < 3 && text.size() > 4) {
      const std::size_t cut = text.find_last_of(' ');
      const std::string last = cut == std::string::npos ? std::string() : text.substr(cut + 1);
      if (!last.empty() && find_symbol(last) == last) st.doc.symbol = last;
    }
  }
  st.doc.date = find_date(head);
  read_cover(st.raw_head, st.doc);
  {  // the language of the text, from a sample of it
    std::string sample;
    for (const auto& l : st.lines) {
      if (sample.size() > 8000) break;  // some 1,300 words: plenty to tell six languages apart
      sample.append(l.text).push_back('\n');
    }
    st.doc.language = detect_language(sample);
  }
  std::string stem = st.path;
  if (auto slash = stem.find_last_of('/'); slash != std::string::npos) stem = stem.substr(slash + 1);
  if (auto dot = stem.find_last_of('.'); dot != std::string::npos && dot > 0) stem = stem.substr(0, dot);
  st.doc.id = st.doc.symbol.empty() ? slugify(stem) : st.doc.symbol;

  if (st.doc.title.empty()) st.doc.title = find_title(st);  // a UPR report's cover gives it
  finish_title(st.doc);
}

}  // namespace dossier::readers::structure_parser
