#include "brief_writer.hpp"

#include <algorithm>
#include <ctime>
#include <set>
#include <stdexcept>

#include <dossier/context.hpp>
#include <dossier/corpus_view.hpp>
#include <dossier/domain/citation.hpp>
#include <dossier/domain/corpus.hpp>
#include <dossier/domain/reference_data.hpp>
#include <dossier/domain/wording.hpp>

#include "canvas.hpp"
#include "labels.hpp"
#include "page_parts.hpp"
#include "pdf_document.hpp"

namespace dossier::pdf {

namespace {

using namespace palette;

std::string iso_date(std::int64_t seconds) { return format_utc(seconds, "%Y-%m-%d"); }

// The language of the link that cites `document` in a brief in `language`: the brief's when
// the corpus holds that version, else the document's own, so that a link leads to the text
// quoted.
std::string link_language(const Document& document, const std::string& language) {
  if (in_language(document, language) || document.language.empty()) return language;
  return document.language;
}

// The brief's sections, drawn in order onto one canvas.
class Layout {
 public:
  Layout(const Brief& brief, const BriefSettings& settings, Canvas& canvas)
      : b_(brief), s_(settings), c_(canvas), lang_(settings.language) {}

  void cover();
  void figures();
  void chart();
  void heat_table();
  bool profile_has(const Document* d, int goal) const;
  void recommendations();
  void sources();

  std::string title() const { return s_.title.empty() ? label("brief", lang_) : s_.title; }
  std::string focus() const { return focus_heading(b_, lang_); }
  /// The focus in words: a goal with its official short title ("Objectif 10 : Inégalités
  /// réduites"), else as labelled ("Cible 10.7 des ODD").
  std::string focus_name() const {
    if (b_.focus.kind != "sdg" || b_.focus.value.find('.') != std::string::npos) return focus_label(b_.focus, lang_);
    return label("goal_titled", lang_, {b_.focus.value, sdg_short_title(b_.focus.value, lang_)});
  }

 private:
  /// `keep`: height of what must follow on the same page.
  void heading(const std::string& text, double keep = 40);
  void note(const std::string& text);
  /// human_citation() of `address` in the brief's language, linked to the document in
  /// `link_in` (document_link()), else to its entry under Sources.
  void cite_linked(const Document& document, const std::string& address, const std::string& link_in,
                   const Style& style, double x, double width);
  static std::string citation_key(const Document* d) { return "source:" + d->id; }
  /// "10.7, 16.b" with the language's list separator; each code isolated left-to-right so
  /// that "16.b" keeps its order in a right-to-left line.
  std::string codes(const std::vector<std::string>& list) const { return code_list(list, lang_); }

