// Documents as bytes: how the store caches a parsed document. Lossless and quick to read
// back (an unchanged rebuild decodes every document it reuses; JSON took most of that
// time). Not a format for users: that is corpus.json.
#pragma once

#include <string>
#include <string_view>

#include "dossier/model.hpp"

namespace dossier::host {

/// Appends the document to `out`.
void encode_document(const Document& document, std::string& out);

/// Reads back what encode_document wrote. Throws std::runtime_error when the bytes are
/// truncated, malformed or of another version of the encoding.
Document decode_document(std::string_view in);

}  // namespace dossier::host
