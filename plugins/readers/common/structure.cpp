#include "structure.hpp"

#include "checks.hpp"
#include "cover.hpp"
#include "footnotes.hpp"
#include "furniture.hpp"
#include "numbering.hpp"
#include "operative.hpp"
#include "pattern.hpp"
#include "recommendations.hpp"
#include "sections.hpp"
#include "text_util.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include <dossier/address.hpp>
#include <dossier/domain/citation.hpp>
#include <dossier/domain/references.hpp>
#include <dossier/domain/text_repair.hpp>

namespace dossier::readers {

namespace {

// ---------------------------------------------------------------------------------------
// Small text helpers

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

// ---------------------------------------------------------------------------------------
// The parser

// A UPR report's list of recommendations to the State under review, opened by the
// paragraph that introduces it; items numbered "N.1", "N.2" ... (later cycles) or "1.",
// "2." ... (first cycle).
struct UprList {
  bool active = false;
  std::string number;      // of the introducing paragraph
  std::string addressee;   // the State under review
  std::string position;    // what the introduction says of them
  std::string item_style;  // marker style of a first-cycle list's items
};

struct RecommendationContext {
  bool active = false;
  std::string kind;
  std::string addressee;
  bool numbered = false;  // recommendations are numbered paragraphs (ends only at a heading)
  int level = 0;          // section level it was opened at
  int items = 0;          // recommendations found under it so far
};

class Parser {
 public:
  Parser(ParsedSource source, const std::string& path)
      : lines_(std::move(source.lines)), raw_head_(std::move(source.raw_head)), path_(path) {
    doc_.symbol = std::move(source.symbol);
    doc_.furniture = std::move(source.furniture);
    footnotes_ = std::move(source.footnotes);
    doc_.diagnostics = std::move(source.diagnostics);
    paged_ = source.pages > 0;
  }

  Document run() {
    identify();
    const std::size_t known_furniture = doc_.furniture.size();
    // One page flattened onto one line (file 000): a single line of text among furniture.
    // Two lines of text settle it, so most documents are looked at no further.
    std::vector<const Line*> body;
    for (const auto& l : lines_) {
      if (!furniture(l.text, doc_.symbol, paged_)) body.push_back(&l);
      else doc_.furniture.push_back(l.text);
      if (body.size() > 1) break;
    }
    if (body.size() == 1 && body[0]->text.size() > 1500) {
      parse_flattened_page(body[0]->text, body[0]->number);
    } else {
      doc_.furniture.resize(known_furniture);  // classify() records the rest in reading order
      classify();
      number_paragraphs();
      build();
      add_operative_paragraphs(doc_);
      infer_implied_addressees(doc_);
      check_recommendation_lists(doc_, lists_);
    }
    check_recommendations(doc_);
    check_text_after_last_paragraph(doc_);
    resolve_footnotes(doc_, std::move(footnotes_));
    for (const auto& b : doc_.blocks) {
      if (b.kind == BlockKind::table) continue;  // contents lists repeat the headings
      auto found = find_references(b.text, b.address);
      doc_.references.insert(doc_.references.end(), found.begin(), found.end());
    }
    // Footnotes cite documents most of all; their references belong to the citing block.
    for (const auto& f : doc_.footnotes) {
      auto found = find_references(f.text, f.anchors.empty() ? doc_.id : f.anchors.front());
      doc_.references.insert(doc_.references.end(), found.begin(), found.end());
    }
    return std::move(doc_);
  }

 private:
  using Line = SourceLine;

  enum class Kind { heading, section, candidate, list_item, text, table, rec_heading };

  struct Item {
    Kind kind;
    std::string text;
    std::string number;  // candidate paragraph number
    Label label;         // sections
    std::string marker;  // list items
    bool nested = false;
    bool weak = false;   // candidate printed without its period
    std::vector<std::string> footnotes;
    std::vector<std::vector<std::string>> cells;
    SourceSpan span;
    RecommendationContext rec;  // rec_heading: the context it opens
    std::string part;           // candidate of an annex that numbers afresh: "annex", "annex II"
  };

