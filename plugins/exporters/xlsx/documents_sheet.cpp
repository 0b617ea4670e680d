// The Documents sheet: one row per document, with its counts and its own SDG goals.
#include "matrix_workbook.hpp"

#include <algorithm>
#include <cctype>

#include <dossier/domain/wording.hpp>

#include <dossier/domain/citation.hpp>

namespace dossier::xlsx {

void MatrixWorkbook::write_documents() {
  Sheet& s = sheets_[documents];
  lxw_worksheet* ws = s.worksheet();
  // What people look for first (which document, when, how much it recommends and how much of
  // that maps), the file it was read from last.
  enum Column : lxw_col_t { name, title, date, recs, sdg, gcm_mapped, goals, symbol, place, paragraphs, notes, path, hash };
  const std::array<const char*, 13> head = {
      "Document", "Title", "Date",      "Recommendations", "Mapped to SDGs", "Mapped to GCM", "SDG goals of the document",
      "Symbol",   "Place", "Paragraphs", "Footnotes",      "File",           "SHA-256"};
  const std::array<double, 13> widths = {24, 50, 11, 16, 15, 15, 30, 14, 18, 11, 10, 34, 46};
  const auto counted = [](lxw_col_t c) { return (c >= recs && c <= gcm_mapped) || c == paragraphs || c == notes; };
  for (lxw_col_t c = 0; c < head.size(); ++c) {
    lxw_format* fmt = f_.cell;
    if (counted(c)) fmt = f_.count;
    else if (c == goals || c == path) fmt = f_.after_number;  // text right of a number: indented
    else if (c == title || c == place) fmt = f_.wrap;
    else if (c == hash) fmt = f_.mono;
    check(worksheet_set_column(ws, c, c, widths[c], fmt), "setting widths");
    s.text(0, c, head[c], counted(c) ? f_.header_right : f_.header);
  }
  lxw_row_t r = 1;
  view_.for_each_batch([&](const CorpusView::Batch& batch) {
    for (const Document* each = batch.begin; each != batch.end && r <= last_row; ++each, ++r) {
      const std::size_t d = batch.first + static_cast<std::size_t>(each - batch.begin);
      const Document& doc = *each;
      // By the name citations give it, linked to where it can be read.
      const std::string cited = cited_name(doc), link = document_link(doc, settings_.language);
      const std::string profile = document_profile(doc.id);
      s.fit_row(r, lines_needed({{&cited, widths[name]}, {&doc.title, widths[title]}, {&profile, widths[goals]},
                                 {&doc.place, widths[place]}, {&doc.source, widths[path]}}));
      s.link(r, name, link, cited, link.empty() ? f_.wrap : f_.link);
      s.text(r, title, doc.title, f_.wrap);
      lxw_datetime day{};
      if (iso_date(doc.date, day)) {
        check(worksheet_write_datetime(ws, r, date, &day, f_.date), "writing a date");
        ++dates_;
      } else {
        s.text(r, date, doc.date, f_.cell);
      }
      s.number(r, recs, static_cast<double>(doc.recommendations.size()), f_.count);
      s.number(r, sdg, static_cast<double>(doc_counts_[d].sdg), f_.count);
      s.number(r, gcm_mapped, static_cast<double>(doc_counts_[d].gcm), f_.count);
      s.text(r, goals, profile, f_.after_number);
      s.text(r, symbol, doc.symbol, f_.cell);
      s.text(r, place, doc.place, f_.wrap);
      s.number(r, paragraphs, static_cast<double>(doc.blocks.size()), f_.count);
      s.number(r, notes, static_cast<double>(doc.footnotes.size()), f_.count);
      s.text(r, path, doc.source, f_.after_number);
      s.text(r, hash, doc.sha256, f_.mono);
    }
  });
  table_layout(ws, hash, r, 1);
  rows_ += r - 1;
}

// The document's own SDG goals (annotations whose subject is its id), strongest first:
// "16 (98.9%); 17 (91.0%)", never rounded up (wording.hpp).
std::string MatrixWorkbook::document_profile(const std::string& id) const {
  Mappings m;
  index_.find(id, m);
  std::vector<std::pair<double, int>> goals;
  for (int g = 0; g < goal_count; ++g)
    if (m.goals[static_cast<std::size_t>(g)] >= 0) goals.emplace_back(m.goals[static_cast<std::size_t>(g)], g + 1);
  std::stable_sort(goals.begin(), goals.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  std::string out;
  for (const auto& [score, goal] : goals)
    out += (out.empty() ? "" : "; ") + std::to_string(goal) + " (" + score_text(score) + ")";
  return out;
}

bool MatrixWorkbook::iso_date(const std::string& text, lxw_datetime& out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  out.year = std::stoi(text.substr(0, 4));
  out.month = std::stoi(text.substr(5, 2));
  out.day = std::stoi(text.substr(8, 2));
  return out.year >= 1900 && out.month >= 1 && out.month <= 12 && out.day >= 1 && out.day <= 31;
}

}  // namespace dossier::xlsx
