#include <catch2/catch.hpp>

#include "dossier/model.hpp"
#include "dossier/domain/citation.hpp"

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

TEST_CASE("citations as users type them") {
  Citation c;
  REQUIRE(parse_citation("A/68/283 \xC2\xB6" "135", c));
  CHECK(c.document == "A/68/283");
  CHECK(c.first == "135");
  CHECK(c.last == "135");
  REQUIRE(parse_citation("  A/68/283 \xC2\xB6" "50-54 ", c));
  CHECK(c.first == "50");
  CHECK(c.last == "54");
  REQUIRE(parse_citation("A/68/283 \xC2\xB6" "50\xE2\x80\x93" "54", c));  // en dash
  CHECK(c.last == "54");
  REQUIRE(parse_citation("A/HRC/43/15 para 121.1", c));
  CHECK(c.document == "A/HRC/43/15");
  CHECK(c.first == "121.1");
  REQUIRE(parse_citation("A/68/283 paras. 50 to 54", c));
  CHECK(c.last == "54");
  REQUIRE(parse_citation("002-77a4883765ce66a6 \xC2\xA7" "6.1.RT Session 1.1 #3", c));
  CHECK(c.document == "002-77a4883765ce66a6");
  CHECK(c.section_path == "6.1.RT Session 1.1");
  CHECK(c.ordinal == 3);
  REQUIRE(parse_citation("gfmd-2010 \xC2\xA7" "6.1 #3", c));
  CHECK(c.document == "gfmd-2010");
  CHECK(c.section_path == "6.1");
  CHECK(c.ordinal == 3);
  CHECK(c.first.empty());
  REQUIRE(parse_citation("gfmd-2010 #2", c));
  CHECK(c.ordinal == 2);
  REQUIRE(parse_citation("A/RES/76/172 \xC2\xB6" "4(a)", c));
  CHECK(c.first == "4(a)");
  CHECK_FALSE(parse_citation("", c));
  CHECK_FALSE(parse_citation("A/68/283", c));
  CHECK_FALSE(parse_citation("\xC2\xB6" "135", c));
  CHECK_FALSE(parse_citation(std::string(5000, 'x'), c));
}

TEST_CASE("a citation covers the paragraphs of its range, sub-paragraphs included") {
  Citation c;
  REQUIRE(parse_citation("A/68/283 \xC2\xB6" "50-54", c));
  CHECK(citation_covers(c, "50"));
  CHECK(citation_covers(c, "54"));
  CHECK_FALSE(citation_covers(c, "49"));
  CHECK_FALSE(citation_covers(c, "55"));
  CHECK_FALSE(citation_covers(c, "5"));
  REQUIRE(parse_citation("A/HRC/43/15 \xC2\xB6" "121", c));
  CHECK(citation_covers(c, "121.1"));
  CHECK_FALSE(citation_covers(c, "122.1"));
  CHECK_FALSE(citation_covers(c, "x"));
}