  void identify() {
    std::string head;
    for (std::size_t i = 0; i < lines_.size() && head.size() < 4000; ++i) head += lines_[i].text + "\n";
    // A running head is the symbol alone on a line (or at the start of a flattened page);
    // the cover prints it at the end of its first line ("United Nations   A/RES/76/172").
    for (std::size_t i = 0; i < lines_.size() && doc_.symbol.empty(); ++i) {
      const std::string& text = lines_[i].text;
      const std::string s = find_symbol(text.substr(0, 40));
      if (!s.empty() && (text == s || text.rfind(s + " ", 0) == 0)) {
        doc_.symbol = s;
      } else if (i < 3 && text.size() > 4) {
        const std::size_t cut = text.find_last_of(' ');
        const std::string last = cut == std::string::npos ? std::string() : text.substr(cut + 1);
        if (!last.empty() && find_symbol(last) == last) doc_.symbol = last;
      }
    }
    doc_.date = find_date(head);
    read_cover(raw_head_, doc_);
    {  // the language of the text, from a sample of it
      std::string sample;
      for (const auto& l : lines_) {
        if (sample.size() > 8000) break;  // some 1,300 words: plenty to tell six languages apart
        sample.append(l.text).push_back('\n');
      }
      doc_.language = detect_language(sample);
    }
    std::string stem = path_;
    if (auto slash = stem.find_last_of('/'); slash != std::string::npos) stem = stem.substr(slash + 1);
    if (auto dot = stem.find_last_of('.'); dot != std::string::npos && dot > 0) stem = stem.substr(0, dot);
    doc_.id = doc_.symbol.empty() ? slugify(stem) : doc_.symbol;

    // Title: a bold "Report of..." / "Note by..." line in UN reports, else the first line
    // that reads like one.
    static const Pattern bold_title(R"(\*\*((?:Report|Note|Thematic|Summary)[^*]{10,200})\*\*)");
    Match m;
    if (bold_title.find(raw_head_, m)) {
      doc_.title = trim(m[1].str());
      return;
    }
    static const Pattern title_opening(
        R"(^(?:Report|Compilation|Summary|Note by|Letter dated|Resolution|Draft|Outcome|Thematic|Concluding observations|Rapport|R\xC3\xA9sum\xC3\xA9|Note du|Note de|Lettre dat\xC3\xA9e|R\xC3\xA9solution|Projet|Observations finales|Informe|Compilaci\xC3\xB3n|Resumen|Nota del|Nota de|Carta de fecha|Resoluci\xC3\xB3n|Proyecto|Observaciones finales)\b.{10,})");
    for (std::size_t i = 0; i < lines_.size() && i < 40; ++i) {
      if (title_opening.find(lines_[i].text, m)) {
        std::vector<std::string> markers;
        doc_.title = trim(take_superscripts(lines_[i].text, markers)).substr(0, 200);
        // "Report of the Working Group on the Universal Periodic Review*": the star is a note's.
        while (!doc_.title.empty() && (doc_.title.back() == '*' || doc_.title.back() == ' ')) doc_.title.pop_back();
        return;
      }
    }
    for (const auto& l : lines_) {
      if (l.text[0] == '\t' || furniture(l.text, doc_.symbol, paged_) || word_count(l.text) < 3) continue;
      doc_.title = l.text.substr(0, 200);
      break;
    }
  }

  // --- Classification ---------------------------------------------------------------------
  void classify() {
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
    items_.reserve(lines_.size());  // at most one item per line
    for (const Line& line : lines_) {
      if (furniture(line.text, doc_.symbol, paged_)) {
        doc_.furniture.push_back(line.text);
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
        add_table_row({row, line.number, line.indented, line.after_blank, {}});
        continue;
      }
      if (icon_caption(line.text)) {
        doc_.furniture.push_back(line.text);
        doc_.diagnostics.push_back({Diagnostic::Severity::info,
                                    "dropped OCR noise (icon captions): " + line.text.substr(0, 60),
                                    {line.number, line.number}});
        continue;
      }
      std::string label, body;
      if (footnote_line(line.text, label, body)) {
        add_footnote(label, body, line.number);
        continue;
      }
      // A bare URL line after a footnote finishes that footnote ("²⁷ ... 2017,\n\nhttp://...").
      if (!footnotes_.empty() && last_was_footnote_ && line.text.rfind("http", 0) == 0 &&
          footnotes_.back().text.size() + line.text.size() < max_line_bytes) {
        footnotes_.back().text += " " + line.text;
        continue;
      }
      last_was_footnote_ = false;

      if (line.text[0] == '\t') {
        add_table_row(line);
        continue;
      }
      std::vector<std::string> refs = line.footnote_refs;
      std::string text = trim(take_superscripts(line.text, refs));
      if (text.empty()) continue;

      // Continuations: an indented line that is not an item, or a line in lower case after
      // an unfinished paragraph (a page break or footnotes came between).
      if (!items_.empty()) {
        Item& last = items_.back();
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
        items_.push_back(std::move(item));
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
        items_.push_back(std::move(item));
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
        items_.push_back(std::move(item));
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
        items_.push_back(std::move(item));
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
          items_.push_back(std::move(item));
          continue;
        }
        if (upper_share(body_text) < 0.8 &&
            (!heading_like(body_text) || paragraph_anyway(body_text) || word_count(body_text) > 14)) {
          list_open = false;
          item.kind = Kind::candidate;
          item.number = m[1].str();
          item.text = body_text;
          items_.push_back(std::move(item));
          continue;
        }
      }
      if (bare_number.full(text, m) && !heading_like(m[2].str()) && word_count(m[2].str()) > 6 &&
          !starts_lower(m[2].view)) {
        item.kind = Kind::candidate;
        item.weak = true;
        item.number = m[1].str();
        item.text = m[2].str();
        items_.push_back(std::move(item));
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
      items_.push_back(std::move(item));
    }
  }

