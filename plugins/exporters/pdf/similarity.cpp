#include "similarity.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

#include <dossier/domain/utf8.hpp>

#include "bytes_hash.hpp"
#include "classifier_terms.hpp"

namespace dossier::pdf {

std::vector<std::string> digit_runs(std::string_view text) {
  std::vector<std::string> runs;
  std::string run;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = utf8::next(text, i);
    char digit = 0;
    if (c >= '0' && c <= '9') digit = static_cast<char>(c);
    if (c >= 0x660 && c <= 0x669) digit = static_cast<char>('0' + (c - 0x660));  // Arabic-Indic
    if (c >= 0x6F0 && c <= 0x6F9) digit = static_cast<char>('0' + (c - 0x6F0));  // Eastern Arabic-Indic
    if (digit) {
      run += digit;
    } else if (!run.empty()) {
      runs.push_back(std::move(run));
      run.clear();
    }
  }
  if (!run.empty()) runs.push_back(std::move(run));
  return runs;
}

namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFF;

bool ascii(std::string_view text) {
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {  // eight bytes at a time: any high bit is not ASCII
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    if (w & 0x8080808080808080ull) return false;
  }
  for (; i < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
  return true;
}

}  // namespace

template <typename Emit>
void Wording::each_word(std::string_view text, Emit&& emit) {
  std::string& word = number_;
  if (ascii(text)) {
    // What the classifier's terms and digit_runs() find in ASCII text, in one pass: a word is
    // a run of letters and digits with a letter and two characters at least, in lower case; a
    // number is a run of digits, anywhere. The text is put in lower case once, and its words
    // are views of that copy (no string per word).
    static const auto kind = [] {  // 0 other, 1 digit, 2 letter
      std::array<unsigned char, 128> k{};
      for (int c = '0'; c <= '9'; ++c) k[static_cast<std::size_t>(c)] = 1;
      for (int c = 'a'; c <= 'z'; ++c) k[static_cast<std::size_t>(c)] = k[static_cast<std::size_t>(c - 32)] = 2;
      return k;
    }();
    lower_.assign(text.data(), text.size());
    for (char& c : lower_) c = static_cast<char>(c | ((c >= 'A' && c <= 'Z') ? 0x20 : 0));
    const char* const p = lower_.data();
    const std::size_t size = lower_.size();
    const auto at = [&](std::size_t i) { return kind[static_cast<unsigned char>(p[i])]; };
    for (std::size_t i = 0; i < size;) {
      if (!at(i)) {
        ++i;
        continue;
      }
      const std::size_t start = i;
      unsigned char seen = 0;  // bit 1: a digit, bit 2: a letter
      for (; i < size && at(i); ++i) seen |= at(i);
      if ((seen & 2) && i - start >= 2) emit(std::string_view(p + start, i - start));
      for (std::size_t j = start; (seen & 1) && j < i;) {
        if (at(j) != 1) {
          ++j;
          continue;
        }
        const std::size_t from = j;
        while (j < i && at(j) == 1) ++j;
        word.assign(1, '#').append(p + from, j - from);
        emit(std::string_view(word));
      }
    }
    return;
  }
  classifier::detail::for_each_term(text, false, 0, emit);
  for (auto& n : digit_runs(text)) emit(std::string_view(word.assign(1, '#').append(n)));  // '#': apart from words
}

std::uint32_t Wording::intern(std::string_view word) {
  if (2 * (hash_.size() + 1) > table_.size()) {  // grow: keep the table at most half full
    Store<std::uint32_t> bigger(std::max<std::size_t>(1024, table_.size() * 2), 0, table_.get_allocator());
    const std::size_t mask = bigger.size() - 1;
    for (std::uint32_t n = 0; n < hash_.size(); ++n) {
      std::size_t slot = hash_[n] & mask;
      while (bigger[slot] != 0) slot = (slot + 1) & mask;
      bigger[slot] = n + 1;
    }
    table_.swap(bigger);
  }
  const std::uint64_t h = analyzers::hash_bytes(word);
  const std::size_t mask = table_.size() - 1;
  std::size_t slot = h & mask;
  for (; table_[slot] != 0; slot = (slot + 1) & mask) {
    const std::uint32_t n = table_[slot] - 1;
    if (hash_[n] == h && spelling(n) == word) return n;
  }
  const auto n = static_cast<std::uint32_t>(hash_.size());
  table_[slot] = n + 1;
  hash_.push_back(h);
  offset_.push_back(static_cast<std::uint32_t>(arena_.size()));
  length_.push_back(static_cast<std::uint32_t>(word.size()));
  id_.push_back(kNone);
  stamp_.push_back(0);
  arena_.insert(arena_.end(), word.begin(), word.end());
  return n;
}

void Wording::numbers_of(std::string_view text, std::vector<std::uint32_t>& out) {
  out.clear();
  const std::uint32_t stamp = ++text_count_;
  each_word(text, [&](std::string_view w) {
    const std::uint32_t n = intern(w);
    if (stamp_[n] != stamp) {
      stamp_[n] = stamp;
      out.push_back(n);
    }
  });
}

