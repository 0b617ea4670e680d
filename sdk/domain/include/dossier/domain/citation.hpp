// Citations as users type them ("A/68/283 ¶50-54"), parsed back into a document and paragraphs,
// and the slugs that name documents without a symbol.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// A parsed citation: a paragraph or range of paragraphs ("A/68/283 ¶50-54"), or an
/// unnumbered block ("gfmd-2010 §6.1 #3").
struct Citation {
  std::string document;      ///< document id: "A/68/283"
  std::string first;         ///< first paragraph number ("50"); empty for unnumbered blocks
  std::string last;          ///< last paragraph number of a range; equals `first` otherwise
  std::string section_path;  ///< unnumbered blocks: "6.1"; may be empty
  std::size_t ordinal = 0;   ///< unnumbered blocks: the "#3"
};

/// Parses what users type: "A/68/283 ¶135", "A/68/283 ¶50-54" (or en dash),
/// sub-paragraphs "A/RES/76/172 ¶4(a)", ASCII
/// "A/68/283 para 135" / "paras 50-54", "gfmd-2010 §6.1 #3", "gfmd-2010 #3".
/// Returns false when `text` is no citation.
DOSSIER_SDK_API bool parse_citation(std::string_view text, Citation& out);

/// Whether paragraph number `number` ("52", "121.1") lies within the citation's range,
/// comparing dotted numbers part by part.
DOSSIER_SDK_API bool citation_covers(const Citation& citation, std::string_view number);

/// Lower-case ASCII slug of free text, for ids of documents without a symbol
/// ("GFMD 2010 Report" -> "gfmd-2010-report"). Never empty: falls back to "document".
DOSSIER_SDK_API std::string slugify(std::string_view text);

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
