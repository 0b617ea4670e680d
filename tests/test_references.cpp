#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dossier/domain/json.hpp"
#include "dossier/model.hpp"
#include "dossier/domain/references.hpp"
#include "support.hpp"

using namespace dossier;

namespace {

using Found = std::vector<std::string>;

// Types of references found by their printed codes and symbols; the tests of those forms
// leave out the names (treaties, organisations, countries) that their sentences also hold.
bool is_code(const std::string& type) {
  return type != "treaty" && type != "organisation" && type != "country";
}

// "type id" of each code reference found, in order: short to compare.
Found refs(std::string_view text) {
  Found out;
  for (const Reference& r : find_references(text, "A/68/283 \xC2\xB6" "1"))
    if (is_code(r.type)) out.push_back(r.type + " " + r.id);
  return out;
}

// "type id [printed words]" of each code reference found, in order.
Found printed(std::string_view text) {
  Found out;
  for (const Reference& r : find_references(text, "x"))
    if (is_code(r.type)) out.push_back(r.type + " " + r.id + " [" + r.text + "]");
  return out;
}

// "type id [printed words]" of every reference found, in order.
Found all(std::string_view text) {
  Found out;
  for (const Reference& r : find_references(text, "x")) out.push_back(r.type + " " + r.id + " [" + r.text + "]");
  return out;
}

// "id" of each reference of one type found, in order.
Found ids(std::string_view type, std::string_view text) {
  Found out;
  for (const Reference& r : find_references(text, "x"))
    if (r.type == type) out.push_back(r.id);
  return out;
}

// Every reference's span holds its printed words.
bool spans_hold_text(std::string_view text) {
  for (const Reference& r : find_references(text, "x"))
    if (r.end < r.begin || r.end > text.size() || text.substr(r.begin, r.end - r.begin) != r.text) return false;
  return true;
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
  REQUIRE(found.size() == 6);  // and the GCM itself, a treaty
  CHECK(found[1].type + " " + found[1].id == "treaty GCM");
  for (const Reference& r : found) {
    CHECK(r.address == "A/68/283 \xC2\xB6" "135");
    CHECK(text.substr(r.begin, r.end - r.begin) == r.text);  // the words exactly as printed, where printed
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
  CHECK(find_references("Republic of" + std::string(200000, ' ') + "Korea", "x").empty());
  std::string names;
  for (int i = 0; i < 20000; ++i) names += "United Republic of the Optional Protocol to the Convention (No. ";
  CHECK(find_references(names, "x").empty());
}

// ---- Spans ----------------------------------------------------------------------------

TEST_CASE("each reference carries the byte offsets of its printed words") {
  const std::string text =
      "Under SDG target 10.7, the UN CMW and IOM (see A/RES/73/195) help C\xC3\xB4te d\xE2\x80\x99Ivoire.";
  const auto found = find_references(text, "x");
  REQUIRE(found.size() == 5);
  for (const Reference& r : found) {
    INFO(r.type << " " << r.id);
    CHECK(r.end > r.begin);
    CHECK(text.substr(r.begin, r.end - r.begin) == r.text);
  }
  CHECK(found[0].begin == 6);
  CHECK(found[0].end == 21);  // "SDG target 10.7"
  CHECK(found[4].text == "C\xC3\xB4te d\xE2\x80\x99Ivoire");
  CHECK(found[4].id == "CIV");
  // A bare target is cited without its parentheses, and so is its span.
  const std::string bare = "policy coherence (17.14), as the 2030 Agenda puts it";
  const auto target = find_references(bare, "x").at(0);
  CHECK(target.text == "17.14");
  CHECK(target.begin == 18);
  CHECK(spans_hold_text("ILO Convention No. 189 and (No. 143), ILO conventions"));
  CHECK(spans_hold_text("SDGs 1, 5 and 10; objectives 2, 5 and 18; http://afmd.org/pfp/ppd/1890"));
}

TEST_CASE("spans are written to JSON as \"span\": [begin, end] and read back") {
  Document d;
  d.id = "x";
  const std::string text = "Adhere to international standards, including the UN CMW.";
  d.references = find_references(text, "x #1");
  d.references.push_back({"un_symbol", "A/RES/73/195", "x #1", "73/195"});  // from a link: no span
  const std::string json = to_json(d);
  CHECK(json.find(R"("span":[49,55])") != std::string::npos);
  CHECK(json.find(R"("text":"73/195"})") != std::string::npos);  // no span when it is not known
  const Document back = document_from_json(json);
  REQUIRE(back.references.size() == 2);
  CHECK(back.references[0].text == "UN CMW");
  CHECK(back.references[0].begin == 49);
  CHECK(back.references[0].end == 55);
  CHECK(back.references[1].begin == 0);
  CHECK(back.references[1].end == 0);
  CHECK(to_json(back) == json);
}

TEST_CASE("the sample corpus: every reference's span holds its words in its block or footnote") {
  std::size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::corpus_dir())) {
    const Document d = test::read_with("text", entry.path());
    std::map<std::string, const Block*> blocks;
    for (const Block& b : d.blocks) blocks[b.address] = &b;
    for (const Reference& r : d.references) {
      const auto block = blocks.find(r.address);
      if (block == blocks.end()) continue;
      INFO(entry.path().filename().string() << ": " << r.address << " " << r.type << " " << r.id << " [" << r.text
                                            << "]");
      const auto holds = [&r](const std::string& text) {
        return r.end > r.begin && r.end <= text.size() && text.compare(r.begin, r.end - r.begin, r.text) == 0;
      };
      // References from footnotes are addressed to the block that cites the footnote.
      const bool in_footnote = std::any_of(d.footnotes.begin(), d.footnotes.end(), [&](const Footnote& f) {
        return std::find(f.anchors.begin(), f.anchors.end(), r.address) != f.anchors.end() && holds(f.text);
      });
      CHECK((holds(block->second->text) || in_footnote));
      ++checked;
    }
    // And directly: whatever text find_references is given.
    for (const Block& b : d.blocks) CHECK(spans_hold_text(b.text));
    for (const Footnote& f : d.footnotes) CHECK(spans_hold_text(f.text));
  }
  CHECK(checked > 1000);
}

