// Raw libharu writing the same brief as the pdf exporter: the exporter's pages, each line of
// text at the place and size the exporter put it (bench/run.py takes them from the exporter's
// PDF with `pdftotext -bbox-layout`), in the same embedded fonts (DejaVu Sans, and DejaVu
// Sans Bold for the lines the exporter drew in bold, UTF-8) with the same compression. No layout, wrapping or choosing of content: what a user writing the
// pages with libharu alone would pay; the exporter's share of this rate is its overhead.
//
//   bench_raw_brief PAGES.json OUT.pdf [--runs R] [--font TTF --bold-font TTF]
//
// --font and --bold-font replace the two DejaVu files: bench/run.py passes the font programs
// the exporter embedded (its subsets of the characters drawn), for a second baseline that
// embeds no more than the exporter does, with the subsetting done beforehand and not counted.
//
// PAGES.json: {"width": W, "height": H, "pages": [[{"x", "y", "size", "text", "bold"}...]...]},
// y from the top of the page, in points; "bold" optional.
#include <hpdf.h>

#include <cstdio>

#include "command_line.hpp"
#include "inputs.hpp"
#include "measure.hpp"

namespace {

std::string g_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
std::string g_bold_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

// libharu is C: its error handler records the first error rather than throwing through it.
HPDF_STATUS g_error = 0;
void on_error(HPDF_STATUS error, HPDF_STATUS, void*) {
  if (!g_error) g_error = error;
}

void write_brief(const nlohmann::json& pages, const std::string& path) {
  g_error = 0;
  HPDF_Doc pdf = HPDF_New(on_error, nullptr);
  if (!pdf) throw std::runtime_error("HPDF_New failed");
  {
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    const char* name = HPDF_LoadTTFontFromFile(pdf, g_font.c_str(), HPDF_TRUE);
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
    HPDF_Font bold = nullptr;  // loaded (and embedded) only when a line is bold
    const float width = pages.at("width"), height = pages.at("height");
    for (const auto& lines : pages.at("pages")) {
      HPDF_Page page = HPDF_AddPage(pdf);
      HPDF_Page_SetWidth(page, width);
      HPDF_Page_SetHeight(page, height);
      HPDF_Page_BeginText(page);
      for (const auto& line : lines) {
        const float size = line.at("size");
        if (line.value("bold", false) && !bold)
          bold = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, g_bold_font.c_str(), HPDF_TRUE), "UTF-8");
        HPDF_Page_SetFontAndSize(page, line.value("bold", false) ? bold : font, size);
        const float y = height - static_cast<float>(line.at("y")) - size;
        HPDF_Page_TextOut(page, line.at("x"), y, line.at("text").get<std::string>().c_str());
      }
      HPDF_Page_EndText(page);
    }
    HPDF_SaveToFile(pdf, path.c_str());
  }
  HPDF_Free(pdf);
  if (g_error) throw std::runtime_error("libharu error " + std::to_string(g_error) + " writing " + path);
}

// Writes OUT.pdf once (kept), then the measured runs to a scratch file beside it.
void benchmark(const bench::CommandLine& line) {
  const nlohmann::json pages = nlohmann::json::parse(dossier::read_bytes(line.args[0]));
  const std::string& out = line.args[1];
  write_brief(pages, out);
  const auto runs = bench::measured_runs(line.runs, [&] { write_brief(pages, out + ".tmp"); });
  std::remove((out + ".tmp").c_str());
  std::cout << nlohmann::json{{"runs", bench::to_json(runs)}, {"pages", pages.at("pages").size()}}.dump() << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  const bench::Flag font{"--font", true, [](const std::string& path) { g_font = path; }};
  const bench::Flag bold{"--bold-font", true, [](const std::string& path) { g_bold_font = path; }};
  return bench::run_main(argc, argv, "bench_raw_brief", 2,
                         "bench_raw_brief PAGES.json OUT.pdf [--runs R] [--font TTF --bold-font TTF]", {font, bold},
                         benchmark);
}
