// Corpus-wide identity: renaming documents and linking a page to the report it comes from.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "dossier/model.hpp"
#include "dossier/corpus_view.hpp"
#include "dossier/domain/corpus.hpp"
#include "dossier/plugin.hpp"
#include "plugin_registry.hpp"
#include "support.hpp"

using namespace dossier;

namespace {
Document read_sample(const std::string& file) { return test::read_with("text", test::corpus_dir() / file); }
}  // namespace

TEST_CASE("renaming a document rewrites every address that starts with its id") {
  Document d = read_sample("001_88e8c2357c784c71.txt");
  const std::string old_id = d.id;
  rename_document(d, "A/68/283");
  CHECK(d.id == "A/68/283");
  for (const auto& b : d.blocks) CHECK(b.address.rfind("A/68/283 ", 0) == 0);
  for (const auto& r : d.recommendations) CHECK(r.address.rfind("A/68/283 ", 0) == 0);
  for (const auto& f : d.footnotes)
    for (const auto& a : f.anchors) CHECK(a.rfind("A/68/283 ", 0) == 0);
  CHECK(d.recommendations.front().address == paragraph_address("A/68/283", "127"));
  CHECK(old_id != d.id);
}

TEST_CASE("the page (000) is linked to paragraphs 49-54 of the report (001), which takes its symbol") {
  Corpus corpus;
  corpus.documents.push_back(read_sample("000_361761b2e85cd3df.txt"));
  corpus.documents.push_back(read_sample("001_88e8c2357c784c71.txt"));
  corpus.documents.push_back(read_sample("004_4233e7d77e7d0f2d.txt"));
  const auto log = link_versions(corpus);
  REQUIRE(log.size() == 1);
  const Document& page = corpus.documents[0];
  const Document& report = corpus.documents[1];
  CHECK(report.id == "A/68/283");
  CHECK(report.symbol == "A/68/283");
  CHECK(page.id == "A/68/283 (p. 10)");
  REQUIRE(page.links.size() == 1);
  CHECK(page.links[0].relation == "excerpt_of");
  CHECK(page.links[0].document == "A/68/283");
  REQUIRE(report.links.size() == 1);
  CHECK(report.links[0].document == "A/68/283 (p. 10)");
  std::vector<std::string> same;
  for (const auto& b : page.blocks)
    if (!b.same_as.empty()) same.push_back(b.same_as);
  std::vector<std::string> expected;
  for (int n = 49; n <= 54; ++n) expected.push_back(paragraph_address("A/68/283", std::to_string(n)));
  CHECK(same == expected);
  // The third document has nothing to do with them.
  CHECK(corpus.documents[2].links.empty());
  CHECK(corpus.documents[2].id == "004-4233e7d77e7d0f2d");
}

TEST_CASE("an excerpt is linked when 60% of its paragraphs match, wherever the others are") {
  // Paragraphs 49-54: four must match. The comparison stops early only once three have not.
  for (const std::vector<std::size_t>& changed : {std::vector<std::size_t>{0, 1}, {4, 5}, {0, 5}, {0, 1, 2}, {3, 4, 5}}) {
    Corpus corpus;
    corpus.documents.push_back(read_sample("000_361761b2e85cd3df.txt"));
    corpus.documents.push_back(read_sample("001_88e8c2357c784c71.txt"));
    std::size_t k = 0;
    for (auto& b : corpus.documents[0].blocks)
      if (b.kind == BlockKind::numbered_paragraph && std::count(changed.begin(), changed.end(), k++))
        b.text = "Entirely other words, nothing from the report.";
    INFO(changed.size() << " paragraphs changed, the first " << changed.front());
    // The report is compared only while four paragraphs may still match.
    CHECK(excerpt_candidates(corpus)[0] == (changed.size() <= 2 ? std::vector<std::size_t>{1} : std::vector<std::size_t>{}));
    CHECK(link_versions(corpus).size() == (changed.size() <= 2 ? 1u : 0u));
  }
}

