// What goes into the brief on one State's Universal Periodic Review: the recommendations
// it received in its latest review, grouped by SDG goal and, within a goal, by SDG target
// (the theme); what changed since its previous review when both reports are in the corpus;
// and the recommendations it made to the other States reviewed there. Taken from the model
// (recommending States, positions, the addendum that gave them) and the sdg annotations only.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <dossier/corpus_view.hpp>
#include <dossier/domain/upr.hpp>
#include <dossier/model.hpp>

namespace dossier::pdf {

/// One UPR recommendation as a State brief shows it.
struct StateItem {
  const Document* document = nullptr;  ///< the report
  const Recommendation* recommendation = nullptr;
  std::string number;                  ///< as the report prints it ("121.1", "4"); may be empty
  std::vector<int> goals;              ///< SDG goals, strongest mapping first
  std::vector<std::string> targets;    ///< SDG targets in official order
  std::string theme;                   ///< the strongest target of the main goal; "" when none
  const Document* position_document = nullptr;  ///< the response that gave the position, when not the report
  /// The goal it is shown under: the strongest, 0 when none.
  int goal() const { return goals.empty() ? 0 : goals.front(); }
};

/// Recommendations by position.
struct PositionCounts {
  std::size_t supported = 0, noted = 0, pending = 0, unknown = 0;
  void add(const std::string& position);
  std::size_t total() const { return supported + noted + pending + unknown; }
};

/// One review of the State: its report and what it received there.
struct StateReview {
  UprReport report;
  std::vector<StateItem> items;  ///< in the report's order
  PositionCounts positions;
  std::map<std::string, std::string> recommending;  ///< state_key() -> the name as printed
  std::array<PositionCounts, 18> per_goal{};         ///< by main goal; [0]: mapped to none
};

/// The recommendations of the latest review under one goal.
struct GoalGroup {
  int goal = 0;                      ///< 1..17; 0: mapped to no goal
  std::vector<std::size_t> items;    ///< indices into the latest review's items: by theme, then report order
};

/// A recommendation of the latest review that repeats one of the previous review.
struct Repeated {
  std::size_t latest = 0, previous = 0;  ///< indices into the two reviews' items
};

/// The latest review against the one before it.
struct StateChange {
  std::vector<Repeated> repeated;          ///< in the latest review's order
  std::vector<std::string> new_states;     ///< recommending now, not the previous time (names, sorted)
  std::vector<std::string> former_states;  ///< the converse
};

/// What the State recommended in another State's review.
struct MadeTo {
  UprReport report;
  std::vector<StateItem> items;
};

struct StateBrief {
  std::string state;  ///< as its latest report names it, else as asked
  std::string key;    ///< state_key(state)
  std::size_t documents_total = 0;
  std::vector<StateReview> reviews;  ///< its reviews in the corpus, oldest first
  std::vector<GoalGroup> groups;     ///< of the latest review: goals 1..17 that have some, then 0
  bool has_change = false;           ///< two reviews or more: `change` compares the last two
  StateChange change;
  std::vector<MadeTo> made;          ///< newest report first
  std::size_t made_count = 0;
  std::vector<const Document*> sources;  ///< reports and responses cited, in corpus order

  const StateReview* latest() const { return reviews.empty() ? nullptr : &reviews.back(); }
  const StateReview* previous() const { return reviews.size() < 2 ? nullptr : &reviews[reviews.size() - 2]; }
};

/// The States under review in the corpus, once each (by state_key()), as their latest report
/// names them, in the order of their first report.
std::vector<std::string> states_under_review(const CorpusView& corpus);

/// The brief on `state` (a name any report or the country tables know; any case). A State
/// with no report in the corpus gets a brief with only what it recommended to others.
StateBrief select_state_brief(const CorpusView& corpus, std::string_view state);

/// How alike two recommendations are, 0..1: the share of content words they have in common
/// (Dice's coefficient), leaving out the recommending States and words every recommendation
/// uses. Repeated recommendations are those at `repeated_likeness` or more.
double likeness(const Recommendation& a, const Recommendation& b);
inline constexpr double repeated_likeness = 0.6;

}  // namespace dossier::pdf
