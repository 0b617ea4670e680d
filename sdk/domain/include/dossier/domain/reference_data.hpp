// Reference data: the official SDG goals, targets and indicators with their titles in the six
// UN languages, the SDG colours, the 23 GCM objectives and its six thematic clusters. Compiled into libdossier_sdk
// (sources and licences: sdk/data/README.md), so nothing is read from disk at run time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// Language tags with titles: {"en", "fr", "es", "ru", "ar", "zh"} ("zh": Simplified Chinese).
DOSSIER_SDK_API const std::vector<std::string>& reference_languages();

/// The 17 SDG goal codes: "1" .. "17".
DOSSIER_SDK_API const std::vector<std::string>& sdg_goal_codes();

/// The 169 SDG target codes in official order: by goal, numbered targets before lettered
/// ones ("10.1" .. "10.7", "10.a" .. "10.c").
DOSSIER_SDK_API const std::vector<std::string>& sdg_target_codes();

/// The SDG indicator codes in official order ("1.1.1" .. "17.19.2"). An indicator listed
/// under several targets has a code under each ("1.5.1", "11.5.1", "13.1.1").
DOSSIER_SDK_API const std::vector<std::string>& sdg_indicator_codes();

/// Targets of a goal ("10" -> "10.1" .. "10.c"), in official order; empty for no goal.
DOSSIER_SDK_API std::vector<std::string> sdg_targets_of(std::string_view goal);

/// Indicators of a target ("10.7" -> "10.7.1" .. "10.7.4"); empty for no target.
DOSSIER_SDK_API std::vector<std::string> sdg_indicators_of(std::string_view target);

/// Official title (UTF-8) of a goal ("10"), target ("10.7") or indicator ("10.7.1") in one
/// of reference_languages() ("zh-Hans" is taken for "zh"). English when that language has no
/// title for the code or is not one of them; empty when the code is unknown.
DOSSIER_SDK_API std::string sdg_title(std::string_view code, std::string_view language = "en");

/// Short title of a goal ("10" -> "Reduced inequalities"), with the same rules as
/// sdg_title(); empty for anything but a goal code.
DOSSIER_SDK_API std::string sdg_short_title(std::string_view goal,
                                            std::string_view language = "en");

/// Official colour of goal 1..17 as "#RRGGBB" (goal 10: "#DD1367"); empty otherwise.
DOSSIER_SDK_API std::string sdg_colour(int goal);

/// Number of objectives of the Global Compact for Migration: 23.
DOSSIER_SDK_API int gcm_objective_count();

/// English title of GCM objective 1..23 (A/RES/73/195); empty otherwise.
DOSSIER_SDK_API std::string gcm_objective_title(int number);

/// Number of the GCM's thematic clusters: 6.
DOSSIER_SDK_API int gcm_cluster_count();

/// English title of GCM thematic cluster 1..6 (the thematic consultations of A/RES/71/280,
/// which the gcm analyzer codes "cluster-1".."cluster-6"); empty otherwise.
DOSSIER_SDK_API std::string gcm_cluster_title(int number);

/// The Aurora SDG queries v5 (Aurora Universities Network, CC BY 4.0): the XML text of
/// query_SDG1.xml ... query_SDG17.xml, in goal order.
DOSSIER_SDK_API const std::vector<std::string>& aurora_query_files();

/// The project's curated vocabulary for a scheme ("sdg", "gcm"): the TOML text of
/// sdk/data/vocabulary/SCHEME.toml (docs/vocabulary.md), or "" when there is none.
DOSSIER_SDK_API std::string vocabulary_file(std::string_view scheme);

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
