// A learned text classifier for the mapping analyzers: one logistic regression per label
// over TF-IDF features, trained by `dossier train` (docs/classifier.md) and shipped as a file.
//
// Why a linear model of our own rather than fastText: every mapping must say why, and a
// linear model's reasons are exact (a term's weight times its value in the text is its share
// of the score); it trains in seconds on the UN's labels with no extra dependency, and it
// needs no word segmentation for Chinese (characters and their pairs are the features).
//
// Features, the same in every language: words lower-cased (ASCII, Latin-1, Latin
// Extended-A, Greek and Cyrillic), Arabic without its vowel marks and tatweel, digits-only
// words dropped; optionally each pair of adjacent words and each word's first N letters (its
// stem: inflected forms share it); and in Chinese or Japanese script
// every character and every pair of adjacent characters. Values are 1 + log(count) times the
// term's IDF, the vector scaled to unit length, so that a paragraph and a whole document
// are scored on one scale.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "huge_pages.hpp"

namespace dossier::classifier {

/// Calls `emit` for each term of `text` (see the file comment), in text order.
/// `stems` > 0 adds each word's first `stems` letters as a term of its own ("миграц~"; after an
/// Arabic article), so that a word's inflected forms share one.
void terms_of(std::string_view text, bool word_pairs, std::size_t stems,
              const std::function<void(std::string_view)>& emit);

/// One entry of a sparse feature vector.
struct Feature {
  std::uint32_t index = 0;
  float value = 0;
};
using Vector = std::vector<Feature>;  ///< sorted by index, unit length (or empty)

/// A term and its share of one label's score in one text.
struct Weighed {
  std::string_view term;
  double contribution = 0;
};

/// A trained model. Immutable once built: scoring may run on several threads at once.
struct Model {
  // What it is and where it comes from (written into its file and into evidence lines).
  std::string scheme;   ///< "sdg"
  std::string level;    ///< "goal"
  std::string name;     ///< "sdg-goals"
  std::string version;  ///< "2026.12.1"
  std::string trained_on;  ///< one line: the data it learned from
  std::string command;     ///< the command that rebuilt it
  std::string licence;     ///< of the model file (the data's terms)
  bool word_pairs = false;
  std::size_t stems = 0;  ///< stem length in letters (terms_of()); 0: none
  std::vector<std::string> labels;  ///< codes, e.g. "1".."17"
  /// Per label: the probability from which a whole document, or a passage (paragraph,
  /// recommendation), gets the label. Chosen by cross-validation when the model was trained.
  std::vector<double> document_threshold, passage_threshold;

  /// The tables of megabytes on huge pages (huge_pages.hpp).
  template <class T>
  using Table = std::vector<T, analyzers::HugePageAllocator<T>>;
  Table<std::string> terms;
  std::vector<float> idf;  ///< per term
  Table<float> weights;    ///< terms.size() x labels.size(), row per term
  std::vector<float> bias;     ///< per label

  /// Builds the term index; call after filling `terms` (parse() does).
  void index_terms();
  /// The feature vector of texts taken together (a document's blocks).
  Vector vectorize(const std::vector<std::string_view>& texts) const;
  /// Appends the index of each of the model's terms in `text` to `found`, once per
  /// occurrence. vector_of() the indices of several texts is vectorize() of those texts: a
  /// caller that scores a document and then its paragraphs splits each text once.
  void find_terms(std::string_view text, std::vector<std::uint32_t>& found) const;
  /// The feature vector of the terms `found` (leaves it holding each distinct term once, sorted).
  Vector vector_of(std::vector<std::uint32_t>& found) const;
  Vector vectorize(std::string_view text) const { return vectorize(std::vector<std::string_view>{text}); }
  /// Probability of each label, in label order.
  std::vector<double> probabilities(const Vector& x) const;
  /// The `n` terms that raised label `label`'s score most, strongest first (positive only).
  std::vector<Weighed> strongest_terms(const Vector& x, std::size_t label, std::size_t n) const;
  /// The same for each label of `which`, in one pass over `x`.
  std::vector<std::vector<Weighed>> strongest_terms(const Vector& x, const std::vector<std::size_t>& which,
                                                    std::size_t n) const;

  /// How many terms it has, and term `i` (in byte order), whether its tables are its own or
  /// an image's (view()).
  std::size_t term_count() const { return view_.slots ? view_.terms : terms.size(); }
  std::string_view term(std::size_t i) const {
    return view_.slots ? std::string_view(view_.term_bytes + view_.term_offsets[i],
                                          view_.term_offsets[i + 1] - view_.term_offsets[i])
                       : std::string_view(terms[i]);
  }

  /// The model file's bytes (docs/classifier.md, "Model file").
  std::string serialize() const;
  /// Reads a model file; `name` names it in errors. Throws std::runtime_error on anything
  /// malformed, truncated or inconsistent.
  static Model parse(std::string_view bytes, const std::string& name);

  /// The model as an image to be used in place by view(): its term index built and every
  /// table laid out as the lookups read it. For this build's hash and byte order (view()
  /// checks both): a plugin's build makes its image from its model file
  /// (tools: dossier_model_image, dossier_embed_model in CMake), which the file then carries.
  std::string image() const;
  /// A model whose tables are those of `image`, which must outlive it, unmoved, 8-byte
  /// aligned: nothing is parsed, copied or indexed, and the pages read are the plugin file's
  /// (shared by every process, never zeroed), where parse() filled megabytes of fresh memory
  /// in each analyzer's child. `name` names it in errors. Throws std::runtime_error on an
  /// image that is not one, or not of this build's hash and byte order.
  static Model view(std::string_view image, const std::string& name);

