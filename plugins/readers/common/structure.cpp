#include "structure.hpp"

#include "pattern.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include <dossier/address.hpp>
#include <dossier/references.hpp>
#include <dossier/text_repair.hpp>

namespace dossier::readers {

namespace {

// ---------------------------------------------------------------------------------------
// Small text helpers

// Markdown left by converters: **bold**, *italic*, [text](#link), <http://...>.
std::string strip_markup(const std::string& line) {
  static const Pattern link(R"(\[([^\]]*)\]\([^)]*\))");
  static const Pattern angle_url(R"(<(https?://[^>]+)>)");
  std::string s = line.find('[') != std::string::npos ? link.replace_all(line, "\\1") : line;
  if (s.find('<') != std::string::npos) s = angle_url.replace_all(s, "\\1");
  if (s.find('*') == std::string::npos) return trim(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '*') {
      // Emphasis markers only: a '*' next to a letter or another '*', not a footnote "*".
      const bool prev_word = i > 0 && !std::isspace(static_cast<unsigned char>(s[i - 1]));
      const bool next_word = i + 1 < s.size() && !std::isspace(static_cast<unsigned char>(s[i + 1]));
      if (prev_word || next_word) continue;
    }
    out += s[i];
  }
  return trim(out);
}

bool ends_sentence(const std::string& s) {
  if (s.empty()) return true;
  static const std::array<std::string_view, 8> endings = {".", ";", ":", "!", "?", "\xE2\x80\x9D", "\"", ")"};
  for (auto e : endings)
    if (s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0) return true;
  return false;
}

// ASCII letters only, as std::isalpha and std::isupper in the C locale, without a call per byte.
double upper_share(std::string_view s) {
  int letters = 0, upper = 0;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool is_upper = c >= 'A' && c <= 'Z';
    if (is_upper || (c >= 'a' && c <= 'z')) {
      ++letters;
      upper += is_upper;
    }
  }
  return letters ? static_cast<double>(upper) / letters : 0.0;
}

// Words separated by C-locale white space, as `istream >> std::string` counts them.
std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = c == ' ' || (c >= '\t' && c <= '\r');
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// A short line without closing punctuation reads as a heading.
bool heading_like(const std::string& text) {
  if (text.empty() || text.size() > 320) return false;
  if (upper_share(text) > 0.85 && text.size() > 3) return true;  // "...AND REINTEGRATION."
  const char last = text.back();
  if (last == '.' || last == ';' || last == ',') return false;
  if (upper_share(text) > 0.6) return true;  // capitals: long cluster titles are headings too
  return text.size() <= 100 && std::isupper(static_cast<unsigned char>(text[0]));
}

// Superscript digits (U+2070, U+00B9, U+00B2, U+00B3, U+2074..U+2079) to ASCII.
// Returns the number of bytes consumed at `at`, 0 if no superscript digit is there.
std::size_t superscript_digit(std::string_view s, std::size_t at, char& digit) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if (at + 1 < s.size() && byte(at) == 0xC2) {
    if (byte(at + 1) == 0xB9) return digit = '1', 2;
    if (byte(at + 1) == 0xB2) return digit = '2', 2;
    if (byte(at + 1) == 0xB3) return digit = '3', 2;
  }
  if (at + 2 < s.size() && byte(at) == 0xE2 && byte(at + 1) == 0x81) {
    const unsigned char c = byte(at + 2);
    if (c == 0xB0) return digit = '0', 3;
    if (c >= 0xB4 && c <= 0xB9) return digit = static_cast<char>('4' + (c - 0xB4)), 3;
  }
  return 0;
}

