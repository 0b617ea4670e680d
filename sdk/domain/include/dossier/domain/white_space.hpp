// White space in text taken from documents and query files, one rule for all: ASCII only
// (a no-break space is a printed character: "16 December 2021"), runs collapsed to one
// space. Inline: called once per character.
#pragma once

#include <string>
#include <string_view>

namespace dossier {

/// Space, \t, \n, \v, \f or \r.
inline bool is_ascii_space(char c) noexcept { return c == ' ' || (c >= '\t' && c <= '\r'); }

/// `s` with runs of ASCII white space collapsed to one space, trimmed; no-break spaces stay.
inline std::string normalise_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (char c : s) {
    if (is_ascii_space(c)) {
      pending = !out.empty();
    } else {
      if (pending) out += ' ';
      pending = false;
      out += c;
    }
  }
  return out;
}

}  // namespace dossier
