// The site's shared parts, its index page (the matrix and its filters), the search page and
// the search index (site.hpp).
#include "site.hpp"

#include <algorithm>
#include <set>
#include <sstream>
#include <unordered_map>

#include <dossier/domain/citation.hpp>
#include <dossier/domain/reference_data.hpp>
#include <dossier/domain/upr.hpp>
#include <dossier/domain/wording.hpp>

#include "html_text.hpp"
#include "labels.hpp"
#include "mapping_names.hpp"

namespace dossier::html {

namespace {

// A target's place in the official order; targets not in it after them all.
int target_position(const std::string& code) {
  static const std::unordered_map<std::string_view, int> positions = [] {
    std::unordered_map<std::string_view, int> m;
    const auto& codes = sdg_target_codes();  // static storage: the views stay valid
    for (std::size_t i = 0; i < codes.size(); ++i) m.emplace(codes[i], static_cast<int>(i));
    return m;
  }();
  const auto it = positions.find(code);
  return it == positions.end() ? static_cast<int>(positions.size()) : it->second;
}

template <typename T>
void add_once(std::vector<T>& values, const T& value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

// Flushes `page` to `out` once it holds this much, so that no page is kept whole in memory.
constexpr std::size_t flush_at = 1 << 16;

void flush(std::string& page, std::ostream& out, bool always = false) {
  if (!always && page.size() < flush_at) return;
  out.write(page.data(), static_cast<std::streamsize>(page.size()));
  page.clear();
}

struct Option {
  std::string value, text;
  std::size_t count = 0;
};

// One <select> of the filter form: `values` in the given order, each with its count.
void filter_select(std::string& out, const std::string& id, const std::string& filter, const std::string& label_text,
                   const std::vector<Option>& values, std::string_view language) {
  out += "<div class=\"filter\"><label for=\"" + id + "\">";
  escape(out, label_text);
  out += "</label><select id=\"" + id + "\" data-filter=\"" + filter + "\"><option value=\"\">";
  escape(out, label("all", language));
  out += "</option>";
  for (const Option& o : values) {
    out += "<option value=\"";
    escape(out, o.value);
    out += "\">";
    escape(out, o.text + " (" + std::to_string(o.count) + ")");
    out += "</option>";
  }
  out += "</select></div>\n";
}

// " a b c ": values a filter matches by " value ".
std::string spaced(const std::vector<std::string>& values) {
  std::string out = " ";
  for (const auto& v : values) out += v + " ";
  return out;
}

std::vector<std::string> document_languages(const Document& doc) {
  std::vector<std::string> out;
  if (!doc.language.empty()) out.push_back(doc.language);
  for (const Document& v : doc.versions)
    if (!v.language.empty()) add_once(out, v.language);
  return out;
}

// The matrix row of one recommendation, and what the filters count.
struct Counts {
  std::map<int, std::size_t> goals, objectives;
  std::map<std::pair<int, std::string>, std::size_t> targets;  // by official position
  std::map<std::string, Option> states;                         // by state_key
  std::map<std::string, std::size_t> positions, languages;
  std::vector<std::size_t> documents;
};

// One row of the matrix: a recommendation with what its cells show and its filters match.
struct MatrixRow {
  std::size_t document = 0;
  std::string name, language_names;        // of the document
  std::vector<std::string> languages;      // of the document and its versions
  Mapped m;
  std::string text, text_language, kind;   // in the site's language when there is a version in it
  std::string href, citation, position;
  std::vector<std::string> states;         // the lines of the States cell
  std::vector<std::string> goals, objectives, keys;  // what the filters match
};

// Calls visit(row) for each recommendation in corpus order while it returns true.
template <typename Visit>
void for_each_row(const Site& site, Visit&& visit) {
  const std::string& lang = site.settings.language;
  const auto& documents = site.view.documents();
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const Document& doc = documents[d];
    MatrixRow row;
    row.document = d;
    row.name = cited_name(doc);
    row.languages = document_languages(doc);
    for (const auto& l : row.languages) row.language_names += (row.language_names.empty() ? "" : ", ") + language_name(l);
    const auto state = site.states.find(&doc);
    std::unordered_map<std::string_view, const Recommendation*> translated;
    const Document* version = in_language(doc, lang);
    if (version && version != &doc)
      for (const Recommendation& r : version->recommendations) translated.emplace(r.address, &r);
    for (const Recommendation& rec : doc.recommendations) {
      row.m = mapped(site.view, rec.address, site.settings.threshold);
      const auto in_site_language = translated.find(rec.address);
      const bool shown_translated = in_site_language != translated.end() && !in_site_language->second->text.empty();
      row.text = shown_translated ? in_site_language->second->text : rec.text;
      row.text_language = shown_translated ? version->language : doc.language;
      row.kind = kind_label(rec.kind, lang);
      if (!rec.addressee.empty()) row.kind += ", " + label("addressed_to", lang, {rec.addressee});
      row.href = "documents/" + site.slugs[d] + ".html#" + anchor_of(doc, rec.address);
      row.citation = human_citation(doc, rec.address, lang);
      row.position = rec.position;
      row.states.clear();
      if (state != site.states.end()) row.states.push_back(label("under_review", lang, {state->second}));
      if (!rec.recommended_by.empty()) {
        std::string by;
        for (const auto& s : rec.recommended_by) by += (by.empty() ? "" : ", ") + s;
        row.states.push_back(label("recommended_by", lang, {by}));
      }
      row.goals.clear();
      row.objectives.clear();
      row.keys.clear();
      for (int g : row.m.goals) row.goals.push_back(std::to_string(g));
      for (int o : row.m.objectives) row.objectives.push_back(std::to_string(o));
      if (state != site.states.end()) add_once(row.keys, state_key(state->second));
      for (const auto& s : rec.recommended_by) add_once(row.keys, state_key(s));
      if (!visit(static_cast<const MatrixRow&>(row))) return;
    }
  }
}

// The <tr> of a row, its cells labelled by `heads` (the phone layout shows them).
void row_html(std::string& out, const Site& site, const MatrixRow& row, const std::vector<std::string>& heads) {
  const std::string& lang = site.settings.language;
  const auto cell = [&](std::size_t column) {
    out += "<td data-label=\"";
    escape(out, heads[column]);
    out += "\">";
  };
  out += "<tr data-goals=\"" + spaced(row.goals) + "\" data-targets=\"";
  escape(out, spaced(row.m.targets));
  out += "\" data-gcm=\"" + spaced(row.objectives) + "\" data-doc=\" " + std::to_string(row.document) + " \" data-states=\"";
  escape(out, spaced(row.keys));
  out += "\" data-pos=\" ";
  escape(out, row.position);
  out += " \" data-langs=\"";
  escape(out, spaced(row.languages));
  out += "\">";
  cell(0);
  out += "<p";
  out += lang_attributes(row.text_language);
  out += ">";
  escape(out, row.text);
  out += "</p><p class=\"kind\">";
  escape(out, row.kind);
  out += "</p></td>";
  cell(1);
  out += "<a href=\"" + row.href + "\">";
  escape(out, row.citation);
  out += "</a></td>";
  cell(2);
  escape(out, row.name);
  out += "</td>";
  cell(3);
  for (std::size_t i = 0; i < row.states.size(); ++i) {
    if (i) out += "<br>";
    escape(out, row.states[i]);
  }
  out += "</td>";
  cell(4);
  escape(out, position_label(row.position, lang));
  out += "</td>";
  cell(5);
  escape(out, row.language_names);
  out += "</td>";
  cell(6);
  if (!row.m.goals.empty() || !row.m.targets.empty()) {
    out += "<ul class=\"codes\">";
    for (const auto& code : row.goals) {
      out += "<li class=\"goal g" + code + "\" title=\"";
      escape(out, sdg_short_title(code, lang));
      out += "\">";
      escape(out, label("sdg_short", lang, {code}));
      out += "</li>";
    }
    for (const auto& t : row.m.targets) {
      out += "<li class=\"target g" + t.substr(0, t.find('.')) + "\" title=\"";
      escape(out, sdg_title(t, lang));
      out += "\">";
      escape(out, t);
      out += "</li>";
    }
    out += "</ul>";
  }
  out += "</td>";
  cell(7);
  if (!row.m.objectives.empty()) {
    out += "<ul class=\"codes\">";
    for (int o : row.m.objectives) {
      out += "<li class=\"objective\" title=\"";
      escape(out, gcm_objective_title(o));
      out += "\">";
      escape(out, label("objective_short", lang, {std::to_string(o)}));
      out += "</li>";
    }
    out += "</ul>";
  }
  out += "</td></tr>\n";
}

void js_value(std::string& out, const std::string& value) { js_string(out, value); }
void js_value(std::string& out, const std::vector<std::string>& values) {
  out += "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ",";
    js_string(out, values[i]);
  }
  out += "]";
}
// ",a,b,...": values as JavaScript, each after a comma.
template <typename... Values>
void js_fields(std::string& out, const Values&... values) {
  ((out += ",", js_value(out, values)), ...);
}

}  // namespace

