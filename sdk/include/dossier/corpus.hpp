// Corpus-wide steps between reading and analysis: identities and versions of documents.
#pragma once

#include <string>
#include <vector>

#include "dossier/model.hpp"
#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// Gives `document` the id `new_id` and rewrites every address that begins with the old
/// id (blocks, recommendations, footnote anchors, references, same_as links).
DOSSIER_SDK_API void rename_document(Document& document, const std::string& new_id);

/// Finds documents that hold the same numbered paragraphs as a longer one (a page or an
/// excerpt of a report, another version of it) and links them: the excerpt gets
/// "excerpt_of", the full document "has_excerpt", and each matching paragraph `same_as`.
/// When only the excerpt knows the symbol, the full document takes it as its id, and the
/// excerpt becomes "<symbol> (p. N)" (or "<symbol> (excerpt)"). Returns one line per link
/// made, for the log.
DOSSIER_SDK_API std::vector<std::string> link_versions(Corpus& corpus);

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
