// Runs the exporters of a build, each in a child process unless --no-isolation
// (stage_export.hpp).
#include "stage_export.hpp"

#include <signal.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "build_record.hpp"
#include "child_process.hpp"
#include "crash_report.hpp"
#include "progress.hpp"

namespace dossier::host {

namespace fs = std::filesystem;

namespace {

// What an exporter's child process sends back: for each prepared file its name, temporary
// path and target path, each ended by '\0' (which no path contains).
std::string prepared_files(const AtomicSink& sink) {
  std::string out;
  for (const AtomicFile* f : sink.pending()) {
    for (const std::string& part : {f->name(), f->temp_path().string(), f->target_path().string()}) {
      out += part;
      out += '\0';
    }
  }
  return out;
}

// The parent's side: `sink` takes over the files the child prepared.
void adopt_prepared_files(AtomicSink& sink, const std::string& payload) {
  std::vector<std::string> parts;
  for (std::size_t at = 0; at < payload.size();) {
    const auto end = payload.find('\0', at);
    if (end == std::string::npos) break;
    parts.push_back(payload.substr(at, end - at));
    at = end + 1;
  }
  if (parts.size() % 3 != 0 || (!payload.empty() && payload.back() != '\0'))
    throw std::runtime_error("its child process sent a malformed list of outputs");
  for (std::size_t i = 0; i < parts.size(); i += 3) {
    const AtomicFile& f = sink.adopt(parts[i], parts[i + 1]);
    if (f.target_path() != fs::path(parts[i + 2]))
      throw std::runtime_error("output " + parts[i] + ": its child process wrote for " + parts[i + 2]);
  }
}

// One exporter of the job: its result appended to report.exports, its prepared files to
// prepared.sinks.
void run_exporter(const RunSpec& spec, const PluginRequest& request, const PluginRegistry& registry,
                  const CorpusView& corpus, const RecordedHistory& history, PreparedExports& prepared, RunReport& report) {
  ExportResult result;
  auto lib = registry.find(request.plugin, PluginKind::exporter);
  prepared.export_libs.push_back(lib);
  result.plugin = request.plugin;
  result.version = lib->info().version;
  const auto t0 = std::chrono::steady_clock::now();
  auto sink = std::make_unique<AtomicSink>(spec.output_dir);
  // The exporter writes and prepares its files in `sink`; throws what the exporter throws.
  auto write_outputs = [&] {
    ActivityScope activity("exporter " + result.plugin);
    auto exporter = lib->make_exporter();
    Context context(result.plugin, request.options, spec.build, log_from_plugin, &history);
    const std::string file = request.file.empty() ? lib->info().default_file : request.file;
    exporter->write(corpus, file, *sink, context);
    sink->prepare();
  };
  bool in_process = !spec.isolate;
  if (spec.isolate) {
    // The child prepares the files and names them; this process renames them into place
    // with the others' at the end. The child's copy of `sink` is never destroyed (it ends
    // with _exit), so its prepared files stay for this process to adopt.
    const ChildOutcome child = run_in_child(
        [&](const SendFn& send) {
          try {
            write_outputs();
          } catch (...) {
            sink->discard();
            throw;
          }
          send(prepared_files(*sink));
        },
        plugin_limits(spec, request.time_limit));
    switch (child.status) {
      case ChildOutcome::Status::ok:
        try {
          adopt_prepared_files(*sink, child.payload);
          result.ok = true;
        } catch (const std::exception& e) {
          result.error = e.what();
          sink->discard();
          prepared.sweep_temporaries = true;
          fail_export(report, prepared, result, *lib, "failed: " + result.error);
        }
        break;
      case ChildOutcome::Status::not_started:
        spdlog::warn("{}; running exporter {} in this process", child.message, result.plugin);
        in_process = true;
        break;
      case ChildOutcome::Status::failed:
        result.error = child.message;
        prepared.sweep_temporaries = true;
        fail_export(report, prepared, result, *lib, "failed: " + result.error);
        break;
      case ChildOutcome::Status::crashed:
      case ChildOutcome::Status::timed_out:
        result.error = child.message;
        prepared.sweep_temporaries = true;
        fail_export(report, prepared, result, *lib, result.error);
        break;
    }
  }
  if (in_process) {
    try {
      write_outputs();
      result.ok = true;
    } catch (const std::exception& e) {
      result.error = e.what();
    } catch (...) {
      result.error = "unknown exception";
    }
    if (!result.ok) {
      sink->discard();
      fail_export(report, prepared, result, *lib, "failed: " + result.error);
    }
  }
  result.seconds = seconds_since(t0);
  // A job may list one exporter several times (a brief per language): "pdf", "pdf#2", ...
  std::string key = result.plugin;
  for (int n = 2; prepared.export_timings.contains(key); ++n) key = result.plugin + "#" + std::to_string(n);
  prepared.export_timings[key] = result.seconds;
  prepared.sinks.push_back(std::move(sink));
  report.exports.push_back(std::move(result));
}

}  // namespace

void fail_export(RunReport& report, PreparedExports& prepared, ExportResult& result, const PluginLibrary& lib,
                 const std::string& reason) {
  const std::string line = "plugin " + lib.info().file.string() + ": exporter " + result.plugin + " " + reason +
                           "; earlier outputs left as they were";
  report.errors.push_back(line);
  spdlog::error("{}", line);
  ++prepared.failed_exports;
}

bool export_stage(const RunSpec& spec, const PluginRegistry& registry, const CorpusView& corpus, const RecordedHistory& history,
                  PreparedExports& prepared, RunReport& report) {
  std::error_code ec;
  fs::create_directories(spec.output_dir, ec);
  if (ec) {
    spdlog::error("cannot create output folder {}: {}", spec.output_dir.string(), ec.message());
    report.errors.push_back("output folder " + spec.output_dir.string() + ": " + ec.message());
    report.exit_code = exit_failure;
    return false;
  }
  remove_stale_temporaries(spec.output_dir);
  std::optional<Progress> export_bar(std::in_place, "export", spec.exporters.size(), "exporters");
  for (const auto& request : spec.exporters) {
    run_exporter(spec, request, registry, corpus, history, prepared, report);
    export_bar->advance();
  }
  export_bar.reset();  // off the screen before the "wrote ..." lines
  return true;
}

void remove_stale_temporaries(const fs::path& dir) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const auto at = name.rfind(".dossier-tmp-");
    if (name.empty() || name[0] != '.' || at == std::string::npos) continue;
    const long pid = std::strtol(name.c_str() + at + 13, nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::error_code rm;
      fs::remove(it->path(), rm);
      if (!rm) spdlog::info("removed stale temporary file {}", it->path().string());
    }
  }
}

}  // namespace dossier::host
