// What goes into one brief: the recommendations in its focus, ranked, and the figures about
// them. Taken from the model and the sdg/gcm annotations only; nothing is re-parsed.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <dossier/corpus_view.hpp>
#include <dossier/model.hpp>

#include "quotes.hpp"

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

/// A key recommendation: the item quoted, and the items that say the same thing in other
/// paragraphs (Wording::same), cited with it.
struct Key {
  std::size_t item = 0;           ///< index into Brief::items
  std::vector<std::size_t> same;  ///< indexes into Brief::items, best mapped first
  Quote quote;  ///< what the brief quotes of `item`, set by quote_keys()
};

struct Brief {
  Focus focus;
  std::size_t documents_total = 0;
  std::size_t recommendations_total = 0;
  std::vector<Item> items;  ///< every recommendation in focus, best mapped first
  /// The key recommendations, in the order chosen (choose_keys()).
  std::vector<Key> keys;
  std::array<int, 17> per_goal{};  ///< items mapped to each goal
  /// Documents with items, in corpus order, with their items per goal.
  std::vector<std::pair<const Document*, std::array<int, 17>>> per_document;
  std::set<std::string> targets;
  std::set<int> objectives;
  /// The SDG profile of each document in per_document: the goals of its own annotations
  /// (subject = its id), empty when it has none.
  std::map<const Document*, std::set<int>> profiles;
};

class Wording;

/// The words of every recommendation of a corpus, weighed by how rare they are (Wording),
/// split on first use and then shared by every brief of one exporter run: splitting the
/// corpus is most of choosing a brief's keys, and it is the same for every focus.
class CorpusWords {
 public:
  explicit CorpusWords(const CorpusView& corpus);
  ~CorpusWords();
  CorpusWords(const CorpusWords&) = delete;
  CorpusWords& operator=(const CorpusWords&) = delete;
  /// The Wording of the corpus's recommendations, in corpus order (split here on first use).
  Wording& wording();
  /// The index of the text of `r`, a recommendation of `d`, among wording()'s texts; npos
  /// when they are not the corpus's.
  std::size_t text_of(const Document* d, const Recommendation* r);

 private:
  void split();
  const CorpusView& corpus_;
  std::unique_ptr<Wording> wording_;
  std::vector<std::size_t> first_text_;  ///< by document (corpus order): its first recommendation's text
};

/// Selects and ranks, and chooses up to `key_recommendations` keys with choose_keys(). Ties
/// keep corpus order, so the same corpus gives the same brief. `words`: the corpus's words,
/// shared by the briefs of one run (made here when null).
Brief select_brief(const CorpusView& corpus, const Focus& focus, std::size_t key_recommendations,
                   CorpusWords* words = nullptr);

/// Chooses the key recommendations of `brief` (its items ranked), one at a time: each time the
/// item of the best value, its mapping score discounted for what the keys already chosen
/// cover: x0.8 for each key from its document, down to x0.7 when the keys already cover all
/// its SDG goals and targets (besides the focus), and x(1 - its likeness to the closest key)
/// (Wording::similarity()). The items that say the same thing as the one chosen (likeness at
/// or above Wording::same) join it as one key. Word weights come from every recommendation of
/// `corpus`. Deterministic: among equal values the better ranked item wins.
void choose_keys(const CorpusView& corpus, Brief& brief, std::size_t count, CorpusWords* words = nullptr);

/// Sets each key's quote in `language` (one of label_languages()): Quotes::of().
void quote_keys(Brief& brief, const std::string& language);

}  // namespace dossier::pdf
