// The PDF reader (poppler), loaded as a plugin: a UN PDF gives the same model as its
// pdftotext -layout text read by the layout reader, and so does a synthetic UPR report
// written to a PDF here with libharu.
#include <catch2/catch.hpp>

#include <hpdf.h>

#include <regex>

#include "dossier/context.hpp"
#include "dossier/sink.hpp"
#include "plugin_registry.hpp"
#include "support.hpp"
#include "synthetic_upr.hpp"

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

namespace {

// Writes the pages of `report` to a PDF in Courier, each printed line where a fixed-pitch
// page puts it (its indentation as that many character widths), as the UN's PDFs are
// laid out for pdftotext -layout to read back.
std::string synthetic_pdf(const test::upr::Report& report) {
  HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
  REQUIRE(pdf);
  HPDF_Font font = HPDF_GetFont(pdf, "Courier", nullptr);
  // Courier's glyphs are 0.6 em wide: a line of 100 characters fits an A4 page at 9 points.
  const HPDF_REAL size = 9, advance = size * 0.6f, leading = 12, left = 24, top = 800;
  for (const auto& lines : report.pages) {
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, size);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::size_t indent = lines[i].find_first_not_of(' ');
      if (indent == std::string::npos) continue;
      HPDF_Page_TextOut(page, left + advance * static_cast<HPDF_REAL>(indent),
                        top - leading * static_cast<HPDF_REAL>(i), lines[i].c_str() + indent);
    }
    HPDF_Page_EndText(page);
  }
  REQUIRE(HPDF_SaveToStream(pdf) == HPDF_OK);
  std::string bytes(HPDF_GetStreamSize(pdf), '\0');
  HPDF_UINT32 read = static_cast<HPDF_UINT32>(bytes.size());
  REQUIRE(HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read) == HPDF_OK);
  bytes.resize(read);
  HPDF_Free(pdf);
  return bytes;
}

}  // namespace

TEST_CASE("synthetic UPR report as PDF: the same 40 recommendations as its layout text") {
  const test::upr::Report report = test::upr::make_report();
  const Document pdf = test::read_with("pdf", "synthetic-upr.pdf", synthetic_pdf(report));
  const Document text = test::read_with("layout", "synthetic-upr.txt", test::upr::layout_text(report));
  REQUIRE(pdf.recommendations.size() == 40);
  REQUIRE(text.recommendations.size() == 40);
  for (std::size_t i = 0; i < pdf.recommendations.size(); ++i) {
    INFO("item " << report.recommendations[i].item);
    CHECK(pdf.recommendations[i].address == text.recommendations[i].address);
    CHECK(pdf.recommendations[i].text == report.recommendations[i].text);
    CHECK(pdf.recommendations[i].recommended_by == report.recommendations[i].states);
    CHECK(pdf.recommendations[i].position == "pending");
    CHECK(pdf.recommendations[i].addressee == "Utopia");
  }
  // The same blocks too; the gaps between the cover's columns are as wide as poppler makes
  // them, not as the hand-made layout text has them.
  const auto collapse = [](const std::string& t) { return std::regex_replace(t, std::regex(" {2,}"), " "); };
  REQUIRE(pdf.blocks.size() == text.blocks.size());
  for (std::size_t i = 0; i < pdf.blocks.size(); ++i) {
    INFO(text.blocks[i].address);
    CHECK(pdf.blocks[i].address == text.blocks[i].address);
    CHECK(collapse(pdf.blocks[i].text) == collapse(text.blocks[i].text));
  }
  for (const auto& d : pdf.diagnostics) CHECK(d.severity == Diagnostic::Severity::info);
}

TEST_CASE("a first-cycle UPR report (A/HRC/8/35): items cited as paragraph and item, grouped clauses apart") {
  const Document d = test::read_with("pdf", test::source_dir() / "samples" / "upr" / "gabon2008.pdf");
  CHECK(d.title == "Report of the Working Group on the Universal Periodic Review: Gabon");
  // Items 1. to 30. of paragraph 60; item 4 groups four treaties, each with its own States.
  REQUIRE(d.recommendations.size() == 33);
  CHECK(d.recommendations[0].address == paragraph_address(d.id, "60.1"));
  CHECK(d.recommendations[3].address == paragraph_address(d.id, "60.4"));
  CHECK(d.recommendations[3].recommended_by ==
        std::vector<std::string>{"Finland", "United Kingdom of Great Britain and Northern Ireland"});
  CHECK(d.recommendations[4].address == paragraph_address(d.id, "60.4(2)"));
  CHECK(d.recommendations[6].address == paragraph_address(d.id, "60.4(4)"));
  CHECK(d.recommendations[6].recommended_by == std::vector<std::string>{"Canada"});
  CHECK(d.recommendations[7].address == paragraph_address(d.id, "60.5"));
  CHECK(d.recommendations.back().address == paragraph_address(d.id, "60.30"));
}

TEST_CASE("a title stops where the cover's next lines begin (the State under review, the table of contents)") {
  const Document d = test::read_with("pdf", test::source_dir() / "samples" / "upr" / "gabon2012.pdf");
  CHECK(d.title == "Report of the Working Group on the Universal Periodic Review: Gabon");
}
