// A thin layer over libxlsxwriter for the xlsx exporter: errors become exceptions, text is
// made safe for Excel once, and every cell written is counted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <xlsxwriter.h>

namespace dossier::xlsx {

/// Throws std::runtime_error naming `what` and libxlsxwriter's message unless `error` is
/// LXW_NO_ERROR.
void check(lxw_error error, std::string_view what);

/// Text as Excel accepts it: invalid UTF-8 replaced by U+FFFD, control characters that XML
/// cannot hold (below U+0020 except tab, newline and carriage return) replaced by a space,
/// and cut to Excel's limit of 32,767 UTF-16 units per cell (ending in "…"). Returns
/// `text` itself when nothing needed changing (the usual case: no copy), else `scratch`
/// holding the repaired text.
const std::string& clean_text(const std::string& text, std::string& scratch);

/// One worksheet written row by row (libxlsxwriter's constant-memory mode needs rows in
/// order), counting what it writes.
class Sheet {
 public:
  Sheet() = default;
  explicit Sheet(lxw_worksheet* worksheet) : ws_(worksheet) {}

  lxw_worksheet* worksheet() const { return ws_; }
  explicit operator bool() const { return ws_ != nullptr; }

  /// Writes user text as a string cell, never as a formula: text starting with = + - @
  /// stays text (libxlsxwriter stores it as a shared or inline string, which Excel and
  /// LibreOffice never evaluate). Empty text writes nothing.
  void text(lxw_row_t row, lxw_col_t col, const std::string& value, lxw_format* format = nullptr);
  /// Text that links to `url` (a document's public address): a hyperlink cell showing
  /// `value`. Plain text when `url` is empty, longer than Excel takes (2,079 characters), or
  /// the sheet has its 65,530 links already (Excel's limit).
  void link(lxw_row_t row, lxw_col_t col, const std::string& url, const std::string& value, lxw_format* format);
  void number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format = nullptr);
  /// A formatted empty cell (a header fill, say); not counted as a cell with content.
  void blank(lxw_row_t row, lxw_col_t col, lxw_format* format);
  /// Makes `row` tall enough for `lines` lines of text. Neither Excel nor LibreOffice fits
  /// rows to wrapped text on opening a file, so the height is set here; call it before
  /// writing the row (constant-memory mode). One line keeps the default height.
  void fit_row(lxw_row_t row, int lines);

  std::uint64_t text_cells() const { return text_cells_; }
  std::uint64_t link_cells() const { return links_; }
  std::uint64_t number_cells() const { return number_cells_; }

 private:
  lxw_worksheet* ws_ = nullptr;
  std::string scratch_;
  std::uint64_t text_cells_ = 0;
  std::uint64_t number_cells_ = 0;
  std::uint64_t links_ = 0;
};

/// About how many lines `text` takes in the default font when wrapped in a column `width`
/// wide (Excel's unit: the width of "0"), counting its own line breaks and wide (CJK)
/// characters as two units. An estimate from the width of each line of the text, erring on
/// the generous side: cut text is worse than a little white space.
int wrapped_lines(const std::string& text, double width);

/// "#DD1367" -> 0xDD1367 (libxlsxwriter's colour type); 0 for anything else.
lxw_color_t parse_colour(std::string_view hex);

}  // namespace dossier::xlsx
