#include "sections.hpp"

#include <algorithm>
#include <string_view>

#include "pattern.hpp"

namespace dossier::readers {

bool split_label(const std::string& line, Label& label, std::string& rest) {
  static const Pattern roman(R"(^([IVX]{1,5})\.?\s+([A-Z].*)$)");
  static const Pattern letter(R"(^([A-H])\.\s+([A-Z].*)$)");
  static const Pattern numeric(R"(^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$)");
  static const Pattern paren_number(R"(^\((\d{1,2})\)\s+(\S.*)$)");
  static const Pattern paren_letter(R"(^\(([a-z])\)\s+(\S.*)$)");
  static const Pattern named(
      R"(^((?:RT\s+)?Session|Roundtable|Cluster|Focus [Aa]rea|Annex|ANNEX|Chapter|Part)\s+([0-9IVX]+(?:\.\d+)*)\s*[:.\-\xE2\x80\x93]*\s+(\S.*)$)");
  static const Pattern annex(
      R"(^(Annex(?:es)?|ANNEX(?:ES)?|Annexe|ANNEXE|Anexo|ANEXO|Appendix|APPENDIX|Appendices|Appendice|Ap\xC3\xA9ndice|Enclosure|ENCLOSURE|Attachment|ATTACHMENT)(?:\s+([IVX]{1,5}|\d{1,2}|[A-H]))?\s*(?:[:.\-\xE2\x80\x93]+\s*(\S.*))?$)");
  // What the patterns can start with: most lines need none of them tried.
  const char c = line.empty() ? '\0' : line[0];
  if (!(c >= '0' && c <= '9') && std::string_view("IVXABCDEFGH(RSP").find(c) == std::string_view::npos) return false;
  Match m;
  // Only lines that start like one of those words are matched.
  static constexpr std::string_view starts[] = {"Ann", "ANN", "Ane", "ANE", "App", "APP", "Ap\xC3", "Enc", "ENC", "Att", "ATT"};
  const bool may_be_annex = std::any_of(std::begin(starts), std::end(starts),
                                        [&](std::string_view s) { return line.compare(0, s.size(), s) == 0; });
  if (may_be_annex && annex.full(line, m)) {
    label = {LabelStyle::annex, m[2].matched ? m[1].str() + " " + m[2].str() : m[1].str(), 1};
    rest = m[3].str();
    return true;
  }
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

int level_of(const Label& label) {
  switch (label.style) {
    case LabelStyle::roman:
    case LabelStyle::annex: return 1;
    case LabelStyle::upper_letter: return 2;
    case LabelStyle::numeric: return 3 + std::min(label.depth, 3) - 1;
    case LabelStyle::named: return 6;
    case LabelStyle::paren_number: return 7;
    case LabelStyle::paren_letter: return 8;
    case LabelStyle::none: break;
  }
  return 1;
}

namespace {

int roman_value(std::string_view s) {
  int total = 0, previous = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    const int v = *it == 'I' ? 1 : *it == 'V' ? 5 : *it == 'X' ? 10 : 0;
    if (v == 0) return 0;
    total += v < previous ? -v : v;
    previous = std::max(previous, v);
  }
  return total;
}

}  // namespace

int label_value(const Label& label) {
  const std::string& t = label.text;
  switch (label.style) {
    case LabelStyle::roman: return roman_value(t);
    case LabelStyle::upper_letter: return t.size() == 1 ? t[0] - 'A' + 1 : 0;
    case LabelStyle::numeric: {
      // The last part of a dotted number counts within its parent ("6.2" -> 2).
      const std::size_t dot = t.rfind('.');
      const std::string last = dot == std::string::npos ? t : t.substr(dot + 1);
      return last.empty() || last.size() > 3 ? 0 : std::stoi(last);
    }
    case LabelStyle::paren_number: return t.size() >= 3 ? std::stoi(t.substr(1, t.size() - 2)) : 0;
    case LabelStyle::paren_letter: return t.size() == 3 ? t[1] - 'a' + 1 : 0;
    case LabelStyle::named:
    case LabelStyle::annex:
    case LabelStyle::none: break;
  }
  return 0;
}

bool continues_sequence(const Label& label, int previous) {
  const int v = label_value(label);
  if (v == 0) return true;  // no sequence to break
  return v == 1 || (v > previous && v <= previous + 2);
}

}  // namespace dossier::readers
