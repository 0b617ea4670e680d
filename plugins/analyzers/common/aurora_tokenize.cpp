// Tokenising and glob matching: see aurora_tokenize.hpp.
#include "aurora_tokenize.hpp"

#include <algorithm>
#include <cstring>

#include <dossier/domain/utf8.hpp>

namespace dossier::aurora::detail {

namespace {

bool is_ascii_word(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Length of the UTF-8 sequence at s[i] (of an ill-formed one, the bytes one U+FFFD would
// replace), and whether it separates words.
std::size_t utf8_char(std::string_view s, std::size_t i, bool& separator) {
  const auto c = static_cast<unsigned char>(s[i]);
  const std::size_t len = utf8::sequence_at(s, i).length;
  separator = false;
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (len == 2 && c == 0xC2) {
    const auto d = at(1);
    separator = d == 0xA0 || d == 0xAB || d == 0xBB;  // no-break space, guillemets
  } else if (len == 3 && c == 0xE2) {
    separator = at(1) == 0x80 || (at(1) == 0x81 && at(2) <= 0xAF);  // U+2000-U+206F
  } else if (len == 3 && c == 0xE3) {
    separator = at(1) == 0x80;  // U+3000-U+303F: CJK punctuation, ideographic space
  } else if (len == 3 && c == 0xEF) {
    separator = at(1) == 0xBB && at(2) == 0xBF;  // byte order mark
  }
  return len;
}

// What an ASCII byte is to the tokenizer, and its lower-case form: a table lookup per byte
// instead of comparisons, as every byte of every text passes here.
enum ByteClass : std::uint8_t { separator, word_byte, wildcard, non_ascii };

struct ByteTables {
  ByteClass kind[256];
  char lower[256];
  ByteTables() {
    for (int c = 0; c < 256; ++c) {
      const auto u = static_cast<unsigned char>(c);
      kind[c] = u >= 0x80 ? non_ascii : is_ascii_word(u) ? word_byte : (u == '*' || u == '?') ? wildcard : separator;
      lower[c] = fold(u);
    }
  }
};
const ByteTables bytes;

}  // namespace

// Splits `s` into words; `lower` receives `s` with ASCII folded to lower case (same offsets).
// With `wild`, '*' and '?' are word characters (query words).
void tokenize(std::string_view s, std::string& lower, std::vector<Tok>& toks, bool wild) {
  lower.resize(s.size());
  toks.clear();
  const auto* in = reinterpret_cast<const unsigned char*>(s.data());
  char* out = lower.data();
  const std::size_t n = s.size();
  // Whether the character at `i` belongs to a word; copies it (folded) to `out` and moves past it.
  const auto take = [&](std::size_t& i) {
    const unsigned char c = in[i];
    const ByteClass k = bytes.kind[c];
    if (k != non_ascii) {
      out[i++] = bytes.lower[c];
      return k == word_byte || (wild && k == wildcard);
    }
    bool sep;
    const std::size_t len = utf8_char(s, i, sep);
    std::memcpy(out + i, in + i, len);
    i += len;
    return !sep;
  };
  std::size_t i = 0;
  while (i < n) {
    std::size_t start = i;
    if (!take(i)) continue;
    std::size_t end = i;
    while (i < n && take(i)) end = i;
    toks.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
  }
}

// Glob match of a lower-case word: '*' any run of bytes, '?' one UTF-8 character.
bool glob_match(std::string_view pat, std::string_view w) {
  std::size_t p = 0, t = 0, star_p = std::string_view::npos, star_t = 0;
  auto skip_char = [&](std::size_t i) {
    bool sep;
    return utf8_char(w, i, sep);
  };
  while (t < w.size()) {
    if (p < pat.size() && pat[p] == '?') {
      ++p;
      t += skip_char(t);
    } else if (p < pat.size() && pat[p] == '*') {
      star_p = p++;
      star_t = t;
    } else if (p < pat.size() && pat[p] == w[t]) {
      ++p;
      ++t;
    } else if (star_p != std::string_view::npos) {
      p = star_p + 1;
      t = ++star_t;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

}  // namespace dossier::aurora::detail
