// The akn reader, loaded as the plugin it is, on three General Assembly resolutions in
// Akoma Ntoso (tests/data/akn: unofficial copies published by the United Nations, see the
// README files there). The expected counts were established from the XML itself
// (xmllint --xpath "count(//*[local-name()='point'])" ...), not from the reader.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "dossier/model.hpp"
#include "dossier/context.hpp"
#include "dossier/domain/digest.hpp"
#include "dossier/sink.hpp"
#include "plugin_registry.hpp"
#include "support.hpp"

using namespace dossier;
using namespace dossier::host;

namespace {

const char* const akn_ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

test::fs::path data_dir() { return test::source_dir() / "tests" / "data" / "akn"; }

std::shared_ptr<Reader> akn_reader() {
  static PluginRegistry registry = [] {
    PluginRegistry r;
    r.discover({test::plugin_dir()});
    return r;
  }();
  const auto library = registry.find("akn", PluginKind::reader);
  REQUIRE(library);
  return library->make_reader();
}

Source source_of(const std::string& path, std::string content) {
  Source source;
  source.path = path;
  source.content = std::move(content);
  source.sha256 = sha256_hex(source.content);
  return source;
}

Document read(const Source& source) {
  Context context("akn", {}, {}, nullptr);
  return akn_reader()->read(source, context);
}

Document read_file(const std::string& file) {
  const std::string path = (data_dir() / file).string();
  const Source source = source_of(path, test::read_file(path));
  REQUIRE(!source.content.empty());
  REQUIRE(akn_reader()->sniff(source) == 90);
  return read(source);
}

int sniff(const std::string& content) { return akn_reader()->sniff(source_of("memory", content)); }

/// A small AKN resolution around `body` (the children of mainBody), with `root_attributes`
/// replacing the default namespace declaration.
std::string resolution(const std::string& body, const std::string& root = "akomaNtoso",
                       const std::string& root_attributes = std::string("xmlns=\"") + akn_ns + "\"") {
  const std::string prefix = root.find(':') == std::string::npos ? "" : root.substr(0, root.find(':') + 1);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root + " " + root_attributes + ">\n<" + prefix +
         "statement name=\"resolution\"><" + prefix + "mainBody>\n" + body + "\n</" + prefix + "mainBody></" +
         prefix + "statement>\n</" + root + ">\n";
}

std::vector<const Block*> of_kind(const Document& d, BlockKind kind) {
  std::vector<const Block*> out;
  for (const auto& b : d.blocks)
    if (b.kind == kind) out.push_back(&b);
  return out;
}

std::vector<std::string> numbers(const Document& d) {
  std::vector<std::string> out;
  for (const Block* b : of_kind(d, BlockKind::numbered_paragraph)) out.push_back(b->number);
  return out;
}

std::vector<std::string> one_to(int n) {
  std::vector<std::string> out;
  for (int i = 1; i <= n; ++i) out.push_back(std::to_string(i));
  return out;
}

const Block* block(const Document& d, const std::string& address) {
  for (const auto& b : d.blocks)
    if (b.address == address) return &b;
  return nullptr;
}

const Footnote* footnote(const Document& d, const std::string& label) {
  for (const auto& f : d.footnotes)
    if (f.label == label) return &f;
  return nullptr;
}

/// Every footnote is labelled 1..n in order, sits in exactly one block, and that block lists it.
void check_footnotes(const Document& d, std::size_t count) {
  REQUIRE(d.footnotes.size() == count);
  for (std::size_t i = 0; i < count; ++i) {
    const Footnote& f = d.footnotes[i];
    INFO("footnote " << f.label);
    CHECK(f.label == std::to_string(i + 1));
    CHECK_FALSE(f.text.empty());
    REQUIRE(f.anchors.size() == 1);
    const Block* anchor = block(d, f.anchors[0]);
    REQUIRE(anchor);
    CHECK(std::count(anchor->footnote_refs.begin(), anchor->footnote_refs.end(), f.label) == 1);
    // The note's text is the footnote's, not the paragraph's.
    CHECK(anchor->text.find(f.text) == std::string::npos);
  }
}

void check_unique_addresses(const Document& d) {
  std::set<std::string> seen;
  for (const auto& b : d.blocks) {
    INFO(b.address);
    CHECK(seen.insert(b.address).second);
  }
}

}  // namespace

TEST_CASE("A/RES/75/226: metadata from the FRBR and AKN4UN markup") {
  const Document d = read_file("75_226_E.xml");
  CHECK(d.id == "A/RES/75/226");
  CHECK(d.symbol == "A/RES/75/226");
  CHECK(d.title == "International migration and development");
  CHECK(d.date == "2020-12-21");  // adoption, not publication (2020-12-30)
  CHECK(d.language == "en");
  CHECK(d.body == "General Assembly");
  CHECK(d.sections.empty());
  CHECK(d.furniture == std::vector<std::string>{"20-17629 (E)"});
  CHECK(d.diagnostics.empty());
}

