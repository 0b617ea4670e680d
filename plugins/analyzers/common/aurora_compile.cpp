// Compiling queries into a Matcher: parsed trees interned into shared terms and word
// patterns, each query indexed under its anchor, the tables laid flat for matching.
#include "aurora_matcher_impl.hpp"

#include <algorithm>
#include <exception>

namespace dossier::aurora {

using namespace detail;

namespace {

// Marks the terms that only occur on the right of AND NOT (they never make a query a candidate).
void mark_polarity(const LocalTree& t, std::uint32_t node, bool negative, std::vector<bool>& positive) {
  const Node& n = t.nodes[node];
  if (n.op == Op::term) {
    if (!negative) positive[n.term] = true;
    return;
  }
  for (std::size_t k = 0; k < n.kids.size(); ++k)
    mark_polarity(t, n.kids[k], negative || (n.op == Op::and_not && k == 1), positive);
}

}  // namespace

std::uint32_t Matcher::Impl::intern_word(const WordPat& w) {
  const std::string key = std::string(1, static_cast<char>('0' + static_cast<int>(w.kind))) + w.text;
  const auto [it, fresh] = word_ids.emplace(key, static_cast<std::uint32_t>(words.size()));
  if (fresh) {
    words.push_back(w);
    first_word_terms.emplace_back();
  }
  return it->second;
}

std::uint32_t Matcher::Impl::intern_term(const LocalTerm& t) {
  std::vector<std::uint32_t> ids;
  std::string key;
  for (const auto& w : t.words) {
    ids.push_back(intern_word(w));
    key += std::to_string(ids.back()) + ",";
  }
  const auto [it, fresh] = term_ids.emplace(key, static_cast<std::uint32_t>(term_words.size()));
  if (fresh) {
    first_word_terms[ids[0]].push_back(it->second);
    term_words.push_back(std::move(ids));
    term_queries.emplace_back();
  }
  return it->second;
}

void Matcher::Impl::compile(std::size_t index, const TargetQuery& tq) {
  Query q;
  try {
    std::uint32_t root = 0;
    LocalTree tree = parse_query(tq.text, root);
    std::vector<bool> positive(tree.terms.size(), false);
    mark_polarity(tree, root, false, positive);
    std::vector<std::uint32_t> term_map(tree.terms.size());
    for (std::size_t i = 0; i < tree.terms.size(); ++i) {
      term_map[i] = intern_term(tree.terms[i]);
      if (positive[i]) q.positive_terms.push_back(term_map[i]);
    }
    const auto base = static_cast<std::uint32_t>(nodes.size());
    for (auto n : tree.nodes) {
      if (n.op == Op::term) n.term = term_map[n.term];
      for (auto& k : n.kids) k += base;
      nodes.push_back(std::move(n));
    }
    q.root = root + base;
    std::sort(q.positive_terms.begin(), q.positive_terms.end());
    q.positive_terms.erase(std::unique(q.positive_terms.begin(), q.positive_terms.end()), q.positive_terms.end());
    q.ok = true;
    ++compiled;
  } catch (const std::exception& e) {
    problems.push_back("query " + std::to_string(index) + " (" + tq.target + "): " + e.what());
    q = Query{};
  }
  queries.push_back(std::move(q));
}

// Necessary conditions of the subtree `id` as clauses of terms: it can only match when
// every clause has a term that occurs. An OR gives one clause, the union of one clause of
// each alternative.
std::vector<std::vector<std::uint32_t>> Matcher::Impl::clauses(std::uint32_t id) const {
  const Node& n = nodes[id];
  std::vector<std::vector<std::uint32_t>> out;
  switch (n.op) {
    case Op::term:
      out.push_back({n.term});
      break;
    case Op::and_not:
      out = clauses(n.kids[0]);
      break;
    case Op::all:
    case Op::near:
    case Op::pre:
      for (auto k : n.kids)
        for (auto& c : clauses(k)) out.push_back(std::move(c));
      break;
    case Op::any: {
      std::vector<std::uint32_t> any;
      for (auto k : n.kids) {
        auto kid = clauses(k);
        const auto smallest = std::min_element(kid.begin(), kid.end(),
                                               [](const auto& a, const auto& b) { return a.size() < b.size(); });
        any.insert(any.end(), smallest->begin(), smallest->end());
      }
      std::sort(any.begin(), any.end());
      any.erase(std::unique(any.begin(), any.end()), any.end());
      out.push_back(std::move(any));
      break;
    }
  }
  return out;
}

// Indexes each query under the terms of one necessary clause only (its anchor), so that a
// text makes a query a candidate only when that clause is met, not whenever one of its many
// common words occurs. The anchor is the clause whose terms occur in the fewest queries:
// a word many queries share is likely common in text too.
void Matcher::Impl::index_anchors() {
  std::vector<std::uint32_t> spread(term_words.size(), 0);
  for (const auto& q : queries)
    if (q.ok)
      for (auto t : q.positive_terms) ++spread[t];
  for (std::size_t i = 0; i < queries.size(); ++i) {
    if (!queries[i].ok) continue;
    const auto all = clauses(queries[i].root);
    const std::vector<std::uint32_t>* best = nullptr;
    std::size_t best_cost = 0;
    for (const auto& c : all) {
      std::size_t cost = 0;
      for (auto t : c) cost += spread[t];
      if (!best || cost < best_cost) {
        best = &c;
        best_cost = cost;
      }
    }
    for (auto t : *best) term_queries[t].push_back(static_cast<std::uint32_t>(i));
  }
}

void Matcher::Impl::flat(std::vector<std::vector<std::uint32_t>>& lists, std::vector<std::uint32_t>& begin,
                         std::vector<std::uint32_t>& items) {
  begin.assign(1, 0);
  items.clear();
  for (const auto& l : lists) {
    items.insert(items.end(), l.begin(), l.end());
    begin.push_back(static_cast<std::uint32_t>(items.size()));
  }
  std::vector<std::vector<std::uint32_t>>().swap(lists);
}

void Matcher::Impl::flatten() {
  flat(term_words, term_word_begin, term_word_ids);
  flat(first_word_terms, start_begin, start_terms);
  flat(term_queries, anchor_begin, anchor_queries);
}

}  // namespace dossier::aurora
