// One build: read sources, run analyzers, run exporters, write the manifest.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "dossier/context.hpp"
#include "dossier/model.hpp"
#include "dossier/options.hpp"
#include "dossier/plugin.hpp"
#include "atomic_sink.hpp"
#include "child_process.hpp"
#include "plugin_registry.hpp"

namespace dossier::host {

/// Exit codes of the `dossier` program (documented in docs/cli.md).
enum ExitCode : int {
  exit_ok = 0,
  exit_failure = 1,        ///< nothing was produced, or an internal error
  exit_usage = 2,          ///< bad command line
  exit_partial = 3,        ///< some sources, analyzers or exporters failed; the rest landed
  exit_config = 4,         ///< job file, unknown plugin or bad option
  exit_input = 5,          ///< no readable source document
  exit_plugin_invalid = 6, ///< `plugins check` found the library unusable
  exit_locked = 7          ///< another build is writing to the same output folder
};

/// How long an isolated plugin may run (per source file for a reader) unless told otherwise.
inline constexpr std::chrono::seconds default_plugin_time_limit{3600};
/// How much address space an isolated plugin's child process may add to dossier's, in MiB.
inline constexpr std::uint64_t default_plugin_memory_limit_mib = 8192;
/// The highest memory limit a job or the command line may set (1 TiB).
inline constexpr std::int64_t max_plugin_memory_limit_mib = std::int64_t{1} << 20;

struct PluginRequest {
  std::string plugin;
  Options options;
  std::string file;  ///< exporters: output file name (empty: the exporter's default)
  /// This plugin's own time limit (job files: `time_limit`); none: RunSpec::plugin_time_limit.
  std::optional<std::chrono::seconds> time_limit = std::nullopt;
};

struct RunSpec {
  std::vector<std::string> sources;  ///< files, folders (recursive) or glob patterns
  std::vector<PluginRequest> analyzers;
  std::vector<PluginRequest> exporters;
  std::filesystem::path output_dir;
  BuildInfo build;
  /// The embedded store of parsed documents; empty: OUTPUT/.dossier/store.sqlite.
  std::filesystem::path cache_file;
  bool use_cache = true;  ///< --no-cache: neither read nor write the store
  bool force = false;     ///< --force: parse everything again (and refresh the store)
  std::filesystem::path catalogue;  ///< optional catalogue file (docs/catalogue.md)
  /// Keep the job's build history in the store (`dossier build`): what changed since the
  /// previous build, for exporters through Context::history() (docs/exporters/atom.md).
  bool keep_history = false;
  /// Worker threads for parsing and analysis; 0: every core. Outputs do not depend on it.
  unsigned threads = 0;
  /// A sharded build (`--shard K/N`, shard_count > 0) parses and analyses only shard K
  /// (1-based) of N of the sources into its partial store (shard_store_file) and exports
  /// nothing; `dossier merge` then combines the partial stores and exports.
  std::size_t shard_index = 0;
  std::size_t shard_count = 0;
  /// `dossier merge`: partial stores copied into the store before the build reads anything.
  std::vector<std::filesystem::path> merge_stores;
  bool remove_merged = false;  ///< delete them once their content is in the store
  /// Run each plugin in a child process, so that one that crashes or hangs is reported and
  /// the others' outputs still land (docs/cli.md). Off (--no-isolation): in this process, as
  /// a debugger wants them.
  bool isolate = true;
  /// --strict (job key `strict`): a source skipped, or a document with a health problem
  /// (any warning diagnostic, alterations included; health.hpp), fails the build
  /// (exit_input) before anything is exported.
  bool strict = false;
  /// How long an isolated plugin may run before it is killed (a reader: per source file);
  /// zero: no limit.
  std::chrono::seconds plugin_time_limit = default_plugin_time_limit;
  /// How much address space an isolated plugin's child process may add to what it inherited
  /// from dossier, in MiB; zero: no limit.
  std::uint64_t plugin_memory_limit = default_plugin_memory_limit_mib;
  /// Follow symbolic links in source folders wherever they lead (job key `follow_symlinks`,
  /// --follow-symlinks); otherwise only those leading inside the sources (collect_sources).
  bool follow_symlinks = false;
  /// Publish only the files this build writes (job key `prune`, --prune): without it, the
  /// earlier set's files that no exporter rewrote are carried over. Even with it, they are
  /// carried over when an exporter failed, so that a failure never takes a file away.
  bool prune = false;
  /// The process ends once the build returns (`dossier build`, `dossier merge`): the corpus
  /// is then left to the operating system rather than freed string by string. Freeing it
  /// was 6% of a build's CPU time on GA session 78 in Chinese: every page the forked plugin
  /// children shared is write-protected, and free() touched each one again.
  bool process_ends_after = false;
};

/// The limits of an isolated plugin of `spec`: its own time limit if it has one, else the
/// spec's; `threads` worker threads it starts in its child.
inline ChildLimits plugin_limits(const RunSpec& spec, const std::optional<std::chrono::seconds>& own = std::nullopt,
                                 unsigned threads = 0) {
  return {own.value_or(spec.plugin_time_limit), spec.plugin_memory_limit << 20, threads};
}

struct ExportResult {
  std::string plugin;
  std::string version;
  bool ok = false;
  std::string error;
  double seconds = 0;
  std::vector<WrittenFile> files;
};

struct RunReport {
  std::size_t sources_found = 0;
  std::size_t documents_read = 0;
  std::size_t documents_reused = 0;  ///< from the store, not parsed
  std::vector<std::string> errors;  ///< one line each: sources, analyzers and exporters that failed
  std::vector<std::string> warnings;  ///< one line each: documents altered to be read (ReadResult)
  std::size_t unhealthy_documents = 0;  ///< documents with a health problem (health.hpp)
  std::vector<ExportResult> exports;
  int exit_code = exit_ok;
};

/// One source that was read, for the manifest.
struct SourceRecord {
  std::string path;
  std::string sha256;
  std::string reader;  ///< "name version"
  std::string document;
  bool reused = false;  ///< taken from the store instead of parsed
};

struct ReadResult {
  Corpus corpus;
  std::vector<SourceRecord> sources;
  std::size_t sources_found = 0;
  std::size_t reused = 0;
  std::size_t unopened = 0;  ///< of those reused, unchanged since a build recorded them (SourceStat): not opened
  /// One line per alteration a document needed to be read ("source F: input altered: ..."):
  /// repaired bytes, broken lines. The document is in the corpus; --strict fails on these
  /// (through its health). Also one line per symbolic link loop in the sources
  /// (SourceList::notes), which loses no document.
  std::vector<std::string> warnings;
};

class Store;
class Catalogue;

/// What read_sources may use besides the readers.
struct ReadOptions {
  Store* store = nullptr;                ///< the embedded store, or none
  bool refresh = false;                  ///< parse again and overwrite the store (--force)
  const Catalogue* catalogue = nullptr;  ///< metadata to supply or correct, or none
  unsigned threads = 0;                  ///< worker threads; 0: every core
  std::size_t shard_index = 0;           ///< with shard_count > 0: read only shard K (1-based) of N
  std::size_t shard_count = 0;
  bool follow_symlinks = false;          ///< symbolic links leading outside the sources too
  /// Each reader in child processes (a crash, a hang or a memory overrun skips the file it was
  /// on); false: in this process (--no-isolation).
  bool isolate = true;
  ChildLimits limits{default_plugin_time_limit, default_plugin_memory_limit_mib << 20};  ///< time: per file
};

/// Share K (1-based) of N of a sorted list of files: every N-th, starting at the K-th. All
/// of them when `count` is 0.
std::vector<std::filesystem::path> shard_of(const std::vector<std::filesystem::path>& files, std::size_t index,
                                            std::size_t count);

/// Reads every source with the reader that bids highest for it. A source that cannot be
/// read becomes one line in `errors`; the others are read all the same.
ReadResult read_sources(const std::vector<std::string>& sources, const PluginRegistry& registry,
                        const BuildInfo& build, std::vector<std::string>& errors, ReadOptions options = {});

/// The reader plugins of a registry, each made once; chooses the reader for a source by the
/// highest bid (Reader::sniff). A reader whose factory throws is left out with a warning.
class ReaderSet {
 public:
  explicit ReaderSet(const PluginRegistry& registry);
  struct Choice {
    std::shared_ptr<PluginLibrary> library;  ///< null: no reader understands the source
    Reader* reader = nullptr;
    int bid = 0;
    std::size_t index = 0;  ///< of the reader, for at()
  };
  /// `sniffing`, if set, is told the index of each reader before it sniffs.
  Choice choose(const Source& source, const std::function<void(std::size_t)>& sniffing = {}) const;
  const PluginLibrary& at(std::size_t index) const { return *readers_.at(index).first; }
  std::size_t size() const { return readers_.size(); }