std::string Site::title() const {
  return settings.title.empty() ? label("site_title", settings.language) : settings.title;
}

std::size_t Site::document_index(const Document* document) const {
  return static_cast<std::size_t>(document - view.documents().data());
}

Mapped mapped(const CorpusView& view, std::string_view address, double threshold) {
  Mapped m;
  for (const Annotation* a : view.annotations_of(address)) {
    if (a->score < threshold) continue;
    if (a->scheme == scheme::sdg) {
      if (a->level == level::goal) {
        if (const int g = xml_output::code_number(a->code, 17)) add_once(m.goals, g);
      } else if (a->level == level::target) {
        add_once(m.targets, a->code);
      }
    } else if (a->scheme == scheme::gcm && a->level == level::objective) {
      if (const int o = xml_output::code_number(a->code, gcm_objective_count())) add_once(m.objectives, o);
    } else if (a->scheme != scheme::gcm) {
      continue;
    }
    m.all.push_back(a);
  }
  std::sort(m.goals.begin(), m.goals.end());
  std::sort(m.objectives.begin(), m.objectives.end());
  std::stable_sort(m.targets.begin(), m.targets.end(), [](const std::string& a, const std::string& b) {
    return target_position(a) < target_position(b);
  });
  return m;
}

void page_start(std::string& out, const Site& site, std::string_view title, std::string_view root) {
  const std::string& lang = site.settings.language;
  out += "<!DOCTYPE html>\n<html" + lang_attributes(lang) + ">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  escape(out, title);
  out += "</title>\n<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"";
  out += root;
  out += "assets/site.css\">\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">";
  escape(out, label("skip", lang));
  out += "</a>\n<header class=\"site\">\n<p class=\"site-title\"><a href=\"";
  out += root;
  out += "index.html\">";
  escape(out, site.title());
  out += "</a></p>\n<nav aria-label=\"";
  escape(out, label("nav", lang));
  out += "\"><ul>";
  for (const auto& [href, key] : {std::pair<const char*, const char*>{"index.html", "home"},
                                  {"index.html#documents", "documents"},
                                  {"search.html", "search"}}) {
    out += "<li><a href=\"";
    out += root;
    out += href;
    out += "\">";
    escape(out, label(key, lang));
    out += "</a></li>";
  }
  out += "</ul></nav>\n<form class=\"site-search\" role=\"search\" action=\"";
  out += root;
  out += "search.html\"><label for=\"site-q\">";
  escape(out, label("search_label", lang));
  out += "</label> <input id=\"site-q\" name=\"q\" type=\"search\"> <button type=\"submit\">";
  escape(out, label("search_button", lang));
  out += "</button></form>\n</header>\n";
}

