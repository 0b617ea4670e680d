// The citation forms of human_citation.cpp that finding a citation (citation_search.cpp) writes
// again to compare: addresses taken apart, and the place of a block in each language.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/model.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// The six UN languages; citations in any other are English.
enum Language : std::size_t { en, fr, es, ru, ar, zh, language_count };
inline constexpr std::array<const char*, language_count> language_codes = {"en", "fr", "es", "ru", "ar", "zh"};

/// "fr-CA" -> fr; anything but the six -> en.
Language language_of(std::string_view tag);

/// One part of an address before its paragraph: "annex" and its numeral ("I"; may be empty).
struct Part {
  std::string word, numeral;
};

/// An address taken apart after its document's id.
struct Place {
  std::string attached;     ///< a component the symbol names with it: "A" of "A/RES/77/128 A"
  std::vector<Part> parts;  ///< "annex I", "section II": parts numbered afresh
  std::string number;       ///< paragraphs: "4(a)"; empty for unnumbered blocks
  std::string path;         ///< unnumbered blocks: their section path ("II.2.(1)"); may be empty
  std::string ordinal;      ///< unnumbered blocks: "11"
};

/// The place of `address` in `document`, taken apart; false when the address is not of it.
bool place_of(const Document& document, std::string_view address, Place& place);

/// " A" of "A/RES/77/128 A, para. 3": what follows the name without a separator.
std::string attached_text(const Place& place);

/// The citation after the document's name (and attached_text()): ", annex, para. 12";
/// ", II.2.(1), item 11".
std::string place_text(const Place& place, Language lang);

/// The first non-empty value of metadata `key`; "" when none.
std::string metadata_value(const Document& document, std::string_view key);

/// Space made single and the name kept to a length a table cell or a log line can show.
std::string tidy_name(std::string_view name);

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
