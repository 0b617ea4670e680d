// The per-thread cache of the word patterns each token matched, for Matcher::match
// (aurora.cpp): a data structure of its own, header-only so that its lookups stay inline.
#pragma once

#include "bytes_hash.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::aurora::detail {

// The word patterns each distinct token matched, remembered for one matcher on one thread.
// Reports reuse a small vocabulary, so most tokens then cost one hash lookup instead of a
// walk down the trie with its prefix and plural checks. Open addressing over an arena of
// keys; the table starts small (it stays in the L1/L2 cache for a short text) and doubles
// while half full up to `max_slots`, then is emptied, so memory stays bounded whatever the
// text.
class TokenCache {
 public:
  static constexpr std::size_t first_slots = std::size_t{1} << 12;
  static constexpr std::size_t max_slots = std::size_t{1} << 15;
  static constexpr std::size_t longest = 64;  // bytes of a token kept

  // The cached patterns of `token`, or false.
  bool find(std::string_view token, std::uint32_t hash, const std::uint32_t*& begin,
            const std::uint32_t*& end) const {
    if (slots_.empty()) return false;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.length == 0) return false;
      if (slot.hash == hash && slot.length == token.size() && same(keys_.data() + slot.key, token)) {
        begin = patterns_.data() + slot.begin;
        end = begin + slot.count;
        return true;
      }
    }
  }

  void insert(std::string_view token, std::uint32_t hash, const std::uint32_t* begin, const std::uint32_t* end) {
    // Tokens longer than a word are left out: in Chinese a token is a run of characters up to
    // the next punctuation, rarely seen twice, and keeping each one's bytes grew keys_ by
    // megabytes (3,000 page faults in a GA session's build). So are tokens matching 64 Ki
    // patterns or more (never seen in text).
    if (token.empty() || token.size() > longest || end - begin > 0xFFFF) return;
    if (slots_.empty()) {
      slots_.assign(first_slots, Slot{});
    } else if (used_ >= slots_.size() / 2) {
      if (slots_.size() < max_slots) {
        grow();
      } else {
        std::fill(slots_.begin(), slots_.end(), Slot{});
        used_ = 0;
        keys_.clear();
        patterns_.clear();
      }
    }
    place({hash, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(patterns_.size()),
           static_cast<std::uint16_t>(token.size()), static_cast<std::uint16_t>(end - begin)});
    ++used_;
    keys_.append(token.data(), token.size());
    patterns_.insert(patterns_.end(), begin, end);
  }

  static std::uint32_t hash(std::string_view token) { return static_cast<std::uint32_t>(analyzers::hash_bytes(token) >> 32); }

 private:
  // Everything about one token in 16 bytes, so that a hit costs one cache line of the table.
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t key = 0;    // offset of the token in keys_
    std::uint32_t begin = 0;  // offset of its patterns in patterns_
    std::uint16_t length = 0; // 0: empty slot
    std::uint16_t count = 0;
  };

  // Tokens are short: a loop beats a call to memcmp.
  static bool same(const char* a, std::string_view b) {
    for (std::size_t i = 0; i < b.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

  void place(const Slot& slot) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = slot.hash & mask;
    while (slots_[i].length) i = (i + 1) & mask;
    slots_[i] = slot;
  }

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old)
      if (slot.length) place(slot);
  }

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  std::string keys_;
  std::vector<std::uint32_t> patterns_;
};

}  // namespace dossier::aurora::detail
