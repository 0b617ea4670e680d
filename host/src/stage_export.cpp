// Runs the exporters of a build, each in a child process unless --no-isolation
// (stage_export.hpp).
#include "stage_export.hpp"

#include <signal.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <vector>

#include <spdlog/spdlog.h>

#include <dossier/domain/write_errors.hpp>

#include "build_record.hpp"
#include "child_process.hpp"
#include "crash_report.hpp"
#include "parallel.hpp"
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

// One exporter of the job, from its start to its result in report.exports.
struct ExportRun {
  const PluginRequest* request = nullptr;
  std::shared_ptr<PluginLibrary> lib;
  ExportResult result;
  std::unique_ptr<AtomicSink> sink;
  std::chrono::steady_clock::time_point started;
  ChildOutcome child;  // isolated: what its child process did
  bool in_process = false;
};

// The exporter writes and prepares its files in `run.sink`; throws what the exporter throws.
void write_outputs(const RunSpec& spec, const CorpusView& corpus, const RecordedHistory& history, ExportRun& run) {
  ActivityScope activity("exporter " + run.result.plugin);
  auto exporter = run.lib->make_exporter();
  Context context(run.result.plugin, run.request->options, spec.build, log_from_plugin, &history);
  const std::string file = run.request->file.empty() ? run.lib->info().default_file : run.request->file;
  exporter->write(corpus, file, *run.sink, context);
  run.sink->prepare();
}

// The child prepares the files and names them; this process renames them into place with the
// others' at the end. The child's copy of the sink is never destroyed (it ends with _exit),
// so its prepared files stay for this process to adopt. Forked now, on this thread.
std::unique_ptr<StartedChild> start_its_child(const RunSpec& spec, const CorpusView& corpus,
                                              const RecordedHistory& history, ExportRun& run) {
  run.started = std::chrono::steady_clock::now();
  return std::make_unique<StartedChild>(
      [&](const SendFn& send) {
        try {
          write_outputs(spec, corpus, history, run);
        } catch (...) {
          run.sink->discard();
          throw;
        }
        send(prepared_files(*run.sink));
      },
      plugin_limits(spec, run.request->time_limit));
}

// What the child did, or the exporter run here (--no-isolation, or no child could be
// started); the result appended to report.exports, the files to prepared.sinks.
void finish_export(const RunSpec& spec, const CorpusView& corpus, const RecordedHistory& history, ExportRun& run,
                   PreparedExports& prepared, RunReport& report) {
  ExportResult& result = run.result;
  const PluginLibrary& lib = *run.lib;
  if (spec.isolate) {
    switch (run.child.status) {
      case ChildOutcome::Status::ok:
        try {
          adopt_prepared_files(*run.sink, run.child.payload);
          result.ok = true;
        } catch (const std::exception& e) {
          result.error = e.what();
          run.sink->discard();
          fail_export(report, prepared, result, lib, "failed: " + result.error);
        }
        break;
      case ChildOutcome::Status::not_started:
        spdlog::warn("{}; running exporter {} in this process", run.child.message, result.plugin);
        run.in_process = true;
        break;
      case ChildOutcome::Status::failed:
        result.error = run.child.message;
        fail_export(report, prepared, result, lib, "failed: " + result.error);
        break;
      case ChildOutcome::Status::crashed:
      case ChildOutcome::Status::timed_out:
        result.error = run.child.message;
        fail_export(report, prepared, result, lib, result.error);
        break;
    }
  }
  if (run.in_process) {
    try {
      write_outputs(spec, corpus, history, run);
      result.ok = true;
    } catch (const std::exception& e) {
      result.error = e.what();
    } catch (...) {
      result.error = "unknown exception";
    }
    if (!result.ok) {
      run.sink->discard();
      fail_export(report, prepared, result, lib, "failed: " + result.error);
    }
    result.seconds = seconds_since(run.started);
  }
  // A job may list one exporter several times (a brief per language): "pdf", "pdf#2", ...
  std::string key = result.plugin;
  for (int n = 2; prepared.export_timings.contains(key); ++n) key = result.plugin + "#" + std::to_string(n);
  prepared.export_timings[key] = result.seconds;
  prepared.sinks.push_back(std::move(run.sink));
  report.exports.push_back(std::move(result));
}

}  // namespace

