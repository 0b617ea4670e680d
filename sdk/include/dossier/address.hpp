// Citations: how users point at a paragraph ("A/68/283 ¶135").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// Address of a numbered paragraph: "A/68/283 ¶135", "A/HRC/43/15 ¶121.1".
DOSSIER_SDK_API std::string paragraph_address(std::string_view document_id,
                                              std::string_view number);

/// Address of an unnumbered block: its section path and its 1-based ordinal among the
/// unnumbered blocks printed under that same section path: "gfmd-2010 §2.1 #3", or
/// "gfmd-2010 #3" before any section.
DOSSIER_SDK_API std::string block_address(std::string_view document_id,
                                          std::string_view section_path, std::size_t ordinal);

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
