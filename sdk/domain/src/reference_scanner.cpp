// Text as find_references() reads it (words, tokens, spaces, in UTF-8) and the one pass over a
// paragraph that tries the citation forms and the names at each word.
#include <algorithm>
#include <array>
#include <cstddef>
#include <regex>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include <dossier/domain/utf8.hpp>

#include "reference_finder.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN
namespace detail {

// Text is read as tokens: words (runs of letters, digits and '_', UTF-8 letters included)
// and single punctuation marks, between spaces. A name is a sequence of such tokens, so it
// only ever matches whole words: "Niger" is not found in "Nigeria", nor "US" in "USAID".

namespace {

// Letters of any script are parts of words; punctuation, symbols, superscript footnote
// numbers ("Migration¹²"), dashes and typographic quotes ("Mexico’s") are not.
bool is_word_point(char32_t c) noexcept {
  if (c < 0x80) return is_alnum(static_cast<char>(c)) || c == '_';
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  if ((c >= 0x2B0 && c < 0x300) || (c >= 0x2000 && c < 0x2C00) || (c >= 0x2E00 && c < 0x2E80) ||
      (c >= 0x3000 && c < 0x3040) || (c >= 0xE000 && c < 0xF900) || (c >= 0xFE30 && c < 0xFE70) ||
      c == 0xFEFF || c == 0xFFFD)
    return false;
  return true;
}

// Bytes by what they can be in a word, for the pass over the words of each paragraph.
enum ByteClass : unsigned char {
  kNotWord,    // ASCII space or punctuation
  kWordLower,  // ASCII letter, digit or '_' that cannot start a name: 'a'..'z', '_'
  kWordStart,  // 'A'..'Z', '0'..'9': names start with these
  kMultibyte,  // part of a UTF-8 sequence: decode to tell
};

constexpr std::array<ByteClass, 256> byte_classes() {
  std::array<ByteClass, 256> classes{};
  for (int c = 0; c < 256; ++c)
    classes[c] = c >= 0x80                                     ? kMultibyte
                 : is_upper(char(c)) || is_digit(char(c))      ? kWordStart
                 : is_lower(char(c)) || c == '_'               ? kWordLower
                                                               : kNotWord;
  return classes;
}
constexpr std::array<ByteClass, 256> kBytes = byte_classes();

ByteClass byte_class(char c) noexcept { return kBytes[static_cast<unsigned char>(c)]; }

constexpr std::size_t kMostForms = 16;

// Forms by the first byte of their starts: (start, index in forms()).
using FormStarts = std::array<std::vector<std::pair<std::string_view, std::size_t>>, 256>;

const FormStarts& form_starts() {
  static const FormStarts starts = [] {
    FormStarts by_byte;
    const std::vector<Form>& all = forms();
    if (all.size() > kMostForms) throw std::logic_error("find_references: raise kMostForms");
    for (std::size_t f = 0; f < all.size(); ++f)
      for (std::string_view start : all[f].starts) by_byte[static_cast<unsigned char>(start[0])].emplace_back(start, f);
    return by_byte;
  }();
  return starts;
}

}  // namespace

bool starts_with_icase(std::string_view s, std::string_view prefix) noexcept {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (to_lower(s[i]) != to_lower(prefix[i])) return false;
  return true;
}

bool contains_icase(std::string_view s, std::string_view needle) noexcept {
  for (std::size_t i = 0; i + needle.size() <= s.size(); ++i)
    if (starts_with_icase(s.substr(i), needle)) return true;
  return false;
}

bool contains(std::string_view s, std::string_view needle) noexcept {
  return s.find(needle) != std::string_view::npos;
}

// The code point at s[i] and its length in bytes (U+FFFD and 1 for a malformed sequence).
char32_t decode(std::string_view s, std::size_t i, std::size_t& length) noexcept {
  length = utf8::sequence_length(s, i);
  if (length == 0) {
    length = 1;
    return utf8::replacement;
  }
  return utf8::code_point(s, i, length);
}

bool is_space_point(char32_t c) noexcept {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

bool is_ascii_word(char c) noexcept { return is_alnum(c) || c == '_'; }

std::size_t word_end(std::string_view s, std::size_t i) noexcept {
  while (i < s.size()) {
    const ByteClass c = byte_class(s[i]);
    if (c == kWordLower || c == kWordStart) {
      ++i;
      continue;
    }
    std::size_t length = 1;
    if (c == kNotWord || !is_word_point(decode(s, i, length))) break;
    i += length;
  }
  return i;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) noexcept {
  while (i < s.size()) {
    std::size_t length = 1;
    if (!is_space_point(decode(s, i, length))) break;
    i += length;
  }
  return i;
}

// End of the token at s[i], which is not a space.
std::size_t token_end(std::string_view s, std::size_t i) noexcept {
  const std::size_t end = word_end(s, i);
  if (end > i) return end;
  std::size_t length = 1;
  decode(s, i, length);
  return i + length;
}

// Length of the hyphen or dash at s[i], 0 when there is none.
std::size_t dash_at(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size()) return 0;
  std::size_t length = 1;
  const char32_t c = decode(s, i, length);
  return c == '-' || (c >= 0x2010 && c <= 0x2013) ? length : 0;
}

bool is_apostrophe(std::string_view token) noexcept {
  std::size_t length = 1;
  const char32_t c = token.empty() ? 0 : decode(token, 0, length);
  return length == token.size() && (c == '\'' || c == '`' || c == 0xB4 || c == 0x2BC || c == 0x2018 || c == 0x2019);
}

// One pass over the paragraph: at each word (and each parenthesis) it tries the forms that
// can start there and, at capitalised words, the names.
void scan_paragraph(std::string_view text, Mentions& mentions, std::vector<Hit>& hits) {
  const std::vector<Form>& all = forms();
  const FormStarts& by_byte = form_starts();
  std::array<std::size_t, kMostForms> resume{};  // a form is tried again after its last match
  std::array<signed char, kMostForms> allowed;   // whether the paragraph has the form's context
  allowed.fill(-1);
  const char* const stop = text.data() + text.size();
  std::cmatch m;
  const auto try_forms = [&](std::size_t at) {
    for (const auto& [start, f] : by_byte[static_cast<unsigned char>(text[at])]) {
      if (at < resume[f] || text.compare(at, start.size(), start) != 0) continue;
      if (allowed[f] < 0) allowed[f] = mentions.has(all[f].context) ? 1 : 0;
      if (!allowed[f]) continue;
      auto flags = std::regex_constants::match_continuous;
      if (at > 0) flags |= std::regex_constants::match_prev_avail;  // so that \b sees text[at - 1]
      if (!std::regex_search(text.data() + at, stop, m, all[f].pattern, flags)) continue;
      if (all[f].kinds & kSymbol)
        symbol_found(text, at, m, hits);
      else
        list_found(all[f], text, at, m, hits);
      resume[f] = at + std::max<std::size_t>(1, static_cast<std::size_t>(m.length(0)));
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    const ByteClass c = byte_class(text[i]);
    std::size_t length = 1;
    if (c == kNotWord || (c == kMultibyte && !is_word_point(decode(text, i, length)))) {
      if (text[i] == '(') try_forms(i);
      i += length;
      continue;
    }
    const std::size_t end = word_end(text, i);
    if (c != kMultibyte) try_forms(i);
    if (c == kWordStart) find_names_at(text, i, end, mentions, hits);
    i = end;
  }
}

}  // namespace detail
DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
