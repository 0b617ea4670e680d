// Citations as people read them (dossier/domain/citation.hpp): the UN's forms in its six
// languages, the names documents are cited by, their public addresses, and finding a printed
// citation again.
#include <catch2/catch.hpp>

#include "dossier/domain/citation.hpp"
#include "dossier/domain/corpus.hpp"

using namespace dossier;

namespace {

Document un_document(const std::string& symbol, std::vector<std::string> addresses) {
  Document d;
  d.id = d.symbol = symbol;
  d.title = "A report";
  d.source = "in/report.txt";
  for (auto& a : addresses) {
    Block b;
    b.address = std::move(a);
    d.blocks.push_back(std::move(b));
  }
  return d;
}

const std::string P = "\xC2\xB6";  // ¶
const std::string S = "\xC2\xA7";  // §

}  // namespace

TEST_CASE("UN documents are cited as the UN cites them in each of its six languages") {
  const Document d = un_document("A/68/283", {"A/68/283 " + P + "127"});
  const std::string p127 = "A/68/283 " + P + "127";
  CHECK(human_citation(d, p127) == "A/68/283, para. 127");
  CHECK(human_citation(d, p127, "fr") == "A/68/283, par. 127");
  CHECK(human_citation(d, p127, "es") == "A/68/283, p\xC3\xA1rr. 127");
  CHECK(human_citation(d, p127, "ru") == "A/68/283, \xD0\xBF. 127");
  // Arabic: the symbol isolated left to right inside the right-to-left citation.
  CHECK(human_citation(d, p127, "ar") ==
        "\xE2\x81\xA6" "A/68/283\xE2\x81\xA9\xD8\x8C \xD8\xA7\xD9\x84\xD9\x81\xD9\x82\xD8\xB1\xD8\xA9 127");
  CHECK(human_citation(d, p127, "zh") == "A/68/283\xEF\xBC\x8C\xE7\xAC\xAC" "127\xE6\xAE\xB5");
  CHECK(human_citation(d, p127, "zh-Hans") == human_citation(d, p127, "zh"));
  CHECK(human_citation(d, p127, "de") == "A/68/283, para. 127");  // others: English
  CHECK(human_place(d, p127) == "para. 127");
  CHECK(human_place(d, p127, "zh") == "\xE7\xAC\xAC" "127\xE6\xAE\xB5");
  CHECK(human_citation(d, "A/68/283") == "A/68/283");  // the document itself
}

TEST_CASE("sub-paragraphs, annexes and components are written the UN's way") {
  const Document d = un_document("A/RES/76/266", {});
  CHECK(human_citation(d, "A/RES/76/266 " + P + "4(a)") == "A/RES/76/266, para. 4 (a)");
  CHECK(human_citation(d, "A/RES/76/266 " + P + "4(a)(i)", "fr") == "A/RES/76/266, par. 4 a) i)");
  CHECK(human_citation(d, "A/RES/76/266 " + P + "4(a)", "zh") == "A/RES/76/266\xEF\xBC\x8C\xE7\xAC\xAC" "4(a)\xE6\xAE\xB5");
  CHECK(human_citation(d, "A/RES/76/266 " + P + "121.1") == "A/RES/76/266, para. 121.1");
  const std::string annex = "A/RES/76/266 annex " + P + "12";
  CHECK(human_citation(d, annex) == "A/RES/76/266, annex, para. 12");
  CHECK(human_citation(d, annex, "fr") == "A/RES/76/266, annexe, par. 12");
  CHECK(human_citation(d, annex, "zh") ==
        "A/RES/76/266\xEF\xBC\x8C\xE9\x99\x84\xE4\xBB\xB6\xEF\xBC\x8C\xE7\xAC\xAC" "12\xE6\xAE\xB5");
  const std::string annex_one = "A/RES/76/266 annex I " + P + "10";
  CHECK(human_citation(d, annex_one) == "A/RES/76/266, annex I, para. 10");
  CHECK(human_citation(d, annex_one, "es") == "A/RES/76/266, anexo I, p\xC3\xA1rr. 10");
  CHECK(human_citation(d, annex_one, "zh") ==  // 附件一
        "A/RES/76/266\xEF\xBC\x8C\xE9\x99\x84\xE4\xBB\xB6\xE4\xB8\x80\xEF\xBC\x8C\xE7\xAC\xAC" "10\xE6\xAE\xB5");
  CHECK_THAT(human_citation(d, annex_one, "ar"),  // المرفق الأول
             Catch::Contains("\xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD9\x81\xD9\x82 \xD8\xA7\xD9\x84\xD8\xA3\xD9\x88\xD9\x84"));
  CHECK(human_citation(d, "A/RES/76/266 section II " + P + "1", "ru") ==
        "A/RES/76/266, \xD1\x80\xD0\xB0\xD0\xB7\xD0\xB4\xD0\xB5\xD0\xBB II, \xD0\xBF. 1");
  // A component of a collection goes with the symbol, as "resolution 77/128 A" does.
  const Document c = un_document("A/RES/77/128", {});
  CHECK(human_citation(c, "A/RES/77/128 A " + P + "3") == "A/RES/77/128 A, para. 3");
  CHECK(human_place(c, "A/RES/77/128 A " + P + "3") == "A, para. 3");
}

