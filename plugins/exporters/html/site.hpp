// The static site the html exporter writes (docs/exporters/html.md): what its pages share,
// and the writers of each kind of file.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <dossier/corpus_view.hpp>

namespace dossier::html {

struct Settings {
  std::string language = "en";  ///< of labels, titles and citations: en, fr, es, ru, ar, zh
  double threshold = 0;         ///< lowest score shown
  std::string title;            ///< of the site; empty: the label "site_title"
  std::string built;            ///< the build's date in words
  std::string version;          ///< Dossier's
};

/// What every page needs: the corpus, the settings and each document's page name.
struct Site {
  const CorpusView& view;
  Settings settings;
  std::vector<std::string> slugs;                 ///< per document: documents/<slug>.html
  std::map<const Document*, std::string> states;  ///< UPR reports: the State under review
  std::string title() const;
  std::size_t document_index(const Document* document) const;
};

/// The SDG and GCM annotations of one address scoring at least the threshold, by kind, in
/// corpus order. Goals and objectives are those the xlsx exporter's Matrix and GCM sheets
/// show (codes 1-17, 1-23).
struct Mapped {
  std::vector<int> goals;                  ///< distinct, ascending
  std::vector<std::string> targets;        ///< distinct, in official order
  std::vector<int> objectives;             ///< distinct, ascending
  std::vector<const Annotation*> all;      ///< every sdg and gcm annotation shown, for the evidence
};
Mapped mapped(const CorpusView& view, std::string_view address, double threshold);

/// The head of a page and the site's header; `root` leads from the page to the site's folder
/// ("" or "../"); `language` is the page's. page_end() closes it, with the scripts in `scripts`.
void page_start(std::string& out, const Site& site, std::string_view title, std::string_view root);
void page_end(std::string& out, const Site& site, std::string_view root, const std::vector<std::string>& scripts);

/// A check box for `language` labelled with its name in its own words: `attributes` (name,
/// data-*) go on the input.
void language_checkbox(std::string& out, const std::string& language, const std::string& attributes, bool checked);

/// Rows of the matrix on a page (index.html carries the first).
constexpr std::size_t page_rows = 100;
/// index.html: the recommendation matrix with its filters and its first page of rows, and the
/// list of documents.
void write_index(const Site& site, std::ostream& out);
/// assets/matrix-rows.js: every row of the matrix as data, a script that sets
/// window.dossierMatrix; assets/site.js filters them and shows them a page at a time.
void write_matrix_rows(const Site& site, std::ostream& out);
/// The languages of the documents and their versions, in order of appearance ("" for a
/// document without one).
std::vector<std::string> search_languages(const Site& site);
/// The file of the search index of one of search_languages(): "search-index-en.js".
std::string search_file(const std::string& language);
/// search.html: the search form, the languages to search, and the results (filled by
/// assets/search.js).
void write_search_page(const Site& site, const std::vector<std::string>& languages, std::ostream& out);
/// assets/search-index.js: the documents and the languages, as a script that sets
/// window.dossierSearch (pages opened from file:// cannot fetch JSON).
void write_search_index(const Site& site, const std::vector<std::string>& languages, std::ostream& out);
/// assets/search-index-<language>.js: every block in `language` of every document and
/// version, as a script that hands them to window.dossierSearch.add(); the search page loads
/// only the languages asked for.
void write_search_entries(const Site& site, const std::string& language, std::ostream& out);
/// documents/<slug>.html: one document with its language versions side by side.
void write_document_page(const Site& site, std::size_t document, std::ostream& out);


}  // namespace dossier::html
