#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "dossier/domain/reference_data.hpp"
#include "dossier/domain/references.hpp"

using namespace dossier;

namespace {

const char* const kTarget107 =
    "Facilitate orderly, safe, regular and responsible migration and mobility of people, "
    "including through the implementation of planned and well-managed migration policies";

// Valid UTF-8 (no stray bytes from the embedding), without control characters.
bool is_clean_utf8(const std::string& text) {
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    if (length == 1 && c < 0x20) return false;
    for (std::size_t k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return false;
    i += length;
  }
  return true;
}

}  // namespace

TEST_CASE("reference data has the official SDG and GCM counts") {
  CHECK(sdg_goal_codes().size() == 17);
  CHECK(sdg_target_codes().size() == 169);
  // 231 unique indicators, some repeated under several targets: 252 codes in this edition.
  CHECK(sdg_indicator_codes().size() == 252);
  CHECK(gcm_objective_count() == 23);
  CHECK(reference_languages() == std::vector<std::string>{"en", "fr", "es", "ru", "ar", "zh"});

  CHECK(sdg_goal_codes().front() == "1");
  CHECK(sdg_goal_codes().back() == "17");
  CHECK(std::set<std::string>(sdg_target_codes().begin(), sdg_target_codes().end()).size() == 169);
  CHECK(sdg_indicator_codes().front() == "1.1.1");
  CHECK(sdg_indicator_codes().back() == "17.19.2");
}

TEST_CASE("targets and indicators come in official order") {
  CHECK(sdg_targets_of("10") == std::vector<std::string>{"10.1", "10.2", "10.3", "10.4", "10.5",
                                                         "10.6", "10.7", "10.a", "10.b", "10.c"});
  auto goal8 = sdg_targets_of("8");
  REQUIRE(goal8.size() == 12);
  CHECK(goal8[8] == "8.9");
  CHECK(goal8[9] == "8.10");
  CHECK(goal8[10] == "8.a");
  CHECK(sdg_targets_of("17").size() == 19);
  CHECK(sdg_target_codes()[0] == "1.1");
  CHECK(sdg_target_codes()[5] == "1.a");
  CHECK(sdg_target_codes()[7] == "2.1");  // goal 2 after goal 1, not goal 10
  CHECK(sdg_target_codes().back() == "17.19");

  CHECK(sdg_indicators_of("10.7") ==
        std::vector<std::string>{"10.7.1", "10.7.2", "10.7.3", "10.7.4"});
  CHECK(sdg_indicators_of("1.5").size() == 4);

  std::size_t targets = 0;
  for (const auto& goal : sdg_goal_codes()) targets += sdg_targets_of(goal).size();
  CHECK(targets == 169);
  std::size_t indicators = 0;
  for (const auto& target : sdg_target_codes()) {
    INFO(target);
    CHECK_FALSE(sdg_indicators_of(target).empty());
    indicators += sdg_indicators_of(target).size();
  }
  CHECK(indicators == sdg_indicator_codes().size());
}

TEST_CASE("reference data agrees with the code lists of find_references()") {
  for (const auto& goal : sdg_goal_codes()) CHECK(is_sdg_goal(goal));
  for (const auto& target : sdg_target_codes()) {
    INFO(target);
    CHECK(is_sdg_target(target));
    // reference_codes.cpp numbers each target's indicators 1..n: n + 1 must be unknown there.
    auto next = target + "." + std::to_string(sdg_indicators_of(target).size() + 1);
    CHECK_FALSE(is_sdg_indicator(next));
  }
  for (const auto& indicator : sdg_indicator_codes()) {
    INFO(indicator);
    CHECK(is_sdg_indicator(indicator));
  }
}

TEST_CASE("English titles are the official texts") {
  CHECK(sdg_title("10") == "Reduce inequality within and among countries");
  CHECK(sdg_title("10", "en") == "Reduce inequality within and among countries");
  CHECK(sdg_short_title("10") == "Reduced inequalities");
  CHECK(sdg_title("10.7") == kTarget107);
  CHECK(sdg_title("10.7.2") ==
        "Number of countries with migration policies that facilitate orderly, safe, regular "
        "and responsible migration and mobility of people");
  // Folded over several lines in the YAML file.
  CHECK(sdg_title("1.1") ==
        "By 2030, eradicate extreme poverty for all people everywhere, currently measured as "
        "people living on less than $1.25 a day");
}

TEST_CASE("every language has a title for every code, unlike the English one") {
  for (const auto& language : reference_languages()) {
    INFO(language);
    for (const auto* codes : {&sdg_goal_codes(), &sdg_target_codes(), &sdg_indicator_codes()}) {
      for (const auto& code : *codes) {
        INFO(code);
        auto title = sdg_title(code, language);
        CHECK_FALSE(title.empty());
        CHECK(is_clean_utf8(title));
        CHECK(title.find("  ") == std::string::npos);
        CHECK(title.front() != ' ');
        CHECK(title.back() != ' ');
      }
    }
    for (const auto& goal : sdg_goal_codes()) CHECK_FALSE(sdg_short_title(goal, language).empty());
    if (language == "en") continue;
    CHECK(sdg_title("10", language) != sdg_title("10"));
    CHECK(sdg_short_title("10", language) != sdg_short_title("10"));
    CHECK(sdg_title("10.7", language) != kTarget107);
    CHECK(sdg_title("10.7.1", language) != sdg_title("10.7.1"));
  }
}

