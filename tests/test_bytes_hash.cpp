// The analyzers' in-memory hash (plugins/analyzers/common/bytes_hash.hpp): its tail is read
// with overlapping loads; it must give what copying the tail into a zeroed word gives, so that
// no table's order (and no output) depends on how it is computed.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "bytes_hash.hpp"

namespace {

// The definition: the bytes padded with zeros to whole words of eight, mixed word by word.
std::uint64_t reference(std::string_view bytes) {
  std::string padded(bytes);
  padded.resize((bytes.size() + 7) / 8 * 8, '\0');
  std::uint64_t h = 0x9e3779b97f4a7c15ull ^ bytes.size();
  for (std::size_t i = 0; i < padded.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, padded.data() + i, 8);
    h = ((h ^ w) * 0xff51afd7ed558ccdull);
    h ^= h >> 29;
  }
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 31);
}

}  // namespace

TEST_CASE("hash_bytes gives the reference value for every length and byte") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += static_cast<char>(0x80 + i * 3);  // high bytes: no sign mix-up
  for (std::size_t from = 0; from < 8; ++from)
    for (std::size_t n = 0; from + n <= text.size(); ++n) {
      const std::string_view s(text.data() + from, n);
      INFO(from << " " << n);
      CHECK(dossier::analyzers::hash_bytes(s) == reference(s));
    }
  CHECK(dossier::analyzers::hash_bytes("ab") != dossier::analyzers::hash_bytes(std::string_view("ab\0", 3)));
  CHECK(dossier::analyzers::hash_bytes("\xe4\xb8\xad") == reference("\xe4\xb8\xad"));
}
