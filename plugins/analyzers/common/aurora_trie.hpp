// The trie over the literal words and literal prefixes of a Matcher's word patterns, walked
// once per distinct token of a text.
#pragma once

#include "aurora_compiled.hpp"

#include <cstdint>
#include <map>
#include <vector>

namespace dossier::aurora::detail {

struct Trie {
  struct NodeB {
    std::map<unsigned char, std::uint32_t> kids;
    std::vector<std::uint32_t> exact, prefix;
  };
  struct NodeF {
    std::uint32_t edge_begin = 0, edge_end = 0;
    std::uint32_t exact_begin = 0, exact_end = 0;
    std::uint32_t prefix_begin = 0, prefix_end = 0;
    std::uint32_t dense = none;  // with many children: their offset in `dense_kids` (256 entries)
  };
  static constexpr std::uint32_t none = 0xFFFFFFFFu;
  static constexpr std::uint32_t dense_from = 4;  // children count from which a node gets a table
  std::vector<std::uint32_t> dense_kids;
  std::vector<NodeF> nodes;
  std::vector<unsigned char> edge_byte;
  std::vector<std::uint32_t> edge_node;
  std::vector<std::uint32_t> lists;  // word-pattern ids

  void build(const std::vector<WordPat>& pats) {
    std::vector<NodeB> b(1);
    for (std::uint32_t id = 0; id < pats.size(); ++id) {
      std::uint32_t cur = 0;
      for (char ch : pats[id].literal) {
        const auto c = static_cast<unsigned char>(ch);
        auto it = b[cur].kids.find(c);
        if (it == b[cur].kids.end()) {
          b.emplace_back();
          const auto nn = static_cast<std::uint32_t>(b.size() - 1);
          b[cur].kids.emplace(c, nn);
          cur = nn;
        } else {
          cur = it->second;
        }
      }
      (pats[id].kind == WordKind::exact || pats[id].kind == WordKind::strict ? b[cur].exact : b[cur].prefix).push_back(id);
    }
    nodes.assign(b.size(), {});
    for (std::size_t i = 0; i < b.size(); ++i) {
      auto& f = nodes[i];
      f.edge_begin = static_cast<std::uint32_t>(edge_byte.size());
      for (const auto& [c, k] : b[i].kids) {
        edge_byte.push_back(c);
        edge_node.push_back(k);
      }
      f.edge_end = static_cast<std::uint32_t>(edge_byte.size());
      if (b[i].kids.size() >= dense_from) {
        f.dense = static_cast<std::uint32_t>(dense_kids.size());
        dense_kids.resize(dense_kids.size() + 256, 0);
        for (const auto& [c, k] : b[i].kids) dense_kids[f.dense + c] = k;
      }
      f.exact_begin = static_cast<std::uint32_t>(lists.size());
      lists.insert(lists.end(), b[i].exact.begin(), b[i].exact.end());
      f.exact_end = f.prefix_begin = static_cast<std::uint32_t>(lists.size());
      lists.insert(lists.end(), b[i].prefix.begin(), b[i].prefix.end());
      f.prefix_end = static_cast<std::uint32_t>(lists.size());
    }
  }

  // The child of `node` on byte `c`, or 0 (the root is never a child).
  std::uint32_t child(std::uint32_t node, unsigned char c) const {
    const auto& f = nodes[node];
    if (f.dense != none) return dense_kids[f.dense + c];
    for (auto e = f.edge_begin; e < f.edge_end; ++e)
      if (edge_byte[e] == c) return edge_node[e];
    return 0;
  }
};

}  // namespace dossier::aurora::detail
