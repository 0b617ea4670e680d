// Positions from a UPR report's addendum joined to the report's recommendations
// (upr_positions.hpp): on A/HRC/43/15 with an addendum giving OHCHR's published positions
// (tests/data/upr-slovenia-2019, README there), and on small statements of each form.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>

#include "dossier/model.hpp"
#include "support.hpp"
#include "upr_positions.hpp"

using namespace dossier;
using namespace dossier::host;

namespace {

const test::fs::path upr = test::source_dir() / "tests" / "data" / "upr-slovenia-2019";

// Slovenia's positions as OHCHR lists them: rec_id -> "supported" / "noted".
std::map<std::string, std::string> published_positions() {
  std::ifstream in(upr / "A_HRC_43_15_recommendations_sdg_labels.csv");
  std::map<std::string, std::string> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const std::string id = line.substr(0, line.find(','));
    const bool supported = line.find(",Supported,") != std::string::npos;
    const bool noted = line.find(",Noted,") != std::string::npos;
    REQUIRE(supported != noted);
    out[id] = supported ? "supported" : "noted";
  }
  return out;
}

std::map<std::string, const Recommendation*> by_number(const Document& report) {
  std::map<std::string, const Recommendation*> out;
  for (const auto& r : report.recommendations)
    for (const auto& b : report.blocks)
      if (b.address == r.address) out[b.number] = &r;
  return out;
}

// A report of three examined recommendations and an addendum of `statements`.
Corpus small(const std::vector<std::string>& statements) {
  Corpus c;
  Document report;
  report.id = report.symbol = "A/HRC/99/1";
  for (const char* n : {"100.1", "100.2", "100.3", "100.4"}) {
    report.blocks.push_back({paragraph_address(report.id, n), n, BlockKind::numbered_paragraph, -1, "",
                             std::string("Recommendation ") + n + " (Utopia);", {}, {}, "", {}});
    report.recommendations.push_back(
        {report.blocks.back().address, "recommendation", "Arcadia", report.blocks.back().text, {"Utopia"}, "pending"});
  }
  Document addendum;
  addendum.id = addendum.symbol = "A/HRC/99/1/Add.1";
  for (std::size_t i = 0; i < statements.size(); ++i)
    addendum.blocks.push_back({paragraph_address(addendum.id, std::to_string(i + 1)), std::to_string(i + 1),
                               BlockKind::numbered_paragraph, -1, "", statements[i], {}, {}, "", {}});
  c.documents.push_back(report);
  c.documents.push_back(addendum);
  return c;
}

}  // namespace

TEST_CASE("A/HRC/43/15 and its addendum: every recommendation has Slovenia's published position") {
  Corpus c;
  c.documents.push_back(test::read_with("layout", upr / "A_HRC_43_15_UPR_WG_report_Slovenia.txt"));
  c.documents.push_back(test::read_with("layout", upr / "A_HRC_43_15_Add_1.txt"));
  REQUIRE(c.documents[1].symbol == "A/HRC/43/15/Add.1");
  const auto log = join_upr_positions(c);
  REQUIRE(log.size() == 1);
  CHECK(log[0].find("gives positions on 157 recommendations of A/HRC/43/15: 124 supported, 33 noted") !=
        std::string::npos);
  const auto recs = by_number(c.documents[0]);
  const auto published = published_positions();
  REQUIRE(published.size() == 215);
  std::size_t same = 0;
  for (const auto& [number, position] : published) {
    const auto it = recs.find(number);
    REQUIRE(it != recs.end());
    INFO(number);
    CHECK(it->second->position == position);
    same += it->second->position == position;
    if (number.rfind("122.", 0) == 0) CHECK(it->second->position_source.rfind("A/HRC/43/15/Add.1 \xC2\xB6", 0) == 0);
    else CHECK(it->second->position_source.empty());  // the report itself says 121.x are supported
  }
  CHECK(same == 215);
  for (const auto* d : {&c.documents[0], &c.documents[1]})
    for (const auto& g : d->diagnostics) CHECK(g.code.rfind("positions.", 0) != 0);
}

