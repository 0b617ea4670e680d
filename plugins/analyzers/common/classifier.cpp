// The model at work: terms_of(), the term index, feature vectors and scores (classifier.hpp).
#include "classifier.hpp"
#include "bytes_hash.hpp"
#include "classifier_logistic.hpp"
#include "classifier_terms.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

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
constexpr std::uint64_t upper_half = 0xFFFFFFFF00000000ull;

// A term's key in its slot: the bytes of a term of up to 7 bytes and its length, which tell it
// from every other term; a longer term's first 7 bytes and 0xFF, to be compared in full.
std::uint64_t key_of(std::string_view term) {
  unsigned char bytes[8] = {};
  std::memcpy(bytes, term.data(), std::min<std::size_t>(term.size(), 7));
  bytes[7] = term.size() <= 7 ? static_cast<unsigned char>(term.size()) : 0xFF;
  std::uint64_t key;
  std::memcpy(&key, bytes, 8);
  return key;
}
constexpr std::size_t longest_key = 7;

// The ideograph `term` spells when it is one from U+3040 to U+9FFF (three bytes), else 0.
char32_t single_ideograph(std::string_view term) {
  if (term.size() != 3) return 0;
  const auto b0 = static_cast<unsigned char>(term[0]);
  if (b0 < 0xE3 || b0 > 0xE9) return 0;
  const char32_t c = (char32_t(b0 & 0x0F) << 12) | (char32_t(static_cast<unsigned char>(term[1]) & 0x3F) << 6) |
                     (static_cast<unsigned char>(term[2]) & 0x3F);
  return c >= 0x3040 && c <= 0x9FFF && (static_cast<unsigned char>(term[1]) & 0xC0) == 0x80 &&
                 (static_cast<unsigned char>(term[2]) & 0xC0) == 0x80
             ? c
             : 0;
}
constexpr char32_t first_ideograph = 0x3040, last_ideograph = 0x9FFF;

// The filter's bit for hash `h`: bits of the hash other than those that choose the slot.
std::size_t filter_bit(std::uint64_t h, std::size_t mask) { return (h >> 24 ^ h >> 40) & mask; }
}  // namespace

void Model::index_terms() {
  view_ = Tables{};  // the index of this model's own terms, not an image's
  std::size_t size = 16;
  while (size < 2 * terms.size()) size *= 2;
  slots_.assign(size, Slot{});
  mask_ = size - 1;
  static_assert(ideograph_table_size == last_ideograph - first_ideograph + 1, "one range of ideographs");
  ideographs_.assign(ideograph_table_size, 0);
  std::size_t bits = 1024;
  while (bits < 16 * terms.size()) bits *= 2;
  filter_.assign(bits / 64, 0);
  filter_mask_ = bits - 1;
  // Inserted in the order of their first slots (a stable counting sort on its upper bits), so
  // that the writes walk the table of megabytes from one end to the other instead of missing
  // the cache at every term; which slot a term lands in changes, never which term a lookup
  // finds. A term listed twice is kept once, at its first index (parse() refuses such a file).
  const auto count = static_cast<std::uint32_t>(terms.size());
  // Each term's hash, key and ideograph are taken in one pass in term order (the term list is
  // read once, front to back); the insertion then reads only these entries, put in the order
  // of their first slots, and touches the term list only for a long term whose slot already
  // holds one with the same hash and key (a term listed twice).
  struct Entry {
    std::uint64_t hash, key;
    std::uint32_t index;
  };
  Table<Entry> entries(count);
  const unsigned shift = size > (std::size_t{1} << 16) ? static_cast<unsigned>(__builtin_ctzll(size)) - 16 : 0;
  std::vector<std::uint32_t> start((mask_ >> shift) + 2, 0);
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::string& term = terms[i];
    const std::uint64_t h = term_hash(term);
    entries[i] = {h, key_of(term), i};
    ++start[((h & mask_) >> shift) + 1];
    if (const char32_t c = single_ideograph(term); c && ideographs_[c - first_ideograph] == 0)
      ideographs_[c - first_ideograph] = i + 1;  // the first index of a term listed twice
  }
  for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  Table<Entry> in_order(count);  // stable: a term listed twice keeps its first index first
  for (const Entry& e : entries) in_order[start[(e.hash & mask_) >> shift]++] = e;
  for (const Entry& e : in_order) {
    std::size_t at = e.hash & mask_;
    bool twice = false;
    for (; slots_[at].hash_index != 0 && !twice; at = (at + 1) & mask_)
      twice = (slots_[at].hash_index & upper_half) == (e.hash & upper_half) && slots_[at].key == e.key &&
              (terms[e.index].size() <= longest_key || terms[std::uint32_t(slots_[at].hash_index) - 1] == terms[e.index]);
    if (twice) continue;
    slots_[at] = {(e.hash & upper_half) | (e.index + 1), e.key};
    const std::size_t bit = filter_bit(e.hash, filter_mask_);
    filter_[bit / 64] |= std::uint64_t(1) << (bit % 64);
  }
}

