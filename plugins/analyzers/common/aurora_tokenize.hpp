// Tokenising, shared by texts and query words (aurora.hpp: which bytes make words), and
// the glob match of wildcard words.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::aurora::detail {

struct Tok {
  std::uint32_t b = 0, e = 0;  // byte offsets [b, e) into the text
};

inline char fold(unsigned char c) {
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

// Splits `s` into words; `lower` receives `s` with ASCII folded to lower case (same offsets).
// With `wild`, '*' and '?' are word characters (query words).
void tokenize(std::string_view s, std::string& lower, std::vector<Tok>& toks, bool wild);

// Glob match of a lower-case word: '*' any run of bytes, '?' one UTF-8 character.
bool glob_match(std::string_view pat, std::string_view w);

}  // namespace dossier::aurora::detail
