// Classification: each logical line as a heading, section, numbered candidate, list item,
// table row, footnote or text, and what belongs to the page rather than the text.
#include "structure_parser.hpp"

#include "furniture.hpp"
#include "pattern.hpp"
#include "recommendations.hpp"
#include "sections.hpp"
#include "text_util.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>
#include <vector>

namespace dossier::readers::structure_parser {

// Lines of converted text that belong to the page, not to the text. Converted text keeps
// no pages to compare, so the shapes are known ones; paged sources (layout text, PDF) have
// had their furniture found by repetition (furniture.hpp) and only the symbol is left here.
bool furniture(const std::string& line, const std::string& symbol, bool paged) {
  static const Pattern page_number(R"(^(?:-\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*-)?$)");
  static const Pattern job_number(R"(^(?:GE\.)?\d{2}-\d{5}\s*(?:\(E\))?(?:\s+\d{6})?$)");
  static const Pattern page_word(R"(^Page \d+(?: of \d+)?$)", /*ignore_case=*/true);
  static const Pattern leftover(R"(^Select target paragraph\d*$)");  // annotation-tool residue
  if (!symbol.empty() && line == symbol) return true;
  if (paged) return false;
  // What the patterns can start with: most lines need none of them tried.
  const char c = line.empty() ? '\0' : line[0];
  if (!(c >= '0' && c <= '9') && std::string_view("-GPpSC").find(c) == std::string_view::npos) return false;
  return page_number.full(line) || job_number.full(line) ||
         page_word.full(line) || line == "Check against delivery." ||
         line == "Check against delivery" || leftover.full(line);
}

// A numbered line that reads as a paragraph even when it is as short as a heading: one that
// introduces a list (ends with ":", six words or more), or a recommendation ending with the
// States that made it ("... programmes (Zimbabwe)").
bool paragraph_anyway(const std::string& text) {
  if (text.empty()) return false;
  if (text.back() == ':' && word_count(text) >= 6) return true;
  std::size_t end = text.size();
  while (end > 0 && (text[end - 1] == ';' || text[end - 1] == '.' || text[end - 1] == '*' || text[end - 1] == ' ')) --end;
  return end > 0 && text[end - 1] == ')' && !recommending_states(std::string_view(text).substr(0, end)).empty();
}

namespace {

// Whether `text` stops in the middle of a sentence: after a comma or a word that cannot end
// one ("the", "and", "of"...; English, French, Spanish), or, in a numbered paragraph (prose,
// never a title or a name), after any word.
bool stops_mid_sentence(const std::string& text, bool numbered_paragraph) {
  if (text.empty()) return false;
  if (text.back() == ',') return true;
  if (!std::isalpha(static_cast<unsigned char>(text.back()))) return false;
  if (numbered_paragraph) return true;
  const std::size_t space = text.find_last_of(' ');
  const std::string last = text.substr(space == std::string::npos ? 0 : space + 1);
  static const std::set<std::string> words = {
      "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "by", "from", "at", "as", "that",
      "which", "its", "their", "between", "into", "than", "le", "la", "les", "de", "des", "du", "et", "en",
      "el", "los", "las", "y", "del", "que"};
  return words.count(last) > 0;
}

// SDG icons read by OCR: capitals with numbers between the words
// ("1 POVERTY IN THE PRINCES 10 REDUCED 17 PARTHERSHIPS"). Never document text.
bool icon_caption(const std::string& line) {
  if (upper_share(line) < 0.8) return false;
  std::istringstream in(line);
  int numbers = 0, words = 0;
  for (std::string w; in >> w;) {
    if (std::all_of(w.begin(), w.end(), ::isdigit)) ++numbers;
    else ++words;
  }
  return numbers >= 2 && words >= 2;
}

void add_footnote(ParserState& st, const std::string& label, const std::string& text, std::uint32_t line) {
  st.last_was_footnote = true;
  // Icon captions read by OCR come out as capitals with a footnote-like number.
  if (upper_share(text) > 0.8 && word_count(text) > 3) {
    st.doc.diagnostics.push_back({Diagnostic::Severity::info,
                                  "dropped OCR noise that looked like footnote " + label + ": " + text.substr(0, 60),
                                  {line, line}});
    st.doc.furniture.push_back(text);
    st.last_was_footnote = false;
    return;
  }
  st.footnotes.push_back({label, text, {}});
}

void add_table_row(ParserState& st, const Line& line) {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream row(line.text.substr(1));
  while (std::getline(row, cell, '\t')) {
    cell = strip_markup(cell);
    if (!cell.empty()) cells.push_back(cell);
  }
  if (cells.empty()) return;
  std::string joined;
  for (const auto& c : cells) joined += (joined.empty() ? "" : " | ") + c;
  if (!st.items.empty() && st.items.back().kind == Kind::table && st.items.back().span.last_line + 3 >= line.number) {
    st.items.back().cells.push_back(cells);
    st.items.back().text += "\n" + joined;
    st.items.back().span.last_line = line.number;
    return;
  }
  Item item;
  item.kind = Kind::table;
  item.cells.push_back(cells);
  item.text = joined;
  item.span = {line.number, line.number};
  st.items.push_back(std::move(item));
}

}  // namespace

void classify(ParserState& st) {
  static const Pattern numbered(R"(^(\d{1,4})\.\s+(\S.*)$)", false, "0123456789");
  // A number without its period ("106 Sierra Leone noted ..."): a paragraph only if the
  // numbering says so (see number_paragraphs()).
  static const Pattern bare_number(R"(^(\d{1,4})\s+(\S.*)$)", false, "0123456789");
  // Alternatives, not a bracket class: patterns match bytes, and most bullets are
  // several bytes of UTF-8 (•, ●, ·, ▪, and U+F0A7 from Word's symbol font).
  static const Pattern bullet(
      R"(^(-|\xE2\x80\xA2|\xE2\x97\x8F|\xEF\x82\xA7|\xEF\x82\xB7|\xC2\xB7|\xE2\x96\xAA|o)\s+(\S.*)$)", false,
      "-\xE2\xEF\xC2o");
  static const Pattern enumerator(R"(^(\(?[a-z]\)|\(?\d{1,2}\)|[a-z]\.)\s+(\S.*)$)", false,
                                  "(abcdefghijklmnopqrstuvwxyz0123456789");
  // A line of a table of contents: a title, a dot leader, paragraph and page numbers.
  static const Pattern contents_line(R"(^(.*?\S)\s*(?:\.\s?){4,}[\s.]*([0-9][0-9\s,\-\xE2\x80\x93]*)?$)");

  bool list_open = false;  // after a line ending with ':' or a recommendations heading
  int last_list_number = 0;
  st.items.reserve(st.lines.size());  // at most one item per line
  for (const Line& line : st.lines) {
    if (furniture(line.text, st.doc.symbol, st.paged)) {
      st.doc.furniture.push_back(line.text);
      continue;
    }
    Match m;
    // A contents line ends with its page number or its dots: only such lines are searched
    // for a leader, and only those that have one are matched (the pattern scans the line).
    const std::string& t = line.text;
    const char end = t.back();
    const bool leader = (std::isdigit(static_cast<unsigned char>(end)) ||
                         (end == '.' && t.size() >= 2 && (t[t.size() - 2] == '.' || t[t.size() - 2] == ' '))) &&
                        (t.find("....") != std::string::npos || t.find(". . .") != std::string::npos);
    if (leader && line.text[0] != '\t' && contents_line.full(line.text, m)) {
      std::string row = "\t" + m[1].str();
      if (m[2].matched) {
        const std::string numbers = trim(m[2].view);  // the cells are views into it
        for (std::string_view n : layout_cells(numbers)) row += "\t" + std::string(n);
      }
      add_table_row(st, {row, line.number, line.indented, line.after_blank, {}});
      continue;
    }
    if (icon_caption(line.text)) {
      st.doc.furniture.push_back(line.text);
      st.doc.diagnostics.push_back({Diagnostic::Severity::info,
                                    "dropped OCR noise (icon captions): " + line.text.substr(0, 60),
                                    {line.number, line.number}});
      continue;
    }
    std::string label, body;
    if (footnote_line(line.text, label, body)) {
      add_footnote(st, label, body, line.number);
      continue;
    }
    // A bare URL line after a footnote finishes that footnote ("²⁷ ... 2017,\n\nhttp://...").
    if (!st.footnotes.empty() && st.last_was_footnote && line.text.rfind("http", 0) == 0 &&
        st.footnotes.back().text.size() + line.text.size() < max_line_bytes) {
      st.footnotes.back().text += " " + line.text;
      continue;
    }
    st.last_was_footnote = false;

    if (line.text[0] == '\t') {
      add_table_row(st, line);
      continue;
    }
    std::vector<std::string> refs = line.footnote_refs;
    std::string text = trim(take_superscripts(line.text, refs));
    if (text.empty()) continue;

    // Continuations: an indented line that is not an item, or a line in lower case after
    // an unfinished paragraph (a page break or footnotes came between).
    if (!st.items.empty()) {
      Item& last = st.items.back();
      const bool open = last.kind == Kind::candidate || last.kind == Kind::text || last.kind == Kind::list_item;
      const bool is_bullet = bullet.full(text, m);
      const bool starts_item = is_bullet || enumerator.full(text, m);
      // A bullet that a converter put before the rest of the item cut by a page break
      // ("- covering all policy dimensions..." after "... approach to migration governance,").
      Match inner;
      const std::string after_marker = is_bullet ? m[2].str() : std::string();
      const bool cut_item = is_bullet && last.kind == Kind::list_item && !ends_sentence(last.text) &&
                            starts_lower(after_marker) && !bullet.full(after_marker, inner) &&
                            !enumerator.full(after_marker, inner);
      // A sentence cut in the middle by a page break goes on whatever the case of the next
      // word ("... of great concern to the Special" + "Rapporteur, who ..."), when the text
      // plainly stops mid-sentence: a numbered paragraph ending in a word, or any paragraph
      // ending in a comma or a word such as "the", "and", "of".
      Label next_label;
      std::string next_rest;
      const bool cut_sentence = open && !starts_item && std::isalpha(static_cast<unsigned char>(text[0])) &&
                                !ends_sentence(last.text) &&
                                stops_mid_sentence(last.text, last.kind == Kind::candidate) &&
                                upper_share(text) < 0.8 && !split_label(text, next_label, next_rest);
      // Never past the line limit: a run that long is no paragraph anyone wrote.
      if (open && (!starts_item || cut_item) && last.text.size() + text.size() < max_line_bytes &&
          ((line.indented && !line.after_blank) || (!ends_sentence(last.text) && starts_lower(text)) || cut_item ||
           cut_sentence)) {
        last.text.append(1, ' ').append(cut_item ? after_marker : text);
        last.span.last_line = line.number;
        last.footnotes.insert(last.footnotes.end(), refs.begin(), refs.end());
        continue;
      }
    }

    Item item;
    item.span = {line.number, line.number};
    item.footnotes = refs;

    // "1. Recommendations to States:", "Policy Options:", "Political recommendations"
    Label lab;
    std::string rest = text;
    const bool labelled = split_label(text, lab, rest);
    auto push_section = [&] {
      item.kind = Kind::section;
      item.label = lab;
      item.text = rest;
      list_open = false;
      st.items.push_back(std::move(item));
    };
    if (labelled && lab.style == LabelStyle::annex) {
      push_section();
      continue;
    }
    if (const auto heading = recommendation_heading(rest)) {
      item.kind = Kind::rec_heading;
      item.text = text;
      item.label = labelled ? lab : Label{};
      item.rec.kind = heading->kind;
      item.rec.addressee = heading->addressee;
      item.rec.active = heading->opens_list;
      st.items.push_back(std::move(item));
      list_open = true;
      last_list_number = 0;
      continue;
    }

    // A bullet or enumerated item: marker in m[1], text in m[2].
    auto push_list_item = [&](const Match& match) {
      item.kind = Kind::list_item;
      item.marker = match[1].str();
      item.text = match[2].str();
      item.nested = line.indented;
      st.items.push_back(std::move(item));
    };
    if (bullet.full(text, m)) {
      push_list_item(m);
      continue;
    }
    // "121.1 Ratify ..." (UPR recommendations): sub-paragraphs of paragraph 121.
    static const Pattern subnumbered(R"(^(\d{1,4})\.(\d{1,3})\.?\s+(\S.*)$)", false, "0123456789");
    if (subnumbered.full(text, m) && upper_share(m[3].str()) < 0.8 &&
        (!heading_like(m[3].str()) || paragraph_anyway(m[3].str()) || word_count(m[3].str()) > 14)) {
      item.kind = Kind::candidate;
      item.number = m[1].str() + "." + m[2].str();
      item.text = m[3].str();
      st.items.push_back(std::move(item));
      continue;
    }
    if (numbered.full(text, m)) {
      const int n = std::stoi(m[1].str());
      const std::string body_text = m[2].str();
      // Inside a list (after "...:" or a recommendations heading) numbers restart at 1
      // and count items, not paragraphs.
      if (list_open && n == last_list_number + 1) {
        item.kind = Kind::list_item;
        item.marker = m[1].str() + ".";
        item.text = body_text;
        last_list_number = n;
        st.items.push_back(std::move(item));
        continue;
      }
      if (upper_share(body_text) < 0.8 &&
          (!heading_like(body_text) || paragraph_anyway(body_text) || word_count(body_text) > 14)) {
        list_open = false;
        item.kind = Kind::candidate;
        item.number = m[1].str();
        item.text = body_text;
        st.items.push_back(std::move(item));
        continue;
      }
    }
    if (bare_number.full(text, m) && !heading_like(m[2].str()) && word_count(m[2].str()) > 6 &&
        !starts_lower(m[2].view)) {
      item.kind = Kind::candidate;
      item.weak = true;
      item.number = m[1].str();
      item.text = m[2].str();
      st.items.push_back(std::move(item));
      continue;
    }
    // Named labels ("RT Session 3.1: ...") make headings even with long titles.
    const bool named_heading = labelled && lab.style != LabelStyle::numeric && rest.size() <= 240 &&
                               rest.back() != '.' && rest.back() != ';' && rest.back() != ',' &&
                               std::isupper(static_cast<unsigned char>(rest[0]));
    if (labelled && (heading_like(rest) || named_heading) && find_date(text).empty()) {
      if (lab.style == LabelStyle::paren_letter && ends_sentence(rest)) {
        // "(a) Ratify ..." is an enumerated item, not a heading.
      } else {
        push_section();
        continue;
      }
    }
    if (enumerator.full(text, m)) {
      push_list_item(m);
      continue;
    }
    item.text = text;
    if (upper_share(text) > 0.8 && heading_like(text) && text.size() > 3) {
      item.kind = Kind::heading;
      list_open = false;
    } else {
      item.kind = Kind::text;
      // A paragraph that introduces a list: "...the following were mentioned:"
      list_open = text.back() == ':';
      last_list_number = 0;
    }
    st.items.push_back(std::move(item));
  }
}

}  // namespace dossier::readers::structure_parser
