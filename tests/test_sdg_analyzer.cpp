// The sdg analyzer, loaded as a plugin, on the Thematic Recollection (003).
#include <catch2/catch.hpp>

#include <algorithm>
#include <thread>

#include "support.hpp"

using namespace dossier;

namespace {
// Explicit references alone: the queries and the vocabulary are tested on their own below.
std::vector<Annotation> analyze(const Document& d, bool paragraphs) {
  auto analyzer = test::builtin_plugins().find("sdg")->make_analyzer();
  Options options;
  options.set("queries", "false");
  options.set("builtin_vocabulary", "false");
  options.set("model", "none");
  if (paragraphs) options.set("paragraphs", "true");
  Context context("sdg", options, {}, nullptr);
  std::vector<Annotation> out;
  analyzer->analyze(d, {}, out, context);
  return out;
}
}  // namespace

TEST_CASE("an explicit indicator maps the recommendation to indicator, target and goal with evidence") {
  const Document d = test::read_with("text", test::corpus_dir() / "003_47dc10d97ca243f0.txt");
  const auto it = std::find_if(d.recommendations.begin(), d.recommendations.end(), [](const Recommendation& r) {
    return r.text.rfind("Reduce worker-paid recruitment fees", 0) == 0;
  });
  REQUIRE(it != d.recommendations.end());
  std::vector<std::string> codes;
  for (const auto& a : analyze(d, false)) {
    if (a.subject != it->address) continue;
    CHECK(a.scheme == "sdg");
    CHECK(a.score == 1.0);
    REQUIRE(a.evidence.size() == 1);
    CHECK(a.evidence[0] == "explicit reference: \"SDG indicator 10.7.1\"");
    codes.push_back(a.level + ":" + a.code);
  }
  CHECK(codes == std::vector<std::string>{"goal:10", "target:10.7", "indicator:10.7.1"});
}

TEST_CASE("every explicit SDG reference in a recommendation or, on request, a paragraph is a mapping") {
  const Document d = test::read_with("text", test::corpus_dir() / "003_47dc10d97ca243f0.txt");
  const auto recommendations_only = analyze(d, false);
  const auto all = analyze(d, true);
  CHECK(all.size() > recommendations_only.size());
  // Each SDG reference of the document appears as a mapping of its paragraph.
  for (const auto& ref : d.references) {
    if (ref.type.rfind("sdg_", 0) != 0) continue;
    const bool mapped = std::any_of(all.begin(), all.end(), [&](const Annotation& a) {
      return a.subject == ref.address && a.code == ref.id;
    });
    const bool is_block = std::any_of(d.blocks.begin(), d.blocks.end(), [&](const Block& b) {
      return b.address == ref.address && b.kind != BlockKind::heading && b.kind != BlockKind::table;
    });
    INFO(ref.address << " " << ref.id);
    if (is_block) CHECK(mapped);
  }
}

TEST_CASE("the Aurora queries give scored mappings with the query and words as evidence") {
  Document d;
  d.id = "test";
  Block b;
  b.kind = BlockKind::list_item;
  b.address = "test #1";
  b.text = "Adopt and implement well-managed migration policies that protect migrant workers.";
  d.blocks.push_back(b);
  d.recommendations.push_back({b.address, "recommendation", "", b.text, {}});
  auto analyzer = test::builtin_plugins().find("sdg")->make_analyzer();
  auto run = [&](Options options) {
    options.set("builtin_vocabulary", "false");
    options.set("model", "none");
    Context context("sdg", options, {}, nullptr);
    std::vector<Annotation> out;
    analyzer->analyze(d, {}, out, context);
    return out;
  };
  const auto found = run({});
  const auto it = std::find_if(found.begin(), found.end(), [](const Annotation& a) {
    return a.level == "target" && a.code == "10.7";
  });
  REQUIRE(it != found.end());
  CHECK(it->score == Approx(0.6));
  REQUIRE_FALSE(it->evidence.empty());
  CHECK_THAT(it->evidence[0], Catch::StartsWith("Aurora query for SDG 10.7 matched:") &&
                                  Catch::Contains("migration policies"));
  const bool goal = std::any_of(found.begin(), found.end(), [](const Annotation& a) {
    return a.level == "goal" && a.code == "10";
  });
  CHECK(goal);

  Options strict;
  strict.set("threshold", "0.7");
  CHECK(run(strict).empty());
  Options no_queries;
  no_queries.set("queries", "false");
  CHECK(run(no_queries).empty());
}