TEST_CASE("documents without a symbol are cited by their short title or title, section path and item") {
  Document d;
  d.id = "gfmd-thematic-recollection-2017";
  d.title = "GFMD Thematic Recollection 2007-2017 for the Global Compact for Migration";
  d.source = "corpus/003_47dc10d97ca243f0.txt";
  const std::string item = d.id + " " + S + "II.2.(1) #11";
  CHECK(human_citation(d, item) ==
        "GFMD Thematic Recollection 2007-2017 for the Global Compact for Migration, II.2.(1), item 11");
  d.metadata.push_back({"short_title", "GFMD Thematic Recollection 2017"});
  CHECK(cited_name(d) == "GFMD Thematic Recollection 2017");
  CHECK(human_citation(d, item) == "GFMD Thematic Recollection 2017, II.2.(1), item 11");
  CHECK(human_citation(d, item, "fr") == "GFMD Thematic Recollection 2017, II.2.(1), point 11");
  CHECK(human_citation(d, item, "zh") ==
        "GFMD Thematic Recollection 2017\xEF\xBC\x8CII.2.(1)\xEF\xBC\x8C\xE7\xAC\xAC" "11\xE9\xA1\xB9");
  CHECK(human_place(d, item) == "II.2.(1), item 11");
  CHECK(human_citation(d, d.id + " #29") == "GFMD Thematic Recollection 2017, item 29");
  CHECK(human_citation(d, d.id + " " + P + "3") == "GFMD Thematic Recollection 2017, para. 3");
}

TEST_CASE("the name a document is cited by is never an id made of its file's name") {
  Document d;
  d.id = "003-47dc10d97ca243f0";  // as the text reader names a file without a symbol
  d.source = "corpus/003_47dc10d97ca243f0.txt";
  CHECK(cited_name(d) == "003_47dc10d97ca243f0.txt");
  d.title = "Thematic  Recollection\n2007";
  CHECK(cited_name(d) == "Thematic Recollection 2007");
  d.title = std::string(150, 'x') + " end";
  CHECK(cited_name(d).size() <= 103);
  CHECK_THAT(cited_name(d), Catch::EndsWith("\xE2\x80\xA6"));
  Document given;
  given.id = "A/HRC/8/43";  // an id someone gave, not made of the file's name
  given.source = "in/zambia2008.pdf";
  CHECK(cited_name(given) == "A/HRC/8/43");
}

TEST_CASE("UN documents link to the UN's document system; others to their catalogue URL") {
  const Document d = un_document("A/68/283", {});
  CHECK(document_link(d) == "https://docs.un.org/en/A/68/283");
  CHECK(document_link(d, "fr") == "https://docs.un.org/fr/A/68/283");
  CHECK(document_link(d, "zh-Hans") == "https://docs.un.org/zh/A/68/283");
  CHECK(document_link(d, "sw") == "https://docs.un.org/en/A/68/283");
  CHECK(un_document_link("S/RES/1440 (2002)") == "https://docs.un.org/en/S/RES/1440%20(2002)");
  Document gfmd;
  gfmd.id = "gfmd-2010";
  CHECK(document_link(gfmd).empty());
  gfmd.metadata.push_back({"url", "https://www.gfmd.org/report-2010"});
  CHECK(document_link(gfmd) == "https://www.gfmd.org/report-2010");
  CHECK(percent_encode("A/68/283 \xC2\xB6" "1", "/") == "A/68/283%20%C2%B61");
}

