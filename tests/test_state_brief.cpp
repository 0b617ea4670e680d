// What a State brief selects (plugins/exporters/pdf/state_brief.hpp), on a corpus made here:
// two reviews of Utopia, one of Arcadia in which Utopia recommends, and a response that gave
// Utopia's positions. The briefs as PDF are checked on the sample job (upr_job_test.py).
#include <catch2/catch.hpp>

#include <algorithm>

#include "dossier/corpus_view.hpp"
#include "state_brief.hpp"

using namespace dossier;
using namespace dossier::pdf;

namespace {

const std::string kPilcrow = "\xC2\xB6";

struct Made {
  std::string number, text;
  std::vector<std::string> by;
  std::string position;
  std::vector<std::string> codes;  // sdg annotations: "16", "16.3", "5@0.6" (scored 0.6, else 0.8)
};

Document report(const std::string& symbol, const std::string& state, const std::string& date, const std::vector<Made>& items,
                Corpus& corpus) {
  Document d;
  d.id = d.symbol = symbol;
  d.date = date;
  d.title = "Report of the Working Group on the Universal Periodic Review";
  d.metadata = {{"state_under_review", state}};
  for (const Made& m : items) {
    Block b;
    b.address = symbol + " " + kPilcrow + m.number;
    b.number = m.number;
    b.kind = BlockKind::numbered_paragraph;
    b.text = m.text;
    d.blocks.push_back(b);
    Recommendation r;
    r.address = b.address;
    r.kind = "recommendation";
    r.addressee = state;
    r.text = m.text;
    r.recommended_by = m.by;
    r.position = m.position;
    d.recommendations.push_back(r);
    for (const auto& given : m.codes) {
      const auto at = given.find('@');
      const std::string code = given.substr(0, at);
      const double score = at == std::string::npos ? 0.8 : std::stod(given.substr(at + 1));
      corpus.annotations.push_back({r.address, "sdg", code, code.find('.') == std::string::npos ? "goal" : "target",
                                    score, {"test"}, "sdg", "1"});
    }
  }
  return d;
}

Corpus upr_corpus() {
  Corpus c;
  c.documents.push_back(report("A/HRC/30/1", "Arcadia", "2019-03-01",
                               {{"100.1", "Abolish the death penalty (Utopia) (France);", {"Utopia", "France"}, "noted", {"16", "16.1"}},
                                {"100.2", "Protect journalists (Chile);", {"Chile"}, "supported", {"16", "16.10"}}},
                               c));
  c.documents.push_back(report(
      "A/HRC/20/1", "Utopia", "2012-10-01",
      {{"90.1", "Ratify the Optional Protocol to the Convention against Torture (France);", {"France"}, "", {"16", "16.3"}},
       {"90.2", "Improve access to primary education in rural areas (Peru);", {"Peru"}, "", {"4", "4.1"}},
       {"90.3", "Adopt a law on gender equality (Morocco);", {"Morocco"}, "", {"5", "5.1"}}},
      c));
  c.documents.push_back(report(
      "A/HRC/40/1", "Utopia", "2018-11-01",
      {{"120.1", "Ratify the Optional Protocol to the Convention against Torture without delay (Chile);", {"Chile"},
        "pending", {"16", "16.3", "5@0.6"}},
       {"120.2", "Combat violence against women and girls (France);", {"France"}, "pending", {"5", "5.2", "16@0.6"}},
       {"120.3", "Strengthen the rule of law (Iran (Islamic Republic of));", {"Iran (Islamic Republic of)"}, "supported",
        {"16", "16.3"}},
       {"120.4", "Invite the special procedures (Chile);", {"Chile"}, "supported", {}},
       {"120.5", "Protect human rights defenders (France);", {"France"}, "supported", {"16", "16.10"}},
       {"120.6", "Adopt a national plan on gender equality (Peru);", {"Peru"}, "noted", {"5"}}},
      c));
  // The response: the positions of 120.1 and 120.2, given elsewhere.
  Document add;
  add.id = add.symbol = "A/HRC/40/1/Add.1";
  add.date = "2019-02-20";
  Block b;
  b.address = "A/HRC/40/1/Add.1 " + kPilcrow + "2";
  b.number = "2";
  add.blocks.push_back(b);
  c.documents.push_back(add);
  auto& utopia = c.documents[2].recommendations;
  utopia[0].position = "supported";
  utopia[1].position = "noted";
  utopia[0].position_source = utopia[1].position_source = b.address;
  return c;
}

}  // namespace

TEST_CASE("the States under review are listed once each, by the name of their latest report") {
  const Corpus c = upr_corpus();
  const CorpusView view(c);
  CHECK(states_under_review(view) == std::vector<std::string>{"Arcadia", "Utopia"});
}