  const Brief& b_;
  const BriefSettings& s_;
  Canvas& c_;
  std::string lang_;
};

void Layout::heading(const std::string& text, double keep) { section_heading(c_, text, keep); }

void Layout::note(const std::string& text) { small_note(c_, text); }

void Layout::cover() {
  cover_band(c_, s_.organisation, title(), focus());
  std::vector<std::pair<std::string, std::string>> rows{
      {label("focus", lang_), focus_name()},
      {label("built", lang_), long_date(iso_date(s_.build_time), lang_)},
      {label("corpus", lang_),
       label("corpus_value", lang_,
             {count_text(b_.documents_total, lang_), count_text(b_.recommendations_total, lang_)})},
  };
  if (!s_.organisation.empty()) rows.emplace_back(label("prepared_by", lang_), s_.organisation);
  fact_rows(c_, rows);
  note(label("about_text", lang_) + " " + label("source_language", lang_));
}

void Layout::figures() {
  heading(label("key_figures", lang_));
  const std::vector<std::pair<std::size_t, std::string>> figures{
      {b_.items.size(), "fig_recommendations"},
      {b_.per_document.size(), "fig_documents"},
      {static_cast<std::size_t>(std::count_if(b_.per_goal.begin(), b_.per_goal.end(), [](int n) { return n > 0; })),
       "fig_goals"},
      {b_.targets.size(), "fig_targets"},
      {b_.objectives.size(), "fig_gcm"},
  };
  std::vector<std::pair<std::string, std::string>> tiles;
  for (const auto& f : figures) tiles.emplace_back(count_text(f.first, lang_), label(f.second, lang_));
  figure_tiles(c_, tiles);
}

void Layout::chart() {
  const double row = 15, bar_h = 10;
  const Style text{8, Weight::regular, kInk, 1.2};
  double longest = 0;
  for (int g = 1; g <= 17; ++g) longest = std::max(longest, c_.text_width(sdg_short_title(std::to_string(g), lang_), text));
  const double label_w = std::min(longest + 26, c_.width() * 0.55);
  heading(label("chart", lang_), 17 * row + 20);
  note(label("chart_note", lang_));
  const int max = std::max(1, *std::max_element(b_.per_goal.begin(), b_.per_goal.end()));
  const double count_w = 28;
  const double bar_w = c_.width() - label_w - count_w - 8;
  const Style badge{7, Weight::bold, kWhite, 1.2};
  c_.ensure(17 * row + 6);
  for (int g = 1; g <= 17; ++g) {
    const double top = c_.y();
    const double base = top - row + 4;
    const Rgb colour = rgb(sdg_colour(g));
    const double badge_x = c_.mirrored(c_.left(), 14);
    c_.rect(badge_x, top - row + 1.5, 14, 12, colour);
    c_.line(std::to_string(g), badge, badge_x, base + 0.5, 14, Align::centre);
    c_.line(sdg_short_title(std::to_string(g), lang_), text, c_.mirrored(c_.left() + 18, label_w - 22), base,
            label_w - 22, Align::start);
    const int n = b_.per_goal[static_cast<std::size_t>(g - 1)];
    const double len = bar_w * n / max;
    const double bar_x = c_.left() + label_w;
    c_.rect(c_.mirrored(bar_x, bar_w), top - row + 2.5, bar_w, bar_h, kPanel);
    if (n > 0) c_.rect(c_.mirrored(bar_x, len), top - row + 2.5, len, bar_h, colour);
    c_.line(count_text(static_cast<std::size_t>(n), lang_), {8, n > 0 ? Weight::bold : Weight::regular, n > 0 ? kInk : kMuted, 1.2},
            c_.mirrored(bar_x + len + 4, count_w), base, count_w, Align::start);
    c_.move_down(row);
  }
  c_.move_down(6);
}

bool Layout::profile_has(const Document* d, int goal) const {
  const auto p = b_.profiles.find(d);
  return p != b_.profiles.end() && p->second.count(goal);
}

void Layout::heat_table() {
  const double row = 16;
  const Style doc{7.5, Weight::regular, kInk, 1.2};
  double longest = 0;
  for (const auto& [d, goals] : b_.per_document) longest = std::max(longest, c_.text_width(cited_name(*d), doc));
  const double doc_w = std::clamp(longest + 8, 80.0, 170.0);
  heading(label("heat", lang_), row * std::min<double>(4, 1 + b_.per_document.size()) + 20);
  const bool any_profile =
      std::any_of(b_.profiles.begin(), b_.profiles.end(), [](const auto& p) { return !p.second.empty(); });
  note(label("heat_note", lang_) + (any_profile ? " " + label("profile_note", lang_) : ""));
  if (b_.per_document.empty()) {
    note(label("none", lang_));
    return;
  }
  const double cell = (c_.width() - doc_w) / 17;
  int max = 1;
  for (const auto& [d, goals] : b_.per_document)
    for (int n : goals) max = std::max(max, n);
  const Style head{7, Weight::bold, kWhite, 1.2};
  auto header = [&] {
    const double top = c_.y();
    c_.line(label("document", lang_), {7.5, Weight::bold, kMuted, 1.2}, c_.mirrored(c_.left(), doc_w - 6),
            top - row + 5, doc_w - 6, Align::start);
    for (int g = 1; g <= 17; ++g) {
      const double x = c_.mirrored(c_.left() + doc_w + (g - 1) * cell, cell);
      c_.rect(x + 0.5, top - row + 1, cell - 1, row - 2, rgb(sdg_colour(g)));
      c_.line(std::to_string(g), head, x, top - row + 5.5, cell, Align::centre);
    }
    c_.move_down(row);
  };
  c_.ensure(row * 3);
  header();
  for (const auto& [d, goals] : b_.per_document) {
    if (!c_.fits(row)) {
      c_.new_page();
      header();
    }
    const double top = c_.y();
    c_.line(cited_name(*d), doc, c_.mirrored(c_.left(), doc_w - 6), top - row + 5, doc_w - 6, Align::start);
    for (int g = 1; g <= 17; ++g) {
      const int n = goals[static_cast<std::size_t>(g - 1)];
      const double x = c_.mirrored(c_.left() + doc_w + (g - 1) * cell, cell);
      const double strength = n == 0 ? 0 : 0.25 + 0.75 * n / max;
      c_.rect(x + 0.5, top - row + 1, cell - 1, row - 2, n == 0 ? kPanel : tint(rgb(sdg_colour(g)), strength));
      if (n > 0)
        c_.line(std::to_string(n), {7, Weight::bold, strength > 0.7 ? kWhite : kInk, 1.2}, x, top - row + 5.5, cell,
                Align::centre);
      // The document's own profile: a dot in the cell's corner, in the goal's colour on an
      // empty cell and in white on a filled one, so it shows in grey print too.
      if (profile_has(d, g)) {
        const double dot = 3.2;
        c_.rect(c_.rtl() ? x + 1.5 : x + cell - dot - 1.5, top - dot - 2.5, dot, dot,
                n == 0 ? rgb(sdg_colour(g)) : (strength > 0.7 ? kWhite : kInk));
      }
    }
    c_.move_down(row);
  }
  c_.move_down(6);
}

void Layout::recommendations() {
  heading(label("key_recommendations", lang_), 80);
  if (b_.keys.empty()) {
    note(label("none", lang_));
    return;
  }
  note(label("key_note", lang_));
  const Style cite{9.5, Weight::bold, kNavy, 1.35};
  const Style body{9.5, Weight::regular, kInk, 1.4};
  const Style tags{8, Weight::regular, kMuted, 1.35};
  const Style badge{9, Weight::bold, kWhite, 1.2};
  const double indent = 26;
  const double text_x = c_.mirrored(c_.left() + indent, c_.width() - indent);
  const double text_w = c_.width() - indent;
  for (std::size_t i = 0; i < b_.keys.size(); ++i) {
    const Key& key = b_.keys[i];
    const Item& item = b_.items[key.item];
    const Recommendation& r = *item.recommendation;
    const Quote& quote = key.quote;
    // Keep the citation with at least three lines of its text.
    c_.ensure(cite.size * cite.leading + 3 * body.size * body.leading);
    const double top = c_.y();
    const double badge_x = c_.mirrored(c_.left(), 18);
    c_.rect(badge_x, top - 15, 18, 15, kBlue);
    c_.line(count_text(i + 1, lang_), badge, badge_x, top - 11.5, 18, Align::centre);
    // The citation as the UN writes it in this language, linked to the text quoted (the
    // version in the brief's language, or the original) where it has a public address, else
    // to its entry under Sources.
    cite_linked(*item.document, r.address, quote.language.empty() ? lang_ : quote.language, cite, text_x, text_w);
    const std::string& addressee = quote.document ? quote.addressee : r.addressee;
    if (!addressee.empty()) c_.paragraph(label("addressee", lang_) + label("colon", lang_) + addressee, tags, text_x, text_w);
    if (!quote.why_original.empty()) {
      const std::string in = label_language(quote.language);
      c_.paragraph(in.empty() ? label("original_text_plain", lang_) : label("original_text", lang_, {label("in_" + in, lang_)}),
                   {8, Weight::bold, kMuted, 1.35}, text_x, text_w);
    }
    c_.move_down(2);
    c_.paragraph(quote.document ? quote.text : r.text, body, text_x, text_w);
    // Targets and objectives of the recommendation and of those that say the same thing.
    std::set<std::string> target_set(item.targets.begin(), item.targets.end());
    std::set<int> objective_set(item.objectives.begin(), item.objectives.end());
    for (std::size_t s : key.same) {
      target_set.insert(b_.items[s].targets.begin(), b_.items[s].targets.end());
      objective_set.insert(b_.items[s].objectives.begin(), b_.items[s].objectives.end());
    }
    std::vector<std::string> targets;
    for (const auto& t : sdg_target_codes())
      if (target_set.count(t)) targets.push_back(t);
    std::vector<std::string> parts;
    if (!targets.empty()) parts.push_back(label("targets", lang_) + label("colon", lang_) + codes(targets));
    if (!objective_set.empty()) {
      std::vector<std::string> o;
      for (int n : objective_set) o.push_back(std::to_string(n));
      parts.push_back(label("gcm", lang_) + label("colon", lang_) + codes(o));
    }
    if (!parts.empty()) {
      c_.move_down(2);
      c_.paragraph(join(parts, "  \u00B7  "), tags, text_x, text_w);
    }
    // The other paragraphs that say the same thing, each cited and linked.
    if (!key.same.empty()) {
      c_.ensure(2 * tags.size * tags.leading + 2);  // the label with its first citation
      c_.move_down(2);
      c_.paragraph(label("also_in", lang_) + label("colon", lang_), {8, Weight::bold, kMuted, 1.35}, text_x, text_w);
      for (std::size_t s : key.same) {
        const Document& d = *b_.items[s].document;
        cite_linked(d, b_.items[s].recommendation->address, link_language(d, lang_), tags, text_x, text_w);
      }
    }
    c_.move_down(10);
  }
}

void Layout::cite_linked(const Document& document, const std::string& address, const std::string& link_in,
                         const Style& style, double x, double width) {
  const Box box = c_.paragraph(human_citation(document, address, lang_), style, x, width, Align::start);
  if (const std::string uri = document_link(document, link_in); !uri.empty())
    c_.uri_link(box, uri);
  else
    c_.link(box, citation_key(&document));
}

void Layout::sources() {
  heading(label("sources", lang_));
  if (b_.per_document.empty()) note(label("none", lang_));
  const Style id{9, Weight::bold, kNavy, 1.35};
  const Style title{9, Weight::regular, kInk, 1.35};
  const Style meta{8, Weight::regular, kMuted, 1.35};
  for (const auto& [d, goals] : b_.per_document) {
    c_.ensure(4 * 9 * 1.35 + 8);
    c_.anchor(citation_key(d));
    const std::string name = cited_name(*d), uri = document_link(*d, lang_);
    const Box box = c_.paragraph(name, id, c_.left(), c_.width(), Align::start);
    if (!uri.empty()) c_.uri_link(box, uri);
    if (!d->title.empty() && d->title != name) c_.paragraph(d->title, title, c_.left(), c_.width(), Align::start);
    // On paper too: where to read it.
    if (!uri.empty()) c_.uri_link(c_.paragraph(uri, meta, c_.left(), c_.width(), Align::start), uri);
    std::size_t n = 0;
    for (const auto& item : b_.items) n += item.document == d;  // every recommendation in focus
    c_.paragraph(join({long_date(d->date, lang_), d->place, d->body, (n == 1 ? label("recommendations_1", lang_) : label("recommendations_n", lang_, {count_text(n, lang_)}))}, "  \u00B7  "),
                 meta, c_.left(), c_.width(), Align::start);
    if (const auto p = b_.profiles.find(d); p != b_.profiles.end() && !p->second.empty()) {
      std::vector<std::string> goals_of_profile;
      for (int g : p->second) goals_of_profile.push_back(std::to_string(g));
      c_.paragraph(label("profile", lang_, {codes(goals_of_profile)}), meta, c_.left(), c_.width(), Align::start);
    }
    c_.move_down(7);
  }
}

}  // namespace

Paper paper_named(std::string name) {
  for (char& ch : name)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  if (name == "a4") return {"a4", 595.276, 841.89};
  if (name == "letter") return {"letter", 612, 792};
  throw std::invalid_argument("paper '" + name + "': use a4 or letter");
}

std::string focus_label(const Focus& f, const std::string& language) {
  if (f.kind.empty()) return label("whole_corpus", language);
  if (f.kind == "sdg") return label(f.value.find('.') == std::string::npos ? "goal" : "target", language, {f.value});
  if (f.kind == "gcm") return label("gcm_objective", language, {f.value});
  return f.value;
}

std::string focus_heading(const Brief& brief, const std::string& language) {
  const Focus& f = brief.focus;
  const std::string dash = " \u2014 ";
  if (f.kind.empty()) return label("whole_corpus", language);
  if (f.kind == "sdg") return focus_label(f, language) + dash + sdg_title(f.value, language);
  if (f.kind == "gcm") return focus_label(f, language) + dash + gcm_objective_title(std::stoi(f.value));
  if (f.kind == "addressee") return label("addressed_to", language, {f.value});
  std::string name = f.value, title;
  for (const auto& [d, goals] : brief.per_document)
    if (d->id == f.value || d->symbol == f.value) {
      name = cited_name(*d);  // a catalogue id in the job file is not what readers see
      title = d->title != name ? d->title : std::string();
    }
  return label("document", language) + " " + name + (title.empty() ? "" : dash + title);
}

BriefResult write_brief(const Brief& brief, const BriefSettings& settings, OutputFile& file) {
  PdfDocument doc;
  Fonts fonts(doc.get(), settings.fonts);
  Canvas canvas(doc.get(), fonts, settings.paper.width, settings.paper.height, settings.language == "ar");
  Layout layout(brief, settings, canvas);
  const std::string lang = settings.language;

  layout.cover();
  layout.figures();
  doc.check("laying out the cover");
  layout.chart();
  layout.heat_table();
  doc.check("drawing the charts");
  layout.recommendations();
  layout.sources();
  doc.check("laying out the recommendations");
  canvas.finish(layout.title(), focus_label(brief.focus, lang),
                settings.organisation.empty() ? layout.title() : settings.organisation,
                [&](int n, int total) { return label("page", lang, {std::to_string(n), std::to_string(total)}); });
  doc.check("adding running heads and links");

  std::vector<std::string> keywords{"SDG", "GCM"};
  if (!brief.focus.kind.empty()) keywords.push_back(focus_label(brief.focus, lang));
  for (std::size_t g = 0; g < 17; ++g)
    if (brief.per_goal[g] > 0) keywords.push_back("SDG " + std::to_string(g + 1));
  for (int o : brief.objectives) keywords.push_back("GCM " + std::to_string(o));
  doc.set_info({layout.title() + " \u2014 " + layout.focus(), layout.focus(), join(keywords, "; "),
                settings.organisation, settings.creator, settings.build_time});
  doc.save(file);
  return {canvas.page_count(), fonts.missing(), fonts.describe(), fonts.rejected()};
}

}  // namespace dossier::pdf
