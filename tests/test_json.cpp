// The model's JSON form: what corpus.json holds and what keys cached analyses.
#include <catch2/catch.hpp>

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "dossier/domain/json.hpp"
#include "dossier/plugin.hpp"
#include "plugin_registry.hpp"
#include "support.hpp"

using namespace dossier;

namespace {

// The sample corpus as the text reader builds it.
std::vector<Document> sample_documents() {
  host::PluginRegistry registry;
  registry.discover({test::plugin_dir()});
  auto reader = registry.find("text")->make_reader();
  std::vector<Document> out;
  for (const auto& entry : std::filesystem::directory_iterator(test::corpus_dir())) {
    Source source;
    source.path = entry.path().string();
    source.content = test::read_file(entry.path());
    Context context("text", {}, {}, nullptr);
    out.push_back(reader->read(source, context));
  }
  return out;
}

}  // namespace

TEST_CASE("every sample document survives a round trip through JSON unchanged") {
  for (const Document& original : sample_documents()) {
    const std::string once = to_json(original);
    const Document back = document_from_json(once);
    INFO(original.source);
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

TEST_CASE("a corpus.json reads back into the documents and annotations it was written from") {
  std::vector<Document> documents = sample_documents();
  Document with_version = documents.front();
  with_version.versions = {documents.back()};
  documents.push_back(with_version);
  const Annotation annotation{"A/68/283 \xC2\xB6" "127", "sdg", "10.7", "target", 0.85, {"fees"}, "sdg", "0.3.0"};
  // As the json exporter writes it.
  std::string text = "{\"schema\":\"dossier-corpus/1\",\"generator\":\"test\",\"documents\":[";
  for (std::size_t i = 0; i < documents.size(); ++i) text += (i ? "," : "") + to_json(documents[i]);
  text += "],\"annotations\":[" + to_json(annotation) + "]}\n";
  const Corpus back = corpus_from_json(text);
  REQUIRE(back.documents.size() == documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i) CHECK(to_json(back.documents[i]) == to_json(documents[i]));
  CHECK(back.documents.back().versions.size() == 1);
  REQUIRE(back.annotations.size() == 1);
  CHECK(to_json(back.annotations[0]) == to_json(annotation));
  CHECK(back.annotations[0].score == annotation.score);

  CHECK_THROWS_WITH(corpus_from_json("{\"documents\":[]}"), Catch::Contains("no \"annotations\""));
  CHECK_THROWS_WITH(corpus_from_json("{\"documents\":[1],\"annotations\":[]}"), Catch::Contains("not an object"));
  CHECK_THROWS_AS(corpus_from_json("{\"annotations\":[{\"score\":\"high\"}]}"), std::runtime_error);
}

TEST_CASE("a document's JSON has the bytes of nlohmann's compact form") {
  // Stored documents and analysis keys are hashes of these bytes: they must not change.
  for (const Document& document : sample_documents()) {
    const std::string written = to_json(document);
    INFO(document.source);
    CHECK(nlohmann::ordered_json::parse(written).dump() == written);
  }
}

TEST_CASE("strings are escaped and broken UTF-8 replaced as nlohmann does") {
  const std::vector<std::string> titles = {
      "plain", "quote \" backslash \\ slash /", "controls \b\f\n\r\t \x01\x1f \x7f",
      std::string("nul \0 inside", 12), "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 \xD8\xA7",
      "lone \x80 continuation", "truncated \xE2\x80", "truncated at end \xE2", "bad lead \xC0\xAF \xFF",
      "surrogate \xED\xA0\x80 overlong \xE0\x80\x80 too big \xF4\x90\x80\x80", "broken \xE2\x41 then A"};
  for (const std::string& title : titles) {
    Document d;
    d.title = title;
    const std::string written = to_json(d);
    const std::string expected =
        nlohmann::ordered_json(title).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    INFO(expected);
    CHECK(written.find("\"title\":" + expected + ",") != std::string::npos);
  }
}

TEST_CASE("escaping is the same wherever in a long run of text the special byte falls") {
  // The writer copies plain ASCII eight bytes at a time: a byte to escape or check at any
  // offset, after runs of any length, must still be found.
  const std::vector<std::string> specials = {"\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\x7f",
                                             "\xC3\xA9", "\xE2\x80\x94", "\xE2\x80", "\x80", " "};
  for (std::size_t before = 0; before < 20; ++before)
    for (const std::string& special : specials)
      for (std::size_t after : {0, 1, 7, 8, 9, 17}) {
        const std::string title = std::string(before, 'a') + special + std::string(after, 'Z');
        Document d;
        d.title = title;
        const std::string expected =
            nlohmann::ordered_json(title).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
        INFO(expected);
        CHECK(to_json(d).find("\"title\":" + expected + ",") != std::string::npos);
      }
}

TEST_CASE("an annotation's JSON has the bytes of nlohmann's compact form") {
  for (const double score : {0.0, 1.0, 0.85, 1.0 / 3.0, 2.5e-7, 0.1 + 0.2}) {
    Annotation a{"A/68/283 \xC2\xB6" "127", "sdg", "10.7", "target", score, {"\"recruitment fees\"", "q\\1"}, "sdg", "0.3.0"};
    const std::string written = to_json(a);
    INFO(written);
    CHECK(nlohmann::ordered_json::parse(written).dump() == written);
    CHECK(to_json(a, 2) == nlohmann::ordered_json::parse(written).dump(2));
  }
}