  void add_footnote(const std::string& label, const std::string& text, std::uint32_t line) {
    last_was_footnote_ = true;
    // Icon captions read by OCR come out as capitals with a footnote-like number.
    if (upper_share(text) > 0.8 && word_count(text) > 3) {
      doc_.diagnostics.push_back({Diagnostic::Severity::info,
                                  "dropped OCR noise that looked like footnote " + label + ": " + text.substr(0, 60),
                                  {line, line}});
      doc_.furniture.push_back(text);
      last_was_footnote_ = false;
      return;
    }
    footnotes_.push_back({label, text, {}});
  }

  void add_table_row(const Line& line) {
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
    if (!items_.empty() && items_.back().kind == Kind::table && items_.back().span.last_line + 3 >= line.number) {
      items_.back().cells.push_back(cells);
      items_.back().text += "\n" + joined;
      items_.back().span.last_line = line.number;
      return;
    }
    Item item;
    item.kind = Kind::table;
    item.cells.push_back(cells);
    item.text = joined;
    item.span = {line.number, line.number};
    items_.push_back(std::move(item));
  }

  // --- Paragraph numbering ----------------------------------------------------------------
  // The run of paragraph numbers through the whole document (numbering.hpp) decides which
  // numbered lines are paragraphs; the others are list items, or text where the number had
  // no period.
  void number_paragraphs() {
    // An annex may number its paragraphs afresh: each annex is a scope of its own. The
    // document's numbering is the first scope's that has one (the body's, or an annex's when
    // the body is only a cover note); the other scopes' numbers stay list items, so that no
    // two paragraphs share an address.
    std::vector<std::vector<std::size_t>> scopes(1);
    std::vector<std::string> parts(1);  // what each scope is called in addresses
    std::vector<std::size_t> subs;
    for (std::size_t i = 0; i < items_.size(); ++i) {
      if (items_[i].kind == Kind::section && items_[i].label.style == LabelStyle::annex) {
        if (!scopes.back().empty()) {
          scopes.emplace_back();
          parts.emplace_back();
        }
        parts.back() = annex_part(items_[i].label.text, parts);
      }
      if (items_[i].kind != Kind::candidate) continue;
      if (items_[i].number.find('.') != std::string::npos) subs.push_back(i);
      else scopes.back().push_back(i);
    }
    std::vector<std::size_t> candidates;
    std::vector<NumberCandidate> numbers;
    ParagraphNumbering numbering;
    std::size_t chosen = 0;
    for (std::size_t k = 0; k < scopes.size(); ++k) {
      std::vector<NumberCandidate> n;
      for (std::size_t i : scopes[k]) n.push_back({std::stoi(items_[i].number), items_[i].weak});
      ParagraphNumbering found = find_paragraph_numbering(n);
      if (k == 0 || (numbering.paragraphs.empty() && !found.paragraphs.empty())) {
        candidates = scopes[k];
        numbers = std::move(n);
        numbering = std::move(found);
        chosen = k;
      }
    }
    // A resolution's annex is cited as such ("A/RES/76/266, annex, para. 12") even when the
    // resolution's own paragraphs are not numbered; a report sent under a cover note is cited
    // by its paragraphs alone.
    const bool resolution = doc_.symbol.find("/RES/") != std::string::npos;
    for (std::size_t k = 0; k < scopes.size(); ++k) {
      if (k == chosen && !(resolution && !parts[k].empty())) continue;
      if (scopes[k].size() < 3) continue;
      std::vector<NumberCandidate> n;
      for (std::size_t i : scopes[k]) n.push_back({std::stoi(items_[i].number), items_[i].weak});
      const ParagraphNumbering own = find_paragraph_numbering(n);
      std::set<std::size_t> own_paragraphs;
      for (std::size_t p : own.paragraphs) own_paragraphs.insert(scopes[k][p]);
      const bool addressed = !parts[k].empty() && own_paragraphs.size() >= 3;
      doc_.diagnostics.push_back(
          {Diagnostic::Severity::info,
           "an annex numbers its paragraphs afresh (" + std::to_string(scopes[k].size()) + " numbered lines); " +
               (addressed ? "they are addressed within it: '" + paragraph_address(doc_.id + " " + parts[k], items_[*own_paragraphs.begin()].number) + "'"
                          : std::string("they are list items, not addressed by number")),
           items_[scopes[k].front()].span, "numbering.annex", 0});
      if (k == chosen) {  // the document's numbering is the annex's: addressed within it
        for (std::size_t i : scopes[k]) items_[i].part = parts[k];
        continue;
      }
      for (std::size_t i : scopes[k]) {
        Item& item = items_[i];
        if (addressed && own_paragraphs.count(i)) {
          item.part = parts[k];
          continue;
        }
        if (item.weak) {
          item.kind = Kind::text;
          item.text = item.number + " " + item.text;
        } else {
          item.kind = Kind::list_item;
          item.marker = item.number + ".";
        }
        item.number.clear();
      }
    }
    std::set<std::size_t> paragraphs;
    for (std::size_t k : numbering.paragraphs) paragraphs.insert(candidates[k]);
    for (const NumberingGap& gap : numbering.gaps) {
      const Item& before = items_[candidates[gap.before]];
      const Item& after = items_[candidates[gap.after]];
      const int missing = gap.last - gap.first + 1;
      doc_.diagnostics.push_back(
          {Diagnostic::Severity::warning,
           (missing == 1 ? "paragraph " + std::to_string(gap.first) + " is missing"
                         : "paragraphs " + std::to_string(gap.first) + " to " + std::to_string(gap.last) + " are missing") +
               " between paragraphs " + before.number + " and " + after.number + " (not found in the text)",
           {before.span.first_line, after.span.first_line}, "numbering.gap", static_cast<std::uint32_t>(missing)});
    }
    if (numbering.ambiguous)
      doc_.diagnostics.push_back(
          {Diagnostic::Severity::warning,
           numbering.paragraphs.empty()
               ? "numbered lines form several runs of the same length: paragraphs could not be told from list "
                 "items, so none is addressed by number"
               : "numbered lines form several runs of similar length: the longest was taken as the paragraphs; the "
                 "others are list items",
           {}, "numbering.ambiguous", 0});
    for (std::size_t k : numbering.repeated) {
      Item& item = items_[candidates[k]];
      doc_.diagnostics.push_back({Diagnostic::Severity::warning,
                                  "paragraph number " + item.number +
                                      " is printed twice; the second is kept as text (its address would be taken)",
                                  item.span, "numbering.repeated", 0});
    }
    if (!numbering.unplaced.empty()) {
      std::string which;
      for (std::size_t n = 0; n < numbering.unplaced.size() && n < 8; ++n)
        which += (n ? ", " : "") + items_[candidates[numbering.unplaced[n]]].number;
      if (numbering.unplaced.size() > 8) which += ", ...";
      doc_.diagnostics.push_back({Diagnostic::Severity::info,
                                  std::to_string(numbering.unplaced.size()) +
                                      " numbered line(s) fit neither the paragraph numbering nor a list in it (" +
                                      which + "); kept as list items",
                                  items_[candidates[numbering.unplaced.front()]].span, "numbering.unplaced", 0});
    }
    std::set<std::string> standing;
    for (std::size_t i : paragraphs) standing.insert(items_[i].number);
    std::set<std::size_t> weak_taken;
    for (std::size_t k : numbering.weak_taken) weak_taken.insert(candidates[k]);
    for (std::size_t i : candidates) {
      if (paragraphs.count(i)) continue;
      Item& item = items_[i];
      if (item.weak && !weak_taken.count(i)) {  // a number that starts a line of text, no paragraph
        item.kind = Kind::text;
        item.text = item.number + " " + item.text;
      } else {
        item.kind = Kind::list_item;
        item.marker = item.number + (item.weak ? "" : ".");  // as printed
      }
      item.number.clear();
    }
    // Sub-paragraphs stand when their paragraph does.
    for (std::size_t i : subs) {
      if (standing.count(items_[i].number.substr(0, items_[i].number.find('.')))) continue;
      items_[i].kind = Kind::list_item;
      items_[i].marker = items_[i].number;
      items_[i].number.clear();
    }
  }

