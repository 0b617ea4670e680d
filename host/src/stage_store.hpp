// The first stage of a build: its embedded store opened, and for `dossier merge` the
// shards' partial stores copied into it.
#pragma once

#include <memory>

#include "pipeline.hpp"
#include "store.hpp"

namespace dossier::host {

/// The build's store (spec.cache_file, the default one, or a shard's partial store); none
/// with --no-cache, or when it cannot be opened (a warning: the build goes on without it).
std::unique_ptr<Store> open_store(const RunSpec& spec);

/// `dossier merge`: copies spec.merge_stores into `store` (and removes them with
/// spec.remove_merged). False when the build must stop; report.exit_code says why.
bool merge_partial_stores(const RunSpec& spec, Store* store, RunReport& report);

}  // namespace dossier::host
