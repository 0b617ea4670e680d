// What a PDF brief quotes: key recommendations chosen for variety across documents and themes,
// near-duplicates merged, quotes from the version in the brief's language when it lines up,
// counts grouped as each language writes them. The pdf exporter's own sources, without a PDF.
#include <catch2/catch.hpp>

#include <set>

#include <dossier/corpus_view.hpp>
#include <dossier/model.hpp>

#include "brief.hpp"
#include "labels.hpp"
#include "quotes.hpp"
#include "similarity.hpp"

using namespace dossier;
using namespace dossier::pdf;

namespace {

struct Rec {
  std::string number, text;
  double score;
  std::vector<std::string> codes;  // sdg codes besides "10"
};

Document document(const std::string& id, const std::vector<Rec>& recs, Corpus& corpus) {
  Document d;
  d.id = d.symbol = id;
  d.language = "en";
  for (const Rec& r : recs) {
    const std::string address = paragraph_address(id, r.number);
    Block b;
    b.address = address;
    b.number = r.number;
    b.kind = BlockKind::numbered_paragraph;
    b.text = r.text;
    d.blocks.push_back(b);
    d.recommendations.push_back({address, "recommendation", "States", r.text, {}});
    corpus.annotations.push_back({address, "sdg", "10", "goal", r.score, {}, "sdg", "1"});
    for (const auto& c : r.codes) corpus.annotations.push_back({address, "sdg", c, "target", r.score, {}, "sdg", "1"});
  }
  return d;
}

std::vector<std::string> chosen(const Brief& b) {
  std::vector<std::string> out;
  for (const Key& k : b.keys) out.push_back(b.items[k.item].recommendation->address);
  return out;
}

const Focus goal10{"sdg", "10"};

}  // namespace

TEST_CASE("numbers written in digits, Arabic-Indic digits read as ASCII ones") {
  CHECK(digit_runs("resolution 73/195 of 2018") == std::vector<std::string>{"73", "195", "2018"});
  CHECK(digit_runs("\xD9\xA2\xD9\xA0\xD9\xA3\xD9\xA0 x7") == std::vector<std::string>{"2030", "7"});  // ٢٠٣٠
  CHECK(digit_runs("no digits").empty());
}

TEST_CASE("wording similarity weighs rare words and merges only what says the same thing") {
  // Weights from a small set in which "States", "should" and "migrants" are everywhere.
  const std::vector<std::string> texts{
      "Consider ratifying the Optional Protocol to the Convention on the Elimination of All Forms of "
      "Discrimination against Women (Republic of Korea);",
      "Consider ratifying the Optional Protocol to the Convention on the Elimination of All Forms of "
      "Discrimination against Women (CEDAW) (Brazil);",
      "Ratify the Rome Statute of the International Criminal Court (Costa Rica);",
      "Abolish the death penalty (Australia);",
      "States should end the immigration detention of migrant children.",
      "States should ensure access to justice for migrants.",
      "States should protect migrant workers from exploitation.",
  };
  std::vector<std::string_view> views(texts.begin(), texts.end());
  Wording w(views);
  std::vector<Wording::Words> words;
  for (const auto& t : texts) words.push_back(w.words(t));
  CHECK(w.similarity(words[0], words[0]) == Approx(1));
  CHECK(w.similarity(words[0], words[1]) >= Wording::same);  // the same recommendation, from two States
  CHECK(w.similarity(words[2], words[3]) < 0.1);
  CHECK(w.similarity(words[4], words[5]) < Wording::same);  // shared "States should ... migrants"
  CHECK(w.similarity(words[4], words[5]) > 0);
  CHECK(w.similarity({}, {}) == 0);
  // Chinese: characters and their pairs are words.
  const Wording::Words a = w.words("各国应保护移民工人"), b = w.words("各国应保护移民儿童");
  CHECK(w.similarity(a, b) > 0.3);
  CHECK(w.similarity(a, b) < 1);
}

