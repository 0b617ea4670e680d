// The layout reader, loaded as a plugin, on pdftotext -layout text of two UN documents and
// of a synthetic UPR report built by the test (synthetic_upr.hpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>

#include "dossier/model.hpp"
#include "dossier/context.hpp"
#include "dossier/domain/citation.hpp"
#include "dossier/sink.hpp"
#include "plugin_registry.hpp"
#include "support.hpp"
#include "synthetic_upr.hpp"

using namespace dossier;
using namespace dossier::host;
namespace upr = test::upr;
namespace fs = std::filesystem;

namespace {
const fs::path upr_dir() { return test::source_dir() / "tests" / "data" / "upr-slovenia-2019"; }

Document read_layout(const std::string& file) { return test::read_with("layout", upr_dir() / file); }

std::string collapse(const std::string& text) { return std::regex_replace(text, std::regex(R"(\s+)"), " "); }

// rec_id -> recommendation text, from the development set's CSV (quoted fields, commas inside).
std::map<std::string, std::string> labelled_recommendations() {
  std::map<std::string, std::string> out;
  std::ifstream in(upr_dir() / "A_HRC_43_15_recommendations_sdg_labels.csv");
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const auto comma = line.find(',');
    std::string rest = line.substr(comma + 1), text;
    if (!rest.empty() && rest[0] == '"') {
      std::size_t i = 1;
      for (; i < rest.size(); ++i) {
        if (rest[i] == '"' && i + 1 < rest.size() && rest[i + 1] == '"') text += '"', ++i;
        else if (rest[i] == '"') break;
        else text += rest[i];
      }
    } else {
      text = rest.substr(0, rest.find(','));
    }
    out[line.substr(0, comma)] = collapse(text);
  }
  return out;
}
}  // namespace

TEST_CASE("the layout reader claims layout text and leaves converted text to the text reader") {
  auto layout = test::builtin_plugins().find("layout")->make_reader();
  auto text = test::builtin_plugins().find("text")->make_reader();
  const Source upr = test::source_of(upr_dir() / "A_HRC_43_15_UPR_WG_report_Slovenia.txt");
  CHECK(layout->sniff(upr) > text->sniff(upr));
  for (const auto& entry : fs::directory_iterator(test::corpus_dir())) {
    INFO(entry.path());
    CHECK(layout->sniff(test::source_of(entry.path())) == 0);
  }
}

TEST_CASE("A/HRC/43/15: identity, paragraphs in order, no page furniture in the text") {
  const Document d = read_layout("A_HRC_43_15_UPR_WG_report_Slovenia.txt");
  CHECK(d.id == "A/HRC/43/15");
  CHECK(d.title == "Report of the Working Group on the Universal Periodic Review: Slovenia");
  CHECK(d.date == "2019-12-19");
  std::vector<int> main;
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::numbered_paragraph && b.number.find('.') == std::string::npos)
      main.push_back(std::stoi(b.number));
  REQUIRE_FALSE(main.empty());
  for (std::size_t i = 0; i < main.size(); ++i) CHECK(main[i] == static_cast<int>(i) + 1);
  CHECK(main.back() >= 121);
  for (const auto& b : d.blocks) {
    CHECK(b.text.find("GE.19-21936") == std::string::npos);
    CHECK(b.text != "A/HRC/43/15");
  }
  REQUIRE(d.footnotes.size() == 1);
  CHECK(d.footnotes[0].label == "*");
  CHECK(d.footnotes[0].anchors.size() == 1);
}

