// The corpus-wide step of reading, once every source is read: documents joined and linked
// across versions and languages, the catalogue applied, ids made unique.
#pragma once

#include "pipeline.hpp"

namespace dossier::host {

class Catalogue;

/// Corpus-wide steps once every source is read: versions linked, then the catalogue (the
/// user's word wins over what linking inferred), then ids made unique; each source record
/// then names the document it ended up in.
void finish_corpus(ReadResult& result, const Catalogue* catalogue);

}  // namespace dossier::host