TEST_CASE("wording splits each text once with the ids words() gives, and its bounds hold") {
  // ASCII and non-ASCII texts, numbers in digits (Arabic-Indic too), a text said twice, a
  // word first seen in a later text: words_of() must be what words() returns for the text.
  const std::vector<std::string> texts{
      "Ratify ILO Convention No. 189 (2011) on domestic workers by 2030;",
      "Garantir l’accès des migrants à la justice – résolution 73/195",
      "Ratify ILO Convention No. 189 (2011) on domestic workers by 2030;",
      "\xD8\xA7\xD9\x84\xD9\x85\xD9\x87\xD8\xA7\xD8\xAC\xD8\xB1\xD9\x88\xD9\x86 \xD9\xA2\xD9\xA0\xD9\xA3\xD9\xA0",
      "Ensure birth registration for all children, a2b and X 7up",
  };
  std::vector<std::string_view> views(texts.begin(), texts.end());
  Wording split(views), fresh(views);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    INFO(texts[i]);
    const Wording::Span once = split.words_of(i);
    const Wording::Words again = fresh.words(texts[i]);
    CHECK(Wording::Words(once.begin(), once.end()) == again);
    CHECK(split.similarity(once, again) == Approx(1));
  }
  CHECK(split.similarity(split.words_of(0), split.words_of(2)) == 1);  // said twice, one word list
  // Bounds choose_keys() relies on: shared weight, and similarity <= smaller total / larger.
  for (std::size_t i = 0; i < texts.size(); ++i)
    for (std::size_t j = 0; j < texts.size(); ++j) {
      const auto a = split.words_of(i), b = split.words_of(j);
      const double lo = std::min(split.total(a), split.total(b)), hi = std::max(split.total(a), split.total(b));
      CHECK(split.similarity(a, b) <= lo / hi + 1e-9);
      split.mark(a);
      const double shared = split.shared_with_marked(b);
      split.unmark(a);
      const double either = split.total(a) + split.total(b) - shared;
      CHECK(split.similarity(a, b) == Approx(either > 0 ? shared / either : 0));
    }
}

// A/1 with four recommendations on goal 10, A/2 with two on other goals.
static void two_documents(Corpus& corpus) {
  corpus.documents.push_back(document("A/1",
                                      {{"1", "Guarantee decent work for migrant domestic workers.", 1.0, {"10.7"}},
                                       {"2", "Reduce recruitment fees paid by migrant workers.", 1.0, {"10.7"}},
                                       {"3", "Regularize migrants in an irregular situation.", 0.99, {"10.7"}},
                                       {"4", "Lower the costs of sending remittances home.", 0.99, {"10.c"}}},
                                      corpus));
  corpus.documents.push_back(document("A/2",
                                      {{"1", "Collect data on migration disaggregated by sex and age.", 0.95, {"17.18"}},
                                       {"2", "Protect the labour rights of seasonal agricultural workers.", 0.6, {"8.8"}}},
                                      corpus));
}

TEST_CASE("key recommendations spread across documents instead of the best scores of one") {
  Corpus corpus;
  two_documents(corpus);
  const CorpusView view(corpus);
  const Brief brief = select_brief(view, goal10, 3);
  REQUIRE(brief.keys.size() == 3);
  // The best first; then A/2's best (0.95, new document) before A/1's second (1.0, x0.8).
  CHECK(chosen(brief)[0] == "A/1 \xC2\xB6" "1");
  CHECK(chosen(brief)[1] == "A/2 \xC2\xB6" "1");
  // Old rule (top scores): A/1 ¶1, ¶2, ¶3, all from one document.
  std::set<const Document*> documents;
  for (const Key& k : brief.keys) documents.insert(brief.items[k.item].document);
  CHECK(documents.size() == 2);
  // The same corpus gives the same keys.
  CHECK(chosen(select_brief(view, goal10, 3)) == chosen(brief));
  // Every recommendation in focus is still counted.
  CHECK(brief.items.size() == 6);
}

TEST_CASE("briefs sharing the corpus's words choose what each would alone") {
  Corpus corpus;
  two_documents(corpus);
  corpus.documents[0].recommendations[1].text = "Guarantee decent work for all migrant domestic workers.";  // a near-duplicate
  const CorpusView view(corpus);
  CorpusWords words(view);  // split once, for every focus of an exporter run
  for (const Focus& focus : {goal10, Focus{}, parse_focus("sdg:8"), goal10}) {
    const Brief shared = select_brief(view, focus, 3, &words);
    const Brief alone = select_brief(view, focus, 3);
    CHECK(chosen(shared) == chosen(alone));
    REQUIRE(shared.keys.size() == alone.keys.size());
    for (std::size_t k = 0; k < shared.keys.size(); ++k) CHECK(shared.keys[k].same == alone.keys[k].same);
  }
}

