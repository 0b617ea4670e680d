#include "state_brief_writer.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include <dossier/context.hpp>
#include <dossier/domain/citation.hpp>
#include <dossier/domain/reference_data.hpp>
#include <dossier/domain/wording.hpp>

#include "canvas.hpp"
#include "labels.hpp"
#include "page_parts.hpp"
#include "pdf_document.hpp"

namespace dossier::pdf {

namespace {

using namespace palette;

const Rgb kSupported = rgb("#3F7E2D");  // a green that prints dark enough in grey
const Rgb kNoted = rgb("#C0661B");
const Rgb kPending = rgb("#6B7280");

class StateLayout {
 public:
  StateLayout(const StateBrief& brief, const BriefSettings& settings, Canvas& canvas)
      : b_(brief), s_(settings), c_(canvas), lang_(settings.language) {}

  std::string title() const { return s_.title.empty() ? label("state_brief", lang_) : s_.title; }
  std::string subtitle() const { return label("state_subtitle", lang_, {b_.state}); }

  void cover();
  void figures();
  void chart();
  void received();
  void change();
  void made();
  void sources();

 private:
  /// "A/HRC/22/5 (13 December 2012, cycle 2)".
  std::string review_text(const UprReport& r) const;
  std::string list(const std::vector<std::string>& items) const { return join(items, label("list_separator", lang_)); }
  std::string codes(const std::vector<std::string>& items) const { return code_list(items, lang_); }
  static std::string source_key(const Document* d) { return "source:" + d->id; }
  /// A citation linked to its document, or to its entry under Sources.
  void cite(const Box& box, const Document& d) {
    if (const std::string uri = document_link(d, lang_); !uri.empty())
      c_.uri_link(box, uri);
    else
      c_.link(box, source_key(&d));
  }
  /// One recommendation: citation and position, text, recommending States, targets.
  void item(const StateItem& item, bool all_goals);
  /// A band in the goal's colour naming the goal and how many recommendations follow.
  void goal_band(int goal, std::size_t count);
  /// The SDG target a run of recommendations shares: its code on the goal's tint, its title.
  void theme_heading(int goal, const std::string& target);