Model::Tables Model::tables() const {
  if (view_.slots) return view_;
  Tables t;
  t.idf = idf.data();
  t.weights = weights.data();
  t.slots = slots_.empty() ? nullptr : slots_.data();
  t.filter = filter_.data();
  t.ideographs = ideographs_.data();
  t.terms = terms.size();
  return t;
}

std::uint32_t Model::find_term(std::string_view term, std::uint64_t h, std::uint64_t key, std::size_t from) const {
  const std::uint64_t upper = h & upper_half;
  const Slot* const slots = view_.slots ? view_.slots : slots_.data();
  for (std::size_t at = from; slots[at].hash_index != 0; at = (at + 1) & mask_) {
    const Slot& slot = slots[at];
    if ((slot.hash_index & upper_half) != upper || slot.key != key) continue;
    const std::uint32_t i = std::uint32_t(slot.hash_index) - 1;
    if (term.size() <= longest_key || this->term(i) == term) return i;
  }
  return no_term;
}

void Model::find_terms(std::string_view text, std::vector<std::uint32_t>& found) const {
  // Four passes, so that the cache misses into tables of megabytes overlap instead of coming
  // one after another (bench_micro BM_ModelVectorize): split and hash every term, asking the
  // processor for its filter bits; leave out those the filter says the model lacks and ask
  // for the others' slots; read the slots, asking for the term list's entry only where a
  // long term's slot matches; then compare. A term that is bytes of `text` itself (an
  // ideograph, a pair of them) is kept as a view; only the others (lower-cased words, pairs,
  // stems) are copied. A single ideograph is looked up by its code point.
  struct Pending {
    std::uint64_t hash, key;
    const char* bytes;     // in `text`, or null: at `offset` in `spelled`
    std::uint32_t offset;  // in `spelled`
    std::uint32_t size;
    std::size_t slot;      // where the lookup starts: no slot before it holds the term
  };
  // Reused (they reach a whole document's size), and reached once: a thread_local in a plugin
  // costs a call at each use.
  thread_local std::string spelled_buffer;  // the copied terms, one after another
  thread_local std::vector<Pending> pending_buffer;
  std::string& spelled = spelled_buffer;
  std::vector<Pending>& pending = pending_buffer;
  spelled.clear();
  const Tables t = tables();
  if (!t.slots) return;
  // Written through an index into a buffer kept at its largest size: push_back() of this
  // struct was a call per term that the compiler would not inline.
  std::size_t count = 0;
  const auto push = [&](const Pending& p) {
    if (count == pending.size()) pending.resize(2 * count + 64);
    pending[count++] = p;
  };
  const std::size_t n = labels.size();
  const auto take = [&](std::uint32_t i) {
    // Its IDF is read by vector_of() and its weights by probabilities(): ask for them now too.
    __builtin_prefetch(&t.idf[i]);
    if (n) __builtin_prefetch(&t.weights[std::size_t(i) * n]);
    found.push_back(i);
  };
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for_each_term(text, word_pairs, stems, [&](std::string_view term) {
    // Only split, hashed and asked for here: the tables are read in the next pass, so that
    // the reads of many terms overlap rather than each term waiting for its own.
    if (const char32_t c = single_ideograph(term)) {
      // In text order like the others, by its code point until the next pass.
      __builtin_prefetch(&t.ideographs[c - first_ideograph]);
      push({0, 0, nullptr, std::uint32_t(c - first_ideograph), 0, 0});
      return;
    }
    const std::uint64_t h = term_hash(term);
    __builtin_prefetch(&t.filter[filter_bit(h, filter_mask_) / 64]);
    if (term.data() >= begin && term.data() < end) {
      push({h, key_of(term), term.data(), 0, std::uint32_t(term.size()), 0});
    } else {
      push({h, key_of(term), nullptr, std::uint32_t(spelled.size()), std::uint32_t(term.size()), 0});
      spelled.append(term);
    }
  });
  // Single ideographs to their terms; the terms the filter says the model lacks left out; the
  // others' slots asked for.
  std::size_t kept = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const Pending p = pending[k];
    if (p.size == 0) {
      if (const std::uint32_t i = t.ideographs[p.offset]) {
        pending[kept] = p;
        pending[kept++].offset = i - 1;
      }
      continue;
    }
    const std::size_t bit = filter_bit(p.hash, filter_mask_);
    if (!(t.filter[bit / 64] >> (bit % 64) & 1)) continue;  // not a term of the model
    __builtin_prefetch(&t.slots[p.hash & mask_]);
    pending[kept++] = p;
  }
  // At most one each, so no growth below; doubled at least, since a caller may gather many
  // texts' terms into one vector (reserve() alone would copy it for each text).
  if (found.capacity() < found.size() + kept) found.reserve(std::max(found.size() + kept, 2 * found.capacity()));
  Pending* const first = pending.data();
  Pending* const last = first + kept;
  for (Pending* q = first; q != last; ++q) {
    Pending& p = *q;
    if (p.size == 0) continue;  // a single ideograph, found (no term is empty)
    // The first slot of its chain that may be the term's: most often the term itself.
    const std::uint64_t upper = p.hash & upper_half;
    std::size_t at = p.hash & mask_;
    while (t.slots[at].hash_index != 0 && ((t.slots[at].hash_index & upper_half) != upper || t.slots[at].key != p.key))
      at = (at + 1) & mask_;
    p.slot = at;
    if (p.size > longest_key && t.slots[at].hash_index != 0) {
      const std::uint32_t i = std::uint32_t(t.slots[at].hash_index) - 1;
      if (t.term_offsets)
        __builtin_prefetch(&t.term_offsets[i]);
      else
        __builtin_prefetch(&terms[i]);
    }
  }
  for (const Pending* q = first; q != last; ++q) {
    const Pending& p = *q;
    if (p.size == 0) {
      take(p.offset);
      continue;
    }
    const std::string_view term(p.bytes ? p.bytes : spelled.data() + p.offset, p.size);
    if (const std::uint32_t i = find_term(term, p.hash, p.key, p.slot); i != no_term) take(i);
  }
}

