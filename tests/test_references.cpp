#include <catch2/catch.hpp>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dossier/model.hpp"
#include "dossier/references.hpp"
#include "support.hpp"

using namespace dossier;

namespace {

using Found = std::vector<std::string>;

// "type id" of each reference found, in order: short to compare.
Found refs(std::string_view text) {
  Found out;
  for (const Reference& r : find_references(text, "A/68/283 \xC2\xB6" "1")) out.push_back(r.type + " " + r.id);
  return out;
}

// "type id [printed words]" of each reference found, in order.
Found printed(std::string_view text) {
  Found out;
  for (const Reference& r : find_references(text, "x"))
    out.push_back(r.type + " " + r.id + " [" + r.text + "]");
  return out;
}

}  // namespace

TEST_CASE("SDG goals in their printed forms") {
  CHECK(refs("education and health care services (in line with SDG 3), and decent work") ==
        Found{"sdg_goal 3"});
  CHECK(refs("SDG10 calls for reduced inequalities within and among countries.") == Found{"sdg_goal 10"});
  CHECK(refs("the implementation of Sustainable Development Goal 4 on quality education") ==
        Found{"sdg_goal 4"});
  CHECK(refs("States should take into account Sustainable Development Goals 10 and 16.") ==
        Found{"sdg_goal 10", "sdg_goal 16"});
  CHECK(refs("women migrant workers (SDGs 5 and 8)") == Found{"sdg_goal 5", "sdg_goal 8"});
  CHECK(refs("most relevant are SDGs 1, 5 and 10") == Found{"sdg_goal 1", "sdg_goal 5", "sdg_goal 10"});
  CHECK(refs("SDG goal 17 on partnerships") == Found{"sdg_goal 17"});
}

TEST_CASE("\"Goal 10\" is an SDG goal only in a paragraph about the SDGs") {
  CHECK(refs("Of the SDGs, Goal 10 is the one most directly concerned with migration.") ==
        Found{"sdg_goal 10"});
  CHECK(refs("Goals 5 and 8 of the Sustainable Development Goals") == Found{"sdg_goal 5", "sdg_goal 8"});
  CHECK(refs("Goal 10 of the strategy is to train border staff.").empty());
  // An MDG stays an MDG even next to the SDGs.
  CHECK(refs("Unlike Millennium Development Goal 8, the SDGs address migration.").empty());
}

TEST_CASE("SDG targets in their printed forms") {
  CHECK(printed("labor rights and safe and secure working environments (SDG 8.8), substantially") ==
        Found{"sdg_target 8.8 [SDG 8.8]"});
  CHECK(printed("Here, SDG target 10.c on the reduction of transaction costs for remittances") ==
        Found{"sdg_target 10.c [SDG target 10.c]"});
  CHECK(refs("the Sutherland Report underlines that SDG 16.9 obliges states to foster inclusion") ==
        Found{"sdg_target 16.9"});
  CHECK(refs("workforce in developing countries (SDG 3.c), and expanding (SDG 4.b)") ==
        Found{"sdg_target 3.c", "sdg_target 4.b"});
  CHECK(refs("SDG 10.C") == Found{"sdg_target 10.c"});
  CHECK(refs("SDG targets 8.7 and 10.7") == Found{"sdg_target 8.7", "sdg_target 10.7"});
}

TEST_CASE("\"target 10.7\" and a bare \"(17.14)\" need the SDGs or the 2030 Agenda in the paragraph") {
  CHECK(refs("target 10.7 of the 2030 Agenda for Sustainable Development") == Found{"sdg_target 10.7"});
  CHECK(refs("In the SDGs, targets 8.7 and 10.7 concern migrants.") ==
        Found{"sdg_target 8.7", "sdg_target 10.7"});
  CHECK(refs("The ministry set target 10.7 for the coming year.").empty());

  const std::string line_460 =
      "As for the 2030 Agenda, it explicitly strives for international migration governance by "
      "including a specific target for facilitating safe, orderly and regular migration (SDG 10.7). "
      "Additionally, SDG 17 focuses on partnerships to foster policy coherence (17.14), "
      "multi-stakeholder partnerships that contribute to sustainable development (17.16) and "
      "public-private and civil society partnerships (17.17).";
  CHECK(printed(line_460) == Found{"sdg_target 10.7 [SDG 10.7]", "sdg_goal 17 [SDG 17]",
                                   "sdg_target 17.14 [17.14]", "sdg_target 17.16 [17.16]",
                                   "sdg_target 17.17 [17.17]"});
  CHECK(refs("facilitating safe, orderly and regular migration (10.7), as the 2030 Agenda puts it") ==
        Found{"sdg_target 10.7"});
  CHECK(refs("policy coherence (17.14), partnerships (17.16)").empty());
}