// Removes superscript numbers from text and returns them (footnote anchors).
std::string take_superscripts(const std::string& text, std::vector<std::string>& labels) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    // Superscript digits start with byte C2 or E2: what comes before the next one is copied.
    const std::size_t next = text.find_first_of("\xC2\xE2", i);
    out.append(text, i, next == std::string::npos ? std::string::npos : next - i);
    if (next == std::string::npos) break;
    i = next;
    std::string label;
    char d;
    std::size_t n;
    std::size_t j = i;
    while ((n = superscript_digit(text, j, d)) != 0) {
      label += d;
      j += n;
    }
    if (!label.empty()) {
      labels.push_back(label);
      i = j;
      continue;
    }
    out += text[i++];
  }
  // Removing "text¹ more" leaves the single space; "text ¹more" would leave none: fine.
  return out;
}

// A line that begins with superscript digits is a footnote body: "¹ Alexander Betts...".
bool footnote_line(const std::string& line, std::string& label, std::string& text) {
  char d;
  std::size_t i = 0, n;
  label.clear();
  while ((n = superscript_digit(line, i, d)) != 0) {
    label += d;
    i += n;
  }
  if (label.empty()) return false;
  text = trim(std::string_view(line).substr(i));
  return !text.empty();
}

std::string find_symbol(const std::string& text) {
  static const Pattern symbol(
      R"(\b((?:A|E|S)/(?:[A-Z][A-Za-z0-9.]*/)*\d+(?:/[A-Za-z0-9.]+)*)\b)");
  Match m;
  return symbol.find(text, m) ? m[1].str() : std::string();
}

std::string find_date(const std::string& head) {
  static const std::array<const char*, 12> months = {"January", "February", "March",     "April",   "May",      "June",
                                                     "July",    "August",   "September", "October", "November", "December"};
  // "5 August 2013", "8 - 11 November 2010" (the first day), "22 November 2017".
  static const Pattern date(
      R"(\b(\d{1,2})(?:\s*[-\xE2\x80\x93]+\s*\d{1,2})?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b)");
  Match m;
  if (!date.find(head, m)) return {};
  int month = 0;
  for (std::size_t i = 0; i < months.size(); ++i)
    if (m[2].str() == months[i]) month = static_cast<int>(i) + 1;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s-%02d-%02d", m[3].str().c_str(), month, std::stoi(m[1].str()));
  return buffer;
}

// Lines that belong to the page, not to the text.
bool furniture(const std::string& line, const std::string& symbol) {
  static const Pattern page_number(R"(^(?:-\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*-)?$)");
  static const Pattern job_number(R"(^(?:GE\.)?\d{2}-\d{5}\s*(?:\(E\))?(?:\s+\d{6})?$)");
  static const Pattern page_word(R"(^Page \d+(?: of \d+)?$)", /*ignore_case=*/true);
  static const Pattern leftover(R"(^Select target paragraph\d*$)");  // annotation-tool residue
  if (!symbol.empty() && line == symbol) return true;
  // What the patterns can start with: most lines need none of them tried.
  const char c = line.empty() ? '\0' : line[0];
  if (!(c >= '0' && c <= '9') && std::string_view("-GPpSC").find(c) == std::string_view::npos) return false;
  return page_number.full(line) || job_number.full(line) ||
         page_word.full(line) || line == "Check against delivery." ||
         line == "Check against delivery" || leftover.full(line);
}

