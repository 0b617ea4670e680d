// The sdg analyzer, loaded as a plugin, on the Thematic Recollection (003).
#include <catch2/catch.hpp>

#include <algorithm>

#include "support.hpp"

using namespace dossier;

namespace {
std::vector<Annotation> analyze(const Document& d, bool paragraphs) {
  auto analyzer = test::builtin_plugins().find("sdg")->make_analyzer();
  Options options;
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