TEST_CASE("an excerpt is compared only with the documents without a symbol that may hold it") {
  Corpus corpus;
  corpus.documents.push_back(read_sample("000_361761b2e85cd3df.txt"));  // the page: paras. 49-54
  corpus.documents.push_back(read_sample("001_88e8c2357c784c71.txt"));  // the report
  corpus.documents.push_back(read_sample("001_88e8c2357c784c71.txt"));  // the report's numbers, other words
  corpus.documents.push_back(read_sample("000_361761b2e85cd3df.txt"));  // the page again, no symbol
  corpus.documents[3].symbol.clear();
  std::vector<Block*> shifted;
  for (auto& b : corpus.documents[2].blocks)
    if (b.kind == BlockKind::numbered_paragraph) shifted.push_back(&b);
  REQUIRE(shifted.size() > 20);
  const std::string first_text = shifted.front()->text;
  for (std::size_t k = 0; k + 1 < shifted.size(); ++k) shifted[k]->text = shifted[k + 1]->text;
  shifted.back()->text = first_text;
  REQUIRE(corpus.documents[0].symbol == "A/68/283");
  REQUIRE(corpus.documents[1].symbol.empty());
  REQUIRE(corpus.documents[2].symbol.empty());
  const auto numbered = [](const Document& d) {
    std::map<std::string, std::string> text;
    for (const auto& b : d.blocks)
      if (b.kind == BlockKind::numbered_paragraph) text.emplace(b.number, b.text);
    return text;
  };
  REQUIRE(numbered(corpus.documents[2]).count("54"));  // so its numbers alone would not tell
  // Only the report: the other long document shares the numbers, not the words, and the
  // page without a symbol has its words but is no longer.
  auto candidates = excerpt_candidates(corpus);
  REQUIRE(candidates.size() == 4);
  CHECK(candidates[0] == std::vector<std::size_t>{1});
  CHECK(candidates[1].empty());
  CHECK(candidates[2].empty());
  CHECK(candidates[3].empty());

  // Given four of the report's paragraphs 49-54 back under their numbers, the other one is a
  // candidate too; the first in reading order still takes the excerpt.
  const auto report = numbered(corpus.documents[1]);
  const std::set<std::string> four{"49", "50", "51", "52"};
  std::size_t given = 0;
  for (auto& b : corpus.documents[2].blocks)
    if (b.kind == BlockKind::numbered_paragraph && four.count(b.number)) {
      b.text = report.at(b.number);
      ++given;
    }
  REQUIRE(given == 4);
  CHECK(excerpt_candidates(corpus)[0] == std::vector<std::size_t>{1, 2});
  corpus.documents.erase(corpus.documents.begin() + 1);
  CHECK(excerpt_candidates(corpus)[0] == std::vector<std::size_t>{1});
  REQUIRE(link_versions(corpus).size() == 1);
  CHECK(corpus.documents[1].symbol == "A/68/283");

  // No document without a symbol: nothing to index.
  Corpus named;
  named.documents.push_back(read_sample("000_361761b2e85cd3df.txt"));
  named.documents.push_back(read_sample("001_88e8c2357c784c71.txt"));
  named.documents[1].symbol = "A/68/283";
  CHECK(excerpt_candidates(named) == std::vector<std::vector<std::size_t>>(2));
  CHECK(link_versions(named).size() == 1);
}

TEST_CASE("documents with different symbols are never linked") {
  Corpus corpus;
  corpus.documents.push_back(read_sample("000_361761b2e85cd3df.txt"));
  corpus.documents.push_back(read_sample("001_88e8c2357c784c71.txt"));
  corpus.documents[1].symbol = "A/99/999";
  CHECK(link_versions(corpus).empty());
  CHECK(corpus.documents[0].links.empty());
}

TEST_CASE("the same document read twice gets a second, distinct id") {
  Corpus corpus;
  corpus.documents.push_back(read_sample("004_4233e7d77e7d0f2d.txt"));
  corpus.documents.push_back(read_sample("004_4233e7d77e7d0f2d.txt"));
  corpus.documents[1].source = "copy/004_4233e7d77e7d0f2d.txt";
  const auto log = make_ids_unique(corpus);
  REQUIRE(log.size() == 1);
  CHECK(corpus.documents[1].id == corpus.documents[0].id + " (004_4233e7d77e7d0f2d.txt)");
  CHECK(corpus.documents[1].blocks.front().address.rfind(corpus.documents[1].id + " ", 0) == 0);
  CHECK(make_ids_unique(corpus).empty());
}

