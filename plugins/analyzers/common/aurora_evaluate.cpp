// Evaluating compiled queries over the term occurrences of one text: which match, where,
// and on which words (the evidence).
#include "aurora_matcher_impl.hpp"

#include <algorithm>
#include <iterator>

namespace dossier::aurora {

using namespace detail;

// False when a term operand of a conjunctive node (AND, W/n, PRE/n, left of AND NOT) is absent.
bool Matcher::Impl::may_match(const Run& r, const Node& n) const {
  const std::size_t count = n.op == Op::and_not ? 1 : n.kids.size();
  for (std::size_t k = 0; k < count; ++k) {
    const Node& kid = nodes[n.kids[k]];
    if (kid.op == Op::term && !present(r, kid.term)) return false;
  }
  return true;
}

// Whether the query tree could match judging by term presence alone (proximity and AND NOT
// ignored): rules most candidates out without building span lists.
bool Matcher::Impl::possible(const Run& r, std::uint32_t id) const {
  const Node& n = nodes[id];
  // Terms are looked up before subtrees are walked: one of them often settles the node.
  const auto is_term = [&](std::uint32_t k) { return nodes[k].op == Op::term; };
  switch (n.op) {
    case Op::term:
      return present(r, n.term);
    case Op::any:
      for (auto k : n.kids)
        if (is_term(k) && present(r, nodes[k].term)) return true;
      for (auto k : n.kids)
        if (!is_term(k) && possible(r, k)) return true;
      return false;
    case Op::and_not:
      return possible(r, n.kids[0]);
    case Op::all:
    case Op::near:
    case Op::pre:
      for (auto k : n.kids)
        if (is_term(k) && !present(r, nodes[k].term)) return false;
      for (auto k : n.kids)
        if (!is_term(k) && !possible(r, k)) return false;
      return true;
  }
  return false;
}

// Appends to `out` the spans where the subtree `id` matches, sorted and distinct among
// themselves. Intermediate lists live in `r.buffers`, reused from text to text, so that
// evaluating a query allocates nothing once a thread has warmed up.
void Matcher::Impl::eval(Run& r, std::uint32_t id, std::vector<Span>& out, std::size_t depth) const {
  const Node& n = nodes[id];
  const std::size_t from = out.size();
  switch (n.op) {
    case Op::term: {
      const auto [b, e] = occurrences(r, n.term);
      for (auto p = b; p != e; ++p) out.push_back(p->span);  // already sorted
      return;
    }
    case Op::any:
      for (auto k : n.kids) eval(r, k, out, depth + 1);
      sort_unique(out, from);
      return;
    case Op::all:
      if (!may_match(r, n)) return;
      for (auto k : n.kids) {
        const std::size_t before = out.size();
        eval(r, k, out, depth + 1);
        if (out.size() == before) {
          out.resize(from);
          return;
        }
      }
      sort_unique(out, from);
      return;
    case Op::and_not: {
      if (!may_match(r, n)) return;
      eval(r, n.kids[0], out, depth + 1);
      if (out.size() == from) return;
      auto& right = buffer(r, depth, 0);
      eval(r, n.kids[1], right, depth + 1);
      if (!right.empty()) out.resize(from);
      return;
    }
    case Op::near:
    case Op::pre: {
      if (!may_match(r, n)) return;
      auto& left = buffer(r, depth, 0);
      eval(r, n.kids[0], left, depth + 1);
      if (left.empty()) return;
      auto& right = buffer(r, depth, 1);
      eval(r, n.kids[1], right, depth + 1);  // sorted by start
      if (right.empty()) return;
      std::int64_t max_len = 0;
      for (const auto& s : right) max_len = std::max<std::int64_t>(max_len, s.e - s.s);
      const std::int64_t gap = static_cast<std::int64_t>(n.n) + 1;
      for (const auto& l : left) {
        const std::int64_t start = static_cast<std::int64_t>(l.s) - gap - max_len;
        auto it = std::lower_bound(right.begin(), right.end(), start,
                                   [](const Span& s, std::int64_t v) { return static_cast<std::int64_t>(s.s) < v; });
        for (; it != right.end() && static_cast<std::int64_t>(it->s) <= static_cast<std::int64_t>(l.e) + gap; ++it) {
          bool ok;
          if (it->s > l.e) {
            ok = it->s - l.e <= gap;  // n words or fewer between them
          } else if (n.op == Op::near && l.s > it->e) {
            ok = l.s - it->e <= gap;
          } else {
            ok = false;  // overlapping, or the wrong order for PRE/n
          }
          if (ok) out.push_back({std::min(l.s, it->s), std::max(l.e, it->e)});
        }
      }
      sort_unique(out, from);
      return;
    }
  }
}

// The emptied scratch list `which` (0 or 1) of recursion level `depth`; a deque, so that
// adding levels leaves the lists of the levels above in place.
std::vector<Span>& Matcher::Impl::buffer(Run& r, std::size_t depth, int which) {
  const std::size_t i = 2 * depth + static_cast<std::size_t>(which);
  while (r.buffers.size() <= i) r.buffers.emplace_back();
  r.buffers[i].clear();
  return r.buffers[i];
}

std::vector<std::string_view> Matcher::Impl::evidence(Run& r, const Query& q, const std::vector<Span>& spans) const {
  // Merge the matching spans, then keep the positive-term occurrences inside them.
  auto& merged = r.merged;
  merged.clear();
  for (const auto& s : spans) {
    if (!merged.empty() && s.s <= merged.back().e + 1)
      merged.back().e = std::max(merged.back().e, s.e);
    else
      merged.push_back(s);
  }
  auto& hits = r.hits;
  hits.clear();
  for (auto t : q.positive_terms) {
    const auto [b, e] = occurrences(r, t);
    for (auto p = b; p != e; ++p) {
      auto it = std::upper_bound(merged.begin(), merged.end(), p->span.s,
                                 [](std::uint32_t v, const Span& m) { return v < m.s; });
      if (it != merged.begin() && std::prev(it)->e >= p->span.e) hits.push_back(p->span);
    }
  }
  sort_unique(hits);
  std::vector<std::string_view> out;
  auto& seen = r.seen;  // distinct by folded text: `lower` holds it at the same offsets
  seen.clear();
  for (const auto& h : hits) {
    const auto b = r.toks[h.s].b, e = r.toks[h.e].e;
    const std::string_view key = r.lower.substr(b, e - b);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    out.push_back(r.text.substr(b, e - b));
    if (out.size() >= max_evidence) break;
  }
  return out;
}

}  // namespace dossier::aurora