  // What an annex is called in addresses, as the akn reader calls it: "Annex" -> "annex",
  // "ANNEX II" -> "annex II"; a second annex without a numeral is "annex 2".
  static std::string annex_part(const std::string& label, const std::vector<std::string>& taken) {
    std::string rest;
    const std::size_t space = label.find(' ');
    if (space != std::string::npos) rest = trim(std::string_view(label).substr(space + 1));
    while (!rest.empty() && (rest.back() == '.' || rest.back() == ':')) rest.pop_back();
    std::string part = rest.empty() ? "annex" : "annex " + rest;
    for (int n = 2; std::find(taken.begin(), taken.end(), part) != taken.end(); ++n) part = "annex " + std::to_string(n);
    return part;
  }

  // --- Building the model -----------------------------------------------------------------
  void add_section(const Label& label, const std::string& title, SourceSpan span,
                   std::vector<std::string> footnotes = {}) {
    Section s;
    s.label = label.text;
    s.title = title;
    while (!s.title.empty() && s.title.back() == ':') s.title.pop_back();
    s.level = level_of(label);
    s.kind = label.style == LabelStyle::named ? "session" : label.style == LabelStyle::annex ? "annex" : "section";
    for (int i = static_cast<int>(doc_.sections.size()) - 1; i >= 0; --i)
      if (doc_.sections[static_cast<std::size_t>(i)].level < s.level) {
        s.parent = i;
        break;
      }
    doc_.sections.push_back(s);
    Block b;
    b.kind = BlockKind::heading;
    b.text = s.label.empty() ? s.title : s.title.empty() ? s.label : s.label + " " + s.title;
    b.span = span;
    b.footnote_refs = std::move(footnotes);
    push_block(std::move(b));
  }

