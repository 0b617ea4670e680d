// The text reader, loaded as the plugin it is, on the real sample corpus.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "dossier/model.hpp"
#include "dossier/context.hpp"
#include "dossier/sink.hpp"
#include "plugin_registry.hpp"
#include "support.hpp"

using namespace dossier;
using namespace dossier::host;

namespace {
Document read_sample(const std::string& file) {
  const auto path = test::corpus_dir() / file;
  REQUIRE(test::builtin_plugins().find("text")->make_reader()->sniff(test::source_of(path)) > 0);
  return test::read_with("text", path);
}

std::vector<int> numbers(const Document& d) {
  std::vector<int> out;
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::numbered_paragraph) out.push_back(std::stoi(b.number));
  return out;
}

const Block* paragraph(const Document& d, const std::string& number) {
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::numbered_paragraph && b.number == number) return &b;
  return nullptr;
}
}  // namespace

TEST_CASE("A/68/283 (001): numbered paragraphs 1 to 143 in order with addresses") {
  const Document d = read_sample("001_88e8c2357c784c71.txt");
  std::vector<int> expected(143);
  for (int i = 0; i < 143; ++i) expected[static_cast<std::size_t>(i)] = i + 1;
  CHECK(numbers(d) == expected);
  const Block* p135 = paragraph(d, "135");
  REQUIRE(p135);
  CHECK(p135->text.rfind("States should define more concrete outcomes of the GFMD summit meetings", 0) == 0);
  CHECK(p135->address == d.id + " \xC2\xB6" "135");
  CHECK(d.date == "2013-08-05");
}

TEST_CASE("A/68/283 (001): recommendations 127 to 143 with their addressees") {
  const Document d = read_sample("001_88e8c2357c784c71.txt");
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& r : d.recommendations) got.emplace_back(r.address, r.addressee);
  std::vector<std::pair<std::string, std::string>> expected;
  for (int n = 127; n <= 143; ++n)
    expected.emplace_back(paragraph_address(d.id, std::to_string(n)),
                          n <= 139 ? "States" : n <= 141 ? "Human Rights Council" : "Secretary-General");
  CHECK(got == expected);
}

TEST_CASE("A/68/283 (001): superscript footnotes 1 to 18 are resolved to their paragraphs") {
  const Document d = read_sample("001_88e8c2357c784c71.txt");
  REQUIRE(d.footnotes.size() == 18);
  for (std::size_t i = 0; i < d.footnotes.size(); ++i) {
    INFO("footnote " << d.footnotes[i].label);
    CHECK(d.footnotes[i].label == std::to_string(i + 1));
    CHECK(d.footnotes[i].anchors.size() == 1);
  }
  CHECK(d.footnotes[0].text.rfind("Alexander Betts (2011)", 0) == 0);
  CHECK(d.footnotes[0].anchors[0] == paragraph_address(d.id, "10"));
  // The marker is gone from the text; the text runs on across the footnote.
  const Block* p10 = paragraph(d, "10");
  REQUIRE(p10);
  CHECK(p10->text.find("\xC2\xB9") == std::string::npos);
  const Block* p16 = paragraph(d, "16");
  REQUIRE(p16);
  CHECK_THAT(p16->text, Catch::EndsWith("and iii) to create a Global Commission."));
}

TEST_CASE("the 2010 proceedings (002): seven outcome lists with 8, 10, 8, 6, 5, 3 and 5 items") {
  const Document d = read_sample("002_77a4883765ce66a6.txt");
  std::map<std::string, int> per_session;
  std::vector<std::string> order;
  for (const auto& r : d.recommendations) {
    const auto& block = *std::find_if(d.blocks.begin(), d.blocks.end(),
                                      [&](const Block& b) { return b.address == r.address; });
    const std::string path = d.section_path(block.section);
    if (!per_session.count(path)) order.push_back(path);
    ++per_session[path];
  }
  std::vector<int> counts;
  for (const auto& path : order) counts.push_back(per_session[path]);
  CHECK(counts == std::vector<int>{8, 10, 8, 6, 5, 3, 5});
  CHECK(order.front() == "6.1.RT Session 1.1");
  // Items interrupted by footnotes or page breaks are whole sentences.
  for (const auto& r : d.recommendations) {
    INFO(r.address << ": " << r.text);
    CHECK(std::string(".;:?!)\"").find(r.text.back()) != std::string::npos);
  }
  CHECK(numbers(d).empty());  // the numbered lines of 002 are list items, not paragraphs
}

