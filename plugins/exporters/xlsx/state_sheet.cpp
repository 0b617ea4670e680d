// The State sheet: one row per recommendation a State received in its Universal Periodic
// Review (the UPR reports of the corpus, dossier/domain/upr.hpp), by State and review date.
#include "matrix_workbook.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include <dossier/domain/citation.hpp>
#include <dossier/domain/reference_data.hpp>
#include <dossier/domain/upr.hpp>

namespace dossier::xlsx {

namespace {

std::string listed(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

}  // namespace

void MatrixWorkbook::write_state() {
  Sheet& s = sheets_[state];
  lxw_worksheet* ws = s.worksheet();
  const std::string& lang = settings_.language;
  const std::array<const char*, 10> head = {"State under review", "Cycle",    "Date",     "Number",
                                            "Citation",           "Text",     "Recommended by",
                                            "Position",           "Position given in", "SDG goals"};
  const std::array<double, 10> widths = {20, 7, 11, 9, 26, 70, 26, 13, 26, 40};
  for (lxw_col_t c = 0; c < head.size(); ++c) {
    lxw_format* fmt = c == 1 ? f_.centred : c == 2 ? f_.date : c == 3 || c == 7 ? f_.cell : f_.wrap;
    check(worksheet_set_column(ws, c, c, widths[c], fmt), "setting widths");
    s.text(0, c, head[c], f_.header);
  }
  // The UPR reports and every document's id, in one pass over the corpus in batches; then the
  // reports again one at a time (CorpusView::with_document), States in alphabetical order,
  // each State's reviews by date.
  struct Review {
    std::string state, date;
    int cycle;
    std::size_t position;
  };
  std::vector<Review> reviews;
  std::map<std::string, std::size_t, std::less<>> by_id;  // the first document of an id
  view_.for_each_batch([&](const CorpusView::Batch& batch) {
    for (const Document* d = batch.begin; d != batch.end; ++d) {
      const std::size_t position = batch.first + static_cast<std::size_t>(d - batch.begin);
      by_id.emplace(d->id, position);
      if (UprReport report; upr_report_of(*d, report))
        reviews.push_back({std::move(report.state), d->date, report.cycle, position});
    }
  });
  std::stable_sort(reviews.begin(), reviews.end(), [](const Review& a, const Review& b) {
    return a.state != b.state ? a.state < b.state : a.date < b.date;
  });
  // The document an address is in: its id is what comes before " ¶", " §" or " #".
  const auto document_at = [&](const std::string& address) -> const std::size_t* {
    for (const char* mark : {" \xC2\xB6", " \xC2\xA7", " #"})
      if (const auto at = address.find(mark); at != std::string::npos)
        if (const auto it = by_id.find(std::string_view(address).substr(0, at)); it != by_id.end()) return &it->second;
    return nullptr;
  };
  lxw_row_t r = 1;
  Mappings m;
  for (const Review& review : reviews) view_.with_document(review.position, [&](const Document& doc) {
    const auto numbers = printed_numbers(doc);
    const std::string link = document_link(doc, lang);
    lxw_datetime date{};
    const bool dated = iso_date(doc.date, date);
    for (const Recommendation& rec : doc.recommendations) {
      if (rec.recommended_by.empty() || !row_fits(r)) continue;
      const std::string citation = human_citation(doc, rec.address, lang);
      const std::string by = listed(rec.recommended_by, "; ");
      std::string given;  // where the position was given, when another document gave it
      if (const std::size_t* other = document_at(rec.position_source); other && *other != review.position)
        view_.with_document(*other, [&](const Document& o) { given = human_citation(o, rec.position_source, lang); });
      // The goals, strongest first, each with its short title so that one filter finds them.
      index_.find(rec.address, m);
      std::vector<std::pair<double, int>> ranked;
      for (int g = 0; g < goal_count; ++g)
        if (m.goals[static_cast<std::size_t>(g)] >= 0) ranked.emplace_back(-m.goals[static_cast<std::size_t>(g)], g + 1);
      std::sort(ranked.begin(), ranked.end());
      std::vector<std::string> goals;
      for (const auto& [score, g] : ranked) goals.push_back(std::to_string(g) + " " + sdg_short_title(std::to_string(g), lang));
      const std::string goal_text = listed(goals, "; ");

      s.fit_row(r, lines_needed({{&review.state, widths[0]}, {&citation, widths[4]}, {&rec.text, widths[5]},
                                 {&by, widths[6]}, {&given, widths[8]}, {&goal_text, widths[9]}}));
      s.text(r, 0, review.state, f_.wrap);
      if (review.cycle > 0) s.number(r, 1, review.cycle, f_.centred);
      if (dated) {
        check(worksheet_write_datetime(ws, r, 2, &date, f_.date), "writing a date");
        ++dates_;
      } else {
        s.text(r, 2, doc.date, f_.cell);
      }
      if (const auto n = numbers.find(rec.address); n != numbers.end()) s.text(r, 3, n->second, f_.cell);
      s.link(r, 4, link, citation, link.empty() ? f_.wrap : f_.link);
      s.text(r, 5, rec.text, f_.wrap);
      s.text(r, 6, by, f_.wrap);
      s.text(r, 7, position_label(rec.position, lang), f_.cell);
      s.text(r, 8, given, f_.wrap);
      s.text(r, 9, goal_text, f_.wrap);
      ++r;
    }
  });
  table_layout(ws, 9, r, 1);
  // Recommendation numbers ("121.1") are text on purpose.
  worksheet_ignore_errors(ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, "D:D");
  rows_ += r - 1;
}

}  // namespace dossier::xlsx