namespace {
// What rename_in_corpus did before it renamed in one pass: each rename rewrote the whole
// corpus. The one-pass renaming must give the same corpus.
void rename_one_by_one(Corpus& corpus, std::size_t index, const std::string& new_id) {
  const auto rewrite = [](std::string& address, const std::string& from, const std::string& to) {
    if (address == from)
      address = to;
    else if (address.size() > from.size() && address.compare(0, from.size(), from) == 0 && address[from.size()] == ' ')
      address = to + address.substr(from.size());
  };
  Document& target = corpus.documents[index];
  const std::string old_id = target.id;
  rename_document(target, new_id);
  for (auto& d : corpus.documents) {
    if (&d == &target) continue;
    for (auto& l : d.links)
      if (l.document == old_id) l.document = new_id;
    for (auto& b : d.blocks) rewrite(b.same_as, old_id, new_id);
  }
}

// A small document that cites others: links and same_as naming `cited`.
Document citing(const std::string& id, const std::string& source, const std::vector<std::string>& cited) {
  Document d;
  d.id = id;
  d.source = source;
  for (std::size_t i = 0; i < cited.size(); ++i) {
    Block b;
    b.kind = BlockKind::numbered_paragraph;
    b.number = std::to_string(i + 1);
    b.address = paragraph_address(id, b.number);
    b.same_as = cited[i].empty() ? cited[i] : paragraph_address(cited[i], b.number);
    d.blocks.push_back(b);
    d.links.push_back({"excerpt_of", cited[i]});
  }
  return d;
}

void check_same(const Corpus& a, const Corpus& b) {
  REQUIRE(a.documents.size() == b.documents.size());
  for (std::size_t i = 0; i < a.documents.size(); ++i) {
    const Document& x = a.documents[i];
    const Document& y = b.documents[i];
    CHECK(x.id == y.id);
    REQUIRE(x.blocks.size() == y.blocks.size());
    for (std::size_t k = 0; k < x.blocks.size(); ++k) {
      CHECK(x.blocks[k].address == y.blocks[k].address);
      CHECK(x.blocks[k].same_as == y.blocks[k].same_as);
    }
    REQUIRE(x.links.size() == y.links.size());
    for (std::size_t k = 0; k < x.links.size(); ++k) CHECK(x.links[k].document == y.links[k].document);
    REQUIRE(x.diagnostics.size() == y.diagnostics.size());
    for (std::size_t k = 0; k < x.diagnostics.size(); ++k) CHECK(x.diagnostics[k].message == y.diagnostics[k].message);
  }
}
}  // namespace

TEST_CASE("renaming many documents in one pass gives what renaming them one by one gave") {
  // Ids with spaces, chains (A -> B, then B -> C), a document renamed twice, renames back.
  const std::vector<std::string> ids = {"A", "B", "A (a.txt)", "C", "A", "B (b.txt)", "D", "A"};
  Corpus corpus;
  for (std::size_t i = 0; i < ids.size(); ++i)
    corpus.documents.push_back(citing(ids[i], "dir/" + std::to_string(i) + ".txt",
                                      {"A", "B", "A (a.txt)", "C", "", "B (b.txt)", "E"}));
  const std::vector<DocumentRename> renames = {{0, "B"}, {1, "C"}, {2, "A"}, {4, "A (a.txt)"}, {0, "E"},
                                               {3, "C"},  {7, ""},  {6, "A"}, {5, "B"}, {1, "B (b.txt)"}};
  Corpus expected = corpus;
  for (const auto& r : renames) rename_one_by_one(expected, r.index, r.new_id);
  rename_in_corpus(corpus, renames);
  check_same(corpus, expected);
}

TEST_CASE("many documents with one id get the ids they got when each rename rewrote the corpus") {
  Corpus corpus;
  for (int i = 0; i < 300; ++i) {
    // The same id and file name in many folders, some other names, and ids that the
    // renaming would give already taken by a document read later.
    const std::string name = i % 7 == 3 ? "other.txt" : "same.txt";
    const std::string id = i == 250 ? "X (same.txt 260)" : i % 50 == 49 ? "Y" : "X";
    corpus.documents.push_back(citing(id, "folder" + std::to_string(i) + "/" + name, {"X", "Y", "X (same.txt 3)"}));
  }
  Corpus expected = corpus;
  std::vector<std::string> expected_log;
  {
    // make_ids_unique as it was: numbers counted up from 2 for each document.
    std::set<std::string> seen;
    for (std::size_t i = 0; i < expected.documents.size(); ++i) {
      Document& d = expected.documents[i];
      if (seen.insert(d.id).second) continue;
      const std::string name = d.source.substr(d.source.find_last_of('/') + 1);
      std::string id = d.id + " (" + name + ")";
      for (int n = 2; seen.count(id); ++n) id = d.id + " (" + name + " " + std::to_string(n) + ")";
      expected_log.push_back(d.source + ": id " + d.id + " is taken by an earlier document; using \"" + id + "\"");
      d.diagnostics.push_back({Diagnostic::Severity::warning, expected_log.back(), {}});
      rename_one_by_one(expected, i, id);
      seen.insert(id);
    }
  }
  CHECK(make_ids_unique(corpus) == expected_log);
  check_same(corpus, expected);
  CHECK(expected_log.size() == 300 - 2 - 1);  // "X", "Y" and "X (same.txt 260)" stay
  std::set<std::string> unique;
  for (const auto& d : corpus.documents) unique.insert(d.id);
  CHECK(unique.size() == corpus.documents.size());
}

