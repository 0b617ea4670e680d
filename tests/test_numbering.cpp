// The paragraph-number run through a document (plugins/readers/common/numbering.hpp).
#include <catch2/catch.hpp>

#include "numbering.hpp"

#include <vector>

using namespace dossier::readers;

namespace {

// Candidates numbered first..last, printed with their period.
void add_run(std::vector<NumberCandidate>& c, int first, int last) {
  for (int n = first; n <= last; ++n) c.push_back({n, false});
}

// The numbers of the candidates at `indexes`.
std::vector<int> numbers_at(const std::vector<NumberCandidate>& c, const std::vector<std::size_t>& indexes) {
  std::vector<int> out;
  for (std::size_t i : indexes) out.push_back(c[i].number);
  return out;
}

std::vector<int> range(int first, int last) {
  std::vector<int> out;
  for (int n = first; n <= last; ++n) out.push_back(n);
  return out;
}

// The run was all there was to find: no gap, nothing unplaced, no doubt.
void check_nothing_else(const ParagraphNumbering& p) {
  CHECK(p.gaps.empty());
  CHECK(p.unplaced.empty());
  CHECK_FALSE(p.ambiguous);
}

}  // namespace

TEST_CASE("a plain run 1..N is the numbering, nothing else to report") {
  std::vector<NumberCandidate> c;
  add_run(c, 1, 12);
  const ParagraphNumbering p = find_paragraph_numbering(c);
  CHECK(p.paragraphs == std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
  check_nothing_else(p);
}

TEST_CASE("a list nested between two paragraphs is not the numbering") {
  std::vector<NumberCandidate> c;
  add_run(c, 1, 20);
  add_run(c, 1, 6);  // a list inside paragraph 20
  add_run(c, 21, 30);
  const ParagraphNumbering p = find_paragraph_numbering(c);
  CHECK(numbers_at(c, p.paragraphs) == range(1, 30));
  CHECK(p.paragraphs[20] == 26);  // paragraph 21 comes after the list
  check_nothing_else(p);
}

TEST_CASE("a nested list longer than the numbers around it: 94 items inside paragraph 67 of 72") {
  std::vector<NumberCandidate> c;
  add_run(c, 1, 67);
  add_run(c, 1, 94);
  add_run(c, 68, 72);
  const ParagraphNumbering p = find_paragraph_numbering(c);
  REQUIRE(p.paragraphs.size() == 72);
  CHECK(numbers_at(c, p.paragraphs) == range(1, 72));
  CHECK(p.paragraphs[66] == 66);   // paragraph 67, before the list
  CHECK(p.paragraphs[67] == 161);  // paragraph 68, after its 94 items
  check_nothing_else(p);
}

TEST_CASE("a paragraph lost from the run is a gap, and the run goes on across it") {
  std::vector<NumberCandidate> c;
  add_run(c, 1, 57);
  add_run(c, 59, 80);
  const ParagraphNumbering p = find_paragraph_numbering(c);
  CHECK(p.paragraphs.size() == 79);
  REQUIRE(p.gaps.size() == 1);
  CHECK(p.gaps[0].before == 56);  // paragraph 57
  CHECK(p.gaps[0].after == 57);   // paragraph 59
  CHECK(p.gaps[0].first == 58);
  CHECK(p.gaps[0].last == 58);
  CHECK_FALSE(p.ambiguous);
}

TEST_CASE("lost paragraphs are a gap in the run; a stray number far on is not") {
  std::vector<NumberCandidate> c;
  add_run(c, 1, 30);
  add_run(c, 34, 60);
  ParagraphNumbering p = find_paragraph_numbering(c);
  REQUIRE(p.gaps.size() == 1);
  CHECK(p.gaps[0].first == 31);
  CHECK(p.gaps[0].last == 33);
  CHECK(p.paragraphs.size() == 57);

  // Nine numbers lost (a page or two the text layer lacks): a run of five after them still
  // carries the numbering on.
  c.clear();
  add_run(c, 1, 30);
  add_run(c, 40, 44);
  p = find_paragraph_numbering(c);
  std::vector<int> expected = range(1, 30);
  for (int n : range(40, 44)) expected.push_back(n);
  CHECK(numbers_at(c, p.paragraphs) == expected);
  REQUIRE(p.gaps.size() == 1);
  CHECK(p.gaps[0].first == 31);
  CHECK(p.gaps[0].last == 39);

  // One number far on, alone, is no continuation.
  c.clear();
  add_run(c, 1, 30);
  c.push_back({45, false});
  p = find_paragraph_numbering(c);
  CHECK(numbers_at(c, p.paragraphs) == range(1, 30));
  CHECK(p.gaps.empty());
  CHECK(numbers_at(c, p.unplaced) == std::vector<int>{45});
}

TEST_CASE("a paragraph number printed twice neither breaks the run nor starts another") {
  std::vector<NumberCandidate> c;
  add_run(c, 1, 15);
  c.push_back({15, false});
  add_run(c, 16, 40);
  const ParagraphNumbering p = find_paragraph_numbering(c);
  CHECK(p.paragraphs.size() == 40);
  CHECK(p.repeated == std::vector<std::size_t>{15});
  CHECK(p.gaps.empty());
  CHECK_FALSE(p.ambiguous);
}

TEST_CASE("a number printed without its period is a paragraph only where it fills the next place") {
  std::vector<NumberCandidate> c;
  add_run(c, 1, 10);
  c.push_back({11, true});  // "11 Utopia noted that ..."
  add_run(c, 12, 20);
  ParagraphNumbering p = find_paragraph_numbering(c);
  CHECK(numbers_at(c, p.paragraphs) == range(1, 20));
  CHECK(p.paragraphs[10] == 10);
  CHECK(p.gaps.empty());

  // The same number printed with a period elsewhere: the one without is a page number or an item.
  c.clear();
  add_run(c, 1, 4);
  c.push_back({5, true});  // "5 The delegation ...": the page's number before its text
  add_run(c, 5, 12);
  p = find_paragraph_numbering(c);
  CHECK(numbers_at(c, p.paragraphs) == range(1, 12));
  CHECK(p.paragraphs[4] == 5);  // the "5." with its period
  CHECK(p.unplaced.empty());
}

TEST_CASE("a number without its period that nothing follows is no paragraph") {
  std::vector<NumberCandidate> c;
  add_run(c, 1, 9);
  c.push_back({10, true});
  const ParagraphNumbering p = find_paragraph_numbering(c);
  CHECK(numbers_at(c, p.paragraphs) == range(1, 9));
}

TEST_CASE("of two rival runs of similar length the longer is taken and the choice is said to be close") {
  std::vector<NumberCandidate> c;
  add_run(c, 1, 10);
  add_run(c, 1, 8);  // after the last paragraph, nested in nothing
  ParagraphNumbering p = find_paragraph_numbering(c);
  CHECK(p.ambiguous);
  CHECK(numbers_at(c, p.paragraphs) == range(1, 10));

  c.clear();  // two runs of the same length: no telling which
  add_run(c, 1, 8);
  add_run(c, 1, 8);
  p = find_paragraph_numbering(c);
  CHECK(p.ambiguous);
  CHECK(p.paragraphs.empty());
  CHECK(p.gaps.empty());
}

TEST_CASE("a run twice as long as its rival wins, and numbers outside it are unplaced") {
  std::vector<NumberCandidate> c;
  add_run(c, 1, 3);  // a list before the first paragraph (a summary's?)
  add_run(c, 1, 20);
  c.push_back({30, false});  // a stray number after the last paragraph
  const ParagraphNumbering p = find_paragraph_numbering(c);
  CHECK_FALSE(p.ambiguous);
  CHECK(numbers_at(c, p.paragraphs) == range(1, 20));
  CHECK(p.paragraphs.front() == 3);
  CHECK(p.gaps.empty());
  CHECK(p.unplaced == std::vector<std::size_t>{0, 1, 2, 23});
}

TEST_CASE("a stray number after the last paragraph does not join a list before the first") {
  std::vector<NumberCandidate> c;
  add_run(c, 1, 3);
  add_run(c, 1, 20);
  c.push_back({7, false});
  const ParagraphNumbering p = find_paragraph_numbering(c);
  CHECK(numbers_at(c, p.paragraphs) == range(1, 20));
  CHECK(p.gaps.empty());
  CHECK(p.unplaced == std::vector<std::size_t>{0, 1, 2, 23});
}

TEST_CASE("too few numbers make no numbering") {
  std::vector<NumberCandidate> c;
  add_run(c, 1, 2);
  const ParagraphNumbering p = find_paragraph_numbering(c);
  CHECK(p.paragraphs.empty());
  CHECK_FALSE(p.ambiguous);
  CHECK(find_paragraph_numbering({}).paragraphs.empty());
}
