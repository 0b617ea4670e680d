// One document's page (site.hpp): its metadata, its sections and blocks with an anchor each,
// what each recommendation says and maps to with the evidence, and its language versions
// side by side.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include <dossier/domain/citation.hpp>
#include <dossier/domain/reference_data.hpp>
#include <dossier/domain/upr.hpp>
#include <dossier/domain/wording.hpp>

#include "html_text.hpp"
#include "labels.hpp"
#include "mapping_names.hpp"
#include "site.hpp"

namespace dossier::html {

namespace {

// One language version of the document and its blocks by address.
struct Version {
  const Document* document;
  std::unordered_map<std::string_view, const Block*> blocks;
};

// "SDG 10.7: Facilitate orderly ..." / "GCM objective 6: Foster fair ..." in `language`.
std::string mapping_words(const Annotation& a, std::string_view language) {
  if (a.scheme == scheme::sdg) {
    const std::string title = sdg_title(a.code, language);
    return label("sdg_short", language, {a.code}) + (title.empty() ? "" : ": " + title);
  }
  if (a.scheme == scheme::gcm && a.level == level::objective) {
    const std::string title = gcm_objective_title(xml_output::code_number(a.code, gcm_objective_count()));
    return label("gcm_objective", language) + " " + a.code + (title.empty() ? "" : ": " + title);
  }
  return xml_output::mapping_label(a.scheme, a.code, language);
}

// Goals, then targets (in official order), indicators, GCM objectives, clusters; by number.
std::pair<int, int> mapping_order(const Annotation& a) {
  int number = 0;
  for (char c : a.code) {
    if (c < '0' || c > '9') break;
    number = number * 10 + (c - '0');
  }
  if (a.scheme == scheme::sdg) {
    if (a.level == level::goal) return {0, number};
    if (a.level == level::target) {
      const auto& codes = sdg_target_codes();
      return {1, static_cast<int>(std::find(codes.begin(), codes.end(), a.code) - codes.begin())};
    }
    return {2, number};
  }
  return {a.level == level::objective ? 3 : 4, number};
}

class PageWriter {
 public:
  PageWriter(const Site& site, std::size_t index, std::ostream& stream)
      : site_(site), doc_(site.view.documents()[index]), lang_(site.settings.language), stream_(stream) {
    versions_.push_back({&doc_, {}});
    for (const Document& v : doc_.versions) versions_.push_back({&v, {}});
    for (Version& v : versions_)
      for (const Block& b : v.document->blocks) v.blocks.emplace(b.address, &b);
    for (const Recommendation& r : doc_.recommendations) recommendations_.emplace(r.address, &r);
    const auto state = site.states.find(&doc_);
    if (state != site.states.end()) state_ = state->second;
  }

  void write() {
    page_start(out_, site_, cited_name(doc_), "../");
    // The title in the site's language when the document has a version in it.
    const Document* titled = in_language(doc_, lang_);
    if (!titled || titled->title.empty()) titled = &doc_;
    out_ += "<main id=\"main\">\n<article class=\"document\">\n<h1";
    out_ += lang_attributes(titled->language);
    out_ += ">";
    escape(out_, titled->title.empty() ? cited_name(doc_) : titled->title);
    out_ += "</h1>\n";
    metadata();
    version_choice();
    contents();
    out_ += "<div class=\"blocks\">\n";
    std::size_t next_section = 0;
    for (const Block& b : doc_.blocks) {
      for (; b.section >= 0 && next_section <= static_cast<std::size_t>(b.section); ++next_section)
        section_heading(next_section);
      block(b);
      flush();
    }
    for (; next_section < doc_.sections.size(); ++next_section) section_heading(next_section);
    out_ += "</div>\n";
    footnotes();
    out_ += "</article>\n</main>\n";
    page_end(out_, site_, "../", {"site.js"});
    flush(true);
  }

 private:
  void flush(bool always = false) {
    if (!always && out_.size() < (1u << 16)) return;
    stream_.write(out_.data(), static_cast<std::streamsize>(out_.size()));
    out_.clear();
  }

