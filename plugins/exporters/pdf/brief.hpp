// What goes into one brief: the recommendations in its focus, ranked, and the figures about
// them. Taken from the model and the sdg/gcm annotations only; nothing is re-parsed.
#pragma once

#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <dossier/corpus_view.hpp>
#include <dossier/model.hpp>

namespace dossier::pdf {

/// A focus value from the job: "sdg:10", "sdg:10.7", "gcm:13", "addressee:States",
/// "document:A/68/283", or empty for the whole corpus.
struct Focus {
  std::string kind;   ///< "", "sdg", "gcm", "addressee", "document"
  std::string value;  ///< "10", "10.7", "13", "States", "A/68/283"
  std::string text() const { return kind.empty() ? "" : kind + ":" + value; }
};

/// Parses and checks a focus value; throws std::invalid_argument naming what is wrong
/// (unknown kind, no such SDG goal or target, GCM objective outside 1..23).
Focus parse_focus(std::string_view text);

/// One recommendation with what the analyzers said about it.
struct Item {
  const Document* document = nullptr;
  const Recommendation* recommendation = nullptr;
  double score = 0;                  ///< strength of the link to the focus (max annotation score)
  std::set<int> goals;               ///< SDG goals 1..17
  std::vector<std::string> targets;  ///< SDG targets in official order ("10.7")
  std::vector<int> objectives;       ///< GCM objectives, ascending
};

struct Brief {
  Focus focus;
  std::size_t documents_total = 0;
  std::size_t recommendations_total = 0;
  std::vector<Item> items;  ///< every recommendation in focus, best first
  std::size_t key_count = 0;  ///< the first key_count items are the key recommendations
  std::array<int, 17> per_goal{};  ///< items mapped to each goal
  /// Documents with items, in corpus order, with their items per goal.
  std::vector<std::pair<const Document*, std::array<int, 17>>> per_document;
  std::set<std::string> targets;
  std::set<int> objectives;
  /// The SDG profile of each document in per_document: the goals of its own annotations
  /// (subject = its id), empty when it has none.
  std::map<const Document*, std::set<int>> profiles;
};

/// Selects and ranks. Ties keep corpus order, so the same corpus gives the same brief.
Brief select_brief(const CorpusView& corpus, const Focus& focus, std::size_t key_recommendations);

}  // namespace dossier::pdf
