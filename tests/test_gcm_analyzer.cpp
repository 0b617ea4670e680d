// The gcm analyzer, loaded as a plugin: explicit objectives and clusters.
#include <catch2/catch.hpp>

#include <algorithm>

#include "dossier/domain/references.hpp"
#include "support.hpp"

using namespace dossier;

TEST_CASE("explicit GCM objectives and clusters in a recommendation are certain mappings") {
  Document d;
  d.id = "test";
  Block b;
  b.kind = BlockKind::list_item;
  b.address = "test #1";
  b.text = "In line with objectives 2, 5 and 6 of the Global Compact for Migration (GCM Cluster 1), adopt...";
  d.blocks.push_back(b);
  d.recommendations.push_back({b.address, "policy_option", "", b.text, {}});
  d.references = find_references(b.text, b.address);

  auto analyzer = test::builtin_plugins().find("gcm")->make_analyzer();
  Options explicit_only;
  explicit_only.set("builtin_vocabulary", "false");
  Context context("gcm", explicit_only, {}, nullptr);
  std::vector<Annotation> out;
  analyzer->analyze(d, {}, out, context);
  std::vector<std::string> codes;
  for (const auto& a : out) {
    CHECK(a.scheme == "gcm");
    CHECK(a.subject == "test #1");
    CHECK(a.score == 1.0);
    CHECK_FALSE(a.evidence.empty());
    codes.push_back(a.level + ":" + a.code);
  }
  CHECK(codes == std::vector<std::string>{"objective:2", "objective:5", "objective:6", "cluster:cluster-1"});
}

namespace {
std::vector<Annotation> gcm_of(const std::string& file) {
  const Document d = test::read_with("text", test::corpus_dir() / file);
  auto analyzer = test::builtin_plugins().find("gcm")->make_analyzer();
  Context context("gcm", {}, {}, nullptr);
  std::vector<Annotation> out;
  analyzer->analyze(d, {}, out, context);
  return out;
}

bool maps(const std::string& file, const std::string& opening, const std::string& objective) {
  const Document d = test::read_with("text", test::corpus_dir() / file);
  const auto rec = std::find_if(d.recommendations.begin(), d.recommendations.end(),
                                [&](const Recommendation& r) { return r.text.rfind(opening, 0) == 0; });
  REQUIRE(rec != d.recommendations.end());
  const auto out = gcm_of(file);
  return std::any_of(out.begin(), out.end(), [&](const Annotation& a) {
    return a.subject == rec->address && a.level == "objective" && a.code == objective && a.score >= 0.5;
  });
}
}  // namespace

TEST_CASE("acceptance: the vocabulary maps detention to objective 13 and recruitment fees to objective 6") {
  CHECK(maps("004_4233e7d77e7d0f2d.txt", "Find alternatives to detention", "13"));
  CHECK(maps("003_47dc10d97ca243f0.txt", "Reduce worker-paid recruitment fees", "6"));
}

TEST_CASE("recommendations under a heading with a cluster title map to that thematic cluster") {
  // 003 groups its policy options under the titles of the six GCM thematic consultations.
  const Document d = test::read_with("text", test::corpus_dir() / "003_47dc10d97ca243f0.txt");
  const auto out = gcm_of("003_47dc10d97ca243f0.txt");
  std::size_t under_smuggling = 0, mapped = 0;
  for (const auto& r : d.recommendations) {
    const auto block = std::find_if(d.blocks.begin(), d.blocks.end(), [&](const Block& b) { return b.address == r.address; });
    REQUIRE(block != d.blocks.end());
    bool below = false;
    for (int s = block->section; s >= 0; s = d.sections[static_cast<std::size_t>(s)].parent)
      below = below || d.sections[static_cast<std::size_t>(s)].title.rfind("SMUGGLING OF MIGRANTS", 0) == 0;
    if (!below) continue;
    ++under_smuggling;
    const auto it = std::find_if(out.begin(), out.end(), [&](const Annotation& a) {
      return a.subject == r.address && a.level == "cluster" && a.code == "cluster-5";
    });
    if (it == out.end()) continue;
    ++mapped;
    CHECK(std::any_of(it->evidence.begin(), it->evidence.end(),
                      [](const std::string& e) { return e.rfind("section heading \"", 0) == 0; }));
  }
  CHECK(under_smuggling >= 10);
  CHECK(mapped == under_smuggling);
}

namespace {
std::vector<Annotation> gcm_with(const Document& d, const Options& options) {
  auto analyzer = test::builtin_plugins().find("gcm")->make_analyzer();
  Context context("gcm", options, {}, nullptr);
  std::vector<Annotation> out;
  analyzer->analyze(d, {}, out, context);
  return out;
}

// A one-paragraph document, under a heading when one is given.
Document passage(const std::string& language, const std::string& text, const std::string& heading = "") {
  Document d;
  d.id = "t";
  d.language = language;
  if (!heading.empty()) {
    Block& h = d.blocks.emplace_back();
    h.kind = BlockKind::heading;
    h.address = "t #1";
    h.text = heading;
  }
  Block& b = d.blocks.emplace_back();
  b.kind = BlockKind::numbered_paragraph;
  b.address = "t ¶1";
  b.number = "1";
  b.text = text;
  return d;
}

const Annotation* objective(const std::vector<Annotation>& out, const std::string& code) {
  const auto it = std::find_if(out.begin(), out.end(),
                               [&](const Annotation& a) { return a.level == "objective" && a.code == code; });
  return it == out.end() ? nullptr : &*it;
}

bool from_model(const Annotation& a) {
  return std::any_of(a.evidence.begin(), a.evidence.end(),
                     [](const std::string& e) { return e.rfind("learned model gcm-objectives", 0) == 0; });
}
}  // namespace

