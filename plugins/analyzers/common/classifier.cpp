// The model at work: terms_of(), the term index, feature vectors and scores (classifier.hpp).
#include "classifier.hpp"
#include "bytes_hash.hpp"
#include "classifier_logistic.hpp"
#include "classifier_terms.hpp"

#include <algorithm>
#include <cmath>

namespace dossier::classifier {
using detail::for_each_term;
using detail::sigmoid;

void terms_of(std::string_view text, bool word_pairs, std::size_t stems,
              const std::function<void(std::string_view)>& emit) {
  for_each_term(text, word_pairs, stems, emit);
}

namespace {
std::uint64_t term_hash(std::string_view term) { return analyzers::hash_bytes(term); }
constexpr std::uint32_t no_term = 0xFFFFFFFFu;
}  // namespace

void Model::index_terms() {
  std::size_t size = 16;
  while (size < 2 * terms.size()) size *= 2;
  slots_.assign(size, 0);
  mask_ = size - 1;
  for (std::uint32_t i = 0; i < terms.size(); ++i) {
    const std::uint64_t h = term_hash(terms[i]);
    std::size_t at = h & mask_;
    bool twice = false;  // kept once; parse() refuses such a file
    for (; slots_[at] != 0 && !twice; at = (at + 1) & mask_) twice = terms[std::uint32_t(slots_[at]) - 1] == terms[i];
    if (!twice) slots_[at] = (h & 0xFFFFFFFF00000000ull) | (i + 1);
  }
}

std::uint32_t Model::find_term(std::string_view term) const { return find_term(term, term_hash(term)); }

std::uint32_t Model::find_term(std::string_view term, std::uint64_t h) const {
  if (slots_.empty()) return no_term;
  const std::uint64_t upper = h & 0xFFFFFFFF00000000ull;
  for (std::size_t at = h & mask_; slots_[at] != 0; at = (at + 1) & mask_) {
    const std::uint64_t slot = slots_[at];
    if ((slot & 0xFFFFFFFF00000000ull) == upper && terms[std::uint32_t(slot) - 1] == term)
      return std::uint32_t(slot) - 1;
  }
  return no_term;
}

void Model::find_terms(std::string_view text, std::vector<std::uint32_t>& found) const {
  // Two passes: split and hash every term, asking the processor for its slot at once; then
  // look them up. The slot reads, cache misses into a table of megabytes, overlap instead of
  // coming one after another (bench_micro BM_ModelVectorize).
  struct Pending {
    std::uint64_t hash;
    std::uint32_t offset, size;
  };
  std::string spelled;  // the terms, one after another
  std::vector<Pending> pending;
  spelled.reserve(2 * text.size());
  pending.reserve(text.size() / 3);
  for_each_term(text, word_pairs, stems, [&](std::string_view term) {
    const std::uint64_t h = term_hash(term);
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & mask_]);
    pending.push_back({h, std::uint32_t(spelled.size()), std::uint32_t(term.size())});
    spelled.append(term);
  });
  const std::size_t n = labels.size();
  for (const Pending& p : pending)
    if (const std::uint32_t i = find_term(std::string_view(spelled).substr(p.offset, p.size), p.hash); i != no_term) {
      // Its IDF is read by vector_of() and its weights by probabilities(): ask for them now too.
      __builtin_prefetch(&idf[i]);
      if (n) __builtin_prefetch(&weights[std::size_t(i) * n]);
      found.push_back(i);
    }
}

Vector Model::vector_of(std::vector<std::uint32_t>& found) const {
  // Counted in a table indexed by term (zero between calls) rather than by sorting every
  // occurrence: a document's tens of thousands of occurrences hold a few thousand distinct
  // terms, and only those are sorted.
  thread_local std::vector<std::uint32_t> count;
  if (count.size() < terms.size()) count.resize(terms.size(), 0);
  std::size_t distinct = 0;
  for (const std::uint32_t i : found)
    if (count[i]++ == 0) found[distinct++] = i;
  found.resize(distinct);
  std::sort(found.begin(), found.end());
  Vector x;
  x.reserve(found.size());
  double norm = 0;
  for (const std::uint32_t i : found) {
    const double value = (1 + std::log(double(count[i]))) * idf[i];
    count[i] = 0;
    x.push_back({i, float(value)});
    norm += value * value;
  }
  if (norm > 0) {
    const double scale = 1 / std::sqrt(norm);
    for (auto& f : x) f.value = float(f.value * scale);
  }
  return x;
}

Vector Model::vectorize(const std::vector<std::string_view>& texts) const {
  std::vector<std::uint32_t> found;
  for (std::string_view text : texts) find_terms(text, found);
  return vector_of(found);
}

std::vector<double> Model::probabilities(const Vector& x) const {
  const std::size_t n = labels.size();
  std::vector<double> z(bias.begin(), bias.end());
  for (const Feature& f : x) {
    const float* w = &weights[std::size_t(f.index) * n];
    for (std::size_t k = 0; k < n; ++k) z[k] += double(w[k]) * f.value;
  }
  for (double& v : z) v = sigmoid(v);
  return z;
}

std::vector<Weighed> Model::strongest_terms(const Vector& x, std::size_t label, std::size_t n) const {
  std::vector<Weighed> all;
  for (const Feature& f : x) {
    const double c = double(weights[std::size_t(f.index) * labels.size() + label]) * f.value;
    if (c > 0) all.push_back({terms[f.index], c});
  }
  const std::size_t keep = std::min(n, all.size());
  std::partial_sort(all.begin(), all.begin() + keep, all.end(),
                    [](const Weighed& a, const Weighed& b) { return a.contribution > b.contribution; });
  all.resize(keep);
  return all;
}

}  // namespace dossier::classifier
