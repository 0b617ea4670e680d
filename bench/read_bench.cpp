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
#include <sstream>

#include "dossier/context.hpp"
#include "dossier/domain/json.hpp"
#include "measure.hpp"
#include "plugin_registry.hpp"

namespace {

using namespace dossier;
namespace fs = std::filesystem;

}  // namespace

int main(int argc, char** argv) {
  try {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() < 2) {
      std::cerr << "usage: bench_read READER DIR [--runs R]\n";
      return 2;
    }
    int runs = 5;
    if (args.size() >= 4 && args[2] == "--runs") runs = std::stoi(args[3]);
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(args[1]))
      if (e.is_regular_file() && e.path().filename().string()[0] != '.') files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<Source> sources;
    std::size_t bytes = 0;
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      sources.push_back({f.string(), s.str(), ""});
      bytes += sources.back().content.size();
    }
    host::PluginRegistry registry;
    registry.discover({DOSSIER_PLUGIN_DIR});
    const auto found = registry.find(args[0], PluginKind::reader);
    if (!found) throw std::runtime_error("no reader " + args[0] + " in " DOSSIER_PLUGIN_DIR);
    const auto reader = found->make_reader();
    BuildInfo build;
    build.job_name = "bench";
    std::size_t paragraphs = 0 /* blocks */, recommendations = 0;
    const auto read_all = [&](bool count) {
      for (const Source& s : sources) {
        Context context(args[0], Options{}, build, [](LogLevel, std::string_view, std::string_view) {});
        const Document d = reader->read(s, context);
        if (count) paragraphs += d.blocks.size(), recommendations += d.recommendations.size();
      }
    };
    read_all(true);  // once, to count what the reader found (and to fail early)
    std::vector<bench::Run> measured;
    for (int r = 0; r < runs; ++r) measured.push_back(bench::measured([&] { read_all(false); }));
    std::cout << nlohmann::json{{"runs", bench::to_json(measured)}, {"files", sources.size()}, {"bytes", bytes},
                                {"blocks", paragraphs}, {"recommendations", recommendations}}
                     .dump()
              << "\n";
    return 0;
  } catch (const std::exception& ex) {
    std::cerr << "bench_read: " << ex.what() << "\n";
    return 1;
  }
}
