// The model's JSON form: what corpus.json holds and what the store caches.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "dossier/json.hpp"
#include "dossier/plugin.hpp"
#include "plugin_registry.hpp"
#include "support.hpp"

using namespace dossier;

TEST_CASE("every sample document survives a round trip through JSON unchanged") {
  host::PluginRegistry registry;
  registry.discover({test::plugin_dir()});
  auto reader = registry.find("text")->make_reader();
  for (const auto& entry : std::filesystem::directory_iterator(test::corpus_dir())) {
    Source source;
    source.path = entry.path().string();
    source.content = test::read_file(entry.path());
    Context context("text", {}, {}, nullptr);
    const Document original = reader->read(source, context);
    const std::string once = to_json(original);
    const Document back = document_from_json(once);
    INFO(source.path);
    CHECK(to_json(back) == once);
    CHECK(back.blocks.size() == original.blocks.size());
    CHECK(back.section_path(back.blocks.back().section) == original.section_path(original.blocks.back().section));
  }
}

TEST_CASE("malformed JSON is an error, not a crash") {
  CHECK_THROWS_AS(document_from_json("{\"id\": "), std::runtime_error);
  CHECK_THROWS_AS(document_from_json("[1,2]"), std::runtime_error);
  CHECK_THROWS_AS(document_from_json("{\"paragraphs\": [{\"lines\": [\"x\", 2]}]}"), std::runtime_error);
  CHECK(document_from_json("{}").blocks.empty());
}
