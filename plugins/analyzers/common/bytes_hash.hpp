// One hash for the analyzers' in-memory tables of words and terms (never stored in a file).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace dossier::analyzers {

/// Eight bytes at a time (a byte-wise hash cost as much as the rest of a lookup), the length
/// folded in so that "ab" and "ab\0" differ; both halves of the result are well mixed.
inline std::uint64_t hash_bytes(std::string_view bytes) {
  constexpr std::uint64_t mul = 0xff51afd7ed558ccdull;
  std::uint64_t h = 0x9e3779b97f4a7c15ull ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = (h ^ w) * mul;
    h ^= h >> 29;
  }
  if (i < bytes.size()) {
    std::uint64_t w = 0;
    std::memcpy(&w, bytes.data() + i, bytes.size() - i);
    h = (h ^ w) * mul;
    h ^= h >> 29;
  }
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 31);
}

}  // namespace dossier::analyzers