TEST_CASE("the Thematic Recollection (003): 21 focus areas in six clusters with their options") {
  const Document d = read_sample("003_47dc10d97ca243f0.txt");
  int focus_areas = 0;
  std::set<int> clusters;
  for (std::size_t i = 0; i < d.sections.size(); ++i) {
    const Section& s = d.sections[i];
    if (s.label.empty() || s.label[0] != '(' || s.parent < 0) continue;
    const Section& cluster = d.sections[static_cast<std::size_t>(s.parent)];
    if (cluster.parent < 0 || d.sections[static_cast<std::size_t>(cluster.parent)].label != "II") continue;
    ++focus_areas;
    clusters.insert(std::stoi(cluster.label));
    std::set<std::string> kinds;
    for (const auto& r : d.recommendations) {
      const auto& block = *std::find_if(d.blocks.begin(), d.blocks.end(),
                                        [&](const Block& b) { return b.address == r.address; });
      if (block.section == static_cast<int>(i)) kinds.insert(r.kind);
    }
    INFO(d.section_path(static_cast<int>(i)) << " " << s.title);
    CHECK(kinds == std::set<std::string>{"policy_option", "practical_action"});
  }
  CHECK(focus_areas == 21);
  CHECK(clusters == std::set<int>{1, 2, 3, 4, 5, 6});
  const bool found = std::any_of(d.recommendations.begin(), d.recommendations.end(), [](const Recommendation& r) {
    return r.kind == "practical_action" &&
           r.text.rfind("Reduce worker-paid recruitment fees and related costs, in line with SDG indicator 10.7.1.", 0) == 0;
  });
  CHECK(found);
}

TEST_CASE("the Thematic Recollection (003): explicit SDG references and none from noise") {
  const Document d = read_sample("003_47dc10d97ca243f0.txt");
  std::set<std::string> ids;
  for (const auto& r : d.references)
    if (r.type.rfind("sdg_", 0) == 0) ids.insert(r.type + ":" + r.id);
  for (const char* expected : {"sdg_indicator:10.7.1", "sdg_target:8.7", "sdg_target:16.9", "sdg_target:10.7",
                               "sdg_target:10.c", "sdg_target:17.14"}) {
    INFO(expected);
    CHECK(ids.count(expected) == 1);
  }
  for (const auto& id : ids) {
    INFO(id);
    CHECK(id.find(":18") == std::string::npos);  // there is no SDG 18
  }
  // The reference to 10.7.1 sits on the recommendation that names it.
  const auto it = std::find_if(d.references.begin(), d.references.end(),
                               [](const Reference& r) { return r.id == "10.7.1"; });
  REQUIRE(it != d.references.end());
  const bool on_recommendation = std::any_of(d.recommendations.begin(), d.recommendations.end(),
                                             [&](const Recommendation& r) { return r.address == it->address; });
  CHECK(on_recommendation);
}

TEST_CASE("the Thematic Recollection (003): SDG icon noise is not text") {
  const Document d = read_sample("003_47dc10d97ca243f0.txt");
  for (const auto& b : d.blocks) CHECK(b.text.find("POVERTY IN THE PRINCES") == std::string::npos);
  for (const auto& s : d.sections) CHECK(s.title.find("POVERTY IN THE PRINCES") == std::string::npos);
}

TEST_CASE("the single page (000): the tail of 49 and paragraphs 50 to 54 of A/68/283, without furniture") {
  const Document d = read_sample("000_361761b2e85cd3df.txt");
  CHECK(d.id == "A/68/283");
  CHECK(numbers(d) == std::vector<int>{49, 50, 51, 52, 53, 54});
  REQUIRE(paragraph(d, "50"));
  CHECK(paragraph(d, "50")->text.rfind("The Global Forum on Migration and Development has tended to focus", 0) == 0);
  for (const auto& b : d.blocks) {
    CHECK(b.text.find("Select target paragraph") == std::string::npos);
    CHECK(b.text.find("13-42115") == std::string::npos);
    CHECK(b.text.find("10/26") == std::string::npos);
  }
  REQUIRE(d.footnotes.size() == 2);
  CHECK(d.footnotes[0].label == "5");
  CHECK(d.footnotes[1].anchors == std::vector<std::string>{paragraph_address("A/68/283", "53")});
  CHECK(std::find(d.furniture.begin(), d.furniture.end(), "13-42115") != d.furniture.end());
}

