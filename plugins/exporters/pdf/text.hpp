// Text for libharu, which only places glyphs: UTF-8 <-> code points, bidi reordering and
// Arabic joining with FriBidi, and line breaking by measured width.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::pdf {

/// A character that, on a left-to-right page, FriBidi neither shapes, mirrors nor moves from
/// level 0 (no right-to-left, Arabic number or bidi control): below U+0590 (Hebrew), and the
/// dashes, quotation marks, bullets and ellipsis of U+2010..U+2027 and U+2030..U+205E.
inline bool plain_ltr(char32_t c) {
  return c < 0x0590 || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E);
}

/// Code points of UTF-8 text; invalid bytes become U+FFFD. Control and invisible
/// formatting characters are dropped, except the bidi isolates U+2066..U+2069 that wrap()
/// honours and does not draw, and any white space becomes one space.
std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);

/// One line ready to draw: code points in visual (left-to-right drawing) order.
struct Line {
  std::u32string visual;
  double width = 0;
};

/// A paragraph broken into lines. `rtl` is its resolved base direction: right-to-left
/// paragraphs are drawn right-aligned.
struct Wrapped {
  std::vector<Line> lines;
  bool rtl = false;
};

/// Advance width in points of one (shaped) code point.
using Advance = std::function<double(char32_t)>;

/// Shapes (Arabic joining to presentation forms, mirrored brackets), breaks at spaces and
/// between CJK characters so that no line is wider than `max_width` (a word longer than a
/// line is split between characters), and reorders each line for display. The base
/// direction comes from the first strong character; `prefer_rtl` decides when there is none.
Wrapped wrap(std::string_view text, double max_width, const Advance& advance, bool prefer_rtl);

/// The same for one line that is not wrapped.
Line single_line(std::string_view text, const Advance& advance, bool prefer_rtl, bool* rtl = nullptr);

}  // namespace dossier::pdf
