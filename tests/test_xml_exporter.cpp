// feed.xml: valid against the shipped schema (schemas/dossier-feed-1.xsd, checked with
// xmllint), complete, and safe from characters XML forbids.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "xml_support.hpp"

using namespace dossier;
using nlohmann::json;

namespace {

std::size_t count(const pugi::xml_document& doc, const char* xpath) {
  return doc.select_nodes(xpath).size();
}

}  // namespace

TEST_CASE("the sample corpus as feed.xml validates against the shipped schema and holds the whole model") {
  const auto out = test::export_samples("xml-samples", "xml");
  const auto lint = test::xmllint(out / "feed.xml", test::schema_dir() / "dossier-feed-1.xsd");
  INFO(lint.output);
  CHECK(lint.exit_code == 0);

  pugi::xml_document feed;
  REQUIRE(feed.load_file((out / "feed.xml").c_str()));
  const pugi::xml_node root = feed.document_element();
  CHECK(std::string(root.name()) == "feed");
  CHECK(std::string(root.attribute("xmlns").value()) == "https://dossier.example.org/ns/feed/1");
  CHECK(std::string(root.attribute("version").value()) == "1.2");

  const json corpus = json::parse(test::read_file(out / "corpus.json"));
  std::size_t paragraphs = 0, recommendations = 0, references = 0, footnotes = 0, sections = 0;
  for (const auto& d : corpus["documents"]) {
    paragraphs += d["paragraphs"].size();
    recommendations += d["recommendations"].size();
    references += d["references"].size();
    footnotes += d["footnotes"].size();
    sections += d["sections"].size();
  }
  CHECK(count(feed, "/feed/document") == corpus["documents"].size());
  CHECK(count(feed, "/feed/document/paragraph") == paragraphs);
  CHECK(count(feed, "/feed/document/recommendation") == recommendations);
  CHECK(count(feed, "/feed/document/reference") == references);
  CHECK(count(feed, "/feed/document/footnote") == footnotes);
  CHECK(count(feed, "/feed/document/section") == sections);
  // Every annotation sits in the document it is about.
  CHECK(count(feed, "//annotation") == corpus["annotations"].size());
  CHECK(count(feed, "/feed/annotation") == 0);
  const pugi::xml_node rec = feed.select_node("//recommendation[@address='A/68/283 \xC2\xB6" "127']").node();
  REQUIRE(rec);
  CHECK(std::string(rec.attribute("addressee").value()) == "States");
  CHECK(std::string(rec.child_value("text")).rfind("All States should establish", 0) == 0);
  CHECK(feed.select_node("//annotation[@subject='A/68/283 \xC2\xB6" "127'][@scheme='sdg'][@code='10.7']"));
}

TEST_CASE("characters XML forbids are replaced with U+FFFD and counted, never written raw") {
  const auto dir = test::fresh_dir("xml-damaged");
  std::vector<std::string> warnings;
  Corpus c = test::damaged_corpus();
  c.documents[0].title = "Title\x0B";  // vertical tab: 1 more
  test::export_with("xml", c, dir, warnings);
  const std::string xml = test::read_file(dir / "feed.xml");
  for (const char* raw : {"\x01", "\xFF", "\xEF\xBF\xBE", "\xED\xA0\x80", "\x0B", "\x1B"}) CHECK(xml.find(raw) == std::string::npos);
  CHECK(xml.find("<text>" + test::repaired_text() + "</text>") != std::string::npos);
  // Paragraph and recommendation text 4 each, title 1, evidence 1.
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::StartsWith("replaced 14 characters"));
  const auto lint = test::xmllint(dir / "feed.xml", test::schema_dir() / "dossier-feed-1.xsd");
  INFO(lint.output);
  CHECK(lint.exit_code == 0);
}

TEST_CASE("a document's language versions are written inside it, with verbs and positions, and validate") {
  const auto dir = test::fresh_dir("xml-versions");
  std::vector<std::string> warnings;
  Corpus c;
  Document d;
  d.id = d.symbol = "A/RES/76/172";
  d.language = "en";
  d.blocks.push_back({"A/RES/76/172 \xC2\xB6" "22", "22", BlockKind::numbered_paragraph, -1, "",
                      "Requests the Secretary-General to submit a report", {}, {}, "", {}});
  Recommendation r{"A/RES/76/172 \xC2\xB6" "22", "operative_paragraph", "Secretary-General",
                   "Requests the Secretary-General to submit a report", {}, "", "", "", "Requests"};
  d.recommendations.push_back(r);
  Document fr = d;
  fr.language = "fr";
  fr.blocks[0].text = fr.recommendations[0].text = "Prie le Secr\xC3\xA9taire g\xC3\xA9n\xC3\xA9ral de lui pr\xC3\xA9senter un rapport";
  fr.recommendations[0].verb = "Prie";
  d.versions.push_back(fr);
  c.documents.push_back(d);
  test::export_with("xml", c, dir, warnings);
  const auto lint = test::xmllint(dir / "feed.xml", test::schema_dir() / "dossier-feed-1.xsd");
  INFO(lint.output);
  CHECK(lint.exit_code == 0);
  pugi::xml_document feed;
  REQUIRE(feed.load_file((dir / "feed.xml").c_str()));
  CHECK(count(feed, "/feed/document") == 1);
  CHECK(count(feed, "/feed/document/version[@language='fr'][@id='A/RES/76/172']") == 1);
  CHECK(count(feed, "/feed/document/recommendation[@verb='Requests'][@addressee='Secretary-General']") == 1);
  CHECK(count(feed, "/feed/document/version/recommendation[@verb='Prie']") == 1);
}

TEST_CASE("an empty corpus is a valid feed") {
  const auto dir = test::fresh_dir("xml-empty");
  std::vector<std::string> warnings;
  test::export_with("xml", Corpus{}, dir, warnings);
  CHECK(test::xmllint(dir / "feed.xml", test::schema_dir() / "dossier-feed-1.xsd").exit_code == 0);
  CHECK(warnings.empty());
}

TEST_CASE("the schema rejects what the vocabulary does not allow") {
  // The tests above would pass against a schema that allows anything.
  const auto dir = test::fresh_dir("xml-invalid");
  test::write_file(dir / "bad.xml",
                   "<feed xmlns=\"https://dossier.example.org/ns/feed/1\" version=\"1.0\">"
                   "<document id=\"x\"><paragraph address=\"x #1\" kind=\"poem\"><text/></paragraph></document></feed>");
  CHECK(test::xmllint(dir / "bad.xml", test::schema_dir() / "dossier-feed-1.xsd").exit_code != 0);
}
