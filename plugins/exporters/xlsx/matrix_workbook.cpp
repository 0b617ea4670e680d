// The workbook itself: started, its formats, properties and the layout its tables share
// (matrix_workbook.hpp).
#include "matrix_workbook.hpp"

#include <cerrno>
#include <ctime>
#include <stdexcept>

#include <dossier/domain/reference_data.hpp>
#include <dossier/domain/write_errors.hpp>

namespace dossier::xlsx {

namespace {

// libxlsxwriter's failures to write its files: errno says why (a full disk, say).
bool file_error(lxw_error error) {
  switch (error) {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE: return true;
    default: return false;
  }
}

// What a failure met while writing `file` says: the file, and "the disk is full" when it is
// (libxlsxwriter's own words otherwise).
std::runtime_error write_failure(const OutputFile& file, int error, const std::string& what) {
  if (is_disk_full(error) || no_space_left(file.temp_path()))
    return std::runtime_error(write_error(file.name(), error, file.temp_path()));
  return std::runtime_error(write_error(file.name(), error) + " (libxlsxwriter: " + what + ")");
}

}  // namespace

MatrixWorkbook::MatrixWorkbook(const OutputFile& file, const Settings& settings, const CorpusView& corpus,
                               Context& context)
    : settings_(settings), view_(corpus), context_(context), index_(corpus, settings.threshold),
      file_(file), tmpdir_(file.temp_path().parent_path().string()) {
  lxw_workbook_options options{};
  options.constant_memory = settings.constant_memory ? LXW_TRUE : LXW_FALSE;
  options.tmpdir = tmpdir_.data();  // beside the output: disk, not a tmpfs in memory
  workbook_.reset(workbook_new_opt(file.temp_path().c_str(), &options));
  if (!workbook_) throw write_failure(file_, errno, "cannot start a workbook");
  add_formats();
  for (std::size_t i = 0; i < sheet_count; ++i) {
    if (!settings.sheets[i]) continue;
    lxw_worksheet* ws = workbook_add_worksheet(workbook_.get(), sheet_names[i]);
    // In constant-memory mode a sheet starts with a scratch file.
    if (!ws) throw write_failure(file_, errno, std::string("cannot add sheet ") + sheet_names[i]);
    sheets_[i] = Sheet(ws);
    if (settings.language == "ar") worksheet_right_to_left(ws);
  }
}

void MatrixWorkbook::write() {
  set_properties();
  write_recommendations();
  if (sheets_[overview]) write_overview();
  if (sheets_[state]) write_state();
  if (sheets_[documents]) write_documents();
  if (sheets_[reference]) write_reference();
  // workbook_close frees the workbook whatever it returns.
  const lxw_error closed = workbook_close(workbook_.release());
  if (file_error(closed)) throw write_failure(file_, errno, lxw_strerror(closed));
  check(closed, "writing the workbook");
}

lxw_format* MatrixWorkbook::format() { return workbook_add_format(workbook_.get()); }

// Data cells sit at the top of their rows, which are as tall as their longest wrapped text.
lxw_format* MatrixWorkbook::top(const char* num_format, std::uint8_t align) {
  lxw_format* f = format();
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  if (align != LXW_ALIGN_NONE) format_set_align(f, align);
  if (num_format) format_set_num_format(f, num_format);
  return f;
}

lxw_format* MatrixWorkbook::header(std::uint8_t align) {
  lxw_format* f = format();
  format_set_bold(f);
  format_set_bg_color(f, 0xDDEBF7);
  format_set_bottom(f, LXW_BORDER_THIN);
  format_set_align(f, align);
  return f;
}

// A code's column header: its title turned upwards, in white on the code's colour.
lxw_format* MatrixWorkbook::rotated_header(lxw_color_t fill) {
  lxw_format* f = format();
  format_set_bold(f);
  format_set_font_size(f, 9);
  format_set_bg_color(f, fill);
  format_set_font_color(f, LXW_COLOR_WHITE);
  format_set_rotation(f, 90);
  format_set_text_wrap(f);
  format_set_align(f, LXW_ALIGN_CENTER);
  format_set_align(f, LXW_ALIGN_VERTICAL_BOTTOM);
  return f;
}

void MatrixWorkbook::add_formats() {
  f_.title = format();
  format_set_bold(f_.title);
  format_set_font_size(f_.title, 16);
  f_.subtitle = format();
  format_set_italic(f_.subtitle);
  format_set_font_color(f_.subtitle, 0x595959);
  f_.heading = format();
  format_set_bold(f_.heading);
  format_set_font_size(f_.heading, 12);

  f_.header = header(LXW_ALIGN_VERTICAL_BOTTOM);
  format_set_text_wrap(f_.header);
  f_.header_right = header(LXW_ALIGN_RIGHT);
  f_.rotated_header = rotated_header(0x00689D);  // the GCM's blue

  f_.cell = top();
  f_.centred = top(nullptr, LXW_ALIGN_CENTER);
  f_.wrap = top();
  format_set_text_wrap(f_.wrap);
  f_.after_number = top();
  format_set_text_wrap(f_.after_number);
  format_set_indent(f_.after_number, 1);
  f_.link = top();
  format_set_text_wrap(f_.link);
  format_set_underline(f_.link, LXW_UNDERLINE_SINGLE);
  format_set_font_color(f_.link, 0x0563C1);  // Excel's own hyperlink blue
  // Percentages of values floored to a thousandth (shown_score()): 0.998 shows as 99.8%, never 100%.
  f_.score = top("0.0%", LXW_ALIGN_CENTER);
  f_.count = top("#,##0");
  f_.percent = top("0.0%");
  f_.date = top("yyyy-mm-dd", LXW_ALIGN_LEFT);
  f_.mono = top();
  format_set_font_name(f_.mono, "Courier New");
  format_set_font_size(f_.mono, 9);

  for (int g = 1; g <= goal_count; ++g) {
    const lxw_color_t colour = parse_colour(sdg_colour(g));
    f_.goal_header[static_cast<std::size_t>(g - 1)] = rotated_header(colour);
    lxw_format* b = f_.goal_badge[static_cast<std::size_t>(g - 1)] = top(nullptr, LXW_ALIGN_CENTER);
    format_set_bold(b);
    format_set_bg_color(b, colour);
    format_set_font_color(b, LXW_COLOR_WHITE);
  }
}

void MatrixWorkbook::set_properties() {
  const BuildInfo& build = context_.build();
  std::string title = "Recommendations mapped to the SDGs and the GCM";
  if (!build.job_name.empty()) title += " (" + build.job_name + ")";
  std::string subject = std::to_string(settings_.recommendations) + " recommendations from " +
                        std::to_string(settings_.documents) + " documents";
  std::string author = "dossier " + build.host_version;
  std::string keywords = "SDG, GCM, recommendations";
  lxw_doc_properties p{};
  p.title = title.data();
  p.subject = subject.data();
  p.author = author.data();
  p.keywords = keywords.data();
  // The build's time, never the clock: the same input gives the same bytes.
  p.created = static_cast<time_t>(build.build_time);
  check(workbook_set_properties(workbook_.get(), &p), "setting the workbook properties");
}

// Print setup shared by the tables: landscape A4, one page wide, header row repeated.
void MatrixWorkbook::table_layout(lxw_worksheet* ws, lxw_col_t last_col, lxw_row_t rows, lxw_col_t frozen_cols) {
  worksheet_freeze_panes(ws, 1, frozen_cols);
  check(worksheet_autofilter(ws, 0, 0, std::max<lxw_row_t>(rows, 1) - 1, last_col), "setting an autofilter");
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  check(worksheet_repeat_rows(ws, 0, 0), "repeating the header row");
}

// A white-to-blue scale over score cells; fixed ends (0 and 1) so colours compare across sheets.
void MatrixWorkbook::colour_scale(lxw_worksheet* ws, lxw_row_t rows, lxw_col_t first_col, lxw_col_t last_col) {
  if (rows < 2) return;
  lxw_conditional_format scale{};
  scale.type = LXW_CONDITIONAL_2_COLOR_SCALE;
  scale.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
  scale.min_value = 0;
  scale.min_color = 0xFFFFFF;
  scale.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
  scale.max_value = 1;
  scale.max_color = 0x5B9BD5;
  check(worksheet_conditional_format_range(ws, 1, first_col, rows - 1, last_col, &scale),
        "adding a colour scale");
}

}  // namespace dossier::xlsx
