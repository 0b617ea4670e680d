// Reading the benchmark programs' inputs, the same way in each: corpus.json, and the fields
// of the line-based dumps bench/run.py and bench/xlsx.py write (whole files:
// dossier::read_bytes, included here).
#pragma once

#include <string>

#include "dossier/domain/files.hpp"
#include "dossier/domain/json.hpp"
#include "dossier/model.hpp"

namespace bench {

inline dossier::Corpus load_corpus(const std::string& path) {
  return dossier::corpus_from_json(dossier::read_bytes(path));
}

/// A field of the benchmarks' line-based dumps: \n \t \r and \\ escaped.
inline std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    const char c = s[++i];
    out += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
  }
  return out;
}

}  // namespace bench
