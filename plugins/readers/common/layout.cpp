#include "layout.hpp"

#include "furniture.hpp"
#include "pattern.hpp"
#include "sections.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace dossier::readers {

namespace {

std::size_t indent_of(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && (s[n] == ' ' || s[n] == '\t')) ++n;
  return n;
}

// Stricter than ends_sentence(): in wrapped layout text a line often ends at ")" inside a
// sentence ("... Persons with Disabilities (CRPD)"), and an empty paragraph has not ended.
bool ends_clause(const std::string& s) {
  if (s.empty()) return false;
  const unsigned char last = static_cast<unsigned char>(s.back());
  return last == '.' || last == ';' || last == ':' || last == '?' || last == '!' ||
         (s.size() >= 3 && s.compare(s.size() - 3, 3, "\xE2\x80\x9D") == 0);
}

const Pattern& symbol_pattern() {
  static const Pattern symbol(
      R"(\b((?:A|E|S|CRC|CEDAW|CCPR|CERD|CMW|CAT|CRPD)/(?:[A-Z0-9][A-Za-z0-9.\-]*/)*[A-Za-z0-9.\-]*\d[A-Za-z0-9.\-]*)\b)");
  return symbol;
}

// The symbol printed in the running heads: the one most furniture pieces (or, without
// repetition, lines) consist of alone.
std::string running_head_symbol(const std::vector<PageLine>& lines, const std::vector<std::string>& removed) {
  std::map<std::string, int> counts;
  for (const auto& t : removed)
    for (std::string_view cell : layout_cells(t)) {
      // A reissued document marks its symbol: "A/HRC/11/17*".
      while (!cell.empty() && cell.back() == '*') cell.remove_suffix(1);
      Match m;
      if (cell.size() < 40 && symbol_pattern().full(cell, m)) ++counts[m[1].str()];
    }
  if (counts.empty())
    for (const auto& l : lines) {
      Match m;
      if (!l.blank && l.text.size() < 40 && symbol_pattern().full(l.text, m)) ++counts[m[1].str()];
    }
  std::string best;
  int most = 0;
  for (const auto& [s, n] : counts)
    if (n > most) most = n, best = s;
  if (!best.empty()) return best;
  // A one-page document: the symbol at the top right of the cover.
  for (std::size_t i = 0; i < lines.size() && i < 8; ++i) {
    Match m;
    if (symbol_pattern().find(lines[i].text, m)) return m[1].str();
  }
  return {};
}

// What is furniture wherever it stands: the symbol alone (a running head the repetition
// did not catch: a one-page document) and the speech mark of statements.
bool furniture_anyway(const std::string& t, const std::string& symbol) {
  return (!symbol.empty() && t == symbol) || t == "Check against delivery." || t == "Check against delivery";
}

// A line that begins a new item: "12.", "121.3", "(a)", "(iv)", "(2)", "•", "I.", "A.";
// not "(CRPD) convention and ..." (an acronym that wrapped to the start of a line).
bool starts_item(const std::string& t) {
  static const Pattern item(
      R"(^(?:\d{1,4}\.(?:\d{1,3}\.?)?\s|\((?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)\s|(?:\xE2\x80\xA2|\xEF\x82\xB7|\xEF\x82\xA7|\xC2\xB7|\xE2\x97\x8F|-)\s|[IVX]{1,5}\.\s+[A-Z]|[A-H]\.\s+[A-Z]))");
  // What an item can start with: most lines start otherwise and need no match.
  const auto c = t.empty() ? 0u : static_cast<unsigned char>(t[0]);
  const bool may = (c >= '0' && c <= '9') || c == '(' || c == '-' || c == 0xE2 || c == 0xEF || c == 0xC2 ||
                   (c >= 'A' && c <= 'I') || c == 'V' || c == 'X';
  return may && item.contains(t);
}

struct Logical {
  std::string text;
  std::uint32_t number = 0;
  bool after_blank = false;
  std::size_t last_length = 0;  // length of its last physical line
  std::size_t last_indent = 0;  // indentation of its last physical line
  int physical_lines = 1;
  bool contents = false;  // a line of a contents table
};

