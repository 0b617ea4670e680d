// What marks recommendations: headings, list introductions, recommending States
// (plugins/readers/common/recommendations.hpp).
#include <catch2/catch.hpp>

#include "recommendations.hpp"

#include <string>
#include <vector>

using namespace dossier::readers;
using Names = std::vector<std::string>;

TEST_CASE("recommendation headings: their kind, addressee, and whether they open a list") {
  auto h = recommendation_heading("Recommendations to the States:");
  REQUIRE(h);
  CHECK(h->kind == "recommendation");
  CHECK(h->addressee == "States");
  CHECK(h->opens_list);
  h = recommendation_heading("Policy Options:");
  REQUIRE(h);
  CHECK(h->kind == "policy_option");
  CHECK(h->addressee.empty());
  h = recommendation_heading("Options for practical action");
  REQUIRE(h);
  CHECK(h->kind == "practical_action");
  h = recommendation_heading("Political recommendations");
  REQUIRE(h);
  CHECK(h->kind == "political_recommendation");
  h = recommendation_heading("Recommendations to the United Nations Secretary General");
  REQUIRE(h);
  CHECK(h->addressee == "Secretary-General");
  // A UPR report's chapter holds the lists; it is not one.
  h = recommendation_heading("Conclusions and/or recommendations");
  REQUIRE(h);
  CHECK(h->kind == "recommendation");
  CHECK_FALSE(h->opens_list);
  CHECK_FALSE(recommendation_heading("The recommendations were well received"));
  CHECK_FALSE(recommendation_heading("Introduction"));
}

TEST_CASE("list introductions in English: supported, noted, pending, and the State") {
  auto intro = list_introduction(
      "The recommendations formulated during the interactive dialogue/listed below have been examined by "
      "Slovenia and enjoy the support of Slovenia:");
  REQUIRE(intro);
  CHECK(intro->position == "supported");
  CHECK(intro->state == "Slovenia");

  intro = list_introduction(
      "The following recommendations did not enjoy the support of Utopia and would thus be noted:");
  REQUIRE(intro);
  CHECK(intro->position == "noted");
  CHECK(intro->state == "Utopia");

  intro = list_introduction(
      "The following recommendations will be examined by Utopia, which will provide responses in due time, but "
      "no later than the fifty-eighth session of the Human Rights Council:");
  REQUIRE(intro);
  CHECK(intro->position == "pending");
  CHECK(intro->state == "Utopia");

  intro = list_introduction("The following recommendations will be examined by the Plurinational State of Bolivia:");
  REQUIRE(intro);
  CHECK(intro->position == "pending");
  CHECK(intro->state == "the Plurinational State of Bolivia");

  // Announces a list but says nothing of a position or a State.
  intro = list_introduction("The following recommendations were made during the dialogue:");
  REQUIRE(intro);
  CHECK(intro->position.empty());
  CHECK(intro->state.empty());
}

TEST_CASE("text that only mentions recommendations introduces no list") {
  CHECK_FALSE(list_introduction("Utopia had implemented most of the recommendations of the previous cycle."));
  CHECK_FALSE(list_introduction("The delegation thanked the States for their recommendations and questions."));
  CHECK_FALSE(list_introduction("The following States took part in the dialogue:"));
  CHECK_FALSE(list_introduction(""));
}

TEST_CASE("recommending States are read from the parentheses that end a recommendation") {
  CHECK(recommending_states("Ratify the Convention (France) (Lithuania);") == Names{"France", "Lithuania"});
  CHECK(recommending_states("Adopt a national action plan (Italy, Canada).") == Names{"Italy", "Canada"});
  CHECK(recommending_states("Combat trafficking in persons (Mexico; Egypt);") == Names{"Mexico", "Egypt"});
  CHECK(recommending_states("Abolish the death penalty (Iran (Islamic Republic of))") ==
        Names{"Iran (Islamic Republic of)"});
  CHECK(recommending_states("Strengthen the Ombudsman (Defensor del Pueblo) (Peru);") == Names{"Peru"});
  CHECK(recommending_states("Implement the Convention on the Rights of Persons with Disabilities (CRPD)").empty());
  CHECK(recommending_states("Follow up on the national plan adopted in 2010 (2010);").empty());
  CHECK(recommending_states("No parentheses at all;").empty());
}

TEST_CASE("Cote d'Ivoire, as printed with its accent, is a recommending State") {
  const std::string curly = "C\xC3\xB4te d\xE2\x80\x99Ivoire", straight = "C\xC3\xB4te d'Ivoire";
  CHECK(recommending_states("Ratify the Convention (" + curly + ");") == Names{curly});
  CHECK(recommending_states("Ratify the Convention (Belgium) (" + straight + ");") == Names{"Belgium", straight});
  CHECK(count_attributions("Ratify the Convention (" + curly + ");") == 1);
}

TEST_CASE("Netherlands (Kingdom of the) is a recommending State among others") {
  CHECK(recommending_states("Ratify the Convention (Netherlands (Kingdom of the));") ==
        Names{"Netherlands (Kingdom of the)"});
  CHECK(recommending_states("Ratify the Convention (Belgium) (Netherlands (Kingdom of the));") ==
        Names{"Belgium", "Netherlands (Kingdom of the)"});
  CHECK(recommending_states("Ratify the Convention (Belgium, Netherlands (Kingdom of the));") ==
        Names{"Belgium", "Netherlands (Kingdom of the)"});
  CHECK(count_attributions("Ratify the Convention (Belgium) (Netherlands (Kingdom of the));") == 2);
}

TEST_CASE("an item that groups several States' recommendations is cut after each group of States") {
  const std::string grouped =
      "To consider ratifying the Optional Protocol to the Convention against Torture (Nigeria); to ratify the "
      "Convention on the Rights of Persons with Disabilities (Switzerland); to consider acceding to the Rome "
      "Statute (Mexico)";
  CHECK(attributed_clauses(grouped) ==
        Names{"To consider ratifying the Optional Protocol to the Convention against Torture (Nigeria);",
              "to ratify the Convention on the Rights of Persons with Disabilities (Switzerland);",
              "to consider acceding to the Rome Statute (Mexico)"});
  CHECK(attributed_clauses("Ratify OP-CAT (Slovenia, Sweden);") == Names{"Ratify OP-CAT (Slovenia, Sweden);"});
  // A parenthesis that names no State does not cut.
  const std::string one = "Ratify the CRPD (CRPD); and implement it fully through a national plan (Spain);";
  CHECK(attributed_clauses(one) == Names{one});
}

TEST_CASE("attributions count each recommending State once") {
  CHECK(count_attributions("Ratify (Slovakia, Slovenia, Spain), or consider ratifying (Costa Rica) the Rome Statute") ==
        4);
  CHECK(count_attributions("Ratify CPED (Spain); Ratify without delay CPED (Spain) (France);") == 2);
  CHECK(count_attributions("Abolish the death penalty (Iran (Islamic Republic of));") == 1);
  CHECK(count_attributions("Implement the CRPD (CRPD) adopted in (2006)") == 0);
}

TEST_CASE("addressees take the names UN documents use") {
  CHECK(normalize_addressee("the United Nations Secretary General") == "Secretary-General");
  CHECK(normalize_addressee("HRC:") == "Human Rights Council");
  CHECK(normalize_addressee(" the States. ") == "States");
  CHECK(normalize_addressee("Utopia") == "Utopia");
}
