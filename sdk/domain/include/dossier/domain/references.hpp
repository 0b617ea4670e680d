// References: what a paragraph explicitly cites or names, normalised (SDG goals, targets and
// indicators, GCM objectives and clusters, UN document symbols, treaties, organisations,
// countries, GFMD practices), for readers to fill Document::references block by block.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/model.hpp"
#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// References printed in one paragraph's text, in order of first appearance; each (type, id)
/// at most once per call. Every Reference gets `address` as its address and, as its `text`,
/// the printed words it was found in: the whole phrase for a list ("SDGs 5 and 8" for both
/// goals), the code alone for a bare parenthesised target ("17.14" from "(17.14)"). `begin`
/// and `end` are the byte offsets of those words: text == input.substr(begin, end - begin).
/// Where phrases overlap, the one that starts first wins, then the longer one ("Papua New
/// Guinea" holds no "Guinea"; "Optional Protocol to the Convention against Torture" no CAT).
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
/// - `gcm_cluster`, id "1".."6": "GCM Cluster 1", "GCM thematic cluster 6"; "Cluster 1",
///   "thematic clusters 2 and 3" when the paragraph mentions the GCM, the GFMD or a Global Compact.
/// - `treaty`: core human rights and migration instruments, compacts and agendas by title or
///   abbreviation ("Migrant Workers Convention", "UN CMW" -> "ICRMW"; "Convention against
///   Torture" -> "CAT"; "2030 Agenda" -> "2030-agenda"), and ILO conventions by number
///   ("ILO Convention No. 189", "Convention No. 97", "C189" where conventions or the ILO are
///   discussed, "(No. 143)" after a convention's title in a paragraph about the ILO) or short
///   title ("Domestic Workers Convention") -> "ILO-C189". "ILO Convention No. 189" also gives
///   the organisation ILO.
/// - `organisation`: IOM, UNHCR, OHCHR, ILO, the UN's General Assembly ("UNGA"),
///   Secretary-General ("UNSG"), Human Rights Council ("HRC"), the Special Rapporteur on the
///   human rights of migrants ("SR-migrants"), the Committee on Migrant Workers ("CMW"), the
///   EU, ... by name or acronym -> acronym. An acronym in parentheses right after the name it
///   abbreviates is that name again ("... Families (CMW)" is the Convention, not the Committee).
/// - `country`: UN Member and observer States by their UN name or a common one ("United States",
///   "U.S.", "Türkiye", "Turkey", "Iran (Islamic Republic of)") -> ISO 3166-1 alpha-3 code.
/// - `pfp_practice`: GFMD Platform for Partnerships practices by link, "gfmd.org/pfp/ppd/2334"
///   -> "2334" (any host: OCR damages it).
///
/// Names match whole words and are case-sensitive: as listed or all in capitals; treaty and
/// organisation titles of three words or more in any case after a capital; acronyms exactly.
/// Names inside URLs are not references. Names that are also ordinary words ("Chad",
/// "Jordan", "WHO", "US") are not taken next to a capitalised word ("Michael Jordan") or
/// among capitals ("LET US"). The name tables are in sdk/domain/src/reference_tables.cpp.
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

/// The names find_references() knows for a name-based type ("treaty", "organisation",
/// "country"): one {id, name} pair per printed form, in table order; empty for other types.
/// ILO conventions found by number only are not listed.
DOSSIER_SDK_API std::vector<std::pair<std::string, std::string>> reference_names(std::string_view type);

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
