// Curated vocabularies: rules as data, parsed with clear errors, matched with evidence.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "vocabulary.hpp"

using namespace dossier;

TEST_CASE("a vocabulary file gives rules that fire on their words") {
  const auto v = vocabulary::parse(R"(
version = "test.1"
scheme = "gcm"

[[rule]]
code = "13"
weight = 0.8
query = '"alternative* to detention" OR ("detention" W/3 "child*")'
note = "immigration detention"

[[rule]]
code = "6"
query = '"recruitment fee*"'
)",
                                   "test.toml");
  CHECK(v.version == "test.1");
  REQUIRE(v.rules.size() == 2);
  CHECK(v.rules[1].weight == Approx(0.6));  // the default
  const vocabulary::Compiled compiled(v);
  CHECK(compiled.problems().empty());
  const auto hits = compiled.match("Find alternatives to detention and end the detention of migrant children.");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].rule->code == "13");
  CHECK_FALSE(hits[0].words.empty());
  CHECK(compiled.match("Abolish recruitment fees charged to workers.").at(0).rule->code == "6");
  CHECK(compiled.match("Nothing relevant here.").empty());
}

TEST_CASE("vocabulary mistakes name the file and line") {
  CHECK_THROWS_WITH(vocabulary::parse("scheme = \"sdg\"\n[[rule]]\ncode = \"1.1\"\n", "v.toml"),
                    Catch::Contains("v.toml:2: a [[rule]] needs 'code' and 'query'"));
  CHECK_THROWS_WITH(vocabulary::parse("scheme = \"sdg\"\n[[rule]]\ncode = \"1.1\"\nquery = 'x'\nweight = 3\n", "v.toml"),
                    Catch::Contains("'weight' must be between 0 and 1"));
  CHECK_THROWS_WITH(vocabulary::parse("scheme = \"sdg\"\ncolour = 1\n", "v.toml"), Catch::Contains("v.toml:2: unknown key"));
  CHECK_THROWS_WITH(vocabulary::parse("scheme = \"xyz\"\n", "v.toml"), Catch::Contains("'scheme' must be"));
  CHECK_THROWS_WITH(vocabulary::parse("scheme = [\n", "v.toml"), Catch::Contains("v.toml:"));
  CHECK_THROWS_WITH(vocabulary::load_file("/nonexistent.toml"), Catch::Contains("cannot open"));
  const auto rule = [](const std::string& scheme, const std::string& code) {
    return "scheme = \"" + scheme + "\"\n[[rule]]\ncode = \"" + code + "\"\nquery = 'x'\n";
  };
  CHECK_THROWS_WITH(vocabulary::parse(rule("sdg", "18.1"), "v.toml"), Catch::Contains("v.toml:2: 'code' \"18.1\" is not"));
  CHECK_THROWS_WITH(vocabulary::parse(rule("sdg", "10"), "v.toml"), Catch::Contains("is not an SDG target"));
  CHECK_THROWS_WITH(vocabulary::parse(rule("gcm", "24"), "v.toml"), Catch::Contains("is not a GCM objective"));
  CHECK_THROWS_WITH(vocabulary::parse(rule("gcm", "cluster-7"), "v.toml"), Catch::Contains("is not a GCM objective"));
  CHECK_NOTHROW(vocabulary::parse(rule("sdg", "10.a"), "v.toml"));
  CHECK_NOTHROW(vocabulary::parse(rule("gcm", "cluster-6"), "v.toml"));
  CHECK_NOTHROW(vocabulary::parse(rule("gcm", "23"), "v.toml"));
}

TEST_CASE("evidence combines independent signals and never exceeds certainty") {
  vocabulary::Evidence e;
  e.add(0.6, "a");
  CHECK(e.score() == Approx(0.6));
  e.add(0.5, "b");
  CHECK(e.score() == Approx(0.8));
  e.add(0.5, "b");  // the same evidence twice counts once
  CHECK(e.score() == Approx(0.8));
  e.add(1.0, "explicit");
  CHECK(e.score() == Approx(1.0));
  CHECK(e.lines.size() == 3);
  CHECK(vocabulary::builtin("no-such-scheme") == nullptr);
}

TEST_CASE("a generic phrase supports a mapping but never makes one alone") {
  const auto v = vocabulary::parse(R"(
version = "test.1"
scheme = "sdg"

[[rule]]
code = "17.2"
weight = 0.6
query = '"international cooperation"'
note = "international cooperation"
generic = true
)",
                                   "test.toml");
  REQUIRE(v.rules.size() == 1);
  CHECK(v.rules[0].generic);
  const std::vector<std::string_view> words{"international cooperation"};
  const std::string line = vocabulary::evidence_line(v, v.rules[0], words, "17.2");
  CHECK_THAT(line, Catch::Contains("(international cooperation; a generic phrase, never alone)"));
  vocabulary::Evidence e;
  e.add(0.6, line, true);
  CHECK(e.score() == Approx(0.6));
  CHECK_FALSE(e.maps(0.5));
  e.add(0.4, "a specific signal under the threshold alone");
  CHECK(e.maps(0.5));
  CHECK_FALSE(e.maps(0.9));
  CHECK_THROWS_WITH(vocabulary::parse("scheme = \"sdg\"\n[[rule]]\ncode = \"1.1\"\nquery = 'x'\ngeneric = 1\n", "v.toml"),
                    Catch::Contains("unknown key or wrong type: 'generic'"));
}
