// One reader plugin alone on a folder of sources, in one process: what the host's read stage
// does per file (Reader::read on the bytes), without the host's file reading, hashing,
// bidding and store. bench/run.py drives it.
//
//   bench_read READER DIR [--runs R]
//
// Loads every file of DIR (sorted) into memory first, then R measured runs (each a forked
// child, see measure.hpp) reading them all on one thread; prints one JSON object
// {"runs": [...], "files": N, "bytes": B, "blocks": P, "recommendations": R}.
#include <algorithm>
#include <filesystem>

#include "command_line.hpp"
#include "dossier/context.hpp"
#include "inputs.hpp"
#include "measure.hpp"
#include "plugin_registry.hpp"

namespace {

using namespace dossier;
namespace fs = std::filesystem;

void benchmark(const bench::CommandLine& line) {
  const std::string& reader_name = line.args[0];
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(line.args[1]))
    if (e.is_regular_file() && e.path().filename().string()[0] != '.') files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<Source> sources;
  std::size_t bytes = 0;
  for (const auto& f : files) {
    sources.push_back({f.string(), dossier::read_bytes(f.string()), ""});
    bytes += sources.back().content.size();
  }
  host::PluginRegistry registry;
  registry.discover({DOSSIER_PLUGIN_DIR});
  const auto found = registry.find(reader_name, PluginKind::reader);
  if (!found) throw std::runtime_error("no reader " + reader_name + " in " DOSSIER_PLUGIN_DIR);
  const auto reader = found->make_reader();
  BuildInfo build;
  build.job_name = "bench";
  std::size_t paragraphs = 0 /* blocks */, recommendations = 0;
  const auto read_all = [&](bool count) {
    for (const Source& s : sources) {
      Context context(reader_name, Options{}, build, [](LogLevel, std::string_view, std::string_view) {});
      const Document d = reader->read(s, context);
      if (count) paragraphs += d.blocks.size(), recommendations += d.recommendations.size();
    }
  };
  read_all(true);  // once, to count what the reader found (and to fail early)
  const auto runs = bench::measured_runs(line.runs, [&] { read_all(false); });
  std::cout << nlohmann::json{{"runs", bench::to_json(runs)}, {"files", sources.size()}, {"bytes", bytes},
                              {"blocks", paragraphs}, {"recommendations", recommendations}}
                   .dump()
            << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  return bench::run_main(argc, argv, "bench_read", 2, "bench_read READER DIR [--runs R]", {}, benchmark);
}
