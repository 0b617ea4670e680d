// Sharded builds (docs/scale-out.md): which share of the sources a process takes, and where
// the partial stores of a job are.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace dossier::host {

struct Shard {
  std::size_t index = 0;  ///< 1-based
  std::size_t count = 0;
};

/// Parses "K/N" (1 <= K <= N), or "auto": the shard from a cluster scheduler's environment,
/// a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, 0-based, with DOSSIER_SHARDS) or a Slurm
/// job array (SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1 of SLURM_ARRAY_TASK_COUNT).
/// Returns false with `error` when it cannot.
bool parse_shard(const std::string& text, Shard& shard, std::string& error);

/// The partial stores to merge: `given` if not empty, otherwise every
/// OUTPUT/.dossier/shards/shard-K-of-N.sqlite. Refuses (false, `error`) a set that mixes
/// shard counts or misses a shard.
bool partial_stores(const std::filesystem::path& output_dir, const std::vector<std::string>& given,
                    std::vector<std::filesystem::path>& stores, std::string& error);

}  // namespace dossier::host