TEST_CASE("the GCM dialogue (004): paragraphs 1 to 26 and its political and practical recommendations") {
  const Document d = read_sample("004_4233e7d77e7d0f2d.txt");
  CHECK(numbers(d).size() == 26);
  CHECK(numbers(d).back() == 26);
  auto count = [&](const char* kind) {
    return std::count_if(d.recommendations.begin(), d.recommendations.end(),
                         [&](const Recommendation& r) { return r.kind == kind; });
  };
  CHECK(count("political_recommendation") == 11);
  CHECK(count("practical_recommendation") == 12);
}

TEST_CASE("a numbered heading such as '1. ACKNOWLEDGEMENTS' is a section and not paragraph 1 (002)") {
  const Document d = read_sample("002_77a4883765ce66a6.txt");
  const bool found = std::any_of(d.sections.begin(), d.sections.end(),
                                 [](const Section& s) { return s.title == "ACKNOWLEDGEMENTS"; });
  CHECK(found);
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::numbered_paragraph) CHECK(b.text.rfind("ACKNOWLEDGEMENTS", 0) != 0);
}

TEST_CASE("every block of every sample document has a unique address") {
  for (const char* file : {"000_361761b2e85cd3df.txt", "001_88e8c2357c784c71.txt", "002_77a4883765ce66a6.txt",
                           "003_47dc10d97ca243f0.txt", "004_4233e7d77e7d0f2d.txt"}) {
    const Document d = read_sample(file);
    CHECK_FALSE(d.blocks.empty());
    std::vector<std::string> addresses;
    for (const auto& b : d.blocks) addresses.push_back(b.address);
    std::sort(addresses.begin(), addresses.end());
    INFO(file);
    CHECK(std::adjacent_find(addresses.begin(), addresses.end()) == addresses.end());
  }
}

TEST_CASE("the text reader declines binary content") {
  PluginRegistry r;
  r.discover({test::plugin_dir()});
  auto reader = r.find("text")->make_reader();
  Source binary;
  binary.content = std::string("%PDF-1.7\0\1\2", 11);
  CHECK(reader->sniff(binary) == 0);
  Source empty;
  CHECK(reader->sniff(empty) == 0);
}

namespace {
// tests/data/resolutions: A/RES/76/172 as plain text, made from the UN's Akoma Ntoso files
// by akn_to_text.py there; the verbs expected are those the XML sets in italics.
Document read_resolution(const std::string& file) {
  return test::read_with("text", test::source_dir() / "tests" / "data" / "resolutions" / file);
}

std::vector<std::string> verbs(const Document& d) {
  std::vector<std::string> out;
  for (const auto& r : d.recommendations) out.push_back(r.verb);
  return out;
}
}  // namespace

TEST_CASE("a resolution in plain text: its operative paragraphs are recommendations, verb and addressee kept") {
  const Document d = read_resolution("A_RES_76_172.txt");
  REQUIRE(d.recommendations.size() == 23);
  const std::vector<std::string> italic = {
      "Calls upon", "Expresses its concern", "Calls upon", "Reaffirms", "Also reaffirms", "Emphasizes", "Encourages",
      "Urges", "Encourages", "Encourages", "Stresses", "Reaffirms", "Invites", "Reaffirms", "Encourages",
      "Recognizes", "Invites", "Invites", "Invites", "Takes note", "Also takes note", "Requests", "Decides"};
  CHECK(verbs(d) == italic);
  for (const auto& r : d.recommendations) CHECK(r.kind == "operative_paragraph");
  CHECK(d.recommendations[0].addressee == "States");
  CHECK(d.recommendations[21].addressee == "Secretary-General");
  CHECK(d.recommendations[22].addressee.empty());
  // ¶4's points are part of it, and the preamble ("Recalling ...") is not operative.
  CHECK(d.recommendations[3].text.find("(a) Strongly condemns") != std::string::npos);
}

