// Finding a document's addresses inside free text (diagnostic messages), shared by the
// renaming of documents and the human citations written in their place.
#pragma once

#include <cstddef>
#include <string_view>

#include "dossier/model.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// Length of the longest address of `document` (of a block or recommendation)
/// that `text` holds at `at`, where the document's id is written in `id_length` bytes (an old id
/// while the document is renamed); 0 when none ends there at a word's end.
std::size_t address_length_at(std::string_view text, std::size_t at, std::size_t id_length, const Document& document);

/// Whether `at` starts a word of `text`: its start, or after a character that is no letter,
/// digit, '-' or '_'.
bool starts_word(std::string_view text, std::size_t at);

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
