// The corpus view exporters are given: lookups by address without matching address strings.
#include <catch2/catch.hpp>

#include <dossier/model.hpp>
#include <dossier/corpus_view.hpp>
#include <dossier/testing.hpp>

using namespace dossier;

namespace {
std::vector<std::string> codes(const std::vector<const Annotation*>& annotations) {
  std::vector<std::string> out;
  for (const Annotation* a : annotations) out.push_back(a->scheme + ":" + a->code);
  return out;
}
}  // namespace

TEST_CASE("a recommendation's annotations, in corpus order, and nothing of its neighbours") {
  const Corpus corpus = testing::sample_corpus();
  const CorpusView view(corpus);
  const Document& report = corpus.documents[0];
  CHECK(codes(view.annotations_of(paragraph_address(report.id, "102"))) ==
        std::vector<std::string>{"sdg:8", "sdg:8.7", "gcm:10"});
  CHECK(codes(view.annotations_of(paragraph_address(report.id, "101"))) == std::vector<std::string>{"sdg:4"});
  CHECK(view.annotations_of(paragraph_address(report.id, "100")).empty());
  CHECK(view.annotations_of(paragraph_address(report.id, "10")).empty());  // no prefix matching
  CHECK(codes(view.annotations_of(report.id)) == std::vector<std::string>{"sdg:10"});  // the document's profile
}

TEST_CASE("a document's annotations are those of it and of everything in it") {
  Corpus corpus = testing::sample_corpus();
  corpus.annotations.push_back({"nowhere ¶1", "sdg", "1", "goal", 0.5, {}, "sdg", "1.0.0"});
  const CorpusView view(corpus);
  CHECK(view.annotations_in(corpus.documents[0]).size() == 5);
  CHECK(codes(view.annotations_in(corpus.documents[1])) == std::vector<std::string>{"gcm:5"});
  REQUIRE(view.annotations_elsewhere().size() == 1);
  CHECK(view.annotations_elsewhere()[0]->subject == "nowhere ¶1");
  const Document copy = corpus.documents[0];
  CHECK(view.annotations_in(copy).empty());  // a document not of this corpus
}

TEST_CASE("an address names its block, recommendation and document") {
  const Corpus corpus = testing::sample_corpus();
  const CorpusView view(corpus);
  const std::string address = paragraph_address("A/RES/99/2", "1");
  REQUIRE(view.block(address));
  CHECK(view.block(address)->text.rfind("Demande", 0) == 0);
  REQUIRE(view.recommendation(address));
  CHECK(view.recommendation(address)->addressee == "States");
  CHECK(view.document_of(address) == &corpus.documents[1]);
  CHECK(view.document_of("A/HRC/99/1") == &corpus.documents[0]);
  CHECK(view.recommendation(paragraph_address("A/HRC/99/1", "100")) == nullptr);  // a paragraph, no recommendation
  CHECK(view.block("A/HRC/99/1 ¶999") == nullptr);
  CHECK(view.document_of("elsewhere") == nullptr);
}

TEST_CASE("a document in another language is itself or one of its versions") {
  Document d;
  d.language = "en";
  Document fr;
  fr.language = "fr";
  d.versions.push_back(fr);
  CHECK(in_language(d, "en") == &d);
  CHECK(in_language(d, "fr") == &d.versions[0]);
  CHECK(in_language(d, "zh") == nullptr);
}

TEST_CASE("in batches: every document once, in corpus order, with its annotations; annotations in the order made") {
  Corpus corpus;
  for (int i = 0; i < 150; ++i) {  // more than two of the view's batches
    Document d;
    d.id = "DOC/" + std::to_string(i);
    corpus.documents.push_back(d);
  }
  for (int i = 149; i >= 0; i -= 7)  // made out of corpus order
    corpus.annotations.push_back({"DOC/" + std::to_string(i), "sdg", std::to_string(i % 17 + 1), "goal", 0.5, {}, "sdg", "1"});
  const CorpusView view(corpus);
  CHECK(view.document_count() == 150);
  CHECK(view.annotation_count() == corpus.annotations.size());
  std::size_t next = 0, batches = 0, annotated = 0;
  view.for_each_batch([&](const CorpusView::Batch& batch) {
    ++batches;
    REQUIRE(batch.begin != batch.end);
    CHECK(batch.first == next);
    for (const Document* d = batch.begin; d != batch.end; ++d, ++next) {
      CHECK(d->id == "DOC/" + std::to_string(next));
      for (const Annotation* a : view.annotations_in(*d)) {
        CHECK(a->subject == d->id);
        ++annotated;
      }
    }
  });
  CHECK(next == 150);
  CHECK(batches > 1);
  CHECK(annotated == corpus.annotations.size());
  std::vector<std::string> order;
  view.for_each_annotation([&](const Annotation& a) { order.push_back(a.subject); });
  REQUIRE(order.size() == corpus.annotations.size());
  for (std::size_t i = 0; i < order.size(); ++i) CHECK(order[i] == corpus.annotations[i].subject);

  const Corpus empty;
  const CorpusView none(empty);
  none.for_each_batch([](const CorpusView::Batch&) { FAIL("a batch of an empty corpus"); });
}

TEST_CASE("a document again by its position, nested, with its annotations; none outside the corpus") {
  const Corpus corpus = testing::sample_corpus();
  const CorpusView view(corpus);
  REQUIRE(view.document_count() >= 2);
  std::vector<std::string> seen;
  view.with_document(1, [&](const Document& second) {
    seen.push_back(second.id);
    CHECK(codes(view.annotations_in(second)) == std::vector<std::string>{"gcm:5"});
    view.with_document(0, [&](const Document& first) {
      seen.push_back(first.id);
      CHECK(view.annotations_in(first).size() == 5);
    });
  });
  CHECK(seen == std::vector<std::string>{corpus.documents[1].id, corpus.documents[0].id});
  CHECK_THROWS_AS(view.with_document(view.document_count(), [](const Document&) {}), std::out_of_range);
}