Vector Model::vector_of(std::vector<std::uint32_t>& found) const {
  // Counted in a table indexed by term (zero between calls) rather than by sorting every
  // occurrence: a document's tens of thousands of occurrences hold a few thousand distinct
  // terms. Those are put in index order by a bitmap of the term list (one bit per term, a few
  // KB) with a summary bit per word of it, so that only the words holding a term are read
  // (scanning the whole bitmap cost a passage of a hundred terms more than sorting them); a
  // handful are sorted.
  // The thread's tables are reached through plain pointers: a thread_local in a plugin is
  // found by a call, which the compiler otherwise repeats inside the loops.
  thread_local std::vector<std::uint32_t> count_table;
  thread_local std::vector<std::uint64_t> seen_table, summary_table;  // all clear between calls
  std::vector<std::uint32_t>& count_vector = count_table;
  const Tables t = tables();
  if (count_vector.size() < t.terms) count_vector.resize(t.terms, 0);
  std::uint32_t* const count = count_vector.data();
  std::uint32_t* const ids = found.data();
  std::size_t distinct = 0;
  for (std::size_t k = 0, size = found.size(); k < size; ++k) {
    const std::uint32_t i = ids[k];
    if (count[i]++ == 0) ids[distinct++] = i;
  }
  found.resize(distinct);
  if (distinct <= 16) {
    std::sort(found.begin(), found.end());
  } else {
    const std::size_t words = (t.terms + 63) / 64;
    std::vector<std::uint64_t>& seen_vector = seen_table;
    std::vector<std::uint64_t>& summary_vector = summary_table;
    if (seen_vector.size() < words) seen_vector.resize(words, 0);
    if (summary_vector.size() < (words + 63) / 64) summary_vector.resize((words + 63) / 64, 0);
    std::uint64_t* const bits = seen_vector.data();
    std::uint64_t* const summary = summary_vector.data();
    for (std::size_t k = 0; k < distinct; ++k) {
      const std::size_t w = ids[k] / 64;
      bits[w] |= std::uint64_t(1) << (ids[k] % 64);
      summary[w / 64] |= std::uint64_t(1) << (w % 64);
    }
    std::size_t k = 0;
    for (std::size_t s = 0, summaries = (words + 63) / 64; s < summaries; ++s) {
      for (std::uint64_t b = summary[s]; b != 0; b &= b - 1) {
        const std::size_t w = s * 64 + static_cast<std::size_t>(__builtin_ctzll(b));
        for (std::uint64_t t = bits[w]; t != 0; t &= t - 1)
          ids[k++] = static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(t)));
        bits[w] = 0;
      }
      summary[s] = 0;
    }
  }
  Vector x(distinct);
  double norm = 0;
  const std::size_t n = labels.size();
  for (std::size_t k = 0; k < distinct; ++k) {
    const std::uint32_t i = ids[k];
    // probabilities() reads the term's weights next: terms found long before (a document's,
    // kept for its paragraphs) are no longer in the cache.
    if (n) {
      __builtin_prefetch(&t.weights[std::size_t(i) * n]);
      __builtin_prefetch(&t.weights[std::size_t(i) * n + n - 1]);
    }
    // 1 + log(1) is 1 exactly: most terms of a passage occur once, and need no logarithm.
    const double value = (count[i] == 1 ? 1.0 : 1 + std::log(double(count[i]))) * t.idf[i];
    count[i] = 0;
    x[k] = {i, float(value)};
    norm += value * value;
  }
  if (norm > 0) {
    const double scale = 1 / std::sqrt(norm);
    for (auto& f : x) f.value = float(f.value * scale);
  }
  return x;
}

