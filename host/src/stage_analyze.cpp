// Runs the analyzers of a build and ends a shard's build (stage_analyze.hpp).
#include "stage_analyze.hpp"

#include <chrono>

#include <spdlog/spdlog.h>

#include "analysis.hpp"
#include "store.hpp"

namespace dossier::host {

bool analyze_stage(const RunSpec& spec, const PluginRegistry& registry, Store* store, Corpus& corpus,
                   const CorpusHealth& health, BuildRecord& record, RunReport& report) {
  const auto stage = std::chrono::steady_clock::now();
  AnalysisReport analysis = analyze_corpus(corpus, spec, registry, store, report.errors);
  record.timings["analyze"] = seconds_since(stage);
  record.timings["analyzers"] = analysis.seconds;
  record.timings["analyzers_cpu"] = analysis.cpu_seconds;
  record.reuse["analyses"] = analysis.reuse;
  if (spec.shard_count > 0) {
    spdlog::info("shard {} of {}: {} documents parsed and analysed into {}", spec.shard_index, spec.shard_count,
                 corpus.documents.size(), store ? store->file().string() : std::string("(no store)"));
    log_health(health, 20, "; see manifest.json after the merge");
    report.exit_code = report.errors.empty() ? exit_ok : exit_partial;
    return false;
  }
  return true;
}

}  // namespace dossier::host
