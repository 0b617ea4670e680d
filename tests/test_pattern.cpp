// The readers' regular expressions (plugins/readers/common/pattern.hpp).
#include <catch2/catch.hpp>

#include "pattern.hpp"

#include <string>

using dossier::readers::Match;
using dossier::readers::Pattern;

TEST_CASE("full match fills groups and tells unmatched ones") {
  const Pattern heading(R"(^(?:(Political|Policy)\s+)?(recommendations?)(?:\s+to\s+(?:the\s+)?(.+?))?\s*:?$)", true);
  Match m;
  REQUIRE(heading.full("Recommendations to the States:", m));
  CHECK_FALSE(m[1].matched);
  CHECK(m[2].str() == "Recommendations");
  CHECK(m[3].str() == "States");
  REQUIRE(heading.full("Policy recommendations", m));
  CHECK(m[1].str() == "Policy");
  CHECK_FALSE(m[3].matched);
  CHECK_FALSE(heading.full("Recommendations were made"));
}

TEST_CASE("patterns match bytes as std::regex did") {
  // A bullet spelled as its UTF-8 bytes, and an en dash inside a bracket class of bytes.
  const Pattern bullet(R"(^(\xE2\x80\xA2|-)\s+(\S.*)$)");
  Match m;
  REQUIRE(bullet.full("\xE2\x80\xA2 Ratify the convention", m));
  CHECK(m[2].str() == "Ratify the convention");
  const Pattern range(R"(^(\d{1,2})\s*[-\xE2\x80\x93]+\s*(\d{1,2})$)");
  REQUIRE(range.full("8 \xE2\x80\x93 11", m));
  CHECK(m[2].str() == "11");
  // Invalid UTF-8 is only bytes: `.` takes them.
  CHECK(Pattern("^a.b$").full("a\xFF" "b"));
}

TEST_CASE("whitespace classes include the vertical tab") {
  CHECK(Pattern(R"(^a\sb$)").full("a\vb"));
  CHECK(Pattern(R"(^a[\s,]b$)").full("a\vb"));
  CHECK_FALSE(Pattern(R"(^a\Sb$)").full("a\vb"));
  CHECK(Pattern(R"(^a\Sb$)").full("a-b"));
}

TEST_CASE("find starts where asked and sees the text before it") {
  const Pattern word(R"(\b(\d+)\b)");
  Match m;
  REQUIRE(word.find("x12 34", m));
  CHECK(m[1].str() == "34");  // "12" is not at a word boundary
  CHECK(m.position(1) == 4);
  const Pattern start(R"((^|[.;])\s+(\d)\.)");
  REQUIRE(start.find(" 1. a. 2. b", m));
  CHECK(m[2].str() == "1");
  REQUIRE(start.find(" 1. a. 2. b", m, 2));
  CHECK(m[2].str() == "2");  // `^` does not match at the starting offset
  CHECK(m.prefix() == " 1. a");
  CHECK(m.suffix() == " b");
  CHECK_FALSE(start.find(" 1. a. 2. b", m, 12));
}

TEST_CASE("replace all rewrites every match with its groups") {
  const Pattern link(R"(\[([^\]]*)\]\([^)]*\))");
  CHECK(link.replace_all("see [the report](#r1) and [annex](#a)", "\\1") == "see the report and annex");
  CHECK(Pattern("x*").replace_all("abc", "-") == "-a-b-c-");
}

TEST_CASE("a line of several megabytes is matched without recursion") {
  // std::regex recursed once per character here and overflowed the stack.
  std::string line = "1. ";
  line.append(8u << 20, 'a');
  Match m;
  REQUIRE(Pattern(R"(^(\d{1,3})\.\s+(\S.*)$)").full(line, m));
  CHECK(m[2].view.size() == 8u << 20);
  CHECK(m.length(2) == 8u << 20);
}

TEST_CASE("a malformed pattern is a programming error") {
  CHECK_THROWS_AS(Pattern("(unclosed"), std::logic_error);
  CHECK_THROWS_AS(Pattern("a(?=b)"), std::logic_error);  // RE2 has no lookahead
}

TEST_CASE("first bytes given with a pattern only skip texts it cannot match") {
  const Pattern numbered(R"(^(\d{1,3})\.\s+(\S.*)$)", false, "0123456789");
  Match m;
  CHECK(numbered.full("12. Text", m));
  CHECK(m[1].str() == "12");
  CHECK_FALSE(numbered.full("a12. Text"));
  CHECK_FALSE(numbered.full(""));
  const Pattern heading(R"(^recommendations?:?$)", true, "r");
  CHECK(heading.full("Recommendations:"));
  CHECK(heading.full("recommendation"));
  CHECK_FALSE(heading.full("Conclusions"));
}