  const StateBrief& b_;
  const BriefSettings& s_;
  Canvas& c_;
  std::string lang_;
};

std::string StateLayout::review_text(const UprReport& r) const {
  const Document& d = *r.document;
  const std::string name = cited_name(d), date = long_date(d.date, lang_);
  if (r.cycle > 0) return label("review", lang_, {std::to_string(r.cycle), date, name});
  return d.date.empty() ? name : label("review_undated", lang_, {name, date});
}

void StateLayout::cover() {
  cover_band(c_, s_.organisation, title(), subtitle());
  std::vector<std::string> reviews;
  for (const StateReview& r : b_.reviews) reviews.push_back(review_text(r.report));
  std::vector<std::pair<std::string, std::string>> rows{
      {label("state", lang_), b_.state},
      {label("reviews", lang_), reviews.empty() ? label("no_review", lang_, {b_.state}) : join(reviews, "; ")},
      {label("built", lang_), long_date(format_utc(s_.build_time, "%Y-%m-%d"), lang_)},
  };
  if (!s_.organisation.empty()) rows.emplace_back(label("prepared_by", lang_), s_.organisation);
  fact_rows(c_, rows);
  small_note(c_, label("state_about", lang_) + " " + label("source_language", lang_));
}

void StateLayout::figures() {
  section_heading(c_, label("key_figures", lang_));
  const StateReview* latest = b_.latest();
  const PositionCounts p = latest ? latest->positions : PositionCounts{};
  figure_tiles(c_, {{count_text(p.total(), lang_), label("fig_received", lang_)},
                    {count_text(p.supported, lang_), label("fig_supported", lang_)},
                    {count_text(p.noted, lang_), label("fig_noted", lang_)},
                    {count_text(latest ? latest->recommending.size() : 0, lang_), label("fig_states", lang_)},
                    {count_text(b_.made_count, lang_), label("fig_made", lang_)}});
  if (p.pending + p.unknown > 0) small_note(c_, label("open_note", lang_, {count_text(p.pending + p.unknown, lang_)}));
}

void StateLayout::chart() {
  const StateReview* latest = b_.latest();
  if (!latest) return;
  const double row = 13.5, bar_h = 9;
  const Style text{8, Weight::regular, kInk, 1.2};
  const bool unmapped = latest->per_goal[0].total() > 0;
  const int rows = 17 + (unmapped ? 1 : 0);
  double longest = c_.text_width(label("no_goal", lang_), text);
  for (int g = 1; g <= 17; ++g) longest = std::max(longest, c_.text_width(sdg_short_title(std::to_string(g), lang_), text));
  const double label_w = std::min(longest + 26, c_.width() * 0.6);
  section_heading(c_, label("state_chart", lang_), rows * row + 40);
  small_note(c_, label("state_chart_note", lang_));

  // The legend: what each shade of a bar means.
  const std::vector<std::pair<double, std::string>> legend{{1.0, label("supported_pl", lang_)},
                                                           {0.5, label("noted_pl", lang_)},
                                                           {0.2, label("position_other", lang_)}};
  double x = 0;
  const double legend_top = c_.y();
  for (const auto& [strength, name] : legend) {
    const double w = c_.text_width(name, text);
    c_.rect(c_.mirrored(c_.left() + x, 10), legend_top - 9, 10, 8, tint(kNavy, strength));
    c_.line(name, text, c_.mirrored(c_.left() + x + 14, w + 2), legend_top - 8, w + 2, Align::start);
    x += 14 + w + 16;
  }
  c_.move_down(16);

  std::size_t max = 1;
  for (const auto& counts : latest->per_goal) max = std::max(max, counts.total());
  const double count_w = 28;
  const double bar_w = c_.width() - label_w - count_w - 8;
  const Style badge{7, Weight::bold, kWhite, 1.2};
  c_.ensure(rows * row + 6);
  for (int r = 1; r <= rows; ++r) {
    const int g = r <= 17 ? r : 0;
    const PositionCounts& counts = latest->per_goal[static_cast<std::size_t>(g)];
    const double top = c_.y();
    const double base = top - row + 4.2;
    const Rgb colour = g ? rgb(sdg_colour(g)) : kMuted;
    const double badge_x = c_.mirrored(c_.left(), 14);
    c_.rect(badge_x, top - row + 1.5, 14, row - 2.5, colour);
    if (g) c_.line(std::to_string(g), badge, badge_x, base, 14, Align::centre);
    c_.line(g ? sdg_short_title(std::to_string(g), lang_) : label("no_goal", lang_), text,
            c_.mirrored(c_.left() + 18, label_w - 22), base, label_w - 22, Align::start);
    const double bar_x = c_.left() + label_w;
    c_.rect(c_.mirrored(bar_x, bar_w), top - row + 2.3, bar_w, bar_h, kPanel);
    double at = 0;
    const std::vector<std::pair<std::size_t, double>> parts{
        {counts.supported, 1.0}, {counts.noted, 0.5}, {counts.pending + counts.unknown, 0.2}};
    for (const auto& [n, strength] : parts) {
      const double len = bar_w * static_cast<double>(n) / static_cast<double>(max);
      if (n > 0) c_.rect(c_.mirrored(bar_x + at, len), top - row + 2.3, len, bar_h, tint(colour, strength));
      at += len;
    }
    const std::size_t n = counts.total();
    c_.line(count_text(n, lang_), {8, n > 0 ? Weight::bold : Weight::regular, n > 0 ? kInk : kMuted, 1.2},
            c_.mirrored(bar_x + at + 4, count_w), base, count_w, Align::start);
    c_.move_down(row);
  }
  c_.move_down(6);
}

void StateLayout::goal_band(int goal, std::size_t count) {
  const double h = 20;
  const std::string name = goal ? label("goal_titled", lang_, {std::to_string(goal), sdg_short_title(std::to_string(goal), lang_)})
                                : label("no_goal", lang_);
  // Keep the band with the start of its first recommendation.
  c_.ensure(h + 80);
  c_.move_down(8);
  c_.bookmark(name, 1);
  const double top = c_.y();
  c_.rect(c_.left(), top - h, c_.width(), h, goal ? rgb(sdg_colour(goal)) : kMuted);
  const Style band{10, Weight::bold, kWhite, 1.2};
  const std::string n = count == 1 ? label("recommendations_1", lang_) : label("recommendations_n", lang_, {count_text(count, lang_)});
  const double n_w = c_.text_width(n, {8.5, Weight::regular, kWhite, 1.2}) + 4;
  c_.line(name, band, c_.mirrored(c_.left() + 8, c_.width() - n_w - 24), top - 14, c_.width() - n_w - 24, Align::start);
  c_.line(n, {8.5, Weight::regular, kWhite, 1.2}, c_.mirrored(c_.right() - n_w - 8, n_w), top - 13.5, n_w, Align::end);
  c_.set_y(top - h - 8);
}

void StateLayout::theme_heading(int goal, const std::string& target) {
  const Style title{8, Weight::regular, kNavy, 1.3};
  const double code_w = 30, x = c_.mirrored(c_.left() + code_w + 6, c_.width() - code_w - 6);
  const std::string text = target.empty() ? label("no_target", lang_) : sdg_title(target, lang_);
  c_.ensure(c_.height_of(text, title, c_.width() - code_w - 6) + 60);  // with the start of its first item
  c_.move_down(2);
  const double top = c_.y();
  if (!target.empty()) {
    const double box_x = c_.mirrored(c_.left(), code_w);
    c_.rect(box_x, top - 11, code_w, 11, tint(rgb(sdg_colour(goal)), 0.25));
    c_.line("\u2066" + target + "\u2069", {7.5, Weight::bold, kNavy, 1.2}, box_x, top - 8.5, code_w, Align::centre);
  }
  c_.paragraph(text, title, x, c_.width() - code_w - 6, Align::start);
  c_.set_y(std::min(c_.y(), top - 11) - 5);
}

void StateLayout::item(const StateItem& it, bool all_goals) {
  const Recommendation& r = *it.recommendation;
  const Style citation{9, Weight::bold, kNavy, 1.35};
  const Style body{9, Weight::regular, kInk, 1.4};
  const Style meta{7.5, Weight::regular, kMuted, 1.35};
  const Style pill{7, Weight::bold, kWhite, 1.2};
  const double indent = 10;
  const double text_x = c_.mirrored(c_.left() + indent, c_.width() - indent);
  const double text_w = c_.width() - indent;
  c_.ensure(citation.size * citation.leading + 2 * body.size * body.leading + 6);
  const double top = c_.y();
  // The position as a coloured mark at the end of the citation's line.
  double pill_w = 0;
  if (!r.position.empty()) {
    const std::string word = position_label(r.position, lang_);
    pill_w = c_.text_width(word, pill) + 10;
    const double x = c_.mirrored(c_.right() - pill_w, pill_w);
    const Rgb colour = r.position == "supported" ? kSupported : r.position == "noted" ? kNoted : kPending;
    c_.rect(x, top - 11.5, pill_w, 11, colour);
    c_.line(word, pill, x, top - 8.8, pill_w, Align::centre);
  }
  const Box box =
      c_.paragraph(human_citation(*it.document, r.address, lang_), citation, text_x, text_w - pill_w - 8, Align::start);
  cite(box, *it.document);
  c_.move_down(1);
  c_.paragraph(r.text, body, text_x, text_w);
  std::vector<std::string> parts;
  if (!r.recommended_by.empty())
    parts.push_back(label("recommended_by", lang_) + label("colon", lang_) + list(r.recommended_by));
  if (it.position_document)
    parts.push_back(label("position_given", lang_, {human_citation(*it.position_document, r.position_source, lang_)}));
  if (!it.targets.empty()) parts.push_back(label("targets", lang_) + label("colon", lang_) + codes(it.targets));
  std::vector<std::string> goals;
  for (std::size_t g = all_goals ? 0 : 1; g < it.goals.size(); ++g) goals.push_back(label("goal", lang_, {std::to_string(it.goals[g])}));
  if (!goals.empty()) parts.push_back((all_goals ? std::string() : label("also", lang_) + label("colon", lang_)) + list(goals));
  if (!parts.empty()) {
    c_.move_down(1);
    c_.paragraph(join(parts, "  \u00B7  "), meta, text_x, text_w);
  }
  // The State's reason, when its response gave one.
  if (!r.position_note.empty()) c_.paragraph("\u201C" + r.position_note + "\u201D", meta, text_x, text_w);
  // A thin rule in the main goal's colour beside the recommendation.
  const double bottom = c_.y();
  if (c_.page_index() == box.page) c_.rect(c_.mirrored(c_.left(), 2.5), bottom + 2, 2.5, top - bottom - 2,
                                           it.goal() ? rgb(sdg_colour(it.goal())) : tint(kMuted, 0.5));
  c_.move_down(8);
}

void StateLayout::received() {
  section_heading(c_, label("received", lang_), 80);
  const StateReview* latest = b_.latest();
  if (!latest) {
    small_note(c_, label("no_review", lang_, {b_.state}));
    return;
  }
  small_note(c_, label("received_note", lang_, {review_text(latest->report)}));
  for (const GoalGroup& group : b_.groups) {
    goal_band(group.goal, group.items.size());
    std::string theme = "-";
    for (const std::size_t i : group.items) {
      const StateItem& it = latest->items[i];
      if (group.goal != 0 && it.theme != theme) {
        theme = it.theme;
        theme_heading(group.goal, theme);
      }
      item(it, false);
    }
  }
}

void StateLayout::change() {
  const StateReview* previous = b_.previous();
  const StateReview* latest = b_.latest();
  if (!b_.has_change || !previous || !latest) return;
  section_heading(c_, label("change", lang_), 120);
  small_note(c_, label("change_note", lang_, {review_text(latest->report), review_text(previous->report)}));

  // A table: what each review received, in total, by position and by goal.
  const std::string then = cited_name(*previous->report.document), now = cited_name(*latest->report.document);
  std::vector<std::tuple<std::string, std::size_t, std::size_t, int>> rows{
      {label("change_total", lang_), previous->positions.total(), latest->positions.total(), -1},
      {label("supported_pl", lang_), previous->positions.supported, latest->positions.supported, -1},
      {label("noted_pl", lang_), previous->positions.noted, latest->positions.noted, -1},
      {label("position_other", lang_), previous->positions.pending + previous->positions.unknown,
       latest->positions.pending + latest->positions.unknown, -1},
      {label("fig_states", lang_), previous->recommending.size(), latest->recommending.size(), -1},
  };
  for (int g = 1; g <= 17; ++g) {
    const std::size_t a = previous->per_goal[static_cast<std::size_t>(g)].total();
    const std::size_t b = latest->per_goal[static_cast<std::size_t>(g)].total();
    if (a || b)
      rows.emplace_back(label("goal_titled", lang_, {std::to_string(g), sdg_short_title(std::to_string(g), lang_)}), a, b, g);
  }
  const double row_h = 14, col_w = 110, name_w = c_.width() - 2 * col_w;
  const Style head{8, Weight::bold, kMuted, 1.2};
  const Style cell{8.5, Weight::regular, kInk, 1.2};
  c_.ensure(row_h * 6);
  auto header = [&] {
    const double top = c_.y();
    c_.line(then, head, c_.mirrored(c_.left() + name_w, col_w - 8), top - 10, col_w - 8, Align::end);
    c_.line(now, head, c_.mirrored(c_.left() + name_w + col_w, col_w - 8), top - 10, col_w - 8, Align::end);
    c_.rule(c_.left(), c_.right(), top - row_h + 1, kMuted, 0.5);
    c_.move_down(row_h);
  };
  header();
  std::size_t shade = 0;
  for (const auto& [name, a, b, goal] : rows) {
    if (!c_.fits(row_h)) {
      c_.new_page();
      header();
    }
    const double top = c_.y();
    if (shade++ % 2 == 0) c_.rect(c_.left(), top - row_h, c_.width(), row_h, kPanel);
    if (goal > 0) c_.rect(c_.mirrored(c_.left(), 4), top - row_h, 4, row_h, rgb(sdg_colour(goal)));
    const Style first = goal < 0 && shade == 1 ? Style{8.5, Weight::bold, kInk, 1.2} : cell;
    c_.line(name, first, c_.mirrored(c_.left() + 8, name_w - 12), top - 10, name_w - 12, Align::start);
    c_.line(count_text(a, lang_), first, c_.mirrored(c_.left() + name_w, col_w - 8), top - 10, col_w - 8, Align::end);
    c_.line(count_text(b, lang_), first, c_.mirrored(c_.left() + name_w + col_w, col_w - 8), top - 10, col_w - 8, Align::end);
    c_.move_down(row_h);
  }
  c_.move_down(8);

  const Style meta{8.5, Weight::regular, kInk, 1.4};
  for (const auto& [key, names] : {std::make_pair("new_states", &b_.change.new_states),
                                   std::make_pair("former_states", &b_.change.former_states)}) {
    if (names->empty()) continue;
    c_.ensure(30);
    c_.paragraph(label(key, lang_) + " (" + count_text(names->size(), lang_) + ")" + label("colon", lang_) + list(*names),
                 meta, c_.left(), c_.width(), Align::start);
    c_.move_down(5);
  }

  section_heading(c_, label("repeated", lang_), 80, 1);
  if (b_.change.repeated.empty()) {
    small_note(c_, label("none_repeated", lang_));
    return;
  }
  small_note(c_, label("repeated_note", lang_));
  const Style earlier{7.5, Weight::bold, kMuted, 1.35};
  for (const Repeated& rep : b_.change.repeated) {
    const StateItem& was = previous->items[rep.previous];
    item(latest->items[rep.latest], true);
    c_.move_down(-6);
    const Recommendation& w = *was.recommendation;
    const std::string position = w.position.empty() ? label("position_unknown", lang_) : position_label(w.position, lang_);
    const Box box = c_.paragraph(label("previously", lang_) + label("colon", lang_) +
                                     human_citation(*was.document, w.address, lang_) + " (" + position + ")",
                                 earlier, c_.mirrored(c_.left() + 10, c_.width() - 10), c_.width() - 10, Align::start);
    cite(box, *was.document);
    c_.move_down(8);
  }
}

void StateLayout::made() {
  section_heading(c_, label("made", lang_, {b_.state}), 130);
  if (b_.made.empty()) {
    small_note(c_, label("none_made", lang_, {b_.state}));
    return;
  }
  small_note(c_, label("made_note", lang_, {b_.state}));
  for (const MadeTo& m : b_.made) {
    c_.ensure(90);
    c_.move_down(4);
    const std::string heading = label("made_to", lang_, {m.report.state}) + " \u2014 " + review_text(m.report);
    c_.bookmark(label("made_to", lang_, {m.report.state}), 1);
    c_.paragraph(heading, {10, Weight::bold, kNavy, 1.3}, c_.left(), c_.width(), Align::start);
    c_.move_down(5);
    for (const StateItem& it : m.items) item(it, true);
  }
}

void StateLayout::sources() {
  if (b_.sources.empty()) return;
  section_heading(c_, label("sources", lang_));
  const Style id{9, Weight::bold, kNavy, 1.35};
  const Style title{9, Weight::regular, kInk, 1.35};
  const Style meta{8, Weight::regular, kMuted, 1.35};
  std::map<const Document*, std::string> reviewed;  // report -> its State under review
  for (const StateReview& r : b_.reviews) reviewed[r.report.document] = r.report.state;
  for (const MadeTo& m : b_.made) reviewed[m.report.document] = m.report.state;
  for (const Document* d : b_.sources) {
    c_.ensure(4 * 9 * 1.35 + 8);
    c_.anchor(source_key(d));
    const std::string name = cited_name(*d), uri = document_link(*d, lang_);
    const Box box = c_.paragraph(name, id, c_.left(), c_.width(), Align::start);
    if (!uri.empty()) c_.uri_link(box, uri);
    if (!d->title.empty() && d->title != name) c_.paragraph(d->title, title, c_.left(), c_.width(), Align::start);
    if (!uri.empty()) c_.uri_link(c_.paragraph(uri, meta, c_.left(), c_.width(), Align::start), uri);
    const auto state = reviewed.find(d);
    const std::string under_review =
        state == reviewed.end() ? "" : label("state_under_review", lang_) + label("colon", lang_) + state->second;
    c_.paragraph(join({under_review, long_date(d->date, lang_), d->place, d->body}, "  \u00B7  "), meta, c_.left(),
                 c_.width(), Align::start);
    c_.move_down(7);
  }
}

}  // namespace

BriefResult write_state_brief(const StateBrief& brief, const BriefSettings& settings, OutputFile& file) {
  PdfDocument doc;
  Fonts fonts(doc.get(), settings.fonts);
  Canvas canvas(doc.get(), fonts, settings.paper.width, settings.paper.height, settings.language == "ar");
  StateLayout layout(brief, settings, canvas);
  const std::string& lang = settings.language;

  layout.cover();
  layout.figures();
  layout.chart();
  doc.check("laying out the cover and the chart");
  layout.received();
  layout.change();
  layout.made();
  layout.sources();
  doc.check("laying out the recommendations");
  canvas.finish(layout.title(), brief.state, settings.organisation.empty() ? layout.title() : settings.organisation,
                [&](int n, int total) { return label("page", lang, {std::to_string(n), std::to_string(total)}); });
  doc.check("adding running heads and links");

  std::vector<std::string> keywords{"UPR", brief.state};
  if (const StateReview* latest = brief.latest())
    for (int g = 1; g <= 17; ++g)
      if (latest->per_goal[static_cast<std::size_t>(g)].total() > 0) keywords.push_back("SDG " + std::to_string(g));
  doc.set_info({layout.title() + " \u2014 " + brief.state, layout.subtitle(), join(keywords, "; "),
                settings.organisation, settings.creator, settings.build_time});
  doc.save(file);
  return {canvas.page_count(), fonts.missing(), fonts.describe(), fonts.rejected()};
}

}  // namespace dossier::pdf
