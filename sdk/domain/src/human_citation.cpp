// Citations as people read them, in the six UN languages, and where a document can be read
// (citation.hpp). The words and their order are the UN's own, as its documents cite
// paragraphs in their footnotes: "A/HRC/38/53, para. 35 (c)", "par. 35 c)", "párr. 35 c)",
// "п. 35 c)", "الفقرة 35 (ج)", "第35(c)段"; "A/57/465, annex I, para. 10".
#include <algorithm>
#include <array>

#include "citation_forms.hpp"
#include "dossier/domain/citation.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

namespace {

/// Words wrapped around a number: "para. 127" is {"para. ", ""}, "第127段" {"第", "段"}.
struct Around {
  const char* before;
  const char* after;
};

struct Words {
  const char* separator;  // between the name and each part of the place
  Around paragraph;
  Around item;            // an unnumbered block, by its number under its section path
  bool bracket_both;      // sub-paragraphs as "(a)" rather than "a)"
  bool spaced_subs;       // "4 (a)" rather than "4(a)"
};

constexpr std::array<Words, language_count> words = {{
    {", ", {"para. ", ""}, {"item ", ""}, true, true},
    {", ", {"par. ", ""}, {"point ", ""}, false, true},
    {", ", {"p\xC3\xA1rr. ", ""}, {"punto ", ""}, false, true},
    {", ", {"\xD0\xBF. ", ""}, {"\xD0\xBF\xD0\xBE\xD0\xB7\xD0\xB8\xD1\x86\xD0\xB8\xD1\x8F ", ""}, false, true},
    {"\xD8\x8C ", {"\xD8\xA7\xD9\x84\xD9\x81\xD9\x82\xD8\xB1\xD8\xA9 ", ""}, {"\xD8\xA7\xD9\x84\xD8\xA8\xD9\x86\xD8\xAF ", ""},
     true, true},
    {"\xEF\xBC\x8C", {"\xE7\xAC\xAC", "\xE6\xAE\xB5"}, {"\xE7\xAC\xAC", "\xE9\xA1\xB9"}, true, false},
}};

/// The parts a document numbers afresh ("annex I", "section II"), by the English word the
/// readers put into addresses, in each language. Chinese writes them around the numeral
/// ("第二节", "附件一"); "" after means the numeral follows the word directly.
struct PartWord {
  const char* english;
  std::array<Around, language_count> in;
};

const std::array<PartWord, 5> part_words = {{
    {"annex",
     {{{"annex ", ""}, {"annexe ", ""}, {"anexo ", ""}, {"\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBB\xD0\xBE\xD0\xB6\xD0\xB5\xD0\xBD\xD0\xB8\xD0\xB5 ", ""},
       {"\xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD9\x81\xD9\x82 ", ""}, {"\xE9\x99\x84\xE4\xBB\xB6", ""}}}},
    {"section",
     {{{"section ", ""}, {"section ", ""}, {"secci\xC3\xB3n ", ""}, {"\xD1\x80\xD0\xB0\xD0\xB7\xD0\xB4\xD0\xB5\xD0\xBB ", ""},
       {"\xD8\xA7\xD9\x84\xD9\x81\xD8\xB1\xD8\xB9 ", ""}, {"\xE7\xAC\xAC", "\xE8\x8A\x82"}}}},
    {"part",
     {{{"part ", ""}, {"partie ", ""}, {"parte ", ""}, {"\xD1\x87\xD0\xB0\xD1\x81\xD1\x82\xD1\x8C ", ""},
       {"\xD8\xA7\xD9\x84\xD8\xAC\xD8\xB2\xD8\xA1 ", ""}, {"\xE7\xAC\xAC", "\xE9\x83\xA8\xE5\x88\x86"}}}},
    {"chapter",
     {{{"chapter ", ""}, {"chapitre ", ""}, {"cap\xC3\xADtulo ", ""}, {"\xD0\xB3\xD0\xBB\xD0\xB0\xD0\xB2\xD0\xB0 ", ""},
       {"\xD8\xA7\xD9\x84\xD9\x81\xD8\xB5\xD9\x84 ", ""}, {"\xE7\xAC\xAC", "\xE7\xAB\xA0"}}}},
    {"article",
     {{{"article ", ""}, {"article ", ""}, {"art\xC3\xAD" "culo ", ""}, {"\xD1\x81\xD1\x82\xD0\xB0\xD1\x82\xD1\x8C\xD1\x8F ", ""},
       {"\xD8\xA7\xD9\x84\xD9\x85\xD8\xA7\xD8\xAF\xD8\xA9 ", ""}, {"\xE7\xAC\xAC", "\xE6\x9D\xA1"}}}},
}};

/// "IV" -> 4, "12" -> 12; 0 for anything else (letters "A", "B" stay as printed).
int numeral_value(std::string_view s) {
  if (s.empty() || s.size() > 6) return 0;
  int value = 0;
  if (s[0] >= '0' && s[0] <= '9') {
    for (char c : s) {
      if (c < '0' || c > '9') return 0;
      value = value * 10 + (c - '0');
    }
    return value;
  }
  int previous = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    const int v = *it == 'I' ? 1 : *it == 'V' ? 5 : *it == 'X' ? 10 : *it == 'L' ? 50 : *it == 'C' ? 100 : 0;
    if (v == 0) return 0;
    value += v < previous ? -v : v;
    previous = std::max(previous, v);
  }
  return value;
}

