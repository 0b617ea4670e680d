// How outputs that people read word what the model holds as codes: dates as each language
// writes them, recommendation kinds as words, scores that never round up to certainty.
// Machine-readable outputs (corpus.json, feed.xml, Akoma Ntoso) keep the codes.
#pragma once

#include <string>
#include <string_view>

#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// A date as the UN writes it in `language` (one of reference_languages(); "fr-CA" is taken
/// for "fr", any other for "en"), from the month names in sdk/data/calendar/:
/// "2010-11-08" -> "8 November 2010", "8 novembre 2010", "8 de noviembre de 2010",
/// "8 ноября 2010 года", "8 تشرين الثاني/نوفمبر 2010", "2010年11月8日"; "2010-11" ->
/// "November 2010"; anything else (a year, free text, an impossible date) unchanged.
DOSSIER_SDK_API std::string long_date(std::string_view iso_date, std::string_view language = "en");

/// A recommendation's kind (Recommendation::kind) in words, in `language`:
/// "practical_action" -> "practical action", "action concrète"; a kind without a label has
/// its underscores made spaces ("general_comment" -> "general comment").
DOSSIER_SDK_API std::string kind_label(std::string_view kind, std::string_view language = "en");

/// A score (0..1) as shown to people: the largest thousandth not above it, so that 0.998 is
/// never shown as 1 (0.9989 -> 0.998). For a number cell that a format shows as a percentage.
DOSSIER_SDK_API double shown_score(double score);

/// shown_score() as a percentage with one decimal: 0.998 -> "99.8%", 0.05 -> "5.0%", 1 -> "100%".
DOSSIER_SDK_API std::string score_text(double score);

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