TEST_CASE("a resolution in French plain text: the French operative verbs and their addressees") {
  const Document d = read_resolution("A_RES_76_172_fr.txt");
  CHECK(d.language == "fr");
  REQUIRE(d.recommendations.size() == 23);
  CHECK(d.recommendations[0].verb == "Demande");
  CHECK(d.recommendations[0].addressee == "States");
  CHECK(d.recommendations[1].verb == "S\xE2\x80\x99inqui\xC3\xA8te");
  CHECK(d.recommendations[21].verb == "Prie");
  CHECK(d.recommendations[21].addressee == "Secretary-General");
}

TEST_CASE("documents that are not resolutions get no operative paragraphs") {
  // A report whose paragraphs state facts; GFMD outcomes whose lists are recommendations already.
  std::size_t read = 0, recommendations = 0;
  for (const auto& entry : test::fs::directory_iterator(test::corpus_dir())) {
    if (entry.path().extension() != ".txt") continue;
    const Document d = read_sample(entry.path().filename().string());
    ++read;
    recommendations += d.recommendations.size();
    for (const auto& r : d.recommendations) CHECK(r.kind != "operative_paragraph");
  }
  CHECK(read == 5);
  CHECK(recommendations > 200);
}

TEST_CASE("GFMD documents: every recommendation has an addressee, named, introduced or inferred with its evidence") {
  std::size_t total = 0, addressed = 0, inferred_notes = 0;
  for (const char* file : {"002_77a4883765ce66a6.txt", "003_47dc10d97ca243f0.txt", "004_4233e7d77e7d0f2d.txt"}) {
    const Document d = read_sample(file);
    for (const auto& r : d.recommendations) {
      ++total;
      addressed += !r.addressee.empty();
    }
    for (const auto& g : d.diagnostics) inferred_notes += g.code == "recommendations.addressee_inferred";
  }
  CHECK(total > 200);
  CHECK(addressed * 10 >= total * 8);  // the bar: 80%
  CHECK(inferred_notes == 3);
  // Named in the text, or by the list's introduction, before any inference.
  const Document d = read_sample("002_77a4883765ce66a6.txt");
  const auto addressee_of = [&](const std::string& start) {
    for (const auto& r : d.recommendations)
      if (r.text.rfind(start, 0) == 0) return r.addressee;
    return std::string("(none)");
  };
  CHECK(addressee_of("The GFMD can help adjustment") == "GFMD");
  CHECK(addressee_of("Policy makers should take the family") == "Policy makers");
  CHECK(addressee_of("Develop and assess indicators") == "Governments");  // "Interested governments ... should:"
}

TEST_CASE("a resolution in plain text is identified by the symbol its cover prints, so its versions join") {
  const Document en = read_resolution("A_RES_76_172.txt");
  const Document fr = read_resolution("A_RES_76_172_fr.txt");
  CHECK(en.symbol == "A/RES/76/172");  // "United Nations A/RES/76/172"
  CHECK(fr.symbol == "A/RES/76/172");
  CHECK(en.id == "A/RES/76/172");
}

TEST_CASE("a resolution's annex in plain text is addressed within it, as the akn reader addresses it") {
  // A/RES/76/266: one unnumbered operative paragraph, then the Progress Declaration, 77
  // paragraphs numbered afresh in the annex (tests/data/resolutions, from the UN's XML).
  const Document d = read_resolution("A_RES_76_266.txt");
  CHECK(d.id == "A/RES/76/266");
  std::vector<std::string> addresses;
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::numbered_paragraph) addresses.push_back(b.address);
  REQUIRE(addresses.size() == 77);
  CHECK(addresses.front() == "A/RES/76/266 annex \xC2\xB6" "1");
  CHECK(addresses.back() == "A/RES/76/266 annex \xC2\xB6" "77");
  // "We commit to ..." in a declaration is no operative paragraph.
  for (const auto& r : d.recommendations) CHECK(r.kind != "operative_paragraph");
  bool noted = false;
  for (const auto& g : d.diagnostics) noted = noted || g.code == "numbering.annex";
  CHECK(noted);
}
