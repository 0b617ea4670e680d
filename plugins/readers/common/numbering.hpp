// Paragraph numbering: the backbone of a UN document's structure.
//
// A document numbers its paragraphs in one run through the whole text (1, 2, ... 143);
// lists inside a paragraph restart at 1 and are nested between two of its paragraphs. The
// run is found from the evidence of the whole document, so that a stray number (a page
// number, a list item, a line that lost its text) can neither break it nor pass for a
// paragraph.
#pragma once

#include <cstddef>
#include <vector>

namespace dossier::readers {

/// A line that may start a numbered paragraph, in document order.
struct NumberCandidate {
  int number = 0;
  /// Printed without the period that paragraph numbers have ("106 Sierra Leone noted..."):
  /// a paragraph only where it fills the run's next place exactly and the next of n and n+1
  /// printed with a period is n+1.
  bool weak = false;
};

/// Numbers missing from the run: between the paragraphs at `before` and `after`
/// (indexes into the candidates), the numbers `first` to `last`.
struct NumberingGap {
  std::size_t before = 0, after = 0;
  int first = 0, last = 0;
};

struct ParagraphNumbering {
  std::vector<std::size_t> paragraphs;  ///< indexes of the candidates that are paragraphs, in order
  std::vector<NumberingGap> gaps;
  /// Candidates outside the run and outside any list nested in it (numbers that fit nothing).
  std::vector<std::size_t> unplaced;
  /// Candidates printed without a period that continue a run (the paragraphs' or a list's):
  /// numbers, not words of text.
  std::vector<std::size_t> weak_taken;
  /// Candidates that repeat the number just before them ("15." twice): not paragraphs (their
  /// address would be taken), kept as text.
  std::vector<std::size_t> repeated;
  /// Set when another run is at least half as long as the one taken (or as long: then none is
  /// taken): which numbers are paragraphs is then a close call.
  bool ambiguous = false;
};

/// Finds the paragraph numbering among `candidates`: the longest run of numbers going up by
/// one that is not nested between two members of another run, joined across gaps (a few lost
/// numbers join any run, more join a run of three or more), and longer than any rival run.
ParagraphNumbering find_paragraph_numbering(const std::vector<NumberCandidate>& candidates);

}  // namespace dossier::readers