  int current_level() const {
    return doc_.sections.empty() ? 0 : doc_.sections.back().level;
  }

  // Adds a block under the current section; a block that comes with its address keeps it.
  void push_block(Block b) {
    b.section = doc_.sections.empty() ? -1 : static_cast<int>(doc_.sections.size()) - 1;
    if (!b.address.empty()) {
    } else if (b.kind == BlockKind::numbered_paragraph) {
      b.address = paragraph_address(doc_.id, b.number);
    } else {
      const std::string path = doc_.section_path(b.section);
      b.address = block_address(doc_.id, path, ++ordinals_[path]);
    }
    doc_.blocks.push_back(std::move(b));
  }

  // The printed style of a list marker: "12." -> "1", "(c)" -> "(a)", "•" stays. A number
  // that lost its period ("73") is of the style of the others.
  static std::string marker_style(std::string marker) {
    if (!marker.empty() && marker.back() == '.') marker.pop_back();
    std::string style;
    for (const char c : marker) {
      const auto u = static_cast<unsigned char>(c);
      const char s = std::isdigit(u) ? '1' : std::islower(u) ? 'a' : c;
      if (style.empty() || style.back() != s || (s != '1' && s != 'a')) style += s;
    }
    return style;
  }

  // Its place in its list: "12." -> 12, "(c)" -> 3; 0 for bullets.
  static int marker_value(const std::string& marker) {
    std::string digits;
    for (const char c : marker)
      if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    if (!digits.empty() && digits.size() < 4) return std::stoi(digits);
    for (const char c : marker)
      if (c >= 'a' && c <= 'z') return c - 'a' + 1;
    return 0;
  }

  // Whether the items after items_[i] (the paragraph introducing them) make a list: its
  // sub-paragraphs ("120.1") or restarted items ("1."), before any other paragraph or
  // heading. Page notes left in the flow ("** Conclusions ... not edited.") may come between.
  bool list_follows(std::size_t i) const {
    const std::string prefix = items_[i].number + ".";
    for (std::size_t j = i + 1; j < items_.size() && j <= i + 3; ++j) {
      const Item& next = items_[j];
      if (next.kind == Kind::candidate) return next.number.rfind(prefix, 0) == 0;
      if (next.kind == Kind::list_item) return true;
      if (next.kind != Kind::text || next.text[0] != '*') return false;
    }
    return false;
  }

  // Takes the last block back (to push it again, cut in parts).
  Block pop_block() {
    Block b = std::move(doc_.blocks.back());
    doc_.blocks.pop_back();
    if (b.address == block_address(doc_.id, doc_.section_path(b.section), ordinals_[doc_.section_path(b.section)]))
      --ordinals_[doc_.section_path(b.section)];
    return b;
  }

  // An item of a UPR list and its recommendation(s). A numbered item ("121.2") is the unit
  // the State answers and users cite: it stays whole, with all its recommending States.
  // The first cycle's lists ("1.", "2." inside one paragraph) grouped the recommendations of
  // several States under one unnumbered item, each still ending with its own States ("To
  // consider ratifying ... (Nigeria); to ratify ... (Switzerland)"): there each attribution
  // is a recommendation of its own (attributed_clauses()), in a block of its own after the
  // item's.
  void push_upr_item(Block b, const UprList& upr, bool numbered) {
    const std::vector<std::string> parts = numbered ? std::vector<std::string>{b.text} : attributed_clauses(b.text);
    for (std::size_t k = 0; k < parts.size(); ++k) {
      Block c;
      if (k == 0) {
        c = std::move(b);
      } else {
        c.kind = BlockKind::list_item;
        c.span = doc_.blocks.back().span;
      }
      c.text = parts[k];
      push_block(std::move(c));
      const Block& last = doc_.blocks.back();
      add_recommendation(last, "recommendation", upr.addressee, upr.position, recommending_states(last.text));
      ++lists_.back().read;
    }
  }

  // Whether the first item after items_[i] ends with the States that made it.
  bool first_item_attributed(std::size_t i) const {
    for (std::size_t j = i + 1; j < items_.size() && j <= i + 3; ++j)
      if (items_[j].kind == Kind::candidate || items_[j].kind == Kind::list_item)
        return paragraph_anyway(items_[j].text) && items_[j].text.back() != ':';
    return false;
  }

  void add_recommendation(const Block& b, const std::string& kind, const std::string& addressee,
                          const std::string& position, std::vector<std::string> by) {
    // Without a heading that names whom, the recommendation may name its own actor
    // ("Governments should ...", "the GFMD could ...").
    doc_.recommendations.push_back({b.address, kind, addressee.empty() ? subject_addressee(b.text, doc_.language) : addressee,
                                    b.text, std::move(by), position});
  }