TEST_CASE("SDG indicators, without a target for the same words") {
  CHECK(printed("- Reduce worker-paid recruitment fees and related costs, in line with SDG indicator 10.7.1.") ==
        Found{"sdg_indicator 10.7.1 [SDG indicator 10.7.1]"});
  CHECK(refs("measured by SDG 10.7.1") == Found{"sdg_indicator 10.7.1"});
  CHECK(refs("SDG indicators 10.7.1 and 10.7.2") == Found{"sdg_indicator 10.7.1", "sdg_indicator 10.7.2"});
  CHECK(refs("Under the 2030 Agenda, indicator 10.7.1 measures recruitment costs.") ==
        Found{"sdg_indicator 10.7.1"});
  CHECK(refs("Our indicator 10.7.1 tracks staff turnover.").empty());
  // Not an indicator, and not target 10.7 either.
  CHECK(refs("SDG 10.7.9").empty());
}

TEST_CASE("GCM objectives need the word objective and a number from 1 to 23") {
  CHECK(refs("as called for in objective 13 of the Global Compact") == Found{"gcm_objective 13"});
  CHECK(refs("Objective 13: Use migration detention only as a measure of last resort") ==
        Found{"gcm_objective 13"});
  CHECK(printed("GCM objective 6 on fair and ethical recruitment") ==
        Found{"gcm_objective 6 [GCM objective 6]"});
  CHECK(refs("in particular objectives 2, 5, 6, 12 and 18") ==
        Found{"gcm_objective 2", "gcm_objective 5", "gcm_objective 6", "gcm_objective 12",
              "gcm_objective 18"});
  CHECK(refs("The objective of the meeting was to exchange good practices.").empty());
  CHECK(refs("objective 24").empty());
  CHECK(printed("objectives 22, 23 and 24") ==
        Found{"gcm_objective 22 [objectives 22, 23]", "gcm_objective 23 [objectives 22, 23]"});
}

TEST_CASE("UN document symbols are kept as printed, without trailing punctuation") {
  CHECK(refs("General Assembly resolution A/RES/73/195, the report A/68/283 and A/HRC/43/15.") ==
        Found{"un_symbol A/RES/73/195", "un_symbol A/68/283", "un_symbol A/HRC/43/15"});
  CHECK(refs("the compilation (A/HRC/WG.6/34/SVN/2); resolution A/HRC/RES/9/5, 2008") ==
        Found{"un_symbol A/HRC/WG.6/34/SVN/2", "un_symbol A/HRC/RES/9/5"});
  CHECK(refs("http://undocs.org/A/RES/217(III), Preamble") == Found{"un_symbol A/RES/217(III)"});
  CHECK(refs("E/CN.4/2005/85 and S/RES/2240 (2015)") ==
        Found{"un_symbol E/CN.4/2005/85", "un_symbol S/RES/2240"});
  CHECK(refs("CRC/C/GC/6, CEDAW/C/SVN/CO/5-6, CCPR/C/SVN/CO/3/Add.1, CERD/C/SVN/CO/8-11, "
             "CMW/C/GC/2, CAT/C/SVN/CO/3, HRI/GEN/1/Rev.9, E/C.12/SVN/CO/2") ==
        Found{"un_symbol CRC/C/GC/6", "un_symbol CEDAW/C/SVN/CO/5-6", "un_symbol CCPR/C/SVN/CO/3/Add.1",
              "un_symbol CERD/C/SVN/CO/8-11", "un_symbol CMW/C/GC/2", "un_symbol CAT/C/SVN/CO/3",
              "un_symbol HRI/GEN/1/Rev.9", "un_symbol E/C.12/SVN/CO/2"});
  CHECK(refs("UNGA, New York Declaration (*New York Declaration*), A/71/L.1, 2016, "
             "http://www.un.org/ga/search/view_doc.asp?symbol=A/71/L.1.") == Found{"un_symbol A/71/L.1"});
}

TEST_CASE("UN symbols in URLs are read once and URL paths are not symbols") {
  CHECK(refs("Report of the SRSG on Migration (*Sutherland Report*), A/71/728, 2017, "
             "http://www.un.org/en/ga/search/view_doc.asp?symbol=A/71/728&=E.") ==
        Found{"un_symbol A/71/728"});
  CHECK(refs("Human Rights Council, Human Rights of Migrants, A/HRC/RES/9/5, 2008, para. 1(b), "
             "http://ap.ohchr.org/documents/E/HRC/resolutions/A_HRC_RES_9_5.pdf.") ==
        Found{"un_symbol A/HRC/RES/9/5"});
  CHECK(refs("https://tbinternet.ohchr.org/Treaties/CEDAW/Shared%20Documents/SVN/INT_CEDAW_FUL_SVN_29558_E.pdf.")
            .empty());
  CHECK(refs("printed on A/4 paper, S/he said, A/B testing").empty());
}

TEST_CASE("numbers outside the recognised forms are not references") {
  // SDG icon captions picked up by OCR.
  CHECK(refs("1 POVERTY IN THE PRINCES 10 REDUCED 17 PARTHERSHIPS 17 PARTHERSHIPS 18 POVERTY").empty());
  CHECK(refs("18 POVERTY").empty());
  CHECK(refs("10 REDUCED INEQUALITIES 16 PEACE, JUSTICE").empty());
  CHECK(refs("In 2017, 8.7 million people were displaced, a challenge for the SDGs.").empty());
  CHECK(refs("As recalled in para. 111 of the 2030 Agenda, migrants (2017) matter.").empty());
  CHECK(refs("SDG 8.7 million").empty());
  CHECK(refs("the SDGs 2015-2030 and the 2030 Agenda").empty());
}

