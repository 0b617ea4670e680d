// The `html` exporter: a static site of the corpus that a secretariat can publish as it is
// (docs/exporters/html.md): index.html (the recommendation matrix and its filters),
// documents/<slug>.html (one page per document, an anchor per paragraph, language versions
// side by side), search.html over assets/search-index*.js, and the CSS and JavaScript it
// needs, written from copies compiled into the plugin. Nothing is fetched from the network.
#include <string>

#include <dossier/domain/citation.hpp>
#include <dossier/domain/file_names.hpp>
#include <dossier/domain/upr.hpp>
#include <dossier/domain/wording.hpp>
#include <dossier/domain/write_errors.hpp>
#include <dossier/dossier.hpp>

#include "assets.hpp"
#include "document_files.hpp"
#include "labels.hpp"
#include "site.hpp"

namespace {

using namespace dossier;

class HtmlExporter final : public Exporter {
 public:
  static constexpr const char* needs[] = {"sdg", "gcm"};  // the matrix's goals, targets and objectives
  static constexpr OptionSpec options[] = {
      {"language", OptionType::text, "", "language of labels, titles and citations: en, fr, es, ru, ar or zh (default: the job's)"},
      {"title", OptionType::text, "", "the site's title (default: \"Recommendations mapped to the SDGs and the GCM\" in the language)"},
      {"threshold", OptionType::number, "0", "lowest score shown, 0 to 1"},
  };

  static constexpr const char* default_file = "site";
  // The folder takes the language when it is not the job's: "site-ar".
  static constexpr const char* file_names = "{stem}{-language}";

  void write(const CorpusView& view, const std::string& file_name, OutputSink& out, Context& context) override {
    const Options& o = context.options();
    const std::string requested = o.get("language", context.build().language);
    html::Settings settings;
    settings.language = html::label_language(requested);
    if (settings.language.empty()) {
      context.warn("no labels in language '" + requested + "' (there are en, fr, es, ru, ar, zh): labels in English");
      settings.language = "en";
    }
    settings.title = o.get("title");
    settings.threshold = o.get_double("threshold", 0);
    if (settings.threshold < 0 || settings.threshold > 1) throw std::invalid_argument("option 'threshold' must be 0..1");
    settings.built = long_date(format_utc(context.build().build_time, "%Y-%m-%d"), settings.language);
    settings.version = context.build().host_version;

    const std::string name_language = requested == context.build().language ? "" : requested;
    const std::string folder = file_name_from(file_names, file_name, default_file, {{"language", name_language}});

    html::Site site{view, settings, xml_output::document_file_names(view.corpus()), {}};
    for (const UprReport& r : upr_reports(view.documents())) site.states.emplace(r.document, r.state);

    const auto write_file = [&](const std::string& name, const auto& writer) {
      OutputFile& file = out.create(folder + "/" + name);
      writer(output_stream(file));
      finish_output(file);
    };
    for (const html::Asset& a : html::embedded_assets())
      write_file("assets/" + std::string(a.name), [&](std::ostream& s) { s.write(a.bytes.data(), static_cast<std::streamsize>(a.bytes.size())); });
    write_file("index.html", [&](std::ostream& s) { html::write_index(site, s); });
    write_file("assets/matrix-rows.js", [&](std::ostream& s) { html::write_matrix_rows(site, s); });
    const std::vector<std::string> languages = html::search_languages(site);
    write_file("search.html", [&](std::ostream& s) { html::write_search_page(site, languages, s); });
    write_file("assets/search-index.js", [&](std::ostream& s) { html::write_search_index(site, languages, s); });
    for (const std::string& l : languages)
      write_file("assets/" + html::search_file(l), [&](std::ostream& s) { html::write_search_entries(site, l, s); });
    for (std::size_t d = 0; d < view.documents().size(); ++d)
      write_file("documents/" + site.slugs[d] + ".html", [&](std::ostream& s) { html::write_document_page(site, d, s); });
    context.info("wrote " + folder + "/: index.html, search.html and " + std::to_string(view.documents().size()) +
                 " document pages");
  }
};

}  // namespace

DOSSIER_PLUGIN(exporter, HtmlExporter, "html", "0.1.0",
               "A static site (site/index.html): the recommendation matrix with filters, a page per document with "
               "paragraph anchors and language versions side by side, and search; no server, no network")
