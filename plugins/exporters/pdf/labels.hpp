// Labels and headings of the briefs in the six UN languages. The table is in labels.cpp
// (documented in docs/exporters/pdf.md); SDG titles come from dossier/domain/reference_data.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::pdf {

/// The label languages: en, fr, es, ru, ar, zh.
const std::vector<std::string>& label_languages();

/// "fr-CA" -> "fr", "zh-Hans" -> "zh"; "" when the language has no labels.
std::string label_language(std::string_view tag);

/// The label `key` in `language` (one of label_languages()), with "{1}", "{2}" replaced by
/// the arguments. Throws std::out_of_range for an unknown key.
std::string label(std::string_view key, std::string_view language, const std::vector<std::string>& args = {});

/// A count as the UN's documents in `language` group its digits: "7,322" (en), "7\u00A0322"
/// (fr, ar, zh; a no-break space), "12.500" (es) and "12\u00A0500" (ru) from five digits, as
/// Spanish and Russian typography leave four-digit numbers whole ("7322").
std::string count_text(std::size_t n, std::string_view language);

}  // namespace dossier::pdf
