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
    // The last 1 to 7 bytes as a little-endian number, read with two overlapping loads (a
    // memcpy of a variable length is a call: most words and terms end here). Same value as
    // copying them into a zeroed word.
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data() + i);
    const std::size_t n = bytes.size() - i;
    std::uint64_t w;
    if (n >= 4) {
      std::uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      w = lo | (std::uint64_t{hi} << (8 * (n - 4)));
    } else {
      w = p[0] | (std::uint64_t{p[n / 2]} << (8 * (n / 2))) | (std::uint64_t{p[n - 1]} << (8 * (n - 1)));
    }
    h = (h ^ w) * mul;
    h ^= h >> 29;
  }
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 31);
}

}  // namespace dossier::analyzers
