#include "numbering.hpp"

#include <algorithm>
#include <set>

namespace dossier::readers {

namespace {

using Chain = std::vector<std::size_t>;  // candidate indexes, in order

// Whether `inner` lies wholly between two consecutive members of `outer` (a list inside one
// of its paragraphs).
bool nested_in(const Chain& inner, const Chain& outer) {
  if (&inner == &outer || outer.size() < 2) return false;
  const auto after = std::upper_bound(outer.begin(), outer.end(), inner.front());
  return after != outer.begin() && after != outer.end() && inner.back() < *after;
}

// How far a run may skip: a few paragraphs lost (a page the text layer lacks, numbers that
// lost their line) still continue it; more is another run.
constexpr int kLargestGap = 5;

}  // namespace

ParagraphNumbering find_paragraph_numbering(const std::vector<NumberCandidate>& candidates) {
  ParagraphNumbering result;
  // Each candidate extends the run that ended just below it most recently, else starts one.
  std::vector<Chain> chains;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const int n = candidates[i].number;
    Chain* best = nullptr;
    for (auto& c : chains)
      if (candidates[c.back()].number == n - 1 && (!best || c.back() > best->back())) best = &c;
    if (best) best->push_back(i);
    else if (!candidates[i].weak) chains.push_back({i});
  }
  // A weak candidate that ends a run was no paragraph: nothing confirms it.
  for (auto& c : chains)
    while (c.size() > 1 && candidates[c.back()].weak) c.pop_back();

  std::vector<bool> nested(chains.size(), false);
  for (std::size_t a = 0; a < chains.size(); ++a)
    for (std::size_t b = 0; b < chains.size() && !nested[a]; ++b)
      if (a != b && chains[b].size() > 1 && nested_in(chains[a], chains[b])) nested[a] = true;

  std::size_t main = chains.size();
  for (std::size_t k = 0; k < chains.size(); ++k)
    if (!nested[k] && (main == chains.size() || chains[k].size() > chains[main].size())) main = k;
  if (main == chains.size()) return result;

  // Runs that carry on the main one after a few lost numbers, on either side.
  Chain run = chains[main];
  std::vector<bool> used(chains.size(), false);
  used[main] = true;
  for (bool joined = true; joined;) {
    joined = false;
    for (std::size_t k = 0; k < chains.size(); ++k) {
      if (used[k] || nested[k]) continue;
      const Chain& c = chains[k];
      const int before_first = candidates[run.front()].number, after_last = candidates[run.back()].number;
      const int c_first = candidates[c.front()].number, c_last = candidates[c.back()].number;
      const bool follows = c.front() > run.back() && c_first > after_last + 1 && c_first <= after_last + 1 + kLargestGap;
      const bool precedes = c.back() < run.front() && c_last < before_first - 1 && c_last >= before_first - 1 - kLargestGap;
      if (!follows && !precedes) continue;
      if (follows) {
        result.gaps.push_back({run.back(), c.front(), after_last + 1, c_first - 1});
        run.insert(run.end(), c.begin(), c.end());
      } else {
        result.gaps.push_back({c.back(), run.front(), c_last + 1, before_first - 1});
        run.insert(run.begin(), c.begin(), c.end());
      }
      used[k] = true;
      joined = true;
    }
  }
  std::sort(result.gaps.begin(), result.gaps.end(),
            [](const NumberingGap& a, const NumberingGap& b) { return a.before < b.before; });

  // The run must clearly dominate: a rival of half its length or more leaves it unclear which
  // numbers are paragraphs and which are list items.
  std::size_t rival = 0;
  for (std::size_t k = 0; k < chains.size(); ++k)
    if (!used[k] && !nested[k]) rival = std::max(rival, chains[k].size());
  if (run.size() < 3 || run.size() < 2 * rival) {
    result.ambiguous = run.size() >= 3;
    result.gaps.clear();
    return result;
  }
  result.paragraphs = run;

  // What is neither in the run nor in a list nested in it.
  const std::set<std::size_t> in_run(run.begin(), run.end());
  for (std::size_t k = 0; k < chains.size(); ++k) {
    if (used[k] || nested_in(chains[k], run)) continue;
    result.unplaced.insert(result.unplaced.end(), chains[k].begin(), chains[k].end());
  }
  std::sort(result.unplaced.begin(), result.unplaced.end());
  return result;
}

}  // namespace dossier::readers
