// Reading the benchmark programs' inputs, the same way in each: corpus.json, and the fields
// of the line-based dumps bench/run.py and bench/xlsx.py write (whole files:
// dossier::read_bytes, included here).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dossier/domain/files.hpp"
#include "dossier/domain/json.hpp"
#include "dossier/model.hpp"

namespace bench {

inline dossier::Corpus load_corpus(const std::string& path) {
  const nlohmann::json j = nlohmann::json::parse(dossier::read_bytes(path));
  dossier::Corpus corpus;
  for (const auto& d : j.at("documents")) corpus.documents.push_back(dossier::document_from_json(d.dump()));
  for (const auto& a : j.at("annotations")) {
    dossier::Annotation x;
    x.subject = a.at("subject");
    x.scheme = a.at("scheme");
    x.code = a.at("code");
    x.level = a.value("level", "");
    x.score = a.at("score");
    x.evidence = a.value("evidence", std::vector<std::string>{});
    x.analyzer = a.value("analyzer", "");
    x.analyzer_version = a.value("analyzer_version", "");
    corpus.annotations.push_back(std::move(x));
  }
  return corpus;
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