void page_end(std::string& out, const Site& site, std::string_view root, const std::vector<std::string>& scripts) {
  out += "<footer class=\"site\"><p>";
  escape(out, label("built", site.settings.language, {site.settings.built, site.settings.version}));
  out += "</p></footer>\n";
  for (const auto& s : scripts) {
    out += "<script src=\"";
    out += root;
    out += "assets/" + s + "\"></script>\n";
  }
  out += "</body>\n</html>\n";
}

void language_checkbox(std::string& out, const std::string& language, const std::string& attributes, bool checked) {
  out += "<label><input type=\"checkbox\" " + attributes + " value=\"";
  escape(out, language);
  out += checked ? "\" checked> <span" : "\"> <span";
  out += lang_attributes(language);
  out += ">";
  escape(out, language_name(language));
  out += "</span></label> ";
}

void write_index(const Site& site, std::ostream& stream) {
  const std::string& lang = site.settings.language;
  const auto& documents = site.view.documents();
  // First pass: what the filters offer, with counts.
  Counts counts;
  counts.documents.assign(documents.size(), 0);
  std::size_t total = 0;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const Document& doc = documents[d];
    const auto langs = document_languages(doc);
    const auto state = site.states.find(&doc);
    for (const Recommendation& rec : doc.recommendations) {
      ++total;
      ++counts.documents[d];
      const Mapped m = mapped(site.view, rec.address, site.settings.threshold);
      for (int g : m.goals) ++counts.goals[g];
      for (const auto& t : m.targets) ++counts.targets[{target_position(t), t}];
      for (int o : m.objectives) ++counts.objectives[o];
      std::set<std::string> keys;
      const auto count_state = [&](const std::string& name) {
        const std::string key = state_key(name);
        if (key.empty() || !keys.insert(key).second) return;
        Option& o = counts.states[key];
        if (o.text.empty()) o = {key, name, 0};
        ++o.count;
      };
      if (state != site.states.end()) count_state(state->second);
      for (const auto& s : rec.recommended_by) count_state(s);
      if (!rec.position.empty()) ++counts.positions[rec.position];
      for (const auto& l : langs) ++counts.languages[l];
    }
  }

  std::string out;
  page_start(out, site, site.title(), "");
  out += "<main id=\"main\">\n<h1>";
  escape(out, site.title());
  out += "</h1>\n<p class=\"summary\">";
  escape(out, label("summary", lang, {std::to_string(total), std::to_string(documents.size())}));
  out += "</p>\n<noscript><p>";
  escape(out, total > page_rows ? label("no_script_page", lang, {std::to_string(page_rows)}) : label("no_script", lang));
  out += "</p></noscript>\n";

  out += "<form id=\"filters\" class=\"filters\" aria-labelledby=\"filters-heading\">\n<h2 id=\"filters-heading\">";
  escape(out, label("filters", lang));
  out += "</h2>\n<div class=\"filter-grid\">\n";
  std::vector<Option> options;
  for (const auto& [g, n] : counts.goals)
    options.push_back({std::to_string(g), std::to_string(g) + " " + sdg_short_title(std::to_string(g), lang), n});
  filter_select(out, "f-goal", "goals", label("sdg_goal", lang), options, lang);
  options.clear();
  for (const auto& [t, n] : counts.targets) {
    std::string title = sdg_title(t.second, lang);
    if (title.size() > 90) title = title.substr(0, title.rfind(' ', 88)) + "\xE2\x80\xA6";
    options.push_back({t.second, t.second + (title.empty() ? "" : " " + title), n});
  }
  filter_select(out, "f-target", "targets", label("sdg_target", lang), options, lang);
  options.clear();
  for (const auto& [o, n] : counts.objectives)
    options.push_back({std::to_string(o), std::to_string(o) + " " + gcm_objective_title(o), n});
  filter_select(out, "f-gcm", "gcm", label("gcm_objective", lang), options, lang);
  options.clear();
  for (std::size_t d = 0; d < documents.size(); ++d)
    if (counts.documents[d] > 0) options.push_back({std::to_string(d), cited_name(documents[d]), counts.documents[d]});
  filter_select(out, "f-document", "doc", label("document", lang), options, lang);
  options.clear();
  for (const auto& [key, o] : counts.states) options.push_back(o);
  std::sort(options.begin(), options.end(), [](const Option& a, const Option& b) { return a.text < b.text; });
  filter_select(out, "f-state", "states", label("state", lang), options, lang);
  options.clear();
  for (const auto& [p, n] : counts.positions) options.push_back({p, position_label(p, lang), n});
  filter_select(out, "f-position", "pos", label("position", lang), options, lang);
  options.clear();
  for (const auto& [l, n] : counts.languages) options.push_back({l, language_name(l), n});
  filter_select(out, "f-language", "langs", label("language", lang), options, lang);
  out += "</div>\n<p><button type=\"submit\">";
  escape(out, label("apply", lang));
  out += "</button> <button type=\"reset\">";
  escape(out, label("reset", lang));
  out += "</button></p>\n</form>\n<p id=\"shown\" class=\"shown\" role=\"status\" aria-live=\"polite\" data-template=\"";
  escape(out, label("shown", lang));
  out += "\" data-rows=\"";
  escape(out, label("rows", lang));
  out += "\">";
  escape(out, label("shown", lang, {std::to_string(total), std::to_string(total)}) + " " +
                  label("rows", lang, {total ? "1" : "0", std::to_string(std::min(total, page_rows)), std::to_string(total)}));
  out += "</p>\n";

  // The matrix, one row per recommendation in corpus order (as the xlsx exporter's Matrix):
  // here its first page; assets/matrix-rows.js holds them all for site.js.
  const std::vector<std::string> heads = {label("recommendation", lang), label("citation", lang),
                                          label("document", lang),       label("states", lang),
                                          label("position", lang),       label("language", lang),
                                          label("sdgs", lang),           label("gcm_objectives", lang)};
  out += "<div class=\"table-wrap\"><table id=\"matrix\" class=\"matrix\" tabindex=\"-1\">\n<caption>";
  escape(out, label("home", lang));
  out += "</caption>\n<thead><tr>";
  for (const auto& h : heads) {
    out += "<th scope=\"col\">";
    escape(out, h);
    out += "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  std::size_t written = 0;
  for_each_row(site, [&](const MatrixRow& row) {
    if (written == page_rows) return false;
    ++written;
    row_html(out, site, row, heads);
    flush(out, stream);
    return true;
  });
  out += "</tbody>\n</table></div>\n<nav id=\"pages\" class=\"pages\" hidden aria-label=\"";
  escape(out, label("pages", lang));
  out += "\">";
  for (const char* key : {"first_page", "previous_page", "next_page", "last_page"}) {
    out += "<button type=\"button\" data-page=\"";
    out += key;
    out += "\">";
    escape(out, label(key, lang));
    out += "</button> ";
  }
  out += "</nav>\n";

  out += "<section id=\"documents\" aria-labelledby=\"documents-heading\">\n<h2 id=\"documents-heading\">";
  escape(out, label("documents", lang));
  out += "</h2>\n<ul class=\"documents\">\n";
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const Document& doc = documents[d];
    out += "<li><a href=\"documents/" + site.slugs[d] + ".html\">";
    escape(out, cited_name(doc));
    out += "</a>";
    if (!doc.title.empty() && doc.title != cited_name(doc)) {
      out += " <span";
      out += lang_attributes(doc.language);
      out += ">";
      escape(out, doc.title);
      out += "</span>";
    }
    if (!doc.date.empty()) {
      out += " <span class=\"date\">";
      escape(out, long_date(doc.date, lang));
      out += "</span>";
    }
    out += "</li>\n";
    flush(out, stream);
  }
  out += "</ul>\n</section>\n</main>\n";
  page_end(out, site, "", {"matrix-rows.js", "site.js"});
  flush(out, stream, true);
}

