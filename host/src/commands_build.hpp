// `dossier run`, `build` and `merge`: the commands that run a build, ad hoc or from a job
// file (whole, one shard, or the merge of the shards).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "commands_common.hpp"
#include "pipeline.hpp"

namespace dossier::host {

/// The store options of run, build and merge (--cache, --no-cache, --force, --threads,
/// --dry-run); merge takes only --cache and --threads.
struct CacheOptions {
  std::string file;
  bool off = false;
  bool force = false;
  bool dry_run = false;
  std::optional<unsigned> threads;
};

/// Crash isolation (docs/cli.md): time and memory limits per plugin, or plugins in this process.
struct IsolationOptions {
  long long time_limit = -1;  // not given: the job's, or RunSpec's default
  long long memory_limit = -1;  // MiB; not given: the job's, or RunSpec's default
  bool off = false;
};

/// `dossier run`'s arguments.
struct RunArgs {
  std::vector<std::string> sources, analyze, exports;
  std::string out, lang = "en";
  CacheOptions cache;
  IsolationOptions isolation;
  bool strict = false;
  bool follow_symlinks = false;
  bool prune = false;
  std::string catalogue;
};

/// `dossier build`'s and `dossier merge`'s arguments. Only build takes --shard, --strict,
/// --follow-symlinks and --dry-run; only merge takes partial stores.
struct JobArgs {
  std::string job_file, out;
  std::vector<std::string> partial_stores;
  std::string shard;
  CacheOptions cache;
  IsolationOptions isolation;
  bool strict = false;
  bool follow_symlinks = false;  ///< build only: on top of the job's `follow_symlinks`
  bool prune = false;            ///< on top of the job's `prune`
};

void apply_cache(RunSpec& spec, const CacheOptions& c);
void apply_isolation(RunSpec& spec, const IsolationOptions& o);

/// `dossier run`: an ad-hoc build over files and folders.
int run_command(const RunArgs& args, const GlobalOptions& g);

/// `dossier build` (merge false) or `dossier merge` (true) of a job file.
int job_command(const JobArgs& args, bool merge, const GlobalOptions& g);

}  // namespace dossier::host