  void item(const std::string& key, const std::string& value, std::string_view value_language = {}) {
    if (value.empty()) return;
    out_ += "<dt>";
    escape(out_, label(key, lang_));
    out_ += "</dt><dd";
    out_ += lang_attributes(value_language);
    out_ += ">";
    escape(out_, value);
    out_ += "</dd>\n";
  }

  void metadata() {
    out_ += "<dl class=\"meta\">\n";
    item("symbol", doc_.symbol);
    item("date", long_date(doc_.date, lang_));
    item("place", doc_.place);
    item("body", doc_.body);
    if (!state_.empty()) item("state", state_);
    std::string languages;
    for (const Version& v : versions_)
      languages += (languages.empty() ? "" : ", ") + language_name(v.document->language);
    item(versions_.size() > 1 ? "languages" : "language", languages);
    std::size_t numbered = 0;
    for (const Block& b : doc_.blocks) numbered += b.kind == BlockKind::numbered_paragraph;
    if (numbered) item("count_paragraphs", std::to_string(numbered));
    item("count_recommendations", std::to_string(doc_.recommendations.size()));
    const std::string link = document_link(doc_, lang_);
    if (!link.empty()) {
      out_ += "<dt>";
      escape(out_, label("read_at", lang_));
      out_ += "</dt><dd><a href=\"";
      escape(out_, link);
      out_ += "\">";
      escape(out_, link);
      out_ += "</a></dd>\n";
    }
    out_ += "</dl>\n";
  }

  // Which versions show side by side: check boxes (assets/site.js), by default the
  // document's language and the site's (or the first other version).
  void version_choice() {
    if (versions_.size() < 2) return;
    std::vector<std::string> shown = {doc_.language};
    const auto in_site_language =
        std::find_if(versions_.begin(), versions_.end(), [&](const Version& v) {
          return label_language(v.document->language) == lang_;
        });
    shown.push_back(in_site_language != versions_.end() && in_site_language->document != &doc_
                        ? in_site_language->document->language
                        : versions_[1].document->language);
    out_ += "<fieldset class=\"versions\" data-shown=\" ";
    escape(out_, shown[0] + " " + shown[1]);
    out_ += " \"><legend>";
    escape(out_, label("versions", lang_));
    out_ += "</legend>";
    for (const Version& v : versions_) language_checkbox(out_, v.document->language, "", true);
    out_ += "</fieldset>\n";
  }

  std::string section_text(std::size_t s) const {
    const Section& section = doc_.sections[s];
    return section.label.empty() ? section.title : section.title.empty() ? section.label : section.label + " " + section.title;
  }

  int depth(std::size_t s) const {
    int d = 1;
    for (int p = doc_.sections[s].parent; p >= 0 && d < 5; p = doc_.sections[static_cast<std::size_t>(p)].parent) ++d;
    return d;
  }

  void contents() {
    std::vector<std::size_t> top;
    for (std::size_t s = 0; s < doc_.sections.size(); ++s)
      if (doc_.sections[s].parent < 0) top.push_back(s);
    if (top.size() < 2) return;
    out_ += "<nav class=\"contents\" aria-labelledby=\"contents-heading\"><h2 id=\"contents-heading\">";
    escape(out_, label("contents", lang_));
    out_ += "</h2><ul>";
    for (std::size_t s : top) {
      out_ += "<li><a href=\"#sec-" + std::to_string(s) + "\"";
      out_ += lang_attributes(doc_.language);
      out_ += ">";
      escape(out_, section_text(s));
      out_ += "</a></li>";
    }
    out_ += "</ul></nav>\n";
  }

  void section_heading(std::size_t s) {
    const std::string h = "h" + std::to_string(depth(s) + 1);
    out_ += "<" + h + " id=\"sec-" + std::to_string(s) + "\"";
    out_ += lang_attributes(doc_.language);
    out_ += ">";
    escape(out_, section_text(s));
    out_ += "</" + h + ">\n";
  }