std::vector<std::string> search_languages(const Site& site) {
  std::vector<std::string> out;
  for (const Document& doc : site.view.documents()) {
    add_once(out, doc.language);
    for (const Document& v : doc.versions) add_once(out, v.language);
  }
  return out;
}

std::string search_file(const std::string& language) {
  return "search-index-" + (language.empty() ? std::string("und") : slugify(language)) + ".js";
}

void write_search_page(const Site& site, const std::vector<std::string>& languages, std::ostream& stream) {
  const std::string& lang = site.settings.language;
  std::string out;
  page_start(out, site, label("search_label", lang), "");
  out += "<main id=\"main\">\n<h1>";
  escape(out, label("search", lang));
  out += "</h1>\n<form id=\"search\" class=\"search\" role=\"search\" data-none=\"";
  escape(out, label("search_none", lang));
  out += "\" data-count=\"";
  escape(out, label("search_count", lang));
  out += "\" data-first=\"";
  escape(out, label("search_first", lang));
  // By default the site's language when documents are in it, else all of them.
  const bool site_language = std::any_of(languages.begin(), languages.end(),
                                         [&](const std::string& l) { return label_language(l) == lang; });
  out += "\"><p><label for=\"q\">";
  escape(out, label("search_label", lang));
  out += "</label> <input id=\"q\" name=\"q\" type=\"search\" aria-describedby=\"search-help\"> <button type=\"submit\">";
  escape(out, label("search_button", lang));
  out += "</button></p>\n<fieldset class=\"search-languages\"";
  if (languages.size() < 2) out += " hidden";
  out += "><legend>";
  escape(out, label("search_in", lang));
  out += "</legend>";
  for (const std::string& l : languages) {
    const bool checked = !site_language || label_language(l) == lang;
    language_checkbox(out, l, "name=\"lang\" data-file=\"" + search_file(l) + "\"", checked);
  }
  out += "</fieldset>\n<p id=\"search-help\" class=\"help\">";
  escape(out, label("search_help", lang));
  out += "</p></form>\n<noscript><p>";
  escape(out, label("no_script", lang));
  out += "</p></noscript>\n<p id=\"search-status\" role=\"status\" aria-live=\"polite\"></p>\n"
         "<ol id=\"results\" class=\"results\"></ol>\n</main>\n";
  page_end(out, site, "", {"search-index.js", "search.js"});
  flush(out, stream, true);
}

