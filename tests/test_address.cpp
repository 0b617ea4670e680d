#include <catch2/catch.hpp>

#include "dossier/address.hpp"
#include "dossier/model.hpp"

using namespace dossier;

TEST_CASE("numbered paragraphs are cited by symbol and printed number") {
  CHECK(paragraph_address("A/68/283", "135") == "A/68/283 \xC2\xB6" "135");
  CHECK(paragraph_address("A/HRC/43/15", "121.1") == "A/HRC/43/15 \xC2\xB6" "121.1");
}

TEST_CASE("unnumbered blocks are cited by section path and ordinal") {
  CHECK(block_address("gfmd-2010", "6.1", 3) == "gfmd-2010 \xC2\xA7" "6.1 #3");
  CHECK(block_address("gfmd-2010", "", 2) == "gfmd-2010 #2");
}

TEST_CASE("slugify gives lower-case ASCII ids and never an empty one") {
  CHECK(slugify("GFMD 2010 -- Report (Final)") == "gfmd-2010-report-final");
  CHECK(slugify("001_88e8c2357c784c71") == "001-88e8c2357c784c71");
  CHECK(slugify("") == "document");
  CHECK(slugify("\xC3\xA9\xC3\xA9") == "document");
  CHECK(slugify(std::string(200, 'a')).size() == 64);
}

TEST_CASE("section paths join printed labels and number unlabelled sections") {
  Document d;
  d.sections = {{"IV.", "Conclusions", "chapter", 1, -1},
                {"B.", "Recommendations", "section", 2, 0},
                {"", "Unlabelled", "section", 2, 0}};
  CHECK(d.section_path(-1).empty());
  CHECK(d.section_path(0) == "IV");
  CHECK(d.section_path(1) == "IV.B");
  CHECK(d.section_path(2) == "IV.2");
}

TEST_CASE("a malformed section tree cannot loop forever") {
  Document d;
  d.sections = {{"A", "", "", 1, 1}, {"B", "", "", 1, 0}};
  CHECK_FALSE(d.section_path(0).empty());
}

TEST_CASE("block kinds round-trip through their names") {
  for (BlockKind k : {BlockKind::numbered_paragraph, BlockKind::text, BlockKind::list_item, BlockKind::heading,
                      BlockKind::table, BlockKind::footnote_body}) {
    BlockKind parsed = BlockKind::text;
    REQUIRE(parse_block_kind(to_string(k), parsed));
    CHECK(parsed == k);
  }
  BlockKind unused;
  CHECK_FALSE(parse_block_kind("paragraph", unused));
}

TEST_CASE("dotted labels are not repeated in section paths") {
  Document d;
  d.sections = {{"6.", "ROUNDTABLES", "section", 3, -1},
                {"6.1.", "ROUNDTABLE 1", "section", 4, 0},
                {"RT Session 1.1", "Partnerships", "session", 6, 1}};
  CHECK(d.section_path(1) == "6.1");
  CHECK(d.section_path(2) == "6.1.RT Session 1.1");
}
