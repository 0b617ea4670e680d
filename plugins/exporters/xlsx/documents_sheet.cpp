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
  const std::array<const char*, 13> head = {"Document", "Symbol", "Title", "Date", "Place", "File",
                                            "SHA-256", "Paragraphs", "Footnotes", "Recommendations",
                                            "Mapped to SDGs", "Mapped to GCM", "SDG goals of the document"};
  const std::array<double, 13> widths = {24, 14, 50, 11, 18, 34, 46, 11, 10, 16, 15, 15, 30};
  for (lxw_col_t c = 0; c < head.size(); ++c) {
    lxw_format* fmt = c == 2 || c == 12 ? f_.wrap : c == 6 ? f_.mono : c >= 7 ? f_.count : f_.cell;
    check(worksheet_set_column(ws, c, c, widths[c], fmt), "setting widths");
    s.text(0, c, head[c], f_.header);
  }
  lxw_row_t r = 1;
  for (std::size_t d = 0; d < corpus_.documents.size() && r <= last_row; ++d, ++r) {
    const Document& doc = corpus_.documents[d];
    // By the name citations give it, linked to where it can be read.
    const std::string name = cited_name(doc), link = document_link(doc, settings_.language);
    s.fit_row(r, lines_needed({{&name, widths[0]}, {&doc.title, widths[2]}, {&doc.place, widths[4]},
                               {&doc.source, widths[5]}}));
    s.link(r, 0, link, name, link.empty() ? f_.wrap : f_.link);
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