TEST_CASE("the model maps GCM objectives in French, Spanish and Chinese, with the terms that weighed most") {
  Options options;
  options.set("paragraphs", "true");
  const struct {
    const char* language;
    const char* text;
    const char* objective;
  } cases[] = {
      {"fr", "Promouvoir le recrutement équitable et éthique des travailleurs migrants et supprimer les frais de "
             "recrutement à la charge des travailleurs.", "6"},
      {"es", "Recurrir a la detención de migrantes solo como último recurso y buscar alternativas a la detención.",
       "13"},
      {"zh", "加强合作，打击偷运移民行为，起诉偷运移民者。", "9"},
  };
  for (const auto& c : cases) {
    INFO(c.language << ": " << c.text);
    const auto out = gcm_with(passage(c.language, c.text), options);
    const Annotation* a = objective(out, c.objective);
    REQUIRE(a);
    CHECK(a->score >= 0.5);
    CHECK(from_model(*a));
    CHECK_THAT(a->evidence.back(), Catch::Contains("passage threshold") && Catch::Contains("weighed most:"));
    CHECK(out.size() <= 4);  // at most model_top (3) objectives from the model, and a cluster at most
  }
  // English passages: the rules, unless asked.
  const auto english = gcm_with(passage("en", "Use migration detention only as a measure of last resort."), options);
  CHECK(std::none_of(english.begin(), english.end(), from_model));
  options.set("model", "none");
  CHECK(gcm_with(passage("fr", cases[0].text), options).empty());
}

TEST_CASE("a heading that names objectives lifts them for the paragraphs below it, and alone maps nothing") {
  Options options;
  options.set("paragraphs", "true");
  options.set("model", "none");
  const std::string heading = "Round table 2 (objectives 4, 8, 9, 10, 11, 13 and 21)";
  const std::string text = "Alternatives to detention remain underused.";
  const auto plain = gcm_with(passage("en", text), options);
  const auto below = gcm_with(passage("en", text, heading), options);
  const Annotation* before = objective(plain, "13");
  const Annotation* after = objective(below, "13");
  REQUIRE(before);
  REQUIRE(after);
  CHECK(after->score > before->score);
  CHECK(std::any_of(after->evidence.begin(), after->evidence.end(), [&](const std::string& e) {
    return e == "under the heading \"" + heading + "\", which names objectives 4, 8, 9, 10, 11, 13 and 21";
  }));
  // Named by the heading, but nothing in the paragraph says so: no mapping.
  CHECK_FALSE(objective(below, "4"));
  CHECK(gcm_with(passage("en", "We thank the co-facilitators.", heading), options).empty());
  options.set("heading_score", "0");
  CHECK(objective(gcm_with(passage("en", text, heading), options), "13")->score == before->score);
}

TEST_CASE("a heading that names objectives holds a passing phrase for another objective to a higher bar") {
  Options options;
  options.set("paragraphs", "true");
  options.set("model", "none");
  const std::string text = "Access to regular status remains limited.";  // objective 5, one typical phrase
  const auto plain = gcm_with(passage("en", text), options);
  const Annotation* alone = objective(plain, "5");
  REQUIRE(alone);
  REQUIRE(alone->score < 0.65);
  // Under a round table on other objectives it is not enough (1 - 0.5 x 0.7 = 0.65) ...
  CHECK_FALSE(objective(gcm_with(passage("en", text, "Round table 3 (objectives 14, 15, 16, 19, 20 and 22)"), options), "5"));
  // ... under one that names objective 5 it is lifted, and without the scope it maps as before.
  CHECK(objective(gcm_with(passage("en", text, "Round table 1 (objectives 2, 5, 6, 12 and 18)"), options), "5")->score >
        alone->score);
  options.set("heading_score", "0");
  CHECK(objective(gcm_with(passage("en", text, "Round table 3 (objectives 14, 15, 16, 19, 20 and 22)"), options), "5"));
}

TEST_CASE("generic phrases alone map no GCM objective") {
  Options options;
  options.set("paragraphs", "true");
  options.set("model", "none");
  CHECK_FALSE(objective(gcm_with(passage("en", "Strengthen international cooperation in all areas."), options), "23"));
  CHECK_FALSE(objective(gcm_with(passage("en", "Ensure equal treatment for all."), options), "17"));
  const auto both = gcm_with(
      passage("en", "Strengthen international cooperation on migration and ensure equal treatment and "
                    "awareness-raising campaigns against xenophobia."),
      options);
  REQUIRE(objective(both, "23"));
  REQUIRE(objective(both, "17"));
  CHECK(std::any_of(objective(both, "17")->evidence.begin(), objective(both, "17")->evidence.end(),
                    [](const std::string& e) { return e.find("a generic phrase, never alone") != std::string::npos; }));
}

TEST_CASE("option model of the gcm analyzer: a file of the wrong scheme or none at all is a clear error") {
  Options options;
  options.set("paragraphs", "true");
  options.set("model", (test::source_dir() / "plugins/analyzers/sdg/model/sdg-goals.model").string());
  CHECK_THROWS_WITH(gcm_with(passage("fr", "Les migrants."), options), Catch::Contains("not a gcm objective model"));
  options.set("model", "/nonexistent/gcm.model");
  CHECK_THROWS_WITH(gcm_with(passage("fr", "Les migrants."), options), Catch::Contains("cannot open"));
  options.set("model", "builtin");
  options.set("passage_model", "maybe");
  CHECK_THROWS_WITH(gcm_with(passage("fr", "Les migrants."), options), Catch::Contains("passage_model"));
}
