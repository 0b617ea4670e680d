// Page furniture found by repetition across pages (plugins/readers/common/furniture.hpp).
#include <catch2/catch.hpp>

#include "furniture.hpp"

#include <algorithm>
#include <string>
#include <vector>

using namespace dossier::readers;

namespace {

// Physical lines of layout text, pages split at form feeds, as the layout front end makes them.
std::vector<PageLine> page_lines(const std::string& text) {
  std::vector<PageLine> lines;
  std::uint32_t page = 0, number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string raw = text.substr(start, end - start);
    for (std::size_t ff; (ff = raw.find('\f')) != std::string::npos;) raw.erase(ff, 1), ++page;
    PageLine l;
    l.indent = raw.find_first_not_of(' ') == std::string::npos ? 0 : raw.find_first_not_of(' ');
    const std::size_t last = raw.find_last_not_of(' ');
    l.text = last == std::string::npos ? "" : raw.substr(l.indent, last + 1 - l.indent);
    l.number = ++number;
    l.page = page;
    l.blank = l.text.empty();
    lines.push_back(l);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

// Pages joined with form feeds, pdftotext's way: each page's first line starts with one.
std::string paged(const std::vector<std::string>& pages) {
  std::string out;
  for (std::size_t i = 0; i < pages.size(); ++i) out += (i ? "\f" : "") + pages[i];
  return out + "\f";
}

const PageLine& line_with(const std::vector<PageLine>& lines, const std::string& text, std::uint32_t page) {
  const auto it = std::find_if(lines.begin(), lines.end(),
                               [&](const PageLine& l) { return l.text == text && l.page == page; });
  REQUIRE(it != lines.end());
  return *it;
}

std::vector<std::string> furniture_texts(const std::vector<PageLine>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines)
    if (l.furniture) out.push_back(l.text);
  return out;
}

// Lines of body text, each different in its words (text does not repeat at page edges).
const std::vector<std::string>& sentences() {
  static const std::vector<std::string> all = {
      "The Working Group adopted the report on the review of the State concerned,",
      "and the delegation thanked the States that had taken part in the dialogue.",
      "Several delegations welcomed the progress made since the previous review,",
      "in particular the new national action plan against trafficking in persons.",
      "Others recommended further measures against discrimination in employment",
      "and asked how the independent institution would be funded in the future.",
      "The delegation replied that a law on legal aid had entered into force,",
      "that prisons were less crowded than before and that the courts were faster.",
      "Concern was expressed about violence against women and domestic abuse,",
      "about the situation of migrants held at the border for long periods,",
      "and about hate speech against minorities in the media and online.",
      "The State under review described its cooperation with special procedures",
      "and announced a standing invitation to all thematic mandate holders.",
      "Questions were raised on the rights of persons with disabilities,",
      "on inclusive education and on access to health care in rural areas.",
      "Delegations commended the abolition of the death penalty in all cases",
      "while noting that the age of criminal responsibility remained very low.",
      "The head of the delegation stressed the role of civil society groups,",
      "which had been consulted widely while the national report was drafted.",
      "Some speakers urged stronger protection for journalists and defenders",
      "who had been threatened because of their work in remote provinces.",
      "A number of States encouraged ratification of the remaining treaties,",
      "notably the convention on the protection of all migrant workers.",
      "The delegation stated that a commission on equality had been created",
      "with a mandate to hear complaints from individuals and organizations.",
      "Climate change and its effect on food security were also discussed,",
      "as were the rights of indigenous peoples to their lands and resources.",
      "In conclusion, the delegation thanked all participants for their views.",
  };
  return all;
}

// A body page: running head, four lines of text, footer. Page `n` takes its own lines.
std::string body_page(const std::string& head, int n, const std::string& footer) {
  std::string page = head + "\n\n";
  for (int k = 0; k < 4; ++k)
    page += "          " + sentences()[static_cast<std::size_t>(n * 4 + k) % sentences().size()] + "\n";
  return page + "\n\n" + footer + "\n";
}

}  // namespace

TEST_CASE("furniture_key keeps the shape of a piece, digits as '#', no spaces") {
  CHECK(furniture_key("GE.13-12484") == "GE.#-#");
  CHECK(furniture_key("Page 17") == "Page#");
  CHECK(furniture_key("A/HRC/23/4") == "A/HRC/#/#");
  CHECK(furniture_key("12.") == "#.");
  CHECK(furniture_key("") == "");
}

