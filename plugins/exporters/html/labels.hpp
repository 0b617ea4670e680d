// The site's words in the six UN languages (en, fr, es, ru, ar, zh). The table is in labels.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier::html {

/// "fr-CA" -> "fr", "zh-Hans" -> "zh"; "" when the language has no labels.
std::string label_language(std::string_view tag);

/// The label `key` in `language` (en, fr, es, ru, ar or zh), with "{1}", "{2}" replaced by the
/// arguments. Throws std::out_of_range for an unknown key.
std::string label(std::string_view key, std::string_view language, const std::vector<std::string>& args = {});

/// A language's name in its own words ("fr" -> "Français"); the tag itself for others.
std::string language_name(std::string_view tag);

}  // namespace dossier::html
