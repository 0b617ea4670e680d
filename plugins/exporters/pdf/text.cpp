#include "text.hpp"

#include <algorithm>

#include <fribidi.h>

#include <dossier/domain/utf8.hpp>

namespace dossier::pdf {

namespace {

// Isolates (LRI, RLI, FSI, PDI) are kept for FriBidi, which honours them, and dropped from
// what is drawn; other invisible controls go at once.
bool isolate(char32_t c) { return c >= 0x2066 && c <= 0x2069; }

bool dropped(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c == 0xAD ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || c == 0xFEFF;
}

// A no-break space (U+00A0) is kept: lines never break at it.
bool space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000; }

// Chinese and Japanese text has no spaces: a line may break before or after any of these.
bool cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

// Punctuation that must not start a line in CJK text.
bool no_break_before(char32_t c) {
  return c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF0E || c == 0xFF1A || c == 0xFF1B ||
         c == 0xFF01 || c == 0xFF1F || c == 0xFF09 || c == 0x300D || c == 0x300F || c == 0x300B;
}

// A paragraph shaped in logical order, with what FriBiDi needs to reorder any line of it.
struct Shaped {
  std::u32string text;  // shaped, logical order; ligatures leave U+FEFF fillers
  std::vector<FriBidiCharType> types;
  std::vector<FriBidiLevel> levels;
  FriBidiParType base = FRIBIDI_PAR_LTR;
  bool plain = false;  // left to right only: nothing to shape or reorder (types, levels empty)
};

Shaped shape(std::u32string logical, bool prefer_rtl) {
  Shaped s;
  s.text = std::move(logical);
  const auto n = static_cast<FriBidiStrIndex>(s.text.size());
  if (n == 0) return s;
  // On a left-to-right base, text of plain_ltr() characters stays at level 0 and unshaped:
  // FriBidi would change nothing (most lines of most briefs).
  if (!prefer_rtl && std::all_of(s.text.begin(), s.text.end(), plain_ltr)) {
    s.plain = true;
    return s;
  }
  auto* str = reinterpret_cast<FriBidiChar*>(s.text.data());
  s.types.resize(n);
  std::vector<FriBidiBracketType> brackets(n);
  std::vector<FriBidiArabicProp> joining(n);
  s.levels.resize(n);
  fribidi_get_bidi_types(str, n, s.types.data());
  fribidi_get_bracket_types(str, n, s.types.data(), brackets.data());
  s.base = prefer_rtl ? FRIBIDI_PAR_WRTL : FRIBIDI_PAR_WLTR;
  if (!fribidi_get_par_embedding_levels_ex(s.types.data(), brackets.data(), n, &s.base, s.levels.data()))
    s.levels.assign(n, 0);
  fribidi_get_joining_types(str, n, joining.data());
  fribidi_join_arabic(s.types.data(), n, s.levels.data(), joining.data());
  fribidi_shape(FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC, s.levels.data(), n, joining.data(), str);
  return s;
}

Line reorder(const Shaped& s, std::size_t begin, std::size_t end, const Advance& advance) {
  Line line;
  if (begin >= end) return line;
  if (s.plain) {  // visual order is logical order
    line.visual.assign(s.text, begin, end - begin);
    for (std::size_t i = begin; i < end; ++i) line.width += advance(s.text[i]);
    return line;
  }
  std::u32string visual = s.text;
  std::vector<FriBidiLevel> levels = s.levels;
  if (!fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT, s.types.data(), static_cast<FriBidiStrIndex>(end - begin),
                            static_cast<FriBidiStrIndex>(begin), s.base, levels.data(),
                            reinterpret_cast<FriBidiChar*>(visual.data()), nullptr))
    visual = s.text;  // out of memory in FriBidi: logical order is still readable for LTR text
  for (std::size_t i = begin; i < end; ++i) {
    if (visual[i] == 0xFEFF || isolate(visual[i])) continue;  // 0xFEFF: the second half of a lam-alef ligature
    line.visual += visual[i];
    line.width += advance(visual[i]);
  }
  return line;
}

}  // namespace

std::u32string decode_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  bool last_space = false;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = utf8::next(text, i);
    if (dropped(c)) continue;
    if (space(c) && c != 0x3000) {
      if (!last_space) out += U' ';
      last_space = true;
      continue;
    }
    last_space = false;
    out += c;
  }
  return out;
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) utf8::append(out, c);
  return out;
}

Wrapped wrap(std::string_view text, double max_width, const Advance& advance, bool prefer_rtl) {
  std::u32string logical = decode_utf8(text);
  while (!logical.empty() && logical.back() == U' ') logical.pop_back();
  while (!logical.empty() && logical.front() == U' ') logical.erase(logical.begin());
  const Shaped s = shape(std::move(logical), prefer_rtl);
  Wrapped out;
  out.rtl = FRIBIDI_IS_RTL(s.base);
  const std::size_t n = s.text.size();
  std::vector<double> w(n);
  for (std::size_t i = 0; i < n; ++i) w[i] = s.text[i] == 0xFEFF || isolate(s.text[i]) ? 0 : advance(s.text[i]);

  std::size_t start = 0;
  while (start < n) {
    // Greedy: the longest run from `start` whose width (without trailing spaces) fits.
    double width = 0;
    std::size_t last_break = 0;  // end of the line at the last break opportunity, 0 = none
    std::size_t i = start;
    for (; i < n; ++i) {
      if (s.text[i] != U' ' && width + w[i] > max_width && i > start) break;
      width += w[i];
      const char32_t c = s.text[i];
      const char32_t next = i + 1 < n ? s.text[i + 1] : U' ';
      if (c == U' ') last_break = i;  // break replaces the space
      else if ((cjk(c) || cjk(next)) && next != U' ' && !no_break_before(next)) last_break = i + 1;
      else if ((c == U'-' || c == U'/') && next != U' ' && i > start) last_break = i + 1;
    }
    std::size_t end = i;
    if (i < n && last_break > start) end = last_break;  // otherwise split the long word at i
    std::size_t trimmed = end;
    while (trimmed > start && s.text[trimmed - 1] == U' ') --trimmed;
    out.lines.push_back(reorder(s, start, trimmed, advance));
    start = end;
    while (start < n && s.text[start] == U' ') ++start;
  }
  return out;
}

Line single_line(std::string_view text, const Advance& advance, bool prefer_rtl, bool* rtl) {
  std::u32string logical = decode_utf8(text);
  const Shaped s = shape(std::move(logical), prefer_rtl);
  if (rtl) *rtl = FRIBIDI_IS_RTL(s.base);
  return reorder(s, 0, s.text.size(), advance);
}

}  // namespace dossier::pdf
