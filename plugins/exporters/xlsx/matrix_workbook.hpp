// The matrix.xlsx workbook being written: its formats, its sheets and the counts the
// summaries need. Its sheets are written in their own files: recommendation_sheets.cpp
// (Matrix, Targets, GCM), overview_sheet.cpp, documents_sheet.cpp, reference_sheet.cpp, state_sheet.cpp.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <dossier/dossier.hpp>

#include "mappings.hpp"
#include "settings.hpp"
#include "workbook.hpp"

namespace dossier::xlsx {

// Columns every recommendation row starts with, on Matrix and GCM, and their widths.
inline const std::array<const char*, 5> recommendation_columns = {"Citation", "Document", "Addressee", "Kind", "Text"};
inline const std::array<double, 5> recommendation_widths = {30, 22, 20, 16, 70};
// Then the sheet's codes in one text column ("SDG goals": "03, 10, 16"), then one score column
// per code.
constexpr lxw_col_t codes_column = 5;
constexpr double codes_width = 14;
constexpr lxw_col_t first_score_column = 6;

// Lines the tallest of these cells needs, each wrapped in its column's width.
inline int lines_needed(std::initializer_list<std::pair<const std::string*, double>> cells) {
  int lines = 1;
  for (const auto& [text, width] : cells) lines = std::max(lines, wrapped_lines(*text, width - 1));
  return lines;
}

// Excel's last row; rows beyond it are left out with a warning.
constexpr lxw_row_t last_row = LXW_ROW_MAX - 1;

// A recommendation as people cite it: its human citation, its document's name and public
// address (citation.hpp), worked out once per recommendation for every sheet it is on.
struct Cited {
  std::string citation, document, link;
};

// A target's title and the lines it takes, worked out once per target.
struct TargetTitle {
  std::string text;
  int lines = 1;
};

// Counts per document, for the Documents sheet.
struct DocumentCounts {
  std::size_t sdg = 0;  ///< recommendations mapped to at least one SDG goal
  std::size_t gcm = 0;  ///< ... to at least one GCM objective
};

class MatrixWorkbook {
 public:
  /// Writes into `file` (through its temporary path, libxlsxwriter's scratch files beside it).
  MatrixWorkbook(const OutputFile& file, const Settings& settings, const CorpusView& corpus, Context& context);

  void write();

  std::uint64_t rows() const { return rows_; }
  std::uint64_t text_cells() const {
    std::uint64_t n = 0;
    for (const auto& s : sheets_) n += s.text_cells();
    return n;
  }
  std::uint64_t number_cells() const {
    std::uint64_t n = 0;
    for (const auto& s : sheets_) n += s.number_cells();
    return n;
  }
  std::uint64_t date_cells() const { return dates_; }
  std::size_t left_out() const { return left_out_; }
  std::size_t unknown_codes() const { return index_.unknown_codes(); }

 private:
  struct Formats {
    lxw_format *title, *subtitle, *heading;
    lxw_format *header, *header_right, *rotated_header;
    lxw_format *cell, *centred, *wrap, *score, *count, *percent, *date, *mono;
    lxw_format* link;  ///< wrapped text that looks like a link
    lxw_format* after_number;  ///< wrapped text indented, apart from a number to its left
    std::array<lxw_format*, goal_count> goal_header;  ///< rotated, on the goal's colour
    std::array<lxw_format*, goal_count> goal_badge;   ///< goal number on its colour
  };

  // Formats and the layout shared by the sheets (matrix_workbook.cpp).
  lxw_format* format();
  lxw_format* top(const char* num_format = nullptr, std::uint8_t align = LXW_ALIGN_NONE);
  lxw_format* header(std::uint8_t align);
  lxw_format* rotated_header(lxw_color_t fill);
  void add_formats();
  void set_properties();
  void table_layout(lxw_worksheet* ws, lxw_col_t last_col, lxw_row_t rows, lxw_col_t frozen_cols);
  void colour_scale(lxw_worksheet* ws, lxw_row_t rows, lxw_col_t first_col, lxw_col_t last_col);

  // Matrix, Targets and GCM, in one pass over the recommendations (recommendation_sheets.cpp).
  void score_sheet_header(Sheet& sheet, const char* codes_title, const std::vector<std::string>& titles,
                          const std::vector<lxw_format*>& formats, double header_height);
  void recommendation_cells(Sheet& sheet, lxw_row_t row, const Cited& cited, const Recommendation& rec, int lines);
  template <std::size_t N>
  void score_cells(Sheet& sheet, lxw_row_t row, const std::string& codes, const std::array<double, N>& scores);
  void write_recommendations();
  void target_rows(Sheet& s, lxw_row_t& next, const Cited& cited, const Mappings& m,
                   const std::vector<TargetTitle>& titles);
  bool row_fits(lxw_row_t row);
  void finish_score_sheet(Sheet& s, lxw_row_t rows, int codes);

  // The summaries, after that pass (overview_sheet.cpp, documents_sheet.cpp, reference_sheet.cpp).
  void write_overview();
  void add_goal_chart(lxw_worksheet* ws, lxw_row_t first, lxw_row_t last);
  void write_documents();
  void write_state();  // state_sheet.cpp
  std::string document_profile(const std::string& id) const;
  void write_reference();

  static bool iso_date(const std::string& text, lxw_datetime& out);
  static std::string utc_time(std::int64_t seconds);

  struct WorkbookFree {
    void operator()(lxw_workbook* wb) const { lxw_workbook_free(wb); }
  };

  const Settings& settings_;
  /// Read in batches (docs/bounded-memory.md); the State sheet reads its reports again one at
  /// a time (with_document), in its order.
  const CorpusView& view_;
  Context& context_;
  MappingIndex index_;
  const OutputFile& file_;
  std::string tmpdir_;
  std::unique_ptr<lxw_workbook, WorkbookFree> workbook_;
  Formats f_{};
  std::array<Sheet, sheet_count> sheets_{};
  std::string code_;  // scratch for target codes
  const TargetTitle no_title_;
  static constexpr std::array<double, 7> target_widths = {30, 22, 6, 8, 50, 7, 70};

  std::size_t recommendations_ = 0, mapped_sdg_ = 0, mapped_gcm_ = 0, left_out_ = 0;
  std::array<std::size_t, goal_count> per_goal_{};
  std::vector<DocumentCounts> doc_counts_;
  std::uint64_t rows_ = 0, dates_ = 0;
};

}  // namespace dossier::xlsx
