// Catalogue files: metadata per source, with errors that name file and line.
#include <catch2/catch.hpp>

#include <algorithm>

#include "catalogue.hpp"
#include "dossier/domain/citation.hpp"
#include "store.hpp"
#include "pipeline.hpp"
#include "support.hpp"

using namespace dossier;
using namespace dossier::host;
namespace fs = std::filesystem;

namespace {
fs::path catalogue_file(const std::string& name, const std::string& toml) {
  const fs::path dir = test::fresh_dir("catalogue-" + name);
  test::write_file(dir / "catalogue.toml", toml);
  return dir / "catalogue.toml";
}

std::string load_error(const std::string& name, const std::string& toml) {
  try {
    Catalogue::load(catalogue_file(name, toml));
  } catch (const ConfigError& e) {
    return e.what();
  }
  FAIL("no ConfigError for " << name);
  return {};
}
}  // namespace

TEST_CASE("the sample catalogue names three sample documents") {
  const Catalogue c = Catalogue::load(test::source_dir() / "samples" / "catalogue.toml");
  REQUIRE(c.entries().size() == 3);
  const fs::path source = test::corpus_dir() / "002_77a4883765ce66a6.txt";
  const CatalogueEntry* e = c.find(source, "not the hash");
  REQUIRE(e);
  CHECK(e->id == "gfmd-2010-puerto-vallarta");
  CHECK(e->place == "Puerto Vallarta, Mexico");
  CHECK(c.find(test::corpus_dir() / "001_88e8c2357c784c71.txt", "x") == nullptr);
}