TEST_CASE("statements by number, list and range, announced lists, reasons, and what does not fit") {
  Corpus c = small({"Arcadia supports recommendations 100.1 and 100.2.",
                    "Arcadia notes recommendation 100.3, as its Constitution reserves the matter to its regions.",
                    "Recommendations 100.9 to 100.11 are supported."});
  join_upr_positions(c);
  const auto recs = by_number(c.documents[0]);
  CHECK(recs.at("100.1")->position == "supported");
  CHECK(recs.at("100.2")->position == "supported");
  CHECK(recs.at("100.1")->position_note.empty());  // a statement about two gives no one reason
  CHECK(recs.at("100.3")->position == "noted");
  CHECK(recs.at("100.3")->position_note.find("reserves the matter to its regions") != std::string::npos);
  CHECK(recs.at("100.3")->position_source == "A/HRC/99/1/Add.1 \xC2\xB6" "2");
  CHECK(recs.at("100.4")->position == "pending");
  CHECK(c.documents[0].diagnostics.back().code == "positions.missing");
  CHECK(c.documents[1].diagnostics.back().code == "positions.unknown");
  CHECK(c.documents[1].diagnostics.back().message.find("100.9, 100.10, 100.11") != std::string::npos);

  Corpus announced = small({"Arcadia accepts the following recommendations:", "100.1\xE2\x80\x93" "100.3",
                            "Arcadia does not support the following recommendation:", "100.4"});
  join_upr_positions(announced);
  const auto a = by_number(announced.documents[0]);
  CHECK(a.at("100.1")->position == "supported");
  CHECK(a.at("100.3")->position == "supported");
  CHECK(a.at("100.4")->position == "noted");

  // One sentence, both answers: each number takes the wording before it.
  Corpus french = small({"L'Arcadie accepte les recommandations 100.1 \xC3\xA0 100.3 et prend note de la "
                         "recommandation 100.4."});
  join_upr_positions(french);
  const auto f = by_number(french.documents[0]);
  CHECK(f.at("100.1")->position == "supported");
  CHECK(f.at("100.2")->position == "supported");  // inside the range "100.1 à 100.3"
  CHECK(f.at("100.3")->position == "supported");
  CHECK(f.at("100.4")->position == "noted");

  Corpus spanish = small({"Arcadia apoya las recomendaciones 100.1 a 100.3 y toma nota de la 100.4."});
  join_upr_positions(spanish);
  CHECK(by_number(spanish.documents[0]).at("100.2")->position == "supported");
  CHECK(by_number(spanish.documents[0]).at("100.4")->position == "noted");

  Corpus table = small({});
  Block rows{"A/HRC/99/1/Add.1 #1", "", BlockKind::table, -1, "", "", {}, {}, "", {}};
  rows.cells = {{"Recommendation", "Position", "Comments"},
                {"100.1", "Supported", ""},
                {"100.2", "Noted", "The matter is for the regions."},
                {"100.3", "Supported", "Already implemented."}};
  table.documents[1].blocks.push_back(rows);
  join_upr_positions(table);
  const auto t = by_number(table.documents[0]);
  CHECK(t.at("100.1")->position == "supported");
  CHECK(t.at("100.2")->position == "noted");
  CHECK(t.at("100.3")->position == "supported");
  CHECK(t.at("100.4")->position == "pending");
  CHECK(t.at("100.2")->position_note == "100.2 Noted The matter is for the regions.");
  CHECK(t.at("100.1")->position_note.empty());

  Corpus twice = small({"Arcadia supports 100.1-4.", "Arcadia notes 100.2."});
  join_upr_positions(twice);
  CHECK(by_number(twice.documents[0]).at("100.4")->position == "supported");
  CHECK(twice.documents[1].diagnostics.back().code == "positions.conflict");
}
