// Curated vocabularies: mapping rules kept as data (docs/vocabulary.md), one query each in
// the Aurora query language, so a domain expert can review and extend them without code.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <dossier/options.hpp>

#include "aurora.hpp"
#include "loaded_files.hpp"

namespace dossier::vocabulary {

struct Rule {
  std::string code;    ///< SDG target ("10.7") or GCM objective ("6")
  double weight = 0.6; ///< score a match gives, 0..1
  std::string query;   ///< Aurora / Scopus syntax
  std::string note;    ///< why the rule exists
  /// A phrase used whatever the subject ("international cooperation", "scientific research"):
  /// it adds its weight to a mapping that other evidence makes, and never maps alone.
  bool generic = false;
};

struct Vocabulary {
  std::string scheme;   ///< "sdg" or "gcm"
  std::string version;  ///< the file's own version, recorded in evidence
  std::vector<Rule> rules;
};

/// Parses a vocabulary file. `name` names it in errors ("sdg.toml:12: ..."). Throws
/// std::runtime_error for syntax errors, unknown keys, missing fields or weights outside 0..1.
Vocabulary parse(const std::string& toml_text, const std::string& name);

/// The rules' queries in rule order, goal taken from the code, for a matcher that also holds
/// other queries (the sdg analyzer compiles them with the Aurora queries: one pass finds both).
std::vector<aurora::TargetQuery> queries_of(const Vocabulary& vocabulary);

/// A vocabulary compiled for matching: match() gives the rules that fire on a text.
class Compiled {
 public:
  explicit Compiled(Vocabulary vocabulary);
  const Vocabulary& vocabulary() const { return vocabulary_; }
  struct Hit {
    const Rule* rule;
    std::vector<std::string_view> words;  ///< into the text given to match()
  };
  std::vector<Hit> match(std::string_view text) const;
  /// Rules whose query could not be compiled (they never fire).
  const std::vector<std::string>& problems() const { return matcher_.problems(); }

 private:
  Vocabulary vocabulary_;
  aurora::Matcher matcher_;
};

/// The project's vocabulary for `scheme` (sdk/data/vocabulary/SCHEME.toml, embedded in the
/// SDK), compiled once per process; null when the project has none.
const Compiled* builtin(const std::string& scheme);

/// A user's vocabulary file (the analyzers' `vocabulary` option).
Vocabulary load_file(const std::string& path);

/// The vocabularies one analyzer uses: the project's for its scheme (unless the option
/// builtin_vocabulary is false) and the file named by the option `vocabulary`, compiled
/// once per analyzer object.
class Selection {
 public:
  /// With `builtin` false the project's vocabulary is left out whatever the options say (for a
  /// caller that matches it some other way).
  /// Safe to call from several threads at once (a user's file is read once, under a lock).
  std::vector<const Compiled*> for_options(const std::string& scheme, const Options& options, bool builtin = true);

 private:
  analyzers::LoadedFiles<Compiled> extra_;
};

/// The pieces of `head` joined, then " matched:" and each word in quotes: an evidence line,
/// built in one string sized once (the analyzers make one per query or rule that fires).
std::string matched_line(std::initializer_list<std::string_view> head, const std::vector<std::string_view>& words);

/// The evidence line for a rule that fired: version, code, note and matched words.
std::string evidence_line(const Vocabulary& vocabulary, const Rule& rule, const std::vector<std::string_view>& words,
                          const std::string& what);

/// The pieces of evidence for one code. Independent signals combine by noisy-OR
/// (1 - (1 - a)(1 - b)): agreement raises the score, and an explicit reference (1) stays 1.
/// A generic rule's signal (Rule::generic) counts only beside a specific one.
struct Evidence {
  double miss = 1.0;      ///< probability that every signal so far is wrong
  bool specific = false;  ///< some signal other than a generic phrase
  std::vector<std::string> lines;
  void add(double score, std::string line, bool generic = false);
  double score() const { return 1.0 - miss; }
  /// Whether the code is mapped: it reaches `threshold` and not on generic phrases alone.
  bool maps(double threshold) const { return specific && score() >= threshold; }
};

}  // namespace dossier::vocabulary
