// One exporter plugin alone, on a corpus loaded from corpus.json, in one process: what the
// host's forked exporter child does, without reading and mapping. bench/run.py drives it.
//
//   bench_export PLUGIN CORPUS.json OUTDIR FILE [--runs R] [--option KEY=VALUE]...
//
// Writes FILE into OUTDIR once (kept, so that run.py can derive the baselines' input from
// it), then R measured runs (each a forked child, see measure.hpp) whose output is discarded;
// prints one JSON object {"runs": [{seconds, cpu_seconds, peak_mb}...], "log": "..."}.
#include <filesystem>

#include "atomic_sink.hpp"
#include "command_line.hpp"
#include "dossier/context.hpp"
#include "dossier/corpus_view.hpp"
#include "inputs.hpp"
#include "measure.hpp"
#include "plugin_registry.hpp"

namespace {

using namespace dossier;
namespace fs = std::filesystem;

void benchmark(const bench::CommandLine& line, const Options& options) {
  const std::string plugin = line.args[0], file = line.args[3];
  const Corpus corpus = bench::load_corpus(line.args[1]);
  const CorpusView view(corpus);  // the host builds it once per build, before any exporter runs
  host::PluginRegistry registry;
  registry.discover({DOSSIER_PLUGIN_DIR});
  const auto found = registry.find(plugin, PluginKind::exporter);
  if (!found) throw std::runtime_error("no plugin " + plugin + " in " DOSSIER_PLUGIN_DIR);
  std::shared_ptr<Exporter> exporter = found->make_exporter();
  std::string log;
  BuildInfo build;
  build.job_name = "bench";
  build.host_version = "bench";
  build.build_time = 1700000000;
  const auto export_once = [&](const fs::path& dir, bool keep) {
    host::AtomicSink sink(dir);
    Context context(plugin, options, build, [&](LogLevel level, std::string_view, std::string_view message) {
      if (level != LogLevel::debug) log = std::string(message);
    });
    exporter->write(view, file, sink, context);
    if (keep) sink.commit();
  };
  const fs::path out = fs::absolute(line.args[2]);
  fs::create_directories(out);
  export_once(out, true);
  const fs::path scratch = fs::temp_directory_path() / ("bench-export-" + std::to_string(::getpid()));
  fs::create_directories(scratch);
  const auto runs = bench::measured_runs(line.runs, [&] { export_once(scratch, false); });
  fs::remove_all(scratch);
  std::cout << nlohmann::json{{"runs", bench::to_json(runs)}, {"log", log}}.dump() << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  const bench::Flag option{"--option", true, [&](const std::string& kv) {
                             const auto eq = kv.find('=');
                             if (eq == std::string::npos) throw std::runtime_error("--option wants KEY=VALUE: " + kv);
                             options.set(kv.substr(0, eq), kv.substr(eq + 1));
                           }};
  return bench::run_main(argc, argv, "bench_export", 4,
                         "bench_export PLUGIN CORPUS.json OUTDIR FILE [--runs R] [--option KEY=VALUE]...", {option},
                         [&](const bench::CommandLine& line) { benchmark(line, options); });
}
