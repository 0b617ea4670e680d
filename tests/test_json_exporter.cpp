// corpus.json as pipelines read it: the names in docs/json-schema.md.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "dossier/context.hpp"
#include "dossier/sink.hpp"
#include "plugin_registry.hpp"
#include "atomic_sink.hpp"
#include "support.hpp"

using namespace dossier;
using namespace dossier::host;
using nlohmann::json;

namespace {
std::shared_ptr<Exporter> json_exporter() {
  static PluginRegistry registry = [] {
    PluginRegistry r;
    r.discover({test::plugin_dir()});
    return r;
  }();
  return registry.find("json")->make_exporter();
}

json export_corpus(const Corpus& corpus, const std::string& dir_name, Options options = {}) {
  const auto dir = test::fresh_dir(dir_name);
  dossier::host::AtomicSink sink(dir);
  Context context("json", std::move(options), {}, nullptr);
  json_exporter()->write(CorpusView(corpus), "corpus.json", sink, context);
  sink.commit();
  return json::parse(test::read_file(dir / "corpus.json"));
}

Corpus small_corpus() {
  Corpus c;
  Document d;
  d.id = "A/68/283";
  d.symbol = "A/68/283";
  d.title = "Report of the Special Rapporteur";
  d.date = "2013-08-05";
  d.source = "x.txt";
  d.sha256 = "ab";
  d.sections = {{"IV.", "Conclusions and recommendations", "chapter", 1, -1}};
  Block b;
  b.kind = BlockKind::numbered_paragraph;
  b.number = "135";
  b.address = "A/68/283 \xC2\xB6" "135";
  b.section = 0;
  b.text = "States should define more concrete outcomes \xE2\x80\x9C" "GFMD\xE2\x80\x9D.";
  b.footnote_refs = {"12"};
  b.span = {504, 504};
  d.blocks.push_back(b);
  d.footnotes.push_back({"12", "See A/RES/67/172.", {b.address}});
  d.recommendations.push_back({b.address, "recommendation", "States", b.text, {}});
  d.references.push_back({"un_symbol", "A/RES/67/172", b.address, "A/RES/67/172"});
  c.documents.push_back(d);
  c.annotations.push_back({b.address, "sdg", "10.7", "target", 0.9, {"migration governance"}, "sdg", "1.0"});
  return c;
}
}  // namespace

TEST_CASE("every field of the model appears under its documented name") {
  const json j = export_corpus(small_corpus(), "json-fields");
  CHECK(j["schema"] == "dossier-corpus/1");
  const json& d = j["documents"].at(0);
  for (const char* key : {"id", "symbol", "title", "date", "source", "sha256", "paragraphs", "footnotes",
                          "recommendations", "references", "sections", "diagnostics"})
    CHECK(d.contains(key));
  const json& p = d["paragraphs"].at(0);
  CHECK(p["address"] == "A/68/283 \xC2\xB6" "135");
  CHECK(p["number"] == "135");
  CHECK(p["kind"] == "numbered_paragraph");
  CHECK(p["section"] == "IV");
  CHECK(p["footnotes"] == json::array({"12"}));
  CHECK(p["lines"] == json::array({504, 504}));
  CHECK(d["footnotes"][0]["label"] == "12");
  CHECK(d["recommendations"][0]["addressee"] == "States");
  CHECK(d["references"][0] == json({{"type", "un_symbol"}, {"id", "A/RES/67/172"},
                                    {"address", "A/68/283 \xC2\xB6" "135"}, {"text", "A/RES/67/172"}}));
  const json& a = j["annotations"].at(0);
  CHECK(a["subject"] == "A/68/283 \xC2\xB6" "135");
  CHECK(a["scheme"] == "sdg");
  CHECK(a["code"] == "10.7");
  CHECK(a["level"] == "target");
  CHECK(a["score"] == Approx(0.9));
  CHECK(a["evidence"] == json::array({"migration governance"}));
}

TEST_CASE("pretty and compact output hold the same data") {
  CHECK(export_corpus(small_corpus(), "json-compact") ==
        export_corpus(small_corpus(), "json-pretty", [] {
          Options o;
          o.set("pretty", "true");
          return o;
        }()));
}

TEST_CASE("invalid UTF-8 from damaged input is replaced and not fatal") {
  Corpus c = small_corpus();
  c.documents[0].blocks[0].text = "bad \xFF\xFE bytes";
  const json j = export_corpus(c, "json-utf8");
  CHECK(j["documents"][0]["paragraphs"][0]["text"].get<std::string>().find("bad ") == 0);
}

TEST_CASE("an empty corpus is still a valid document") {
  const json j = export_corpus(Corpus{}, "json-empty");
  CHECK(j["documents"].empty());
  CHECK(j["annotations"].empty());
}
