// The Aurora SDG query engine: see aurora.hpp. Here the Matcher's face and the matching of
// a text; query files are read in aurora_query_xml.cpp, queries compiled in aurora_compile.cpp
// and evaluated in aurora_evaluate.cpp.
#include "aurora.hpp"
#include "aurora_matcher_impl.hpp"
#include "aurora_token_cache.hpp"

#include <algorithm>
#include <map>
#include <memory>

namespace dossier::aurora {

using namespace detail;

// Appends the ids of the word patterns `tok` (lower case) matches: literal words, prefixes,
// globs, and singular words whose regular plural it is.
void Matcher::Impl::words_of(std::string_view tok, std::vector<std::uint32_t>& wps,
                             std::vector<std::uint32_t>& stem_nodes) const {
  std::uint32_t node = 0;
  std::size_t k = 0;
  stem_nodes.assign(tok.size() + 1, 0);  // stem_nodes[j]: the node after j bytes (0: none)
  for (; k < tok.size(); ++k) {
    node = trie.child(node, static_cast<unsigned char>(tok[k]));
    if (node == 0) break;
    stem_nodes[k + 1] = node;
    const auto& f = trie.nodes[node];
    for (auto p = f.prefix_begin; p < f.prefix_end; ++p) {
      const auto w = trie.lists[p];
      if (words[w].kind == WordKind::prefix || glob_match(words[w].text, tok)) wps.push_back(w);
    }
  }
  if (k == tok.size() && node != 0) {
    const auto& f = trie.nodes[node];
    for (auto p = f.exact_begin; p < f.exact_end; ++p) wps.push_back(trie.lists[p]);
  }
  if (!plurals) return;
  // The walk reached the node of the token minus "s" or "es": singular words there match.
  const auto n = tok.size();
  const auto add_plural = [&](std::uint32_t at) {
    const auto& f = trie.nodes[at];
    for (auto p = f.exact_begin; p < f.exact_end; ++p)
      if (words[trie.lists[p]].kind == WordKind::exact) wps.push_back(trie.lists[p]);
  };
  if (n >= 2 && tok[n - 1] == 's' && k >= n - 1 && stem_nodes[n - 1]) add_plural(stem_nodes[n - 1]);
  if (n >= 3 && tok[n - 2] == 'e' && tok[n - 1] == 's' && k >= n - 2 && stem_nodes[n - 2])
    add_plural(stem_nodes[n - 2]);
  if (n >= 4 && tok.compare(n - 3, 3, "ies") == 0 && k >= n - 3 && stem_nodes[n - 3]) {
    if (const auto y = trie.child(stem_nodes[n - 3], 'y')) add_plural(y);
  }
}

// Buffers reused by the calls of one thread (match() is const and may run concurrently).
struct Matcher::Impl::Scratch {
  Run run;
  std::string lower;
  std::vector<std::uint32_t> wp_begin, wps, stem_nodes, candidates;
  std::vector<Span> spans;
  std::map<std::uint64_t, TokenCache> caches;  // by matcher serial
};

Matcher::Impl::Scratch& Matcher::Impl::thread_scratch() {
  thread_local Scratch scratch;
  return scratch;
}

std::vector<Match> Matcher::Impl::match(std::string_view text) const {
  Scratch& scratch = thread_scratch();
  if (scratch.caches.size() > 8 && !scratch.caches.count(serial)) scratch.caches.clear();
  Run& r = scratch.run;
  r.text = text;
  r.occs.clear();
  if (r.stamp.size() < term_total()) {
    r.stamp.assign(term_total(), 0);
    r.first.resize(term_total());
    r.last.resize(term_total());
    r.generation = 0;
  }
  if (++r.generation == 0) {  // wrapped: forget every stamp
    std::fill(r.stamp.begin(), r.stamp.end(), 0);
    r.generation = 1;
  }
  std::string& lower = scratch.lower;
  tokenize(text, lower, r.toks, false);
  r.lower = lower;

  // Word patterns matched by each token (CSR layout).
  auto& wp_begin = scratch.wp_begin;
  auto& wps = scratch.wps;
  auto& stem_nodes = scratch.stem_nodes;
  wp_begin.assign(r.toks.size() + 1, 0);
  wps.clear();
  TokenCache& cache = scratch.caches[serial];
  for (std::size_t i = 0; i < r.toks.size(); ++i) {
    wp_begin[i] = static_cast<std::uint32_t>(wps.size());
    const std::string_view tok(lower.data() + r.toks[i].b, r.toks[i].e - r.toks[i].b);
    const std::uint32_t hash = TokenCache::hash(tok);
    const std::uint32_t *b = nullptr, *e = nullptr;
    if (cache.find(tok, hash, b, e)) {
      wps.insert(wps.end(), b, e);
    } else {
      const std::size_t from = wps.size();
      words_of(tok, wps, stem_nodes);
      cache.insert(tok, hash, wps.data() + from, wps.data() + wps.size());
    }
  }
  wp_begin[r.toks.size()] = static_cast<std::uint32_t>(wps.size());

  // Term occurrences: the first word found above, the following words checked in place.
  auto token_has = [&](std::size_t i, std::uint32_t w) {
    for (auto p = wp_begin[i]; p < wp_begin[i + 1]; ++p)
      if (wps[p] == w) return true;
    return false;
  };
  const std::size_t token_count = r.toks.size();
  for (std::size_t i = 0; i < token_count; ++i) {
    for (auto p = wp_begin[i]; p < wp_begin[i + 1]; ++p) {
      const auto w = wps[p];
      for (auto s = start_begin[w]; s < start_begin[w + 1]; ++s) {
        const auto t = start_terms[s];
        const auto wb = term_word_begin[t], we = term_word_begin[t + 1];
        const std::size_t length = we - wb;
        if (i + length > token_count) continue;
        bool ok = true;
        for (std::size_t k = 1; k < length && ok; ++k) ok = token_has(i + k, term_word_ids[wb + k]);
        if (ok) r.occs.push_back({t, {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + length - 1)}});
      }
    }
  }
  std::vector<Match> out;
  if (r.occs.empty()) return out;
  std::sort(r.occs.begin(), r.occs.end());

