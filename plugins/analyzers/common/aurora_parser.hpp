// The query language (aurora.hpp, "Supported syntax"): a query's text parsed into a tree of
// terms for the Matcher to compile, and the operator spellings load_queries() also needs.
#pragma once

#include "aurora_compiled.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace dossier::aurora::detail {

// Case-insensitive (ASCII) equality.
bool iequals(std::string_view a, std::string_view b);
// Whether `w` is the proximity operator `name`/n ("W/3", "PRE/2"); `n` receives n.
bool proximity(std::string_view w, std::string_view name, std::uint32_t& n);
// Whether `w` is spelled as a field code (TITLE-ABS-KEY).
bool field_code(std::string_view w);

struct LocalTerm {
  std::vector<WordPat> words;
};

struct LocalTree {
  std::vector<Node> nodes;        // Op::term nodes index `terms`
  std::vector<LocalTerm> terms;
  std::vector<bool> negative;     // per term: only under the right side of AND NOT
};

// Parses query `q` into a local tree (terms as word lists); `root` receives its root node.
// Throws std::runtime_error, naming the fault and its offset, when `q` does not parse.
LocalTree parse_query(std::string_view q, std::uint32_t& root);

}  // namespace dossier::aurora::detail