TEST_CASE("A/RES/76/172: the UN's classification, session and agenda item are document metadata") {
  const Document d = read_file("A_RES_76_172-2119207E.xml");
  const auto metadata_value = [](const Document& doc, const std::string& key) {
    for (const auto& m : doc.metadata)
      if (m.key == key) return m.value;
    return std::string();
  };
  std::vector<std::string> goals, unbis;
  for (const auto& m : d.metadata) {
    if (m.key == "un_sdg_goal") goals.push_back(m.value);
    if (m.key == "unbis_subject") unbis.push_back(m.value);
  }
  // grep -o '<keyword[^>]*SDGO' tests/data/akn/A_RES_76_172-2119207E.xml
  CHECK(goals == std::vector<std::string>{"16", "5", "3", "17", "4"});
  CHECK(std::find(unbis.begin(), unbis.end(), "gender equality") != unbis.end());
  CHECK(metadata_value(d, "session") == "76");
  CHECK(metadata_value(d, "agenda_item") == "74 (b)");
  CHECK(metadata_value(d, "originating_document") == "A/76/462/Add.2, para. 114");
}

TEST_CASE("A/RES/75/226: 12 operative paragraphs, 17 preambular blocks, 21 footnotes") {
  const Document d = read_file("75_226_E.xml");
  CHECK(numbers(d) == one_to(12));
  CHECK(of_kind(d, BlockKind::list_item).empty());
  // Formula, 16 preambular paragraphs and the conclusions ("48th plenary meeting").
  CHECK(of_kind(d, BlockKind::text).size() == 18);
  check_footnotes(d, 21);
  check_unique_addresses(d);

  const Block* p1 = block(d, paragraph_address("A/RES/75/226", "1"));
  REQUIRE(p1);
  CHECK(p1->text == "Takes note of the report of the Secretary-General;");  // footnote 20 left out
  CHECK(p1->footnote_refs == std::vector<std::string>{"20"});
  CHECK(footnote(d, "20")->text == "A/75/292.");
  CHECK(footnote(d, "20")->anchors == std::vector<std::string>{"A/RES/75/226 \xC2\xB6" "1"});

  // The preamble comes first, addressed by ordinal: the formula is #1.
  REQUIRE(d.blocks.size() == 30);
  CHECK(d.blocks[0].address == "A/RES/75/226 #1");
  CHECK(d.blocks[0].text == "The General Assembly,");
  CHECK(d.blocks[1].address == "A/RES/75/226 #2");
  CHECK(d.blocks[1].text.rfind("Recalling its resolutions 58/208 of 23 December 2003, 59/241 of 22 December 2004,", 0) == 0);
  CHECK(d.blocks[1].footnote_refs == std::vector<std::string>{"1", "2", "3", "4", "5"});
  CHECK(d.blocks[1].text.find("Sales No. E.95.XIII.18") == std::string::npos);
  CHECK(footnote(d, "1")->text ==
        "Report of the International Conference on Population and Development, Cairo, 5\xE2\x80\x93" "13 September "
        "1994 (United Nations publication, Sales No. E.95.XIII.18), chap. I, resolution 1, annex.");
  CHECK(footnote(d, "1")->anchors == std::vector<std::string>{"A/RES/75/226 #2"});
  CHECK(d.blocks.back().text == "48th plenary meeting 21 December 2020");
}

TEST_CASE("A/RES/76/172: 23 paragraphs with 43 sub-paragraphs and 35 footnotes") {
  const Document d = read_file("A_RES_76_172-2119207E.xml");
  CHECK(d.id == "A/RES/76/172");
  CHECK(d.symbol == "A/RES/76/172");
  CHECK(d.title == "Protection of migrants");
  CHECK(d.date == "2021-12-16");
  CHECK(d.language == "en");
  CHECK(numbers(d) == one_to(23));
  CHECK(of_kind(d, BlockKind::list_item).size() == 43);
  CHECK(of_kind(d, BlockKind::text).size() == 37);  // formula, 35 preambular paragraphs, conclusions
  check_footnotes(d, 35);
  check_unique_addresses(d);
  CHECK(d.sections.empty());

  const Block* p1 = block(d, paragraph_address(d.id, "1"));
  REQUIRE(p1);
  CHECK(p1->text.rfind("Calls upon States to promote and protect effectively the human rights and fundamental "
                       "freedoms of all migrants, regardless of their migration status,",
                       0) == 0);
}

TEST_CASE("A/RES/76/172: sub-paragraphs follow their paragraph as ¶4(a) with number 4.a") {
  const Document d = read_file("A_RES_76_172-2119207E.xml");
  // Per paragraph, in document order: which sub-paragraphs follow it.
  std::vector<std::pair<std::string, std::string>> points;  // (parent, letters)
  std::string parent;
  for (const auto& b : d.blocks) {
    if (b.kind == BlockKind::numbered_paragraph) parent = b.number;
    if (b.kind != BlockKind::list_item) continue;
    INFO(b.address);
    REQUIRE(b.marker.size() == 3);
    const std::string letter = b.marker.substr(1, 1);
    CHECK(b.marker == "(" + letter + ")");
    CHECK(b.number == parent + "." + letter);
    CHECK(b.address == paragraph_address(d.id, parent + "(" + letter + ")"));
    if (points.empty() || points.back().first != parent) points.emplace_back(parent, "");
    points.back().second += letter;
  }
  CHECK(points == std::vector<std::pair<std::string, std::string>>{
                      {"4", "abcdef"}, {"5", "abcdefghijklmno"}, {"6", "abcdefghijklmn"}, {"11", "abcdefgh"}});

  // A paragraph's text is its intro, without the text of its points.
  const Block* p4 = block(d, paragraph_address(d.id, "4"));
  REQUIRE(p4);
  CHECK(p4->text ==
        "Reaffirms the rights set forth in the Universal Declaration of Human Rights and the obligations of States "
        "under the International Covenants on Human Rights, and in this regard:");
  const Block* p4a = block(d, paragraph_address(d.id, "4(a)"));
  REQUIRE(p4a);
  CHECK(p4a->text.rfind("Strongly condemns acts, manifestations and expressions of racism,", 0) == 0);

  // Footnotes in a point belong to the point; one in an intro to its paragraph.
  const Footnote* f29 = footnote(d, "29");
  REQUIRE(f29);
  CHECK(f29->text == "Ibid., Seventy-fifth Session, Supplement No. 48 (A/75/48).");
  CHECK(f29->anchors == std::vector<std::string>{"A/RES/76/172 \xC2\xB6" "4(f)"});
  CHECK(block(d, paragraph_address(d.id, "4(f)"))->footnote_refs == std::vector<std::string>{"29", "30"});
  CHECK(footnote(d, "33")->anchors == std::vector<std::string>{paragraph_address(d.id, "11")});
  CHECK(footnote(d, "33")->text == "Resolution 73/195, annex.");
}