// ---- GCM clusters ---------------------------------------------------------------------

TEST_CASE("GCM clusters: named with the GCM, or as clusters in a paragraph about it") {
  CHECK(all("GCM Cluster 1: Human rights of all migrants, social inclusion, cohesion") ==
        Found{"gcm_cluster 1 [GCM Cluster 1]"});
  CHECK(ids("gcm_cluster", "all the issues covered by the GCM thematic cluster 6.") == Found{"6"});
  CHECK(ids("gcm_cluster", "The GFMD discussed Cluster 3 at length.") == Found{"3"});
  CHECK(ids("gcm_cluster", "thematic clusters 2 and 4 of the Global Compact consultations") == Found{"2", "4"});
  CHECK(printed("In Cluster 5, the GFMD ...") == Found{"gcm_cluster 5 [Cluster 5]"});
  // Without the GCM, GFMD or a Global Compact in the paragraph, a cluster is any cluster.
  CHECK(ids("gcm_cluster", "Cluster 3 of the survey covered rural households.").empty());
  CHECK(ids("gcm_cluster", "GCM cluster 7").empty());
  CHECK(ids("gcm_cluster", "the GCM thematic clusters").empty());
  CHECK(ids("gcm_cluster", "GFMD cluster 1.5").empty());
}

// ---- Treaties -------------------------------------------------------------------------

