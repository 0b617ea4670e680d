// Documents as bytes (host/src/document_codec.hpp): how the store caches them.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "annotation_codec.hpp"
#include "document_codec.hpp"
#include "dossier/domain/json.hpp"
#include "dossier/plugin.hpp"
#include "plugin_registry.hpp"
#include "support.hpp"

using namespace dossier;
namespace fs = std::filesystem;

namespace {

std::vector<Document> sample_documents() {
  host::PluginRegistry registry;
  registry.discover({test::plugin_dir()});
  std::vector<Document> out;
  for (const char* name : {"text", "akn"}) {
    auto reader = registry.find(name, PluginKind::reader)->make_reader();
    const fs::path folder = std::string(name) == "text" ? test::corpus_dir() : test::source_dir() / "tests/data/akn";
    for (const auto& entry : fs::directory_iterator(folder)) {
      if (entry.path().extension() != (std::string(name) == "text" ? ".txt" : ".xml")) continue;
      Source source;
      source.path = entry.path().string();
      source.content = test::read_file(entry.path());
      Context context(name, {}, {}, nullptr);
      out.push_back(reader->read(source, context));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("every sample document comes back from its bytes unchanged") {
  for (const Document& original : sample_documents()) {
    std::string bytes;
    host::encode_document(original, bytes);
    const Document back = host::decode_document(bytes);
    INFO(original.source);
    CHECK(to_json(back) == to_json(original));
    // What JSON does not show: reference offsets are kept exactly.
    REQUIRE(back.references.size() == original.references.size());
    for (std::size_t i = 0; i < back.references.size(); ++i) {
      CHECK(back.references[i].begin == original.references[i].begin);
      CHECK(back.references[i].end == original.references[i].end);
    }
  }
}

TEST_CASE("fields of every kind survive, negative numbers and table cells included") {
  Document d;
  d.id = "x";
  d.sections.push_back({"IV", "Title", "chapter", 2, -1});
  Block b;
  b.kind = BlockKind::table;
  b.section = -1;
  b.cells = {{"a", ""}, {}, {"\0b"}};
  b.span = {4000000000u, 7};
  d.blocks.push_back(b);
  d.diagnostics.push_back({Diagnostic::Severity::error, "bad", {1, 2}});
  d.links.push_back({"excerpt_of", "A/68/283"});
  std::string bytes;
  host::encode_document(d, bytes);
  const Document back = host::decode_document(bytes);
  CHECK(back.sections.at(0).parent == -1);
  CHECK(back.sections.at(0).level == 2);
  CHECK(back.blocks.at(0).kind == BlockKind::table);
  CHECK(back.blocks.at(0).cells == b.cells);
  CHECK(back.blocks.at(0).span.first_line == 4000000000u);
  CHECK(back.diagnostics.at(0).severity == Diagnostic::Severity::error);
  CHECK(back.links.at(0).document == "A/68/283");
}

TEST_CASE("language versions come back, one level deep") {
  Document d;
  d.id = "A/RES/76/266";
  d.language = "en";
  Document fr = d;
  fr.language = "fr";
  fr.versions = {d};  // a version has none: not encoded
  d.versions = {fr};
  std::string bytes;
  host::encode_document(d, bytes);
  const Document back = host::decode_document(bytes);
  REQUIRE(back.versions.size() == 1);
  CHECK(back.versions[0].language == "fr");
  CHECK(back.versions[0].versions.empty());
}

TEST_CASE("truncated damaged or foreign bytes are an error and never a crash") {
  std::string bytes;
  host::encode_document(sample_documents().front(), bytes);
  for (std::size_t cut : {std::size_t{0}, std::size_t{5}, std::size_t{40}, bytes.size() / 2, bytes.size() - 1})
    CHECK_THROWS_AS(host::decode_document(std::string_view(bytes).substr(0, cut)), std::runtime_error);
  CHECK_THROWS_AS(host::decode_document(bytes + "x"), std::runtime_error);
  CHECK_THROWS_AS(host::decode_document("{\"id\":\"json from schema 4\"}"), std::runtime_error);
  // A huge count must not make the decoder reserve memory for it.
  std::string huge(bytes.substr(0, bytes.find('\n') + 1));
  for (int i = 0; i < 10; ++i) host::encode_string("", huge);
  host::encode_u64(~0ull, huge);
  CHECK_THROWS_AS(host::decode_document(huge), std::runtime_error);
}
