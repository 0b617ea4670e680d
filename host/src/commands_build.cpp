// The commands that run a build: run, build and merge (commands_build.hpp).
#include "commands_build.hpp"

#include <chrono>
#include <iostream>

#include <spdlog/spdlog.h>

#include "build_lock.hpp"
#include "dossier/version.hpp"
#include "dry_run.hpp"
#include "job.hpp"
#include "requests.hpp"
#include "shard.hpp"

namespace dossier::host {

namespace {

int run_spec(RunSpec spec, const GlobalOptions& g, bool dry_run) {
  std::optional<Catalogue> catalogue;  // checked here, before anything is read; the build loads it again
  if (!load_catalogue(spec.catalogue.string(), catalogue)) return exit_config;
  PluginRegistry registry = load_registry(g);
  for (const auto& line : add_needed_analyzers(spec, registry)) spdlog::info("{}", line);
  auto problems = validate_requests(spec, registry);
  if (!problems.empty()) {
    for (const auto& p : problems) spdlog::error("{}", p);
    return exit_config;
  }
  if (dry_run) return describe_build(spec, registry, std::cout);
  spec.build.host_version = DOSSIER_VERSION_STRING;
  spec.build.build_time = build_time_now();
  // Shards of one job run at once, each with its own lock; a build or merge takes the job's.
  BuildLock lock(spec.output_dir, spec.shard_count ? "lock-shard-" + std::to_string(spec.shard_index) + "-of-" +
                                                         std::to_string(spec.shard_count)
                                                   : std::string("lock"));
  if (!lock.held()) {
    spdlog::error("{}", lock.error());
    return lock.busy() ? exit_locked : exit_failure;
  }
  spec.process_ends_after = true;  // each command runs one build and returns its exit code
  RunReport report = run_pipeline(spec, registry);
  std::size_t files = 0;
  for (const auto& e : report.exports) files += e.files.size();
  if (report.exit_code == exit_ok)
    spdlog::info("done: {} documents, {} file(s) in {}", report.documents_read, files, spec.output_dir.string());
  else
    spdlog::warn("finished with {} problem(s): {} documents, {} file(s) in {}",
                 report.errors.size() + (spec.strict ? report.unhealthy_documents : 0),
                 report.documents_read, files, spec.output_dir.string());
  return report.exit_code;
}

// Refuses an output folder a build must not write into (output_folder_problem), before
// anything is created there; false (logged) then.
bool output_folder_allowed(const RunSpec& spec) {
  const std::string problem = output_folder_problem(spec.output_dir, spec.sources);
  if (problem.empty()) return true;
  spdlog::error("{}", problem);
  return false;
}

std::vector<std::string> split_commas(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    std::size_t start = 0;
    while (start <= item.size()) {
      const auto comma = item.find(',', start);
      const auto part = item.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!part.empty()) out.push_back(part);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

}  // namespace

void apply_cache(RunSpec& spec, const CacheOptions& c) {
  if (!c.file.empty()) spec.cache_file = c.file;
  spec.use_cache = !c.off;
  spec.force = c.force;
  if (c.threads) spec.threads = *c.threads;
}

void apply_isolation(RunSpec& spec, const IsolationOptions& o) {
  if (o.time_limit >= 0) spec.plugin_time_limit = std::chrono::seconds(o.time_limit);
  if (o.memory_limit >= 0) spec.plugin_memory_limit = static_cast<std::uint64_t>(o.memory_limit);
  spec.isolate = !o.off;
}

int run_command(const RunArgs& args, const GlobalOptions& g) {
  RunSpec spec;
  spec.sources = args.sources;
  for (const auto& name : split_commas(args.analyze)) spec.analyzers.push_back({name, {}, {}});
  for (const auto& e : split_commas(args.exports)) spec.exporters.push_back(parse_export_argument(e));
  spec.output_dir = args.out;
  spec.build.job_name = "run";
  spec.build.language = args.lang;
  apply_cache(spec, args.cache);
  apply_isolation(spec, args.isolation);
  spec.catalogue = args.catalogue;
  spec.strict = args.strict;
  spec.follow_symlinks = args.follow_symlinks;
  spec.prune = args.prune;
  if (!output_folder_allowed(spec)) return exit_usage;
  return run_spec(std::move(spec), g, args.cache.dry_run);
}

int job_command(const JobArgs& args, bool merge, const GlobalOptions& g) {
  Job job;
  try {
    job = load_job(args.job_file);
  } catch (const JobError& e) {
    spdlog::error("{}", e.what());
    return exit_config;
  }
  if (!args.out.empty()) job.spec.output_dir = args.out;
  if (!output_folder_allowed(job.spec)) return args.out.empty() ? exit_config : exit_usage;  // the job's, or --out
  apply_cache(job.spec, args.cache);
  if (!merge && args.strict) job.spec.strict = true;
  if (!merge && args.follow_symlinks) job.spec.follow_symlinks = true;
  if (args.prune) job.spec.prune = true;
  if (merge) {
    std::string error;
    if (!partial_stores(job.spec.output_dir, args.partial_stores, job.spec.merge_stores, error)) {
      spdlog::error("{}", error);
      return exit_input;
    }
    job.spec.remove_merged = args.partial_stores.empty();
  }
  if (!args.shard.empty()) {
    Shard shard;
    std::string error;
    if (!parse_shard(args.shard, shard, error)) {
      spdlog::error("{}", error);
      return exit_usage;
    }
    if (args.cache.off) {
      spdlog::error("--shard needs the store: its partial store is what it builds (drop --no-cache)");
      return exit_usage;
    }
    job.spec.shard_index = shard.index;
    job.spec.shard_count = shard.count;
    job.spec.keep_history = false;
    spdlog::info("job {}: shard {} of {}, into {}", job.name, shard.index, shard.count,
                 shard_store_file(job.spec.output_dir, shard.index, shard.count).string());
    apply_isolation(job.spec, args.isolation);
    return run_spec(std::move(job.spec), g, args.cache.dry_run);
  }
  apply_isolation(job.spec, args.isolation);
  spdlog::info("job {}: {} exporter(s) into {}", job.name, job.spec.exporters.size(),
               job.spec.output_dir.string());
  return run_spec(std::move(job.spec), g, !merge && args.cache.dry_run);
}

}  // namespace dossier::host