TEST_CASE("treaties by title or abbreviation, normalised") {
  for (const char* icrmw :
       {"the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their "
        "Families.",
        "ratify the Migrant Workers Convention", "Adhere to international standards, including the UN CMW.",
        "the ICRMW", "the Convention on the Protection of the Rights of all Migrant Workers (1990)"}) {
    INFO(icrmw);
    CHECK(ids("treaty", icrmw) == Found{"ICRMW"});
  }
  CHECK(ids("treaty", "the ICCPR, the ICESCR, ICERD, CEDAW, the CRC, the CRPD and the CPED") ==
        Found{"ICCPR", "ICESCR", "CERD", "CEDAW", "CRC", "CRPD", "CPED"});
  CHECK(ids("treaty", "International Convention for the Protection of All Persons from Enforced Disappearance") ==
        Found{"CPED"});
  CHECK(ids("treaty", "the Convention against Torture and the 1951 Refugee Convention and its 1967 Protocol") ==
        Found{"CAT", "1951-refugee", "1967-protocol"});
  CHECK(ids("treaty", "the Convention relating to the Status of Stateless Persons and the Convention on the "
                      "Reduction of Statelessness") == Found{"1954-statelessness", "1961-statelessness"});
  CHECK(ids("treaty", "the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and "
                      "Children, and the Protocol against the Smuggling of Migrants by Land, Sea and Air, "
                      "supplementing UNTOC") == Found{"palermo-trafficking", "palermo-smuggling", "UNTOC"});
  CHECK(ids("treaty", "the Global Compact for Safe, Orderly and Regular Migration (GCM) and the Global Compact on "
                      "Refugees, after the New York Declaration") == Found{"GCM", "GCR", "NYD"});
  CHECK(ids("treaty", "the 2030 Agenda, the Addis Ababa Action Agenda and the Sendai Framework for Disaster Risk "
                      "Reduction") == Found{"2030-agenda", "AAAA", "sendai"});
  // Titles in other capitalisations; acronyms only as printed.
  CHECK(ids("treaty", "the Convention on the rights of the child") == Found{"CRC"});
  CHECK(ids("treaty", "CONVENTION ON THE RIGHTS OF THE CHILD") == Found{"CRC"});
  CHECK(ids("treaty", "a convention on the rights of the child").empty());
  CHECK(ids("treaty", "Crc, cedaw and the gcm").empty());
}

TEST_CASE("treaties: the longest title wins, and an optional protocol is not its parent treaty") {
  CHECK(all("the Optional Protocol to the Convention against Torture") ==
        Found{"treaty OP-CAT [Optional Protocol to the Convention against Torture]"});
  CHECK(ids("treaty", "the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights") ==
        Found{"OP-ICESCR"});
  CHECK(ids("treaty", "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment and "
                      "its Optional Protocol") == Found{"CAT"});
  CHECK(all("the 1951 Convention relating to the Status of Refugees") ==
        Found{"treaty 1951-refugee [1951 Convention relating to the Status of Refugees]"});
  // One name for two things gives both.
  CHECK(ids("treaty", "the Palermo Protocols") == Found{"palermo-trafficking", "palermo-smuggling"});
}

TEST_CASE("ILO conventions by number or short title") {
  CHECK(all("ratify ILO Convention No. 189 on domestic workers") ==
        Found{"treaty ILO-C189 [ILO Convention No. 189]", "organisation ILO [ILO]"});
  CHECK(ids("treaty", "ILO Conventions Nos. 97 and 143") == Found{"ILO-C97", "ILO-C143"});
  CHECK(ids("treaty", "ILO Convention 181 and ILO C190") == Found{"ILO-C181", "ILO-C190"});
  CHECK(ids("treaty", "Migration for Employment Convention No. 97, C097, 1949") == Found{"ILO-C97"});
  CHECK(ids("treaty", "under Convention No. 118, equality of treatment") == Found{"ILO-C118"});
  CHECK(ids("treaty", "States that ratified C189 (the ILO standard on domestic work)") == Found{"ILO-C189"});
  CHECK(ids("treaty", "the Migrant Workers (Supplementary Provisions) Convention, 1975 (No. 143), of the ILO") ==
        Found{"ILO-C143"});
  // The title before "(No. 181)" may be damaged, as long as a convention is being cited.
  CHECK(all("the Migration for Employment Convention (Revised), 1949 (No. 97) and the Private Employment "
            "Agencies, 1997 (No. 181), as the ILO notes") ==
        Found{"treaty ILO-C97 [Migration for Employment Convention]", "treaty ILO-C181 [No. 181]",
              "organisation ILO [ILO]"});
  CHECK(ids("treaty", "the Domestic Workers Convention and the Forced Labour Convention") ==
        Found{"ILO-C189", "ILO-C29"});
  // Not conventions: a recommendation's number, a room, a count, a number out of range.
  CHECK(ids("treaty", "the ILO Migration for Employment Recommendation (Revised), 1949 (No. 86)").empty());
  CHECK(ids("treaty", "Meet in room C143 at noon.").empty());
  CHECK(ids("treaty", "ILO 100 countries").empty());
  CHECK(ids("treaty", "ILO Convention No. 191").empty());
  CHECK(ids("treaty", "(No. 143) without any context").empty());
}

// ---- Organisations --------------------------------------------------------------------

