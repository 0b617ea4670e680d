// The Matrix, Targets and GCM sheets: one row per recommendation (per mapped target on
// Targets), written in one pass over the recommendations.
#include "matrix_workbook.hpp"

#include <algorithm>

#include <dossier/domain/citation.hpp>
#include <dossier/domain/reference_data.hpp>
#include <dossier/domain/wording.hpp>

namespace dossier::xlsx {

namespace {

// The codes mapped, in order, in one cell that the autofilter's search finds exactly: two
// digits each ("03, 10, 16"), so that searching "03" finds goal 3 and not 13.
template <std::size_t N>
std::string codes_text(const std::array<double, N>& scores) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if (scores[i] < 0) continue;
    if (!out.empty()) out += ", ";
    if (i + 1 < 10) out += '0';
    out += std::to_string(i + 1);
  }
  return out;
}

}  // namespace

// Header row of Matrix and GCM: the recommendation columns, the codes column, then one
// rotated title per code.
void MatrixWorkbook::score_sheet_header(Sheet& sheet, const char* codes_title, const std::vector<std::string>& titles,
                                        const std::vector<lxw_format*>& formats, double header_height) {
  lxw_worksheet* ws = sheet.worksheet();
  check(worksheet_set_row(ws, 0, header_height, nullptr), "setting the header height");
  for (lxw_col_t c = 0; c < recommendation_columns.size(); ++c) {
    lxw_format* fmt = c == 3 ? f_.cell : f_.wrap;
    check(worksheet_set_column(ws, c, c, recommendation_widths[c], fmt), "setting widths");
    sheet.text(0, c, recommendation_columns[c], f_.header);
  }
  check(worksheet_set_column(ws, codes_column, codes_column, codes_width, f_.wrap), "setting widths");
  sheet.text(0, codes_column, codes_title, f_.header);
  const auto last = static_cast<lxw_col_t>(first_score_column + titles.size() - 1);
  check(worksheet_set_column(ws, first_score_column, last, 6.5, f_.score), "setting widths");
  for (std::size_t i = 0; i < titles.size(); ++i)
    sheet.text(0, static_cast<lxw_col_t>(first_score_column + i), titles[i], formats[i]);
}

void MatrixWorkbook::recommendation_cells(Sheet& sheet, lxw_row_t row, const Cited& cited, const Recommendation& rec,
                                          int lines) {
  sheet.fit_row(row, lines);
  sheet.link(row, 0, cited.link, cited.citation, cited.link.empty() ? f_.wrap : f_.link);
  sheet.text(row, 1, cited.document, f_.wrap);
  sheet.text(row, 2, rec.addressee, f_.wrap);
  sheet.text(row, 3, kind_label(rec.kind, settings_.language), f_.cell);
  sheet.text(row, 4, rec.text, f_.wrap);
}

template <std::size_t N>
void MatrixWorkbook::score_cells(Sheet& sheet, lxw_row_t row, const std::string& codes,
                                 const std::array<double, N>& scores) {
  sheet.text(row, codes_column, codes, f_.wrap);
  for (std::size_t i = 0; i < N; ++i)
    if (scores[i] >= 0)
      sheet.number(row, static_cast<lxw_col_t>(first_score_column + i), shown_score(scores[i]), f_.score);
}

