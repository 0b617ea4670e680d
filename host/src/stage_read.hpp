// The read stage of a build: sources read into a corpus, its health summed up, and the
// build stopped here when --strict finds a problem or nothing could be read.
#pragma once

#include <chrono>

#include "build_record.hpp"
#include "health.hpp"
#include "pipeline.hpp"

namespace dossier::host {

class Store;

/// Reads spec.sources (with spec.catalogue, through `store` if any) into `read` and their
/// health into `health`; records the sources, the documents reused and the time since
/// `started` in `record`. False when the build ends here (report.exit_code says how):
/// --strict and a source skipped or a document unhealthy, no document read, or a shard
/// with no sources.
bool read_stage(const RunSpec& spec, const PluginRegistry& registry, Store* store,
                std::chrono::steady_clock::time_point started, ReadResult& read, CorpusHealth& health,
                BuildRecord& record, RunReport& report);

}  // namespace dossier::host