TEST_CASE("between equals, a recommendation on targets the keys do not cover yet comes first") {
  Corpus corpus;
  corpus.documents.push_back(document("A/1",
                                      {{"1", "Facilitate safe and regular migration pathways.", 1.0, {"10.7"}},
                                       {"2", "Promote fair recruitment of labour migrants.", 0.9, {"10.7"}},
                                       {"3", "Reduce the transaction costs of remittances.", 0.9, {"10.c"}}},
                                      corpus));
  const CorpusView view(corpus);
  const Brief brief = select_brief(view, goal10, 2);
  REQUIRE(brief.keys.size() == 2);
  CHECK(chosen(brief)[1] == "A/1 \xC2\xB6" "3");  // 10.c is new; ¶2 repeats 10.7
}

TEST_CASE("near-duplicates are one key recommendation that cites all its sources") {
  Corpus corpus;
  const std::string institution = "Establish a national human rights institution in accordance with the Paris Principles";
  corpus.documents.push_back(document("A/HRC/1", {{"1", institution + " (Gabon);", 1.0, {}},
                                                  {"2", "Ratify the Convention on migrant workers (Chile);", 0.9, {}}},
                                      corpus));
  corpus.documents.push_back(document("A/HRC/2", {{"7", institution + " (Thailand);", 0.97, {}},
                                                  {"8", "Abolish the death penalty (Spain);", 0.5, {}}},
                                      corpus));
  const CorpusView view(corpus);
  const Brief brief = select_brief(view, goal10, 10);
  REQUIRE(brief.keys.size() == 3);  // four recommendations, two of them one key
  const Key& first = brief.keys[0];
  CHECK(brief.items[first.item].recommendation->address == "A/HRC/1 \xC2\xB6" "1");
  REQUIRE(first.same.size() == 1);
  CHECK(brief.items[first.same[0]].recommendation->address == "A/HRC/2 \xC2\xB6" "7");
  for (std::size_t k = 1; k < brief.keys.size(); ++k) CHECK(brief.keys[k].same.empty());
}

TEST_CASE("an unscored focus still spreads its keys over documents") {
  Corpus corpus;
  corpus.documents.push_back(document("A/1", {{"1", "First text about schools.", 0, {}}, {"2", "Second text about roads.", 0, {}}}, corpus));
  corpus.documents.push_back(document("A/2", {{"1", "Third text about water.", 0, {}}}, corpus));
  corpus.annotations.clear();
  const CorpusView view(corpus);
  const Brief brief = select_brief(view, Focus{}, 2);
  REQUIRE(brief.keys.size() == 2);
  CHECK(chosen(brief) == std::vector<std::string>{"A/1 \xC2\xB6" "1", "A/2 \xC2\xB6" "1"});
}

namespace {

// A document with `n` paragraphs and its French version, each French paragraph a little
// longer than its English one, as translations are.
Document with_french(std::size_t n) {
  Document d;
  d.id = d.symbol = "A/RES/78/1";
  d.language = "en";
  Document fr = d;
  fr.language = "fr";
  const char* topics[][2] = {{"water", "l\xE2\x80\x99" "eau"}, {"schools", "les \xC3\xA9" "coles"},
                             {"health", "la sant\xC3\xA9"}, {"housing", "le logement"}, {"roads", "les routes"},
                             {"energy", "l\xE2\x80\x99\xC3\xA9" "nergie"}, {"food", "l\xE2\x80\x99" "alimentation"},
                             {"jobs", "l\xE2\x80\x99" "emploi"}, {"data", "les donn\xC3\xA9" "es"},
                             {"courts", "les tribunaux"}};
  for (std::size_t i = 1; i <= n; ++i) {
    const std::string address = paragraph_address(d.id, std::to_string(i));
    const std::string en = std::string("Calls upon States to act on ") + topics[(i - 1) % 10][0] + " without delay;";
    const std::string fr_text = std::string("Demande aux \xC3\x89tats d\xE2\x80\x99" "agir sur ") + topics[(i - 1) % 10][1] + " sans tarder ;";
    d.blocks.push_back({address, std::to_string(i), BlockKind::numbered_paragraph, -1, "", en, {}, {}, "", {}});
    fr.blocks.push_back({address, std::to_string(i), BlockKind::numbered_paragraph, -1, "", fr_text, {}, {}, "", {}});
    d.recommendations.push_back({address, "operative_paragraph", "States", en, {}});
    fr.recommendations.push_back({address, "operative_paragraph", "\xC3\x89tats", fr_text, {}});
  }
  d.versions.push_back(fr);
  return d;
}

}  // namespace

