#include "workbook.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include <dossier/domain/utf8.hpp>

namespace dossier::xlsx {

void check(lxw_error error, std::string_view what) {
  if (error == LXW_NO_ERROR) return;
  throw std::runtime_error("libxlsxwriter: " + std::string(what) + ": " + lxw_strerror(error));
}

namespace {

constexpr std::size_t excel_max_units = 32767;  // UTF-16 units in one cell
const char replacement[] = "\xEF\xBF\xBD";       // U+FFFD
const char ellipsis[] = "\xE2\x80\xA6";          // U+2026, one UTF-16 unit

bool xml_allowed_control(unsigned char c) { return c == '\t' || c == '\n' || c == '\r'; }

// Whether the 8 bytes at `p` are all printable ASCII (0x20..0x7F): the usual case, tested
// a word at a time.
bool printable_ascii8(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  constexpr std::uint64_t high = 0x8080808080808080ULL, spaces = 0x2020202020202020ULL;
  return ((v & high) | ((v - spaces) & ~v & high)) == 0;
}

bool needs_repair(const std::string& text) {
  const char* p = text.data();
  std::size_t units = 0;
  for (std::size_t i = 0, n = text.size(); i < n;) {
    if (i + 8 <= n && printable_ascii8(p + i)) {
      i += 8, units += 8;
      continue;
    }
    const auto c = static_cast<unsigned char>(p[i]);
    if (c < 0x80) {
      if (c < 0x20 && !xml_allowed_control(c)) return true;
      ++i, ++units;
    } else if (const std::size_t len = utf8::sequence_length(text, i)) {
      i += len, units += len == 4 ? 2 : 1;
    } else {
      return true;
    }
  }
  return units > excel_max_units;
}

}  // namespace

const std::string& clean_text(const std::string& text, std::string& scratch) {
  // One pass that only looks; the copy is made only for text that needs repair.
  if (!needs_repair(text)) return text;

  std::size_t units = 0;
  scratch.clear();
  units = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = c < 0x80 ? 1 : utf8::sequence_length(text, i);
    const std::size_t u = n == 4 ? 2 : 1;
    if (units + u > excel_max_units - 1) {  // room for the ellipsis
      scratch += ellipsis;
      break;
    }
    if (n == 0) {
      scratch += replacement;
      n = 1;
    } else if (c < 0x20 && !xml_allowed_control(c)) {
      scratch += ' ';
    } else {
      scratch.append(text, i, n);
    }
    i += n, units += u;
  }
  return scratch;
}

void Sheet::text(lxw_row_t row, lxw_col_t col, const std::string& value, lxw_format* format) {
  if (value.empty()) return;
  // worksheet_write_string: a string cell, never parsed as a formula.
  check(worksheet_write_string(ws_, row, col, clean_text(value, scratch_).c_str(), format),
        "writing text");
  ++text_cells_;
}

void Sheet::link(lxw_row_t row, lxw_col_t col, const std::string& url, const std::string& value, lxw_format* format) {
  constexpr std::size_t longest_url = 2079;
  if (url.empty() || url.size() > longest_url || links_ >= LXW_MAX_NUMBER_URLS || value.empty()) {
    text(row, col, value, format);
    return;
  }
  // The shown text is a string cell, as text() writes it, never a formula.
  check(worksheet_write_url_opt(ws_, row, col, url.c_str(), format, clean_text(value, scratch_).c_str(), nullptr),
        "writing a link");
  ++text_cells_;
  ++links_;
}

void Sheet::number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format) {
  check(worksheet_write_number(ws_, row, col, value, format), "writing a number");
  ++number_cells_;
}

void Sheet::blank(lxw_row_t row, lxw_col_t col, lxw_format* format) {
  check(worksheet_write_blank(ws_, row, col, format), "writing a blank cell");
}

void Sheet::fit_row(lxw_row_t row, int lines) {
  constexpr double line_height = 15;  // points, for the default 11-point font
  constexpr double max_height = 409;  // Excel's largest row height
  if (lines <= 1) return;
  check(worksheet_set_row(ws_, row, std::min(max_height, lines * line_height), nullptr), "setting a row height");
}

int wrapped_lines(const std::string& text, double width) {
  // In the default font (Calibri 11) prose averages 0.87 of the width of "0", Excel's unit
  // of column width; wide characters take two units.
  constexpr double narrow_width = 0.87, wide_width = 2;
  // Word wrapping leaves the end of most lines empty: count 5% of each line as lost.
  const double room = 0.95 * std::max(1.0, width);
  int lines = 0;
  // Each line of the text (between line breaks) takes its width over the room, at least one.
  for (std::size_t begin = 0; begin <= text.size();) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::size_t chars = 0, wide = 0;  // simple counting loops, which the compiler vectorises
    for (std::size_t i = begin; i < end; ++i) chars += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    for (std::size_t i = begin; i < end; ++i) wide += static_cast<unsigned char>(text[i]) >= 0xE3;  // CJK and beyond
    const double w = static_cast<double>(chars - wide) * narrow_width + static_cast<double>(wide) * wide_width;
    lines += std::max(1, static_cast<int>(std::ceil(w / room)));
    begin = end + 1;
  }
  return lines;
}

lxw_color_t parse_colour(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return 0;
  lxw_color_t value = 0;
  for (char ch : hex.substr(1)) {
    int digit;
    if (ch >= '0' && ch <= '9') digit = ch - '0';
    else if (ch >= 'a' && ch <= 'f') digit = ch - 'a' + 10;
    else if (ch >= 'A' && ch <= 'F') digit = ch - 'A' + 10;
    else return 0;
    value = value * 16 + static_cast<lxw_color_t>(digit);
  }
  return value;
}

}  // namespace dossier::xlsx