// "the United Nations Secretary General" -> "Secretary-General": the names UN documents use.
std::string normalize_addressee(std::string name) {
  name = trim(name);
  while (!name.empty() && (name.back() == ':' || name.back() == '.')) name.pop_back();
  for (const char* prefix : {"the ", "The ", "United Nations ", "UN "})
    if (name.rfind(prefix, 0) == 0) name = name.substr(std::string(prefix).size());
  if (name == "Secretary General") name = "Secretary-General";
  if (name == "HRC") name = "Human Rights Council";
  return name;
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
// Heading labels and their levels

enum class LabelStyle { none, roman, upper_letter, numeric, paren_number, paren_letter, named };

struct Label {
  LabelStyle style = LabelStyle::none;
  std::string text;  // as printed, without the trailing "." or ":"
  int depth = 1;     // dotted numbers: "6.1" has depth 2
};

// "IV. Conclusions", "B. Recommendations", "6.1. ROUNDTABLE 1", "(1) Guaranteeing",
// "RT Session 1.1: Partnerships".
bool split_label(const std::string& line, Label& label, std::string& rest) {
  static const Pattern roman(R"(^([IVX]{1,5})\.?\s+([A-Z].*)$)");
  static const Pattern letter(R"(^([A-H])\.\s+([A-Z].*)$)");
  static const Pattern numeric(R"(^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$)");
  static const Pattern paren_number(R"(^\((\d{1,2})\)\s+(\S.*)$)");
  static const Pattern paren_letter(R"(^\(([a-z])\)\s+(\S.*)$)");
  static const Pattern named(
      R"(^((?:RT\s+)?Session|Roundtable|Cluster|Focus [Aa]rea|Annex|ANNEX|Chapter|Part)\s+([0-9IVX]+(?:\.\d+)*)\s*[:.\-\xE2\x80\x93]*\s+(\S.*)$)");
  // What the patterns can start with: most lines need none of them tried.
  const char c = line.empty() ? '\0' : line[0];
  if (!(c >= '0' && c <= '9') && std::string_view("IVXABCDEFGH(RSP").find(c) == std::string_view::npos) return false;
  Match m;
  if (named.full(line, m)) {
    label = {LabelStyle::named, m[1].str() + " " + m[2].str(), 1};
    rest = m[3].str();
    return true;
  }
  if (roman.full(line, m)) {
    label = {LabelStyle::roman, m[1].str(), 1};
  } else if (letter.full(line, m)) {
    label = {LabelStyle::upper_letter, m[1].str(), 1};
  } else if (numeric.full(line, m)) {
    const std::string n = m[1].str();
    label = {LabelStyle::numeric, n, 1 + static_cast<int>(std::count(n.begin(), n.end(), '.'))};
  } else if (paren_number.full(line, m)) {
    label = {LabelStyle::paren_number, "(" + m[1].str() + ")", 1};
  } else if (paren_letter.full(line, m)) {
    label = {LabelStyle::paren_letter, "(" + m[1].str() + ")", 1};
  } else {
    return false;
  }
  rest = m[2].str();
  return true;
}

// ---------------------------------------------------------------------------------------
// The parser

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
  }

  Document run() {
    identify();
    const std::size_t known_furniture = doc_.furniture.size();
    std::vector<const Line*> body;
    for (const auto& l : lines_)
      if (!furniture(l.text, doc_.symbol)) body.push_back(&l);
      else doc_.furniture.push_back(l.text);
    if (body.size() == 1 && body[0]->text.size() > 1500) {
      parse_flattened_page(body[0]->text, body[0]->number);
    } else {
      doc_.furniture.resize(known_furniture);  // classify() records the rest in reading order
      classify();
      number_paragraphs();
      build();
    }
    resolve_footnotes();
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
    std::vector<std::string> footnotes;
    std::vector<std::vector<std::string>> cells;
    SourceSpan span;
    RecommendationContext rec;  // rec_heading: the context it opens
  };

  void identify() {
    std::string head;
    for (std::size_t i = 0; i < lines_.size() && head.size() < 4000; ++i) head += lines_[i].text + "\n";
    // A running head is the symbol alone on a line (or at the start of a flattened page).
    for (const auto& l : lines_) {
      if (!doc_.symbol.empty()) break;
      const std::string s = find_symbol(l.text.substr(0, 40));
      if (!s.empty() && (l.text == s || l.text.rfind(s + " ", 0) == 0)) {
        doc_.symbol = s;
        break;
      }
    }
    doc_.date = find_date(head);
    doc_.language = "en";
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
        R"(^(?:Report|Compilation|Summary|Note by|Letter dated|Resolution|Draft|Outcome|Thematic|Concluding observations)\b.{10,})");
    for (std::size_t i = 0; i < lines_.size() && i < 40; ++i) {
      if (title_opening.find(lines_[i].text, m)) {
        std::vector<std::string> markers;
        doc_.title = trim(take_superscripts(lines_[i].text, markers)).substr(0, 200);
        return;
      }
    }
    for (const auto& l : lines_) {
      if (l.text[0] == '\t' || furniture(l.text, doc_.symbol) || word_count(l.text) < 3) continue;
      doc_.title = l.text.substr(0, 200);
      break;
    }
  }

  // --- Classification ---------------------------------------------------------------------
  void classify() {
    static const Pattern numbered(R"(^(\d{1,3})\.\s+(\S.*)$)", false, "0123456789");
    // Alternatives, not a bracket class: patterns match bytes, and most bullets are
    // several bytes of UTF-8 (•, ●, ·, ▪, and U+F0A7 from Word's symbol font).
    static const Pattern bullet(
        R"(^(-|\xE2\x80\xA2|\xE2\x97\x8F|\xEF\x82\xA7|\xEF\x82\xB7|\xC2\xB7|\xE2\x96\xAA|o)\s+(\S.*)$)", false,
        "-\xE2\xEF\xC2o");
    static const Pattern enumerator(R"(^(\(?[a-z]\)|\(?\d{1,2}\)|[a-z]\.)\s+(\S.*)$)", false,
                                    "(abcdefghijklmnopqrstuvwxyz0123456789");
    static const Pattern rec_heading(
        R"(^(?:(Political|Practical|Policy)\s+)?(recommendations?|options for practical action|policy options|outcomes and recommendations|conclusions and recommendations)(?:\s+to\s+(?:the\s+)?(.+?)|\s+in relation to .*)?\s*:?$)",
        /*ignore_case=*/true, "PROC");

    bool list_open = false;  // after a line ending with ':' or a recommendations heading
    int last_list_number = 0;
    for (const Line& line : lines_) {
      if (furniture(line.text, doc_.symbol)) {
        doc_.furniture.push_back(line.text);
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
      Match m;

      // Continuations: an indented line that is not an item, or a line in lower case after
      // an unfinished paragraph (a page break or footnotes came between).
      if (!items_.empty()) {
        Item& last = items_.back();
        const bool open = last.kind == Kind::candidate || last.kind == Kind::text || last.kind == Kind::list_item;
        const bool starts_item = bullet.full(text, m) || enumerator.full(text, m);
        // Never past the line limit: a run that long is no paragraph anyone wrote.
        if (open && !starts_item && last.text.size() + text.size() < max_line_bytes &&
            ((line.indented && !line.after_blank) ||
             (!ends_sentence(last.text) && std::islower(static_cast<unsigned char>(text[0]))))) {
          last.text += " " + text;
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
      if (rec_heading.full(rest, m) && rest.size() < 120) {
        item.kind = Kind::rec_heading;
        item.text = text;
        item.label = labelled ? lab : Label{};
        const std::string qualifier = m[1].str();
        std::string what = m[2].str();
        std::transform(what.begin(), what.end(), what.begin(), [](unsigned char c) { return std::tolower(c); });
        if (what == "policy options" || qualifier == "Policy") item.rec.kind = "policy_option";
        else if (what == "options for practical action") item.rec.kind = "practical_action";
        else if (!qualifier.empty()) {
          std::string q = qualifier;
          q[0] = static_cast<char>(std::tolower(q[0]));
          item.rec.kind = q + "_recommendation";
        } else item.rec.kind = "recommendation";
        item.rec.addressee = m[3].matched ? normalize_addressee(m[3].str()) : "";
        item.rec.active = what != "conclusions and recommendations";
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
      static const Pattern subnumbered(R"(^(\d{1,3})\.(\d{1,3})\.?\s+(\S.*)$)", false, "0123456789");
      if (subnumbered.full(text, m) && upper_share(m[3].str()) < 0.8 &&
          (!heading_like(m[3].str()) || word_count(m[3].str()) > 14)) {
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
        if (upper_share(body_text) < 0.8 && (!heading_like(body_text) || word_count(body_text) > 14)) {
          list_open = false;
          item.kind = Kind::candidate;
          item.number = m[1].str();
          item.text = body_text;
          items_.push_back(std::move(item));
          continue;
        }
      }
      // Named labels ("RT Session 3.1: ...") make headings even with long titles.
      const bool named_heading = labelled && lab.style != LabelStyle::numeric && rest.size() <= 240 &&
                                 rest.back() != '.' && rest.back() != ';' && rest.back() != ',' &&
                                 std::isupper(static_cast<unsigned char>(rest[0]));
      if (labelled && (heading_like(rest) || named_heading) && find_date(text).empty()) {
        if (lab.style == LabelStyle::paren_letter && ends_sentence(rest)) {
          // "(a) Ratify ..." is an enumerated item, not a heading.
        } else {
          item.kind = Kind::section;
          item.label = lab;
          item.text = rest;
          list_open = false;
          items_.push_back(std::move(item));
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
  // Documents number their paragraphs in one run through the whole text (1, 2, ... 143);
  // lists restart. The longest run of +1 steps is the paragraph numbering when it clearly
  // dominates; every other candidate is a list item.
  void number_paragraphs() {
    std::vector<std::size_t> candidates, subs;
    for (std::size_t i = 0; i < items_.size(); ++i)
      if (items_[i].kind == Kind::candidate)
        (items_[i].number.find('.') == std::string::npos ? candidates : subs).push_back(i);
    // chains[k] = item indexes; a candidate extends the chain whose last number is n - 1
    // (the most recent such), else starts a new one.
    std::vector<std::vector<std::size_t>> chains;
    for (std::size_t i : candidates) {
      const int n = std::stoi(items_[i].number);
      std::vector<std::size_t>* best = nullptr;
      for (auto& c : chains)
        if (std::stoi(items_[c.back()].number) == n - 1 && (!best || c.back() > best->back())) best = &c;
      if (best) best->push_back(i);
      else chains.push_back({i});
    }
    std::size_t longest = 0, second = 0, which = 0;
    for (std::size_t k = 0; k < chains.size(); ++k) {
      if (chains[k].size() > longest) {
        second = longest;
        longest = chains[k].size();
        which = k;
      } else if (chains[k].size() > second) {
        second = chains[k].size();
      }
    }
    std::set<std::size_t> paragraphs;
    if (longest >= 3 && longest >= 2 * second) paragraphs.insert(chains[which].begin(), chains[which].end());
    std::set<std::string> numbers;
    for (std::size_t i : paragraphs) numbers.insert(items_[i].number);
    for (std::size_t i : candidates) {
      if (paragraphs.count(i)) continue;
      items_[i].kind = Kind::list_item;
      items_[i].marker = items_[i].number + ".";
      items_[i].number.clear();
    }
    // Sub-paragraphs stand when their paragraph does.
    for (std::size_t i : subs) {
      if (numbers.count(items_[i].number.substr(0, items_[i].number.find('.')))) continue;
      items_[i].kind = Kind::list_item;
      items_[i].marker = items_[i].number;
      items_[i].number.clear();
    }
  }

  // --- Building the model -----------------------------------------------------------------
  // The UN's outline order (I. > A. > 1. > (a)), with GFMD's named sessions under numbered
  // sections and "(1)" focus areas under them. Levels only need to order, not to be dense.
  static int level_of(const Label& label) {
    switch (label.style) {
      case LabelStyle::roman: return 1;
      case LabelStyle::upper_letter: return 2;
      case LabelStyle::numeric: return 3 + std::min(label.depth, 3) - 1;
      case LabelStyle::named: return 6;
      case LabelStyle::paren_number: return 7;
      case LabelStyle::paren_letter: return 8;
      case LabelStyle::none: break;
    }
    return 1;
  }

  void add_section(const Label& label, const std::string& title, SourceSpan span,
                   std::vector<std::string> footnotes = {}) {
    Section s;
    s.label = label.text;
    s.title = title;
    while (!s.title.empty() && s.title.back() == ':') s.title.pop_back();
    s.level = level_of(label);
    s.kind = label.style == LabelStyle::named ? "session" : "section";
    for (int i = static_cast<int>(doc_.sections.size()) - 1; i >= 0; --i)
      if (doc_.sections[static_cast<std::size_t>(i)].level < s.level) {
        s.parent = i;
        break;
      }
    doc_.sections.push_back(s);
    Block b;
    b.kind = BlockKind::heading;
    b.text = (s.label.empty() ? "" : s.label + " ") + s.title;
    b.span = span;
    b.footnote_refs = std::move(footnotes);
    push_block(std::move(b));
  }

  int current_level() const {
    return doc_.sections.empty() ? 0 : doc_.sections.back().level;
  }

  void push_block(Block b) {
    b.section = doc_.sections.empty() ? -1 : static_cast<int>(doc_.sections.size()) - 1;
    if (b.kind == BlockKind::numbered_paragraph) {
      b.address = paragraph_address(doc_.id, b.number);
    } else {
      const std::string path = doc_.section_path(b.section);
      b.address = block_address(doc_.id, path, ++ordinals_[path]);
    }
    doc_.blocks.push_back(std::move(b));
  }

  void build() {
    RecommendationContext rec;
    for (Item& item : items_) {
      switch (item.kind) {
        case Kind::rec_heading: {
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
          upr_addressee_.clear();
          add_section(item.label, item.text, item.span, item.footnotes);
          if (rec.active && current_level() <= rec.level) rec.active = false;
          break;
        case Kind::heading: {
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
          if (item.number.find('.') == std::string::npos) upr_addressee_ = upr_recommendations_by(item.text);
          if (!upr_addressee_.empty() && item.number.find('.') != std::string::npos) {
            Block b;
            b.kind = BlockKind::numbered_paragraph;
            b.number = item.number;
            b.text = item.text;
            b.footnote_refs = item.footnotes;
            b.span = item.span;
            push_block(std::move(b));
            const Block& last = doc_.blocks.back();
            doc_.recommendations.push_back(
                {last.address, "recommendation", upr_addressee_, last.text, recommending_states(last.text)});
            break;
          }
          [[fallthrough]];
        case Kind::list_item:
        case Kind::text: {
          // Inside a UPR list every recommendation is numbered: unnumbered text is the
          // rest of the one before (a line that pdftotext's layout broke off).
          if (!upr_addressee_.empty() && item.kind == Kind::text && !doc_.recommendations.empty() &&
              doc_.blocks.back().kind == BlockKind::numbered_paragraph &&
              doc_.blocks.back().address == doc_.recommendations.back().address &&
              doc_.blocks.back().text.size() + item.text.size() < max_line_bytes) {
            Block& last = doc_.blocks.back();
            last.text += " " + item.text;
            last.span.last_line = item.span.last_line;
            last.footnote_refs.insert(last.footnote_refs.end(), item.footnotes.begin(), item.footnotes.end());
            Recommendation& r = doc_.recommendations.back();
            r.text = last.text;
            r.recommended_by = recommending_states(last.text);
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
          if (rec.active && b.kind == BlockKind::numbered_paragraph) rec.numbered = true;
          // A plain paragraph ends a list of recommendations (practice examples follow),
          // unless it introduces the list ("Interested governments ... should:"). The first
          // paragraph under the heading is an item that lost its bullet in conversion.
          if (rec.active && b.kind == BlockKind::text && !rec.numbered && b.text.back() != ':') {
            if (rec.items == 0) {
              b.kind = BlockKind::list_item;
              doc_.diagnostics.push_back({Diagnostic::Severity::info,
                                          "first item under a recommendations heading has no bullet", b.span});
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
            const Block& last = doc_.blocks.back();
            doc_.recommendations.push_back({last.address, rec.kind, rec.addressee, last.text, {}});
          }
          break;
        }
      }
    }
  }

  // "The recommendations ... have been examined by Slovenia and enjoy the support of
  // Slovenia:" opens the UPR list of recommendations addressed to the State under review.
  static std::string upr_recommendations_by(const std::string& text) {
    static const Pattern opening(
        R"(\brecommendations\b.*\b(?:examined by|the support of|supported by|noted by)\s+((?:the\s+)?[A-Z][A-Za-z'\- ]*?[a-z])(?:\s+and\b|\s*[,:;.]|\s*$))");
    Match m;
    if (text.size() > 600 || !opening.find(text, m)) return {};
    return m[1].str();
  }

  // "(France) (Lithuania);" at the end of each sentence: the recommending States.
  static std::vector<std::string> recommending_states(const std::string& text) {
    // Group 2 is what must follow the chain; it is matched (no lookahead in RE2) but cannot
    // start the next chain, so consuming it changes nothing.
    static const Pattern chain(R"(((?:\s*\([^()]{2,90}\))+)\s*([;.]|$))");
    static const Pattern group(R"(\(([^()]+)\))");
    std::vector<std::string> states;
    Match it, g;
    for (std::size_t from = 0; chain.find(text, it, from); from = it.position(0) + std::max<std::size_t>(1, it.length(0))) {
      const std::string_view groups = it[1].view;
      for (std::size_t in = 0; group.find(groups, g, in); in = g.position(0) + g.length(0)) {
        const std::string name = trim(g[1].str());
        const bool has_digit = std::any_of(name.begin(), name.end(), ::isdigit);
        if (name.empty() || has_digit || !std::isupper(static_cast<unsigned char>(name[0]))) continue;
        if (std::find(states.begin(), states.end(), name) == states.end()) states.push_back(name);
      }
    }
    return states;
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

  // --- Footnotes --------------------------------------------------------------------------
  void resolve_footnotes() {
    std::map<std::string, std::size_t> by_label;
    for (auto& f : footnotes_) {
      if (by_label.count(f.label)) {
        doc_.diagnostics.push_back({Diagnostic::Severity::warning, "footnote " + f.label + " appears twice", {}});
        continue;
      }
      by_label[f.label] = doc_.footnotes.size();
      doc_.footnotes.push_back(f);
    }
    std::set<std::string> cited;
    for (const auto& b : doc_.blocks) {
      for (const auto& label : b.footnote_refs) {
        auto it = by_label.find(label);
        if (it == by_label.end()) {
          doc_.diagnostics.push_back({Diagnostic::Severity::warning,
                                      "footnote marker " + label + " in " + b.address + " has no footnote text", b.span});
          continue;
        }
        doc_.footnotes[it->second].anchors.push_back(b.address);
        cited.insert(label);
      }
    }
    for (const auto& f : doc_.footnotes)
      if (!cited.count(f.label))
        doc_.diagnostics.push_back({Diagnostic::Severity::info, "footnote " + f.label + " is never cited", {}});
  }

  std::vector<Line> lines_;
  std::string raw_head_;
  std::string path_;
  Document doc_;
  std::vector<Item> items_;
  std::vector<Footnote> footnotes_;
  bool last_was_footnote_ = false;
  std::string upr_addressee_;  // set while in a UPR list of recommendations
  std::map<std::string, std::size_t> ordinals_;
};

}  // namespace

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<SourceLine> split_converted_lines(std::string_view content) {
  std::vector<SourceLine> lines;
  std::uint32_t number = 0;
  bool blank = true;
  std::size_t start = 0;
  while (start <= content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    std::string raw(content.substr(start, end - start));
    start = end + 1;
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    // Form feeds mark page breaks; the text around them runs on.
    std::replace(raw.begin(), raw.end(), '\f', ' ');
    const bool indented = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
    const bool tabbed = raw.find('\t', indented ? 1 : 0) != std::string::npos;
    std::string text = strip_markup(raw);
    if (text.empty()) {
      blank = true;
      if (end == content.size()) break;
      continue;
    }
    if (tabbed) text = "\t" + raw;  // tables keep their cells; marked by a leading tab
    lines.push_back({text, number, indented, blank, {}});
    blank = false;
    if (end == content.size()) break;
  }
  return lines;
}

namespace {

// Where the piece of `text` starting at `from` ends: at most max_line_bytes on, after the
// last space within that if any, else at the start of a UTF-8 sequence.
std::size_t piece_end(std::string_view text, std::size_t from) {
  std::size_t end = from + max_line_bytes;
  if (end >= text.size()) return text.size();
  const std::size_t space = text.rfind(' ', end - 1);
  if (space != std::string_view::npos && space > from + max_line_bytes / 2) return space + 1;
  while (end > from + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

std::string too_long_message(std::size_t lines, std::size_t longest, std::size_t pieces, const char* what) {
  return std::string(altered_prefix) + std::to_string(lines) + " " + what +
         (lines == 1 ? " was " : "s were ") + "longer than " + std::to_string(max_line_bytes) +
         " bytes (the longest " + std::to_string(longest) + "); broken into " + std::to_string(pieces) +
         " paragraphs";
}

}  // namespace

Diagnostic break_long_lines(std::string& text) {
  std::size_t lines = 0, longest = 0, pieces = 0;
  std::string out;
  std::size_t copied = 0;  // text[0, copied) is in `out` already
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end - start > max_line_bytes) {
      if (out.empty()) out.reserve(text.size() + text.size() / max_line_bytes * 2 + 16);
      out.append(text, copied, start - copied);
      const std::string_view line(text.data() + start, end - start);
      for (std::size_t from = 0; from < line.size();) {
        const std::size_t to = piece_end(line, from);
        if (from > 0) out += "\n\n";
        out.append(line.substr(from, to - from));
        from = to;
        ++pieces;
      }
      copied = end;
      ++lines;
      longest = std::max(longest, end - start);
    }
    start = end + 1;
  }
  if (lines == 0) return {Diagnostic::Severity::warning, {}, {}};
  out.append(text, copied, std::string::npos);
  text = std::move(out);
  return {Diagnostic::Severity::warning, too_long_message(lines, longest, pieces, "line"), {}};
}

Document parse_structure(ParsedSource source, const std::string& path) {
  // Front ends join lines into paragraphs, which can outgrow the limit in turn.
  std::size_t lines = 0, longest = 0, pieces = 0;
  if (std::any_of(source.lines.begin(), source.lines.end(),
                  [](const SourceLine& l) { return l.text.size() > max_line_bytes; })) {
    std::vector<SourceLine> bounded;
    for (auto& l : source.lines) {
      if (l.text.size() <= max_line_bytes) {
        bounded.push_back(std::move(l));
        continue;
      }
      ++lines;
      longest = std::max(longest, l.text.size());
      for (std::size_t from = 0; from < l.text.size();) {
        const std::size_t to = piece_end(l.text, from);
        SourceLine piece{trim(std::string_view(l.text).substr(from, to - from)), l.number, l.indented,
                         from == 0 ? l.after_blank : true, {}};
        if (from == 0) piece.footnote_refs = std::move(l.footnote_refs);
        bounded.push_back(std::move(piece));
        from = to;
        ++pieces;
      }
    }
    source.lines = std::move(bounded);
  }
  Document doc = Parser(std::move(source), path).run();
  if (lines > 0)
    doc.diagnostics.push_back({Diagnostic::Severity::warning, too_long_message(lines, longest, pieces, "paragraph"), {}});
  return doc;
}

Document parse_converted_text(std::string_view content, const std::string& path) {
  ParsedSource source;
  source.lines = split_converted_lines(content);
  source.raw_head = std::string(content.substr(0, std::min<std::size_t>(content.size(), 3000)));
  return parse_structure(std::move(source), path);
}

}  // namespace dossier::readers
