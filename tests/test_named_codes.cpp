// Reading the codes a heading names in a parenthesis (the IMRF round tables), in any language.
#include <catch2/catch.hpp>

#include "named_codes.hpp"

using dossier::analyzers::numbers_named_in;
using V = std::vector<int>;

TEST_CASE("the numbers of a parenthesis in a heading, in the six UN languages") {
  CHECK(numbers_named_in("Round table 1 (objectives 2, 5, 6, 12 and 18)", 23) == V{2, 5, 6, 12, 18});
  CHECK(numbers_named_in("Table ronde 1 (objectifs 2, 5, 6, 12 et 18)", 23) == V{2, 5, 6, 12, 18});
  CHECK(numbers_named_in("«Круглый стол» 1: (цели 2, 5, 6, 12 и 18)", 23) == V{2, 5, 6, 12, 18});
  CHECK(numbers_named_in("第一场圆桌会议（目标2、5、6、12和18）", 23) == V{2, 5, 6, 12, 18});
  CHECK(numbers_named_in("第一场圆桌会议(目标2、5、6、12和18)", 23) == V{2, 5, 6, 12, 18});
  // The Arabic file's own damage: an empty parenthesis inside the list's.
  CHECK(numbers_named_in("اجتماع المائدة المستديرة 1 (الأهداف 2 و 5 و 6 و 12 و 18())", 23) == V{2, 5, 6, 12, 18});
}

TEST_CASE("a parenthesis with one number, a year or a number out of range names nothing") {
  CHECK(numbers_named_in("Round table 1 (objective 2)", 23).empty());
  CHECK(numbers_named_in("Progress Declaration (2022, 2026)", 23).empty());
  CHECK(numbers_named_in("Round table (objectives 2 and 24)", 23).empty());
  CHECK(numbers_named_in("No parenthesis 2, 5 and 6", 23).empty());
  CHECK(numbers_named_in("Unclosed (objectives 2, 5", 23) == V{2, 5});
  CHECK(numbers_named_in("(99999999999999999999, 3)", 23).empty());
  // The first parenthesis that names codes counts.
  CHECK(numbers_named_in("Part (A) round table (objectives 1, 3 and 7)", 23) == V{1, 3, 7});
  CHECK(numbers_named_in("", 23).empty());
}
