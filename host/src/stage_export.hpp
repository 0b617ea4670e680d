// The export stage of a build: every exporter writes and prepares its files (in a child
// process unless --no-isolation), none of them yet in place of an earlier output.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "atomic_sink.hpp"
#include "output_generations.hpp"
#include "dossier/corpus_view.hpp"
#include "pipeline.hpp"
#include "recorded_history.hpp"

namespace dossier::host {

/// What the exporters leave for the commit (stage_commit.hpp).
struct PreparedExports {
  /// The output folder's generations; the exporters write into its staging folder.
  std::unique_ptr<OutputGenerations> generations;
  /// Every exporter's files are finished and on disk before any of them replaces an earlier
  /// output: a build killed while exporting (kill -9 included) leaves the previous outputs
  /// byte for byte; only the renames at the end remain, one quick step per file.
  std::vector<std::unique_ptr<AtomicSink>> sinks;  ///< one per exporter, as RunReport::exports
  std::vector<std::shared_ptr<PluginLibrary>> export_libs;  ///< likewise
  nlohmann::ordered_json export_timings = nlohmann::ordered_json::object();
  std::size_t failed_exports = 0;
};

/// What went wrong, saying "the disk is full" (and which file) when a file system error says so.
std::string failure_message(const std::exception& e);

/// The folder in which the exporter at `index` of the job writes its files, inside the staging
/// generation; hidden and of a name no output may take.
std::filesystem::path export_part_folder(const PreparedExports& prepared, std::size_t index);

/// Reports an exporter that failed: one line in report.errors and the log. `reason` follows
/// the exporter's name: "failed: ...", "crashed: ...", "exceeded ...".
void fail_export(RunReport& report, PreparedExports& prepared, ExportResult& result, const PluginLibrary& lib,
                 const std::string& reason);

/// Creates the output folder and a staging generation in it (output_generations.hpp), then
/// runs spec.exporters in order over `corpus`, each result in report.exports. False when the
/// folder or the generation cannot be made (report.exit_code set).
bool export_stage(const RunSpec& spec, const PluginRegistry& registry, const CorpusView& corpus, const RecordedHistory& history,
                  PreparedExports& prepared, RunReport& report);

/// A build killed while writing leaves hidden temporary files (".NAME.dossier-tmp-PID-N");
/// those in `dir` (and below it when `recursive`) of processes that no longer run are
/// removed, or all of them when `even_live` (a staging folder no exporter writes any more).
void remove_stale_temporaries(const std::filesystem::path& dir, bool recursive, bool even_live = false);

}  // namespace dossier::host
