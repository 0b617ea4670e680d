// Parsing text converted from PDF or Word (the sample corpus) into the document model.
#pragma once

#include <string>
#include <string_view>

#include <dossier/model.hpp>

namespace dossier::text_reader {

/// Builds a Document from converted text. `path` names the source for ids and messages.
/// Never throws on odd input: what it cannot place goes to Document::diagnostics.
Document parse_converted_text(std::string_view content, const std::string& path);

}  // namespace dossier::text_reader
