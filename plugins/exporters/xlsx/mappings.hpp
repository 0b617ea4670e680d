// The annotations the workbook shows, found per recommendation: SDG goal and target scores
// and GCM objective scores, as the analyzers made them (nothing is recomputed here).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <dossier/corpus_view.hpp>

namespace dossier::xlsx {

constexpr int goal_count = 17;
constexpr int objective_count = 23;

/// Everything mapped to one recommendation. A score below 0 means "not mapped".
struct Mappings {
  struct Target {
    std::string_view code;  ///< "10.7"
    int goal = 0;           ///< 10
    int order = -1;         ///< index into sdg_target_codes(), -1 for a code not in it
    double score = 0;
    std::string evidence;   ///< the evidence lines, one per line
  };

  std::array<double, goal_count> goals;
  std::array<double, objective_count> objectives;
  std::vector<Target> targets;  ///< in official order; only the first `target_count` are used
  std::size_t target_count = 0;

  bool any_goal() const;
  bool any_objective() const;
};

/// The workbook's view of the annotations: scheme "sdg" (levels "goal" and "target") and
/// "gcm" (level "objective") with a score of at least `threshold`, found per recommendation
/// through the corpus view (which the host indexed once; nothing is indexed again here).
/// Keeps a reference to `corpus`, which must outlive it.
class MappingIndex {
 public:
  MappingIndex(const CorpusView& corpus, double threshold);

  /// Fills `out` with the mappings of `subject` (a recommendation's address). Several
  /// annotations of one code (from several analyzers) give the highest score and all
  /// their evidence.
  void find(std::string_view subject, Mappings& out) const;

  /// Annotations left out because their code is no SDG goal or GCM objective.
  std::size_t unknown_codes() const { return unknown_; }

  /// "name version" of each analyzer whose annotations are shown, in order of appearance.
  const std::vector<std::string>& analyzers() const { return analyzers_; }

 private:
  struct FoundTarget {
    unsigned order;  ///< position in the official list; targets not in it (-1) go last, by code
    const Annotation* annotation;
  };
  const CorpusView& corpus_;
  double threshold_;
  mutable std::vector<FoundTarget> targets_;  // find()'s scratch; the workbook is written by one thread
  std::size_t unknown_ = 0;
  std::vector<std::string> analyzers_;
};

/// Position of a target code in sdg_target_codes() ("1.1" -> 0), or -1.
int target_order(std::string_view code);

}  // namespace dossier::xlsx
