// UTF-8, decoded and checked in one place: what counts as a well-formed sequence (Unicode's
// table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF) is the same for the
// text repair at the model's entry and for every exporter and analyzer that walks text.
// Inline: tokenizers and exporters call these once per character.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dossier::utf8 {

inline constexpr char32_t replacement = 0xFFFD;

inline bool is_continuation(unsigned char c) noexcept { return (c & 0xC0) == 0x80; }

/// What begins at text[i] (`i` < text.size()): a well-formed sequence and its length (1 to 4),
/// or, when it is ill-formed, the length of its maximal subpart (Unicode 3.9, the bytes one
/// U+FFFD replaces in the W3C/WHATWG practice nlohmann follows: those read before the byte
/// that broke the sequence, which then begins the next). Ill-formed: a stray continuation
/// byte, a truncated, overlong or surrogate form, a code point past U+10FFFF, C0, C1, F5..FF.
struct Sequence {
  std::size_t length;
  bool well_formed;
};
inline Sequence sequence_at(std::string_view text, std::size_t i) noexcept {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return {1, true};
  std::size_t expected = 0;
  unsigned lo = 0x80, hi = 0xBF;  // the range of the first continuation byte
  if (c >= 0xC2 && c <= 0xDF) {
    expected = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    expected = 3;
    lo = c == 0xE0 ? 0xA0 : lo;
    hi = c == 0xED ? 0x9F : hi;
  } else if (c >= 0xF0 && c <= 0xF4) {
    expected = 4;
    lo = c == 0xF0 ? 0x90 : lo;
    hi = c == 0xF4 ? 0x8F : hi;
  } else {
    return {1, false};
  }
  for (std::size_t k = 1; k < expected; ++k) {
    const unsigned b = i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u;
    if (!(k == 1 ? b >= lo && b <= hi : is_continuation(static_cast<unsigned char>(b)))) return {k, false};
  }
  return {expected, true};
}

/// Length of the well-formed sequence that begins at text[i], 0 when the byte there begins
/// none.
inline std::size_t sequence_length(std::string_view text, std::size_t i) noexcept {
  const Sequence s = sequence_at(text, i);
  return s.well_formed ? s.length : 0;
}

/// The code point of the well-formed sequence of `length` bytes at text[i] (as
/// sequence_length() gave it).
inline char32_t code_point(std::string_view text, std::size_t i, std::size_t length) noexcept {
  const auto b = static_cast<unsigned char>(text[i]);
  if (length == 1) return b;
  char32_t cp = b & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return cp;
}

/// The character at text[i], moving `i` past it: U+FFFD for a byte that begins no
/// well-formed sequence (then `i` moves one byte, as the text repair replaces each such byte).
inline char32_t next(std::string_view text, std::size_t& i) noexcept {
  const std::size_t length = sequence_length(text, i);
  if (length == 0) {
    ++i;
    return replacement;
  }
  const char32_t cp = code_point(text, i, length);
  i += length;
  return cp;
}

/// Appends `cp` (a code point up to U+10FFFF) as UTF-8.
inline void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace dossier::utf8
