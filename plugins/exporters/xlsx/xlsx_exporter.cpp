// Writes matrix.xlsx, the recommendation-to-SDG matrix workbook (docs/exporters/xlsx.md):
// Overview, Matrix, Targets, GCM, Documents and Reference sheets, with libxlsxwriter.
//
// Scores are the analyzers' annotations, never recomputed. Every sheet is written strictly
// row by row, so that libxlsxwriter's constant-memory mode (on by itself for large corpora)
// can flush each row as soon as the next one starts: Matrix, Targets and GCM in one pass
// over the recommendations, the summaries after it.
#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <dossier/domain/citation.hpp>
#include <dossier/domain/reference_data.hpp>
#include <dossier/dossier.hpp>

#include "mappings.hpp"
#include "workbook.hpp"

namespace {

using namespace dossier;
using namespace dossier::xlsx;

enum SheetId { overview, matrix, targets, gcm, documents, reference, sheet_count };
const std::array<const char*, sheet_count> sheet_names = {"Overview", "Matrix",    "Targets",
                                                          "GCM",      "Documents", "Reference"};

// Columns every recommendation row starts with, on Matrix and GCM, and their widths.
const std::array<const char*, 5> recommendation_columns = {"Citation", "Document", "Addressee", "Kind", "Text"};
const std::array<double, 5> recommendation_widths = {24, 18, 20, 16, 70};
constexpr lxw_col_t first_score_column = 5;

// Lines the tallest of these cells needs, each wrapped in its column's width.
int lines_needed(std::initializer_list<std::pair<const std::string*, double>> cells) {
  int lines = 1;
  for (const auto& [text, width] : cells) lines = std::max(lines, wrapped_lines(*text, width - 1));
  return lines;
}

// Excel's last row; rows beyond it are left out with a warning.
constexpr lxw_row_t last_row = LXW_ROW_MAX - 1;

// A target's title and the lines it takes, worked out once per target.
struct TargetTitle {
  std::string text;
  int lines = 1;
};

struct Settings {
  std::string language = "en";
  std::array<bool, sheet_count> sheets{};
  double threshold = 0;
  bool constant_memory = false;
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::size_t recommendation_count(const Corpus& corpus) {
  std::size_t n = 0;
  for (const auto& d : corpus.documents) n += d.recommendations.size();
  return n;
}

Settings read_settings(const Corpus& corpus, const Context& context) {
  const Options& options = context.options();
  Settings s;

  // "fr-CA" and "zh-Hans" name the same titles as "fr" and "zh".
  const std::string asked = options.get("language");
  std::string language = lower(asked.empty() ? context.build().language : asked);
  language = language.substr(0, language.find_first_of("-_"));
  const auto& known = reference_languages();
  if (std::find(known.begin(), known.end(), language) != known.end()) {
    s.language = language;
  } else if (!asked.empty()) {
    throw std::invalid_argument("option 'language': '" + asked + "' is not one of " + joined(known));
  } else {
    context.warn("no SDG titles in language '" + context.build().language + "'; using English");
  }

  const auto wanted = options.get_list("sheets");
  if (wanted.empty()) s.sheets.fill(true);
  for (const auto& name : wanted) {
    const auto it = std::find_if(sheet_names.begin(), sheet_names.end(),
                                 [&](const char* n) { return lower(n) == lower(name); });
    if (it == sheet_names.end())
      throw std::invalid_argument("option 'sheets': no sheet '" + name + "' (sheets: " +
                                  joined({sheet_names.begin(), sheet_names.end()}) + ")");
    s.sheets[static_cast<std::size_t>(it - sheet_names.begin())] = true;
  }

  s.threshold = options.get_double("threshold", 0.0);
  if (!(s.threshold >= 0 && s.threshold <= 1))
    throw std::invalid_argument("option 'threshold': " + options.get("threshold") + " is not between 0 and 1");

  // Constant-memory mode writes strings inline (larger files, no shared strings) and leaves
  // chart caches empty, so it is used only where memory matters.
  if (lower(options.get("constant_memory", "auto")) == "auto") {
    const long long above = options.get_int("constant_memory_above", 20000);
    s.constant_memory = static_cast<long long>(recommendation_count(corpus)) > above;
  } else {
    s.constant_memory = options.get_bool("constant_memory", false);
  }
  return s;
}

// Counts per document, for the Documents sheet.
struct DocumentCounts {
  std::size_t sdg = 0;  ///< recommendations mapped to at least one SDG goal
  std::size_t gcm = 0;  ///< ... to at least one GCM objective
};

class MatrixWorkbook {
 public:
  MatrixWorkbook(const std::string& path, const std::string& tmpdir, const Settings& settings,
                 const Corpus& corpus, Context& context)
      : settings_(settings), corpus_(corpus), context_(context), index_(corpus.annotations, settings.threshold),
        tmpdir_(tmpdir) {
    lxw_workbook_options options{};
    options.constant_memory = settings.constant_memory ? LXW_TRUE : LXW_FALSE;
    options.tmpdir = tmpdir_.data();  // beside the output: disk, not a tmpfs in memory
    workbook_.reset(workbook_new_opt(path.c_str(), &options));
    if (!workbook_) throw std::runtime_error("libxlsxwriter: cannot start a workbook at " + path);
    add_formats();
    for (std::size_t i = 0; i < sheet_count; ++i) {
      if (!settings.sheets[i]) continue;
      lxw_worksheet* ws = workbook_add_worksheet(workbook_.get(), sheet_names[i]);
      if (!ws) throw std::runtime_error(std::string("libxlsxwriter: cannot add sheet ") + sheet_names[i]);
      sheets_[i] = Sheet(ws);
      if (settings.language == "ar") worksheet_right_to_left(ws);
    }
  }