Vector Model::vectorize(const std::vector<std::string_view>& texts) const {
  // Reused: a passage's terms would otherwise grow a fresh vector by doubling, ten
  // allocations for a paragraph.
  thread_local std::vector<std::uint32_t> found_buffer;
  std::vector<std::uint32_t>& found = found_buffer;
  found.clear();
  for (std::string_view text : texts) find_terms(text, found);
  return vector_of(found);
}

std::vector<double> Model::probabilities(const Vector& x) const {
  const std::size_t n = labels.size();
  std::vector<double> z(bias.begin(), bias.end());
  const float* const weights = tables().weights;
  for (const Feature& f : x) {
    const float* w = &weights[std::size_t(f.index) * n];
    for (std::size_t k = 0; k < n; ++k) z[k] += double(w[k]) * f.value;
  }
  for (double& v : z) v = sigmoid(v);
  return z;
}

std::vector<std::vector<Weighed>> Model::strongest_terms(const Vector& x, const std::vector<std::size_t>& which,
                                                         std::size_t n) const {
  // One pass over the features for every label asked about: a term's weights for all labels
  // are one row (one cache line), read once rather than once per label. Each label keeps its
  // best `n` in place, strongest first, by insertion (n is a handful): no buffer of every
  // positive share and no heap. The places start at share 0, so that one comparison, with the
  // weakest kept, decides (a share must be positive): whether a share is positive is a coin
  // toss the processor cannot predict, whereas once the places fill most shares fall short.
  // Of equal shares the earlier term (lower index) stays first.
  struct Share {
    std::uint32_t index;
    double contribution;
  };
  const std::size_t m = which.size(), stride = labels.size();
  thread_local std::vector<Share> best_buffer;
  std::vector<Share>& best_vector = best_buffer;
  best_vector.assign(m * n, Share{0, 0.0});
  Share* const best = best_vector.data();
  const float* const weights = tables().weights;
  if (n > 0)
    for (const Feature& f : x) {
      const float* const row = weights + std::size_t(f.index) * stride;
      for (std::size_t j = 0; j < m; ++j) {
        const double c = double(row[which[j]]) * f.value;
        Share* const b = best + j * n;
        if (!(c > b[n - 1].contribution)) continue;
        std::size_t at = n - 1;
        for (; at > 0 && b[at - 1].contribution < c; --at) b[at] = b[at - 1];
        b[at] = {f.index, c};
      }
    }
  std::vector<std::vector<Weighed>> strongest(m);
  for (std::size_t j = 0; j < m; ++j) {
    std::size_t kept = 0;
    while (kept < n && best[j * n + kept].contribution > 0) ++kept;
    strongest[j].reserve(kept);
    for (std::size_t k = 0; k < kept; ++k)
      strongest[j].push_back({term(best[j * n + k].index), best[j * n + k].contribution});
  }
  return strongest;
}

std::vector<Weighed> Model::strongest_terms(const Vector& x, std::size_t label, std::size_t n) const {
  return std::move(strongest_terms(x, std::vector<std::size_t>{label}, n).front());
}

}  // namespace dossier::classifier
