// The Overview sheet: what was built, the corpus in numbers, and recommendations per SDG
// goal as a table and a chart.
#include "matrix_workbook.hpp"

#include <stdexcept>

#include <dossier/domain/reference_data.hpp>
#include <dossier/domain/wording.hpp>

namespace dossier::xlsx {

void MatrixWorkbook::write_overview() {
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
  s.number(4, 2, static_cast<double>(settings_.documents), f_.count);
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
void MatrixWorkbook::add_goal_chart(lxw_worksheet* ws, lxw_row_t first, lxw_row_t last) {
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

std::string MatrixWorkbook::utc_time(std::int64_t seconds) { return format_utc(seconds, "%Y-%m-%d %H:%M UTC"); }

}  // namespace dossier::xlsx