TEST_CASE("a State brief has its reviews oldest first and what the latest one gave it") {
  const Corpus c = upr_corpus();
  const CorpusView view(c);
  const StateBrief b = select_state_brief(view, "utopia");  // any case
  CHECK(b.state == "Utopia");
  REQUIRE(b.reviews.size() == 2);
  CHECK(b.reviews[0].report.document->id == "A/HRC/20/1");
  const StateReview& latest = *b.latest();
  CHECK(latest.report.document->id == "A/HRC/40/1");
  CHECK(latest.report.cycle == 3);
  REQUIRE(latest.items.size() == 6);
  CHECK(latest.items[0].number == "120.1");
  CHECK(latest.positions.supported == 4);
  CHECK(latest.positions.noted == 2);
  CHECK(latest.positions.pending + latest.positions.unknown == 0);
  CHECK(latest.recommending.size() == 4);  // Chile, France, Iran, Peru
  CHECK(latest.recommending.count("IRN"));
  // The response that gave positions is cited and named for each recommendation it answered.
  REQUIRE(latest.items[0].position_document);
  CHECK(latest.items[0].position_document->id == "A/HRC/40/1/Add.1");
  CHECK(latest.items[2].position_document == nullptr);
  std::vector<std::string> sources;
  for (const Document* d : b.sources) sources.push_back(d->id);
  CHECK(sources == std::vector<std::string>{"A/HRC/30/1", "A/HRC/20/1", "A/HRC/40/1", "A/HRC/40/1/Add.1"});
}

TEST_CASE("recommendations received are grouped by their strongest goal, then by target") {
  const Corpus c = upr_corpus();
  const CorpusView view(c);
  const StateBrief b = select_state_brief(view, "Utopia");
  const StateReview& latest = *b.latest();
  std::vector<int> goals;
  for (const GoalGroup& g : b.groups) goals.push_back(g.goal);
  CHECK(goals == std::vector<int>{5, 16, 0});  // goals in order, the unmapped last
  // Goal 5: 120.2 (5.2) before 120.6 (no target of goal 5); goal 16: 120.1 and 120.3 (16.3)
  // before 120.5 (16.10), each run as printed.
  auto numbers = [&](const GoalGroup& g) {
    std::vector<std::string> out;
    for (std::size_t i : g.items) out.push_back(latest.items[i].number);
    return out;
  };
  CHECK(numbers(b.groups[0]) == std::vector<std::string>{"120.2", "120.6"});
  CHECK(numbers(b.groups[1]) == std::vector<std::string>{"120.1", "120.3", "120.5"});
  CHECK(numbers(b.groups[2]) == std::vector<std::string>{"120.4"});
  CHECK(latest.items[0].goals == std::vector<int>{16, 5});
  CHECK(latest.items[0].theme == "16.3");
  CHECK(latest.items[1].goal() == 5);
  CHECK(latest.items[1].theme == "5.2");
  CHECK(latest.items[5].theme.empty());
  CHECK(latest.per_goal[16].total() == 3);
  CHECK(latest.per_goal[16].supported == 3);
  CHECK(latest.per_goal[5].noted == 2);
  CHECK(latest.per_goal[0].total() == 1);
}

TEST_CASE("what changed since the previous review: repeated recommendations, States that joined or left") {
  const Corpus c = upr_corpus();
  const CorpusView view(c);
  const StateBrief b = select_state_brief(view, "Utopia");
  REQUIRE(b.has_change);
  REQUIRE(b.change.repeated.size() == 1);
  CHECK(b.latest()->items[b.change.repeated[0].latest].number == "120.1");
  CHECK(b.previous()->items[b.change.repeated[0].previous].number == "90.1");
  CHECK(b.change.new_states == std::vector<std::string>{"Chile", "Iran (Islamic Republic of)"});
  CHECK(b.change.former_states == std::vector<std::string>{"Morocco"});
  CHECK(select_state_brief(view, "Arcadia").has_change == false);
}

TEST_CASE("what a State recommended to others, and a State with no review of its own") {
  const Corpus c = upr_corpus();
  const CorpusView view(c);
  const StateBrief utopia = select_state_brief(view, "Utopia");
  REQUIRE(utopia.made.size() == 1);
  CHECK(utopia.made_count == 1);
  CHECK(utopia.made[0].report.state == "Arcadia");
  CHECK(utopia.made[0].items[0].number == "100.1");

  const StateBrief france = select_state_brief(view, "FRANCE");
  CHECK(france.state == "France");  // as the reports print it
  CHECK(france.reviews.empty());
  CHECK(france.groups.empty());
  CHECK_FALSE(france.has_change);
  REQUIRE(france.made.size() == 3);
  CHECK(france.made[0].report.document->id == "A/HRC/30/1");  // newest first
  CHECK(france.made[1].report.document->id == "A/HRC/40/1");
  CHECK(france.made[2].report.document->id == "A/HRC/20/1");
  CHECK(france.made_count == 4);

  const StateBrief nobody = select_state_brief(view, "Atlantis");
  CHECK(nobody.state == "Atlantis");
  CHECK(nobody.reviews.empty());
  CHECK(nobody.made.empty());
  CHECK(nobody.sources.empty());
}

TEST_CASE("likeness counts the words of substance, not the recommending States") {
  Recommendation a, b, d;
  a.text = "Ratify the Optional Protocol to the Convention against Torture (France);";
  a.recommended_by = {"France"};
  b.text = "Consider ratifying the Optional Protocol to the Convention against Torture (Chile);";
  b.recommended_by = {"Chile"};
  d.text = "Ratify the Convention on the Rights of Persons with Disabilities (France);";
  d.recommended_by = {"France"};
  CHECK(likeness(a, a) == Approx(1));
  CHECK(likeness(a, b) >= repeated_likeness);
  CHECK(likeness(a, d) < repeated_likeness);
  CHECK(likeness(Recommendation{}, Recommendation{}) == 0);
}