TEST_CASE("generic phrases alone make no SDG mapping: \"international cooperation\", \"scientific research\"") {
  const auto mapped = [](const std::string& text) {
    Document d;
    d.id = "test";
    Block& b = d.blocks.emplace_back();
    b.kind = BlockKind::list_item;
    b.address = "test #1";
    b.text = text;
    d.recommendations.push_back({b.address, "recommendation", "", b.text, {}});
    Options options;
    options.set("model", "none");
    Context context("sdg", options, {}, nullptr);
    std::vector<Annotation> out;
    test::builtin_plugins().find("sdg")->make_analyzer()->analyze(d, {}, out, context);
    std::vector<std::string> codes;
    for (const auto& a : out) codes.push_back(a.code);
    return codes;
  };
  CHECK(mapped("Strengthen international cooperation in all areas.").empty());
  CHECK(mapped("Promote scientific research on the topic.").empty());
  // Beside specific evidence for the same target, the generic phrase adds its weight.
  const auto aid = mapped("Strengthen international cooperation and increase official development assistance "
                          "to developing countries.");
  CHECK(std::count(aid.begin(), aid.end(), "17.2") == 1);
}

TEST_CASE("acceptance: A/68/283 para 127 maps to target 10.7, with the rule that fired as evidence") {
  Corpus corpus;
  corpus.documents.push_back(test::read_with("text", test::corpus_dir() / "001_88e8c2357c784c71.txt"));
  auto analyzer = test::builtin_plugins().find("sdg")->make_analyzer();
  Context context("sdg", {}, {}, nullptr);
  std::vector<Annotation> out;
  analyzer->analyze(corpus.documents[0], {}, out, context);
  const auto it = std::find_if(out.begin(), out.end(), [&](const Annotation& a) {
    return a.subject == corpus.documents[0].id + " \xC2\xB6" "127" && a.level == "target" && a.code == "10.7";
  });
  REQUIRE(it != out.end());
  CHECK(it->score >= 0.5);
  CHECK_FALSE(it->evidence.empty());
}

TEST_CASE("quality floor: goal-level mapping of the UPR development set stays at macro F1 0.70 or more") {
  // The development set of issue 4 (A/HRC/43/15 with the SDG goals OHCHR assigned): a guard
  // against changes to the queries, the vocabulary or the readers that lose quality.
  const test::fs::path data = test::source_dir() / "tests" / "data" / "upr-slovenia-2019";
  const test::fs::path out = test::fresh_dir("sdg-quality");
  const auto run = test::dossier("-q run " + test::quote((data / "A_HRC_43_15_UPR_WG_report_Slovenia.txt").string()) +
                                 " --analyze sdg --export json --out " + test::quote(out.string()));
  REQUIRE(run.exit_code == 0);
  const auto eval = test::dossier("eval " + test::quote((out / "corpus.json").string()) + " " +
                                  test::quote((data / "A_HRC_43_15_recommendations_sdg_labels.csv").string()) +
                                  " --document A/HRC/43/15");
  REQUIRE(eval.exit_code == 0);
  const auto at = eval.output.find("macro  precision");
  REQUIRE(at != std::string::npos);
  const auto f1 = eval.output.find("F1 ", at);
  REQUIRE(f1 != std::string::npos);
  CHECK(std::stod(eval.output.substr(f1 + 3)) >= 0.70);
}