TEST_CASE("organisations by name or acronym, normalised to the acronym") {
  CHECK(ids("organisation", "IOM, UNHCR and OHCHR with the International Labour Organization") ==
        Found{"IOM", "UNHCR", "OHCHR", "ILO"});
  CHECK(ids("organisation", "UNDP, UNICEF, UN Women, UNODC, UNFPA, UNESCO, WHO, the World Bank, IFAD and the OECD") ==
        Found{"UNDP", "UNICEF", "UN-Women", "UNODC", "UNFPA", "UNESCO", "WHO", "WB", "IFAD", "OECD"});
  CHECK(ids("organisation", "UNIFEM, the Global Migration Group and the Global Forum on Migration and Development") ==
        Found{"UN-Women", "GMG", "GFMD"});
  CHECK(ids("organisation", "the European Union, the AU, ECOWAS and ASEAN") == Found{"EU", "AU", "ECOWAS", "ASEAN"});
  CHECK(ids("organisation", "the Human Rights Council, the General Assembly and the Secretary General") ==
        Found{"HRC", "UNGA", "UNSG"});
  CHECK(ids("organisation", "Report of the Special Rapporteur on the Human Rights of Migrants to the Committee on "
                            "Migrant Workers") == Found{"SR-migrants", "CMW"});
  CHECK(ids("organisation", "ILO\xE2\x80\x99s Fair Recruitment and IOM's Iris Initiative") == Found{"ILO", "IOM"});
}

TEST_CASE("organisations: whole acronyms in capitals, not in URLs, not an abbreviation of the name before") {
  CHECK(ids("organisation", "Iom, who and Unhcr").empty());
  CHECK(ids("organisation", "USAID and IOMX and the EUR").empty());
  CHECK(ids("organisation", "MIGRANTS WHO ARE IN AN IRREGULAR SITUATION").empty());
  CHECK(ids("organisation", "see https://www.ohchr.org/EN/HRBodies/HRC/Pages/Home.aspx and www.iom.int").empty());
  CHECK(ids("organisation", "http://ap.ohchr.org/documents/E/HRC/resolutions/A_HRC_RES_9_5.pdf").empty());
  // "(CMW)" right after the Convention's title abbreviates the Convention, not the Committee.
  CHECK(all("the International Convention on the Protection of the Rights of All Migrant Workers and Members of "
            "Their Families (CMW), the ILO Convention") ==
        Found{"treaty ICRMW [International Convention on the Protection of the Rights of All Migrant Workers and "
              "Members of Their Families]",
              "organisation ILO [ILO]"});
  CHECK(ids("organisation", "the CMW provides for several rights") == Found{"CMW"});
  CHECK(ids("organisation", "the International Organization for Migration (IOM)") == Found{"IOM"});
}

// ---- Countries ------------------------------------------------------------------------

TEST_CASE("countries by UN name or common name, normalised to ISO 3166-1 alpha-3") {
  const std::vector<std::pair<const char*, const char*>> aliases = {
      {"US", "USA"}, {"USA", "USA"}, {"U.S.", "USA"}, {"United States", "USA"}, {"United States of America", "USA"},
      {"UK", "GBR"}, {"U.K.", "GBR"}, {"United Kingdom", "GBR"}, {"Great Britain", "GBR"},
      {"United Kingdom of Great Britain and Northern Ireland", "GBR"}, {"Russia", "RUS"},
      {"Russian Federation", "RUS"}, {"Turkey", "TUR"}, {"T\xC3\xBCrkiye", "TUR"},
      {"C\xC3\xB4te d'Ivoire", "CIV"}, {"Ivory Coast", "CIV"}, {"Viet Nam", "VNM"}, {"Vietnam", "VNM"},
      {"Republic of Korea", "KOR"}, {"South Korea", "KOR"}, {"Democratic People's Republic of Korea", "PRK"},
      {"North Korea", "PRK"}, {"Iran (Islamic Republic of)", "IRN"}, {"Iran", "IRN"},
      {"Bolivia (Plurinational State of)", "BOL"}, {"Bolivia", "BOL"}, {"Venezuela (Bolivarian Republic of)", "VEN"},
      {"Venezuela", "VEN"}, {"Moldova", "MDA"}, {"Republic of Moldova", "MDA"}, {"Syria", "SYR"},
      {"Syrian Arab Republic", "SYR"}, {"Tanzania", "TZA"}, {"United Republic of Tanzania", "TZA"}, {"Laos", "LAO"},
      {"Lao People's Democratic Republic", "LAO"}, {"Czechia", "CZE"}, {"Czech Republic", "CZE"},
      {"North Macedonia", "MKD"}, {"Eswatini", "SWZ"}, {"Swaziland", "SWZ"}, {"Cabo Verde", "CPV"},
      {"Cape Verde", "CPV"}, {"the Netherlands", "NLD"}, {"the Philippines", "PHL"}, {"the Gambia", "GMB"},
      {"Holy See", "VAT"}, {"State of Palestine", "PSE"}, {"FRANCE", "FRA"}};
  for (const auto& [name, iso] : aliases) {
    INFO(name);
    CHECK(ids("country", std::string("Migrants from ") + name + ", and others.") == Found{iso});
  }
  CHECK(all("Iran (Islamic Republic of)") == Found{"country IRN [Iran (Islamic Republic of)]"});
  CHECK(all("Guinea-Bissau") == Found{"country GNB [Guinea-Bissau]"});
  CHECK(ids("country", "France\xE2\x80\x99s and Mexico's policies; Germany\xC2\xB9\xC2\xB2") ==
        Found{"FRA", "MEX", "DEU"});
}

