// The html exporter's site: hostile document text stays text, every paragraph has its anchor
// and the matrix links to it, and the matrix lists per SDG goal exactly the recommendations the
// xlsx exporter's Matrix sheet lists (read back with openpyxl, tests/xlsx_read.py).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include <dossier/testing.hpp>

#include "support.hpp"

using namespace dossier;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string hostile = "<script>alert('x')</script><img src=x onerror=\"alert(1)\"> & \x01 \xFF done";

std::map<std::string, std::string> export_site(const Corpus& corpus, Options options = {}) {
  const testing::LoadedPlugin html((test::plugin_dir() / "dossier-exporter-html.so").string());
  auto context = testing::make_context("html", std::move(options));
  return testing::export_files(html, corpus, context);
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

std::string unescaped(std::string text);

/// The matrix rows of index.html (its first page): each row's data-goals and the text of its
/// citation link.
std::vector<std::pair<std::string, std::string>> matrix_rows(const std::string& index) {
  std::vector<std::pair<std::string, std::string>> rows;
  const std::regex row("<tr data-goals=\"([^\"]*)\"[^>]*>.*?<a href=\"documents/[^\"]*\">([^<]*)</a>");
  for (auto it = std::sregex_iterator(index.begin(), index.end(), row); it != std::sregex_iterator(); ++it)
    rows.emplace_back((*it)[1].str(), (*it)[2].str());
  return rows;
}

/// Every row of assets/matrix-rows.js (`window.dossierMatrix = {JSON};`) as the matrix_rows()
/// of index.html: " goals " and the citation.
std::vector<std::pair<std::string, std::string>> data_rows(const std::string& script) {
  const std::string lead = "window.dossierMatrix = ";
  const auto at = script.find(lead);
  REQUIRE(at != std::string::npos);
  const auto end = script.rfind(';');
  REQUIRE(end != std::string::npos);
  const json data = json::parse(script.substr(at + lead.size(), end - at - lead.size()));
  std::vector<std::pair<std::string, std::string>> rows;
  for (const json& r : data.at("rows")) {
    std::string goals = " ";
    for (const json& g : r.at(8)) goals += g.get<std::string>() + " ";
    rows.emplace_back(goals, r.at(5).get<std::string>());
  }
  return rows;
}

std::string unescaped(std::string text) {
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&#39;", "'"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}})
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("hostile text in a paragraph, a title and a recommendation stays text on every page") {
  Corpus corpus = testing::sample_corpus();
  Document& doc = corpus.documents[0];
  doc.title = hostile;
  doc.blocks.at(1).text = hostile;
  doc.recommendations.at(0).text = hostile;
  doc.recommendations.at(0).addressee = "\"><script>alert(2)</script>";
  doc.footnotes.at(0).text = hostile;
  corpus.annotations.at(0).evidence = {hostile};
  const auto files = export_site(corpus);
  std::size_t pages = 0, escaped_in_index = 0;
  for (const auto& [name, bytes] : files) {
    INFO(name);
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".html") == 0) {
      ++pages;
      CHECK(bytes.find("<script>alert") == std::string::npos);
      CHECK(bytes.find("<img") == std::string::npos);
      CHECK(bytes.find("\x01") == std::string::npos);
      CHECK(bytes.find("\"><script") == std::string::npos);
      // Only the site's own scripts, by file.
      CHECK(count(bytes, "<script") == count(bytes, "<script src=\"") );
    }
    if (name == "site/assets/matrix-rows.js") {  // the recommendation and its addressee
      CHECK(bytes.find("<script") == std::string::npos);
      CHECK(bytes.find("\\u003cscript\\u003ealert(") != std::string::npos);
      CHECK(bytes.find("\\u003cscript\\u003ealert(2)") != std::string::npos);
    }
    if (name.rfind("site/assets/search-index", 0) == 0) {  // the documents, then one file per language
      CHECK(bytes.find("<script") == std::string::npos);
      escaped_in_index += bytes.find("\\u003cscript\\u003ealert(") != std::string::npos;
    }
  }
  CHECK(pages == 4);  // index, search, two documents
  CHECK(escaped_in_index == 1);  // the English paragraph, in search-index-en.js
  const std::string& page = files.at("site/documents/a-hrc-99-1.html");
  CHECK(page.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp;") !=
        std::string::npos);
  CHECK(page.find("\xEF\xBF\xBD done") != std::string::npos);  // the stray byte, as U+FFFD
}