TEST_CASE("A/RES/76/172: references from the text and from undocs.org links") {
  const Document d = read_file("A_RES_76_172-2119207E.xml");
  auto has = [&](const std::string& type, const std::string& id, const std::string& address, const std::string& text) {
    return std::any_of(d.references.begin(), d.references.end(), [&](const Reference& r) {
      return r.type == type && r.id == id && r.address == address && r.text == text;
    });
  };
  // "recalling Sustainable Development Goals 8 and 10" in the 21st preambular paragraph.
  CHECK(has("sdg_goal", "8", "A/RES/76/172 #21", "Sustainable Development Goals 8 and 10"));
  CHECK(has("sdg_goal", "10", "A/RES/76/172 #21", "Sustainable Development Goals 8 and 10"));
  CHECK(has("sdg_target", "10.7", paragraph_address(d.id, "11(b)"), "target 10.7"));
  // The file prints "resolution 73/195" and links it to undocs.org/en/A/RES/73/195.
  const bool linked = std::any_of(d.references.begin(), d.references.end(), [](const Reference& r) {
    return r.type == "un_symbol" && r.id.rfind("A/RES/", 0) == 0 && r.text.find('/') != std::string::npos;
  });
  CHECK(linked);
  // Links inside footnotes are not the paragraph's references: footnote 29 cites A/75/48.
  for (const auto& r : d.references) CHECK(r.id != "A/75/48");
}

TEST_CASE("A/RES/78/180: 52 paragraphs, 4 sub-paragraphs, 40 footnotes") {
  const Document d = read_file("A_RES_78_180-2326013E.xml");
  CHECK(d.id == "A/RES/78/180");
  CHECK(d.symbol == "A/RES/78/180");
  CHECK(d.title == "Violence against women migrant workers");
  CHECK(d.date == "2023-12-19");
  CHECK(d.language == "en");
  CHECK(d.body == "General Assembly");
  CHECK(numbers(d) == one_to(52));
  const auto items = of_kind(d, BlockKind::list_item);
  REQUIRE(items.size() == 4);
  CHECK(items.front()->address == paragraph_address(d.id, "49(a)"));
  CHECK(items.back()->number == "49.d");
  CHECK(of_kind(d, BlockKind::text).size() == 51);  // formula, 49 preambular paragraphs, conclusions
  check_footnotes(d, 40);
  check_unique_addresses(d);

  CHECK(block(d, paragraph_address(d.id, "1"))->text == "Takes note of the report of the Secretary-General;");
  const Footnote* f40 = footnote(d, "40");
  REQUIRE(f40);
  CHECK(f40->text == "United Nations, Treaty Series, vol. 596, No. 8638.");
  CHECK(f40->anchors == std::vector<std::string>{paragraph_address(d.id, "46")});
  CHECK(block(d, paragraph_address(d.id, "3"))->footnote_refs ==
        std::vector<std::string>{"25", "26", "27", "28", "29", "30", "31", "32"});
  CHECK(block(d, paragraph_address(d.id, "52"))->span.first_line > block(d, paragraph_address(d.id, "1"))->span.first_line);
}

TEST_CASE("akn sniff: only akomaNtoso in the Akoma Ntoso 3.0 namespace") {
  CHECK(sniff(resolution("")) == 90);
  // A prolog of declaration, comments and a DOCTYPE (with '>' inside it) comes first.
  CHECK(sniff("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- a > b -->\n<!DOCTYPE akomaNtoso [<!ENTITY x \"<y>\">]>\n" +
              resolution("").substr(resolution("").find("<akomaNtoso"))) == 90);
  CHECK(sniff(resolution("", "akn:akomaNtoso", std::string("xmlns:akn='") + akn_ns + "'")) == 90);

  CHECK(sniff(resolution("", "akomaNtoso", "xmlns=\"http://www.akomantoso.org/2.0\"")) == 0);
  CHECK(sniff(resolution("", "akomaNtoso", "")) == 0);                      // no namespace
  CHECK(sniff(resolution("", "akn:akomaNtoso", std::string("xmlns='") + akn_ns + "'")) == 0);  // prefix unbound
  CHECK(sniff("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><akomaNtoso/></body></html>") == 0);
  CHECK(sniff(std::string("<akomaNtosoX xmlns=\"") + akn_ns + "\"/>") == 0);
  CHECK(sniff(test::read_file(data_dir() / "README.md")) == 0);  // plain text that names the namespace
  CHECK(sniff("") == 0);
  CHECK(sniff("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0") == 0);  // cut in the tag
}

