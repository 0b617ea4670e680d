// Corpus health (host/src/health.hpp) from hand-made documents carrying coded diagnostics:
// which diagnostics count, what looks lost, manifest.json's "health", the log summary.
#include <string>

#include <catch2/catch.hpp>

#include "dossier/domain/corpus.hpp"
#include "health.hpp"

using dossier::Corpus;
using dossier::Diagnostic;
using dossier::Document;
using namespace dossier::host;

namespace {

using Severity = Diagnostic::Severity;

Diagnostic diagnostic(Severity severity, const std::string& code, const std::string& message, std::uint32_t lost = 0,
                      std::uint32_t line = 0) {
  Diagnostic d;
  d.severity = severity;
  d.code = code;
  d.message = message;
  d.lost = lost;
  d.span = {line, line};
  return d;
}

Document document(const std::string& id, const std::string& source, std::vector<Diagnostic> diagnostics) {
  Document d;
  d.id = id;
  d.source = source;
  d.diagnostics = std::move(diagnostics);
  return d;
}

// A: problems of every kind; B: notes only; C: one coded loss.
Corpus sample_corpus() {
  Corpus corpus;
  corpus.documents.push_back(document(
      "A/HRC/8/43", "in/zambia2008.pdf",
      {diagnostic(Severity::info, "footnote.uncited", "footnote 3 is never cited"),
       diagnostic(Severity::warning, "numbering.gap", "paragraphs 12 to 14 are missing", 3, 120),
       diagnostic(Severity::error, "", "the reader gave up on page 9"),
       diagnostic(Severity::info, "recommendations.short", "numbering reaches 59.11 but 9 were read", 2),
       diagnostic(Severity::warning, "", "a table could not be split", 1)}));
  corpus.documents.push_back(
      document("A/HRC/13/6", "in/albania2010.pdf", {diagnostic(Severity::info, "", "excerpt of A/68/283")}));
  corpus.documents.push_back(
      document("A/68/283", "in/report.txt",
               {diagnostic(Severity::warning, "recommendations.short", "numbering reaches 20 but 16 were read", 4)}));
  return corpus;
}

}  // namespace

TEST_CASE("warnings, errors and whatever says something is lost are health problems but notes are not") {
  CHECK(is_health_problem(diagnostic(Severity::warning, "", "x")));
  CHECK(is_health_problem(diagnostic(Severity::error, "", "x")));
  CHECK_FALSE(is_health_problem(diagnostic(Severity::info, "page.empty", "x")));
  CHECK(is_health_problem(diagnostic(Severity::info, "page.empty", "x", 1)));
}

TEST_CASE("corpus health names the unhealthy documents in order and sums what looks lost by code") {
  const CorpusHealth health = corpus_health(sample_corpus());
  CHECK(health.documents == 3);
  REQUIRE(health.unhealthy.size() == 2);
  CHECK(health.unhealthy[0].document == "A/HRC/8/43");
  CHECK(health.unhealthy[0].source == "in/zambia2008.pdf");
  REQUIRE(health.unhealthy[0].problems.size() == 4);  // the note is left out, the info with a loss is in
  CHECK(health.unhealthy[0].problems[0].code == "numbering.gap");
  CHECK(health.unhealthy[0].problems[2].code == "recommendations.short");
  CHECK(health.unhealthy[1].document == "A/68/283");
  const std::map<std::string, std::uint64_t> lost{{"numbering.gap", 3}, {"other", 1}, {"recommendations.short", 6}};
  CHECK(health.lost == lost);
  CHECK(lost_text(health.lost) == "looks lost: 3 numbering.gap, 1 other, 6 recommendations.short");
  CHECK(lost_text({}).empty());

  Corpus clean;
  clean.documents.push_back(sample_corpus().documents[1]);
  const CorpusHealth fine = corpus_health(clean);
  CHECK(fine.documents == 1);
  CHECK(fine.unhealthy.empty());
  CHECK(fine.lost.empty());
}

TEST_CASE("health as manifest.json writes it") {
  const auto json = health_json(corpus_health(sample_corpus()));
  CHECK(json.at("documents") == 3);
  CHECK(json.at("with_warnings") == 2);
  CHECK(json.at("lost").at("recommendations.short") == 6);
  CHECK(json.at("lost").size() == 3);
  const auto& first = json.at("problems").at(0);
  CHECK(first.at("document") == "A/HRC/8/43");
  CHECK(first.at("source") == "in/zambia2008.pdf");
  CHECK(first.at("warnings") == 4);
  const auto& gap = first.at("diagnostics").at(0);
  CHECK(gap.at("code") == "numbering.gap");
  CHECK(gap.at("severity") == "warning");
  CHECK(gap.at("message") == "paragraphs 12 to 14 are missing");
  CHECK(gap.at("lost") == 3);
  CHECK(gap.at("lines") == nlohmann::ordered_json::array({120, 120}));
  CHECK(first.at("diagnostics").at(1).at("code") == "");  // present even when empty: one shape for all

  const auto healthy = health_json(CorpusHealth{4, {}, {}});
  CHECK(healthy.at("with_warnings") == 0);
  CHECK(healthy.at("lost").empty());
  CHECK(healthy.at("problems").empty());
}

