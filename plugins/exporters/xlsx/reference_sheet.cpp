// The Reference sheet: every SDG goal and target and every GCM objective, with its title.

#include <dossier/domain/reference_data.hpp>
#include "matrix_workbook.hpp"

namespace dossier::xlsx {

void MatrixWorkbook::write_reference() {
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

}  // namespace dossier::xlsx
