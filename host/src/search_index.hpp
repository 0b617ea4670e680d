// Full-text search over a build's store (`dossier search`, docs/cli.md#search): the build
// indexes its paragraphs and recommendations with SQLite FTS5, the command queries them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "dossier/corpus_view.hpp"
#include "store.hpp"

namespace dossier::host {

/// What update_search_index() did.
struct SearchIndexUpdate {
  std::size_t documents = 0;  ///< document versions indexed (one per language)
  std::size_t rewritten = 0;  ///< of which were (re)indexed; the others were kept as they were
  std::size_t removed = 0;    ///< versions no longer in the build, taken out
};

/// Brings the store's search index to this build's corpus, in one transaction: every
/// paragraph and recommendation of every document and language version, with its human
/// citation, its SDG and GCM mappings and, for UPR recommendations, the States concerned and
/// the position. A version whose rows are what the index already holds is left alone, so an
/// unchanged corpus costs one pass over its text. `scope` is the job's name: jobs that share
/// a store keep an index each, and a build removes only its own job's rows of documents it no
/// longer has. Throws StoreError; nothing when the store cannot be written.
SearchIndexUpdate update_search_index(Store& store, const CorpusView& corpus, const std::string& scope);

/// What to look for: FTS5 query syntax (docs/cli.md#search), and filters.
struct SearchQuery {
  std::string text;
  std::string sdg;       ///< a goal ("8") or target ("8.7"): passages mapped to it
  std::string gcm;       ///< an objective ("6")
  std::string state;     ///< a State under review or recommending, by any name it goes by
  std::string document;  ///< a document's id or symbol, or the name it is cited by
  std::string language;  ///< "fr": that language's versions only
  std::string kind;      ///< "recommendation" or "paragraph"
  std::string scope;     ///< a job's name: its index only; empty: every job's, each passage once
  std::size_t limit = 20;
};

/// One mapping of a passage, in words for people and as a code for scripts.
struct SearchMapping {
  std::string scheme;  ///< "sdg", "gcm"
  std::string code;    ///< "8", "8.7", "6"
  std::string words;   ///< "SDG 8 Decent work and economic growth"
};

struct SearchHit {
  std::string citation;  ///< as the outputs print it; `dossier show` resolves it
  std::string document;  ///< the document's id
  std::string title;
  std::string language;
  std::string kind;      ///< "recommendation" or "paragraph"
  std::string address;
  /// Some words around the matches, each match between '\x02' and '\x03'.
  std::string snippet;
  std::vector<SearchMapping> mappings;
  std::vector<std::string> recommended_by;
  std::string state_under_review;
  std::string position;  ///< "supported", "noted", "pending" or ""
  double rank = 0;       ///< bm25: lower is better
  std::int64_t passage = 0;  ///< its row in the index
};

class SearchError : public std::runtime_error {
 public:
  enum class Kind { no_index, bad_query };
  SearchError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

/// The best `query.limit` passages, best first (bm25 over the words; Chinese by substrings).
/// Throws SearchError when the store holds no index or the query is not FTS5 syntax,
/// StoreError when the store cannot be read.
std::vector<SearchHit> search(Store& store, const SearchQuery& query);

}  // namespace dossier::host
