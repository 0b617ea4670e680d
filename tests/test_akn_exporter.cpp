// The akn exporter: every sample document as Akoma Ntoso 3.0, valid against the OASIS
// schema shipped in schemas/akn (xmllint), and read back by the akn reader into the same
// paragraphs, recommendations and footnotes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "dossier/model.hpp"
#include "dossier/domain/citation.hpp"
#include "dossier/domain/json.hpp"
#include "xml_support.hpp"

using namespace dossier;
using nlohmann::json;

namespace {

test::fs::path akn_schema() { return test::schema_dir() / "akn" / "akomantoso30.xsd"; }

/// An address without its document id: ids differ when a symbol names the file read back.
std::string local(const std::string& address, const std::string& id) {
  return address.compare(0, id.size(), id) == 0 ? address.substr(id.size()) : address;
}

/// The labels of `refs` that name a footnote of `d`: a label whose note was lost in
/// conversion has nothing an authorialNote could hold.
std::vector<std::string> with_text(const std::vector<std::string>& refs, const Document& d) {
  std::vector<std::string> out;
  for (const auto& r : refs)
    if (std::any_of(d.footnotes.begin(), d.footnotes.end(), [&](const Footnote& f) { return f.label == r; }))
      out.push_back(r);
  return out;
}

/// Label, text and anchors (without the id) of every footnote, sorted.
std::multiset<std::string> footnotes(const Document& d) {
  std::multiset<std::string> out;
  for (const auto& f : d.footnotes) {
    std::string s = f.label + " | " + f.text;
    for (const auto& a : f.anchors) s += " | " + local(a, d.id);
    out.insert(s);
  }
  return out;
}

/// Validates each document's file in `out`/akn against the OASIS schema and reads it back
/// with the akn reader: the same blocks, recommendations and footnotes. Returns the number
/// of recommendations compared.
std::size_t check_round_trip(const test::fs::path& out, std::size_t documents) {
  const json corpus = json::parse(test::read_file(out / "corpus.json"));
  REQUIRE(corpus["documents"].size() == documents);
  std::size_t recommendations = 0;
  for (const auto& j : corpus["documents"]) {
    const Document original = document_from_json(j.dump());
    const auto file = out / "akn" / (slugify(original.id) + ".xml");
    INFO(file.string());
    REQUIRE(test::fs::exists(file));
    const auto lint = test::xmllint(file, akn_schema());
    INFO(lint.output);
    CHECK(lint.exit_code == 0);

    const Document back = test::read_with("akn", file);
    CHECK(back.id == (original.symbol.empty() ? original.id : original.symbol));
    CHECK(back.title == original.title);
    CHECK(back.date == original.date);
    CHECK(back.language == original.language);
    REQUIRE(back.blocks.size() == original.blocks.size());
    for (std::size_t i = 0; i < back.blocks.size(); ++i) {
      const Block& a = original.blocks[i];
      const Block& b = back.blocks[i];
      INFO(a.address);
      CHECK(local(b.address, back.id) == local(a.address, original.id));
      CHECK(to_string(b.kind) == to_string(a.kind));
      CHECK(b.number == a.number);
      CHECK(b.marker == a.marker);
      CHECK(b.text == a.text);
      CHECK(b.footnote_refs == with_text(a.footnote_refs, original));
      CHECK(b.cells == a.cells);
    }
    REQUIRE(back.recommendations.size() == original.recommendations.size());
    for (std::size_t i = 0; i < back.recommendations.size(); ++i) {
      const Recommendation& a = original.recommendations[i];
      const Recommendation& b = back.recommendations[i];
      INFO(a.address);
      CHECK(local(b.address, back.id) == local(a.address, original.id));
      CHECK(b.text == a.text);
      CHECK(b.kind == a.kind);
      CHECK(b.addressee == a.addressee);
    }
    recommendations += original.recommendations.size();
    // Footnotes come back in the order they are cited, not printed.
    CHECK(footnotes(back) == footnotes(original));
    CHECK(back.sections.size() == original.sections.size());
  }
  return recommendations;
}

}  // namespace

TEST_CASE("every sample document validates against the Akoma Ntoso 3.0 schema and reads back the same") {
  CHECK(check_round_trip(test::export_samples("akn-samples", "akn"), 5) > 200);
}

TEST_CASE("the UN's own resolutions come back with their sub-paragraphs as points") {
  const auto out = test::fresh_dir("akn-un");
  const auto r = test::dossier("run " + test::quote((test::source_dir() / "tests" / "data" / "akn" / "*.xml").string()) +
                               " --export json --export akn --no-cache --out " + test::quote(out.string()));
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  check_round_trip(out, 4);
  CHECK_THAT(test::read_file(out / "akn" / "a-res-76-172.xml"), Catch::Contains("<num>(a)</num>"));
  // The UN Library's classification goes out as the publisher's and comes back as metadata.
  const std::string xml = test::read_file(out / "akn" / "a-res-76-172.xml");
  CHECK_THAT(xml, Catch::Contains("<classification source=\"#publisher\">"));
  CHECK_THAT(xml, Catch::Contains("<keyword value=\"gender_equality\" showAs=\"gender_equality\" dictionary=\"UNBIS\" />"));
  const Document back = test::read_with("akn", out / "akn" / "a-res-76-172.xml");
  std::vector<std::string> goals;
  for (const auto& m : back.metadata)
    if (m.key == "un_sdg_goal") goals.push_back(m.value);
  CHECK(goals == std::vector<std::string>{"16", "5", "3", "17", "4"});
  // The annex comes back as an annex.
  const Document annex = test::read_with("akn", out / "akn" / "a-res-76-266.xml");
  CHECK(std::any_of(annex.blocks.begin(), annex.blocks.end(),
                    [](const Block& b) { return b.address == "A/RES/76/266 annex \xC2\xB6" "77"; }));
}

TEST_CASE("FRBR identification and SDG/GCM keywords") {
  const auto out = test::export_samples("akn-meta", "akn");
  const std::string xml = test::read_file(out / "akn" / "a-68-283.xml");
  for (const char* part :
       {"<FRBRthis value=\"/akn/un/doc/document/2013-08-05/a-68-283/!main\" />", "<FRBRcountry value=\"un\" />",
        "<FRBRlanguage language=\"eng\" />", "<docNumber refersTo=\"#symbol\">A/68/283</docNumber>",
        "<keyword value=\"10.7\" showAs=\"SDG 10.7: Facilitate orderly, safe, regular and responsible migration",
        "href=\"http://metadata.un.org/sdg/10.7\" dictionary=\"SDGO\" />",
        "<hcontainer eId=\"rec_1\" name=\"recommendation\" class=\"recommendation\" refersTo=\"#addressee_1\">",
        "<TLCOrganization eId=\"addressee_1\" href=\"/akn/ontology/organization/states\" showAs=\"States\" />",
        "<paragraph eId=\"para_127\">", "<num>127.</num>", "<authorialNote marker=\"1\" placement=\"bottom\""})
    CHECK_THAT(xml, Catch::Contains(part));
}

TEST_CASE("damaged characters are replaced so the file stays valid") {
  const auto dir = test::fresh_dir("akn-damaged");
  std::vector<std::string> warnings;
  test::export_with("akn", test::damaged_corpus(), dir, warnings);
  const auto file = dir / "akn" / "a-68-283.xml";
  const auto lint = test::xmllint(file, akn_schema());
  INFO(lint.output);
  CHECK(lint.exit_code == 0);
  CHECK(test::read_with("akn", file).blocks.at(0).text == test::repaired_text());
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::StartsWith("replaced 6 characters"));
}