  std::string unique_anchor(const Block& b) {
    std::string anchor = anchor_of(doc_, b.address);
    if (anchor.empty()) anchor = "block";
    std::string id = anchor;
    for (int n = 2; !anchors_.insert(id).second; ++n) id = anchor + "-" + std::to_string(n);
    return id;
  }

  // The footnote a block cites by `label`: the one anchored at the block, else the first so labelled.
  int footnote_of(const Block& b, const std::string& note) const {
    int found = -1;
    for (std::size_t i = 0; i < doc_.footnotes.size(); ++i) {
      const Footnote& f = doc_.footnotes[i];
      if (f.label != note) continue;
      if (found < 0) found = static_cast<int>(i);
      if (std::find(f.anchors.begin(), f.anchors.end(), b.address) != f.anchors.end()) return static_cast<int>(i);
    }
    return found;
  }

  void text_of(const Block& b, bool original) {
    if (b.kind == BlockKind::table) {
      out_ += "<table class=\"cells\"><tbody>";
      for (const auto& row : b.cells) {
        out_ += "<tr>";
        for (const auto& c : row) {
          out_ += "<td>";
          escape(out_, c);
          out_ += "</td>";
        }
        out_ += "</tr>";
      }
      out_ += "</tbody></table>";
      if (b.cells.empty()) {
        out_ += "<p>";
        escape(out_, b.text);
        out_ += "</p>";
      }
      return;
    }
    out_ += b.kind == BlockKind::heading ? "<p class=\"heading\">" : "<p>";
    if (!b.marker.empty() && b.kind == BlockKind::list_item) {
      out_ += "<span class=\"marker\">";
      escape(out_, b.marker);
      out_ += "</span> ";
    }
    escape(out_, b.text);
    if (original) {
      bool first = true;
      for (const auto& note : b.footnote_refs) {
        const int f = footnote_of(b, note);
        if (f < 0) continue;
        out_ += first ? "<sup class=\"refs\">" : ", ";
        first = false;
        out_ += "<a href=\"#note-" + std::to_string(f) + "\">";
        escape(out_, note);
        out_ += "</a>";
      }
      if (!first) out_ += "</sup>";
    }
    out_ += "</p>";
  }

  void block(const Block& b) {
    const std::string id = unique_anchor(b);
    const auto rec = recommendations_.find(b.address);
    out_ += "<div class=\"block";
    if (rec != recommendations_.end()) out_ += " recommendation";
    out_ += "\" id=\"" + id + "\">\n<a class=\"self\" href=\"#" + id + "\" aria-label=\"";
    const std::string place = human_place(doc_, b.address, lang_);
    escape(out_, label("link_here", lang_, {place.empty() ? cited_name(doc_) : place}));
    out_ += "\">";
    escape(out_, b.kind == BlockKind::numbered_paragraph && !b.number.empty() ? b.number : "\xC2\xB6");
    out_ += "</a>\n<div class=\"texts\">";
    for (const Version& v : versions_) {
      const auto found = v.blocks.find(b.address);
      out_ += "<div class=\"text\" data-lang=\"";
      escape(out_, v.document->language);
      out_ += "\"";
      out_ += lang_attributes(v.document->language);
      out_ += ">";
      if (found != v.blocks.end()) {
        text_of(*found->second, v.document == &doc_);
      } else {
        out_ += "<p class=\"missing\">";
        escape(out_, label("not_in_version", lang_));
        out_ += "</p>";
      }
      out_ += "</div>";
    }
    out_ += "</div>\n";
    about(b, rec == recommendations_.end() ? nullptr : rec->second);
    out_ += "</div>\n";
  }

