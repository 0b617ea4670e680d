// An engine for the Aurora Universities Network SDG queries (Scopus advanced-search syntax).
//
// The Aurora query files (query_SDG1.xml ... query_SDG17.xml, CC BY 4.0) hold, per SDG target,
// one or more query lines such as
//
//   ( ( "income*" ) W/3 ( "growth*" ) ) AND ( "poorest" OR "disadvantaged" OR "marginali*" )
//
// `load_queries` reads one file into `TargetQuery` records (one per target, its lines joined
// with OR); `Matcher` compiles many of them once and then tells, for a piece of text, which
// queries match it and on which words.
//
// Supported syntax
//   - "loose phrase" (words in sequence, `*` = zero or more word characters, `?` = exactly one,
//     anywhere in a word but not at its start; a word without wildcard also matches its regular
//     plural, see Matcher::Options) and {exact phrase} (no wildcards, no plurals);
//   - bare words (`migration`, `migra*`), adjacent operands without an operator mean AND;
//   - OR, AND, AND NOT (also a lone NOT between operands), W/n (within n words, any order),
//     PRE/n (the left operand precedes the right one by at most n words); n counts the words
//     between the two operands, so W/0 means adjacent. Operators are case-insensitive;
//   - parentheses, and field codes (TITLE-ABS-KEY, TITLE, ABS, KEY, AUTHKEY, ALL, ... : any
//     upper-case name directly followed by '('), all of which search "the text";
//   - Scopus precedence: OR binds tightest, then W/n and PRE/n, then AND, then AND NOT (all
//     left-associative), so `a AND b AND NOT c AND NOT d` is `((a AND b) AND NOT c) AND NOT d`.
//
// Text is tokenised into words: ASCII letters and digits (folded to lower case) and every
// byte of a non-ASCII UTF-8 character except common punctuation and spaces (U+00A0, U+00AB,
// U+00BB, U+2000-U+206F, U+3000-U+303F are separators). Query words are tokenised the same
// way, so "women's rights" is the three words women, s, rights and "non-native" is non, native.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::aurora {

/// One query: for an SDG target (or a whole goal) the Scopus query text.
struct TargetQuery {
  std::string goal;    ///< "10"
  std::string target;  ///< "10.7", "10.a"; equal to `goal` for a goal-level query
                       ///< (subquery identifier "0" or none)
  std::string text;    ///< the query: the target's query lines, each in its field code, joined by OR
};

/// Parses the content of one Aurora query file (query_SDGn.xml): one TargetQuery per
/// `query-definition` that has at least one non-empty `query-line`, in document order.
/// A query line starting with a binary operator (AND, OR, NOT, W/n, PRE/n) continues the line
/// before it instead of being OR-ed to it. Element names are matched by their local name.
/// Throws std::runtime_error when the XML is malformed or is not an Aurora query file (no
/// `query` root or no goal identifier `<dc:identifier type="sdg">`).
std::vector<TargetQuery> load_queries(const std::string& xml_content);

/// Where a query matched.
struct Match {
  std::size_t query = 0;  ///< index into the queries the Matcher was built from
  /// Matched terms as they appear in the text (distinct, in text order, at most
  /// Matcher::max_evidence): views into the text given to match(), valid while it is.
  std::vector<std::string_view> evidence;
};

/// How a Matcher matches.
struct MatcherOptions {
  /// As Scopus does, let a query word without wildcard (outside {exact phrases}) also match
  /// its regular English plural: +s, +es, and y -> ies ("remittance" matches "remittances",
  /// "policy" matches "policies"). Irregular plurals are not covered.
  bool plurals = true;
};

/// Many queries compiled once into one multi-pattern structure. `match` tokenises the text
/// once, finds every query term in one pass (a trie of the literal words and of the literal
/// prefixes of wildcard words), and evaluates only the queries whose anchor occurs: one
/// clause of terms the query cannot match without, chosen at compile time among its
/// necessary conditions for the terms fewest queries share. Immutable after construction: `match` may be called from
/// several threads at once.
class Matcher {
 public:
  static constexpr std::size_t max_evidence = 16;

  using Options = MatcherOptions;

  /// Compiles the queries. A query that does not parse is skipped (it never matches) and a
  /// message naming it is added to problems(); the constructor does not throw for it.
  explicit Matcher(const std::vector<TargetQuery>& queries, Options options = {});
  ~Matcher();
  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  /// The queries matching `text` (UTF-8), in query order; their evidence points into `text`.
  std::vector<Match> match(std::string_view text) const;

  /// One message per query that could not be compiled, e.g. "query 12 (10.7): unbalanced (".
  const std::vector<std::string>& problems() const;

  /// How many queries were compiled successfully, and how many distinct terms they use.
  std::size_t compiled_queries() const;
  std::size_t term_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dossier::aurora