TEST_CASE("layout_cells splits at runs of three spaces or more") {
  CHECK(layout_cells("14        GE.13-12484") == std::vector<std::string_view>{"14", "GE.13-12484"});
  CHECK(layout_cells("   United Nations      A/HRC/23/3  ") ==
        std::vector<std::string_view>{"United Nations", "A/HRC/23/3"});
  CHECK(layout_cells("two  spaces stay") == std::vector<std::string_view>{"two  spaces stay"});
  CHECK(layout_cells("").empty());
}

TEST_CASE("running heads, 'Page N' lines and job numbers repeating at the edges are furniture, the text is not") {
  std::vector<std::string> pages;
  for (int n = 1; n <= 5; ++n)
    pages.push_back(body_page("                                                  A/HRC/23/4\n          Page " +
                                  std::to_string(n + 1),
                              n, "GE.13-12484"));
  auto lines = page_lines(paged(pages));
  const FurnitureReport report = find_page_furniture(lines);
  CHECK(report.pages == 5);
  std::vector<std::string> expected;
  for (int n = 1; n <= 5; ++n)
    expected.insert(expected.end(), {"A/HRC/23/4", "Page " + std::to_string(n + 1), "GE.13-12484"});
  CHECK(furniture_texts(lines) == expected);
  CHECK(report.removed == expected);
  CHECK(report.pages_without_text.empty());
  CHECK(std::count(report.keys.begin(), report.keys.end(), "top A/HRC/#/#") == 1);
  CHECK(std::count(report.keys.begin(), report.keys.end(), "top Page#") == 1);
  CHECK(std::count(report.keys.begin(), report.keys.end(), "foot GE.#-#") == 1);
}

TEST_CASE("a footer printed as one line, page number left on even pages and right on odd ones, is furniture") {
  std::vector<std::string> pages;
  for (int n = 2; n <= 7; ++n) {
    const std::string number = std::to_string(n);
    const std::string footer = n % 2 == 0 ? number + "    GE.25-02819" : "GE.25-02819    " + number;
    const std::string head = n % 2 == 0 ? "A/HRC/58/12" : "                                          A/HRC/58/12";
    pages.push_back(body_page(head, n, footer));
  }
  auto lines = page_lines(paged(pages));
  find_page_furniture(lines);
  CHECK(line_with(lines, "2    GE.25-02819", 0).furniture);
  CHECK(line_with(lines, "GE.25-02819    3", 1).furniture);
  CHECK(line_with(lines, "6    GE.25-02819", 4).furniture);
  CHECK(line_with(lines, "GE.25-02819    7", 5).furniture);
  CHECK(furniture_texts(lines).size() == 12);  // a head and a footer on each of 6 pages, nothing else
}

TEST_CASE("a running head misprinted one character off is still furniture") {
  std::vector<std::string> pages;
  for (int n = 1; n <= 5; ++n)
    pages.push_back(body_page(n == 3 ? "A/HRC23/4" : "A/HRC/23/4", n, std::to_string(n + 1)));
  auto lines = page_lines(paged(pages));
  find_page_furniture(lines);
  CHECK(line_with(lines, "A/HRC23/4", 2).furniture);
  CHECK(furniture_texts(lines).size() == 10);
}

TEST_CASE("paragraph numbers at the top of pages and a row of figures at the foot are not furniture") {
  std::vector<std::string> pages;
  for (int n = 1; n <= 5; ++n) {
    // Every page starts with a numbered paragraph, as pdftotext prints them (a wide gap
    // after the number, or the number on a line of its own), and ends with the last row
    // of a table of figures over the page number.
    const std::string number = std::to_string(10 + n) + ".";
    const std::string& text = sentences()[static_cast<std::size_t>(n)];
    pages.push_back("A/HRC/23/4\n\n          " + (n % 2 ? number + "\n          " + text : number + "     " + text) +
                    "\n          " + sentences()[static_cast<std::size_t>(10 + n)] + "\n\n" +
                    (n % 2 ? "          2019       2020       2021" : "          120       340") + "\n\n" +
                    std::to_string(n + 1) + "\n");
  }
  auto lines = page_lines(paged(pages));
  find_page_furniture(lines);
  for (std::uint32_t p = 0; p < 5; ++p) {
    INFO("page " << p);
    CHECK(line_with(lines, "A/HRC/23/4", p).furniture);
    CHECK(line_with(lines, std::to_string(p + 2), p).furniture);
  }
  CHECK(furniture_texts(lines).size() == 10);  // the heads and page numbers only
  CHECK_FALSE(line_with(lines, "11.", 0).furniture);
  CHECK_FALSE(line_with(lines, "12.     " + sentences()[2], 1).furniture);
  CHECK_FALSE(line_with(lines, "2019       2020       2021", 0).furniture);
  CHECK_FALSE(line_with(lines, "120       340", 1).furniture);
}