TEST_CASE("entries match by content hash or by bare file name") {
  const Catalogue c = Catalogue::load(catalogue_file("match", R"(
[[document]]
sha256 = "abc123"
symbol = "A/1/2"

[[document]]
file = "report.txt"
title = "By name"
)"));
  CHECK(c.find("/anywhere/else.txt", "abc123")->symbol == "A/1/2");
  CHECK(c.find("/some/folder/report.txt", "zzz")->title == "By name");
  CHECK(c.find("/some/folder/other.txt", "zzz") == nullptr);
  CHECK(c.find("/x.txt", "ABC123")->symbol == "A/1/2");  // hashes match whatever their case
}

TEST_CASE("a path with a folder matches only that file, a misspelt one nothing") {
  const Catalogue c = Catalogue::load(catalogue_file("folder", "[[document]]\nfile = \"corpus/report.txt\"\ntitle = \"x\"\n"));
  CHECK(c.find("/elsewhere/report.txt", "zzz") == nullptr);
}

TEST_CASE("the first entry of a hash, a file or a name wins, whatever path names the file") {
  const fs::path dir = test::fresh_dir("catalogue-first");
  test::write_file(dir / "a.txt", "a");
  fs::create_symlink(dir / "a.txt", dir / "link.txt");
  test::write_file(dir / "catalogue.toml", R"([[document]]
file = "./a.txt"
title = "by path"

[[document]]
file = "a.txt"
title = "by name"

[[document]]
file = "./a.txt"
title = "by path, second"

[[document]]
sha256 = "FF"
title = "by hash"

[[document]]
sha256 = "ff"
title = "by hash, second"
)");
  const Catalogue c = Catalogue::load(dir / "catalogue.toml");
  CHECK(c.find(dir / "a.txt", "ff")->title == "by hash");
  CHECK(c.find(dir / "a.txt", "00")->title == "by path");
  CHECK(c.find(dir / "link.txt", "00")->title == "by path");  // the same file
  CHECK(c.find("/elsewhere/a.txt", "00")->title == "by name");
  CHECK(c.find("/elsewhere/b.txt", "00") == nullptr);
}

TEST_CASE("the catalogue's id wins over the symbol that linking gives, and links follow the rename") {
  const fs::path dir = test::fresh_dir("catalogue-links");
  test::write_file(dir / "catalogue.toml", "[[document]]\nfile = \"001_88e8c2357c784c71.txt\"\nid = \"sr-migrants-2013\"\n");
  const Catalogue catalogue = Catalogue::load(dir / "catalogue.toml");
  PluginRegistry registry;
  registry.discover({test::plugin_dir()});
  std::vector<std::string> errors;
  ReadResult read = read_sources({test::corpus_dir().string()}, registry, {}, errors, {nullptr, false, &catalogue});
  const Document& page = read.corpus.documents[0];
  const Document& report = read.corpus.documents[1];
  CHECK(report.id == "sr-migrants-2013");
  CHECK(report.symbol == "A/68/283");
  REQUIRE(page.links.size() == 1);
  CHECK(page.links[0].document == "sr-migrants-2013");
  CHECK(page.blocks.front().same_as == "sr-migrants-2013 \xC2\xB6" "49");
  CHECK(read.sources[1].document == "sr-migrants-2013");  // the manifest names the final ids
}

TEST_CASE("applying an entry overrides metadata and renames the document's addresses") {
  Corpus corpus;
  corpus.documents.push_back(test::read_with("text", test::corpus_dir() / "004_4233e7d77e7d0f2d.txt"));
  CatalogueEntry e;
  e.id = "gcm-dialogue";
  e.place = "Geneva";
  Catalogue::apply(e, corpus, 0);
  const Document& d = corpus.documents[0];
  CHECK(d.id == "gcm-dialogue");
  CHECK(d.place == "Geneva");
  for (const auto& b : d.blocks) CHECK(b.address.rfind("gcm-dialogue ", 0) == 0);
  for (const auto& r : d.recommendations) CHECK(r.address.rfind("gcm-dialogue ", 0) == 0);
}

TEST_CASE("a short title and a URL become the document's metadata, read by its citations and links") {
  const Catalogue c = Catalogue::load(catalogue_file("short", R"(
[[document]]
file = "004_4233e7d77e7d0f2d.txt"
id = "gcm-dialogue"
short_title = "GCM Dialogue"
url = "https://example.org/gcm-dialogue.pdf"
)"));
  Corpus corpus;
  corpus.documents.push_back(test::read_with("text", test::corpus_dir() / "004_4233e7d77e7d0f2d.txt"));
  corpus.documents[0].metadata.push_back({"url", "https://old.example.org/"});
  Catalogue::apply(c.entries().at(0), corpus, 0);
  const Document& d = corpus.documents[0];
  CHECK(cited_name(d) == "GCM Dialogue");
  CHECK(document_link(d) == "https://example.org/gcm-dialogue.pdf");  // replaced, not repeated
  CHECK(std::count_if(d.metadata.begin(), d.metadata.end(), [](const Metadata& m) { return m.key == "url"; }) == 1);
  CHECK(human_citation(d, d.recommendations.at(0).address) ==
        "GCM Dialogue, item " + d.recommendations.at(0).address.substr(d.recommendations.at(0).address.rfind('#') + 1));
  CHECK_THAT(load_error("url", "[[document]]\nfile = \"a.txt\"\nurl = \"www.example.org\"\n"),
             Catch::Contains("catalogue.toml:3: 'url' must be a web address (https://...)"));
}

TEST_CASE("catalogue mistakes name the file and the line") {
  CHECK_THAT(load_error("unknown", "[[document]]\nfile = \"a.txt\"\ntitel = \"x\"\n"),
             Catch::Contains("catalogue.toml:3: unknown key 'titel'"));
  CHECK_THAT(load_error("no-key", "[[document]]\ntitle = \"x\"\n"),
             Catch::Contains("catalogue.toml:1: a [[document]] entry needs 'file' or 'sha256'"));
  CHECK_THAT(load_error("type", "[[document]]\nfile = 3\n"), Catch::Contains("catalogue.toml:2: 'file' must be a string"));
  CHECK_THAT(load_error("syntax", "[[document]\n"), Catch::Contains("catalogue.toml:1:"));
}

TEST_CASE("a build applies the catalogue to parsed and to stored documents alike") {
  const fs::path out = test::fresh_dir("catalogue-build");
  RunSpec spec;
  spec.sources = {test::corpus_dir().string()};
  spec.exporters = {{"json", {}, ""}};
  spec.output_dir = out;
  spec.catalogue = test::source_dir() / "samples" / "catalogue.toml";
  PluginRegistry registry;
  registry.discover({test::plugin_dir()});
  for (int run = 0; run < 2; ++run) {
    std::vector<std::string> errors;
    Store store(out / "store.sqlite");
    const Catalogue catalogue = Catalogue::load(spec.catalogue);
    ReadResult read = read_sources(spec.sources, registry, {}, errors, {&store, false, &catalogue});
    INFO("run " << run);
    CHECK(read.reused == (run == 0 ? 0u : 5u));
    std::vector<std::string> ids;
    for (const auto& d : read.corpus.documents) ids.push_back(d.id);
    CHECK(ids == std::vector<std::string>{"A/68/283 (p. 10)", "A/68/283", "gfmd-2010-puerto-vallarta",
                                          "gfmd-thematic-recollection-2017", "gfmd-gcm-dialogue-cluster-1"});
  }
}