TEST_CASE("A/HRC/43/15: its 215 recommendations, whole across lines and pages, with their States") {
  const Document d = read_layout("A_HRC_43_15_UPR_WG_report_Slovenia.txt");
  const auto expected = labelled_recommendations();
  REQUIRE(expected.size() == 215);
  REQUIRE(d.recommendations.size() == 215);
  std::size_t same = 0;
  for (const auto& r : d.recommendations) {
    CHECK(r.addressee == "Slovenia");
    CHECK_FALSE(r.recommended_by.empty());
    Citation c;
    REQUIRE(parse_citation(r.address, c));
    CHECK(c.document == "A/HRC/43/15");
    const auto it = expected.find(c.first);
    if (it != expected.end() && it->second == collapse(r.text)) ++same;
    else INFO(r.address << ": " << r.text);
  }
  CHECK(same == 215);
  const auto& first = d.recommendations.front();
  CHECK(first.address == "A/HRC/43/15 \xC2\xB6" "121.1");
  CHECK(first.recommended_by == std::vector<std::string>{"France", "Lithuania"});
  CHECK(d.recommendations[1].recommended_by == std::vector<std::string>{"Ukraine", "Slovakia"});
  CHECK(d.recommendations[2].recommended_by ==
        std::vector<std::string>{"United Kingdom of Great Britain and Northern Ireland"});
  CHECK(d.recommendations.back().address == "A/HRC/43/15 \xC2\xB6" "122.157");
}

TEST_CASE("A/HRC/WG.6/34/SVN/2: 144 endnotes resolved from flattened trailing digits") {
  const Document d = read_layout("A_HRC_WG6_34_SVN_2_OHCHR_compilation.txt");
  CHECK(d.id == "A/HRC/WG.6/34/SVN/2");
  REQUIRE(d.footnotes.size() == 144);
  for (std::size_t i = 0; i < d.footnotes.size(); ++i) {
    INFO("note " << i + 1);
    CHECK(d.footnotes[i].label == std::to_string(i + 1));
    CHECK(d.footnotes[i].anchors.size() == 1);
  }
  CHECK(d.footnotes[2].anchors[0] == "A/HRC/WG.6/34/SVN/2 \xC2\xB6" "2");  // "Disappearance, 3"
  CHECK(d.footnotes[5].anchors[0] == "A/HRC/WG.6/34/SVN/2 \xC2\xB6" "2");  // "(ILO).6"
  CHECK(d.footnotes[143].anchors[0] == "A/HRC/WG.6/34/SVN/2 \xC2\xB6" "78");
  // Markers are gone from the text, numbers that belong to it stay.
  const auto p2 = std::find_if(d.blocks.begin(), d.blocks.end(), [](const Block& b) { return b.number == "2"; });
  REQUIRE(p2 != d.blocks.end());
  CHECK_THAT(p2->text, Catch::Contains("Enforced Disappearance, the Optional Protocol"));
  CHECK_THAT(p2->text, Catch::Contains("Convention, 1962 (No. 118) of the International Labour Organization (ILO)."));
  CHECK_THAT(p2->text, Catch::EndsWith("(ILO)."));
  const bool heading = std::any_of(d.sections.begin(), d.sections.end(), [](const Section& s) {
    return s.label == "II" && s.title == "Scope of international obligations and cooperation with international human "
                                        "rights mechanisms and bodies";
  });
  CHECK(heading);
}

namespace {

Document read_layout_text(const std::string& text) { return test::read_with("layout", "synthetic-upr.txt", text); }

std::string metadata(const Document& d, const std::string& key) {
  for (const auto& m : d.metadata)
    if (m.key == key) return m.value;
  return {};
}

std::vector<const Diagnostic*> warnings(const Document& d) {
  std::vector<const Diagnostic*> out;
  for (const auto& x : d.diagnostics)
    if (x.severity != Diagnostic::Severity::info) out.push_back(&x);
  return out;
}

}  // namespace