// A dot leader: five dots, spaced or not, as contents tables print between title and page.
bool has_dot_leader(std::string_view t) {
  // Most lines have no ".." and no ". ." at all: a fast search rules them out.
  if (t.find("..") == std::string_view::npos && t.find(". .") == std::string_view::npos) return false;
  std::size_t run = 0;
  for (const char c : t) {
    if (c == '.') {
      if (++run >= 5) return true;
    } else if (c != ' ') {
      run = 0;
    }
  }
  return false;
}

// Whether `text` prints footnote marker `n` glued to what it annotates: after a letter or
// closing punctuation ("Women6", "(Azerbaijan);2", "Principles).10"), not inside a number.
bool has_marker(const std::string& text, int n) {
  const std::string label = std::to_string(n);
  for (std::size_t at = text.find(label); at != std::string::npos; at = text.find(label, at + 1)) {
    if (at == 0) continue;
    const std::size_t end = at + label.size();
    if (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) continue;
    const auto before = static_cast<unsigned char>(text[at - 1]);
    if (std::isalpha(before) || before == ')' || before == ';' || before == ',' || before == '.' || before == ':' ||
        before >= 0x80)
      return true;
  }
  return false;
}

// "(2) and 16 of ...": a short bracketed number or letter, a space, a word in lower case.
bool wrapped_reference(const std::string& t) {
  if (t.size() < 5 || t[0] != '(') return false;
  std::size_t close = 1;
  while (close < t.size() && close <= 5 && std::isalnum(static_cast<unsigned char>(t[close])) &&
         !std::isupper(static_cast<unsigned char>(t[close])))
    ++close;
  return close > 1 && close < t.size() - 2 && t[close] == ')' && t[close + 1] == ' ' &&
         std::islower(static_cast<unsigned char>(t[close + 2]));
}

// Words after which a number is a reference, not a footnote marker ("paragraph 15").
bool counts_something(const std::string& word) {
  static const std::set<std::string> words = {
      "paragraph", "paragraphs", "para", "para.", "paras.", "article", "articles", "art.", "resolution",
      "resolutions", "no.", "session", "sessions", "annex", "chapter", "page", "p.", "pp.", "item", "goal",
      "target", "objective", "rule", "section", "principle", "recommendation", "recommendations", "law",
      "act", "convention", "protocol", "decision", "meeting", "of", "and", "to", "by", "from", "than",
      "about", "some", "over", "under", "nearly", "almost", "least", "approximately", "aged", "age",
      "number", "level", "grade", "class", "phase", "cycle", "round", "volume", "vol.", "part", "step"};
  std::string w;
  for (char c : word) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return words.count(w) > 0;
}