TEST_CASE("akn reader: a truncated file throws with pugixml's description and the byte offset") {
  const std::string path = (data_dir() / "75_226_E.xml").string();
  const std::string whole = test::read_file(path);
  // Cut before the end of the operative part: every element from mainBody up stays open.
  const std::size_t cut = whole.find("</mainBody>");
  REQUIRE(cut != std::string::npos);
  const Source truncated = source_of("truncated.xml", whole.substr(0, cut));
  CHECK(akn_reader()->sniff(truncated) == 90);  // the start still looks right
  try {
    read(truncated);
    FAIL("no exception");
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    const std::string head = "truncated.xml: malformed XML at byte ";
    REQUIRE_THAT(message, Catch::StartsWith(head) && Catch::EndsWith(" (line 463): Start-end tags mismatch"));
    // pugixml reports the last byte it read: the end of the input.
    const std::size_t offset = std::stoul(message.substr(head.size()));
    CHECK(offset + 1 >= cut);
    CHECK(offset <= cut);
  }
  const Source mismatched = source_of("m.xml", resolution("<paragraph><num>1.</num><content><p>x</content></paragraph>"));
  CHECK_THROWS_WITH(read(mismatched), Catch::Contains("malformed XML at byte") && Catch::Contains("(line 4)"));
}

TEST_CASE("akn reader: a document of another kind is refused, not guessed at") {
  CHECK_THROWS_WITH(read(source_of("x.xml", "<html><body/></html>")),
                    "x.xml: not Akoma Ntoso 3.0: the root element is <html>");
  CHECK_THROWS_WITH(read(source_of("y.xml", "<akomaNtoso xmlns=\"http://www.akomantoso.org/2.0\"/>")),
                    Catch::Contains("in namespace 'http://www.akomantoso.org/2.0'"));
}

TEST_CASE("akn reader: a billion-laughs entity bomb is not expanded") {
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE akomaNtoso [\n  <!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    bomb += "  <!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) bomb += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    bomb += "\">\n";
  }
  bomb += "]>\n";
  const std::string doc = resolution("<paragraph><num>1.</num><content><p>&lol9;</p></content></paragraph>");
  bomb += doc.substr(doc.find("<akomaNtoso"));
  const Source source = source_of("bomb.xml", bomb);
  CHECK(akn_reader()->sniff(source) == 90);

  const auto start = std::chrono::steady_clock::now();
  std::size_t text_size = 0;
  std::vector<Diagnostic> diagnostics;
  try {
    const Document d = read(source);
    for (const auto& b : d.blocks) text_size += b.text.size();
    diagnostics = d.diagnostics;
  } catch (const std::exception&) {
    // Refusing the document is as good as not expanding it.
  }
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK(text_size < 100);  // 10^9 "lol"s expanded would be 3 GB
  const bool reported = std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& g) {
    return g.message.find("DOCTYPE") != std::string::npos;
  });
  CHECK(reported);
}

TEST_CASE("akn reader: absurdly deep nesting is refused before any recursion") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<span>";
  deep += "x";
  for (int i = 0; i < 100000; ++i) deep += "</span>";
  const Source source = source_of("deep.xml", resolution("<paragraph><num>1.</num><content><p>" + deep +
                                                         "</p></content></paragraph>"));
  CHECK_THROWS_WITH(read(source), "deep.xml: elements nest deeper than 256 levels; not a document this reader can follow");
}

TEST_CASE("akn reader: XML's own entities and character references are expanded") {
  const Document d = read(source_of(
      "e.xml", resolution("<paragraph><num>1.</num><content><p>Men &amp; women&#8217;s <i>rights</i>,\n\t "
                          "<b>equal</b>&#x2014;always</p></content></paragraph>")));
  REQUIRE(d.blocks.size() == 1);
  CHECK(d.blocks[0].text == "Men & women\xE2\x80\x99s rights, equal\xE2\x80\x94" "always");
  CHECK(d.id == "e");  // no symbol anywhere: a slug of the file name
}

