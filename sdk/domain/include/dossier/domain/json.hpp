// The model as JSON: the format of corpus.json (docs/json-schema.md), also what keys cached
// analyses. One implementation, so the two never drift apart.
#pragma once

#include <string>
#include <string_view>

#include "dossier/model.hpp"
#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// One document as a JSON object. `indent` < 0 gives one line. Invalid UTF-8 from damaged
/// input is replaced (U+FFFD), never fatal.
DOSSIER_SDK_API std::string to_json(const Document& document, int indent = -1);

/// One annotation as a JSON object.
DOSSIER_SDK_API std::string to_json(const Annotation& annotation, int indent = -1);

/// Reads back what to_json(Document) wrote. Throws std::runtime_error on malformed input.
DOSSIER_SDK_API Document document_from_json(std::string_view json);

/// Reads a whole corpus.json (what the json exporter writes): its documents and annotations.
/// Throws std::runtime_error when it is not JSON, has no "annotations", or is malformed.
DOSSIER_SDK_API Corpus corpus_from_json(std::string_view json);

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
