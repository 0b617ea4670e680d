// The gcm analyzer, loaded as a plugin: explicit objectives and clusters.
#include <catch2/catch.hpp>

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
  Context context("gcm", {}, {}, nullptr);
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