TEST_CASE("titles in the other languages are the translations") {
  CHECK(sdg_short_title("10", "fr") == "In\xC3\xA9galit\xC3\xA9s r\xC3\xA9" "duites");
  // Composed (NFC) accents, although the source spells them with combining marks.
  CHECK(sdg_title("10.7", "fr").find("r\xC3\xA9guli\xC3\xA8re") != std::string::npos);
  CHECK(sdg_title("10.7", "es").find("migraci\xC3\xB3n") != std::string::npos);
  CHECK(sdg_title("10.7", "ru").find("\xD0\xBC\xD0\xB8\xD0\xB3\xD1\x80\xD0\xB0\xD1\x86") !=
        std::string::npos);  // "миграц"
  CHECK(sdg_title("10.7", "ar").find("\xD8\xA7\xD9\x84\xD9\x87\xD8\xAC\xD8\xB1\xD8\xA9") !=
        std::string::npos);  // "الهجرة"
  CHECK(sdg_title("10.7", "zh").find("\xE7\xA7\xBB\xE6\xB0\x91") != std::string::npos);  // "移民"
  CHECK(sdg_short_title("10", "zh") == "\xE5\x87\x8F\xE5\xB0\x91\xE4\xB8\x8D\xE5\xB9\xB3\xE7\xAD\x89");
  CHECK(sdg_title("10", "zh-Hans") == sdg_title("10", "zh"));
}

TEST_CASE("unknown languages fall back to English, unknown codes give nothing") {
  CHECK(sdg_title("10.7", "de") == kTarget107);
  CHECK(sdg_title("10.7", "") == kTarget107);
  CHECK(sdg_short_title("10", "pt") == "Reduced inequalities");

  CHECK(sdg_title("18").empty());
  CHECK(sdg_title("0").empty());
  CHECK(sdg_title("10.9").empty());
  CHECK(sdg_title("10.d", "fr").empty());
  CHECK(sdg_title("10.7.9").empty());
  CHECK(sdg_title("").empty());
  CHECK(sdg_title("SDG 10").empty());
  CHECK(sdg_short_title("10.7").empty());
  CHECK(sdg_targets_of("18").empty());
  CHECK(sdg_targets_of("").empty());
  CHECK(sdg_indicators_of("10.9").empty());
  CHECK(sdg_indicators_of("10").empty());
}

TEST_CASE("SDG colours are the official ones") {
  CHECK(sdg_colour(1) == "#E5243B");
  CHECK(sdg_colour(10) == "#DD1367");
  CHECK(sdg_colour(17) == "#19486A");
  CHECK(sdg_colour(0).empty());
  CHECK(sdg_colour(18).empty());
  std::set<std::string> colours;
  for (int goal = 1; goal <= 17; ++goal) {
    auto colour = sdg_colour(goal);
    CHECK(colour.size() == 7);
    CHECK(colour[0] == '#');
    colours.insert(colour);
  }
  CHECK(colours.size() == 17);
}

TEST_CASE("GCM objectives have their English titles") {
  CHECK(gcm_objective_title(1) ==
        "Collect and utilize accurate and disaggregated data as a basis for evidence-based "
        "policies");
  CHECK(gcm_objective_title(6) ==
        "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent "
        "work");
  CHECK(gcm_objective_title(10) ==
        "Prevent, combat and eradicate trafficking in persons in the context of international "
        "migration");  // quoted in the CSV
  CHECK(gcm_objective_title(23) ==
        "Strengthen international cooperation and global partnerships for safe, orderly and "
        "regular migration");
  CHECK(gcm_objective_title(0).empty());
  CHECK(gcm_objective_title(24).empty());
  for (int n = 1; n <= gcm_objective_count(); ++n) CHECK_FALSE(gcm_objective_title(n).empty());
}

TEST_CASE("the GCM's six thematic clusters have their English titles") {
  CHECK(gcm_cluster_count() == 6);
  CHECK(gcm_cluster_title(1) ==
        "Human rights of all migrants, social inclusion, cohesion, and all forms of discrimination, including "
        "racism, xenophobia and intolerance");  // as the GFMD dialogue on cluster 1 prints it
  CHECK(gcm_cluster_title(5).rfind("Smuggling of migrants, trafficking in persons and contemporary forms of slavery", 0) == 0);
  CHECK(gcm_cluster_title(0).empty());
  CHECK(gcm_cluster_title(7).empty());
  for (int n = 1; n <= gcm_cluster_count(); ++n) CHECK_FALSE(gcm_cluster_title(n).empty());
}

TEST_CASE("reference data loads once, safely from several threads") {
  std::vector<std::thread> threads;
  std::vector<std::string> titles(8);
  for (std::size_t i = 0; i < titles.size(); ++i)
    threads.emplace_back([&titles, i] { titles[i] = sdg_title("10.7", "fr"); });
  for (auto& thread : threads) thread.join();
  for (const auto& title : titles) CHECK(title == sdg_title("10.7", "fr"));
  CHECK(&sdg_target_codes() == &sdg_target_codes());
}

TEST_CASE("the Aurora queries of all 17 goals are embedded") {
  const auto& files = dossier::aurora_query_files();
  REQUIRE(files.size() == 17);
  for (std::size_t i = 0; i < files.size(); ++i) {
    INFO("SDG " << i + 1);
    CHECK(files[i].find("<dc:identifier type=\"sdg\">" + std::to_string(i + 1) + "</dc:identifier>") !=
          std::string::npos);
  }
}