void write_search_index(const Site& site, const std::vector<std::string>& languages, std::ostream& stream) {
  const auto& documents = site.view.documents();
  std::string out = "// The search index of the site, built by Dossier's html exporter: the documents as\n"
                    "// [page, name]; each language's entries are in search-index-<language>.js.\n"
                    "window.dossierSearch = {\"documents\": [\n";
  for (std::size_t d = 0; d < documents.size(); ++d) {
    out += d ? ",\n[" : "[";
    js_string(out, site.slugs[d]);
    out += ", ";
    js_string(out, cited_name(documents[d]));
    out += "]";
    flush(out, stream);
  }
  out += "],\n\"languages\": [";
  for (std::size_t l = 0; l < languages.size(); ++l) {
    if (l) out += ", ";
    js_string(out, languages[l]);
  }
  out += "],\n\"entries\": {},\nadd: function (language, entries) { this.entries[language] = entries; }};\n";
  flush(out, stream, true);
}

void write_search_entries(const Site& site, const std::string& language, std::ostream& stream) {
  const auto& documents = site.view.documents();
  const std::string citation_language = label_language(language).empty() ? "en" : label_language(language);
  std::string out = "// The search index of the site in one language: [document, anchor, citation, text].\n"
                    "window.dossierSearch.add(";
  js_string(out, language);
  out += ", [\n";
  bool first = true;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const Document& doc = documents[d];
    const auto entries = [&](const Document& version) {
      if (version.language != language) return;
      for (const Block& b : version.blocks) {
        if (b.text.empty()) continue;
        out += first ? "[" : ",\n[";
        first = false;
        out += std::to_string(d) + ", ";
        js_string(out, anchor_of(doc, b.address));
        out += ", ";
        js_string(out, human_citation(doc, b.address, citation_language));
        out += ", ";
        js_string(out, b.text);
        out += "]";
        flush(out, stream);
      }
    };
    entries(doc);
    for (const Document& v : doc.versions) entries(v);
  }
  out += "]);\n";
  flush(out, stream, true);
}