TEST_CASE("akn reader: hcontainers with headings become sections, with the AKN namespace under a prefix") {
  const std::string body =
      "<a:hcontainer name=\"chapter\" eId=\"chp_1\"><a:num>I.</a:num><a:heading>Introduction</a:heading>"
      "  <a:paragraph><a:num>1.</a:num><a:content><a:p>First.</a:p></a:content></a:paragraph>"
      "  <a:hcontainer name=\"section\"><a:num>A.</a:num><a:heading>Scope</a:heading>"
      "    <a:paragraph><a:num>2.</a:num><a:content><a:p>Second.<a:authorialNote marker=\"*\"><a:p>A note."
      "</a:p></a:authorialNote></a:p></a:content></a:paragraph>"
      "    <a:paragraph><a:content><a:p>Unnumbered.</a:p></a:content></a:paragraph>"
      "  </a:hcontainer>"
      "</a:hcontainer>"
      "<x:foreign xmlns:x=\"urn:other\">elsewhere</x:foreign>";
  const Document d = read(source_of("s.xml", resolution(body, "a:akomaNtoso", std::string("xmlns:a=\"") + akn_ns + "\"")));
  REQUIRE(d.sections.size() == 2);
  CHECK(d.sections[0].label == "I.");
  CHECK(d.sections[0].title == "Introduction");
  CHECK(d.sections[0].kind == "chapter");
  CHECK(d.sections[0].level == 1);
  CHECK(d.sections[1].label == "A.");
  CHECK(d.sections[1].parent == 0);
  CHECK(d.sections[1].level == 2);
  std::vector<std::string> addresses;
  for (const auto& b : d.blocks) addresses.push_back(b.address + " | " + b.text);
  CHECK(addresses == std::vector<std::string>{"s \xC2\xA7I #1 | I. Introduction", "s \xC2\xB6" "1 | First.",
                                              "s \xC2\xA7I.A #1 | A. Scope", "s \xC2\xB6" "2 | Second.",
                                              "s \xC2\xA7I.A #2 | Unnumbered."});
  CHECK(d.blocks[3].section == 1);
  CHECK(d.footnotes.size() == 1);
  CHECK(d.footnotes[0].anchors == std::vector<std::string>{"s \xC2\xB6" "2"});
  // What it could not place is reported.
  const bool reported = std::any_of(d.diagnostics.begin(), d.diagnostics.end(), [](const Diagnostic& g) {
    return g.message.find("x:foreign") != std::string::npos;
  });
  CHECK(reported);
}

TEST_CASE("akn reader: points nest as 4.a.i, bullets get ordinals, noteRefs find their notes") {
  const std::string doc = resolution(
      "<paragraph><num>4.</num><list><intro><p>Decides:<noteRef href=\"#n1\" marker=\"7\"/></p></intro>"
      "<point><num>(a)</num><list><intro><p>That</p></intro>"
      "  <point><num>(i)</num><content><p>one;<noteRef href=\"#n1\" marker=\"7\"/></p></content></point>"
      "  <point><num>(ii)</num><content><p>two;</p></content></point></list></point>"
      "<point><content><p>a bullet;</p></content></point>"
      "<wrapUp><p>and so on.</p></wrapUp></list></paragraph>");
  // Notes kept apart in meta/notes, as Akoma Ntoso allows.
  const std::string meta = "<meta><notes source=\"#x\"><note eId=\"n1\"><p>Shared note.</p></note></notes></meta>";
  const std::string with_meta = doc.substr(0, doc.find("<mainBody>")) + meta + doc.substr(doc.find("<mainBody>"));
  const Document d = read(source_of("n.xml", with_meta));
  std::vector<std::string> got;
  for (const auto& b : d.blocks)
    got.push_back(std::string(to_string(b.kind)) + " " + b.number + " " + b.address + " " + b.marker + " | " + b.text);
  CHECK(got == std::vector<std::string>{
                   "numbered_paragraph 4 n \xC2\xB6" "4  | Decides: and so on.",
                   "list_item 4.a n \xC2\xB6" "4(a) (a) | That",
                   "list_item 4.a.i n \xC2\xB6" "4(a)(i) (i) | one;",
                   "list_item 4.a.ii n \xC2\xB6" "4(a)(ii) (ii) | two;",
                   "list_item  n #1  | a bullet;"});
  REQUIRE(d.footnotes.size() == 1);
  CHECK(d.footnotes[0].label == "7");
  CHECK(d.footnotes[0].text == "Shared note.");
  CHECK(d.footnotes[0].anchors == std::vector<std::string>{"n \xC2\xB6" "4", "n \xC2\xB6" "4(a)(i)"});
}

TEST_CASE("akn reader: block kinds in class and recommendation hcontainers as the akn exporter writes them") {
  // A report rather than a resolution: bullets, a table, a heading and recommendations.
  const std::string doc = resolution(
      "<hcontainer name=\"section\" eId=\"sec_1\"><num>IV</num><heading>Recommendations</heading>"
      "<paragraph class=\"heading\"><heading>To States</heading></paragraph>"
      "<hcontainer name=\"recommendation\" class=\"policy_option\" refersTo=\"#addressee_1\">"
      "  <paragraph eId=\"para_7\"><num>7.</num><content><p>States should:</p></content></paragraph>"
      "  <paragraph class=\"list_item\"><num>(a)</num><content><p>ratify;</p></content></paragraph>"
      "  <paragraph class=\"text\"><content><p>-</p></content></paragraph>"
      "  <paragraph class=\"list_item\"><num>(b)</num><content><p>report.</p></content></paragraph>"
      "</hcontainer>"
      "<paragraph class=\"table\"><content><table><tr><td><p>Name</p></td><td><p>Cost</p></td></tr>"
      "<tr><td><p>Taskforce</p></td><td><p>96,700</p></td></tr></table></content></paragraph>"
      "<paragraph class=\"SingleTxt\"><num>8.</num><content><p>A class of AKN4UN.</p></content></paragraph>"
      "</hcontainer>");
  const std::string meta =
      "<meta><references source=\"#dossier\"><TLCOrganization eId=\"addressee_1\" "
      "href=\"/akn/ontology/organization/states\" showAs=\"States\"/></references></meta>";
  const std::string with_meta = doc.substr(0, doc.find("<mainBody>")) + meta + doc.substr(doc.find("<mainBody>"));
  const Document d = read(source_of("r.xml", with_meta));
  std::vector<std::string> got;
  for (const auto& b : d.blocks)
    got.push_back(std::string(to_string(b.kind)) + " " + b.number + " " + b.address + " " + b.marker + " | " + b.text);
  CHECK(got == std::vector<std::string>{
                   "heading  r \xC2\xA7IV #1  | IV Recommendations",
                   "heading  r \xC2\xA7IV #2  | To States",
                   "numbered_paragraph 7 r \xC2\xB6" "7  | States should:",
                   "list_item  r \xC2\xA7IV #3 (a) | ratify;",
                   "text  r \xC2\xA7IV #4  | -",
                   "list_item  r \xC2\xA7IV #5 (b) | report.",
                   "table  r \xC2\xA7IV #6  | Name | Cost\nTaskforce | 96,700",
                   "numbered_paragraph 8 r \xC2\xB6" "8  | A class of AKN4UN."});
  CHECK(d.blocks[6].cells == std::vector<std::vector<std::string>>{{"Name", "Cost"}, {"Taskforce", "96,700"}});
  // The recommendation container is no section; its list items continue its text.
  CHECK(d.sections.size() == 1);
  REQUIRE(d.recommendations.size() == 1);
  CHECK(d.recommendations[0].address == "r \xC2\xB6" "7");
  CHECK(d.recommendations[0].kind == "policy_option");
  CHECK(d.recommendations[0].addressee == "States");
  CHECK(d.recommendations[0].text == "States should: (a) ratify; (b) report.");
}