TEST_CASE("countries: the longest name wins and names are whole, capitalised words") {
  CHECK(ids("country", "Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea") ==
        Found{"GIN", "GNB", "GNQ", "PNG"});
  CHECK(ids("country", "Niger and Nigeria; Dominica and the Dominican Republic; Sudan and South Sudan") ==
        Found{"NER", "NGA", "DMA", "DOM", "SDN", "SSD"});
  CHECK(ids("country", "the Congo and the Democratic Republic of the Congo") == Found{"COG", "COD"});
  CHECK(ids("country", "New Mexico, American Samoa, Northern Ireland and the Gulf of Guinea").empty());
  CHECK(ids("country", "turkey, chad, jordan, georgia, guinea pigs, china and niger").empty());
  CHECK(ids("country", "Francesca, Indiana, Omani, USAID, Chile's") == Found{"CHL"});
  // Also ordinary words or given names: taken alone, not as part of a name or among capitals.
  CHECK(ids("country", "Michael Jordan, Chad Smith and Georgia State University").empty());
  CHECK(ids("country", "In Jordan, Chad and Georgia (the country)") == Found{"JOR", "TCD", "GEO"});
  CHECK(ids("country", "LET US KNOW, and pay US$ 500").empty());
  CHECK(ids("country", "Mexicans in the US contribute") == Found{"USA"});
}