Wording::Words Wording::ids_of(std::vector<std::uint32_t>& numbers) {
  std::sort(numbers.begin(), numbers.end(),
            [&](std::uint32_t a, std::uint32_t b) { return spelling(a) < spelling(b); });
  Words out;
  out.reserve(numbers.size());
  for (const std::uint32_t n : numbers) {
    if (id_[n] == kNone) id_[n] = next_id_++;
    out.push_back(id_[n]);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Wording::Wording(const std::vector<std::string_view>& texts) {
  // Every text's words first; then ids in the order of the texts and, within one, of the
  // words' spelling (as words() gives them), through each word's rank in spelling order, so
  // that no text's words are sorted as strings.
  const Store<std::uint32_t>::allocator_type store(memory_);
  Store<std::uint32_t> numbers(store);  // every text's distinct words, one text after the other
  std::vector<std::uint32_t> one;
  Store<std::uint32_t> from(store);
  from.reserve(texts.size() + 1);
  from.push_back(0);
  // A text said again word for word (the same recommendation to several States, or in several
  // reports) is split once: `same[t]` is its first occurrence, and it shares that one's words.
  // (An open-addressing table of text numbers, at most half full: no node per text.)
  std::size_t slots = 16;
  while (slots < 2 * texts.size()) slots *= 2;
  Store<std::uint32_t> first(slots, 0, store);  // text number + 1, 0 = empty
  Store<std::uint32_t> same(texts.size(), 0, store);
  std::size_t bytes = 0;
  for (const auto text : texts) bytes += text.size();
  arena_.reserve(bytes / 8);  // about one new word in 8 bytes of text (less where texts repeat)
  numbers.reserve(bytes / 8);
  for (std::size_t t = 0; t < texts.size(); ++t) {
    std::size_t slot = analyzers::hash_bytes(texts[t]) & (slots - 1);
    while (first[slot] != 0 && texts[first[slot] - 1] != texts[t]) slot = (slot + 1) & (slots - 1);
    if (first[slot] == 0) first[slot] = static_cast<std::uint32_t>(t + 1);
    same[t] = first[slot] - 1;
    if (same[t] == t) {
      numbers_of(texts[t], one);
      numbers.insert(numbers.end(), one.begin(), one.end());
    }
    from.push_back(static_cast<std::uint32_t>(numbers.size()));
  }
  Store<std::uint32_t> by_spelling(hash_.size(), 0, store), rank(hash_.size(), 0, store);
  for (std::uint32_t n = 0; n < by_spelling.size(); ++n) by_spelling[n] = n;
  std::sort(by_spelling.begin(), by_spelling.end(),
            [&](std::uint32_t a, std::uint32_t b) { return spelling(a) < spelling(b); });
  for (std::uint32_t r = 0; r < by_spelling.size(); ++r) rank[by_spelling[r]] = r;
  Store<std::uint32_t> found_in(hash_.size(), 0, store);  // by id: every word has one by the end
  span_.reserve(texts.size());
  words_.reserve(numbers.size());
  for (std::size_t t = 0; t < texts.size(); ++t) {
    if (same[t] == t) {
      const auto begin = static_cast<std::uint32_t>(words_.size());
      const auto list_begin = numbers.begin() + static_cast<std::ptrdiff_t>(from[t]);
      const auto list_end = numbers.begin() + static_cast<std::ptrdiff_t>(from[t + 1]);
      // Ids for the words new here, in spelling order; then the text's words by id.
      const auto new_end = std::partition(list_begin, list_end, [&](std::uint32_t n) { return id_[n] == kNone; });
      std::sort(list_begin, new_end, [&](std::uint32_t a, std::uint32_t b) { return rank[a] < rank[b]; });
      for (auto it = list_begin; it != new_end; ++it) id_[*it] = next_id_++;
      for (auto it = list_begin; it != list_end; ++it) words_.push_back(id_[*it]);
      std::sort(words_.begin() + begin, words_.end());
      span_.emplace_back(begin, static_cast<std::uint32_t>(words_.size()) - begin);
    } else {  // its words have their ids already, in the same order
      span_.push_back(span_[same[t]]);
    }
    for (const std::uint32_t id : words_of(t)) ++found_in[id];
  }
  const double n = static_cast<double>(texts.size());
  // log((n + 1) / (df + 0.5)): positive even for a word every text has.
  weight_.resize(found_in.size());
  for (std::size_t id = 0; id < found_in.size(); ++id) weight_[id] = std::log((n + 1) / (found_in[id] + 0.5));
  unseen_ = std::log((n + 1) / 1.5);
}

Wording::Words Wording::words(std::string_view text) {
  // Words first seen here have no weight_ entry: they weigh unseen_.
  std::vector<std::uint32_t> numbers;
  numbers_of(text, numbers);
  return ids_of(numbers);
}

double Wording::similarity(Span a, Span b) const {
  const auto weight = [&](std::uint32_t id) { return id < weight_.size() ? weight_[id] : unseen_; };
  double shared = 0, either = 0;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i] < b[j])) {
      either += weight(a[i++]);
    } else if (i == a.size() || b[j] < a[i]) {
      either += weight(b[j++]);
    } else {
      shared += weight(a[i]);
      either += weight(a[i]);
      ++i;
      ++j;
    }
  }
  return either > 0 ? shared / either : 0;
}

double Wording::total(Span a) const {
  double sum = 0;
  for (const std::uint32_t id : a) sum += id < weight_.size() ? weight_[id] : unseen_;
  return sum;
}

void Wording::mark(Span a) {
  if (marked_.size() < next_id_) marked_.resize(next_id_, false);
  for (const std::uint32_t id : a) marked_[id] = true;
}

void Wording::unmark(Span a) {
  for (const std::uint32_t id : a) marked_[id] = false;
}

double Wording::shared_with_marked(Span b) const {
  double sum = 0;
  for (const std::uint32_t id : b)
    if (id < marked_.size() && marked_[id]) sum += id < weight_.size() ? weight_[id] : unseen_;
  return sum;
}

}  // namespace dossier::pdf