TEST_CASE("dossier run reads the resolutions with the akn reader") {
  const auto out = test::fresh_dir("akn-run");
  const auto result = test::dossier("run " + test::quote((data_dir() / "*.xml").string()) +
                                    " --export json --out " + test::quote(out.string()));
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  const auto corpus = nlohmann::json::parse(test::read_file(out / "corpus.json"));
  std::vector<std::string> ids;
  for (const auto& doc : corpus["documents"]) {
    CHECK(doc["reader"] == "akn");
    ids.push_back(doc["id"]);
  }
  CHECK(ids == std::vector<std::string>{"A/RES/75/226", "A/RES/76/172", "A/RES/76/266", "A/RES/78/180"});

  // An annex's paragraph is reached as people cite it, and as Dossier addresses it.
  const std::string file = test::quote((data_dir() / "A_RES_76_266-2208884E.xml").string());
  // In the UN's words in each language too ("annexe, par.", "附件，第12段"), as briefs print them.
  for (const char* cited : {"A/RES/76/266, annex, para. 12", "A/RES/76/266 annex \xC2\xB6" "12", "A/RES/76/266 Annex paras 12-12",
                            "A/RES/76/266, annexe, par. 12", "A/RES/76/266, anexo, p\xC3\xA1rr. 12",
                            "A/RES/76/266\xEF\xBC\x8C\xE9\x99\x84\xE4\xBB\xB6\xEF\xBC\x8C\xE7\xAC\xAC" "12\xE6\xAE\xB5"}) {
    const auto shown = test::dossier("show " + test::quote(cited) + " " + file);
    INFO(cited << "\n" << shown.output);
    CHECK(shown.exit_code == 0);
    CHECK(shown.output.find("annex\xC2\xB6") == std::string::npos);
    CHECK(shown.output.find("in annex  Progress Declaration") != std::string::npos);
  }
  const auto english = test::dossier("-q show " + test::quote("A/RES/76/266 annex \xC2\xB6" "12") + " " + file);
  CHECK_THAT(english.output, Catch::StartsWith("A/RES/76/266, annex, para. 12\n"));
  const auto french_words = test::dossier("-q show " + test::quote("A/RES/76/266, annexe, par. 12") + " " + file);
  CHECK_THAT(french_words.output, Catch::StartsWith("A/RES/76/266, annexe, par. 12\n"));
  // The body has no ¶12; the error says where that number is, as people cite it.
  const auto missing = test::dossier("show " + test::quote("A/RES/76/266 \xC2\xB6" "12") + " " + file);
  CHECK(missing.exit_code != 0);
  CHECK(missing.output.find("did you mean 'A/RES/76/266, annex, para. 12'") != std::string::npos);

  // A/RES/76/172 is one document read in three languages; each version is cited alike.
  for (const auto& doc : corpus["documents"])
    if (doc["id"] == "A/RES/76/172") CHECK(doc["versions"].size() == 2);
  const std::string dir = test::quote((data_dir() / "*.xml").string());
  const auto french = test::dossier("show " + test::quote("A/RES/76/172 \xC2\xB6" "22") + " " + dir + " --lang fr");
  INFO(french.output);
  CHECK(french.exit_code == 0);
  CHECK(french.output.find("Prie le Secr\xC3\xA9taire g\xC3\xA9n\xC3\xA9ral de lui pr\xC3\xA9senter") != std::string::npos);
  CHECK(french.output.find("recommendation (operative paragraph, \"Prie\", to Secretary-General)") != std::string::npos);
  CHECK(french.output.find("language: fr (also in en, zh; choose with --lang)") != std::string::npos);
  // Cited in French words, the French version is shown without --lang.
  const auto cited_in_french = test::dossier("-q show " + test::quote("A/RES/76/172, par. 22") + " " + dir);
  CHECK_THAT(cited_in_french.output, Catch::StartsWith("A/RES/76/172, par. 22\n"));
  CHECK(cited_in_french.output.find("Prie le Secr\xC3\xA9taire g\xC3\xA9n\xC3\xA9ral") != std::string::npos);
  const auto german = test::dossier("show " + test::quote("A/RES/76/172 \xC2\xB6" "22") + " " + dir + " --lang de");
  CHECK(german.exit_code != 0);
  CHECK(german.output.find("A/RES/76/172 is not in the sources in 'de' (languages: en, zh, fr)") != std::string::npos);
}