  // A heading whose label breaks the sequence of its style ("12" after "3") is kept as text:
  // a number that lost its line (a page number, a footnote) more often than a heading.
  bool heading_in_sequence(const Item& item) {
    if (item.label.style == LabelStyle::none || item.label.style == LabelStyle::named ||
        item.label.style == LabelStyle::annex)
      return true;
    const int level = level_of(item.label);
    const auto last = heading_values_.find(level);
    if (!continues_sequence(item.label, last == heading_values_.end() ? 0 : last->second)) {
      doc_.diagnostics.push_back({Diagnostic::Severity::info,
                                  "\"" + item.label.text + " " + item.text.substr(0, 60) +
                                      "\" breaks the sequence of its headings; kept as text",
                                  item.span, "structure.heading_out_of_sequence", 0});
      return false;
    }
    heading_values_[level] = label_value(item.label);
    // Deeper headings number afresh under this one.
    heading_values_.erase(heading_values_.upper_bound(level), heading_values_.end());
    return true;
  }

  void build() {
    doc_.blocks.reserve(items_.size());  // about one block per item
    RecommendationContext rec;
    UprList upr;
    for (std::size_t index = 0; index < items_.size(); ++index) {
      Item& item = items_[index];
      if (item.kind == Kind::section && !heading_in_sequence(item)) {
        if (upr.active && item.label.style == LabelStyle::numeric && item.label.text.rfind(upr.number + ".", 0) == 0) {
          // A short recommendation of the open list that read like a heading ("145.38
          // Increase efforts to establish a national human rights institution").
          item.kind = Kind::candidate;
          item.number = item.label.text;
        } else {
          item.kind = Kind::text;
          item.text = item.label.text + (item.label.style == LabelStyle::numeric ? " " : ". ") + item.text;
        }
      }
      switch (item.kind) {
        case Kind::rec_heading: {
          upr.active = false;
          // Sub-headings ("(a) Recommendations in relation to the HLD") keep the addressee.
          const std::string inherited = rec.active ? rec.addressee : std::string();
          if (item.label.style != LabelStyle::none) add_section(item.label, strip_label(item), item.span);
          else {
            Block b;
            b.kind = BlockKind::heading;
            b.text = item.text;
            b.span = item.span;
            push_block(std::move(b));
          }
          rec = item.rec;
          if (rec.addressee.empty()) rec.addressee = inherited;
          rec.level = current_level();
          break;
        }
        case Kind::section:
          upr.active = false;
          add_section(item.label, item.text, item.span, item.footnotes);
          if (rec.active && current_level() <= rec.level) rec.active = false;
          break;
        case Kind::heading: {
          upr.active = false;
          Block b;
          b.kind = BlockKind::heading;
          b.text = item.text;
          b.span = item.span;
          b.footnote_refs = item.footnotes;
          push_block(std::move(b));
          if (!rec.numbered) rec.active = false;
          break;
        }
        case Kind::table: {
          Block b;
          b.kind = BlockKind::table;
          b.text = item.text;
          b.cells = std::move(item.cells);
          b.span = item.span;
          push_block(std::move(b));
          break;
        }
        case Kind::candidate:
          if (item.number.find('.') == std::string::npos) {
            // A paragraph ends the list before it and may open the next.
            upr.active = false;
            const bool follows = list_follows(index);
            if (const auto intro = follows ? list_introduction(item.text, first_item_attributed(index))
                                           : std::optional<ListIntroduction>{};
                intro) {
              upr = {true, item.number, normalize_addressee(intro->state), intro->position, ""};
              if (upr.addressee.empty()) upr.addressee = metadata_value(doc_, "state_under_review");
              lists_.push_back({paragraph_address(doc_.id, item.number), item.span, {}, 0});
            }
          } else if (upr.active) {
            Block b;
            b.kind = BlockKind::numbered_paragraph;
            b.number = item.number;
            b.text = item.text;
            b.footnote_refs = item.footnotes;
            b.span = item.span;
            const std::string& n = item.number;
            lists_.back().numbers.push_back(std::stoi(n.substr(n.find('.') + 1)));
            push_upr_item(std::move(b), upr, true);
            break;
          }
          [[fallthrough]];
        case Kind::list_item:
        case Kind::text: {
          // Inside a UPR list every recommendation is numbered: unnumbered text is the
          // rest of the one before (a line that pdftotext's layout broke off).
          if (upr.active && item.kind == Kind::text && !doc_.recommendations.empty() &&
              doc_.blocks.back().address == doc_.recommendations.back().address &&
              doc_.blocks.back().text.size() + item.text.size() < max_line_bytes) {
            // The rest may hold further attributions: the last part is read again.
            Block last = pop_block();
            doc_.recommendations.pop_back();
            --lists_.back().read;
            last.text += " " + item.text;
            last.span.last_line = item.span.last_line;
            last.footnote_refs.insert(last.footnote_refs.end(), item.footnotes.begin(), item.footnotes.end());
            const bool numbered = last.kind == BlockKind::numbered_paragraph;
            push_upr_item(std::move(last), upr, numbered);
            break;
          }
          Block b;
          b.kind = item.kind == Kind::candidate ? BlockKind::numbered_paragraph
                   : item.kind == Kind::list_item ? BlockKind::list_item
                                                  : BlockKind::text;
          b.number = item.number;
          b.marker = item.marker;
          b.text = item.text;
          b.footnote_refs = item.footnotes;
          b.span = item.span;
          if (!item.part.empty() && b.kind == BlockKind::numbered_paragraph)
            b.address = paragraph_address(doc_.id + " " + item.part, b.number);
          // First-cycle UPR lists: items "1." "2." ...; items in another style are parts of
          // the recommendation before ("(a)", bullets).
          if (upr.active && b.kind == BlockKind::list_item) {
            const std::string style = marker_style(b.marker);
            if (upr.item_style.empty()) upr.item_style = style;
            const bool own = style == upr.item_style && !item.nested;
            if (!own && !doc_.recommendations.empty() &&
                doc_.recommendations.back().text.size() + b.text.size() < max_line_bytes)
              doc_.recommendations.back().text += " " + (b.marker.empty() ? "" : b.marker + " ") + b.text;
            if (own) {
              lists_.back().numbers.push_back(marker_value(b.marker));
              push_upr_item(std::move(b), upr, false);
            } else {
              push_block(std::move(b));
            }
            break;
          }
          if (rec.active && b.kind == BlockKind::numbered_paragraph) rec.numbered = true;
          // A plain paragraph ends a list of recommendations (practice examples follow),
          // unless it introduces the list ("Interested governments ... should:"). The first
          // paragraph under the heading is an item that lost its bullet in conversion.
          // "Interested governments, with the assistance of ..., should:" names whom the
          // items that follow address.
          if (rec.active && b.kind == BlockKind::text && !b.text.empty() && b.text.back() == ':')
            if (std::string actor = subject_addressee(b.text, doc_.language); !actor.empty()) rec.addressee = actor;
          if (rec.active && b.kind == BlockKind::text && !rec.numbered && b.text.back() != ':') {
            if (rec.items == 0) {
              b.kind = BlockKind::list_item;
              doc_.diagnostics.push_back({Diagnostic::Severity::info,
                                          "first item under a recommendations heading has no bullet", b.span,
                                          "recommendations.unmarked_item", 0});
            } else {
              rec.active = false;
            }
          }
          // In numbered recommendations, list items are sub-items of the paragraph before.
          const bool sub_item = rec.active && rec.numbered && b.kind == BlockKind::list_item;
          if (sub_item && !doc_.recommendations.empty() &&
              doc_.recommendations.back().text.size() + b.text.size() < max_line_bytes)
            doc_.recommendations.back().text += " " + (b.marker.empty() ? "" : b.marker + " ") + b.text;
          const bool is_rec = rec.active && !item.nested && !sub_item &&
                              (b.kind == BlockKind::numbered_paragraph || b.kind == BlockKind::list_item);
          push_block(std::move(b));
          if (is_rec) {
            ++rec.items;
            add_recommendation(doc_.blocks.back(), rec.kind, rec.addressee, "", {});
          }
          break;
        }
      }
    }
  }