void write_matrix_rows(const Site& site, std::ostream& stream) {
  const std::string& lang = site.settings.language;
  const auto& documents = site.view.documents();
  std::string out = "// The rows of the site's matrix for assets/site.js, built by Dossier's html exporter\n"
                    "// (docs/exporters/html.md): a script, as pages opened from file:// cannot fetch JSON.\n"
                    "window.dossierMatrix = {\"page\": " + std::to_string(page_rows) + ",\n\"documents\": [\n";
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const auto languages = document_languages(documents[d]);
    std::string names;
    for (const auto& l : languages) names += (names.empty() ? "" : ", ") + language_name(l);
    out += d ? ",\n[" : "[";
    js_string(out, cited_name(documents[d]));
    js_fields(out, names, languages);
    out += "]";
    flush(out, stream);
  }
  out += "],\n\"rows\": [\n";
  // [document, text, its language, kind, link, citation, [States lines], position, [goals],
  //  [targets], [objectives], [State keys]]
  std::set<std::string> text_languages, positions, targets;
  std::set<int> goals, objectives;
  bool first = true;
  for_each_row(site, [&](const MatrixRow& row) {
    out += first ? "[" : ",\n[";
    first = false;
    out += std::to_string(row.document);
    js_fields(out, row.text, row.text_language, row.kind, row.href, row.citation, row.states, row.position, row.goals,
              row.m.targets, row.objectives, row.keys);
    out += "]";
    text_languages.insert(row.text_language);
    positions.insert(row.position);
    goals.insert(row.m.goals.begin(), row.m.goals.end());
    targets.insert(row.m.targets.begin(), row.m.targets.end());
    objectives.insert(row.m.objectives.begin(), row.m.objectives.end());
    flush(out, stream);
    return true;
  });
  // What the cells show of the codes, by code.
  const auto entries = [&](const char* name, const auto& keys, const auto& text) {
    out += "},\n\"";
    out += name;
    out += "\": {";
    bool none = true;
    for (const auto& k : keys) {
      if (!none) out += ",";
      none = false;
      std::ostringstream key;
      key << k;
      js_string(out, key.str());
      out += ":";
      js_string(out, text(k));
    }
  };
  out += "],\n\"rtl\": {";
  bool none = true;
  for (const auto& l : text_languages)
    if (right_to_left(l)) {
      if (!none) out += ",";
      none = false;
      js_string(out, l);
      out += ":1";
    }
  entries("positions", positions, [&](const std::string& p) { return position_label(p, lang); });
  entries("goals", goals, [&](int g) { return sdg_short_title(std::to_string(g), lang); });
  entries("targets", targets, [&](const std::string& t) { return sdg_title(t, lang); });
  entries("objectives", objectives, [&](int o) { return gcm_objective_title(o); });
  out += "},\n\"labels\": {\"goal\": ";
  js_string(out, label("sdg_short", lang));
  out += ", \"objective\": ";
  js_string(out, label("objective_short", lang));
  out += "}};\n";
  flush(out, stream, true);
}

}  // namespace dossier::html