TEST_CASE("A/RES/76/266: the declaration in the annex, 77 paragraphs addressed within it") {
  // xmllint --xpath "count(//*[local-name()='attachment']//*[local-name()='paragraph'][*[local-name()='num']])"
  const Document d = read_file("A_RES_76_266-2208884E.xml");
  CHECK(d.id == "A/RES/76/266");
  const auto paragraphs = of_kind(d, BlockKind::numbered_paragraph);
  REQUIRE(paragraphs.size() == 77);
  CHECK(paragraphs.front()->address == "A/RES/76/266 annex \xC2\xB6" "1");
  CHECK(paragraphs.back()->address == "A/RES/76/266 annex \xC2\xB6" "77");
  CHECK(paragraphs.back()->number == "77");
  const auto annex = std::find_if(d.sections.begin(), d.sections.end(), [](const Section& s) { return s.kind == "annex"; });
  REQUIRE(annex != d.sections.end());
  CHECK(annex->label == "annex");
  CHECK(annex->title == "Progress Declaration of the International Migration Review Forum");
  CHECK(paragraphs.front()->section >= 0);
  CHECK(d.sections[static_cast<std::size_t>(paragraphs.front()->section)].kind == "annex");
  // Its notes are read and anchored in the annex; nothing is reported as left unread.
  CHECK(std::count_if(d.footnotes.begin(), d.footnotes.end(), [](const Footnote& f) {
          return !f.anchors.empty() && f.anchors[0].find(" annex ") != std::string::npos;
        }) == 7);
  for (const auto& g : d.diagnostics) CHECK(g.message.find("not read") == std::string::npos);
}

TEST_CASE("akn reader: components of a collection are parts, cited by their letter") {
  const std::string xml = std::string("<?xml version=\"1.0\"?><akomaNtoso xmlns=\"") + akn_ns +
                          "\"><documentCollection name=\"publication\"><meta/>"
                          "<preface><p><docNumber refersTo=\"#symbol\">A/RES/9/1 A-B</docNumber></p></preface>"
                          "<collectionBody><component eId=\"d0\"><documentRef href=\"#comp_0\" showAs=\"Resolution A\"/>"
                          "</component><component eId=\"d1\"><documentRef href=\"comp_1\" showAs=\"Resolution B\"/>"
                          "</component></collectionBody></documentCollection>"
                          "<components><component eId=\"comp_0\"><statement name=\"resolution\"><preface><p><docTitle>"
                          "First</docTitle></p></preface><mainBody><paragraph><num>1.</num><content><p>One A.</p>"
                          "</content></paragraph></mainBody></statement></component>"
                          "<component eId=\"comp_1\"><statement name=\"resolution\"><mainBody><paragraph><num>1.</num>"
                          "<content><p>One B.</p></content></paragraph></mainBody></statement></component></components>"
                          "</akomaNtoso>";
  const Document d = read(source_of("c.xml", xml));
  const auto paragraphs = of_kind(d, BlockKind::numbered_paragraph);
  REQUIRE(paragraphs.size() == 2);
  CHECK(paragraphs[0]->address == "A/RES/9/1 A-B A \xC2\xB6" "1");
  CHECK(paragraphs[1]->address == "A/RES/9/1 A-B B \xC2\xB6" "1");
  REQUIRE(d.sections.size() == 2);
  CHECK(d.sections[0].kind == "component");
  CHECK(d.sections[0].title == "First");
  for (const auto& g : d.diagnostics) CHECK(g.message.find("not read") == std::string::npos);
}

TEST_CASE("akn reader: paragraphs numbered afresh under each heading carry that heading in their address") {
  const std::string body =
      "<paragraph><subheading>I</subheading></paragraph>"
      "<paragraph><num>1.</num><content><p>Takes note.</p></content></paragraph>"
      "<paragraph><num>2.</num><content><p>Decides.</p></content></paragraph>"
      "<paragraph><content><p>Article 2</p></content></paragraph>"
      "<paragraph><num>1.</num><content><p>Again one.</p></content></paragraph>"
      "<paragraph><num>1.</num><content><p>One once more, no heading between.</p></content></paragraph>";
  const Document d = read(source_of("r.xml", resolution(body)));
  std::vector<std::string> addresses;
  for (const Block* b : of_kind(d, BlockKind::numbered_paragraph)) addresses.push_back(b->address);
  CHECK(addresses == std::vector<std::string>{"r section I \xC2\xB6" "1", "r section I \xC2\xB6" "2",
                                              "r article 2 \xC2\xB6" "1", "r part 2 \xC2\xB6" "1"});
  for (const auto& g : d.diagnostics) CHECK(g.message.find("given twice") == std::string::npos);

  // A document whose numbers do not repeat keeps plain addresses whatever its headings.
  const Document plain = read(source_of("p.xml", resolution("<paragraph><subheading>I</subheading></paragraph>"
                                                            "<paragraph><num>1.</num><content><p>One.</p></content>"
                                                            "</paragraph>")));
  CHECK(of_kind(plain, BlockKind::numbered_paragraph).at(0)->address == "p \xC2\xB6" "1");
}

