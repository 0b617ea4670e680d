// The analysis stage of a build as the pipeline runs it: the analyzers timed and recorded,
// and a shard's build ended here (it exports nothing).
#pragma once

#include "build_record.hpp"
#include "health.hpp"
#include "pipeline.hpp"

namespace dossier::host {

class Store;

/// Runs spec.analyzers over `corpus` (analysis.hpp) and records their timings and reuse in
/// `record`. False when the build ends here: a shard, whose partial store is now complete
/// (report.exit_code set).
bool analyze_stage(const RunSpec& spec, const PluginRegistry& registry, Store* store, Corpus& corpus,
                   const CorpusHealth& health, BuildRecord& record, RunReport& report);

}  // namespace dossier::host
