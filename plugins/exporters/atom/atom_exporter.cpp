// Writes atom.xml: an Atom 1.0 feed (RFC 4287) of the recommendations that are new or
// changed since the previous build of the same job (docs/exporters/atom.md).
//
// What changed comes from the host's build history (Context::history()); without one (no
// store, `dossier run`) every recommendation is new, as on a first build. Entry ids depend
// only on the job and the recommendation's address, so a subscriber sees a changed
// recommendation as the same entry, updated.
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <dossier/domain/citation.hpp>
#include <dossier/domain/write_errors.hpp>
#include <dossier/dossier.hpp>

#include "mapping_names.hpp"
#include "xml_output.hpp"

namespace {

using namespace dossier;
using xml_output::Builder;

constexpr const char* atom_namespace = "http://www.w3.org/2005/Atom";
constexpr const char* change_scheme = "https://dossier.example.org/ns/change";

/// The first words of `text`, at most about `limit` bytes, ending at a word with "…" when cut.
std::string first_words(const std::string& text, std::size_t limit = 90) {
  if (text.size() <= limit) return text;
  std::size_t cut = text.rfind(' ', limit);
  if (cut == std::string::npos || cut < limit / 2) {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // a whole character
  }
  std::string out = text.substr(0, cut);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';' || out.back() == ':')) out.pop_back();
  return out + "\xE2\x80\xA6";
}

class AtomExporter final : public Exporter {
 public:
  static constexpr OptionSpec options[] = {
      {"title", OptionType::text, "", "the feed's title (default: \"Dossier JOB: new and changed recommendations\")"},
      {"author", OptionType::text, "", "the feed's author (default: \"Dossier job JOB\")"},
      {"id_base", OptionType::text, "tag:dossier.example.org,2026:", "prefix of entry ids"},
      {"base_url", OptionType::text, "", "where the outputs are published, for links"},
      {"min_score", OptionType::number, "0", "leave out mappings scoring below"},
  };

  static constexpr const char* default_file = "atom.xml";

  void write(const CorpusView& view, const std::string& file_name, OutputSink& out, Context& context) override {
    const Corpus& corpus = view.corpus();
    const auto& options = context.options();
    const auto& build = context.build();
    const BuildHistory& history = context.history();
    const std::string job = build.job_name.empty() ? "dossier" : build.job_name;
    const std::string id_base = options.get("id_base", "tag:dossier.example.org,2026:");
    const std::string base_url = options.get("base_url");
    const double min_score = options.get_double("min_score", 0.0);
    const std::string language = build.language.empty() ? "en" : build.language;
    if (!history.available())
      context.info("no build history (no store, or `dossier run`): every recommendation is listed as new");
    else if (!history.has_previous())
      context.info("first recorded build of job '" + job + "': every recommendation is listed as new");

    Builder b;
    OutputFile& file = out.create(file_name);
    std::ostream& os = output_stream(file);
    xml_output::open_root(os, "feed", {{"xmlns", atom_namespace}, {"xml:lang", language}}, b);
    {
      pugi::xml_document head;
      b.element(head, "id", id_base + percent_encode(job));
      b.element(head, "title", options.get("title", "Dossier " + job + ": new and changed recommendations"));
      b.element(head, "updated", xml_output::rfc3339(build.build_time));
      pugi::xml_node generator = b.element(head, "generator", "Dossier");
      b.attr(generator, "version", build.host_version);
      b.element(head.append_child("author"), "name", options.get("author", "Dossier job " + job));
      if (!base_url.empty()) {
        pugi::xml_node self = head.append_child("link");
        b.attr(self, "rel", "self");
        b.attr(self, "href", base_url + file_name);
      }
      for (pugi::xml_node n = head.first_child(); n; n = n.next_sibling()) xml_output::print(n, os, 1);
    }

    std::set<std::string_view> written;
    std::size_t added = 0, changed = 0;
    for (const Document& doc : corpus.documents) {
      for (const Recommendation& r : doc.recommendations) {
        ItemHistory h = history.recommendation(r.address);
        if (h.change == Change::unchanged || !written.insert(r.address).second) continue;
        if (!h.first_seen) h.first_seen = build.build_time;
        if (!h.last_changed) h.last_changed = build.build_time;
        (h.change == Change::added ? added : changed) += 1;

        pugi::xml_document tree;
        pugi::xml_node e = tree.append_child("entry");
        b.element(e, "id", id_base + percent_encode(job) + "/" + percent_encode(r.address, "/"));
        // Words a feed reader can list: the citation as people write it, then how it begins.
        b.element(e, "title", human_citation(doc, r.address, language) + " \xE2\x80\x94 " + first_words(r.text));
        b.element(e, "updated", xml_output::rfc3339(h.last_changed));
        b.element(e, "published", xml_output::rfc3339(h.first_seen));
        // Where to read it: its document (the UN's system, or the catalogue's URL); else the
        // outputs' own address when given.
        if (const std::string href = document_link(doc, language); !href.empty())
          link(e, "alternate", href, cited_name(doc), b);
        else if (!base_url.empty())
          link(e, "alternate", base_url + percent_encode(r.address, "/"), human_citation(doc, r.address, language), b);
        // The UN documents the recommendation itself cites.
        std::set<std::string> cited{doc.symbol};
        for (const Reference& ref : doc.references)
          if (ref.type == dossier::reference_type::un_symbol && ref.address == r.address && cited.insert(ref.id).second)
            link(e, "related", un_document_link(ref.id, language), ref.id, b);
        // Its SDG and GCM codes, in code order, the highest score of each kept.
        std::map<std::pair<std::string, std::string>, const Annotation*> categories;
        for (const Annotation* a : view.annotations_of(r.address)) {
          if ((a->scheme != dossier::scheme::sdg && a->scheme != dossier::scheme::gcm) || a->score < min_score) continue;
          auto& slot = categories[{a->scheme, a->code}];
          if (!slot || slot->score < a->score) slot = a;
        }
        for (const auto& [key, a] : categories) category(e, *a, language, b);
        pugi::xml_node state = e.append_child("category");
        b.attr(state, "term", to_string(h.change));
        b.attr(state, "scheme", change_scheme);
        if (!r.kind.empty()) b.attr(b.element(e, "category"), "term", r.kind);
        pugi::xml_node content = b.element(e, "content", r.text);
        b.attr(content, "type", "text");
        xml_output::print(e, os, 1);
      }
    }
    xml_output::close_root(os, "feed");
    finish_output(file);
    b.report(context, file_name);
    context.info("wrote " + std::to_string(added + changed) + " entries (" + std::to_string(added) + " new, " +
                 std::to_string(changed) + " changed)");
  }

 private:
  static void link(pugi::xml_node entry, const char* rel, const std::string& href, const std::string& title, Builder& b) {
    pugi::xml_node l = entry.append_child("link");
    b.attr(l, "rel", rel);
    b.attr(l, "href", href);
    b.attr(l, "title", title);
  }

  static void category(pugi::xml_node entry, const Annotation& a, const std::string& language, Builder& b) {
    pugi::xml_node c = entry.append_child("category");
    b.attr(c, "term", a.code);
    b.attr(c, "scheme", xml_output::mapping_scheme_uri(a.scheme));
    b.attr(c, "label", xml_output::mapping_label(a.scheme, a.code, language));
  }
};

}  // namespace

DOSSIER_PLUGIN(exporter, AtomExporter, "atom", "0.1.0",
               "Atom 1.0 feed (atom.xml) of recommendations new or changed since the job's previous build")