  static std::string strip_label(const Item& item) {
    Label lab;
    std::string rest;
    return split_label(item.text, lab, rest) ? rest : item.text;
  }

  // --- One flattened page (file 000) --------------------------------------------------------
  // A page pasted as one line: running head, the tail of a paragraph, numbered paragraphs,
  // a footnote rule "____", footnote labels, page number, footnote texts, job number.
  void parse_flattened_page(std::string text, std::uint32_t line) {
    doc_.title.clear();  // a page in the middle of a report prints no title
    if (!doc_.symbol.empty() && text.rfind(doc_.symbol + " ", 0) == 0) {
      doc_.furniture.push_back(doc_.symbol);
      text = text.substr(doc_.symbol.size() + 1);
    }
    std::string notes;
    static const Pattern rule(R"(\s_{5,}\s)");
    Match m;
    if (rule.find(text, m)) {
      notes = std::string(m.suffix());
      text = std::string(m.prefix());
    }
    std::vector<std::string> labels = parse_page_notes(notes, line);

    // Paragraph starts: "<sentence end> N. <Capital>" with N counting up.
    struct Start { std::size_t at, body; int n; };
    std::vector<Start> starts;
    // Group 3, the capital, stands for a lookahead: the body starts there.
    static const Pattern start(R"((^|[.;:\xE2\x80\x9D"])\s+(\d{1,3})\.\s+([A-Z]))");
    int expected = -1;
    Match it;
    for (std::size_t from = 0; start.find(text, it, from); from = it.position(3)) {
      const int n = std::stoi(it[2].str());
      if (expected != -1 && n != expected) continue;
      starts.push_back({it.position(2), it.position(3), n});
      expected = n + 1;
    }
    const std::set<std::string> known(labels.begin(), labels.end());
    auto add = [&](std::string body, const std::string& number, bool partial) {
      Block b;
      b.kind = BlockKind::numbered_paragraph;
      b.number = number;
      b.text = take_plain_anchors(trim(body), known, b.footnote_refs);
      b.span = {line, line};
      push_block(std::move(b));
      if (partial)
        doc_.diagnostics.push_back({Diagnostic::Severity::info,
                                    "page starts inside paragraph " + number + "; only its tail is here", {line, line}});
    };
    if (starts.empty()) {
      Block b;
      b.kind = BlockKind::text;
      b.text = trim(text);
      b.span = {line, line};
      push_block(std::move(b));
      return;
    }
    if (starts[0].at > 0 && !trim(text.substr(0, starts[0].at)).empty())
      add(text.substr(0, starts[0].at), std::to_string(starts[0].n - 1), true);
    for (std::size_t i = 0; i < starts.size(); ++i) {
      const std::size_t end = i + 1 < starts.size() ? starts[i + 1].at : text.size();
      add(text.substr(starts[i].body, end - starts[i].body), std::to_string(starts[i].n), false);
    }
  }

