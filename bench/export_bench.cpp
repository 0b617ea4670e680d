// One exporter plugin alone, on a corpus loaded from corpus.json, in one process: what the
// host's forked exporter child does, without reading and mapping. bench/run.py drives it.
//
//   bench_export PLUGIN CORPUS.json OUTDIR FILE [--runs R] [--option KEY=VALUE]...
//
// Writes FILE into OUTDIR once (kept, so that run.py can derive the baselines' input from
// it), then R measured runs (each a forked child, see measure.hpp) whose output is discarded;
// prints one JSON object {"runs": [{seconds, cpu_seconds, peak_mb}...], "log": "..."}.
#include <filesystem>

#include "dossier/context.hpp"
#include "dossier/domain/json.hpp"
#include "dossier/sink.hpp"
#include "measure.hpp"
#include "plugin_registry.hpp"

namespace {

using namespace dossier;
namespace fs = std::filesystem;

}  // namespace

int main(int argc, char** argv) {
  try {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() < 4) {
      std::cerr << "usage: bench_export PLUGIN CORPUS.json OUTDIR FILE [--runs R] [--option KEY=VALUE]...\n";
      return 2;
    }
    int runs = 5;
    Options options;
    for (std::size_t i = 4; i < args.size(); ++i) {
      if (args[i] == "--runs" && i + 1 < args.size()) {
        runs = std::stoi(args[++i]);
      } else if (args[i] == "--option" && i + 1 < args.size()) {
        const std::string kv = args[++i];
        const auto eq = kv.find('=');
        if (eq == std::string::npos) throw std::runtime_error("--option wants KEY=VALUE: " + kv);
        options.set(kv.substr(0, eq), kv.substr(eq + 1));
      } else {
        throw std::runtime_error("unknown argument " + args[i]);
      }
    }
    const std::string plugin = args[0], file = args[3];
    const Corpus corpus = bench::load_corpus(args[1]);
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
      OutputSink sink(dir);
      Context context(plugin, options, build, [&](LogLevel level, std::string_view, std::string_view message) {
        if (level != LogLevel::debug) log = std::string(message);
      });
      exporter->write(corpus, file, sink, context);
      if (keep) sink.commit();
    };
    const fs::path out = fs::absolute(args[2]);
    fs::create_directories(out);
    export_once(out, true);
    const fs::path scratch = fs::temp_directory_path() / ("bench-export-" + std::to_string(::getpid()));
    fs::create_directories(scratch);
    std::vector<bench::Run> measured;
    for (int r = 0; r < runs; ++r) measured.push_back(bench::measured([&] { export_once(scratch, false); }));
    fs::remove_all(scratch);
    std::cout << nlohmann::json{{"runs", bench::to_json(measured)}, {"log", log}}.dump() << "\n";
    return 0;
  } catch (const std::exception& ex) {
    std::cerr << "bench_export: " << ex.what() << "\n";
    return 1;
  }
}
