#include "dossier/corpus_view.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

const Document* in_language(const Document& document, std::string_view language) {
  if (document.language == language) return &document;
  for (const Document& v : document.versions)
    if (v.language == language) return &v;
  return nullptr;
}

struct CorpusView::Index {
  // What an address names: one entry per address (a document id, a block's, a
  // recommendation's, usually shared by a paragraph and its recommendation), so that large
  // corpora pay for one table, not three.
  struct Where {
    std::size_t document;
    const Block* block = nullptr;
    const Recommendation* recommendation = nullptr;
  };
  // Keys view the corpus's own strings, which outlive the index.
  std::unordered_map<std::string_view, Where> where;
  std::unordered_map<std::string_view, std::vector<const Annotation*>> by_subject;
  std::vector<std::vector<const Annotation*>> by_document;
  std::vector<const Annotation*> elsewhere;
};

namespace {
const std::vector<const Annotation*> no_annotations;
}  // namespace

CorpusView::CorpusView(const Corpus& corpus) : corpus_(&corpus) {
  auto index = std::make_unique<Index>();
  const auto& documents = corpus.documents;
  index->by_document.resize(documents.size());
  index->where.reserve(documents.size());
  for (std::size_t d = 0; d < documents.size(); ++d) {
    // The first holder of an address keeps it (ids are made unique before any export), and
    // the first block and recommendation of an address are the ones it names.
    index->where.emplace(documents[d].id, Index::Where{d});
    for (const Block& b : documents[d].blocks) {
      Index::Where& w = index->where.emplace(b.address, Index::Where{d}).first->second;
      if (!w.block) w.block = &b;
    }
    for (const Recommendation& r : documents[d].recommendations) {
      Index::Where& w = index->where.emplace(r.address, Index::Where{d}).first->second;
      if (!w.recommendation) w.recommendation = &r;
    }
  }
  for (const Annotation& a : corpus.annotations) {
    index->by_subject[a.subject].push_back(&a);
    const auto owner = index->where.find(a.subject);
    if (owner != index->where.end())
      index->by_document[owner->second.document].push_back(&a);
    else
      index->elsewhere.push_back(&a);
  }
  index_ = std::move(index);
}

CorpusView::~CorpusView() = default;

std::size_t CorpusView::document_count() const { return corpus_->documents.size(); }
std::size_t CorpusView::annotation_count() const { return corpus_->annotations.size(); }

void CorpusView::for_each_batch(const std::function<void(const Batch&)>& fn) const {
  // Small batches, although the corpus is in memory: an exporter that reads in batches is then
  // tried on many of them, as it will be when a batch is what the host holds.
  constexpr std::size_t batch = 64;
  const auto& documents = corpus_->documents;
  for (std::size_t first = 0; first < documents.size(); first += batch) {
    const std::size_t end = std::min(documents.size(), first + batch);
    fn(Batch{documents.data() + first, documents.data() + end, first});
  }
}

void CorpusView::with_document(std::size_t position, const std::function<void(const Document&)>& fn) const {
  fn(corpus_->documents.at(position));
}

void CorpusView::for_each_annotation(const std::function<void(const Annotation&)>& fn) const {
  for (const Annotation& a : corpus_->annotations) fn(a);
}

const std::vector<const Annotation*>& CorpusView::annotations_of(std::string_view address) const {
  const auto it = index_->by_subject.find(address);
  return it != index_->by_subject.end() ? it->second : no_annotations;
}

const std::vector<const Annotation*>& CorpusView::annotations_in(const Document& document) const {
  const auto& documents = corpus_->documents;
  if (documents.empty() || &document < documents.data() || &document >= documents.data() + documents.size())
    return no_annotations;
  return index_->by_document[static_cast<std::size_t>(&document - documents.data())];
}

const std::vector<const Annotation*>& CorpusView::annotations_elsewhere() const { return index_->elsewhere; }

const Block* CorpusView::block(std::string_view address) const {
  const auto it = index_->where.find(address);
  return it != index_->where.end() ? it->second.block : nullptr;
}

const Recommendation* CorpusView::recommendation(std::string_view address) const {
  const auto it = index_->where.find(address);
  return it != index_->where.end() ? it->second.recommendation : nullptr;
}

const Document* CorpusView::document_of(std::string_view address) const {
  const auto it = index_->where.find(address);
  return it != index_->where.end() ? &corpus_->documents[it->second.document] : nullptr;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