// Takes footnote markers out of `text` in document order: the next marker expected is
// `next`; markers are digits glued to a word or punctuation ("bodies1", "(ILO).6"), or
// standing after punctuation or a word ("Disappearance, 3", "Rights 4 and").
void take_sequential_markers(std::string& text, int& next, int last_label, std::vector<std::string>& refs) {
  std::size_t from = 0;
  std::size_t last_cut = std::string::npos;  // where the previous marker was taken out
  // Takes marker `number` out of the text after `from`, if it is there.
  const auto take = [&](int number) {
    const std::string label = std::to_string(number);
    bool taken = false;
    for (std::size_t at = text.find(label, from); at != std::string::npos; at = text.find(label, at + 1)) {
      const std::size_t end = at + label.size();
      if (at > 0 && std::isdigit(static_cast<unsigned char>(text[at - 1]))) continue;
      if (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) continue;
      // Not a decimal or a range: "12.5", "12–14", "12/3".
      if (end + 1 < text.size() && (text[end] == '.' || text[end] == '/' || text[end] == ',') &&
          std::isdigit(static_cast<unsigned char>(text[end + 1])))
        continue;
      if (at == 0) continue;
      // The paragraph's own dotted number ("88.2. Take ..."), not a marker; a year that ends
      // a sentence before a marker ("... in 2012.15 The") is not one.
      {
        std::size_t start = at;
        while (start > 0 && (std::isdigit(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '.')) --start;
        if (start == 0) continue;
      }
      const unsigned char before = static_cast<unsigned char>(text[at - 1]);
      const bool at_end = end == text.size() || text[end] == ' ' || text[end] == ',' || text[end] == ';' ||
                          text[end] == '.' || text[end] == ')' || text[end] == ':';
      if (!at_end) continue;
      bool marker = false;
      std::size_t cut = at;
      if (std::isalpha(before) || before == '.' || before == ')' || before == ',' || before == ';' ||
          before == ':' || before >= 0x80) {
        marker = true;  // glued: "bodies1", "(ILO).6", "Principles).10", "framework9"
      } else if (before == ' ' && at >= 2) {
        const unsigned char b2 = static_cast<unsigned char>(text[at - 2]);
        if (b2 == '.' || b2 == ',' || b2 == ';' || b2 == ')' || b2 == ':' || b2 >= 0x80) {
          marker = true;  // "Disappearance, 3", "Statelessness. 5"
          cut = at - 1;
        } else if (std::isalpha(b2)) {
          // "Rights 4 and": a word, not one that counts things, and no number words after.
          std::size_t w = at - 1;
          while (w > 0 && !std::isspace(static_cast<unsigned char>(text[w - 1]))) --w;
          const std::string word = text.substr(w, at - 1 - w);
          const bool followed_by_word = end + 1 < text.size() && text[end] == ' ' &&
                                        std::islower(static_cast<unsigned char>(text[end + 1]));
          if (!counts_something(word) && (followed_by_word || end == text.size())) {
            marker = true;
            cut = at - 1;
          }
        }
      }
      if (!marker) continue;
      // "bodies1, 2": the comma between two markers goes with them.
      if (last_cut != std::string::npos && cut == last_cut + 1 && text[last_cut] == ',') cut = last_cut;
      text.erase(cut, end - cut);
      last_cut = cut;
      refs.push_back(label);
      from = cut;
      taken = true;
      break;
    }
    return taken;
  };
  while (next <= last_label) {
    if (take(next)) {
      ++next;
      continue;
    }
    // A marker the text lost (or printed apart from its word) must not hold back the ones
    // after it: the next one or two are looked for too.
    if (next + 1 <= last_label && take(next + 1)) {
      next += 2;
      continue;
    }
    if (next + 2 <= last_label && take(next + 2)) {
      next += 3;
      continue;
    }
    break;
  }
}

}  // namespace

bool looks_like_layout_text(std::string_view content) {
  const std::string_view head = content.substr(0, std::min<std::size_t>(content.size(), 1 << 16));
  const auto form_feeds = std::count(head.begin(), head.end(), '\f');
  static const Pattern job(R"(GE\.\d{2}-\d{5}\s*\([A-Z]\))");
  const bool job_number = job.contains(head);
  // Deeply indented lines are what -layout produces; converted text has almost none.
  std::size_t lines = 0, deep = 0, start = 0;
  while (start < head.size() && lines < 400) {
    std::size_t end = head.find('\n', start);
    if (end == std::string_view::npos) end = head.size();
    const std::string_view line = head.substr(start, end - start);
    if (!trim(line).empty()) {
      ++lines;
      if (indent_of(line) >= 6) ++deep;
    }
    start = end + 1;
  }
  const bool indented = lines > 10 && deep * 2 > lines;
  // Pages are what the layout front end works with: text cut into pages by form feeds
  // (pdftotext's, with or without -layout) is paged text however it is indented.
  return form_feeds >= 2 || (form_feeds >= 1 && indented) || (job_number && indented);
}

