// The Universal Periodic Review in a corpus (dossier/domain/upr.hpp): which documents are UPR
// reports and of which State, one State under several names, cycles, printed numbers and
// positions in words.
#include <catch2/catch.hpp>

#include "dossier/domain/upr.hpp"

using namespace dossier;

namespace {

Recommendation made(const std::string& address, std::vector<std::string> by, const std::string& addressee = "Utopia") {
  Recommendation r;
  r.address = address;
  r.kind = "recommendation";
  r.addressee = addressee;
  r.text = "Ratify the Convention";
  r.recommended_by = std::move(by);
  return r;
}

}  // namespace

TEST_CASE("a State is the same State under any of its names") {
  CHECK(state_key("Slovenia") == "SVN");
  CHECK(state_key("  slovenia ") == "SVN");  // as a job file may write it
  CHECK(state_key("Iran (Islamic Republic of)") == state_key("Iran"));
  CHECK(state_key("United Kingdom of Great Britain and Northern Ireland") == "GBR");
  CHECK(state_key("The former Yugoslav Republic of Macedonia") == "MKD");
  CHECK(state_key("Democratic People's Republic of Korea") != state_key("Republic of Korea"));
  CHECK(state_key("Atlantis  Republic") == "atlantis republic");  // no table knows it: its name
  CHECK(state_key("") == "");

  Recommendation r = made("A/HRC/1/1 \xC2\xB6" "1.1", {"France", "Iran (Islamic Republic of)"});
  CHECK(recommended_by_state(r, state_key("Iran")));
  CHECK_FALSE(recommended_by_state(r, state_key("Gabon")));
}

TEST_CASE("the UPR cycle of a report comes from the Working Group's calendar") {
  CHECK(upr_cycle("2008-05-28") == 1);
  CHECK(upr_cycle("2012-01-04") == 1);  // a report of the last session of the first cycle
  CHECK(upr_cycle("2012-12-13") == 2);
  CHECK(upr_cycle("2017-01-10") == 2);
  CHECK(upr_cycle("2019-12-19") == 3);
  CHECK(upr_cycle("2022-03-30") == 3);
  CHECK(upr_cycle("2023-01-12") == 4);
  CHECK(upr_cycle("2023-01") == 4);
  for (const char* unknown : {"", "2007-12-01", "2019", "19 December 2019", "20x9-12-19"}) CHECK(upr_cycle(unknown) == 0);
}

TEST_CASE("UPR reports are the documents whose recommendations name the States that made them") {
  std::vector<Document> docs(4);
  docs[0].id = "A/HRC/8/35";  // the cover names the State
  docs[0].metadata = {{"state_under_review", "Gabon"}};
  docs[0].date = "2008-05-28";
  docs[0].recommendations = {made("A/HRC/8/35 #2", {"Algeria"}, "Gabon")};
  docs[1].id = "gfmd-2010";  // recommendations without recommending States
  docs[1].recommendations = {made("gfmd-2010 #1", {}, "States")};
  docs[2].id = "A/HRC/58/12";  // no cover metadata: the addressee most recommendations name
  docs[2].recommendations = {made("A/HRC/58/12 \xC2\xB6" "12.1", {"France"}, "Utopia"),
                             made("A/HRC/58/12 \xC2\xB6" "12.2", {"Chile"}, "Utopia"),
                             made("A/HRC/58/12 \xC2\xB6" "12.3", {"Peru"}, "")};
  docs[3].id = "nameless";  // neither
  docs[3].recommendations = {made("nameless #1", {"Peru"}, "")};
  const auto reports = upr_reports(docs);
  REQUIRE(reports.size() == 2);
  CHECK(reports[0].document == &docs[0]);
  CHECK(reports[0].state == "Gabon");
  CHECK(reports[0].key == "GAB");
  CHECK(reports[0].cycle == 1);
  CHECK(reports[1].state == "Utopia");
  CHECK(reports[1].key == "utopia");
  CHECK(reports[1].cycle == 0);
}

TEST_CASE("recommendation numbers are those the report prints") {
  Document d;
  d.id = "A/HRC/8/35";
  auto block = [&](const std::string& address, BlockKind kind, const std::string& number, const std::string& marker) {
    Block b;
    b.address = address;
    b.kind = kind;
    b.number = number;
    b.marker = marker;
    d.blocks.push_back(b);
  };
  block("A/HRC/8/35 \xC2\xB6" "60", BlockKind::numbered_paragraph, "60", "");
  block("A/HRC/8/35 \xC2\xA7II #2", BlockKind::list_item, "", "1.");
  block("A/HRC/8/35 \xC2\xA7II #3", BlockKind::list_item, "", "2.");
  block("A/HRC/8/35 \xC2\xA7II #4", BlockKind::list_item, "", "");  // a further State's part of item 2
  block("A/HRC/8/35 \xC2\xB6" "121.1", BlockKind::numbered_paragraph, "121.1", "");
  block("A/HRC/8/35 \xC2\xA7II #5", BlockKind::text, "", "");
  block("A/HRC/8/35 \xC2\xA7II #6", BlockKind::list_item, "", "\xE2\x80\xA2");  // a bullet after plain text: no number
  for (const auto& b : d.blocks)
    if (b.kind != BlockKind::text) d.recommendations.push_back(made(b.address, {"Chad"}));
  const auto numbers = printed_numbers(d);
  CHECK(numbers.at("A/HRC/8/35 \xC2\xA7II #2") == "1");
  CHECK(numbers.at("A/HRC/8/35 \xC2\xA7II #3") == "2");
  CHECK(numbers.at("A/HRC/8/35 \xC2\xA7II #4") == "2");
  CHECK(numbers.at("A/HRC/8/35 \xC2\xB6" "121.1") == "121.1");
  CHECK(numbers.count("A/HRC/8/35 \xC2\xA7II #6") == 0);
  CHECK(numbers.count("A/HRC/8/35 \xC2\xA7II #5") == 0);  // not a recommendation
}

TEST_CASE("positions are words in the six languages") {
  CHECK(position_label("supported") == "supported");
  CHECK(position_label("noted", "en") == "noted");
  CHECK(position_label("pending", "en") == "to be examined");
  CHECK(position_label("supported", "fr") == "soutenue");
  CHECK(position_label("noted", "fr-CA") == "notée");
  CHECK(position_label("supported", "es") == "apoyada");
  CHECK(position_label("noted", "zh") == "注意到");
  CHECK_FALSE(position_label("supported", "ru").empty());
  CHECK_FALSE(position_label("noted", "ar").empty());
  CHECK(position_label("supported", "de") == "supported");
  CHECK(position_label("") == "");
  CHECK(position_label("rejected") == "");
}
