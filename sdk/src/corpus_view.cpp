#include "dossier/corpus_view.hpp"

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
  // Keys view the corpus's own strings, which outlive the index.
  std::unordered_map<std::string_view, std::vector<const Annotation*>> by_subject;
  std::unordered_map<std::string_view, std::size_t> document_by_address;
  std::unordered_map<std::string_view, const Block*> blocks;
  std::unordered_map<std::string_view, const Recommendation*> recommendations;
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
  for (std::size_t d = 0; d < documents.size(); ++d) {
    // The first holder of an address keeps it (ids are made unique before any export).
    index->document_by_address.emplace(documents[d].id, d);
    for (const Block& b : documents[d].blocks) {
      index->document_by_address.emplace(b.address, d);
      index->blocks.emplace(b.address, &b);
    }
    for (const Recommendation& r : documents[d].recommendations) {
      index->document_by_address.emplace(r.address, d);
      index->recommendations.emplace(r.address, &r);
    }
  }
  for (const Annotation& a : corpus.annotations) {
    index->by_subject[a.subject].push_back(&a);
    const auto owner = index->document_by_address.find(a.subject);
    if (owner != index->document_by_address.end())
      index->by_document[owner->second].push_back(&a);
    else
      index->elsewhere.push_back(&a);
  }
  index_ = std::move(index);
}

CorpusView::~CorpusView() = default;

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
  const auto it = index_->blocks.find(address);
  return it != index_->blocks.end() ? it->second : nullptr;
}

const Recommendation* CorpusView::recommendation(std::string_view address) const {
  const auto it = index_->recommendations.find(address);
  return it != index_->recommendations.end() ? it->second : nullptr;
}

const Document* CorpusView::document_of(std::string_view address) const {
  const auto it = index_->document_by_address.find(address);
  return it != index_->document_by_address.end() ? &corpus_->documents[it->second] : nullptr;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
