// The PDF reader (poppler), loaded as a plugin: a UN PDF gives the same model as its
// pdftotext -layout text read by the layout reader.
#include <catch2/catch.hpp>

#include "dossier/context.hpp"
#include "dossier/sink.hpp"
#include "plugin_registry.hpp"
#include "support.hpp"

using namespace dossier;
using namespace dossier::host;
namespace fs = std::filesystem;

namespace {
const fs::path upr = test::source_dir() / "tests" / "data" / "upr-slovenia-2019";

void require_same_model(const Document& pdf, const Document& text) {
  CHECK(pdf.id == text.id);
  CHECK(pdf.title == text.title);
  CHECK(pdf.date == text.date);
  REQUIRE(pdf.blocks.size() == text.blocks.size());
  for (std::size_t i = 0; i < pdf.blocks.size(); ++i) {
    INFO(text.blocks[i].address);
    CHECK(pdf.blocks[i].address == text.blocks[i].address);
    CHECK(pdf.blocks[i].text == text.blocks[i].text);
  }
  REQUIRE(pdf.recommendations.size() == text.recommendations.size());
  for (std::size_t i = 0; i < pdf.recommendations.size(); ++i) {
    CHECK(pdf.recommendations[i].text == text.recommendations[i].text);
    CHECK(pdf.recommendations[i].recommended_by == text.recommendations[i].recommended_by);
  }
  REQUIRE(pdf.footnotes.size() == text.footnotes.size());
  for (std::size_t i = 0; i < pdf.footnotes.size(); ++i) {
    CHECK(pdf.footnotes[i].text == text.footnotes[i].text);
    CHECK(pdf.footnotes[i].anchors == text.footnotes[i].anchors);
  }
}
}  // namespace

TEST_CASE("the PDF reader claims PDFs and only PDFs") {
  auto pdf = test::builtin_plugins().find("pdf", PluginKind::reader)->make_reader();
  CHECK(pdf->sniff(test::source_of(upr / "g1934994.pdf")) > 40);
  CHECK(pdf->sniff(test::source_of(upr / "A_HRC_43_15_UPR_WG_report_Slovenia.txt")) == 0);
}

TEST_CASE("A/HRC/43/15 as PDF: the same paragraphs, 215 recommendations and notes as its layout text") {
  const Document pdf = test::read_with("pdf", (upr / "g1934994.pdf"));
  const Document text = test::read_with("layout", (upr / "A_HRC_43_15_UPR_WG_report_Slovenia.txt"));
  CHECK(pdf.recommendations.size() == 215);
  require_same_model(pdf, text);
}

TEST_CASE("A/HRC/WG.6/34/SVN/2 as PDF: the same paragraphs and 144 endnotes as its layout text") {
  const Document pdf = test::read_with("pdf", (upr / "g1925890.pdf"));
  const Document text = test::read_with("layout", (upr / "A_HRC_WG6_34_SVN_2_OHCHR_compilation.txt"));
  CHECK(pdf.footnotes.size() == 144);
  require_same_model(pdf, text);
}

TEST_CASE("a file that only claims to be a PDF is a clear error") {
  Source fake;
  fake.path = "fake.pdf";
  fake.content = "%PDF-1.7\nthis is not really a PDF\n";
  auto pdf = test::builtin_plugins().find("pdf", PluginKind::reader)->make_reader();
  REQUIRE(pdf->sniff(fake) > 0);
  Context context("pdf", {}, {}, nullptr);
  CHECK_THROWS_WITH(pdf->read(fake, context), Catch::Contains("not a readable PDF"));
}