TEST_CASE("the health summary is one line when healthy and one line per unhealthy document otherwise") {
  Corpus clean;
  clean.documents.push_back(sample_corpus().documents[1]);
  CHECK(health_summary(corpus_health(clean)) ==
        std::vector<std::string>{"corpus health: 1 documents, none with warnings"});

  const auto lines = health_summary(corpus_health(sample_corpus()), 20, "; see manifest.json");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "corpus health: 3 documents, 2 with warnings; looks lost: 3 numbering.gap, 1 other, "
                    "6 recommendations.short");
  // The first three problems quoted, code first when there is one.
  CHECK(lines[1] == "  A/HRC/8/43 (zambia2008.pdf): numbering.gap: paragraphs 12 to 14 are missing; the reader "
                    "gave up on page 9; recommendations.short: numbering reaches 59.11 but 9 were read; and 1 more");
  CHECK(lines[2] == "  A/68/283 (report.txt): recommendations.short: numbering reaches 20 but 16 were read");
}

TEST_CASE("the health summary names at most so many documents, then how many more and where") {
  Corpus corpus;
  for (int i = 0; i < 25; ++i)
    corpus.documents.push_back(
        document("doc-" + std::to_string(i), "doc-" + std::to_string(i) + ".txt",
                 {diagnostic(Severity::warning, "", "no text found")}));
  const auto lines = health_summary(corpus_health(corpus), 20, "; see manifest.json");
  REQUIRE(lines.size() == 22);
  CHECK(lines[0] == "corpus health: 25 documents, 25 with warnings");
  CHECK(lines[20] == "  doc-19.txt: no text found");  // its id is its file's name: named once
  CHECK(lines[21] == "  and 5 more; see manifest.json");
}

TEST_CASE("the health summary names a document as people cite it and its messages' addresses as citations") {
  // As the text reader names a file it finds no symbol in: by the file, renamed by a catalogue.
  Document d = document("003-47dc10d97ca243f0", "corpus/003_47dc10d97ca243f0.txt",
                        {diagnostic(Severity::warning, "footnotes.missing",
                                    "2 footnote marker(s) have no footnote text: 15 (003-47dc10d97ca243f0 "
                                    "\xC2\xA7II.1 #3), 33 (003-47dc10d97ca243f0 \xC2\xA7II.1.(3) #14)")});
  d.blocks.resize(2);
  d.blocks[0].address = "003-47dc10d97ca243f0 \xC2\xA7II.1 #3";
  d.blocks[1].address = "003-47dc10d97ca243f0 \xC2\xA7II.1.(3) #14";
  Corpus corpus;
  corpus.documents.push_back(d);
  // Without a title: its file's name, once.
  CHECK(health_summary(corpus_health(corpus))[1] ==
        "  003_47dc10d97ca243f0.txt: footnotes.missing: 2 footnote marker(s) have no footnote text: 15 (II.1, item "
        "3), 33 (II.1.(3), item 14)");
  // Renamed and titled by a catalogue: the short title, never the catalogue's id.
  dossier::rename_document(corpus.documents[0], "gfmd-thematic-recollection-2017");
  corpus.documents[0].metadata.push_back({"short_title", "GFMD Thematic Recollection 2017"});
  const auto lines = health_summary(corpus_health(corpus));
  CHECK(lines[1] ==
        "  GFMD Thematic Recollection 2017 (003_47dc10d97ca243f0.txt): footnotes.missing: 2 footnote marker(s) have "
        "no footnote text: 15 (II.1, item 3), 33 (II.1.(3), item 14)");
  // manifest.json keeps the id and the addresses, renamed with the document.
  const auto json = health_json(corpus_health(corpus));
  CHECK(json.at("problems").at(0).at("document") == "gfmd-thematic-recollection-2017");
  CHECK(json.at("problems").at(0).at("diagnostics").at(0).at("message") ==
        "2 footnote marker(s) have no footnote text: 15 (gfmd-thematic-recollection-2017 \xC2\xA7II.1 #3), 33 "
        "(gfmd-thematic-recollection-2017 \xC2\xA7II.1.(3) #14)");
}