ParsedSource unwrap_layout(std::string_view content) {
  ParsedSource out;
  out.raw_head = std::string(content.substr(0, std::min<std::size_t>(content.size(), 3000)));

  // --- Physical lines, page by page -------------------------------------------------------
  std::vector<PageLine> lines;
  // One allocation for every line: growing by doubling frees and takes back ever larger
  // blocks, which the allocator hands back to the system and faults in again, per document.
  lines.reserve(static_cast<std::size_t>(std::count(content.begin(), content.end(), '\n')) + 1);
  {
    std::uint32_t number = 0, page = 0;
    std::size_t start = 0;
    while (start <= content.size()) {
      std::size_t end = content.find('\n', start);
      if (end == std::string_view::npos) end = content.size();
      std::string raw(content.substr(start, end - start));
      ++number;
      if (!raw.empty() && raw.back() == '\r') raw.pop_back();
      // A form feed starts a new page; pdftotext puts it at the start of the page's first line.
      std::size_t ff;
      while ((ff = raw.find('\f')) != std::string::npos) {
        raw.erase(ff, 1);
        ++page;
      }
      PageLine l;
      l.indent = indent_of(raw);
      l.text = trim(raw);
      l.number = number;
      l.page = page;
      l.blank = l.text.empty();
      lines.push_back(std::move(l));
      if (end == content.size()) break;
      start = end + 1;
    }
  }
  const FurnitureReport furniture = find_page_furniture(lines);
  out.symbol = running_head_symbol(lines, furniture.removed);
  out.pages = furniture.pages;
  const auto first_line_of = [&](std::uint32_t p) {
    for (const auto& l : lines)
      if (l.page == p) return l.number;
    return std::uint32_t{0};
  };
  for (const std::uint32_t p : furniture.pages_without_text) {
    const std::uint32_t first = first_line_of(p);
    out.diagnostics.push_back({Diagnostic::Severity::warning,
                               "page " + std::to_string(p + 1) + " has no text but page furniture (a scanned image?)",
                               {first, first}, "page.empty", 1});
  }
  // A page with nothing at all, not even its running head, is most often left blank on
  // purpose; a scanned page looks the same, so it is said, without alarm.
  for (const std::uint32_t p : furniture.blank_pages) {
    const std::uint32_t first = first_line_of(p);
    out.diagnostics.push_back({Diagnostic::Severity::info,
                               "page " + std::to_string(p + 1) + " is blank (or an image without a text layer)",
                               {first, first}, "page.blank", 0});
  }
  const auto is_furniture = [&](const PageLine& l) { return l.furniture || furniture_anyway(l.text, out.symbol); };

  // --- Endnotes: after a "Notes" line, while notes run 1, 2, 3 ---------------------------
  // The heading counts only when the notes under it start at 1; they end where an annex
  // begins, and the body goes on from there.
  static const Pattern note_start(R"(^(\d{1,3})(?:\s+(\S.*))?$)", false, "0123456789");
  std::size_t body_end = lines.size(), resume = lines.size();
  for (std::size_t i = lines.size() / 2; i < lines.size(); ++i) {
    const std::string& t = lines[i].text;
    if (t != "Notes" && t != "Endnotes" && t != "Notas" && t != "NOTES") continue;
    std::size_t j = i + 1;
    while (j < lines.size() && (lines[j].blank || is_furniture(lines[j]))) ++j;
    Match m;
    if (j < lines.size() && note_start.full(lines[j].text, m) && m[1].str() == "1") body_end = i;
  }
  {
    Footnote* current = nullptr;
    for (std::size_t i = body_end + (body_end < lines.size() ? 1 : 0); i < lines.size(); ++i) {
      const PageLine& l = lines[i];
      if (l.blank) continue;
      Label label;
      std::string rest;
      if (split_label(l.text, label, rest) && label.style == LabelStyle::annex) {
        resume = i;
        break;
      }
      Match m;
      const int expected = out.footnotes.empty() ? 1 : std::stoi(out.footnotes.back().label) + 1;
      // The next note's number alone on its line is a label, not a page number.
      const bool next_note = note_start.full(l.text, m) && std::stoi(m[1].str()) == expected;
      if (!next_note && is_furniture(l)) continue;
      if (next_note) {
        out.footnotes.push_back({m[1].str(), m[2].matched ? m[2].str() : "", {}});
        current = &out.footnotes.back();
      } else if (current) {
        current->text += (current->text.empty() ? "" : " ") + l.text;
      }
    }
  }
  const auto in_body = [&](std::size_t i) { return i < body_end || i >= resume; };

  // --- Page footnotes ("* The annex is being circulated ...") ----------------------------
  // A line at the foot of a page, after a gap, starting with "*" or a number and a gap.
  static const Pattern page_note(R"(^(\*{1,3}|\d{1,3})\s{1,}(\S.*)$)");
  std::vector<bool> is_page_note(lines.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!in_body(i) || lines[i].blank || lines[i].furniture || !(i > 0 && lines[i - 1].blank)) continue;
    Match m;
    if (!page_note.full(lines[i].text, m) || m[1].str()[0] != '*') continue;
    // Only if nothing but furniture follows before the next page.
    bool foot = true;
    for (std::size_t j = i + 1; j < lines.size() && in_body(j) && lines[j].page == lines[i].page; ++j)
      if (!lines[j].blank && !is_furniture(lines[j]) && lines[j].indent < lines[i].indent) {
        foot = false;
        break;
      }
    if (!foot) continue;
    out.footnotes.push_back({m[1].str(), m[2].str(), {}});
    is_page_note[i] = true;
  }
  // Numbered notes at the foot of a page: after a gap, the next note number of the
  // document (alone on its line or before the note's text), the rest of the page made of
  // that note and the next ones in order, and its marker printed in the page's text above
  // ("... (Azerbaijan);2"). Sequence, place and marker together, not a pattern alone.
  {
    static const Pattern note_label(R"(^(\d{1,3})(?:\s+(\S.*))?$)", false, "0123456789");
    int next_note = 1;
    for (const auto& f : out.footnotes)
      if (std::isdigit(static_cast<unsigned char>(f.label[0]))) next_note = std::max(next_note, std::stoi(f.label) + 1);
    std::size_t page_begin = 0;
    while (page_begin < lines.size()) {
      std::size_t page_end = page_begin;
      while (page_end < lines.size() && lines[page_end].page == lines[page_begin].page) ++page_end;
      std::vector<std::size_t> text;  // the page's lines of text
      for (std::size_t i = page_begin; i < page_end; ++i)
        if (in_body(i) && !lines[i].blank && !is_furniture(lines[i]) && !is_page_note[i]) text.push_back(i);
      for (std::size_t s = 1; s < text.size(); ++s) {
        const std::size_t at = text[s];
        Match m;
        if (!lines[at - 1].blank || !note_label.full(lines[at].text, m)) continue;
        // The next note number, or a little further on (a note missed on an earlier page), or
        // 1 again (an annex's notes, numbered afresh).
        const int first = std::stoi(m[1].str());
        if (!(first == 1 || (first >= next_note && first <= next_note + 30))) continue;
        // Every later label on the page continues the sequence.
        int expected = first + 1;
        bool notes_only = true;
        for (std::size_t k = s + 1; k < text.size() && notes_only; ++k) {
          Match n;
          // The next label starts the next note, with or without a gap before it; another
          // number after a gap breaks the run.
          if (note_label.full(lines[text[k]].text, n) &&
              (std::stoi(n[1].str()) == expected || lines[text[k] - 1].blank)) {
            if (std::stoi(n[1].str()) != expected) notes_only = false;
            ++expected;
          } else if (starts_item(lines[text[k]].text)) {
            notes_only = false;  // a numbered paragraph: body text, not notes
          }
        }
        if (!notes_only) continue;
        std::string above;
        for (std::size_t k = 0; k < s; ++k) above += lines[text[k]].text + "\n";
        if (!has_marker(above, first)) continue;
        next_note = first;
        Footnote* current = nullptr;
        for (std::size_t k = s; k < text.size(); ++k) {
          Match n;
          const std::size_t i = text[k];
          if (note_label.full(lines[i].text, n) && std::stoi(n[1].str()) == next_note) {
            out.footnotes.push_back({n[1].str(), n[2].matched ? n[2].str() : "", {}});
            current = &out.footnotes.back();
            ++next_note;
          } else if (current) {
            current->text += (current->text.empty() ? "" : " ") + lines[i].text;
          }
          is_page_note[i] = true;
        }
        break;
      }
      page_begin = page_end;
    }
  }
  out.furniture = furniture.removed;
  for (const auto& l : lines)
    if (!l.blank && !l.furniture && furniture_anyway(l.text, out.symbol)) out.furniture.push_back(l.text);

  // --- Unwrap paragraphs ------------------------------------------------------------------
  // The text's right margin: where most full lines end. Not the longest line: dot leaders
  // of a contents table and wide tables run past the margin and would make every line of
  // the text look short.
  std::size_t width = 0;
  {
    std::vector<std::size_t> ends;
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (in_body(i) && !lines[i].furniture && lines[i].text.size() > 20)
        ends.push_back(lines[i].indent + lines[i].text.size());
    if (!ends.empty()) {
      std::sort(ends.begin(), ends.end());
      width = ends[ends.size() * 9 / 10];
    }
  }
  std::vector<Logical> logical;
  logical.reserve(lines.size());  // at most one paragraph per line (see lines.reserve)
  bool gap = true;
  std::uint32_t page = 0;  // of the last line taken into a paragraph
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!in_body(i)) continue;
    const PageLine& l = lines[i];
    if (l.blank) {
      gap = true;
      continue;
    }
    if (is_page_note[i] || is_furniture(l)) continue;
    const bool page_break = !logical.empty() && l.page != page;
    page = l.page;
    // A line of a contents table ("II. Conclusions .......... 92-94   13") stands alone.
    const bool contents = has_dot_leader(l.text);
    bool new_paragraph = logical.empty() || starts_item(l.text) || contents || logical.back().contents;
    // "(2) and 16 of the Convention ...": a reference that wrapped to the start of a line
    // inside a sentence, not an item.
    if (new_paragraph && !logical.empty() && !contents && wrapped_reference(l.text) &&
        !ends_clause(logical.back().text))
      new_paragraph = false;
    if (!new_paragraph) {
      const Logical& last = logical.back();
      const bool last_complete = ends_clause(last.text);
      const bool starts_lower = std::islower(static_cast<unsigned char>(l.text[0]));
      // A short last line that closes a sentence ends its paragraph; a gap ends it unless
      // the text plainly runs on (lower case after an unfinished sentence).
      const bool short_last = last.last_length + 12 < width * 3 / 4;
      if (gap && !(starts_lower && !last_complete)) new_paragraph = true;
      if (!gap && last_complete && short_last) new_paragraph = true;
      // A heading: one short line without closing punctuation, then text at another
      // indentation ("Composition of the delegation" over an indented paragraph).
      const std::size_t shift = l.indent > last.last_indent ? l.indent - last.last_indent : last.last_indent - l.indent;
      if (!gap && !last_complete && last.physical_lines == 1 && !starts_item(last.text) && !starts_lower &&
          shift >= 4 && short_last)
        new_paragraph = true;
      // A page break inside a sentence: the paragraph goes on at the top of the next page,
      // whatever case its first word is in, unless what ended the page was one short line
      // (a heading at the foot of a page).
      if (page_break && !last_complete && (starts_lower || last.physical_lines > 1 || !short_last))
        new_paragraph = false;
    }
    if (new_paragraph) {
      logical.push_back({l.text, l.number, gap, l.text.size(), l.indent, 1, contents});
    } else {
      Logical& last = logical.back();
      if (!last.text.empty() && last.text.back() == '-' && !std::isupper(static_cast<unsigned char>(l.text[0])))
        last.text += l.text;  // "long-" + "term"
      else
        last.text.append(1, ' ').append(l.text);
      last.last_length = l.text.size();
      last.last_indent = l.indent;
      ++last.physical_lines;
    }
    gap = false;
  }

  // --- Markers ----------------------------------------------------------------------------
  int next = 1;
  const int last_label = [&] {
    int n = 0;
    for (const auto& f : out.footnotes)
      if (std::isdigit(static_cast<unsigned char>(f.label[0]))) n = std::max(n, std::stoi(f.label));
    return n;
  }();
  std::set<std::string> star_labels;
  for (const auto& f : out.footnotes)
    if (f.label[0] == '*') star_labels.insert(f.label);

  out.lines.reserve(logical.size());
  for (auto& l : logical) {
    SourceLine s;
    s.number = l.number;
    s.after_blank = l.after_blank;
    std::string text = l.text;
    // "Review*": a star glued to a word, when the page has a star footnote.
    for (const auto& star : star_labels) {
      const auto at = text.find(star);
      if (at != std::string::npos && at > 0 && std::isalpha(static_cast<unsigned char>(text[at - 1]))) {
        text.erase(at, star.size());
        s.footnote_refs.push_back(star);
      }
    }
    if (last_label > 0) take_sequential_markers(text, next, last_label, s.footnote_refs);
    s.text = trim(text);
    if (!s.text.empty()) out.lines.push_back(std::move(s));
  }
  return out;
}

}  // namespace dossier::readers