TEST_CASE("codes outside the official lists are rejected") {
  CHECK(refs("SDG 18").empty());
  CHECK(refs("SDG 0").empty());
  CHECK(refs("under the SDGs, target 10.9").empty());
  CHECK(refs("SDG 18.1 and SDG 10.9").empty());
  CHECK(refs("SDG 10.d").empty());
  CHECK(refs("objective 24 and objective 0").empty());
  // A list stops at its first invalid code, and its printed words with it.
  CHECK(printed("SDGs 17 and 18") == Found{"sdg_goal 17 [SDGs 17]"});
}

TEST_CASE("references come in order of appearance, once each, with the given address") {
  const std::string text =
      "Objective 6 of the GCM and A/RES/73/195 echo SDG 10.7 (SDG indicator 10.7.1), "
      "Sustainable Development Goal 8, and again SDG 10.7.";
  CHECK(printed(text) == Found{"gcm_objective 6 [Objective 6]", "un_symbol A/RES/73/195 [A/RES/73/195]",
                               "sdg_target 10.7 [SDG 10.7]",
                               "sdg_indicator 10.7.1 [SDG indicator 10.7.1]",
                               "sdg_goal 8 [Sustainable Development Goal 8]"});
  const auto found = find_references(text, "A/68/283 \xC2\xB6" "135");
  REQUIRE(found.size() == 5);
  for (const Reference& r : found) {
    CHECK(r.address == "A/68/283 \xC2\xB6" "135");
    CHECK(text.find(r.text) != std::string::npos);  // the words exactly as printed
  }
  CHECK(find_references("", "x").empty());
}

TEST_CASE("the embedded code lists match the official SDG framework and the GCM") {
  int goals = 0, targets = 0, indicators = 0, objectives = 0;
  for (int g = 0; g <= 20; ++g) {
    goals += is_sdg_goal(std::to_string(g));
    objectives += is_gcm_objective(std::to_string(g)) + is_gcm_objective(std::to_string(g + 21));
    std::vector<std::string> subs;
    for (int t = 0; t <= 20; ++t) subs.push_back(std::to_string(t));
    for (char c = 'a'; c <= 'z'; ++c) subs.emplace_back(1, c);
    for (const std::string& t : subs) {
      const std::string target = std::to_string(g) + "." + t;
      targets += is_sdg_target(target);
      for (int i = 0; i <= 10; ++i) indicators += is_sdg_indicator(target + "." + std::to_string(i));
    }
  }
  CHECK(goals == 17);
  CHECK(targets == 169);
  CHECK(indicators == 252);  // open-sdg lists repeated indicators under each of their targets
  CHECK(objectives == 23);

  CHECK(is_sdg_target("10.7"));
  CHECK(is_sdg_target("10.c"));
  CHECK(is_sdg_target("8.10"));
  CHECK(is_sdg_target("17.19"));
  CHECK_FALSE(is_sdg_target("10.9"));
  CHECK_FALSE(is_sdg_target("18.1"));
  CHECK_FALSE(is_sdg_target("10.C"));
  CHECK_FALSE(is_sdg_target("10.07"));
  CHECK(is_sdg_indicator("10.7.1"));
  CHECK(is_sdg_indicator("10.7.4"));
  CHECK(is_sdg_indicator("17.19.2"));
  CHECK_FALSE(is_sdg_indicator("10.7.5"));
  CHECK_FALSE(is_sdg_indicator("10.7"));
  CHECK_FALSE(is_sdg_goal("05"));
}

TEST_CASE("the sample corpus yields its SDG references and nothing from icon captions") {
  std::istringstream in(test::read_file(test::corpus_dir() / "003_47dc10d97ca243f0.txt"));
  std::set<std::string> found;
  std::size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    const auto references = find_references(line, std::to_string(line_number));
    if (line.find("PRINCES") != std::string::npos) CHECK(references.empty());
    for (const Reference& r : references) found.insert(r.type + " " + r.id);
  }
  for (const char* expected : {"sdg_target 16.9", "sdg_target 10.7", "sdg_target 10.c", "sdg_target 17.14",
                               "sdg_indicator 10.7.1", "sdg_goal 13", "sdg_goal 17", "un_symbol A/RES/70/1",
                               "un_symbol A/RES/217(III)", "un_symbol A/HRC/RES/9/5"})
    CHECK(found.count(expected) == 1);
  for (const std::string& f : found) CHECK(f.rfind("sdg_goal 18", 0) == std::string::npos);
}

TEST_CASE("pathological text neither crashes nor takes long") {
  CHECK(refs("SDG" + std::string(200000, ' ') + "10").empty());
  std::string list = "SDGs 1";
  for (int i = 0; i < 50000; ++i) list += ", 2";
  CHECK(refs(list) == Found{"sdg_goal 1", "sdg_goal 2"});
  CHECK(refs("A/" + std::string(200000, 'B') + "1").empty());
}
