// The analyzers' use of a model: which votes they take and how each says why.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "model_option.hpp"

using namespace dossier;

namespace {
// One term, "migration", raising labels a, b and c in that order.
classifier::Model three_labels() {
  classifier::Model m;
  m.scheme = "gcm";
  m.level = "objective";
  m.name = "t";
  m.version = "1";
  m.labels = {"a", "b", "c"};
  m.document_threshold = m.passage_threshold = {0.5, 0.5, 0.5};
  m.bias = {-2, -2, -2};  // no term: probability 0.12, under half the threshold
  m.terms = {"migration"};
  m.idf = {1};
  m.weights = {3, 2, 1};
  m.index_terms();
  return m;
}
}  // namespace

TEST_CASE("model votes: the strongest first, at most `most`, each with its evidence") {
  const auto m = three_labels();
  const auto votes = analyzers::model_votes(m, {"migration"}, false, 2);
  REQUIRE(votes.size() == 2);
  CHECK(*votes[0].code == "a");
  CHECK(*votes[1].code == "b");
  CHECK(votes[0].score > votes[1].score);
  CHECK_THAT(votes[0].evidence, Catch::StartsWith("learned model t 1: probability 0.73, passage threshold 0.50") &&
                                    Catch::Contains("\"migration\""));
  CHECK(analyzers::model_votes(m, {"nothing here"}, false, 3).empty());
}

TEST_CASE("model votes that cannot make a mapping take no place from one that can") {
  const auto m = three_labels();
  // Only c can still reach a mapping (say, a and b are held to a higher bar): with room for one
  // vote, c gets it although a and b score higher.
  const auto votes = analyzers::model_votes(m, {"migration"}, false, 1,
                                            [](const std::string& code, double) { return code == "c"; });
  REQUIRE(votes.size() == 1);
  CHECK(*votes[0].code == "c");
}

TEST_CASE("evidence lines print every number as printf's %.2f does, halves and near-halves included") {
  const auto m = three_labels();
  // Exact binary halves (0.125, 0.375: printf rounds them to even), decimal halves that are not
  // exact in binary (0.005, 1.005, 2.675), their neighbours, and a spread of ordinary values.
  std::vector<double> values = {0.0, 0.005, 0.015, 0.125, 0.375, 0.625, 0.995, 1.005, 2.675, 99.995, 123456.785};
  for (const double v : std::vector<double>(values)) {
    values.push_back(std::nextafter(v, 0.0));
    values.push_back(std::nextafter(v, 1e9));
  }
  for (int k = 0; k < 2000; ++k) values.push_back(k / 997.0);
  for (const double v : values) {
    const std::string line = analyzers::model_evidence(m, {{"t", v}}, v, v, "passage");
    char expected[64];
    std::snprintf(expected, sizeof expected, "%.2f", v);
    INFO(line);
    CHECK(line == std::string("learned model t 1: probability ") + expected + ", passage threshold " + expected +
                      "; weighed most: \"t\" +" + expected);
  }
}
