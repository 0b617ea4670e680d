// The xlsx exporter against raw libxlsxwriter writing the same cells, in one process.
// bench/xlsx.py drives it (see bench/README.md):
//
//   bench_xlsx export CORPUS.json OUT.xlsx [--constant-memory]
//       writes the workbook once with the real plugin (bench/xlsx.py reads its cells back)
//   bench_xlsx compare CORPUS.json CELLS.tsv [--runs R] [--constant-memory]
//       alternates R runs of the plugin's write() with R runs of libxlsxwriter writing the
//       cells in CELLS.tsv (the plugin's own cells) without formats, and R runs with one
//       format on every cell; prints one JSON object: wall and CPU seconds and peak memory
//       of every run, and the cells written.
//
// Each run is a forked child (measure.hpp), so that no run inherits another's heap.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xlsxwriter.h>

#include "atomic_sink.hpp"
#include "command_line.hpp"
#include "dossier/context.hpp"
#include "dossier/corpus_view.hpp"
#include "inputs.hpp"
#include "measure.hpp"
#include "plugin_registry.hpp"

namespace {

using namespace dossier;
using nlohmann::json;
namespace fs = std::filesystem;

struct Cell {
  std::uint32_t row;
  std::uint16_t col;
  bool text;
  double number;
  std::string string;
};

struct Cells {
  std::vector<std::string> sheets;
  std::vector<std::vector<Cell>> cells;  // per sheet, in row order
  std::size_t texts = 0, numbers = 0;
};

// CELLS.tsv: a first line "sheets<TAB>name<TAB>name...", then one cell a line:
// sheet index, row, column (0-based), "s" or "n", value (\n \t \r \\ escaped).
Cells load_cells(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  Cells out;
  std::string line;
  std::getline(in, line);
  std::istringstream head(line);
  std::string name;
  std::getline(head, name, '\t');  // "sheets"
  while (std::getline(head, name, '\t')) out.sheets.push_back(name);
  out.cells.resize(out.sheets.size());
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string sheet, row, col, type, value;
    std::getline(fields, sheet, '\t');
    std::getline(fields, row, '\t');
    std::getline(fields, col, '\t');
    std::getline(fields, type, '\t');
    std::getline(fields, value);
    Cell c{static_cast<std::uint32_t>(std::stoul(row)), static_cast<std::uint16_t>(std::stoul(col)), type == "s", 0, {}};
    if (c.text) c.string = bench::unescape(value), ++out.texts;
    else c.number = std::stod(value), ++out.numbers;
    out.cells.at(std::stoul(sheet)).push_back(std::move(c));
  }
  return out;
}

void check(lxw_error e) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("libxlsxwriter: ") + lxw_strerror(e));
}

// Raw libxlsxwriter: the same sheets and cells, with no widths, charts or layout, and with
// no format or one format for all cells (`formatted`: what a style on every cell costs
// libxlsxwriter itself).
void write_raw(const Cells& cells, const std::string& path, bool constant_memory, bool formatted) {
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  std::string tmpdir = fs::path(path).parent_path().string();
  options.tmpdir = tmpdir.data();
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  lxw_format* format = nullptr;
  if (formatted) {
    format = workbook_add_format(wb);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(format);
  }
  for (std::size_t s = 0; s < cells.sheets.size(); ++s) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, cells.sheets[s].c_str());
    for (const Cell& c : cells.cells[s]) {
      if (c.text) check(worksheet_write_string(ws, c.row, c.col, c.string.c_str(), format));
      else check(worksheet_write_number(ws, c.row, c.col, c.number, format));
    }
  }
  check(workbook_close(wb));
}

struct ExporterRun {
  std::shared_ptr<Exporter> exporter;
  Options options;
  std::string log;  ///< the plugin's info line with its cell counts
};

void export_once(ExporterRun& e, const CorpusView& corpus, const fs::path& dir, bool keep) {
  host::AtomicSink sink(dir);
  BuildInfo build;
  build.job_name = "bench";
  build.host_version = "bench";
  Context context("xlsx", e.options, build, [&](LogLevel level, std::string_view, std::string_view message) {
    if (level != LogLevel::debug) e.log = std::string(message);
  });
  e.exporter->write(corpus, "matrix.xlsx", sink, context);
  if (keep) sink.commit();
}

void benchmark(const bench::CommandLine& line, bool constant_memory) {
  const Corpus corpus = bench::load_corpus(line.args[1]);
  const CorpusView view(corpus);  // the host builds it once per build, before any exporter runs
  host::PluginRegistry registry;
  registry.discover({DOSSIER_PLUGIN_DIR});
  ExporterRun e{registry.find("xlsx")->make_exporter(), {}, {}};
  e.options.set("constant_memory", constant_memory ? "true" : "false");

  if (line.args[0] == "export") {
    const fs::path out = fs::absolute(line.args[2]);
    fs::create_directories(out.parent_path());
    export_once(e, view, out.parent_path(), true);
    fs::rename(out.parent_path() / "matrix.xlsx", out);
    std::cout << e.log << "\n";
    return;
  }

  const Cells cells = load_cells(line.args[2]);
  const fs::path dir = fs::temp_directory_path() / ("bench-xlsx-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  json result = {{"constant_memory", constant_memory}, {"texts", cells.texts}, {"numbers", cells.numbers},
                 {"exporter", json::array()}, {"raw", json::array()}, {"raw_formatted", json::array()}};
  // Alternating, so that both see the same load on a shared machine.
  for (int r = 0; r < line.runs; ++r) {
    const bench::Run a = bench::measured([&] { export_once(e, view, dir, false); });
    const bench::Run b = bench::measured([&] { write_raw(cells, (dir / "raw.xlsx").string(), constant_memory, false); });
    const bench::Run c = bench::measured([&] { write_raw(cells, (dir / "raw.xlsx").string(), constant_memory, true); });
    for (const auto& [name, run] : {std::pair{"exporter", a}, std::pair{"raw", b}, std::pair{"raw_formatted", c}})
      result[name].push_back(bench::to_json(run));
  }
  fs::remove_all(dir);
  std::cout << result.dump() << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  bool constant_memory = false;
  return bench::run_main(argc, argv, "bench_xlsx", 3,
                         "bench_xlsx export CORPUS.json OUT.xlsx [--constant-memory]\n"
                         "       bench_xlsx compare CORPUS.json CELLS.tsv [--runs R] [--constant-memory]",
                         {{"--constant-memory", false, [&](const std::string&) { constant_memory = true; }}},
                         [&](const bench::CommandLine& line) { benchmark(line, constant_memory); });
}