 private:
  std::vector<std::pair<std::shared_ptr<PluginLibrary>, std::shared_ptr<Reader>>> readers_;
};

/// Passes what a plugin logs through its Context to the host's log, "[plugin] message".
void log_from_plugin(LogLevel level, std::string_view plugin, std::string_view message);

/// Reads a whole regular file; false with `error` ("cannot open (...)", "read error", "not a
/// regular file") when it cannot. Never blocks on a FIFO put in the file's place.
bool read_file(const std::filesystem::path& path, std::string& out, std::string& error);

/// Orders analyzers (by name, each with the names it depends on) so that each runs after its
/// dependencies; those with missing or circular dependencies are left out, one line each in
/// `errors`.
std::vector<std::size_t> analyzer_order(const std::vector<std::string>& names,
                                        const std::vector<std::vector<std::string>>& deps,
                                        std::vector<std::string>& errors);

/// The partial store of shard K of N: OUTPUT/.dossier/shards/shard-K-of-N.sqlite.
std::filesystem::path shard_store_file(const std::filesystem::path& output_dir, std::size_t index,
                                       std::size_t count);

/// Where the store of a build lives when the job names none.
std::filesystem::path default_cache_file(const std::filesystem::path& output_dir);

/// What collect_sources found, and what it left out, one line each ("PATH: why").
struct SourceList {
  std::vector<std::filesystem::path> files;  ///< sorted per source, each file once
  /// Sources not read: missing, a folder that cannot be read, a FIFO, socket or device, a
  /// symbolic link to nothing or (unless followed) leading outside the sources. A build
  /// lists them with its errors.
  std::vector<std::string> skipped;
  /// Entries left alone that hold no document: symbolic link loops. Warnings.
  std::vector<std::string> notes;
};

/// Expands files, folders (recursively, hidden entries skipped) and glob patterns into a
/// sorted list of regular files. A symbolic link inside a folder or matched by a pattern is
/// followed only when it leads inside the sources (what they name, links resolved), unless
/// `follow_symlinks`; links to folders inside the sources are not followed (their files are
/// read where they are). Only types are examined: no file is opened.
SourceList collect_sources(const std::vector<std::string>& sources, bool follow_symlinks = false);

/// Why a build must not write into `output_dir`, or empty when it may: the root of the file
/// system, a folder that is or contains what a source names, or a folder a source folder's
/// walk would reach (outputs read as sources next time; a hidden folder is not walked).
/// Symbolic links and ".." are resolved first; the folder need not exist.
std::string output_folder_problem(const std::filesystem::path& output_dir, const std::vector<std::string>& sources);

/// Runs the whole build. Never throws for a failing plugin or source: each failure becomes
/// one line in RunReport::errors and the rest of the build goes on.
RunReport run_pipeline(const RunSpec& spec, const PluginRegistry& registry);

/// Seconds since the epoch for this build: SOURCE_DATE_EPOCH when set (reproducible
/// builds), otherwise now.
std::int64_t build_time_now();

/// With -v, one debug line: the memory this process holds after `stage` (resident now, its
/// peak) and the peak of its largest child process so far (what bench/memory.py reads).
void log_memory(std::string_view stage);

}  // namespace dossier::host
