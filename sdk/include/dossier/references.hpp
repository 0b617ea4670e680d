// References: what a paragraph explicitly cites, normalised (SDG goals, targets and
// indicators, GCM objectives, UN document symbols), for readers to fill
// Document::references block by block.
#pragma once

#include <string_view>
#include <vector>

#include "dossier/model.hpp"
#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// References printed in one paragraph's text, in order of first appearance; each (type, id)
/// at most once per call. Every Reference gets `address` as its address and, as its `text`,
/// the printed words it was found in: the whole phrase for a list ("SDGs 5 and 8" for both
/// goals), the code alone for a bare parenthesised target ("17.14" from "(17.14)").
///
/// - `sdg_goal`, id "1".."17": "SDG 10", "SDG10", "SDGs 1, 5 and 10",
///   "Sustainable Development Goal 10"; "Goal 10" when the paragraph mentions SDG(s) or
///   Sustainable Development Goal(s), and not after "Millennium Development".
/// - `sdg_target`, id "10.7", "10.c": "SDG 8.7", "SDG target 10.c"; "target(s) 10.7" and a
///   bare "(17.14)" when the paragraph mentions SDG(s), Sustainable Development or the 2030
///   Agenda.
/// - `sdg_indicator`, id "10.7.1": "SDG 10.7.1", "SDG indicator 10.7.1"; "indicator 10.7.1"
///   in such a paragraph. The same words never also give target 10.7.
/// - `gcm_objective`, id "1".."23": "objective 13", "GCM objective 6", "objectives 2, 5 and 18".
/// - `un_symbol`, id as printed without trailing punctuation ("A/RES/73/195", "A/RES/217(III)",
///   "A/HRC/WG.6/34/SVN/2"): symbols starting A/, E/, S/, CRC/, CEDAW/, CCPR/, CERD/, CMW/,
///   CAT/ or HRI/ whose last segment holds a digit.
///
/// SDG codes are checked against the official list (see is_sdg_target()), so "SDG 18" and
/// "target 10.9" give nothing; a list stops at its first invalid code. Numbers outside these
/// forms (icon captions, dates, "para. 111", "8.7 million") are never references.
DOSSIER_SDK_API std::vector<Reference> find_references(std::string_view text,
                                                       std::string_view address);

/// True for an SDG goal number in normalised form: "1" .. "17" ("05" is not normalised).
DOSSIER_SDK_API bool is_sdg_goal(std::string_view code) noexcept;
/// True for one of the 169 official SDG target codes: "10.7", "10.c" (lower-case letter).
DOSSIER_SDK_API bool is_sdg_target(std::string_view code) noexcept;
/// True for an official SDG indicator code: "10.7.1", "17.19.2". Indicators listed under
/// several targets are valid under each of them ("1.5.1" and "13.1.1").
DOSSIER_SDK_API bool is_sdg_indicator(std::string_view code) noexcept;
/// True for a GCM objective number in normalised form: "1" .. "23".
DOSSIER_SDK_API bool is_gcm_objective(std::string_view code) noexcept;

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
