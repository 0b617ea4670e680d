// `dossier show`: print what a citation points at.
#pragma once

#include <ostream>
#include <string>

#include "dossier/model.hpp"

namespace dossier::host {

/// Prints every block the citation names, each headed by its human citation, with its
/// section, footnotes and, for recommendations, kind and addressee. The citation is written
/// as the outputs print it, in any UN language ("A/68/283, para. 127", "GFMD Thematic
/// Recollection 2017, II.2.(1), item 11"; citation.hpp), or as an address or range
/// ("A/68/283 ¶50-54"). Returns false, with the reason in `error`, when the citation cannot
/// be parsed or names nothing in the corpus; `with_catalogue` false adds, for a name that is
/// no UN symbol, that a catalogue may be what is missing.
/// With `language` ("fr"), the document's version in that language: it fails, listing the
/// languages there are, when the document has none in it. Without it, a citation in another
/// language's words shows the version in that language when there is one.
bool show_citation(const std::string& citation, const Corpus& corpus, std::ostream& out, std::string& error,
                   const std::string& language = "", bool with_catalogue = true);

}  // namespace dossier::host