  // Candidate queries: those whose anchor clause has a term that occurs.
  auto& candidates = scratch.candidates;
  candidates.clear();
  for (std::size_t i = 0; i < r.occs.size(); ++i) {
    const auto t = r.occs[i].term;
    if (i && t == r.occs[i - 1].term) {
      r.last[t] = static_cast<std::uint32_t>(i + 1);
      continue;
    }
    r.stamp[t] = r.generation;
    r.first[t] = static_cast<std::uint32_t>(i);
    r.last[t] = static_cast<std::uint32_t>(i + 1);
    candidates.insert(candidates.end(), anchor_queries.begin() + anchor_begin[t],
                      anchor_queries.begin() + anchor_begin[t + 1]);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  out.reserve(std::min<std::size_t>(candidates.size(), 32));  // most candidates fail; a few dozen at most match
  for (auto qi : candidates) {
    const Query& q = queries[qi];
    if (!possible(r, q.root)) continue;
    auto& spans = scratch.spans;
    spans.clear();
    eval(r, q.root, spans);
    if (spans.empty()) continue;
    out.push_back({qi, evidence(r, q, spans)});
  }
  return out;
}

Matcher::Matcher(const std::vector<TargetQuery>& queries, Options options) : impl_(std::make_unique<Impl>()) {
  impl_->plurals = options.plurals;
  for (std::size_t i = 0; i < queries.size(); ++i) impl_->compile(i, queries[i]);
  impl_->index_anchors();
  impl_->trie.build(impl_->words);
  impl_->flatten();
  impl_->word_ids.clear();
  impl_->term_ids.clear();
}

Matcher::~Matcher() = default;
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;

std::vector<Match> Matcher::match(std::string_view text) const { return impl_->match(text); }
const std::vector<std::string>& Matcher::problems() const { return impl_->problems; }
std::size_t Matcher::compiled_queries() const { return impl_->compiled; }
std::size_t Matcher::term_count() const { return impl_->term_total(); }

}  // namespace dossier::aurora