TEST_CASE("a brief quotes the version in its language, with its addressee, and cites its language") {
  const Document d = with_french(10);
  Quotes quotes("fr");
  const Quote q = quotes.of(d, d.recommendations[2]);
  CHECK(q.document == &d.versions[0]);
  CHECK(q.language == "fr");
  CHECK(q.text.rfind("Demande aux", 0) == 0);
  CHECK(q.addressee == "\xC3\x89tats");
  CHECK(q.why_original.empty());
  // In English: the document itself.
  const Quote en = Quotes("en").of(d, d.recommendations[2]);
  CHECK(en.document == &d);
  CHECK(en.why_original.empty());
}

TEST_CASE("without a version in the brief's language, the original is quoted and says so") {
  const Document d = with_french(3);
  const Quote q = Quotes("zh").of(d, d.recommendations[0]);
  CHECK(q.document == &d);
  CHECK(q.language == "en");
  CHECK(q.text.rfind("Calls upon", 0) == 0);
  CHECK_FALSE(q.misaligned);
  CHECK(q.why_original == "the corpus has no version in Chinese of A/RES/78/1");
}

TEST_CASE("a version's paragraph that does not line up is not quoted, and the reason names it") {
  // The original quoted in a French brief, flagged: why.
  const auto why_original = [](const Document& d, std::size_t i) {
    const Quote q = Quotes("fr").of(d, d.recommendations[i]);
    CHECK(q.document == &d);
    CHECK(q.misaligned);
    return q.why_original;
  };
  SECTION("the paragraph is missing from the version") {
    Document d = with_french(10);
    d.versions[0].recommendations.pop_back();
    d.versions[0].blocks.pop_back();
    CHECK(why_original(d, 9) == "A/RES/78/1, para. 10 in French is not in the corpus: quoted in the original");
  }
  SECTION("the paragraph is cut short (its list items not joined)") {
    Document d = with_french(10);
    d.versions[0].recommendations[4].text = "Demande :";
    CHECK_THAT(why_original(d, 4), Catch::StartsWith("A/RES/78/1, para. 5 in French is 0.17 times as long"));
  }
  SECTION("the version's paragraphs are shifted: none of it is quoted") {
    Document d = with_french(10);
    Document& fr = d.versions[0];
    for (std::size_t i = 0; i < fr.blocks.size(); ++i)
      if (i % 2 == 0) fr.blocks[i].text += std::string(200, 'x');  // every other one much longer
    CHECK_THAT(why_original(d, 1), Catch::Contains("do not line up with the original's"));
  }
  SECTION("a paragraph a little longer than usual is still the same paragraph") {
    Document d = with_french(10);
    d.versions[0].recommendations[4].text += " et de fa\xC3\xA7on coordonn\xC3\xA9" "e";
    CHECK(Quotes("fr").of(d, d.recommendations[4]).document == &d.versions[0]);
  }
}

TEST_CASE("quote_keys sets each key's quote") {
  Corpus corpus;
  corpus.documents.push_back(with_french(4));
  for (const auto& r : corpus.documents[0].recommendations)
    corpus.annotations.push_back({r.address, "sdg", "10.7", "target", 0.9, {}, "sdg", "1"});
  const CorpusView view(corpus);
  Brief brief = select_brief(view, goal10, 2);
  quote_keys(brief, "fr");
  REQUIRE(brief.keys.size() == 2);
  for (const Key& k : brief.keys) CHECK(k.quote.language == "fr");
}

TEST_CASE("counts are grouped as each language's UN documents group them") {
  CHECK(count_text(999, "en") == "999");
  CHECK(count_text(7322, "en") == "7,322");
  CHECK(count_text(1325000, "en") == "1,325,000");
  CHECK(count_text(7322, "fr") == "7\xC2\xA0" "322");
  CHECK(count_text(7322, "zh") == "7\xC2\xA0" "322");
  CHECK(count_text(7322, "ar") == "7\xC2\xA0" "322");
  CHECK(count_text(7322, "es") == "7322");
  CHECK(count_text(12500, "es") == "12.500");
  CHECK(count_text(7322, "ru") == "7322");
  CHECK(count_text(12500, "ru") == "12\xC2\xA0" "500");
}