 private:
  struct Slot;
  /// Where the tables are read: those of an image (view()), else the vectors of this model.
  struct Tables {
    const float* idf = nullptr;
    const float* weights = nullptr;
    const Slot* slots = nullptr;  ///< null: no index (index_terms() not run)
    const std::uint64_t* filter = nullptr;
    const std::uint32_t* ideographs = nullptr;
    const char* term_bytes = nullptr;           ///< an image's only
    const std::uint32_t* term_offsets = nullptr;  ///< terms + 1, an image's only
    std::size_t terms = 0;
  };
  Tables view_;  ///< an image's tables; all null for a model with its own
  Tables tables() const;
  /// Reads the header lines of a model file or image into `m`, up to the blank line that ends
  /// them; returns where that line ends, and the header's weight scales and term count.
  static std::size_t read_header(std::string_view bytes, const std::string& name, Model& m,
                                 std::vector<double>& scale, std::size_t& terms);
  /// The header lines serialize() writes, with weight scales `scale`.
  std::string header(const std::vector<double>& scale) const;

  /// Where a term is: an open-addressing table (linear probing, at most half full), each slot
  /// the upper half of the term's hash with its index + 1 (0: empty), then its key (key_of()).
  /// Most terms looked up are not in the model (word pairs above all), and one slot read, one
  /// cache line, says so where a node-based map walks a chain; a term of up to 7 bytes (a
  /// short word, a Chinese character or pair of them) is told by its key in the same line,
  /// without reading the term list.
  struct Slot {
    std::uint64_t hash_index = 0;
    std::uint64_t key = 0;
  };
  Table<Slot> slots_;
  std::size_t mask_ = 0;
  /// One bit per hash (16 per term, a few hundred KB that stay in the cache): clear when no
  /// term has that hash. Most terms looked up are not in the model, and most of those are
  /// told here, without a cache miss into the slots.
  std::vector<std::uint64_t> filter_;
  std::size_t filter_mask_ = 0;
  /// Index + 1 of each single ideograph from U+3040 to U+9FFF that is a term (0: not one):
  /// Chinese text is half single characters, each found here without hashing.
  std::vector<std::uint32_t> ideographs_;
  /// Entries of ideographs_: U+3040 to U+9FFF.
  static constexpr std::size_t ideograph_table_size = 0x9FFF - 0x3040 + 1;
  /// The term's index, or -1 (as uint32) when the model does not have it.
  std::uint32_t find_term(std::string_view term, std::uint64_t hash, std::uint64_t key, std::size_t from) const;
};

/// One labelled text to learn from.
struct Example {
  std::vector<std::string> texts;   ///< taken together (a document's blocks, or one passage)
  std::vector<std::string> labels;  ///< codes
  std::string group;     ///< examples of one group are held out together ("session 76")
  std::string language;  ///< for the report
  bool passage = false;  ///< a paragraph or recommendation rather than a whole document
};

struct TrainOptions {
  std::vector<std::string> labels;  ///< the label set, in order
  bool word_pairs = true;
  std::size_t stems = 0;  ///< see terms_of(); 0: none
  std::size_t min_df = 3;   ///< a term must occur in this many examples
  std::size_t max_terms = 120000;  ///< keep at most this many, the most widespread
  /// Leave out a term found in more than this share of one language's examples (its
  /// function words: "the", "de", "и"), in languages with at least 100 examples. They carry
  /// little and, as evidence, say nothing to a reader.
  double max_df_share = 0.7;
  double l2 = 1e-5;         ///< L2 penalty per example
  std::size_t epochs = 12;
  /// Passages are scored as the analyzers map them: at most this many labels each, the
  /// furthest above their thresholds (their `model_top` option, default 3).
  std::size_t passage_top = 3;
  std::uint64_t seed = 1;
  /// Fine-tuning: start from this model (its terms, IDF, labels and weights) instead of
  /// learning a vocabulary and starting from zero. Terms it lacks are not learned; run few
  /// `epochs` so that its learning is adjusted, not forgotten. Null: train from scratch.
  const Model* start = nullptr;
  /// Progress lines ("fold 2 of 4 ..."); may be empty.
  std::function<void(const std::string&)> progress;
};

/// Precision, recall and F1 of one label, or of all together.
struct Score {
  std::size_t support = 0, true_positive = 0, false_positive = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

/// How well held-out examples were classified: per label, micro and macro, for one slice.
struct Report {
  std::string slice;  ///< "documents, en", "passages"
  std::size_t examples = 0;
  std::vector<Score> per_label;
  double macro_f1 = 0, micro_f1 = 0;
  double with_a_right_code = 0;  ///< share of labelled examples given at least one of their labels
  double codes_per_example = 0;  ///< labels given per example
};

struct Trained {
  Model model;
  /// Cross-validated: each group held out in turn, the model trained on the others and its
  /// thresholds chosen on the others' out-of-group predictions, so no figure saw its items.
  std::vector<Report> reports;
};

/// Trains on `examples` (terms, IDF, weights and thresholds), holding out each group in turn
/// to choose the thresholds and to report. Throws std::invalid_argument when there is
/// nothing to learn from.
Trained train(const std::vector<Example>& examples, const TrainOptions& options);

}  // namespace dossier::classifier
