// A reader's checks of its own result (plugins/readers/common/checks.hpp).
#include <catch2/catch.hpp>

#include "checks.hpp"

#include <algorithm>
#include <string>
#include <vector>

using namespace dossier;
using namespace dossier::readers;

namespace {

Block block(BlockKind kind, const std::string& address, const std::string& text, const std::string& number = "") {
  Block b;
  b.kind = kind;
  b.address = address;
  b.text = text;
  b.number = number;
  return b;
}

std::vector<std::string> codes(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& d : doc.diagnostics) out.push_back(d.code);
  return out;
}

const Diagnostic& only(const Document& doc, const std::string& code) {
  const std::vector<std::string> all = codes(doc);
  REQUIRE(std::count(all.begin(), all.end(), code) == 1);
  return *std::find_if(doc.diagnostics.begin(), doc.diagnostics.end(),
                       [&](const Diagnostic& d) { return d.code == code; });
}

RecommendationList list_of(std::vector<int> numbers, std::size_t read) {
  RecommendationList l;
  l.introduced_by = "A/HRC/58/12 \xC2\xB6" "12";
  l.span = {100, 180};
  l.numbers = std::move(numbers);
  l.read = read;
  return l;
}

// Words enough for a page of text.
std::string words(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? " word" : "Word";
  return out + ".";
}

}  // namespace

TEST_CASE("a list of recommendations that skips numbers has lost them") {
  Document doc;
  check_recommendation_lists(doc, {list_of({1, 2, 4, 5}, 4)});
  const Diagnostic& d = only(doc, "recommendations.gap");
  CHECK(d.lost == 1);
  CHECK(d.severity == Diagnostic::Severity::warning);
  CHECK(d.span.first_line == 100);
  CHECK_THAT(d.message, Catch::Contains("(3)"));
  CHECK(doc.diagnostics.size() == 1);
}

TEST_CASE("a list numbered 1..N in order, or bulleted, raises nothing") {
  Document doc;
  check_recommendation_lists(doc, {list_of({1, 2, 3, 4, 5}, 5), list_of({0, 0, 0}, 3)});
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("a list whose numbers repeat may be two lists run together") {
  Document doc;
  check_recommendation_lists(doc, {list_of({1, 2, 3, 1, 2}, 5)});
  CHECK(codes(doc) == std::vector<std::string>{"recommendations.repeated"});
}

TEST_CASE("a list introduced but empty is missing") {
  Document doc;
  check_recommendation_lists(doc, {list_of({}, 0)});
  const Diagnostic& d = only(doc, "recommendations.missing");
  CHECK(d.lost == 0);
  CHECK_THAT(d.message, Catch::Contains("A/HRC/58/12 \xC2\xB6" "12"));
}

TEST_CASE("blocks under a recommendations heading that end like recommendations but were not read") {
  Document doc;
  doc.blocks.push_back(block(BlockKind::heading, "d #1", "II. Conclusions and/or recommendations"));
  doc.blocks.push_back(block(BlockKind::text, "d #2", "Ratify the Convention against Torture (France);"));
  doc.blocks.push_back(block(BlockKind::text, "d #3", "Adopt a comprehensive law against discrimination (Brazil);"));
  doc.blocks.push_back(block(BlockKind::text, "d #4", "Strengthen the independence of the judiciary (Germany);"));
  check_recommendations(doc);
  const Diagnostic& d = only(doc, "recommendations.unread");
  CHECK(d.lost == 3);
  CHECK_THAT(d.message, Catch::Contains("d #2"));

  // Read as recommendations, the same blocks raise nothing.
  for (std::size_t i = 1; i < doc.blocks.size(); ++i)
    doc.recommendations.push_back({doc.blocks[i].address, "recommendation", "Utopia", doc.blocks[i].text, {}, ""});
  doc.diagnostics.clear();
  check_recommendations(doc);
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("such blocks under another heading are not recommendations") {
  Document doc;
  doc.blocks.push_back(block(BlockKind::heading, "d #1", "A. Presentation by the State under review"));
  doc.blocks.push_back(block(BlockKind::text, "d #2", "Ratify the Convention against Torture (France);"));
  doc.blocks.push_back(block(BlockKind::text, "d #3", "Adopt a comprehensive law against discrimination (Brazil);"));
  check_recommendations(doc);
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("a UPR report with no recommendation is missing them") {
  Document doc;
  doc.metadata.push_back({"state_under_review", "Utopia"});
  doc.blocks.push_back(
      block(BlockKind::numbered_paragraph, "d \xC2\xB6" "1", "The Working Group held its session.", "1"));
  check_recommendations(doc);
  CHECK(only(doc, "recommendations.missing").lost == 0);

  Document other;  // not a UPR report: nothing expected
  other.blocks = doc.blocks;
  check_recommendations(other);
  CHECK(other.diagnostics.empty());
}

TEST_CASE("text after the last numbered paragraph with no heading is a note, and a warning when it holds later numbers") {
  Document doc;
  for (int n = 1; n <= 3; ++n)
    doc.blocks.push_back(
        block(BlockKind::numbered_paragraph, "d \xC2\xB6" + std::to_string(n), words(40), std::to_string(n)));
  doc.blocks.back().span = {30, 34};
  for (int k = 1; k <= 4; ++k) {
    doc.blocks.push_back(block(BlockKind::text, "d #" + std::to_string(k), words(100)));
    doc.blocks.back().span = {static_cast<std::uint32_t>(40 + 10 * k), static_cast<std::uint32_t>(45 + 10 * k)};
  }
  check_text_after_last_paragraph(doc);
  {
    // Prose only: worth a note, not a warning (a list of participants, a closing statement).
    const Diagnostic& d = only(doc, "text.after_end");
    CHECK(d.severity == Diagnostic::Severity::info);
    CHECK(d.lost == 0);
    CHECK(d.span.first_line == 50);
    CHECK(d.span.last_line == 85);
    CHECK_THAT(d.message, Catch::Contains("paragraph, 3,"));
  }
  // Two of them start with later paragraph numbers: paragraphs the numbering lost.
  doc.diagnostics.clear();
  doc.blocks[4].text = "4 " + doc.blocks[4].text;
  doc.blocks[5].text = "5 " + doc.blocks[5].text;
  check_text_after_last_paragraph(doc);
  const Diagnostic& d = only(doc, "text.after_end");
  CHECK(d.severity == Diagnostic::Severity::warning);
  CHECK(d.lost == 2);
  CHECK_THAT(d.message, Catch::Contains("2 of them start with a later paragraph number"));
}

TEST_CASE("text after the last paragraph that a heading introduces, or a closing line, is in its place") {
  Document doc;
  doc.blocks.push_back(block(BlockKind::numbered_paragraph, "d \xC2\xB6" "1", words(40), "1"));
  doc.blocks.push_back(block(BlockKind::text, "d #1", "Adopted by the Council at its 40th meeting."));
  check_text_after_last_paragraph(doc);
  CHECK(doc.diagnostics.empty());

  doc.blocks.push_back(block(BlockKind::heading, "d #2", "Annex"));
  for (int k = 0; k < 4; ++k) doc.blocks.push_back(block(BlockKind::text, "d #" + std::to_string(k + 3), words(100)));
  check_text_after_last_paragraph(doc);
  CHECK(doc.diagnostics.empty());

  Document none;  // no numbered paragraph: nothing to measure from
  none.blocks.push_back(block(BlockKind::text, "d #1", words(400)));
  check_text_after_last_paragraph(none);
  CHECK(none.diagnostics.empty());
}