TEST_CASE("the built-in model gives each document an SDG profile with the terms that weighed most") {
  const Document d = test::read_with("text", test::corpus_dir() / "001_88e8c2357c784c71.txt");
  auto analyzer = test::builtin_plugins().find("sdg")->make_analyzer();
  Context context("sdg", {}, {}, nullptr);
  std::vector<Annotation> out;
  analyzer->analyze(d, {}, out, context);
  std::vector<std::string> goals;
  for (const auto& a : out) {
    if (a.subject != d.id) continue;
    CHECK(a.level == "goal");
    CHECK(a.score >= 0.5);
    REQUIRE(a.evidence.size() == 1);
    CHECK_THAT(a.evidence[0], Catch::StartsWith("learned model sdg-goals ") && Catch::Contains("document threshold") &&
                                  Catch::Contains("weighed most: \""));
    goals.push_back(a.code);
  }
  CHECK_FALSE(goals.empty());

  Options off;
  off.set("document_profile", "false");
  Context quiet("sdg", off, {}, nullptr);
  out.clear();
  analyzer->analyze(d, {}, out, quiet);
  CHECK(std::none_of(out.begin(), out.end(), [&](const Annotation& a) { return a.subject == d.id; }));
}

namespace {
// A document "t" of one recommendation.
Document one_recommendation(const std::string& text, const std::string& language) {
  Document d;
  d.id = "t";
  d.language = language;
  Block b;
  b.kind = BlockKind::list_item;
  b.address = "t #1";
  b.text = text;
  d.blocks.push_back(b);
  d.recommendations.push_back({b.address, "recommendation", "", b.text, {}});
  return d;
}
}  // namespace

TEST_CASE("the model maps a recommendation no rule reaches, in French and in Chinese too") {
  auto analyzer = test::builtin_plugins().find("sdg")->make_analyzer();
  const auto goals_of = [&](const std::string& text) {
    const Document d = one_recommendation(text, "");
    Options options;
    options.set("queries", "false");
    options.set("builtin_vocabulary", "false");
    options.set("document_profile", "false");
    options.set("passage_model", "true");
    Context context("sdg", options, {}, nullptr);
    std::vector<Annotation> out;
    analyzer->analyze(d, {}, out, context);
    std::vector<std::string> goals;
    for (const auto& a : out) {
      CHECK_THAT(a.evidence.at(0), Catch::StartsWith("learned model"));
      goals.push_back(a.code);
    }
    return goals;
  };
  const auto has = [](const std::vector<std::string>& v, const char* code) {
    return std::find(v.begin(), v.end(), code) != v.end();
  };
  CHECK(has(goals_of("Ensure that all girls complete free primary and secondary schooling."), "4"));
  CHECK(has(goals_of("Veiller à ce que toutes les filles achèvent un cycle complet d'enseignement primaire et "
                     "secondaire gratuit."),
            "4"));
  CHECK(has(goals_of("确保所有女童完成免费的初等和中等教育。"), "4"));
}

TEST_CASE("option model: a model file of one's own, or none; a bad file is a clear error") {
  const Document d = test::read_with("text", test::corpus_dir() / "001_88e8c2357c784c71.txt");
  auto analyzer = test::builtin_plugins().find("sdg")->make_analyzer();
  const auto run = [&](const std::string& model) {
    Options options;
    options.set("model", model);
    Context context("sdg", options, {}, nullptr);
    std::vector<Annotation> out;
    analyzer->analyze(d, {}, out, context);
    return out;
  };
  const auto none = run("none");
  CHECK(std::none_of(none.begin(), none.end(), [](const Annotation& a) {
    return std::any_of(a.evidence.begin(), a.evidence.end(),
                       [](const std::string& e) { return e.rfind("learned model", 0) == 0; });
  }));
  const test::fs::path dir = test::fresh_dir("sdg-model-option");
  test::write_file(dir / "bad.model", "dossier-classifier 1\nscheme: sdg\n");
  CHECK_THROWS_WITH(run((dir / "bad.model").string()), Catch::Contains("bad.model"));
  CHECK_THROWS_WITH(run((dir / "missing.model").string()), Catch::Contains("cannot open"));
}

