// Footnotes found in a document's text, joined to the blocks that cite them.
#pragma once

#include <vector>

#include <dossier/model.hpp>

namespace dossier::readers {

/// Adds `found` (in the order the text gives them) to `doc.footnotes`, one per label, and
/// each block's markers (Block::footnote_refs) to the anchors of its note. What does not add
/// up becomes a diagnostic: "footnotes.missing" (markers without a note, counted once per
/// document), "footnotes.repeated" (a label seen twice: the second note is not kept),
/// "footnotes.uncited" (info).
void resolve_footnotes(Document& doc, std::vector<Footnote> found);

}  // namespace dossier::readers
