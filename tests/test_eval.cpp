// `dossier eval`: CSV reading and precision, recall and F1 against labels.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "eval.hpp"

using namespace dossier::host;

TEST_CASE("CSV fields with quotes, commas and newlines") {
  const auto rows = parse_csv("\xEF\xBB\xBFid,text,labels\r\n1,\"a, \"\"quoted\"\"\ntext\",8;16\n2,,\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == std::vector<std::string>{"id", "text", "labels"});
  CHECK(rows[1] == std::vector<std::string>{"1", "a, \"quoted\"\ntext", "8;16"});
  CHECK(rows[2] == std::vector<std::string>{"2", "", ""});
}

namespace {
// Three labelled items: 121.1 -> {16}, 121.2 -> {8, 16}, 121.3 -> {5}; 121.4 unlabelled.
const std::string labels = "rec_id,recommendation,sdg_goals\n121.1,x,16\n121.2,x,8;16\n121.3,x,5\n121.4,x,\n";

std::string annotation(const std::string& number, const std::string& code, double score = 1.0) {
  return R"({"subject":"A/HRC/43/15 \u00b6)" + number + R"(","scheme":"sdg","code":")" + code +
         R"(","level":"goal","score":)" + std::to_string(score) + "}";
}

std::string corpus(const std::vector<std::string>& annotations) {
  std::string out = R"({"documents":[{"id":"A/HRC/43/15","recommendations":[)";
  for (const char* n : {"121.1", "121.2", "121.3", "121.4"})
    out += std::string(n == std::string("121.1") ? "" : ",") + R"({"address":"A/HRC/43/15 \u00b6)" + n + "\"}";
  out += "]}],\"annotations\":[";
  for (std::size_t i = 0; i < annotations.size(); ++i) out += (i ? "," : "") + annotations[i];
  return out + "]}";
}
}  // namespace

TEST_CASE("micro and macro scores count every labelled item, predicted or not") {
  // Predictions: 121.1 -> {16} (right), 121.2 -> {8, 10} (8 right, 10 wrong, 16 missed),
  // 121.3 -> nothing (5 missed).
  const auto r = evaluate(corpus({annotation("121.1", "16"), annotation("121.2", "8"), annotation("121.2", "10")}),
                          labels, EvalOptions{});
  CHECK(r.items == 3);
  CHECK(r.unmatched == 0);
  CHECK(r.micro.tp == 2);
  CHECK(r.micro.fp == 1);
  CHECK(r.micro.fn == 2);
  CHECK(r.micro.precision() == Approx(2.0 / 3));
  CHECK(r.micro.recall() == Approx(0.5));
  // Macro over the codes in the labels (5, 8, 16): F1 0, 1 and 2/3.
  CHECK(r.macro_f1 == Approx((0.0 + 1.0 + 2.0 / 3) / 3));
  REQUIRE(r.per_code.size() == 4);
  CHECK(r.per_code[0].code == "5");   // numeric order: 5, 8, 10, 16
  CHECK(r.per_code[2].code == "10");
  CHECK(r.per_code[2].fp == 1);
}

TEST_CASE("a threshold drops weak predictions, and other documents and levels are ignored") {
  EvalOptions options;
  options.threshold = 0.5;
  options.document = "A/HRC/43/15";
  const std::string weak = annotation("121.3", "5", 0.2);
  std::string other_doc = annotation("121.3", "5");
  other_doc.replace(other_doc.find("A/HRC/43/15"), 11, "A/HRC/99/1");
  const auto r = evaluate(corpus({weak, other_doc}), labels, options);
  CHECK(r.micro.tp == 0);
  CHECK(r.micro.fn == 4);
}

TEST_CASE("inputs that are not what eval needs are clear errors") {
  CHECK_THROWS_WITH(evaluate("not json", labels, {}), Catch::Contains("not JSON"));
  CHECK_THROWS_WITH(evaluate("{}", labels, {}), Catch::Contains("no \"annotations\""));
  CHECK_THROWS_WITH(evaluate(corpus({}), "id,goals\n1,2\n", {}), Catch::Contains("no column 'rec_id'"));
  const auto r = evaluate(corpus({}), "rec_id,sdg_goals\n999.1,3\n", {});
  CHECK(r.unmatched == 1);
  CHECK(r.items == 0);
}

TEST_CASE("documents' own annotations scored against their metadata labels, per goal, micro and macro") {
  // A: labels {3, 16}, profile {3, 10}; B: labels {16}, profile {16}; C: no labels (left out).
  const std::string json = R"({"documents":[
    {"id":"A","metadata":[{"key":"un_sdg_goal","value":"3"},{"key":"unbis_subject","value":"health"},
                          {"key":"un_sdg_goal","value":"16"}]},
    {"id":"B","metadata":[{"key":"un_sdg_goal","value":"16"}]},
    {"id":"C","metadata":[]}],
   "annotations":[
    {"subject":"A","scheme":"sdg","level":"goal","code":"3","score":0.9},
    {"subject":"A","scheme":"sdg","level":"goal","code":"10","score":0.7},
    {"subject":"A","scheme":"sdg","level":"goal","code":"5","score":0.2},
    {"subject":"A ¶1","scheme":"sdg","level":"goal","code":"16","score":1.0},
    {"subject":"B","scheme":"sdg","level":"goal","code":"16","score":0.6},
    {"subject":"C","scheme":"sdg","level":"goal","code":"1","score":0.8}]})";
  EvalOptions options;
  options.threshold = 0.5;
  const auto r = evaluate_documents(json, "un_sdg_goal", options);
  CHECK(r.items == 2);
  CHECK(r.unmatched == 1);
  REQUIRE(r.per_code.size() == 3);  // 3, 10, 16: a paragraph's annotation is not the document's
  CHECK(r.per_code[0].code == "3");
  CHECK((r.per_code[0].tp == 1 && r.per_code[0].fp == 0 && r.per_code[0].fn == 0));
  CHECK(r.per_code[1].code == "10");
  CHECK((r.per_code[1].tp == 0 && r.per_code[1].fp == 1));
  CHECK(r.per_code[2].code == "16");
  CHECK((r.per_code[2].tp == 1 && r.per_code[2].fn == 1));
  CHECK(r.micro.tp == 2);
  CHECK(r.micro.fp == 1);
  CHECK(r.micro.fn == 1);
  CHECK(r.macro_f1 == Approx((1.0 + 2.0 / 3.0) / 2));  // over the labels' codes 3 and 16
  CHECK_THROWS_WITH(evaluate_documents("[]", "un_sdg_goal", options), Catch::Contains("annotations"));
}