std::string failure_message(const std::exception& e) {
  if (const auto* f = dynamic_cast<const fs::filesystem_error*>(&e); f && is_disk_full(f->code().value()))
    return write_error(f->path1().string(), f->code().value(), f->path1());
  if (const auto* s = dynamic_cast<const std::system_error*>(&e); s && is_disk_full(s->code().value()))
    return std::string(e.what()) + ": the disk is full";
  return e.what();
}

fs::path export_part_folder(const PreparedExports& prepared, std::size_t index) {
  return prepared.generations->staging() / (".dossier-part-" + std::to_string(index + 1));
}

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
    const std::string why = write_error(spec.output_dir.string(), ec.value(), spec.output_dir);
    spdlog::error("cannot create the output folder: {}", why);
    report.errors.push_back("output folder: " + why);
    report.exit_code = exit_failure;
    return false;
  }
  prepared.generations = std::make_unique<OutputGenerations>(spec.output_dir);
  try {
    prepared.generations->begin();
  } catch (const std::exception& e) {
    const std::string why = failure_message(e);
    spdlog::error("cannot write outputs in {}: {}", spec.output_dir.string(), why);
    report.errors.push_back("output folder " + spec.output_dir.string() + ": " + why);
    report.exit_code = exit_failure;
    return false;
  }
  std::vector<ExportRun> runs(spec.exporters.size());
  for (std::size_t i = 0; i < runs.size(); ++i) {
    ExportRun& run = runs[i];
    run.request = &spec.exporters[i];
    run.lib = registry.find(run.request->plugin, PluginKind::exporter);
    prepared.export_libs.push_back(run.lib);
    run.result.plugin = run.request->plugin;
    run.result.version = run.lib->info().version;
    // Each exporter writes in a part of its own, moved into the set once its names are
    // checked against the others' (stage_commit.cpp).
    run.sink = std::make_unique<AtomicSink>(export_part_folder(prepared, i));
    run.in_process = !spec.isolate;
  }
  std::optional<Progress> export_bar(std::in_place, "export", spec.exporters.size(), "exporters");
  // Isolated, as many side by side as there are workers, each child forked from this thread
  // (a child forked while another thread of this process holds a lock, an allocator's or a
  // logger's, inherits it locked), and taken in the job's order.
  const std::size_t side_by_side = spec.isolate ? worker_count(spec.threads) : 1;
  std::vector<std::unique_ptr<StartedChild>> children(runs.size());
  std::vector<bool> ended(runs.size(), false);
  std::size_t started = 0;
  std::size_t running = 0;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    ExportRun& run = runs[i];
    if (!spec.isolate) run.started = std::chrono::steady_clock::now();
    // The children end in any order; the next starts as one ends.
    while (spec.isolate && !ended[i]) {
      for (; running < side_by_side && started < runs.size(); ++started, ++running)
        children[started] = start_its_child(spec, corpus, history, runs[started]);
      std::vector<StartedChild*> waiting;
      std::vector<std::size_t> index;
      for (std::size_t k = 0; k < started; ++k)
        if (!ended[k]) {
          waiting.push_back(children[k].get());
          index.push_back(k);
        }
      const std::size_t k = index[wait_for_any(waiting)];
      runs[k].child = children[k]->wait();
      runs[k].result.seconds = seconds_since(runs[k].started);
      children[k].reset();
      ended[k] = true;
      --running;
    }
    finish_export(spec, corpus, history, run, prepared, report);
    export_bar->advance();
  }
  log_memory("exporters");
  export_bar.reset();  // off the screen before the "wrote ..." lines
  return true;
}

namespace {
// A temporary file of an AtomicSink (".NAME.dossier-tmp-PID-N"): removed when its process
// is gone, or always when `even_live`.
void remove_if_stale(const fs::path& path, bool even_live) {
  const std::string name = path.filename().string();
  const auto at = name.rfind(".dossier-tmp-");
  if (name.empty() || name[0] != '.' || at == std::string::npos) return;
  const long pid = std::strtol(name.c_str() + at + 13, nullptr, 10);
  if (even_live || (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)) {
    std::error_code rm;
    fs::remove(path, rm);
    if (!rm) spdlog::info("removed stale temporary file {}", path.string());
  }
}
}  // namespace

void remove_stale_temporaries(const fs::path& dir, bool recursive, bool even_live) {
  std::error_code ec;
  if (recursive) {
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      remove_if_stale(it->path(), even_live);
  } else {
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) remove_if_stale(it->path(), even_live);
  }
}

}  // namespace dossier::host
