// Options a plugin declares, and a job's options checked against them (host/src/plugin_options).
#include <catch2/catch.hpp>

#include "plugin_options.hpp"

using namespace dossier;
using namespace dossier::host;

namespace {
const OptionSpec specs[] = {
    {"threshold", OptionType::number, "0.5", "drop mappings scoring below"},
    {"paragraphs", OptionType::boolean, "false", "map every paragraph"},
    {"model_top", OptionType::integer, "3", "codes per passage"},
    {"focus", OptionType::list, "", "one brief per value"},
    {"paper", OptionType::text, "a4", "a4 or letter"},
};

std::vector<DeclaredOption> declared() {
  std::vector<DeclaredOption> out;
  REQUIRE(read_declared_options(specs, 5, out).empty());
  return out;
}
}  // namespace

TEST_CASE("a declaration is copied, and a bad one says what is wrong") {
  const auto d = declared();
  REQUIRE(d.size() == 5);
  CHECK(d[0].name == "threshold");
  CHECK(d[0].type == OptionType::number);
  CHECK(d[0].default_value == "0.5");
  std::vector<DeclaredOption> out;
  const OptionSpec twice[] = {{"paper", OptionType::text, "", ""}, {"paper", OptionType::text, "", ""}};
  CHECK(read_declared_options(twice, 2, out) == "declares option 'paper' twice");
  const OptionSpec bad_name[] = {{"Paper Size", OptionType::text, "", ""}};
  CHECK_THAT(read_declared_options(bad_name, 1, out), Catch::Contains("invalid name"));
  const OptionSpec bad_type[] = {{"paper", static_cast<OptionType>(99), "", ""}};
  CHECK_THAT(read_declared_options(bad_type, 1, out), Catch::Contains("unknown type"));
  CHECK(read_declared_options(nullptr, 0, out).empty());
  CHECK(out.empty());
}

TEST_CASE("a misspelt name gets the declared name it most likely meant") {
  const std::vector<std::string> names = {"threshold", "paragraphs", "model_top", "focus", "paper"};
  CHECK(closest_name("treshold", names) == "threshold");     // a letter left out
  CHECK(closest_name("threshhold", names) == "threshold");   // one too many
  CHECK(closest_name("paragarphs", names) == "paragraphs");  // two swapped
  CHECK(closest_name("model-top", names) == "model_top");
  CHECK(closest_name("colour", names).empty());  // nothing close
  CHECK(closest_name("pap", names).empty());     // too short to guess from
}

TEST_CASE("unknown options and values of the wrong type are one line each, naming the plugin") {
  Options given;
  given.set("treshold", "0.6");
  given.set("paragraphs", "maybe");
  given.set("model_top", "2.5");
  given.set("paper", "a4");
  given.set_list("focus", {"sdg:10", "gcm:2"});
  const auto problems = option_problems(PluginKind::analyzer, "sdg", declared(), given);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0] == "analyzer 'sdg': option 'model_top': '2.5' is not a whole number");
  CHECK(problems[1] == "analyzer 'sdg': option 'paragraphs': 'maybe' is not true or false");
  CHECK(problems[2] ==
        "analyzer 'sdg': unknown option 'treshold' (did you mean 'threshold'?); see `dossier plugins info sdg`");

  Options listed;
  listed.set_list("paper", {"a4", "letter"});
  listed.set("threshold", "high");
  const auto more = option_problems(PluginKind::exporter, "pdf", declared(), listed);
  REQUIRE(more.size() == 2);
  CHECK(more[0] == "exporter 'pdf': option 'paper': takes one text value, not a list of 2");
  CHECK(more[1] == "exporter 'pdf': option 'threshold': 'high' is not a number");
}

TEST_CASE("an option far from every name lists them, and a plugin without options says so") {
  Options given;
  given.set("colour", "blue");
  const auto problems = option_problems(PluginKind::exporter, "pdf", declared(), given);
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0], Catch::Contains("(it takes: threshold, paragraphs, model_top, focus, paper)"));
  const auto none = option_problems(PluginKind::exporter, "xml", {}, given);
  REQUIRE(none.size() == 1);
  CHECK_THAT(none[0], Catch::Contains("unknown option 'colour' (it takes no options)"));
  CHECK(option_problems(PluginKind::exporter, "xml", {}, Options()).empty());
}
