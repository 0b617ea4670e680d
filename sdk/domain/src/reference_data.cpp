#include "dossier/domain/reference_data.hpp"

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "reference_data_tables.hpp"  // generated from sdk/data by scripts/embed-reference-data.py

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

namespace {

namespace rd = reference_data_detail;

constexpr std::array<const char*, 17> kSdgColours = {
    "#E5243B", "#DDA63A", "#4C9F38", "#C5192D", "#FF3A21", "#26BDE2",
    "#FCC30B", "#A21942", "#FD6925", "#DD1367", "#FD9D24", "#BF8B2E",
    "#3F7E44", "#0A97D9", "#56C02B", "#00689D", "#19486A"};

// Titles of one kind by code, then by language.
using Titles = std::unordered_map<std::string, std::unordered_map<std::string, std::string>>;

// Everything, built from the embedded tables on first use (thread-safe: a function-local
// static) and never changed afterwards.
struct Data {
  std::vector<std::string> languages{"en", "fr", "es", "ru", "ar", "zh"};
  std::vector<std::string> goals, targets, indicators;  // official order, as in the tables
  Titles titles;        // goals, targets and indicators: their codes never collide
  Titles short_titles;  // goals
  std::map<std::string, std::vector<std::string>, std::less<>> targets_of, indicators_of;
  std::vector<std::string> gcm;       // [n - 1]
  std::vector<std::string> clusters;  // [n - 1]

  Data() {
    load(rd::kGoalTitles, rd::kGoalTitleCount, titles, &goals);
    load(rd::kGoalShortTitles, rd::kGoalShortTitleCount, short_titles, nullptr);
    load(rd::kTargetTitles, rd::kTargetTitleCount, titles, &targets);
    load(rd::kIndicatorTitles, rd::kIndicatorTitleCount, titles, &indicators);
    for (const auto& target : targets)
      targets_of[target.substr(0, target.find('.'))].push_back(target);
    for (const auto& indicator : indicators)
      indicators_of[indicator.substr(0, indicator.rfind('.'))].push_back(indicator);
    for (std::size_t i = 0; i < rd::kGcmObjectiveCount; ++i) gcm.emplace_back(rd::kGcmObjectives[i].title);
    for (std::size_t i = 0; i < rd::kGcmClusterCount; ++i) clusters.emplace_back(rd::kGcmClusters[i].title);
  }

  // Rows come grouped by code in official order, so a new code is the next one in order.
  static void load(const rd::TitleRow* rows, std::size_t count, Titles& into,
                   std::vector<std::string>* codes) {
    for (std::size_t i = 0; i < count; ++i) {
      auto& by_language = into[rows[i].code];
      if (codes != nullptr && by_language.empty()) codes->emplace_back(rows[i].code);
      by_language.emplace(rows[i].language, rows[i].title);
    }
  }
};

const Data& data() {
  static const Data instance;
  return instance;
}

std::string_view language_tag(std::string_view language) {
  if (language == "zh-Hans" || language == "zh-hans") return "zh";
  return language;
}

std::string title_in(const Titles& titles, std::string_view code, std::string_view language) {
  auto found = titles.find(std::string(code));
  if (found == titles.end()) return {};
  const auto& by_language = found->second;
  auto title = by_language.find(std::string(language_tag(language)));
  if (title == by_language.end()) title = by_language.find("en");
  return title == by_language.end() ? std::string() : title->second;
}

std::vector<std::string> children(const std::map<std::string, std::vector<std::string>, std::less<>>& map,
                                  std::string_view parent) {
  auto found = map.find(parent);
  return found == map.end() ? std::vector<std::string>() : found->second;
}

// Entry `number` (1-based) of a numbered list; empty outside it.
std::string numbered(const std::vector<std::string>& list, int number) {
  if (number < 1 || number > static_cast<int>(list.size())) return {};
  return list[static_cast<std::size_t>(number - 1)];
}

}  // namespace

const std::vector<std::string>& reference_languages() { return data().languages; }
const std::vector<std::string>& sdg_goal_codes() { return data().goals; }
const std::vector<std::string>& sdg_target_codes() { return data().targets; }
const std::vector<std::string>& sdg_indicator_codes() { return data().indicators; }

std::vector<std::string> sdg_targets_of(std::string_view goal) {
  return children(data().targets_of, goal);
}

std::vector<std::string> sdg_indicators_of(std::string_view target) {
  return children(data().indicators_of, target);
}

std::string sdg_title(std::string_view code, std::string_view language) {
  return title_in(data().titles, code, language);
}

std::string sdg_short_title(std::string_view goal, std::string_view language) {
  return title_in(data().short_titles, goal, language);
}

std::string sdg_colour(int goal) {
  if (goal < 1 || goal > static_cast<int>(kSdgColours.size())) return {};
  return kSdgColours[static_cast<std::size_t>(goal - 1)];
}

int gcm_objective_count() { return static_cast<int>(data().gcm.size()); }

std::string gcm_objective_title(int number) { return numbered(data().gcm, number); }

int gcm_cluster_count() { return static_cast<int>(data().clusters.size()); }

std::string gcm_cluster_title(int number) { return numbered(data().clusters, number); }

std::string vocabulary_file(std::string_view scheme) {
  for (std::size_t i = 0; i < reference_data_detail::kVocabularyCount; ++i)
    if (scheme == reference_data_detail::kVocabularies[i].name) return reference_data_detail::kVocabularies[i].toml;
  return {};
}

const std::vector<std::string>& aurora_query_files() {
  static const std::vector<std::string> files(reference_data_detail::kAuroraQueries,
                                              reference_data_detail::kAuroraQueries +
                                                  reference_data_detail::kAuroraQueryCount);
  return files;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
