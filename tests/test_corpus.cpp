// Corpus-wide identity: renaming documents and linking a page to the report it comes from.
#include <catch2/catch.hpp>

#include "dossier/address.hpp"
#include "dossier/corpus.hpp"
#include "dossier/plugin.hpp"
#include "plugin_registry.hpp"
#include "support.hpp"

using namespace dossier;

namespace {
Document read_sample(const std::string& file) { return test::read_with("text", test::corpus_dir() / file); }
}  // namespace

TEST_CASE("renaming a document rewrites every address that starts with its id") {
  Document d = read_sample("001_88e8c2357c784c71.txt");
  const std::string old_id = d.id;
  rename_document(d, "A/68/283");
  CHECK(d.id == "A/68/283");
  for (const auto& b : d.blocks) CHECK(b.address.rfind("A/68/283 ", 0) == 0);
  for (const auto& r : d.recommendations) CHECK(r.address.rfind("A/68/283 ", 0) == 0);
  for (const auto& f : d.footnotes)
    for (const auto& a : f.anchors) CHECK(a.rfind("A/68/283 ", 0) == 0);
  CHECK(d.recommendations.front().address == paragraph_address("A/68/283", "127"));
  CHECK(old_id != d.id);
}

TEST_CASE("the page (000) is linked to paragraphs 49-54 of the report (001), which takes its symbol") {
  Corpus corpus;
  corpus.documents.push_back(read_sample("000_361761b2e85cd3df.txt"));
  corpus.documents.push_back(read_sample("001_88e8c2357c784c71.txt"));
  corpus.documents.push_back(read_sample("004_4233e7d77e7d0f2d.txt"));
  const auto log = link_versions(corpus);
  REQUIRE(log.size() == 1);
  const Document& page = corpus.documents[0];
  const Document& report = corpus.documents[1];
  CHECK(report.id == "A/68/283");
  CHECK(report.symbol == "A/68/283");
  CHECK(page.id == "A/68/283 (p. 10)");
  REQUIRE(page.links.size() == 1);
  CHECK(page.links[0].relation == "excerpt_of");
  CHECK(page.links[0].document == "A/68/283");
  REQUIRE(report.links.size() == 1);
  CHECK(report.links[0].document == "A/68/283 (p. 10)");
  std::vector<std::string> same;
  for (const auto& b : page.blocks)
    if (!b.same_as.empty()) same.push_back(b.same_as);
  std::vector<std::string> expected;
  for (int n = 49; n <= 54; ++n) expected.push_back(paragraph_address("A/68/283", std::to_string(n)));
  CHECK(same == expected);
  // The third document has nothing to do with them.
  CHECK(corpus.documents[2].links.empty());
  CHECK(corpus.documents[2].id == "004-4233e7d77e7d0f2d");
}

TEST_CASE("documents with different symbols are never linked") {
  Corpus corpus;
  corpus.documents.push_back(read_sample("000_361761b2e85cd3df.txt"));
  corpus.documents.push_back(read_sample("001_88e8c2357c784c71.txt"));
  corpus.documents[1].symbol = "A/99/999";
  CHECK(link_versions(corpus).empty());
  CHECK(corpus.documents[0].links.empty());
}

TEST_CASE("the same document read twice gets a second, distinct id") {
  Corpus corpus;
  corpus.documents.push_back(read_sample("004_4233e7d77e7d0f2d.txt"));
  corpus.documents.push_back(read_sample("004_4233e7d77e7d0f2d.txt"));
  corpus.documents[1].source = "copy/004_4233e7d77e7d0f2d.txt";
  const auto log = make_ids_unique(corpus);
  REQUIRE(log.size() == 1);
  CHECK(corpus.documents[1].id == corpus.documents[0].id + " (004_4233e7d77e7d0f2d.txt)");
  CHECK(corpus.documents[1].blocks.front().address.rfind(corpus.documents[1].id + " ", 0) == 0);
  CHECK(make_ids_unique(corpus).empty());
}
