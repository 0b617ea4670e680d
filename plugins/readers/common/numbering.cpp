#include "numbering.hpp"

#include <algorithm>
#include <cstdint>
#include <set>

namespace dossier::readers {

namespace {

using Chain = std::vector<std::size_t>;  // candidate indexes, in order

// Whether `inner` lies wholly between two consecutive members of `outer` whose numbers
// follow each other (a list inside paragraph 67, between 67 and 68). Between the two sides
// of a gap (3 ... 7) lies what the gap was joined across, not a list.
bool nested_in(const Chain& inner, const Chain& outer, const std::vector<NumberCandidate>& candidates) {
  if (&inner == &outer || outer.size() < 2) return false;
  const auto after = std::upper_bound(outer.begin(), outer.end(), inner.front());
  if (after == outer.begin() || after == outer.end() || inner.back() >= *after) return false;
  return candidates[*after].number == candidates[*(after - 1)].number + 1;
}

// How far a run may skip: a few paragraphs lost (a page the text layer lacks, numbers that
// lost their line) still continue it; more is another run.
constexpr int kLargestGap = 5;

}  // namespace

ParagraphNumbering find_paragraph_numbering(const std::vector<NumberCandidate>& candidates) {
  ParagraphNumbering result;
  // A number printed without its period is a paragraph (or item) only where the numbers
  // around it say so: the next of n or n+1 printed with a period must be n+1. Where "n." comes
  // first, the bare n was something else (a page number, a count that starts a line).
  const auto confirmed = [&](std::size_t i) {
    const int n = candidates[i].number;
    for (std::size_t j = i + 1; j < candidates.size(); ++j) {
      if (candidates[j].weak) continue;
      if (candidates[j].number == n) return false;
      if (candidates[j].number == n + 1) return true;
    }
    return true;
  };
  // Each candidate extends the run that ended just below it most recently, else starts one.
  // A number printed twice in a row ("15." "15.") repeats the one before: it neither breaks
  // the run nor starts another.
  std::vector<Chain> chains;
  std::size_t last_chain = SIZE_MAX;  // the run the last candidate went into
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const int n = candidates[i].number;
    if (candidates[i].weak && !confirmed(i)) continue;
    std::size_t best = SIZE_MAX;
    for (std::size_t k = 0; k < chains.size(); ++k)
      if (candidates[chains[k].back()].number == n - 1 && (best == SIZE_MAX || chains[k].back() > chains[best].back()))
        best = k;
    if (best != SIZE_MAX) {
      chains[best].push_back(i);
      last_chain = best;
    } else if (last_chain != SIZE_MAX && candidates[chains[last_chain].back()].number == n && !candidates[i].weak) {
      result.repeated.push_back(i);
    } else if (!candidates[i].weak) {
      chains.push_back({i});
      last_chain = chains.size() - 1;
    }
  }
  // A weak candidate that ends a run was no paragraph: nothing confirms it.
  for (auto& c : chains)
    while (c.size() > 1 && candidates[c.back()].weak) c.pop_back();
  for (const auto& c : chains)
    for (std::size_t i : c)
      if (candidates[i].weak) result.weak_taken.push_back(i);
  std::sort(result.weak_taken.begin(), result.weak_taken.end());

  // Runs that carry on one another after a few lost numbers are one run with a gap. Joined
  // in document order, each to the earlier run it continues with the smallest gap; a run
  // that starts at 1 continues nothing (a list restarting).
  std::sort(chains.begin(), chains.end(), [](const Chain& a, const Chain& b) { return a.front() < b.front(); });
  std::vector<Chain> runs;
  for (const Chain& c : chains) {
    const int first = candidates[c.front()].number;
    Chain* best = nullptr;
    int best_gap = 0;
    for (auto& r : runs) {
      const int gap = first - candidates[r.back()].number - 1;
      // A few lost numbers join any run; more join a run of three or more (a page or two
      // missing), never a stray number.
      const bool joins = gap >= 1 && (gap <= kLargestGap || c.size() >= 3);
      if (r.back() < c.front() && joins && (!best || gap < best_gap)) best = &r, best_gap = gap;
    }
    if (!best) {
      runs.push_back(c);
      continue;
    }
    result.gaps.push_back({best->back(), c.front(), first - best_gap, first - 1});
    best->insert(best->end(), c.begin(), c.end());
  }

  std::vector<bool> nested(runs.size(), false);
  for (std::size_t a = 0; a < runs.size(); ++a)
    for (std::size_t b = 0; b < runs.size() && !nested[a]; ++b)
      if (a != b && nested_in(runs[a], runs[b], candidates)) nested[a] = true;
  std::size_t main = runs.size();
  for (std::size_t k = 0; k < runs.size(); ++k)
    if (!nested[k] && (main == runs.size() || runs[k].size() > runs[main].size())) main = k;
  if (main == runs.size()) return result;
  const Chain& run = runs[main];
  // Only the main run's gaps are the document's.
  const std::set<std::size_t> in_run(run.begin(), run.end());
  result.gaps.erase(std::remove_if(result.gaps.begin(), result.gaps.end(),
                                   [&](const NumberingGap& g) { return !in_run.count(g.before); }),
                    result.gaps.end());
  std::sort(result.gaps.begin(), result.gaps.end(),
            [](const NumberingGap& a, const NumberingGap& b) { return a.before < b.before; });

  // The run must clearly dominate: a rival of half its length or more leaves it unclear which
  // numbers are paragraphs and which are list items.
  std::size_t rival = 0;
  for (std::size_t k = 0; k < runs.size(); ++k)
    if (k != main && !nested[k]) rival = std::max(rival, runs[k].size());
  if (run.size() < 3 || run.size() <= rival) {
    result.ambiguous = run.size() >= 3;
    result.gaps.clear();
    return result;
  }
  // A rival of half its length or more: the longer run is taken, and the document says the
  // choice was close.
  result.ambiguous = run.size() < 2 * rival;
  result.paragraphs = run;

  // What is neither in the run nor in a list nested in it.
  for (std::size_t k = 0; k < runs.size(); ++k) {
    if (k == main || nested_in(runs[k], run, candidates)) continue;
    result.unplaced.insert(result.unplaced.end(), runs[k].begin(), runs[k].end());
  }
  std::sort(result.unplaced.begin(), result.unplaced.end());
  return result;
}

}  // namespace dossier::readers