  void write() {
    set_properties();
    write_recommendations();
    if (sheets_[overview]) write_overview();
    if (sheets_[documents]) write_documents();
    if (sheets_[reference]) write_reference();
    // workbook_close frees the workbook whatever it returns.
    check(workbook_close(workbook_.release()), "writing the workbook");
  }

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
    std::array<lxw_format*, goal_count> goal_header;  ///< rotated, on the goal's colour
    std::array<lxw_format*, goal_count> goal_badge;   ///< goal number on its colour
  };

  lxw_format* format() { return workbook_add_format(workbook_.get()); }

  // Data cells sit at the top of their rows, which are as tall as their longest wrapped text.
  lxw_format* top(const char* num_format = nullptr, std::uint8_t align = LXW_ALIGN_NONE) {
    lxw_format* f = format();
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (align != LXW_ALIGN_NONE) format_set_align(f, align);
    if (num_format) format_set_num_format(f, num_format);
    return f;
  }

  lxw_format* header(std::uint8_t align) {
    lxw_format* f = format();
    format_set_bold(f);
    format_set_bg_color(f, 0xDDEBF7);
    format_set_bottom(f, LXW_BORDER_THIN);
    format_set_align(f, align);
    return f;
  }

  // A code's column header: its title turned upwards, in white on the code's colour.
  lxw_format* rotated_header(lxw_color_t fill) {
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

  void add_formats() {
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
    f_.score = top("0.00", LXW_ALIGN_CENTER);
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

  void set_properties() {
    const BuildInfo& build = context_.build();
    std::string title = "Recommendations mapped to the SDGs and the GCM";
    if (!build.job_name.empty()) title += " (" + build.job_name + ")";
    std::string subject = std::to_string(recommendation_count(corpus_)) + " recommendations from " +
                          std::to_string(corpus_.documents.size()) + " documents";
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
  void table_layout(lxw_worksheet* ws, lxw_col_t last_col, lxw_row_t rows, lxw_col_t frozen_cols) {
    worksheet_freeze_panes(ws, 1, frozen_cols);
    check(worksheet_autofilter(ws, 0, 0, std::max<lxw_row_t>(rows, 1) - 1, last_col), "setting an autofilter");
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_fit_to_pages(ws, 1, 0);
    check(worksheet_repeat_rows(ws, 0, 0), "repeating the header row");
  }

  // A white-to-blue scale over score cells; fixed ends (0 and 1) so colours compare across sheets.
  void colour_scale(lxw_worksheet* ws, lxw_row_t rows, lxw_col_t first_col, lxw_col_t last_col) {
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

  // Header row of Matrix and GCM: the recommendation columns, then one rotated title per code.
  void score_sheet_header(Sheet& sheet, const std::vector<std::string>& titles,
                          const std::vector<lxw_format*>& formats, double header_height) {
    lxw_worksheet* ws = sheet.worksheet();
    check(worksheet_set_row(ws, 0, header_height, nullptr), "setting the header height");
    for (lxw_col_t c = 0; c < recommendation_columns.size(); ++c) {
      lxw_format* fmt = c == 3 ? f_.cell : f_.wrap;
      check(worksheet_set_column(ws, c, c, recommendation_widths[c], fmt), "setting widths");
      sheet.text(0, c, recommendation_columns[c], f_.header);
    }
    const auto last = static_cast<lxw_col_t>(first_score_column + titles.size() - 1);
    check(worksheet_set_column(ws, first_score_column, last, 6.5, f_.score), "setting widths");
    for (std::size_t i = 0; i < titles.size(); ++i)
      sheet.text(0, static_cast<lxw_col_t>(first_score_column + i), titles[i], formats[i]);
  }

  void recommendation_cells(Sheet& sheet, lxw_row_t row, const Document& doc, const Recommendation& rec,
                            int lines) {
    sheet.fit_row(row, lines);
    sheet.text(row, 0, rec.address, f_.wrap);
    sheet.text(row, 1, doc.id, f_.wrap);
    sheet.text(row, 2, rec.addressee, f_.wrap);
    sheet.text(row, 3, rec.kind, f_.cell);
    sheet.text(row, 4, rec.text, f_.wrap);
  }

  template <std::size_t N>
  void score_cells(Sheet& sheet, lxw_row_t row, const std::array<double, N>& scores) {
    for (std::size_t i = 0; i < N; ++i)
      if (scores[i] >= 0) sheet.number(row, static_cast<lxw_col_t>(first_score_column + i), scores[i], f_.score);
  }

  void write_recommendations() {
    const std::string& lang = settings_.language;
    if (sheets_[matrix]) {
      std::vector<std::string> titles;
      for (int g = 1; g <= goal_count; ++g)
        titles.push_back(std::to_string(g) + " " + sdg_short_title(std::to_string(g), lang));
      score_sheet_header(sheets_[matrix], titles, {f_.goal_header.begin(), f_.goal_header.end()}, 110);
    }
    if (sheets_[gcm]) {
      std::vector<std::string> titles;
      for (int o = 1; o <= objective_count; ++o)
        titles.push_back(std::to_string(o) + " " + gcm_objective_title(o));
      score_sheet_header(sheets_[gcm], titles, std::vector<lxw_format*>(titles.size(), f_.rotated_header), 170);
    }
    std::vector<TargetTitle> target_titles;  // by official order
    if (sheets_[targets]) {
      Sheet& s = sheets_[targets];
      const std::array<const char*, 7> head = {"Citation",     "Document", "Goal",    "Target",
                                               "Target title", "Score",    "Evidence"};
      for (lxw_col_t c = 0; c < head.size(); ++c) {
        lxw_format* fmt = c == 2 ? f_.centred : c == 3 ? f_.cell : c == 5 ? f_.score : f_.wrap;
        check(worksheet_set_column(s.worksheet(), c, c, target_widths[c], fmt), "setting widths");
        s.text(0, c, head[c], f_.header);
      }
      for (const auto& code : sdg_target_codes()) {
        std::string title = sdg_title(code, lang);
        const int lines = wrapped_lines(title, target_widths[4] - 1);
        target_titles.push_back({std::move(title), lines});
      }
    }

    doc_counts_.assign(corpus_.documents.size(), {});
    std::array<lxw_row_t, sheet_count> next{};
    next.fill(1);
    Mappings m;
    for (std::size_t d = 0; d < corpus_.documents.size(); ++d) {
      const Document& doc = corpus_.documents[d];
      for (const Recommendation& rec : doc.recommendations) {
        index_.find(rec.address, m);
        ++recommendations_;
        const int lines = sheets_[matrix] || sheets_[gcm]
                              ? lines_needed({{&rec.address, recommendation_widths[0]},
                                              {&doc.id, recommendation_widths[1]},
                                              {&rec.addressee, recommendation_widths[2]},
                                              {&rec.text, recommendation_widths[4]}})
                              : 1;
        if (m.any_goal()) ++mapped_sdg_, ++doc_counts_[d].sdg;
        if (m.any_objective()) ++mapped_gcm_, ++doc_counts_[d].gcm;
        for (std::size_t g = 0; g < goal_count; ++g) per_goal_[g] += m.goals[g] >= 0;

        if (Sheet& s = sheets_[matrix]; s && row_fits(next[matrix])) {
          recommendation_cells(s, next[matrix], doc, rec, lines);
          score_cells(s, next[matrix]++, m.goals);
        }
        if (Sheet& s = sheets_[gcm]; s && row_fits(next[gcm])) {
          recommendation_cells(s, next[gcm], doc, rec, lines);
          score_cells(s, next[gcm]++, m.objectives);
        }
        if (Sheet& s = sheets_[targets]) target_rows(s, next[targets], doc, rec, m, target_titles);
      }
    }

    if (Sheet& s = sheets_[matrix]) finish_score_sheet(s, next[matrix], goal_count);
    if (Sheet& s = sheets_[gcm]) finish_score_sheet(s, next[gcm], objective_count);
    if (Sheet& s = sheets_[targets]) {
      table_layout(s.worksheet(), 6, next[targets], 1);
      colour_scale(s.worksheet(), next[targets], 5, 5);
      // Target codes ("10.1", "10.10") are text on purpose.
      worksheet_ignore_errors(s.worksheet(), LXW_IGNORE_NUMBER_STORED_AS_TEXT, "D:D");
    }
    for (lxw_row_t n : next) rows_ += n - 1;
  }

  // One row per target mapped to `rec`, from row `next` on.
  void target_rows(Sheet& s, lxw_row_t& next, const Document& doc, const Recommendation& rec, const Mappings& m,
                   const std::vector<TargetTitle>& titles) {
    for (std::size_t t = 0; t < m.target_count && row_fits(next); ++t) {
      const Mappings::Target& target = m.targets[t];
      const lxw_row_t r = next++;
      const TargetTitle& title = target.order >= 0 ? titles[static_cast<std::size_t>(target.order)] : no_title_;
      s.fit_row(r, std::max(title.lines, lines_needed({{&rec.address, target_widths[0]},
                                                       {&doc.id, target_widths[1]},
                                                       {&target.evidence, target_widths[6]}})));
      s.text(r, 0, rec.address, f_.wrap);
      s.text(r, 1, doc.id, f_.wrap);
      if (target.goal) s.number(r, 2, target.goal, f_.centred);
      code_.assign(target.code);
      s.text(r, 3, code_, f_.cell);
      s.text(r, 4, title.text, f_.wrap);
      s.number(r, 5, target.score, f_.score);
      s.text(r, 6, target.evidence, f_.wrap);
    }
  }

  bool row_fits(lxw_row_t row) {
    if (row <= last_row) return true;
    ++left_out_;
    return false;
  }

  void finish_score_sheet(Sheet& s, lxw_row_t rows, int codes) {
    const auto last = static_cast<lxw_col_t>(first_score_column + codes - 1);
    table_layout(s.worksheet(), last, rows, 1);
    colour_scale(s.worksheet(), rows, first_score_column, last);
  }

  void write_overview() {
    Sheet& s = sheets_[overview];
    lxw_worksheet* ws = s.worksheet();
    const BuildInfo& build = context_.build();
    check(worksheet_set_column(ws, 0, 0, 7, nullptr), "setting widths");
    check(worksheet_set_column(ws, 1, 1, 42, nullptr), "setting widths");
    check(worksheet_set_column(ws, 2, 3, 16, nullptr), "setting widths");
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 1);

    s.text(0, 0, "Recommendations mapped to the SDGs and the GCM", f_.title);
    std::string line = "Built " + utc_time(build.build_time) + " by dossier " + build.host_version;
    if (!build.job_name.empty()) line += " (job " + build.job_name + ")";
    line += "; titles in " + settings_.language;
    if (!index_.analyzers().empty()) line += "; scores by " + joined(index_.analyzers());
    if (settings_.threshold > 0) line += ", " + score_text(settings_.threshold) + " and above";
    s.text(1, 0, line, f_.subtitle);

    const double total = static_cast<double>(recommendations_);
    const auto share = [&](std::size_t n) { return total > 0 ? static_cast<double>(n) / total : 0.0; };
    s.text(3, 0, "Corpus", f_.heading);
    s.text(4, 0, "Documents", nullptr);
    s.number(4, 2, static_cast<double>(corpus_.documents.size()), f_.count);
    s.text(5, 0, "Recommendations", nullptr);
    s.number(5, 2, total, f_.count);
    s.text(6, 0, "Mapped to at least one SDG goal", nullptr);
    s.number(6, 2, static_cast<double>(mapped_sdg_), f_.count);
    s.number(6, 3, share(mapped_sdg_), f_.percent);
    s.text(7, 0, "Mapped to at least one GCM objective", nullptr);
    s.number(7, 2, static_cast<double>(mapped_gcm_), f_.count);
    s.number(7, 3, share(mapped_gcm_), f_.percent);
    if (left_out_ > 0)
      s.text(8, 0, "Rows left out beyond Excel's limit of 1,048,576 rows: " + std::to_string(left_out_), nullptr);

    constexpr lxw_row_t table = 10;
    s.text(table - 1, 0, "Recommendations per SDG goal", f_.heading);
    const std::array<const char*, 4> head = {"Goal", "Title", "Recommendations", "Share"};
    for (lxw_col_t c = 0; c < head.size(); ++c) s.text(table, c, head[c], c >= 2 ? f_.header_right : f_.header);
    for (int g = 1; g <= goal_count; ++g) {
      const auto r = static_cast<lxw_row_t>(table + g);
      const std::size_t n = per_goal_[static_cast<std::size_t>(g - 1)];
      s.number(r, 0, g, f_.goal_badge[static_cast<std::size_t>(g - 1)]);
      s.text(r, 1, sdg_short_title(std::to_string(g), settings_.language), nullptr);
      s.number(r, 2, static_cast<double>(n), f_.count);
      s.number(r, 3, share(n), f_.percent);
    }
    add_goal_chart(ws, table + 1, table + goal_count);
  }

  // A column chart of the goal table, each bar in its goal's official colour. Categories are
  // the goal numbers (numbers, so the chart reads right even without cached values, as in
  // constant-memory mode).
  void add_goal_chart(lxw_worksheet* ws, lxw_row_t first, lxw_row_t last) {
    lxw_chart* chart = workbook_add_chart(workbook_.get(), LXW_CHART_COLUMN);
    if (!chart) throw std::runtime_error("libxlsxwriter: cannot add a chart");
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    if (!series) throw std::runtime_error("libxlsxwriter: cannot add a chart series");
    const char* name = sheet_names[overview];
    chart_series_set_categories(series, name, first, 0, last, 0);
    chart_series_set_values(series, name, first, 2, last, 2);
    chart_series_set_labels(series);

    std::array<lxw_chart_fill, goal_count> fills{};
    std::array<lxw_chart_point, goal_count> points{};
    std::array<lxw_chart_point*, goal_count + 1> list{};  // NULL-terminated
    for (std::size_t g = 0; g < goal_count; ++g) {
      fills[g].color = parse_colour(sdg_colour(static_cast<int>(g + 1)));
      points[g].fill = &fills[g];
      list[g] = &points[g];
    }
    check(chart_series_set_points(series, list.data()), "colouring the chart");
    chart_set_series_gap(chart, 40);

    chart_title_set_name(chart, "Recommendations per SDG goal");
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    chart_axis_set_name(chart->x_axis, "SDG goal");
    chart_axis_set_name(chart->y_axis, "Recommendations");
    chart_axis_set_min(chart->y_axis, 0);

    lxw_chart_options placement{};
    placement.x_offset = 10;
    placement.x_scale = 1.6;
    placement.y_scale = 1.5;
    check(worksheet_insert_chart_opt(ws, 3, 5, chart, &placement), "placing the chart");
  }

  void write_documents() {
    Sheet& s = sheets_[documents];
    lxw_worksheet* ws = s.worksheet();
    const std::array<const char*, 13> head = {"Document", "Symbol", "Title", "Date", "Place", "File",
                                              "SHA-256", "Paragraphs", "Footnotes", "Recommendations",
                                              "Mapped to SDGs", "Mapped to GCM", "SDG goals of the document"};
    const std::array<double, 13> widths = {18, 14, 50, 11, 18, 34, 46, 11, 10, 16, 15, 15, 30};
    for (lxw_col_t c = 0; c < head.size(); ++c) {
      lxw_format* fmt = c == 2 || c == 12 ? f_.wrap : c == 6 ? f_.mono : c >= 7 ? f_.count : f_.cell;
      check(worksheet_set_column(ws, c, c, widths[c], fmt), "setting widths");
      s.text(0, c, head[c], f_.header);
    }
    lxw_row_t r = 1;
    for (std::size_t d = 0; d < corpus_.documents.size() && r <= last_row; ++d, ++r) {
      const Document& doc = corpus_.documents[d];
      s.fit_row(r, lines_needed({{&doc.title, widths[2]}, {&doc.place, widths[4]}, {&doc.source, widths[5]}}));
      s.text(r, 0, doc.id, f_.cell);
      s.text(r, 1, doc.symbol, f_.cell);
      s.text(r, 2, doc.title, f_.wrap);
      lxw_datetime date{};
      if (iso_date(doc.date, date)) {
        check(worksheet_write_datetime(ws, r, 3, &date, f_.date), "writing a date");
        ++dates_;
      } else {
        s.text(r, 3, doc.date, f_.cell);
      }
      s.text(r, 4, doc.place, f_.wrap);
      s.text(r, 5, doc.source, f_.wrap);
      s.text(r, 6, doc.sha256, f_.mono);
      s.number(r, 7, static_cast<double>(doc.blocks.size()), f_.count);
      s.number(r, 8, static_cast<double>(doc.footnotes.size()), f_.count);
      s.number(r, 9, static_cast<double>(doc.recommendations.size()), f_.count);
      s.number(r, 10, static_cast<double>(doc_counts_[d].sdg), f_.count);
      s.number(r, 11, static_cast<double>(doc_counts_[d].gcm), f_.count);
      s.text(r, 12, document_profile(doc.id), f_.wrap);
    }
    table_layout(ws, 12, r, 1);
    rows_ += r - 1;
  }

  // The document's own SDG goals (annotations whose subject is its id), strongest first:
  // "16 (0.98); 17 (0.91)".
  std::string document_profile(const std::string& id) const {
    Mappings m;
    index_.find(id, m);
    std::vector<std::pair<double, int>> goals;
    for (int g = 0; g < goal_count; ++g)
      if (m.goals[static_cast<std::size_t>(g)] >= 0) goals.emplace_back(m.goals[static_cast<std::size_t>(g)], g + 1);
    std::stable_sort(goals.begin(), goals.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    std::string out;
    char item[32];
    for (const auto& [score, goal] : goals) {
      std::snprintf(item, sizeof item, "%d (%.2f)", goal, score);
      out += (out.empty() ? "" : "; ") + std::string(item);
    }
    return out;
  }

  void write_reference() {
    Sheet& s = sheets_[reference];
    lxw_worksheet* ws = s.worksheet();
    const std::array<const char*, 5> head = {"Scheme", "Code", "Level", "Short title", "Title"};
    const std::array<double, 5> widths = {8, 8, 10, 30, 100};
    for (lxw_col_t c = 0; c < head.size(); ++c) {
      check(worksheet_set_column(ws, c, c, widths[c], c == 4 ? f_.wrap : f_.cell), "setting widths");
      s.text(0, c, head[c], f_.header);
    }
    const std::string& lang = settings_.language;
    const std::string sdg = "SDG", gcm_name = "GCM", goal = "goal", target = "target", objective = "objective";
    lxw_row_t r = 1;
    for (int g = 1; g <= goal_count; ++g) {
      const std::string code = std::to_string(g), title = sdg_title(code, lang);
      s.fit_row(r, lines_needed({{&title, widths[4]}}));
      s.text(r, 0, sdg, f_.cell);
      s.text(r, 1, code, f_.goal_badge[static_cast<std::size_t>(g - 1)]);
      s.text(r, 2, goal, f_.cell);
      s.text(r, 3, sdg_short_title(code, lang), f_.cell);
      s.text(r++, 4, title, f_.wrap);
      for (const auto& t : sdg_targets_of(code)) {
        const std::string title = sdg_title(t, lang);
        s.fit_row(r, lines_needed({{&title, widths[4]}}));
        s.text(r, 0, sdg, f_.cell);
        s.text(r, 1, t, f_.cell);
        s.text(r, 2, target, f_.cell);
        s.text(r++, 4, title, f_.wrap);
      }
    }
    // The GCM's objectives exist in English only in the reference data.
    for (int o = 1; o <= objective_count; ++o) {
      const std::string title = gcm_objective_title(o);
      s.fit_row(r, lines_needed({{&title, widths[4]}}));
      s.text(r, 0, gcm_name, f_.cell);
      s.text(r, 1, std::to_string(o), f_.cell);
      s.text(r, 2, objective, f_.cell);
      s.text(r++, 4, title, f_.wrap);
    }
    table_layout(ws, 4, r, 0);
    worksheet_ignore_errors(ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, "B:B");
    rows_ += r - 1;
  }

  static bool iso_date(const std::string& text, lxw_datetime& out) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    out.year = std::stoi(text.substr(0, 4));
    out.month = std::stoi(text.substr(5, 2));
    out.day = std::stoi(text.substr(8, 2));
    return out.year >= 1900 && out.month >= 1 && out.month <= 12 && out.day >= 1 && out.day <= 31;
  }

  static std::string utc_time(std::int64_t seconds) { return format_utc(seconds, "%Y-%m-%d %H:%M UTC"); }

  static std::string score_text(double score) {
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", score);
    return text;
  }

  struct WorkbookFree {
    void operator()(lxw_workbook* wb) const { lxw_workbook_free(wb); }
  };

  const Settings& settings_;
  const Corpus& corpus_;
  Context& context_;
  MappingIndex index_;
  std::string tmpdir_;
  std::unique_ptr<lxw_workbook, WorkbookFree> workbook_;
  Formats f_{};
  std::array<Sheet, sheet_count> sheets_{};
  std::string code_;  // scratch for target codes
  const TargetTitle no_title_;
  static constexpr std::array<double, 7> target_widths = {24, 18, 6, 8, 50, 7, 70};

  std::size_t recommendations_ = 0, mapped_sdg_ = 0, mapped_gcm_ = 0, left_out_ = 0;
  std::array<std::size_t, goal_count> per_goal_{};
  std::vector<DocumentCounts> doc_counts_;
  std::uint64_t rows_ = 0, dates_ = 0;
};

class XlsxExporter final : public Exporter {
 public:
  static constexpr const char* needs[] = {"sdg", "gcm"};  // the matrix and the GCM sheet
  static constexpr OptionSpec options[] = {
      {"language", OptionType::text, "", "language of goal and target titles: en, fr, es, ru, ar or zh (default: the job's)"},
      {"sheets", OptionType::list, "", "the sheets to write (default: all six)"},
      {"threshold", OptionType::number, "0", "lowest score shown, 0 to 1"},
      {"constant_memory", OptionType::text, "auto", "true, false, or auto (constant memory above constant_memory_above)"},
      {"constant_memory_above", OptionType::integer, "20000", "recommendations above which auto means constant memory"},
  };

  std::string default_file_name() const override { return "matrix.xlsx"; }

  void write(const CorpusView& view, const std::string& file_name, OutputSink& out, Context& context) override {
    const Corpus& corpus = view.corpus();
    const Settings settings = read_settings(corpus, context);
    const OutputFile& file = out.create(file_name);
    MatrixWorkbook workbook(file.temp_path().string(), file.temp_path().parent_path().string(), settings,
                            corpus, context);
    workbook.write();
    if (workbook.unknown_codes() > 0)
      context.warn(std::to_string(workbook.unknown_codes()) +
                   " annotations left out: their codes are no SDG goal, SDG target or GCM objective");
    if (workbook.left_out() > 0)
      context.warn(std::to_string(workbook.left_out()) + " rows left out beyond Excel's limit of 1,048,576 rows");
    // The cell counts let bench/xlsx compare with raw libxlsxwriter writing the same cells.
    context.info("wrote " + file_name + ": " + std::to_string(workbook.rows()) + " rows, " +
                 std::to_string(workbook.text_cells()) + " text, " + std::to_string(workbook.number_cells()) +
                 " number and " + std::to_string(workbook.date_cells()) + " date cells" +
                 (settings.constant_memory ? " (constant memory)" : ""));
  }
};

}  // namespace

DOSSIER_PLUGIN(exporter, XlsxExporter, "xlsx", "0.1.0",
               "The recommendation-to-SDG matrix workbook (Overview, Matrix, Targets, GCM, Documents, "
               "Reference) as matrix.xlsx")
