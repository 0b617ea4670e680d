// Corpus-wide steps between reading and analysis: identities and versions of documents.
#pragma once

#include <string>
#include <vector>

#include "dossier/model.hpp"
#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// Gives `document` the id `new_id` and rewrites every address in it that begins with the
/// old id (blocks, recommendations, footnote anchors, references).
DOSSIER_SDK_API void rename_document(Document& document, const std::string& new_id);

/// Renames corpus.documents[index] and also what other documents say about it (links,
/// same_as).
DOSSIER_SDK_API void rename_in_corpus(Corpus& corpus, std::size_t index, const std::string& new_id);

/// One rename of rename_in_corpus(Corpus&, const std::vector<DocumentRename>&).
struct DocumentRename {
  std::size_t index = 0;  ///< into corpus.documents
  std::string new_id;
};

/// The same as rename_in_corpus() called for each rename in turn, in one pass over the
/// corpus: linear in its size whatever the number of renames (thousands of colliding ids
/// in a large corpus must not each rewrite the whole corpus).
DOSSIER_SDK_API void rename_in_corpus(Corpus& corpus, const std::vector<DocumentRename>& renames);

/// Documents that came out with the same id (the same report as PDF and as text, say):
/// the later ones become "<id> (<file name>)", with a warning. Returns one line per rename.
/// Linear in the size of the corpus.
DOSSIER_SDK_API std::vector<std::string> make_ids_unique(Corpus& corpus);

/// Joins the language versions of one document: documents with the same symbol in different
/// languages become one, the English one (else the first read) holding the others in
/// `versions`, each renamed to its id so that paragraphs of the same number share an address.
/// A version's operative paragraphs without an addressee take the one the primary gives the
/// same paragraph (clauses in Russian, Arabic and Chinese are not parsed). Two documents with
/// one symbol in one language stay apart (make_ids_unique() tells them apart). Linear in the
/// number of documents; returns one line per joined document, for the log.
DOSSIER_SDK_API std::vector<std::string> join_language_versions(Corpus& corpus);

/// Finds documents that hold the same numbered paragraphs as a longer one (a page or an
/// excerpt of a report, another version of it) and links them: the excerpt gets
/// "excerpt_of", the full document "has_excerpt", and each matching paragraph `same_as`.
/// When only the excerpt knows the symbol, the full document takes it as its id, and the
/// excerpt becomes "<symbol> (p. N)" (or "<symbol> (excerpt)"). Returns one line per link
/// made, for the log. Linear in the number of documents (see excerpt_candidates()).
DOSSIER_SDK_API std::vector<std::string> link_versions(Corpus& corpus);

/// For each document, the documents without a symbol that link_versions() compares it with,
/// in reading order: every one that it could link it to, as an excerpt, and few others. A
/// link needs 60% of the excerpt's numbered paragraphs each to have 70% of its words in the
/// paragraph of the same number, so at least one of the rarest 30% of a paragraph's words,
/// under its number, must be there: the excerpts are indexed by those (a bounded share of
/// each excerpt's words) and each document without a symbol is read once against them.
/// Empty lists when no document lacks a symbol, or none has one.
DOSSIER_SDK_API std::vector<std::vector<std::size_t>> excerpt_candidates(const Corpus& corpus);

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
