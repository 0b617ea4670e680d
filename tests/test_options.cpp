#include <catch2/catch.hpp>

#include <stdexcept>

#include "dossier/options.hpp"

using dossier::Options;

TEST_CASE("options give typed values with fallbacks") {
  Options o;
  o.set("threshold", "0.35");
  o.set("pretty", "true");
  o.set("limit", "12");
  o.set_list("focus", {"sdg:10", "gcm:13"});
  CHECK(o.get_double("threshold", 1.0) == Approx(0.35));
  CHECK(o.get_bool("pretty", false));
  CHECK(o.get_int("limit", 0) == 12);
  CHECK(o.get_list("focus") == std::vector<std::string>{"sdg:10", "gcm:13"});
  CHECK(o.get("focus") == "sdg:10");
  CHECK(o.get("missing", "x") == "x");
  CHECK(o.get_int("missing", 7) == 7);
  CHECK(o.get_list("missing").empty());
}

TEST_CASE("a value of the wrong type is an error naming the key") {
  Options o;
  o.set("pretty", "maybe");
  o.set("limit", "12x");
  try {
    o.get_bool("pretty", false);
    FAIL("no exception");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()).find("pretty") != std::string::npos);
  }
  CHECK_THROWS_AS(o.get_int("limit", 0), std::invalid_argument);
  CHECK_THROWS_AS(o.get_double("limit", 0), std::invalid_argument);
}