namespace {
// A/RES/76/172 in English, French and Chinese: the UN's Akoma Ntoso files (tests/data/akn).
Document read_resolution(const std::string& language) {
  const std::string file = "A_RES_76_172-2119207" + language + ".xml";
  Document d = test::read_with("akn", test::source_dir() / "tests" / "data" / "akn" / file);
  d.source = "corpus/" + file;  // as the host records it
  return d;
}
}  // namespace

TEST_CASE("language versions of one symbol are one document, its paragraphs addressed alike") {
  Corpus corpus;
  corpus.documents.push_back(read_resolution("F"));  // read first, still not the primary
  corpus.documents.push_back(read_resolution("C"));
  corpus.documents.push_back(read_resolution("E"));
  const auto log = join_language_versions(corpus);
  CHECK(log.size() == 2);
  REQUIRE(corpus.documents.size() == 1);
  const Document& d = corpus.documents[0];
  CHECK(d.id == "A/RES/76/172");
  CHECK(d.language == "en");
  REQUIRE(d.versions.size() == 2);
  const Document* fr = in_language(d, "fr");
  const Document* zh = in_language(d, "zh");
  REQUIRE(fr);
  REQUIRE(zh);
  CHECK(in_language(d, "en") == &d);
  CHECK(in_language(d, "de") == nullptr);
  CHECK(fr->id == d.id);
  CHECK(fr->versions.empty());
  // The same numbered paragraphs, under the same addresses.
  std::set<std::string> en_addresses, fr_addresses, zh_addresses;
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::numbered_paragraph) en_addresses.insert(b.address);
  for (const auto& b : fr->blocks)
    if (b.kind == BlockKind::numbered_paragraph) fr_addresses.insert(b.address);
  for (const auto& b : zh->blocks)
    if (b.kind == BlockKind::numbered_paragraph) zh_addresses.insert(b.address);
  CHECK(en_addresses.size() == 23);
  CHECK(fr_addresses == en_addresses);
  CHECK(zh_addresses == en_addresses);
  // French reads its own verbs; the Chinese file marks none, so its operative paragraphs are
  // those of the English text, with their addressees, and no verb.
  REQUIRE(fr->recommendations.size() == 23);
  CHECK(fr->recommendations[21].verb == "Prie");
  CHECK(fr->recommendations[21].addressee == "Secretary-General");
  REQUIRE(zh->recommendations.size() == 23);
  CHECK(zh->recommendations[0].address == d.recommendations[0].address);
  CHECK(zh->recommendations[0].addressee == "States");
  CHECK(zh->recommendations[0].verb.empty());
  // Its text is the Chinese paragraph's.
  for (const auto& b : zh->blocks)
    if (b.address == zh->recommendations[0].address) CHECK(zh->recommendations[0].text.rfind(b.text, 0) == 0);
  CHECK(zh->recommendations[0].text != d.recommendations[0].text);
}

TEST_CASE("a copy of a text is read once; a second, different text in one language is kept apart") {
  Corpus corpus;
  corpus.documents.push_back(read_resolution("E"));
  corpus.documents.push_back(read_resolution("F"));
  Document copy = read_resolution("F");
  copy.source = "elsewhere/A_RES_76_172-2119207F.xml";
  corpus.documents.push_back(copy);
  Document revised = read_resolution("F");
  revised.source = "revised/A_RES_76_172-2119207F.xml";
  revised.blocks[5].text += " (revised)";
  corpus.documents.push_back(revised);
  join_language_versions(corpus);
  REQUIRE(corpus.documents.size() == 2);
  CHECK(corpus.documents[0].id == "A/RES/76/172");
  CHECK(corpus.documents[0].versions.size() == 1);
  CHECK(corpus.documents[1].id == "A/RES/76/172 (A_RES_76_172-2119207F.xml)");
  CHECK(corpus.documents[1].diagnostics.back().code == "identity.duplicate");
  CHECK(make_ids_unique(corpus).empty());
}

TEST_CASE("a file whose name gives another symbol of the series is taken at its name's word when its own is taken") {
  Corpus corpus;
  corpus.documents.push_back(read_resolution("F"));
  Document misnamed = read_resolution("F");  // as the UN's A_RES_78_130-…F.xml prints "A/RES/78/13"
  misnamed.source = "A_RES_76_1720-2119999F.xml";
  misnamed.blocks[5].text += " (another resolution)";
  corpus.documents.push_back(misnamed);
  join_language_versions(corpus);
  REQUIRE(corpus.documents.size() == 2);
  CHECK(corpus.documents[0].id == "A/RES/76/172");
  CHECK(corpus.documents[1].id == "A/RES/76/1720");
  CHECK(corpus.documents[1].symbol == "A/RES/76/1720");
  CHECK(corpus.documents[1].diagnostics.back().code == "identity.symbol");
}
