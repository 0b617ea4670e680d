// The compiled forms the Matcher works with: word patterns and query tree nodes, made by the
// parser and the compiler, and the spans and term occurrences found in a text.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dossier::aurora::detail {

// exact: a word, also matching its regular English plural (+s, +es, y->ies) when enabled;
// strict: a word of an {exact phrase}, matching only itself.
enum class WordKind : std::uint8_t { exact, prefix, glob, strict };

struct WordPat {
  WordKind kind = WordKind::exact;
  std::string text;     // exact, strict: the word; prefix: the prefix; glob: the whole pattern
  std::string literal;  // the literal start (= text for exact, strict and prefix)
};

enum class Op : std::uint8_t { term, any, all, and_not, near, pre };

struct Node {
  Op op = Op::term;
  std::uint32_t term = 0;  // Op::term
  std::uint32_t n = 0;     // Op::near, Op::pre
  std::vector<std::uint32_t> kids;
};

struct Query {
  bool ok = false;
  std::uint32_t root = 0;
  std::vector<std::uint32_t> positive_terms;  // sorted, distinct
};

struct Span {
  std::uint32_t s = 0, e = 0;  // first and last token, inclusive
  bool operator<(const Span& o) const { return s != o.s ? s < o.s : e < o.e; }
  bool operator==(const Span& o) const { return s == o.s && e == o.e; }
};

struct Occ {
  std::uint32_t term = 0;
  Span span;
  bool operator<(const Occ& o) const { return term != o.term ? term < o.term : span < o.span; }
};

// Sorts v[from, end) and drops its duplicates.
inline void sort_unique(std::vector<Span>& v, std::size_t from = 0) {
  std::sort(v.begin() + static_cast<std::ptrdiff_t>(from), v.end());
  v.erase(std::unique(v.begin() + static_cast<std::ptrdiff_t>(from), v.end()), v.end());
}

}  // namespace dossier::aurora::detail
