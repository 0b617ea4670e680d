// Heading labels, their outline levels and sequences (plugins/readers/common/sections.hpp).
#include <catch2/catch.hpp>

#include "sections.hpp"

#include <string>

using namespace dossier::readers;

namespace {

struct Split {
  bool ok = false;
  Label label;
  std::string rest;
};

Split split(const std::string& line) {
  Split s;
  s.ok = split_label(line, s.label, s.rest);
  return s;
}

Label label(LabelStyle style, const std::string& text, int depth = 1) { return {style, text, depth}; }

}  // namespace

TEST_CASE("labels of each style are split from their titles, with their level and value") {
  struct Case {
    std::string line;
    LabelStyle style;
    std::string text, rest;
    int depth, level, value;
  };
  const Case cases[] = {
      {"IV. Conclusions and recommendations", LabelStyle::roman, "IV", "Conclusions and recommendations", 1, 1, 4},
      {"I. Introduction", LabelStyle::roman, "I", "Introduction", 1, 1, 1},
      {"XII. Other matters", LabelStyle::roman, "XII", "Other matters", 1, 1, 12},
      {"B. Recommendations", LabelStyle::upper_letter, "B", "Recommendations", 1, 2, 2},
      {"C. Interactive dialogue", LabelStyle::upper_letter, "C", "Interactive dialogue", 1, 2, 3},
      {"3. Recommendations to States:", LabelStyle::numeric, "3", "Recommendations to States:", 1, 3, 3},
      {"6.2. ROUNDTABLE 2", LabelStyle::numeric, "6.2", "ROUNDTABLE 2", 2, 4, 2},
      {"1.2.3 Data", LabelStyle::numeric, "1.2.3", "Data", 3, 5, 3},
      {"(3) Guaranteeing the rights of migrants", LabelStyle::paren_number, "(3)",
       "Guaranteeing the rights of migrants", 1, 7, 3},
      {"(c) Recommendations in relation to the HLD", LabelStyle::paren_letter, "(c)",
       "Recommendations in relation to the HLD", 1, 8, 3},
      {"RT Session 1.1: Partnerships for development", LabelStyle::named, "RT Session 1.1",
       "Partnerships for development", 1, 6, 0},
      {"Roundtable 2 - Migration and mobility", LabelStyle::named, "Roundtable 2", "Migration and mobility", 1, 6, 0},
      {"Annex", LabelStyle::annex, "Annex", "", 1, 1, 0},
      {"Annex II: List of participants", LabelStyle::annex, "Annex II", "List of participants", 1, 1, 0},
      {"ANNEXE", LabelStyle::annex, "ANNEXE", "", 1, 1, 0},
      {"Anexo 3 - Lista de participantes", LabelStyle::annex, "Anexo 3", "Lista de participantes", 1, 1, 0},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    const Split s = split(c.line);
    REQUIRE(s.ok);
    CHECK(s.label.style == c.style);
    CHECK(s.label.text == c.text);
    CHECK(s.rest == c.rest);
    CHECK(s.label.depth == c.depth);
    CHECK(level_of(s.label) == c.level);
    CHECK(label_value(s.label) == c.value);
  }
}

TEST_CASE("lines without a label are not split") {
  for (const char* line : {"Introduction", "The Council adopted the report.", "Conclusions and/or recommendations",
                           "J. Not a section letter", "(A) Capital in parentheses", ""}) {
    INFO(line);
    CHECK_FALSE(split(line).ok);
  }
}

TEST_CASE("levels follow the UN outline: I. > A. > 1. > 1.1 > named > (1) > (a)") {
  const int roman = level_of(label(LabelStyle::roman, "II"));
  const int letter = level_of(label(LabelStyle::upper_letter, "A"));
  const int number = level_of(label(LabelStyle::numeric, "1"));
  const int dotted = level_of(label(LabelStyle::numeric, "1.1", 2));
  const int named = level_of(label(LabelStyle::named, "Session 2"));
  const int paren_number = level_of(label(LabelStyle::paren_number, "(1)"));
  const int paren_letter = level_of(label(LabelStyle::paren_letter, "(a)"));
  CHECK(roman < letter);
  CHECK(letter < number);
  CHECK(number < dotted);
  CHECK(dotted < named);
  CHECK(named < paren_number);
  CHECK(paren_number < paren_letter);
  CHECK(level_of(label(LabelStyle::annex, "Annex I")) == roman);
  // Deep dotted numbers stop deepening before named sessions.
  CHECK(level_of(label(LabelStyle::numeric, "1.2.3.4", 4)) < named);
}

TEST_CASE("a heading continues its style's sequence: a restart, the next, or the next but one") {
  // Restarts at 1, I and A whatever came before.
  CHECK(continues_sequence(label(LabelStyle::numeric, "1"), 7));
  CHECK(continues_sequence(label(LabelStyle::roman, "I"), 3));
  CHECK(continues_sequence(label(LabelStyle::upper_letter, "A"), 4));
  CHECK(continues_sequence(label(LabelStyle::paren_letter, "(a)"), 2));
  // The first of a sequence, the next one, the next but one (a heading lost on the way).
  CHECK(continues_sequence(label(LabelStyle::numeric, "2"), 0));
  CHECK(continues_sequence(label(LabelStyle::numeric, "4"), 3));
  CHECK(continues_sequence(label(LabelStyle::numeric, "5"), 3));
  CHECK(continues_sequence(label(LabelStyle::roman, "IV"), 3));
  CHECK(continues_sequence(label(LabelStyle::upper_letter, "D"), 2));
  // A number that lost its line, not a heading.
  CHECK_FALSE(continues_sequence(label(LabelStyle::numeric, "12"), 3));
  CHECK_FALSE(continues_sequence(label(LabelStyle::numeric, "6"), 3));
  CHECK_FALSE(continues_sequence(label(LabelStyle::numeric, "3"), 3));
  CHECK_FALSE(continues_sequence(label(LabelStyle::roman, "II"), 5));
  CHECK_FALSE(continues_sequence(label(LabelStyle::upper_letter, "F"), 1));
  // Named labels and annexes have no sequence to break.
  CHECK(continues_sequence(label(LabelStyle::named, "Session 9"), 2));
  CHECK(continues_sequence(label(LabelStyle::annex, "Annex III"), 0));
}
