// The corpus as exporters read it: the model and the lookups every exporter needs, which the
// host builds once per build. Nobody finds a recommendation's annotations by matching
// address strings.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "dossier/model.hpp"
#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// `document` in `language` ("fr"): itself or one of its language versions; nullptr when it
/// has none.
DOSSIER_SDK_API const Document* in_language(const Document& document, std::string_view language);

/// Indexes a corpus it does not own (which must outlive it and stay unchanged). Building it
/// is linear in the size of the corpus; every lookup is constant time on average.
class DOSSIER_SDK_API CorpusView {
 public:
  explicit CorpusView(const Corpus& corpus);
  ~CorpusView();
  CorpusView(const CorpusView&) = delete;
  CorpusView& operator=(const CorpusView&) = delete;

  /// Reading in batches (docs/bounded-memory.md): an exporter that reads the corpus only
  /// through the counts, for_each_batch() and for_each_annotation(), and asks
  /// annotations_in() and annotations_of() only about the documents of the batch at hand, is
  /// ready for a host that holds one batch in memory at a time instead of the whole corpus.
  /// Today every batch is a slice of the corpus held in memory.
  struct Batch {
    const Document* begin = nullptr;  ///< the batch's documents, in corpus order
    const Document* end = nullptr;
    std::size_t first = 0;  ///< the corpus position of *begin
  };
  std::size_t document_count() const;
  std::size_t annotation_count() const;
  /// Calls `fn` with every document, in corpus order, a batch at a time (a batch is never
  /// empty; its size is the host's choice).
  void for_each_batch(const std::function<void(const Batch&)>& fn) const;
  /// Calls `fn` with the document at corpus position `position` (< document_count()), for
  /// an exporter that reads in batches but needs some documents again out of order (the UPR
  /// reports of a State, a document another one cites). Calls may nest, so that two documents
  /// can be read together; annotations_in() and annotations_of() answer for the document
  /// during the call. Throws std::out_of_range for a position outside the corpus.
  void with_document(std::size_t position, const std::function<void(const Document&)>& fn) const;
  /// Calls `fn` with every annotation in the order they were made (corpus.json's order:
  /// analyzer by analyzer, each in corpus order), one at a time.
  void for_each_annotation(const std::function<void(const Annotation&)>& fn) const;

  const Corpus& corpus() const { return *corpus_; }
  const std::vector<Document>& documents() const { return corpus_->documents; }
  const std::vector<Annotation>& annotations() const { return corpus_->annotations; }

  /// Annotations whose subject is `address`: a recommendation's, a block's, or a whole
  /// document's (its id), in corpus order; empty when there are none.
  const std::vector<const Annotation*>& annotations_of(std::string_view address) const;
  /// Annotations about `document` or anything in it (its blocks and recommendations), in
  /// corpus order; `document` is one of documents().
  const std::vector<const Annotation*>& annotations_in(const Document& document) const;
  /// Annotations whose subject is in no document of the corpus.
  const std::vector<const Annotation*>& annotations_elsewhere() const;

  /// What an address names, or nullptr: a block ("A/68/283 ¶135"), a recommendation, and
  /// the document of the corpus that holds a block or recommendation or has that id.
  const Block* block(std::string_view address) const;
  const Recommendation* recommendation(std::string_view address) const;
  const Document* document_of(std::string_view address) const;

 private:
  struct Index;
  const Corpus* corpus_;
  std::unique_ptr<const Index> index_;
};

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