TEST_CASE("every name in the tables finds its own id, and the countries are the 193 Members and 2 observers") {
  std::size_t names = 0;
  for (const char* type : {"treaty", "organisation", "country"}) {
    for (const auto& [id, name] : reference_names(type)) {
      INFO(type << " " << id << ": " << name);
      const auto found = find_references("(" + name + ")", "x");
      const bool finds = std::any_of(found.begin(), found.end(), [&, &id = id, &name = name](const Reference& r) {
        return r.type == type && r.id == id && r.text == name;
      });
      CHECK(finds);
      ++names;
    }
  }
  CHECK(names > 500);
  std::set<std::string> countries;
  for (const auto& [id, name] : reference_names("country")) {
    CHECK(id.size() == 3);
    CHECK(std::all_of(id.begin(), id.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
    countries.insert(id);
  }
  CHECK(countries.size() == 195);
  CHECK(reference_names("sdg_goal").empty());
}

// ---- GFMD Platform for Partnerships practices ------------------------------------------

TEST_CASE("PfP practices by their link, whatever OCR did to the host") {
  CHECK(all("\xC2\xB2\xE2\x81\xB9 http://gfmd.org/pfp/ppd/2334.") ==
        Found{"pfp_practice 2334 [gfmd.org/pfp/ppd/2334]"});
  CHECK(ids("pfp_practice", "http://afmd.org/pfp/ppd/1890") == Found{"1890"});
  CHECK(ids("pfp_practice", "see www.gfmd.org/pfp/ppd/52 and https://gfmd.org/pfp/ppd/0470") == Found{"52", "470"});
  CHECK(ids("pfp_practice", "GFMD, Platform for Partnerships, https://gfmd.org/pfp/ppd.").empty());
  CHECK(ids("pfp_practice", "/pfp/ppd/12 and gfmd.org/pfp/ppd/12a").empty());
}

// ---- The sample corpus ----------------------------------------------------------------

namespace {

std::set<std::string> references_of(const Document& d) {
  std::set<std::string> out;
  for (const Reference& r : d.references) out.insert(r.type + " " + r.id);
  return out;
}

}  // namespace

TEST_CASE("the sample corpus: treaties, organisations, clusters and practices") {
  const Document d003 = test::read_with("text", test::corpus_dir() / "003_47dc10d97ca243f0.txt");
  const auto found003 = references_of(d003);
  std::size_t practices = 0;
  for (const std::string& f : found003) practices += f.rfind("pfp_practice ", 0) == 0;
  CHECK(practices >= 60);
  for (const char* expected : {"pfp_practice 2334", "pfp_practice 1890", "organisation IOM", "organisation GFMD",
                               "treaty GCM", "treaty 2030-agenda", "treaty ILO-C97", "country MEX"}) {
    INFO(expected);
    CHECK(found003.count(expected) == 1);
  }

  const Document d004 = test::read_with("text", test::corpus_dir() / "004_4233e7d77e7d0f2d.txt");
  const auto found004 = references_of(d004);
  for (const char* expected : {"treaty ICRMW", "treaty CEDAW", "gcm_cluster 1", "gcm_cluster 6", "organisation IOM",
                               "organisation OHCHR", "country CAN"}) {
    INFO(expected);
    CHECK(found004.count(expected) == 1);
  }
  const auto un_cmw = std::find_if(d004.references.begin(), d004.references.end(),
                                   [](const Reference& r) { return r.text == "UN CMW"; });
  REQUIRE(un_cmw != d004.references.end());
  CHECK(un_cmw->type + " " + un_cmw->id == "treaty ICRMW");
  // ¶13 spells the Convention out and abbreviates it "(CMW)": that is no Committee. (It goes
  // on to "the CMW provides for several rights", which is read as the Committee.)
  for (const Reference& r : d004.references) {
    if (r.type != "organisation" || r.id != "CMW") continue;
    const auto block = std::find_if(d004.blocks.begin(), d004.blocks.end(),
                                    [&r](const Block& b) { return b.address == r.address; });
    REQUIRE(block != d004.blocks.end());
    CHECK(block->text.compare(r.begin - 1, 5, "(CMW)") != 0);
  }
}

TEST_CASE("the UPR report A/HRC/43/15: recommending States are countries") {
  const Document d = test::read_with(
      "layout", test::source_dir() / "tests" / "data" / "upr-slovenia-2019" / "A_HRC_43_15_UPR_WG_report_Slovenia.txt");
  const auto found = references_of(d);
  for (const char* iso : {"FRA", "USA", "GBR", "PSE", "IRN", "VEN", "KOR", "MKD", "MDA", "RUS", "JOR", "GEO",
                          "NER", "DOM", "TUR", "SVN"}) {
    INFO(iso);
    CHECK(found.count(std::string("country ") + iso) == 1);
  }
  for (const Block& b : d.blocks) CHECK(spans_hold_text(b.text));
}

// ---- Speed ----------------------------------------------------------------------------

// Hidden: run with `test_references "[.bench]"`. Reads the sample corpus line by line (about
// the size of paragraphs) over and over, about 20 MB in all.
TEST_CASE("find_references speed over the sample corpus", "[.bench]") {
  std::vector<std::string> lines;
  std::size_t bytes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::corpus_dir())) {
    std::istringstream in(test::read_file(entry.path()));
    for (std::string line; std::getline(in, line);) {
      bytes += line.size() + 1;
      lines.push_back(std::move(line));
    }
  }
  const std::size_t rounds = (20u << 20) / bytes + 1;
  std::size_t found = 0;
  find_references("warm up the tables", "x");
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < rounds; ++i)
    for (const std::string& line : lines) found += find_references(line, "x").size();
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  const double megabytes = static_cast<double>(bytes * rounds) / 1e6;
  WARN(megabytes << " MB in " << took.count() << " s: " << megabytes / took.count() << " MB/s, "
                 << found / rounds << " references per round");
  CHECK(found > 0);
}
