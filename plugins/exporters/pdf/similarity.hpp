// How alike two recommendations are worded: a brief merges near-duplicates into one key
// recommendation and prefers recommendations unlike those it has already chosen.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dossier::pdf {

/// The numbers written in digits in `text`, in text order: "resolution 73/195 of 2018" gives
/// "73", "195", "2018". Arabic-Indic digits count as the ASCII ones.
std::vector<std::string> digit_runs(std::string_view text);

/// Words weighted by how rare they are among a set of texts (inverse document frequency), so
/// that "the", "States" or "Decides" weigh little and "detention" or "Paris Principles" much.
/// Words are the classifier's terms (lower case, Arabic without vowel marks, Chinese
/// characters and their pairs; docs/classifier.md) and the numbers written in digits.
class Wording {
 public:
  using Words = std::vector<std::uint32_t>;  ///< word ids, ascending, each once

  /// `texts`: the texts whose words set the weights (a corpus's recommendations).
  explicit Wording(const std::vector<std::string_view>& texts);

  /// The words of `text`; a word none of the texts has weighs as one found once.
  Words words(std::string_view text);

  /// Weighted Jaccard similarity: the weight of the words both share over the weight of the
  /// words either has; 0 (nothing in common) to 1 (the same words). 0 when both are empty.
  double similarity(const Words& a, const Words& b) const;

  /// At or above this, two recommendations say the same thing and a brief quotes them once.
  /// Measured on 149 pairs of recommendations from the sample corpus, 40 UPR reports and the
  /// General Assembly's 78th session, judged by hand (bench/brief_keys.py duplicates): at
  /// 0.60, 91% of the pairs merged say the same thing and 57% of those that do are merged;
  /// lower thresholds merge more and wrongly more often (0.50: 86% and 72%). What a merge
  /// gets wrong is the same formula about another subject ("... safety of journalists" and
  /// "... of human rights defenders"), so precision comes first; the likeness discount of
  /// choose_keys() keeps the near-duplicates it misses from both becoming keys.
  static constexpr double same = 0.60;

 private:
  std::uint32_t id_of(std::string_view word);
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<double> weight_;  ///< by id
  double unseen_ = 1;           ///< weight of a word found in one text
};

}  // namespace dossier::pdf