TEST_CASE("synthetic UPR report: 40 recommendations across pages, footers on one line, a paragraph cut by a page") {
  const upr::Report report = upr::make_report();
  const std::string text = upr::layout_text(report);
  auto layout = test::builtin_plugins().find("layout", PluginKind::reader)->make_reader();
  auto plain = test::builtin_plugins().find("text", PluginKind::reader)->make_reader();
  Source source;
  source.content = text;
  CHECK(layout->sniff(source) > plain->sniff(source));

  const Document d = read_layout_text(text);
  CHECK(d.id == upr::symbol);
  CHECK(d.title == "Report of the Working Group on the Universal Periodic Review: Utopia");
  CHECK(metadata(d, "session") == "58");
  CHECK(metadata(d, "agenda_item") == "6");
  CHECK(metadata(d, "state_under_review") == "Utopia");
  CHECK(d.body == "Human Rights Council");

  REQUIRE(d.recommendations.size() == report.recommendations.size());
  REQUIRE(d.recommendations.size() == 40);
  for (std::size_t i = 0; i < d.recommendations.size(); ++i) {
    const auto& got = d.recommendations[i];
    const auto& want = report.recommendations[i];
    INFO("item " << want.item);
    CHECK(got.address == std::string(upr::symbol) + " \xC2\xB6" "12." + std::to_string(want.item));
    CHECK(got.text == want.text);
    CHECK(got.recommended_by == want.states);
    CHECK(got.position == "pending");
    CHECK(got.addressee == "Utopia");
    CHECK(got.kind == "recommendation");
  }

  std::vector<std::string> paragraphs;
  for (const auto& b : d.blocks) {
    INFO(b.address << ": " << b.text);
    CHECK(b.text.find(upr::job) == std::string::npos);
    CHECK(b.text.find(upr::symbol) == std::string::npos);
    if (b.kind == BlockKind::numbered_paragraph && b.number.find('.') == std::string::npos)
      paragraphs.push_back(b.number);
  }
  CHECK(paragraphs == std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"});
  const auto fifth = std::find_if(d.blocks.begin(), d.blocks.end(), [](const Block& b) { return b.number == "5"; });
  REQUIRE(fifth != d.blocks.end());
  CHECK(fifth->text == report.cut_paragraph);

  for (const Diagnostic* w : warnings(d)) FAIL_CHECK(w->code << ": " << w->message);
}

TEST_CASE("synthetic UPR report without items 12.17 and 12.18: the list's gap is reported with what it lost") {
  const upr::Report report = upr::make_report({17, 18});
  const Document d = read_layout_text(upr::layout_text(report));
  CHECK(d.recommendations.size() == 38);
  const auto w = warnings(d);
  REQUIRE(w.size() == 1);
  CHECK(w[0]->code == "recommendations.gap");
  CHECK(w[0]->lost == 2);
  CHECK_THAT(w[0]->message, Catch::Contains("(17, 18)"));
}

TEST_CASE("a contents table in layout text is a table whose cells keep their paragraph and page numbers") {
  // Two pages so that the running head repeats; the contents lines carry dot leaders.
  const std::string text =
      "                                                              A/HRC/99/1\n\n"
      "            Contents\n"
      "                                                                Paragraphs      Page\n"
      "            I.    Summary of the proceedings ..........................      1\xE2\x80\x93" "93          3\n"
      "            II.   Conclusions and/or recommendations ..................     94\xE2\x80\x93" "96         13\n\n"
      "            1.    The Working Group held its session in Geneva and adopted this report on the\n"
      "            day it met, with every delegation present.\n"
      "\f                                                              A/HRC/99/1\n\n"
      "            2.    The troika was made of three States chosen by lot.\n"
      "            3.    The report was adopted ad referendum.\n";
  const Document d = read_layout_text(text);
  const auto table = std::find_if(d.blocks.begin(), d.blocks.end(), [](const Block& b) { return b.kind == BlockKind::table; });
  REQUIRE(table != d.blocks.end());
  REQUIRE(table->cells.size() >= 2);
  const auto& row = table->cells[table->cells.size() - 1];
  REQUIRE(row.size() == 3);
  CHECK(row[0] == "II.   Conclusions and/or recommendations");
  CHECK(row[1] == "94\xE2\x80\x93" "96");
  CHECK(row[2] == "13");
}