/// 1..99 in Chinese numerals, as the UN's Chinese documents number annexes ("附件二").
std::string chinese_numeral(int n) {
  static const char* digit[] = {"", "\xE4\xB8\x80", "\xE4\xBA\x8C", "\xE4\xB8\x89", "\xE5\x9B\x9B",
                                "\xE4\xBA\x94", "\xE5\x85\xAD", "\xE4\xB8\x83", "\xE5\x85\xAB", "\xE4\xB9\x9D"};
  const char* ten = "\xE5\x8D\x81";
  if (n < 10) return digit[n];
  return std::string(n >= 20 ? digit[n / 10] : "") + ten + digit[n % 10];
}

/// 1..10 as the Arabic ordinals the UN's Arabic documents give annexes and chapters
/// ("المرفق الأول"); the numeral itself beyond.
std::string arabic_ordinal(int n, std::string_view numeral) {
  static const char* ordinal[] = {
      "",
      "\xD8\xA7\xD9\x84\xD8\xA3\xD9\x88\xD9\x84",
      "\xD8\xA7\xD9\x84\xD8\xAB\xD8\xA7\xD9\x86\xD9\x8A",
      "\xD8\xA7\xD9\x84\xD8\xAB\xD8\xA7\xD9\x84\xD8\xAB",
      "\xD8\xA7\xD9\x84\xD8\xB1\xD8\xA7\xD8\xA8\xD8\xB9",
      "\xD8\xA7\xD9\x84\xD8\xAE\xD8\xA7\xD9\x85\xD8\xB3",
      "\xD8\xA7\xD9\x84\xD8\xB3\xD8\xA7\xD8\xAF\xD8\xB3",
      "\xD8\xA7\xD9\x84\xD8\xB3\xD8\xA7\xD8\xA8\xD8\xB9",
      "\xD8\xA7\xD9\x84\xD8\xAB\xD8\xA7\xD9\x85\xD9\x86",
      "\xD8\xA7\xD9\x84\xD8\xAA\xD8\xA7\xD8\xB3\xD8\xB9",
      "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD8\xB4\xD8\xB1"};
  return n >= 1 && n <= 10 ? ordinal[n] : std::string(numeral);
}

