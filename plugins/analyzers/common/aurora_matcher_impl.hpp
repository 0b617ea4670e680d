// Matcher::Impl, declared once for the files that define its members stage by stage:
// compiling queries (aurora_compile.cpp), evaluating them (aurora_evaluate.cpp) and matching
// a text (aurora.cpp).
#pragma once

#include "aurora.hpp"
#include "aurora_compiled.hpp"
#include "aurora_parser.hpp"
#include "aurora_tokenize.hpp"
#include "aurora_trie.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dossier::aurora {

struct Matcher::Impl {
  std::vector<detail::WordPat> words;
  // While compiling; flatten() lays them out flat below and empties them.
  std::vector<std::vector<std::uint32_t>> term_words;        // term -> word-pattern ids
  std::vector<std::vector<std::uint32_t>> first_word_terms;  // word pattern -> terms it starts
  std::vector<std::vector<std::uint32_t>> term_queries;      // term -> queries it anchors
  // The three tables above laid flat for matching (CSR: the entries of item i are
  // X[X_begin[i], X_begin[i + 1])): one array each instead of a vector per item.
  std::vector<std::uint32_t> term_word_begin, term_word_ids, start_begin, start_terms, anchor_begin, anchor_queries;
  std::vector<detail::Node> nodes;
  std::vector<detail::Query> queries;
  std::vector<std::string> problems;
  std::size_t compiled = 0;
  bool plurals = true;
  detail::Trie trie;
  // Names this matcher in per-thread caches; never reused, unlike an address.
  std::uint64_t serial = next_serial();

  static std::uint64_t next_serial() {
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
  }

  std::unordered_map<std::string, std::uint32_t> word_ids, term_ids;

  // Compiling (aurora_compile.cpp).
  std::uint32_t intern_word(const detail::WordPat& w);
  std::uint32_t intern_term(const detail::LocalTerm& t);
  void compile(std::size_t index, const TargetQuery& tq);
  std::vector<std::vector<std::uint32_t>> clauses(std::uint32_t id) const;
  void index_anchors();
  static void flat(std::vector<std::vector<std::uint32_t>>& lists, std::vector<std::uint32_t>& begin,
                   std::vector<std::uint32_t>& items);
  std::size_t term_total() const { return term_word_begin.size() - 1; }
  void flatten();

  // Per-call state of a match.
  struct Run {
    std::string_view text;
    std::string_view lower;  // `text` with ASCII folded to lower case, same offsets
    std::vector<detail::Tok> toks;
    std::vector<detail::Occ> occs;  // sorted by term, then span
    // Per term, when stamp[term] == generation: its occurrences are occs[first[term], last[term]).
    std::vector<std::uint32_t> stamp, first, last;
    std::uint32_t generation = 0;
    std::deque<std::vector<detail::Span>> buffers;  // see buffer()
    std::vector<detail::Span> merged, hits;  // evidence()'s scratch lists
    std::vector<std::string_view> seen;      // evidence() terms so far, folded
  };

  static bool present(const Run& r, std::uint32_t term) { return r.stamp[term] == r.generation; }

  std::pair<const detail::Occ*, const detail::Occ*> occurrences(const Run& r, std::uint32_t term) const {
    if (!present(r, term)) return {nullptr, nullptr};
    return {r.occs.data() + r.first[term], r.occs.data() + r.last[term]};
  }

  // Evaluating the queries (aurora_evaluate.cpp).
  bool may_match(const Run& r, const detail::Node& n) const;
  bool possible(const Run& r, std::uint32_t id) const;
  void eval(Run& r, std::uint32_t id, std::vector<detail::Span>& out, std::size_t depth = 0) const;
  static std::vector<detail::Span>& buffer(Run& r, std::size_t depth, int which);
  std::vector<std::string_view> evidence(Run& r, const detail::Query& q, const std::vector<detail::Span>& spans) const;

  // Matching a text (aurora.cpp).
  void words_of(std::string_view tok, std::vector<std::uint32_t>& wps, std::vector<std::uint32_t>& stem_nodes) const;
  struct Scratch;
  // This thread's buffers. Not inlined: in a plugin (a dlopen'ed library) each use of a
  // thread_local costs a __tls_get_addr call, which the compiler repeats at every access it
  // cannot prove unchanged; through a returned reference it is one call per match().
  [[gnu::noinline]] static Scratch& thread_scratch();
  std::vector<Match> match(std::string_view text) const;
};

}  // namespace dossier::aurora
