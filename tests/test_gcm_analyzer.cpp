// The gcm analyzer, loaded as a plugin: explicit objectives and clusters.
#include <catch2/catch.hpp>

#include <algorithm>

#include "dossier/references.hpp"
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
