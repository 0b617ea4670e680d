// Page furniture found by what repeats across pages: running heads, footers, job numbers,
// page numbers, symbols, whatever their exact form.
//
// Why not patterns: every UN body, year and language prints its furniture a little
// differently ("Page 17", "12    GE.25-02819", "GE.13-12484    13", "A/HRC23/4" with a typo),
// and a footer that a pattern misses becomes a heading that swallows what follows. What all
// of them share is that they come back, at the top or the foot of the page, on page after
// page, with only their numbers changing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::readers {

/// One physical line of a paged text (pdftotext -layout, or a PDF's text in physical layout).
struct PageLine {
  std::string text;          ///< trimmed
  std::size_t indent = 0;    ///< leading spaces
  std::uint32_t number = 0;  ///< 1-based line of the source
  std::uint32_t page = 0;    ///< 0-based page
  bool blank = false;
  bool furniture = false;    ///< set by find_page_furniture()
};

/// The shape of a piece of furniture: digit runs become '#', white space goes, the rest is
/// kept ("GE.13-12484" -> "GE.#-#", "Page 17" -> "Page#").
std::string furniture_key(std::string_view cell);

/// The cells of a layout line: the pieces separated by runs of three or more spaces
/// ("14        GE.13-12484" -> "14", "GE.13-12484").
std::vector<std::string_view> layout_cells(std::string_view text);

struct FurnitureReport {
  std::vector<std::string> removed;  ///< texts taken out, in reading order
  std::vector<std::uint32_t> pages_without_text;  ///< 0-based pages with nothing but furniture
  std::vector<std::uint32_t> blank_pages;         ///< 0-based pages with no line at all
  std::size_t pages = 0;
  std::vector<std::string> keys;     ///< the shapes found to repeat (for tests and debugging)
};

/// Marks the furniture lines of `lines` (all pages, in order): at the top and foot of each
/// page, the lines made only of pieces whose shape repeats there on enough pages; on pages
/// where a line mixes furniture with text (a cover's "United Nations   A/HRC/23/3"), the
/// furniture pieces are cut out of it. Lines known to be furniture whatever the evidence
/// (barcodes printed in a symbol font) are marked too.
FurnitureReport find_page_furniture(std::vector<PageLine>& lines);

}  // namespace dossier::readers
