// The plugin authors' test kit (dossier/testing.hpp) on the built-in plugins.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <dossier/testing.hpp>

#include "support.hpp"

using namespace dossier;

TEST_CASE("the kit loads a plugin as the host does and runs an exporter on its small corpus") {
  const testing::LoadedPlugin json((test::plugin_dir() / "dossier-exporter-json.so").string());
  CHECK(std::string(json.descriptor().name) == "json");
  CHECK_THROWS_WITH(json.reader(), Catch::Contains("is a exporter, not a reader"));
  Options options;
  options.set("pretty", "true");
  auto context = testing::make_context("json", options);
  const Corpus corpus = testing::sample_corpus();
  const auto files = testing::export_files(json, corpus, context);
  REQUIRE(files.count("corpus.json") == 1);
  const auto j = nlohmann::json::parse(files.at("corpus.json"));
  REQUIRE(j["documents"].size() == 2);
  const Reference& ref = corpus.documents[0].references.at(0);
  CHECK(corpus.documents[0].blocks.at(2).text.substr(ref.begin, ref.end - ref.begin) == ref.text);
  CHECK(j["documents"][0]["recommendations"].size() == 2);
  CHECK(j["annotations"].size() == corpus.annotations.size());
  CHECK(files.at("corpus.json").find("\n  ") != std::string::npos);  // the option reached it
  // The same bytes again: nothing depends on the clock or the folder.
  CHECK(testing::export_files(json, corpus, context) == files);
}

TEST_CASE("the kit refuses a plugin built against other headers, as the host does") {
  CHECK_THROWS_WITH(testing::LoadedPlugin((test::broken_plugin_dir() / "dossier-exporter-other_layout.so").string()),
                    Catch::Contains("built against other SDK headers"));
  CHECK_THROWS_WITH(testing::LoadedPlugin((test::broken_plugin_dir() / "dossier-exporter-no_entry_point.so").string()),
                    Catch::Contains("no dossier_plugin_entry"));
}

TEST_CASE("the kit reads a file with a reader and gives the context's options to an analyzer") {
  const testing::LoadedPlugin text((test::plugin_dir() / "dossier-reader-text.so").string());
  auto reader = text.reader();
  auto context = testing::make_context("text");
  const Document doc =
      testing::read_file(*reader, (test::corpus_dir() / "001_88e8c2357c784c71.txt").string(), context);
  CHECK_FALSE(doc.blocks.empty());
  CHECK(doc.sha256.size() == 64);

  const testing::LoadedPlugin sdg((test::plugin_dir() / "dossier-analyzer-sdg.so").string());
  auto analyzer = sdg.analyzer();
  Options options;
  options.set("paragraphs", "true");
  auto sdg_context = testing::make_context("sdg", options);
  const Corpus corpus = testing::sample_corpus();
  std::vector<Annotation> out;
  analyzer->analyze(corpus.documents[0], {}, out, sdg_context);
  bool target_87 = false;
  for (const auto& a : out) target_87 |= a.subject == "A/HRC/99/1 ¶102" && a.code == "8.7";
  CHECK(target_87);  // the explicit reference the sample paragraph makes
}
