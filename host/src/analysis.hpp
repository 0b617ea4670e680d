// The analysis stage of a build: every requested analyzer over every document, in
// dependency order, on worker threads, reusing what the store already holds.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline.hpp"

namespace dossier::host {

class Store;

struct AnalysisReport {
  nlohmann::ordered_json seconds = nlohmann::ordered_json::object();      ///< wall time per analyzer
  nlohmann::ordered_json cpu_seconds = nlohmann::ordered_json::object();  ///< CPU time per analyzer, all threads
  nlohmann::ordered_json reuse = nlohmann::ordered_json::object();  ///< per analyzer: documents reused, run
};

/// Runs spec.analyzers over `corpus` and appends their annotations to corpus.annotations
/// (analyzer by analyzer in dependency order, document by document), whatever the number of
/// threads. With a store, each analyzer's annotations about a document are looked up by a key
/// of the document's content, the analyzer (name, version, library file, options) and the
/// analyzers before it; only what is missing is computed, then stored. Failures become lines
/// in `errors`; the other analyzers and documents go on.
AnalysisReport analyze_corpus(Corpus& corpus, const RunSpec& spec, const PluginRegistry& registry, Store* store,
                              std::vector<std::string>& errors);

}  // namespace dossier::host