TEST_CASE("every paragraph has its anchor, and the matrix links each recommendation to it") {
  const Corpus corpus = testing::sample_corpus();
  const auto files = export_site(corpus);
  REQUIRE(files.count("site/index.html") == 1);
  for (const char* asset : {"site/assets/site.css", "site/assets/site.js", "site/assets/search.js"})
    CHECK(files.count(asset) == 1);
  const std::string& report = files.at("site/documents/a-hrc-99-1.html");
  for (const Block& b : corpus.documents[0].blocks) {
    if (b.kind != BlockKind::numbered_paragraph) continue;
    INFO(b.address);
    CHECK(count(report, "id=\"para-" + b.number + "\"") == 1);
  }
  const std::string& index = files.at("site/index.html");
  std::size_t recommendations = 0;
  for (const Document& d : corpus.documents) recommendations += d.recommendations.size();
  // index.html holds the first page of rows, assets/matrix-rows.js every row in the same order.
  const auto rows = data_rows(files.at("site/assets/matrix-rows.js"));
  CHECK(rows.size() == recommendations);
  auto first_page = matrix_rows(index);
  CHECK(first_page.size() == std::min<std::size_t>(recommendations, 100));
  for (auto& row : first_page) row.second = unescaped(row.second);
  CHECK(std::equal(first_page.begin(), first_page.end(), rows.begin()));
  CHECK(index.find("href=\"documents/a-hrc-99-1.html#para-102\">A/HRC/99/1, para. 102</a>") != std::string::npos);
  // An unnumbered block's anchor: its section path and ordinal.
  Corpus other = corpus;
  Block b;
  b.kind = BlockKind::text;
  b.section = 0;
  b.address = block_address(other.documents[0].id, "I", 3);
  b.text = "An unnumbered paragraph.";
  other.documents[0].blocks.push_back(b);
  CHECK(export_site(other).at("site/documents/a-hrc-99-1.html").find("id=\"s-I-3\"") != std::string::npos);
  // Arabic labels: the page runs right to left, the French resolution's text left to right.
  Options arabic;
  arabic.set("language", "ar");
  const auto ar = export_site(corpus, arabic);
  const std::string& resolution = ar.at("site-ar/documents/a-res-99-2.html");
  CHECK(resolution.find("<html lang=\"ar\" dir=\"rtl\">") != std::string::npos);
  CHECK(resolution.find("lang=\"fr\" dir=\"ltr\"") != std::string::npos);
}

TEST_CASE("the matrix lists per SDG goal the recommendations the workbook's Matrix sheet lists") {
  const fs::path out = test::fresh_dir("html-matrix");
  const auto r = test::run("SOURCE_DATE_EPOCH=1700000000 " + test::quote(test::dossier_exe().string()) + " run " +
                           test::quote(test::corpus_dir().string()) +
                           " --analyze sdg,gcm --export html --export xlsx --no-cache --out " + test::quote(out.string()));
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const auto read = test::run("/usr/bin/python3 " + test::quote((test::source_dir() / "tests" / "xlsx_read.py").string()) +
                              " " + test::quote((out / "matrix.xlsx").string()));
  REQUIRE(read.exit_code == 0);
  const json workbook = json::parse(read.output);
  // Matrix: Citation first, "SDG goals" ("03, 10, 16") in the sixth column.
  std::map<int, std::multiset<std::string>> in_workbook, on_site;
  const json& cells = workbook["cells"]["Matrix"];
  REQUIRE(cells.size() > 1);
  CHECK(cells[0][5] == "SDG goals");
  for (std::size_t row = 1; row < cells.size(); ++row) {
    if (!cells[row][5].is_string()) continue;
    const std::string goals = cells[row][5];
    for (std::size_t at = 0; at < goals.size(); at += 4) in_workbook[std::stoi(goals.substr(at, 2))].insert(cells[row][0].get<std::string>());
  }
  const auto rows = data_rows(test::read_file(out / "site" / "assets" / "matrix-rows.js"));
  CHECK(rows.size() == cells.size() - 1);
  for (const auto& [goals, citation] : rows) {
    std::istringstream words(goals);
    for (int g; words >> g;) on_site[g].insert(citation);
  }
  CHECK(in_workbook.size() >= 5);
  for (int g = 1; g <= 17; ++g) {
    INFO("SDG " << g);
    CHECK(on_site[g] == in_workbook[g]);
  }
}