std::string part_text(const Part& p, Language lang) {
  for (const PartWord& w : part_words) {
    if (p.word != w.english) continue;
    const Around& a = w.in[lang];
    if (p.numeral.empty()) {
      std::string word = a.before;  // "annex " -> "annex"; Chinese "附件" as it is
      while (!word.empty() && word.back() == ' ') word.pop_back();
      return word.empty() || *a.after ? p.word : word;
    }
    const int n = numeral_value(p.numeral);
    std::string numeral = p.numeral;
    // Articles keep their digits in Arabic ("المادة 2"); numbered parts take ordinals.
    if (lang == ar && p.word != "article") numeral = arabic_ordinal(n, p.numeral);
    if (lang == zh && n > 0 && n < 100) numeral = chinese_numeral(n);
    return a.before + numeral + a.after;
  }
  return p.numeral.empty() ? p.word : p.word + " " + p.numeral;  // "guideline 1": as the reader wrote it
}

bool is_numeral(std::string_view s) {
  return numeral_value(s) > 0 || (s.size() == 1 && s[0] >= 'A' && s[0] <= 'Z');
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Takes `tail` (what follows the id: " annex ¶12", " §II.2.(1) #11") apart; false when it is
/// no address Dossier writes.
bool parse_place(std::string_view tail, Place& out) {
  static const std::string_view pilcrow = "\xC2\xB6", section = "\xC2\xA7";
  if (const std::size_t p = tail.find(pilcrow); p != std::string_view::npos) {
    out.number = trimmed(tail.substr(p + pilcrow.size()));
    if (out.number.empty() || out.number[0] < '0' || out.number[0] > '9') return false;
    std::vector<std::string> tokens;
    std::string token;
    for (char c : std::string(tail.substr(0, p)) + " ") {
      if (c != ' ') {
        token += c;
      } else if (!token.empty()) {
        tokens.push_back(std::move(token));
        token.clear();
      }
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const bool word = tokens[i][0] >= 'a' && tokens[i][0] <= 'z';
      if (word && i + 1 < tokens.size() && is_numeral(tokens[i + 1])) {
        out.parts.push_back({tokens[i], tokens[i + 1]});
        ++i;
      } else if (!word && i == 0) {
        out.attached = tokens[i];  // a component of a collection: resolution 77/128 A
      } else {
        out.parts.push_back({tokens[i], ""});
      }
    }
    return true;
  }
  const std::size_t hash = tail.rfind('#');
  if (hash == std::string_view::npos || !all_digits(tail.substr(hash + 1))) return false;
  out.ordinal = std::string(tail.substr(hash + 1));
  const std::string before = trimmed(tail.substr(0, hash));
  if (before.empty()) return true;
  if (before.compare(0, section.size(), section) != 0) return false;
  out.path = trimmed(std::string_view(before).substr(section.size()));
  return true;
}

/// "4(a)(i)" as the language writes a paragraph: "para. 4 (a) (i)", "par. 4 a) i)", "第4(a)(i)段".
std::string paragraph_text(const std::string& number, Language lang) {
  const Words& w = words[lang];
  std::string out = w.paragraph.before;
  const std::size_t open = number.find('(');
  out += number.substr(0, open);
  for (std::size_t i = open; i != std::string::npos && i < number.size();) {
    const std::size_t close = number.find(')', i);
    if (close == std::string::npos) {
      out += number.substr(i);  // not a sub-paragraph Dossier writes: as it is
      break;
    }
    if (w.spaced_subs) out += ' ';
    out += number.substr(w.bracket_both ? i : i + 1, close + 1 - (w.bracket_both ? i : i + 1));
    i = close + 1;
  }
  return out + w.paragraph.after;
}

/// In Arabic text, Latin names and section paths isolated as left-to-right runs (U+2066 ...
/// U+2069), so that the citation reads right to left around them whatever comes first.
std::string left_to_right(const std::string& text, Language lang) {
  return lang == ar ? "\xE2\x81\xA6" + text + "\xE2\x81\xA9" : text;
}

}  // namespace

