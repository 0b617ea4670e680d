#include "text_util.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "pattern.hpp"

namespace dossier::readers {

bool ends_sentence(std::string_view s) {
  if (s.empty()) return true;
  static const std::array<std::string_view, 8> endings = {".", ";", ":", "!", "?", "\xE2\x80\x9D", "\"", ")"};
  for (auto e : endings)
    if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
  return false;
}

bool starts_lower(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\'' || c == '(' || c == '[' || c == ' ') {
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      i += 3;  // quotes and dashes of U+2010..U+201F
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xAB) {
      i += 2;  // «
    } else {
      break;
    }
  }
  if (i >= s.size()) return false;
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return std::islower(c) != 0;
  // Latin-1 letters: U+00DF..U+00FF are lower case (but for the division sign).
  if (c == 0xC3 && i + 1 < s.size()) {
    const auto d = static_cast<unsigned char>(s[i + 1]);
    return d >= 0x9F && d != 0xB7;
  }
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

bool heading_like(const std::string& text) {
  if (text.empty() || text.size() > 320) return false;
  const double upper = upper_share(text);
  if (upper > 0.85 && text.size() > 3) return true;  // "...AND REINTEGRATION."
  // The punctuation that ends it, before any footnote star ("(Germany);*").
  std::size_t end = text.size();
  while (end > 1 && (text[end - 1] == '*' || text[end - 1] == ' ')) --end;
  const char last = text[end - 1];
  if (last == '.' || last == ';' || last == ',') return false;
  if (upper > 0.6) return true;  // capitals: long cluster titles are headings too
  return text.size() <= 100 && std::isupper(static_cast<unsigned char>(text[0]));
}

namespace {

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

}  // namespace

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

std::string detect_language(std::string_view text) {
  std::size_t arabic = 0, cyrillic = 0, cjk = 0, latin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      latin += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    } else if ((c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB) && i + 1 < text.size()) {
      ++arabic;  // U+0600..U+06FF
    } else if ((c == 0xD0 || c == 0xD1) && i + 1 < text.size()) {
      ++cyrillic;  // U+0400..U+047F
    } else if (c >= 0xE4 && c <= 0xE9) {
      ++cjk;  // U+4E00..U+9FFF start with E4..E9
    }
  }
  const std::size_t script = std::max({arabic, cyrillic, cjk});
  if (script * 4 > latin && script > 20) return script == arabic ? "ar" : script == cyrillic ? "ru" : "zh";
  // Function words of three letters or fewer tell English, French and Spanish apart; the
  // words are compared in place (this runs on every document's first 20 KB).
  std::size_t en = 0, fr = 0, es = 0;
  const auto alpha = [](unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; };
  std::size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && !alpha(static_cast<unsigned char>(text[start]))) ++start;
    std::size_t end = start;
    while (end < text.size() && alpha(static_cast<unsigned char>(text[end]))) ++end;
    const std::size_t n = end - start;
    if (n >= 1 && n <= 3 && (end == text.size() || static_cast<unsigned char>(text[end]) < 0x80)) {
      char w[4] = {0, 0, 0, 0};
      for (std::size_t k = 0; k < n; ++k) w[k] = static_cast<char>(text[start + k] | 0x20);
      const std::string_view v(w, n);
      if (v == "the" || v == "of" || v == "and" || v == "to" || v == "is") ++en;
      else if (v == "le" || v == "les" || v == "des" || v == "et" || v == "du" || v == "est") ++fr;
      else if (v == "el" || v == "los" || v == "las" || v == "del" || v == "y" || v == "que") ++es;
    }
    start = end;
  }
  if (fr > en && fr > es) return "fr";
  if (es > en && es > fr) return "es";
  return "en";
}

std::string find_symbol(const std::string& text) {
  static const Pattern symbol(R"(\b((?:A|E|S)/(?:[A-Z][A-Za-z0-9.]*/)*\d+(?:/[A-Za-z0-9.]+)*)\b)");
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

}  // namespace dossier::readers
