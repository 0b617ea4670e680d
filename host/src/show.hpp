// `dossier show`: print what a citation points at.
#pragma once

#include <ostream>
#include <string>

#include "dossier/model.hpp"

namespace dossier::host {

/// Prints every block the citation names ("A/68/283 ¶50-54"), each with its section,
/// footnotes and, for recommendations, kind and addressee. Returns false, with the reason
/// in `error`, when the citation cannot be parsed or names nothing in the corpus.
/// With `language` ("fr"), the document's version in that language: it fails, listing the
/// languages there are, when the document has none in it.
bool show_citation(const std::string& citation, const Corpus& corpus, std::ostream& out, std::string& error,
                   const std::string& language = "");

}  // namespace dossier::host