TEST_CASE("a printed citation is found again in any language, by any of the document's names") {
  std::vector<Document> docs;
  Document excerpt = un_document("A/68/283", {"A/68/283 (p. 10) " + P + "50"});
  excerpt.id = "A/68/283 (p. 10)";
  excerpt.links.push_back({"excerpt_of", "A/68/283"});
  docs.push_back(excerpt);
  docs.push_back(un_document("A/68/283", {"A/68/283 " + P + "50", "A/68/283 " + P + "127"}));
  Document gfmd;
  gfmd.id = "gfmd-gcm-dialogue-cluster-1";
  gfmd.title = "GFMD Dialogue on the Global Compact on Migration, GCM Cluster 1";
  gfmd.metadata.push_back({"short_title", "GFMD GCM Dialogue Cluster 1"});
  Block item;
  item.address = gfmd.id + " #29";
  gfmd.blocks.push_back(item);
  docs.push_back(gfmd);

  HumanCitationMatch m;
  for (const char* lang : {"en", "fr", "es", "ru", "ar", "zh"}) {
    INFO(lang);
    REQUIRE(find_human_citation(human_citation(docs[1], "A/68/283 " + P + "127", lang), docs, m));
    CHECK(m.address == "A/68/283 " + P + "127");
    CHECK(m.language == lang);
  }
  // Case, spacing, the full stop and the kind of comma do not matter.
  REQUIRE(find_human_citation("a/68/283 ,  PARA 127", docs, m));
  CHECK(m.address == "A/68/283 " + P + "127");
  // The full report before a page of it.
  REQUIRE(find_human_citation("A/68/283, para. 50", docs, m));
  CHECK(m.document == &docs[1]);
  // A title with a comma of its own, the short title, the id.
  for (const char* cited : {"GFMD Dialogue on the Global Compact on Migration, GCM Cluster 1, item 29",
                            "GFMD GCM Dialogue Cluster 1, item 29", "gfmd-gcm-dialogue-cluster-1, item 29",
                            "GFMD GCM Dialogue Cluster 1, point 29"}) {
    INFO(cited);
    REQUIRE(find_human_citation(cited, docs, m));
    CHECK(m.address == gfmd.id + " #29");
  }
  REQUIRE(find_human_citation("GFMD GCM Dialogue Cluster 1", docs, m));
  CHECK(m.address.empty());  // the document itself
  CHECK_FALSE(find_human_citation("GFMD GCM Dialogue Cluster 1, item 30", docs, m));
  CHECK_FALSE(find_human_citation("A/68/283, para. 999", docs, m));
  CHECK_FALSE(find_human_citation("A/68/28, para. 127", docs, m));
  CHECK_FALSE(find_human_citation("", docs, m));
}

TEST_CASE("addresses in a message become places; an id alone is left as a word") {
  Document d;
  d.id = "table";  // an id that is also a word
  d.title = "Tables";
  for (const std::string& a : {"table " + S + "2 #1", "table " + S + "2 #12", "table " + P + "4(a)"}) {
    Block b;
    b.address = a;
    d.blocks.push_back(b);
  }
  CHECK(cite_places_in("1 table was long: 3 (table " + S + "2 #12), 4 (table " + P + "4(a)); table " + S + "2 #1.",
                       d) == "1 table was long: 3 (2, item 12), 4 (para. 4 (a)); 2, item 1.");
  // An address that is not the document's stays as it is.
  CHECK(cite_places_in("see table " + S + "9 #1", d) == "see table " + S + "9 #1");
}

TEST_CASE("renaming a document renames the addresses its diagnostics name") {
  Document d;
  d.id = "003-47dc10d97ca243f0";
  Block b;
  b.address = d.id + " " + S + "II.1 #3";
  d.blocks.push_back(b);
  d.diagnostics.push_back({Diagnostic::Severity::warning,
                           "15 (003-47dc10d97ca243f0 " + S + "II.1 #3); not 003-47dc10d97ca243f0 alone", {}});
  rename_document(d, "gfmd-thematic-recollection-2017");
  CHECK(d.diagnostics[0].message ==
        "15 (gfmd-thematic-recollection-2017 " + S + "II.1 #3); not 003-47dc10d97ca243f0 alone");
}