void MatrixWorkbook::write_recommendations() {
  const std::string& lang = settings_.language;
  if (sheets_[matrix]) {
    std::vector<std::string> titles;
    for (int g = 1; g <= goal_count; ++g)
      titles.push_back(std::to_string(g) + " " + sdg_short_title(std::to_string(g), lang));
    score_sheet_header(sheets_[matrix], "SDG goals", titles, {f_.goal_header.begin(), f_.goal_header.end()}, 110);
  }
  if (sheets_[gcm]) {
    std::vector<std::string> titles;
    for (int o = 1; o <= objective_count; ++o)
      titles.push_back(std::to_string(o) + " " + gcm_objective_title(o));
    score_sheet_header(sheets_[gcm], "GCM objectives", titles, std::vector<lxw_format*>(titles.size(), f_.rotated_header), 170);
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

  doc_counts_.assign(view_.document_count(), {});
  std::array<lxw_row_t, sheet_count> next{};
  next.fill(1);
  Mappings m;
  Cited cited;
  view_.for_each_batch([&](const CorpusView::Batch& batch) {
    for (const Document* each = batch.begin; each != batch.end; ++each) {
      const std::size_t d = batch.first + static_cast<std::size_t>(each - batch.begin);
      const Document& doc = *each;
      cited.document = cited_name(doc);
      cited.link = document_link(doc, lang);
      for (const Recommendation& rec : doc.recommendations) {
        index_.find(rec.address, m);
        ++recommendations_;
        cited.citation = human_citation(doc, rec.address, lang);
        const std::string goals = codes_text(m.goals), objectives = codes_text(m.objectives);
        const int lines = sheets_[matrix] || sheets_[gcm]
                              ? lines_needed({{&cited.citation, recommendation_widths[0]},
                                              {&cited.document, recommendation_widths[1]},
                                              {&rec.addressee, recommendation_widths[2]},
                                              {&rec.text, recommendation_widths[4]},
                                              {&goals, codes_width},
                                              {&objectives, codes_width}})
                              : 1;
        if (m.any_goal()) ++mapped_sdg_, ++doc_counts_[d].sdg;
        if (m.any_objective()) ++mapped_gcm_, ++doc_counts_[d].gcm;
        for (std::size_t g = 0; g < goal_count; ++g) per_goal_[g] += m.goals[g] >= 0;

        if (Sheet& s = sheets_[matrix]; s && row_fits(next[matrix])) {
          recommendation_cells(s, next[matrix], cited, rec, lines);
          score_cells(s, next[matrix]++, goals, m.goals);
        }
        if (Sheet& s = sheets_[gcm]; s && row_fits(next[gcm])) {
          recommendation_cells(s, next[gcm], cited, rec, lines);
          score_cells(s, next[gcm]++, objectives, m.objectives);
        }
        if (Sheet& s = sheets_[targets]) target_rows(s, next[targets], cited, m, target_titles);
      }
    }
  });

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

// One row per target mapped to the recommendation `cited`, from row `next` on.
void MatrixWorkbook::target_rows(Sheet& s, lxw_row_t& next, const Cited& cited, const Mappings& m,
                                 const std::vector<TargetTitle>& titles) {
  for (std::size_t t = 0; t < m.target_count && row_fits(next); ++t) {
    const Mappings::Target& target = m.targets[t];
    const lxw_row_t r = next++;
    const TargetTitle& title = target.order >= 0 ? titles[static_cast<std::size_t>(target.order)] : no_title_;
    s.fit_row(r, std::max(title.lines, lines_needed({{&cited.citation, target_widths[0]},
                                                     {&cited.document, target_widths[1]},
                                                     {&target.evidence, target_widths[6]}})));
    s.link(r, 0, cited.link, cited.citation, cited.link.empty() ? f_.wrap : f_.link);
    s.text(r, 1, cited.document, f_.wrap);
    if (target.goal) s.number(r, 2, target.goal, f_.centred);
    code_.assign(target.code);
    s.text(r, 3, code_, f_.cell);
    s.text(r, 4, title.text, f_.wrap);
    s.number(r, 5, shown_score(target.score), f_.score);
    s.text(r, 6, target.evidence, f_.wrap);
  }
}

bool MatrixWorkbook::row_fits(lxw_row_t row) {
  if (row <= last_row) return true;
  ++left_out_;
  return false;
}

void MatrixWorkbook::finish_score_sheet(Sheet& s, lxw_row_t rows, int codes) {
  const auto last = static_cast<lxw_col_t>(first_score_column + codes - 1);
  table_layout(s.worksheet(), last, rows, 1);
  colour_scale(s.worksheet(), rows, first_score_column, last);
  // One code ("10") is text on purpose, like the lists of them.
  worksheet_ignore_errors(s.worksheet(), LXW_IGNORE_NUMBER_STORED_AS_TEXT, "F:F");
}

}  // namespace dossier::xlsx