TEST_CASE("A/RES/76/172: the 23 operative paragraphs are recommendations with their verb and addressee") {
  const Document d = read_file("A_RES_76_172-2119207E.xml");
  REQUIRE(d.recommendations.size() == 23);  // every numbered paragraph opens with an italic verb
  for (const Recommendation& r : d.recommendations) {
    CHECK(r.kind == "operative_paragraph");
    CHECK(!r.verb.empty());
    CHECK(r.address.find("\xC2\xB6") != std::string::npos);  // the preamble ("Recalling") is not operative
  }
  const auto rec = [&](const std::string& number) {
    const std::string address = paragraph_address(d.id, number);
    const auto it = std::find_if(d.recommendations.begin(), d.recommendations.end(),
                                 [&](const Recommendation& r) { return r.address == address; });
    REQUIRE(it != d.recommendations.end());
    return *it;
  };
  CHECK(rec("1").verb == "Calls upon");
  CHECK(rec("1").addressee == "States");
  CHECK(rec("3").addressee == "Member States");
  CHECK(rec("22").verb == "Requests");
  CHECK(rec("22").addressee == "Secretary-General");
  CHECK(rec("19").addressee == "Special Rapporteur on the human rights of migrants");
  CHECK(rec("23").verb == "Decides");
  CHECK(rec("23").addressee.empty());  // "Decides to remain seized": nobody is asked
  // ¶4 opens its list's intro; its points are part of what it says.
  CHECK(rec("4").verb == "Reaffirms");
  CHECK(rec("4").text.find("(a) Strongly condemns acts") != std::string::npos);
}

TEST_CASE("A/RES/76/266: the resolution's one operative paragraph, not the declaration it endorses") {
  const Document d = read_file("A_RES_76_266-2208884E.xml");
  REQUIRE(d.recommendations.size() == 1);
  CHECK(d.recommendations[0].verb == "Endorses");
}

TEST_CASE("akn reader: numbers as the UN's Arabic files print them, in num or in the text, address alike") {
  const std::string body =
      "<paragraph eId=\"p1\"><num>1 -</num><content><p>\t<span class=\"italic\">Decides</span> one;</p></content></paragraph>\n"
      "<paragraph eId=\"p2\"><num>\t\xE2\x80\x99" "2\xE2\x80\x98</num><content><p>Two;</p></content></paragraph>\n"
      "<paragraph eId=\"p3\"><content><p>\t3 -\t<span class=\"italic\">Requests</span> the Secretary-General to "
      "report;</p></content></paragraph>\n"
      "<paragraph eId=\"p4\"><content><p>8 - 11 November 2010 is a date, not paragraph 8.</p></content></paragraph>\n";
  const Document d = read(source_of("memory.xml", resolution(body)));
  const auto numbered = of_kind(d, BlockKind::numbered_paragraph);
  REQUIRE(numbered.size() == 3);
  CHECK(numbered[0]->address == paragraph_address(d.id, "1"));
  CHECK(numbered[1]->address == paragraph_address(d.id, "2"));
  CHECK(numbered[2]->address == paragraph_address(d.id, "3"));
  CHECK(numbered[2]->text == "Requests the Secretary-General to report;");  // the number is not text
  REQUIRE(d.recommendations.size() == 2);
  CHECK(d.recommendations[1].verb == "Requests");
  CHECK(d.recommendations[1].addressee == "Secretary-General");
  CHECK(of_kind(d, BlockKind::text).back()->text.rfind("8 - 11 November 2010", 0) == 0);
}

TEST_CASE("akn reader: an annex's sections are labelled in English in every language") {
  const std::string annex =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"" + std::string(akn_ns) +
      "\"><statement name=\"resolution\"><mainBody><paragraph eId=\"p1\"><num>1.</num><content><p>"
      "<span class=\"italic\">Aprueba</span> el anexo;</p></content></paragraph></mainBody>"
      "<attachments><attachment><doc name=\"annex\"><mainBody>"
      "<paragraph eId=\"a0\"><content><p><span>Anexo</span></p></content></paragraph>"
      "<paragraph eId=\"h1\"><subheading>Secci\xC3\xB3n I</subheading></paragraph>"
      "<paragraph eId=\"a1\"><num>1.</num><content><p>Uno.</p></content></paragraph>"
      "<paragraph eId=\"h2\"><subheading>Secci\xC3\xB3n II</subheading></paragraph>"
      "<paragraph eId=\"a2\"><num>1.</num><content><p>Otro uno.</p></content></paragraph>"
      "</mainBody></doc></attachment></attachments></statement></akomaNtoso>\n";
  const Document d = read(source_of("memory.xml", annex));
  const auto numbered = of_kind(d, BlockKind::numbered_paragraph);
  REQUIRE(numbered.size() == 3);
  CHECK(numbered[1]->address == d.id + " annex section I \xC2\xB6" "1");
  CHECK(numbered[2]->address == d.id + " annex section II \xC2\xB6" "1");
}
