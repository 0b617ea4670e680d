// The first stage of a build: its embedded store opened, and for `dossier merge` the
// shards' partial stores copied into it.
#pragma once

#include <memory>

#include "pipeline.hpp"
#include "store.hpp"

namespace dossier::host {

/// Opens the build's store (spec.cache_file, the default one, or a shard's partial store)
/// into `store`; none with --no-cache. When it cannot be written (a full disk, a read-only
/// file) it is opened for reading only, with a warning; when it cannot be read either, the
/// build goes on without it (a warning) unless it must write it (a shard, `merge`) or it may
/// hold the job's build history: then false, report.exit_code exit_failure, and nothing is
/// built. The file is never moved aside for such a failure (only a damaged one is).
bool open_store(const RunSpec& spec, std::unique_ptr<Store>& store, RunReport& report);

/// `dossier merge`: copies spec.merge_stores into `store` (and removes them with
/// spec.remove_merged). False when the build must stop; report.exit_code says why.
bool merge_partial_stores(const RunSpec& spec, Store* store, RunReport& report);

}  // namespace dossier::host