TEST_CASE("the cover keeps 'United Nations' without the symbol, and its job line is furniture") {
  std::vector<std::string> pages;
  pages.push_back(
      "              United Nations                                        A/HRC/23/3\n"
      "              General Assembly                        Distr.: General\n"
      "                                                      5 April 2013\n\n"
      "Human Rights Council\nTwenty-third session\nAgenda item 6\n\n"
      "            Report of the Working Group on the Universal Periodic Review\n\n"
      "            Paraguay\n\n\n"
      "GE.13-12484 (E)    050413\n");
  for (int n = 2; n <= 5; ++n) pages.push_back(body_page("A/HRC/23/3", n, std::to_string(n)));
  auto lines = page_lines(paged(pages));
  const FurnitureReport report = find_page_furniture(lines);
  CHECK(lines[0].text == "United Nations");
  CHECK_FALSE(lines[0].furniture);
  CHECK(std::count(report.removed.begin(), report.removed.end(), "A/HRC/23/3") == 5);  // 4 heads, 1 cut
  CHECK(line_with(lines, "GE.13-12484 (E)    050413", 0).furniture);
  CHECK_FALSE(line_with(lines, "Paraguay", 0).furniture);
  CHECK_FALSE(line_with(lines, "General Assembly                        Distr.: General", 0).furniture);
}

TEST_CASE("a page with nothing but furniture is reported") {
  std::vector<std::string> pages;
  for (int n = 1; n <= 5; ++n) pages.push_back(body_page("A/HRC/23/4", n, std::to_string(n)));
  // A scanned page: only its furniture has text, its page number in step with the others'.
  pages.insert(pages.begin() + 2, "A/HRC/23/4\n\n\n\n\n3\n");
  auto lines = page_lines(paged(pages));
  const FurnitureReport report = find_page_furniture(lines);
  CHECK(report.pages == 6);
  CHECK(report.pages_without_text == std::vector<std::uint32_t>{2});
}

TEST_CASE("bare numbers at the foot are page numbers only when they keep step with the pages") {
  // Pages 1-5 end with their page number, above it a note "Ibid." whose label goes up with
  // the notes, not with the pages (3, 7, 12, 13, 20): a note every time, not furniture.
  const int labels[] = {3, 7, 12, 13, 20};
  std::vector<std::string> pages;
  for (int n = 1; n <= 5; ++n) {
    std::string page = "A/HRC/23/4\n\n          The Council adopted the outcome of page " + std::to_string(n) + ".\n\n";
    page += "          " + std::to_string(labels[n - 1]) + "   Ibid.\n" + std::to_string(n) + "\n";
    pages.push_back(page);
  }
  auto lines = page_lines(paged(pages));
  find_page_furniture(lines);
  for (const auto& l : lines) {
    if (l.text.find("Ibid.") != std::string::npos) CHECK_FALSE(l.furniture);
    if (l.text.size() == 1) CHECK(l.furniture);  // "1" .. "5"
  }
}

TEST_CASE("one page shows no repetition: no keys, only what is furniture by itself") {
  auto lines = page_lines(
      "A/HRC/23/4\n\n          The Council adopted the outcome of the review.\n\n"
      "          The delegation thanked the States.\n\n17\nGE.13-12484\n");
  const FurnitureReport report = find_page_furniture(lines);
  CHECK(report.keys.empty());
  CHECK(report.pages == 1);
  CHECK(furniture_texts(lines) == std::vector<std::string>{"GE.13-12484"});
}
