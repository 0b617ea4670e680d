// How alike two recommendations are worded: a brief merges near-duplicates into one key
// recommendation and prefers recommendations unlike those it has already chosen.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "memory_arena.hpp"

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
  /// Words held elsewhere (a Words, or a text's words inside the Wording).
  class Span {
   public:
    Span() = default;
    Span(const Words& w) : data_(w.data()), size_(w.size()) {}  // NOLINT: a Words is a Span
    Span(const std::uint32_t* data, std::size_t size) : data_(data), size_(size) {}
    std::size_t size() const { return size_; }
    std::uint32_t operator[](std::size_t i) const { return data_[i]; }
    const std::uint32_t* begin() const { return data_; }
    const std::uint32_t* end() const { return data_ + size_; }

   private:
    const std::uint32_t* data_ = nullptr;
    std::size_t size_ = 0;
  };

  /// `texts`: the texts whose words set the weights (a corpus's recommendations).
  explicit Wording(const std::vector<std::string_view>& texts);

  /// The words of `text`; a word none of the texts has weighs as one found once.
  Words words(std::string_view text);
  /// words() of the constructor's `texts[i]`, split once there (a brief's items are among them).
  Span words_of(std::size_t i) const { return {words_.data() + span_[i].first, span_[i].second}; }

  /// Weighted Jaccard similarity: the weight of the words both share over the weight of the
  /// words either has; 0 (nothing in common) to 1 (the same words). 0 when both are empty.
  double similarity(Span a, Span b) const;
  /// The weight of all of `a`'s words: similarity(a, b) is at most the smaller of the two
  /// totals over the larger.
  double total(Span a) const;
  /// Marks the words of `a` for shared_with_marked(), until unmark(a).
  void mark(Span a);
  void unmark(Span a);
  /// The weight of the words of `b` that are marked: an approximation of what b shares with
  /// the marked words (the sum's rounding may differ from similarity()'s).
  double shared_with_marked(Span b) const;

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
  /// Calls emit(word) for each word and "#digits" of `text`, repeats included.
  template <typename Emit>
  void each_word(std::string_view text, Emit&& emit);
  /// The number of `word` among the words seen (in the order first seen), added if new.
  std::uint32_t intern(std::string_view word);
  std::string_view spelling(std::uint32_t number) const {
    return std::string_view(arena_.data() + offset_[number], length_[number]);
  }
  /// The distinct words of `text` as numbers, in no order.
  void numbers_of(std::string_view text, std::vector<std::uint32_t>& out);
  /// Gives ids to the words of `numbers` that have none, in the order of their spelling (so
  /// that ids do not depend on how the words were found), and returns their ids, ascending.
  Words ids_of(std::vector<std::uint32_t>& numbers);

  // Words interned once: their spelling in one arena, found through an open-addressing table
  // (no string per occurrence: splitting a corpus's recommendations is most of a brief's work).
  // The tables live in memory_ (memory_arena.hpp): in an exporter child, first touching
  // ordinary pages is much of their cost.
  template <typename T>
  using Store = std::vector<T, MemoryArena::Allocator<T>>;
  MemoryArena memory_;
  Store<char> arena_{Store<char>::allocator_type(memory_)};
  std::string lower_, number_;  ///< each_word()'s text in lower case, and its "#digits"
  /// By number: the spelling's place in arena_ and its length, the id (kNone until given).
  Store<std::uint32_t> offset_{Store<std::uint32_t>::allocator_type(memory_)}, length_{offset_.get_allocator()},
      id_{offset_.get_allocator()};
  Store<std::uint64_t> hash_{Store<std::uint64_t>::allocator_type(memory_)};  ///< by number
  Store<std::uint32_t> table_{offset_.get_allocator()};                       ///< number + 1, 0 = empty
  Store<std::uint32_t> stamp_{offset_.get_allocator()};  ///< by number: last text it was found in + 1
  std::uint32_t text_count_ = 0, next_id_ = 0;
  Store<std::uint32_t> words_{offset_.get_allocator()};  ///< the words of the constructor's texts said first
  /// By text: where its words start in words_, and how many; a text said again shares the
  /// words of its first occurrence.
  Store<std::pair<std::uint32_t, std::uint32_t>> span_{Store<std::pair<std::uint32_t, std::uint32_t>>::allocator_type(memory_)};
  Store<double> weight_{Store<double>::allocator_type(memory_)};  ///< by id
  std::vector<bool> marked_;    ///< by id
  double unseen_ = 1;           ///< weight of a word found in one text
};

}  // namespace dossier::pdf