// analyze() runs on several threads at once; the first calls name a model file and a
// vocabulary file together, so loading them must not race (it once crashed a GA build).
TEST_CASE("a model file and a vocabulary file named in the options load once, whatever the threads") {
  const Document d = test::read_with("text", test::corpus_dir() / "003_47dc10d97ca243f0.txt");
  const test::fs::path dir = test::fresh_dir("sdg-model-threads");
  test::write_file(dir / "extra.toml", "scheme = \"sdg\"\nversion = \"t1\"\n[[rule]]\ncode = \"10.7\"\n"
                                       "query = '\"recruitment fees\"'\nweight = 0.9\nnote = \"fees\"\n");
  Options options;
  options.set("model", (test::source_dir() / "plugins/analyzers/sdg/model/sdg-goals.model").string());
  options.set("vocabulary", (dir / "extra.toml").string());
  options.set("passage_model", "true");
  Context context("sdg", options, {}, nullptr);
  for (int round = 0; round < 3; ++round) {
    auto analyzer = test::builtin_plugins().find("sdg")->make_analyzer();
    std::vector<std::vector<Annotation>> out(4);
    std::vector<std::thread> threads;
    for (auto& o : out) threads.emplace_back([&] { analyzer->analyze(d, {}, o, context); });
    for (auto& t : threads) t.join();
    REQUIRE_FALSE(out[0].empty());
    CHECK(std::any_of(out[0].begin(), out[0].end(), [](const Annotation& a) {
      return std::any_of(a.evidence.begin(), a.evidence.end(),
                         [](const std::string& e) { return e.find("t1") != std::string::npos; });
    }));
    for (std::size_t i = 1; i < out.size(); ++i) {
      REQUIRE(out[i].size() == out[0].size());
      for (std::size_t k = 0; k < out[0].size(); ++k) CHECK(out[i][k].score == out[0][k].score);
    }
  }
}

// Known wrong (issue 21): the model learned from GA resolutions, where migration is rare;
// on a long report about migration it finds health, education and hunger but not goal 10.
TEST_CASE("known gap: a report on migration and development gets goal 10 in its profile", "[!mayfail]") {
  const Document d = test::read_with("text", test::corpus_dir() / "001_88e8c2357c784c71.txt");
  auto analyzer = test::builtin_plugins().find("sdg")->make_analyzer();
  Context context("sdg", {}, {}, nullptr);
  std::vector<Annotation> out;
  analyzer->analyze(d, {}, out, context);
  CHECK(std::any_of(out.begin(), out.end(), [&](const Annotation& a) { return a.subject == d.id && a.code == "10"; }));
}

TEST_CASE("passage_model auto: the model maps passages of documents the rules cannot read, not English ones") {
  auto analyzer = test::builtin_plugins().find("sdg")->make_analyzer();
  const auto model_lines = [&](const std::string& language, const std::string& text, const char* mode) {
    const Document d = one_recommendation(text, language);
    Options options;
    options.set("document_profile", "false");
    if (mode) options.set("passage_model", mode);
    Context context("sdg", options, {}, nullptr);
    std::vector<Annotation> out;
    analyzer->analyze(d, {}, out, context);
    std::size_t n = 0;
    for (const auto& a : out)
      for (const auto& e : a.evidence) n += e.rfind("learned model", 0) == 0;
    return n;
  };
  CHECK(model_lines("en", "Ensure that all girls complete free primary and secondary schooling.", nullptr) == 0);
  CHECK(model_lines("fr", "Veiller à ce que toutes les filles achèvent un enseignement primaire et secondaire gratuit.",
                    nullptr) > 0);
  CHECK(model_lines("fr", "Veiller à ce que toutes les filles achèvent un enseignement primaire et secondaire gratuit.",
                    "false") == 0);
  CHECK_THROWS_WITH(model_lines("en", "x", "sometimes"), Catch::Contains("passage_model"));
}