  // What a recommendation is, whom it addresses, the position taken on it, and what the block
  // maps to with the evidence.
  void about(const Block& b, const Recommendation* rec) {
    const Mapped m = mapped(site_.view, b.address, site_.settings.threshold);
    if (!rec && m.all.empty()) return;
    out_ += "<div class=\"about\">";
    if (rec) {
      std::string what = kind_label(rec->kind, lang_);
      if (!what.empty()) what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
      if (!rec->addressee.empty()) what += ", " + label("addressed_to", lang_, {rec->addressee});
      if (!rec->position.empty()) what += "; " + position_label(rec->position, lang_);
      if (!rec->recommended_by.empty()) {
        std::string by;
        for (const auto& s : rec->recommended_by) by += (by.empty() ? "" : ", ") + s;
        what += "; " + label("recommended_by", lang_, {by});
      }
      if (!rec->position_source.empty())
        if (const Document* other = site_.view.document_of(rec->position_source))
          what += "; " + label("given_in", lang_, {human_citation(*other, rec->position_source, lang_)});
      out_ += "<p class=\"rec\">";
      escape(out_, what);
      out_ += "</p>";
      if (!rec->position_note.empty()) {
        out_ += "<p class=\"note\"";
        out_ += lang_attributes(doc_.language);
        out_ += ">";
        escape(out_, rec->position_note);
        out_ += "</p>";
      }
    }
    if (!m.all.empty()) {
      // One entry per scheme and code: the highest score, every line of evidence once.
      struct Entry {
        const Annotation* first;
        double score;
        std::vector<std::string> evidence;
      };
      std::vector<Entry> entries;
      for (const Annotation* a : m.all) {
        auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) {
          return e.first->scheme == a->scheme && e.first->code == a->code && e.first->level == a->level;
        });
        if (it == entries.end()) it = entries.insert(entries.end(), Entry{a, a->score, {}});
        it->score = std::max(it->score, a->score);
        for (const auto& line : a->evidence)
          if (std::find(it->evidence.begin(), it->evidence.end(), line) == it->evidence.end())
            it->evidence.push_back(line);
      }
      std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return mapping_order(*a.first) < mapping_order(*b.first);
      });
      out_ += "<p class=\"maps-heading\">";
      escape(out_, label("mappings", lang_));
      out_ += "</p><ul class=\"maps\">";
      for (const Entry& e : entries) {
        out_ += "<li><span class=\"map\">";
        escape(out_, mapping_words(*e.first, lang_));
        out_ += "</span> <span class=\"score\">(";
        escape(out_, label("score", lang_, {score_text(e.score)}));
        out_ += ")</span>";
        if (!e.evidence.empty()) {
          out_ += "<details class=\"evidence\"><summary>";
          escape(out_, label("evidence", lang_));
          out_ += "</summary><ul>";
          for (const auto& line : e.evidence) {
            out_ += "<li>";
            escape(out_, line);
            out_ += "</li>";
          }
          out_ += "</ul></details>";
        }
        out_ += "</li>";
      }
      out_ += "</ul>";
    }
    out_ += "</div>\n";
  }

  void footnotes() {
    if (doc_.footnotes.empty()) return;
    out_ += "<section class=\"notes\" aria-labelledby=\"notes-heading\"><h2 id=\"notes-heading\">";
    escape(out_, label("footnotes", lang_));
    out_ += "</h2>\n<ul>\n";
    for (std::size_t i = 0; i < doc_.footnotes.size(); ++i) {
      const Footnote& f = doc_.footnotes[i];
      out_ += "<li id=\"note-" + std::to_string(i) + "\"";
      out_ += lang_attributes(doc_.language);
      out_ += "><span class=\"marker\">";
      escape(out_, f.label);
      out_ += "</span> ";
      escape(out_, f.text);
      out_ += "</li>\n";
      flush();
    }
    out_ += "</ul></section>\n";
  }

  const Site& site_;
  const Document& doc_;
  const std::string& lang_;
  std::ostream& stream_;
  std::string out_;
  std::string state_;
  std::vector<Version> versions_;
  std::unordered_map<std::string_view, const Recommendation*> recommendations_;
  std::set<std::string> anchors_;
};

}  // namespace

void write_document_page(const Site& site, std::size_t document, std::ostream& out) {
  PageWriter(site, document, out).write();
}

}  // namespace dossier::html
