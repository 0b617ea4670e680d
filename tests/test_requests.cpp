// A build's plugin requests checked and completed before anything is read (host/src/requests).
#include <catch2/catch.hpp>

#include "requests.hpp"
#include "support.hpp"

using namespace dossier;
using namespace dossier::host;

namespace {
const PluginRegistry& registry() { return test::all_plugins(); }

PluginRequest request(std::string plugin) {
  PluginRequest r;
  r.plugin = std::move(plugin);
  return r;
}
}  // namespace

TEST_CASE("unknown plugins and wrong kinds are configuration errors") {
  RunSpec spec;
  spec.exporters = {request("nope"), request("text")};
  spec.analyzers = {request("json")};
  auto problems = validate_requests(spec, registry());
  REQUIRE(problems.size() == 3);
  CHECK_THAT(problems[0], Catch::Contains("is an exporter, not an analyzer"));
  CHECK_THAT(problems[1], Catch::Contains("unknown exporter 'nope'"));
  CHECK_THAT(problems[2], Catch::Contains("is a reader, not an exporter"));
}

TEST_CASE("a plugin given an option it does not declare is a configuration error naming both") {
  RunSpec spec;
  spec.exporters = {request("json")};
  spec.exporters[0].options.set("prety", "true");
  const auto problems = validate_requests(spec, registry());
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0], Catch::Contains("exporter 'json': unknown option 'prety' (did you mean 'pretty'?)"));
}

TEST_CASE("the analyzers an exporter needs are added with their defaults when the build lacks them") {
  RunSpec spec;
  spec.analyzers = {request("sdg")};
  spec.analyzers[0].options.set("paragraphs", "true");
  spec.exporters = {request("json"), request("xlsx"), request("pdf"), request("nope")};
  const auto added = add_needed_analyzers(spec, registry());
  REQUIRE(added.size() == 1);  // xlsx and pdf both need gcm: added once
  CHECK(added[0] == "exporter 'xlsx' needs analyzer 'gcm', which the build does not run: running it with its defaults");
  REQUIRE(spec.analyzers.size() == 2);
  CHECK(spec.analyzers[0].options.get("paragraphs") == "true");  // the job's own request untouched
  CHECK(spec.analyzers[1].plugin == "gcm");
  CHECK(spec.analyzers[1].options.all().empty());
  CHECK(add_needed_analyzers(spec, registry()).empty());  // nothing more to add

  RunSpec plain;
  plain.exporters = {request("json"), request("xml")};
  CHECK(add_needed_analyzers(plain, registry()).empty());
  CHECK(plain.analyzers.empty());
}