  // "5 6 10/26 First note text. Second note text. 13-42115" -> footnotes 5 and 6.
  std::vector<std::string> parse_page_notes(std::string notes, std::uint32_t line) {
    static const Pattern page(R"(\s\d{1,4}/\d{1,4}\s)");
    static const Pattern job(R"(\s\d{2}-\d{5}\s*$)");
    Match m;
    if (job.find(notes, m)) {
      doc_.furniture.push_back(trim(m.str()));
      notes = std::string(m.prefix());
    }
    if (page.find(notes, m)) {
      doc_.furniture.push_back(trim(m.str()));
      notes = std::string(m.prefix()) + " " + std::string(m.suffix());
    }
    std::istringstream in(notes);
    std::vector<std::string> labels;
    std::string word, rest;
    std::streampos after = 0;
    while (in >> word && std::all_of(word.begin(), word.end(), ::isdigit) && word.size() <= 3) {
      labels.push_back(word);
      after = in.tellg();
    }
    rest = trim(notes.substr(static_cast<std::size_t>(after)));
    if (labels.empty()) return labels;
    // Notes end where a web address closes a sentence; split there when that gives one text
    // per label, otherwise keep them together and say so.
    std::vector<std::string> texts;
    // Group 1 stands for a lookahead: the note ends before it.
    static const Pattern url_end(R"((?:www\.|https?://)\S+?\.(\s|$))");
    std::size_t from = 0;
    Match it;
    while (url_end.find(rest, it, from)) {
      const std::size_t end = it.position(1);
      texts.push_back(trim(rest.substr(from, end - from)));
      from = end;
    }
    if (from < rest.size() && !trim(rest.substr(from)).empty()) texts.push_back(trim(rest.substr(from)));
    if (texts.size() == labels.size()) {
      for (std::size_t i = 0; i < labels.size(); ++i) footnotes_.push_back({labels[i], texts[i], {}});
    } else {
      for (const auto& l : labels) footnotes_.push_back({l, rest, {}});
      doc_.diagnostics.push_back({Diagnostic::Severity::warning,
                                  "could not split the texts of footnotes on this page; each keeps all of them",
                                  {line, line}});
    }
    return labels;
  }

  // Plain-digit anchors ("process 5 which", "experiences,5 but") for labels known on the page.
  static std::string take_plain_anchors(const std::string& text, const std::set<std::string>& labels,
                                        std::vector<std::string>& refs) {
    if (labels.empty()) return text;
    // Group 3 stands for a lookahead: the anchor ends before it.
    static const Pattern anchor(R"(([a-z,;)\xE2\x80\x9D])\s?(\d{1,3})(\s+[a-z]))");
    std::string out;
    std::size_t from = 0;
    Match it;
    for (std::size_t next = 0; anchor.find(text, it, next); next = it.position(3)) {
      if (!labels.count(it[2].str())) continue;
      out += text.substr(from, it.position(0) - from) + it[1].str();
      refs.push_back(it[2].str());
      from = it.position(3);
    }
    return out + text.substr(from);
  }

  std::vector<Line> lines_;
  std::string raw_head_;
  std::string path_;
  Document doc_;
  std::vector<Item> items_;
  std::vector<Footnote> footnotes_;
  bool last_was_footnote_ = false;
  std::map<int, int> heading_values_;  // level -> value of the last heading label there
  std::vector<RecommendationList> lists_;  // UPR lists found, for the checks
  std::map<std::string, std::size_t> ordinals_;
  bool paged_ = false;
};

}  // namespace

Document parse_structure(ParsedSource source, const std::string& path) {
  // Front ends join lines into paragraphs, which can outgrow the limit in turn.
  Diagnostic broken = break_long_paragraphs(source.lines);
  Document doc = Parser(std::move(source), path).run();
  if (!broken.message.empty()) doc.diagnostics.push_back(std::move(broken));
  return doc;
}

}  // namespace dossier::readers