Language language_of(std::string_view tag) {
  std::string primary;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    primary += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  for (std::size_t i = 0; i < language_count; ++i)
    if (primary == language_codes[i]) return static_cast<Language>(i);
  return en;
}

std::string attached_text(const Place& place) { return place.attached.empty() ? std::string() : " " + place.attached; }

std::string place_text(const Place& place, Language lang) {
  const Words& w = words[lang];
  std::string out;
  for (const Part& p : place.parts) out += w.separator + part_text(p, lang);
  if (!place.number.empty()) return out + w.separator + paragraph_text(place.number, lang);
  if (!place.path.empty()) out += w.separator + left_to_right(place.path, lang);
  return out + w.separator + w.item.before + place.ordinal + w.item.after;
}

std::string metadata_value(const Document& d, std::string_view key) {
  for (const Metadata& m : d.metadata)
    if (m.key == key && !m.value.empty()) return m.value;
  return {};
}

std::string tidy_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  constexpr std::size_t longest = 100;
  if (out.size() > longest) {
    const std::size_t space = out.rfind(' ', longest);
    out = out.substr(0, space == std::string::npos || space < longest / 2 ? longest : space);
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();  // a whole character
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    out += "\xE2\x80\xA6";
  }
  return out;
}

bool place_of(const Document& document, std::string_view address, Place& place) {
  const std::string& id = document.id;
  if (address.size() <= id.size() || address.compare(0, id.size(), id) != 0 || address[id.size()] != ' ')
    return false;
  return parse_place(address.substr(id.size()), place);
}

std::string cited_name(const Document& document) {
  if (!document.symbol.empty()) return tidy_name(document.symbol);
  for (const std::string& name : {metadata_value(document, "short_title"), document.title})
    if (std::string tidy = tidy_name(name); !tidy.empty()) return tidy;
  const std::size_t slash = document.source.find_last_of("/\\");
  const std::string file = document.source.substr(slash == std::string::npos ? 0 : slash + 1);
  // An id someone gave (a catalogue, a reader that knew better) before the file's name; the
  // id a reader made of the file's name ("001-88e8c2357c784c71") never.
  const std::size_t dot = file.rfind('.');
  const bool made_of_file = document.id == slugify(file.substr(0, dot == 0 ? std::string::npos : dot));
  if (!document.id.empty() && (!made_of_file || file.empty())) return tidy_name(document.id);
  return file.empty() ? document.id : file;
}

std::string human_place(const Document& document, std::string_view address, std::string_view language) {
  if (address == document.id) return {};
  Place place;
  if (!place_of(document, address, place)) return std::string(address);
  const Language lang = language_of(language);
  std::string text = place_text(place, lang);
  if (!place.attached.empty()) return left_to_right(place.attached, lang) + text;
  // Without the name, the place starts at its first part: no separator before it.
  const std::string_view separator = words[lang].separator;
  return text.compare(0, separator.size(), separator) == 0 ? text.substr(separator.size()) : text;
}

std::string human_citation(const Document& document, std::string_view address, std::string_view language) {
  const std::string name = cited_name(document);
  if (address == document.id) return name;
  Place place;
  if (!place_of(document, address, place)) return std::string(address);
  return left_to_right(name + attached_text(place), language_of(language)) + place_text(place, language_of(language));
}

std::string percent_encode(std::string_view text, std::string_view keep) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved || (c < 0x80 && keep.find(ch) != std::string_view::npos)) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string un_document_link(std::string_view symbol, std::string_view language) {
  return std::string("https://docs.un.org/") + language_codes[language_of(language)] + "/" +
         percent_encode(symbol, "/()");
}

std::string document_link(const Document& document, std::string_view language) {
  if (!document.symbol.empty()) return un_document_link(document.symbol, language);
  return metadata_value(document, "url");
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
