#include "page_parts.hpp"

#include <algorithm>

#include <dossier/domain/reference_data.hpp>

#include "labels.hpp"

namespace dossier::pdf {

using namespace palette;

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string code_list(const std::vector<std::string>& codes, const std::string& language) {
  std::vector<std::string> isolated;
  for (const auto& c : codes) isolated.push_back("\u2066" + c + "\u2069");
  return join(isolated, label("list_separator", language));
}

void section_heading(Canvas& c, const std::string& text, double keep, int level) {
  const Style h{level == 0 ? 13.0 : 11.0, Weight::bold, kNavy, 1.3};
  c.ensure(40 + keep);  // never a heading without what it introduces
  c.move_down(level == 0 ? 10 : 6);
  c.bookmark(text, level);
  c.paragraph(text, h, c.left(), c.width(), Align::start);
  if (level == 0) c.rule(c.left(), c.right(), c.y() - 1, kBlue, 1.2);  // clear of CJK descenders
  c.move_down(level == 0 ? 10 : 4);
}

void small_note(Canvas& c, const std::string& text) {
  c.paragraph(text, {8, Weight::regular, kMuted, 1.35}, c.left(), c.width());
  c.move_down(6);
}

void cover_band(Canvas& c, const std::string& organisation, const std::string& title, const std::string& subtitle) {
  // A band across the top of the first page, then a strip of the 17 SDG colours.
  const double band_top = c.page_height();
  const double band_h = 150;
  const double page_w = c.page_width();
  c.rect(0, band_top - band_h, page_w, band_h, kNavy);
  for (int g = 1; g <= 17; ++g)
    c.rect(page_w * (g - 1) / 17.0, band_top - band_h - 5, page_w / 17.0 + 0.5, 5, rgb(sdg_colour(g)));

  c.set_y(band_top - 34);
  if (!organisation.empty())
    c.paragraph(organisation, {9, Weight::bold, tint(kBlue, 0.6), 1.3}, c.left(), c.width());
  else
    c.move_down(12);
  c.move_down(4);
  c.bookmark(title, 0);
  c.paragraph(title, {21, Weight::bold, kWhite, 1.2}, c.left(), c.width());
  c.move_down(4);
  c.paragraph(subtitle, {11.5, Weight::regular, kWhite, 1.3}, c.left(), c.width());
  c.set_y(std::min(c.y(), band_top - band_h - 5) - 22);
}

void fact_rows(Canvas& c, const std::vector<std::pair<std::string, std::string>>& rows) {
  const Style key{8.5, Weight::bold, kMuted, 1.4};
  const Style value{9.5, Weight::regular, kInk, 1.4};
  const double key_w = 110;
  for (const auto& [k, v] : rows) {
    const double top = c.y();
    c.paragraph(k, key, c.mirrored(c.left(), key_w), key_w, Align::start);
    const double after_key = c.y();
    c.set_y(top - 0.7);  // baselines of 8.5 and 9.5 pt text side by side
    c.paragraph(v, value, c.mirrored(c.left() + key_w, c.width() - key_w), c.width() - key_w, Align::start);
    c.set_y(std::min(c.y(), after_key) - 2);
  }
  c.move_down(6);
}

void figure_tiles(Canvas& c, const std::vector<std::pair<std::string, std::string>>& figures) {
  if (figures.empty()) return;
  const double gap = 8;
  const double w = (c.width() - gap * static_cast<double>(figures.size() - 1)) / static_cast<double>(figures.size());
  const Style number{22, Weight::bold, kNavy, 1.15};
  const Style caption{7.5, Weight::regular, kInk, 1.3};
  double caption_h = 0;
  for (const auto& f : figures) caption_h = std::max(caption_h, c.height_of(f.second, caption, w - 16));
  const double h = 12 + number.size * number.leading + 4 + caption_h + 10;
  c.ensure(h);
  const double top = c.y();
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const double x = c.mirrored(c.left() + static_cast<double>(i) * (w + gap), w);
    c.rect(x, top - h, w, h, kPanel);
    c.rect(c.rtl() ? x + w - 3 : x, top - h, 3, h, kBlue);
    c.set_y(top - 10);
    c.paragraph(figures[i].first, number, x + 8, w - 16, Align::start);
    c.move_down(4);
    c.paragraph(figures[i].second, caption, x + 8, w - 16, Align::start);
  }
  c.set_y(top - h - 6);
}

}  // namespace dossier::pdf
