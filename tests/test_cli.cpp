// The `dossier` program as users run it: output, messages and exit codes.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "build_lock.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using test::quote;

namespace {
const std::string broken_path = "--plugin-path " + quote(test::broken_plugin_dir().string());
std::string broken(const std::string& name) {
  return quote((test::broken_plugin_dir() / ("dossier-exporter-" + name + ".so")).string());
}
std::string corpus() { return quote(test::corpus_dir().string()); }
}  // namespace

TEST_CASE("the version flag and help on every command") {
  auto v = test::dossier("--version");
  CHECK(v.exit_code == 0);
  CHECK_THAT(v.output, Catch::Contains("dossier 0.1.0 (plugin ABI " + std::to_string(DOSSIER_ABI_VERSION) +
                                       ", model layout "));
  for (const char* args : {"--help", "plugins --help", "plugins list --help", "plugins info --help", "show --help",
                           "plugins check --help", "run --help", "build --help", "check --help"}) {
    INFO(args);
    auto r = test::dossier(args);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("Usage"));
  }
}

TEST_CASE("bad command lines are usage errors (exit 2)") {
  CHECK(test::dossier("").exit_code == 2);
  CHECK(test::dossier("frobnicate").exit_code == 2);
  CHECK(test::dossier("run " + corpus() + " --export json").exit_code == 2);  // no --out
}

TEST_CASE("plugins list shows the built-in reader and json exporter with no flags") {
  auto r = test::dossier("plugins list");
  CHECK(r.exit_code == 0);
  const std::regex text_row(R"((^|\n)text +reader +\S+ +\S+dossier-reader-text\.so\n)");
  const std::regex json_row(R"((^|\n)json +exporter +\S+ +\S+dossier-exporter-json\.so\n)");
  CHECK(std::regex_search(r.output, text_row));
  CHECK(std::regex_search(r.output, json_row));

  auto j = test::dossier("plugins list --json");
  REQUIRE(j.exit_code == 0);
  const auto parsed = nlohmann::json::parse(j.output);
  std::map<std::string, std::string> kinds;
  for (const auto& p : parsed["plugins"]) kinds[p["name"]] = p["kind"];
  CHECK(kinds["json"] == "exporter");
  CHECK(kinds["text"] == "reader");
  CHECK(kinds["layout"] == "reader");
  CHECK(parsed["problems"].empty());
}

TEST_CASE("broken plugins in the path are one line each and the others keep working") {
  auto r = test::dossier("plugins list " + broken_path);
  CHECK(r.exit_code == 0);
  CHECK(test::count_lines_containing(r.output, "warning: plugin ") == 6);
  CHECK_THAT(r.output, Catch::Contains("throwing_exporter"));
  CHECK(test::count_lines_containing(r.output, "dossier-exporter-json.so") == 1);

  // The same through the environment variable.
  auto env = test::run("DOSSIER_PLUGIN_PATH=" + quote(test::broken_plugin_dir().string()) + " " +
                       quote(test::dossier_exe().string()) + " plugins list");
  CHECK_THAT(env.output, Catch::Contains("crashing_exporter"));
}

TEST_CASE("plugins check says exactly what is wrong with one library (exit 6)") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"not_a_library", "not a loadable shared library"},
      {"no_entry_point", "no Dossier entry point"},
      {"wrong_abi_version", "plugin ABI version " + std::to_string(DOSSIER_ABI_VERSION + 98)},
      {"wrong_descriptor_size", "descriptor size"},
      {"previous_release", "built against the SDK headers of plugin ABI 5"},
      {"other_layout", "the model's layout differs"},
      {"throwing_factory", "factory threw: cannot find my configuration"},
  };
  for (const auto& [name, message] : cases) {
    INFO(name);
    auto r = test::dossier("plugins check " + broken(name));
    CHECK(r.exit_code == 6);
    CHECK(test::count_lines_containing(r.output, "\n") == 0);  // one line, ending in a newline
    CHECK(std::count(r.output.begin(), r.output.end(), '\n') == 1);
    CHECK_THAT(r.output, Catch::Contains("dossier: error: plugin ") && Catch::Contains(message));
    CHECK_THAT(r.output, Catch::Contains(test::broken_plugin_dir().string()));
  }
  auto ok = test::dossier("plugins check " + quote((test::plugin_dir() / "dossier-exporter-json.so").string()));
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.output, Catch::StartsWith("ok: ") && Catch::Contains("exporter 'json'"));
}

TEST_CASE("plugins info describes one plugin and an unknown name is a configuration error") {
  auto r = test::dossier("plugins info json");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Contains("kind:        exporter") && Catch::Contains("corpus.json"));
  CHECK_THAT(r.output, Catch::Contains("options:\n  pretty (boolean, default false): indent the JSON for reading"));
  CHECK_THAT(test::dossier("plugins info xml").output, Catch::Contains("options:     none"));
  auto unknown = test::dossier("plugins info nope");
  CHECK(unknown.exit_code == 4);
  CHECK_THAT(unknown.output, Catch::Contains("no plugin named 'nope'"));
}

TEST_CASE("plugins info and list read a plugin from its file: none of its code runs; plugins check runs it") {
  const std::string path = "--plugin-path " + quote(DOSSIER_LOUD_PLUGIN_DIR) + " ";
  auto info = test::dossier(path + "plugins info loud");
  CHECK(info.exit_code == 0);
  CHECK_THAT(info.output, !Catch::Contains("LOUD"));
  CHECK_THAT(info.output, Catch::Contains("version:     1.2.3") && Catch::Contains("writes:      loud.txt (by default)") &&
                              Catch::Contains("needs:       sdg") && Catch::Contains("volume (integer, default 11): how loud"));
  auto list = test::dossier(path + "plugins list --json");
  CHECK(list.exit_code == 0);
  CHECK_THAT(list.output, !Catch::Contains("LOUD") && Catch::Contains("\"default_file\": \"loud.txt\""));
  auto check = test::dossier("plugins check " + quote((fs::path(DOSSIER_LOUD_PLUGIN_DIR) / "dossier-exporter-loud.so").string()));
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.output, Catch::Contains("LOUD: the plugin's code ran"));
}

TEST_CASE("run writes corpus.json with all five sample documents and their paragraphs") {
  const fs::path out = test::fresh_dir("cli-run");
  auto r = test::dossier("run " + corpus() + " --export json --out " + quote(out.string()));
  CHECK(r.exit_code == 0);
  const auto j = nlohmann::json::parse(test::read_file(out / "corpus.json"));
  REQUIRE(j["documents"].size() == 5);
  for (const auto& d : j["documents"]) {
    INFO(d["source"]);
    CHECK_FALSE(d["paragraphs"].empty());
    CHECK(d["sha256"].get<std::string>().size() == 64);
  }
  CHECK(fs::exists(out / "manifest.json"));
}

TEST_CASE("a build restarts once with malloc on huge pages, unless DOSSIER_HUGE_PAGES=0") {
  std::ifstream mode_file("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string mode;
  std::getline(mode_file, mode);
  const std::string said = "malloc on transparent huge pages (restarted with GLIBC_TUNABLES=glibc.malloc.hugetlb=1";
  const fs::path out = test::fresh_dir("cli-huge-pages");
  auto r = test::run("env -u GLIBC_TUNABLES " + quote(test::dossier_exe().string()) + " -v run " + corpus() +
                     " --export json --out " + quote(out.string()));
  CHECK(r.exit_code == 0);
#if defined(__SANITIZE_ADDRESS__)
  CHECK(r.output.find(said) == std::string::npos);  // AddressSanitizer's allocator: no restart
#else
  CHECK((r.output.find(said) != std::string::npos) == (!mode.empty() && mode.find("[never]") == std::string::npos));
  CHECK(test::count_lines_containing(r.output, "malloc on transparent huge pages") <= 1);
#endif
  r = test::run("env -u GLIBC_TUNABLES DOSSIER_HUGE_PAGES=0 " + quote(test::dossier_exe().string()) + " -v run " +
                corpus() + " --export json --out " + quote(out.string()));
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("malloc on transparent huge pages") == std::string::npos);
}

TEST_CASE("run -v logs the memory the build holds after each stage, and -q does not") {
  const fs::path out = test::fresh_dir("cli-memory");
  auto r = test::dossier("-v run " + corpus() + " --analyze sdg --export json,xml --out " + quote(out.string()));
  CHECK(r.exit_code == 0);
  // What bench/memory.py reads.
  const std::regex line(R"(memory after (reading|analysis|indexing|exporters): (\d+) MB resident, )"
                        R"(peak (\d+) MB, largest child process (\d+) MB)");
  std::set<std::string> stages;
  for (std::sregex_iterator it(r.output.begin(), r.output.end(), line), end; it != end; ++it) {
    stages.insert((*it)[1]);
    CHECK(std::stoul((*it)[2]) > 0);
    CHECK(std::stoul((*it)[3]) >= std::stoul((*it)[2]));
  }
  CHECK(stages == std::set<std::string>{"reading", "analysis", "indexing", "exporters"});
  const fs::path quiet = test::fresh_dir("cli-memory-quiet");
  r = test::dossier("run " + corpus() + " --export json --out " + quote(quiet.string()));
  CHECK(r.output.find("memory after") == std::string::npos);
}

TEST_CASE("run takes exporters comma-separated like analyzers, each with its own file name") {
  const fs::path out = test::fresh_dir("cli-run-exporters");
  auto r = test::dossier("run " + corpus() + " --analyze sdg --export json:all.json,xml --out " + quote(out.string()));
  CHECK(r.exit_code == 0);
  CHECK(fs::exists(out / "all.json"));
  CHECK(fs::exists(out / "feed.xml"));
}

TEST_CASE("run: an unknown exporter is a configuration error naming the choices") {
  auto r = test::dossier("run " + corpus() + " --export nope --out " + quote(test::fresh_dir("cli-unknown").string()));
  CHECK(r.exit_code == 4);
  // Other exporters come and go; json is always among the choices.
  CHECK_THAT(r.output, Catch::Contains("unknown exporter 'nope' (available: ") && Catch::Contains(" json"));
}

TEST_CASE("run: a throwing exporter is partial success and never replaces the earlier file") {
  const fs::path out = test::fresh_dir("cli-throw");
  REQUIRE(test::dossier("run " + corpus() + " --export json --out " + quote(out.string())).exit_code == 0);
  const std::string good = test::read_file(out / "corpus.json");
  auto r = test::dossier("run " + corpus() + " " + broken_path + " --export throwing_exporter:corpus.json " +
                         "--export json:second.json --out " + quote(out.string()));
  CHECK(r.exit_code == 3);
  CHECK(test::count_lines_containing(r.output, "error: plugin ") == 1);
  CHECK(test::count_lines_containing(r.output, "dossier-exporter-throwing_exporter.so: exporter throwing_exporter failed") == 1);
  CHECK(test::read_file(out / "corpus.json") == good);
  CHECK(fs::exists(out / "second.json"));
}

namespace {
// Runs `exporter` (which never finishes its crash.json) beside json into a folder that holds an
// earlier crash.json, and checks that the failure is contained: reported in one line naming
// the plugin and `reason`, json's output landed, the earlier file intact, no temporary left.
void check_contained(const std::string& exporter, const std::string& options, const std::string& reason) {
  const fs::path out = test::fresh_dir("cli-contained-" + exporter);
  REQUIRE(test::dossier("-q run " + corpus() + " --export json:crash.json --out " + quote(out.string())).exit_code == 0);
  const std::string earlier = test::read_file(out / "crash.json");
  auto r = test::dossier("run " + corpus() + " " + broken_path + " " + options + " --export json:corpus.json --export " +
                         exporter + ":crash.json --out " + quote(out.string()));
  INFO(r.output);
  CHECK(r.exit_code == 3);
  CHECK(test::count_lines_containing(r.output, "error: plugin ") == 1);
  CHECK(test::count_lines_containing(r.output, "dossier-exporter-" + exporter + ".so: exporter " + exporter + " " +
                                                   reason + "; earlier outputs left as they were") == 1);
  CHECK(test::read_file(out / "crash.json") == earlier);
  const auto corpus_json = nlohmann::json::parse(test::read_file(out / "corpus.json"));
  CHECK(corpus_json["documents"].size() == 5);
  const auto manifest = nlohmann::json::parse(test::read_file(out / "manifest.json"));
  // The failed exporter's earlier file stays in the new set, marked as carried over.
  REQUIRE(manifest["outputs"].size() == 2);
  CHECK(manifest["outputs"][0]["file"] == "corpus.json");
  CHECK(manifest["outputs"][1]["file"] == "crash.json");
  CHECK(manifest["outputs"][1]["carried_over"] == true);
  REQUIRE(manifest["errors"].size() == 1);
  CHECK_THAT(manifest["errors"][0].get<std::string>(), Catch::Contains(reason));
  for (const auto& e : fs::recursive_directory_iterator(out))
    CHECK(e.path().filename().string().find(".dossier-tmp-") == std::string::npos);
}
}  // namespace

TEST_CASE("run: a crashing exporter is contained and named with its signal while the others land") {
  check_contained("crashing_exporter", "", "crashed: signal 11 (Segmentation fault)");
}

TEST_CASE("run: an aborting exporter is contained and named with its signal while the others land") {
  check_contained("aborting_exporter", "", "crashed: signal 6 (Aborted)");
}

TEST_CASE("run: a hanging exporter is stopped at the plugin time limit while the others land") {
  const auto started = std::chrono::steady_clock::now();
  check_contained("hanging_exporter", "--plugin-time-limit 2", "exceeded its time limit of 2 s");
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(60));
}

TEST_CASE("run: a crashing and a hanging analyzer are contained while the other analyzers and exporters work") {
  const fs::path out = test::fresh_dir("cli-contained-analyzers");
  auto r = test::dossier("run " + corpus() + " " + broken_path + " --plugin-time-limit 2 -a sdg,crashing_analyzer,"
                         "hanging_analyzer,gcm --export json --export xml --out " + quote(out.string()));
  INFO(r.output);
  CHECK(r.exit_code == 3);
  CHECK(test::count_lines_containing(r.output, "error: analyzer crashing_analyzer (plugin ") == 1);
  CHECK_THAT(r.output, Catch::Contains("crashed: signal 11 (Segmentation fault); its annotations of 5 document(s) are left out"));
  CHECK(test::count_lines_containing(r.output, "error: analyzer hanging_analyzer (plugin ") == 1);
  CHECK_THAT(r.output, Catch::Contains("exceeded its time limit of 2 s"));
  const auto corpus_json = nlohmann::json::parse(test::read_file(out / "corpus.json"));
  std::map<std::string, int> by_analyzer;
  for (const auto& a : corpus_json["annotations"]) ++by_analyzer[a["analyzer"].get<std::string>()];
  CHECK(by_analyzer["sdg"] > 100);
  CHECK(by_analyzer["gcm"] > 100);
  CHECK(by_analyzer.size() == 2);
  CHECK(fs::exists(out / "feed.xml"));
  // Nothing of a failed analysis is cached: the next build tries them again.
  auto again = test::dossier("run " + corpus() + " " + broken_path + " --plugin-time-limit 1 -a sdg,crashing_analyzer "
                             "--export json --out " + quote(out.string()));
  CHECK_THAT(again.output, Catch::Contains("analyzer crashing_analyzer (plugin ") && Catch::Contains("crashed"));
}

TEST_CASE("run --no-isolation builds in one process and a crash there ends the build") {
  const fs::path out = test::fresh_dir("cli-no-isolation");
  auto ok = test::dossier("run " + corpus() + " --no-isolation --export json --out " + quote(out.string()));
  CHECK(ok.exit_code == 0);
  const std::string good = test::read_file(out / "corpus.json");
  CHECK(nlohmann::json::parse(good)["documents"].size() == 5);

  // In-process, a crash takes the host with it, naming what ran; earlier outputs survive.
  auto r = test::dossier("run " + corpus() + " " + broken_path + " --no-isolation --export crashing_exporter:corpus.json " +
                         "--out " + quote(out.string()));
  CHECK(r.exit_code != 0);
  CHECK_THAT(r.output, Catch::Contains("dossier: fatal:") && Catch::Contains("exporter crashing_exporter"));
  CHECK(test::read_file(out / "corpus.json") == good);
  // The next build removes the dead build's temporary file.
  CHECK(test::dossier("run " + corpus() + " --export json --out " + quote(out.string())).exit_code == 0);
  for (const auto& e : fs::directory_iterator(out))
    if (e.path().filename() != ".dossier") CHECK(e.path().filename().string()[0] != '.');
}

TEST_CASE("run: a plugin built against other SDK headers is refused before it runs, with or without isolation") {
  const fs::path out = test::fresh_dir("cli-other-headers");
  REQUIRE(test::dossier("-q run " + corpus() + " --export json --out " + quote(out.string())).exit_code == 0);
  const std::string earlier = test::read_file(out / "corpus.json");
  for (const std::string name : {"previous_release", "other_layout"})
    for (const std::string isolation : {"", " --no-isolation"}) {
      INFO(name + isolation);
      auto r = test::dossier("run " + corpus() + " " + broken_path + isolation + " -a sdg --export " + name +
                             ":corpus.json --out " + quote(out.string()));
      CHECK(r.exit_code == 4);  // a configuration error, not a crash
      CHECK_THAT(r.output, Catch::Contains("error: exporter '" + name + "' cannot be used: plugin ") &&
                               Catch::Contains("rebuild the plugin against the SDK this host was built with"));
      CHECK_THAT(r.output, !Catch::Contains("fatal"));
      CHECK(test::read_file(out / "corpus.json") == earlier);
    }
}

TEST_CASE("a misspelt or mistyped option in a job file fails before the build, with a suggestion (exit 4)") {
  const fs::path dir = test::fresh_dir("cli-misspelt-option");
  const fs::path job = dir / "job.toml";
  test::write_file(job, "name = \"misspelt\"\nsources = [" + corpus() + "]\n"
                        "[[analyze]]\nplugin = \"sdg\"\ntreshold = 0.6\n"
                        "[[export]]\nplugin = \"xlsx\"\nconstant_memory_above = 1.5\n");
  auto r = test::dossier("build " + quote(job.string()) + " --out " + quote((dir / "out").string()));
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.output, Catch::Contains("error: analyzer 'sdg': unknown option 'treshold' (did you mean 'threshold'?)"));
  CHECK_THAT(r.output, Catch::Contains("error: exporter 'xlsx': option 'constant_memory_above': '1.5' is not a whole number"));
  CHECK_FALSE(fs::exists(dir / "out" / "matrix.xlsx"));
}

TEST_CASE("a mistyped command or option is answered with the nearest one (exit 2)") {
  const std::string job = quote((test::source_dir() / "samples" / "jobs" / "gfmd.toml").string());
  struct Case {
    std::string args, says;
  };
  for (const Case& c : std::vector<Case>{
           {"buidl " + job, "unknown command 'buidl'; did you mean 'build'?"},
           {"bild", "unknown command 'bild'; did you mean 'build'?"},
           {"plugins lst", "unknown plugins command 'lst'; did you mean 'list'?"},
           {"plugins infi json", "unknown plugins command 'infi'; did you mean 'info'?"},
           {"run --exprot json " + corpus() + " --out x", "unknown option '--exprot'; did you mean '--export'?"},
           {"run " + corpus() + " --out x --exprot=json", "unknown option '--exprot'; did you mean '--export'?"},
           {"build " + job + " --dryrun", "unknown option '--dryrun'; did you mean '--dry-run'?"},
           {"--verbsoe build " + job, "unknown option '--verbsoe'; did you mean '--verbose'?"},
           {"build " + job + " --qiuet", "unknown option '--qiuet'; did you mean '--quiet'?"},  // a global option
           {"check " + corpus() + " --jsno", "unknown option '--jsno'; did you mean '--json'?"},
           {"run " + corpus() + " -e json --out x --frobnicate", "unknown option '--frobnicate'\n"},
           {"", "no command given (commands: plugins, run, build, merge, show, search, check, eval, train)"},
           {"plugins", "no plugins command given (commands: list, info, check)"},
       }) {
    INFO(c.args);
    const auto r = test::dossier(c.args);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::StartsWith("dossier: error: " + c.says));
    CHECK_THAT(r.output, Catch::Contains("Run with --help for more information."));
  }
  // A suggestion is only made when one is close: nothing far-fetched.
  CHECK(test::dossier("xyz").output.find("did you mean") == std::string::npos);
  CHECK(test::dossier("build " + job + " --colour").output.find("did you mean") == std::string::npos);
}

TEST_CASE("a bad plugin time limit is a usage error") {
  const std::string out = quote(test::fresh_dir("cli-bad-limit").string());
  CHECK(test::dossier("run " + corpus() + " --plugin-time-limit -1 --export json --out " + out).exit_code == 2);
  CHECK(test::dossier("run " + corpus() + " --plugin-time-limit soon --export json --out " + out).exit_code == 2);
}

TEST_CASE("every command-line error says dossier: error:, and an empty value is one") {
  const std::string out = quote(test::fresh_dir("cli-errors").string());
  const std::string job = quote((test::source_dir() / "samples" / "jobs" / "gfmd.toml").string());
  const std::string run = "run " + corpus() + " --export json ";
  struct Case {
    std::string args, says;
  };
  for (const Case& c : std::vector<Case>{
           {run + "--out " + out + " --threads 0", "--threads: Value 0 not in range 1 to 1024"},
           {run + "--out " + out + " -j 5000", "not in range"},
           {run + "--out " + out + " --plugin-time-limit -1", "--plugin-time-limit"},
           {"check " + corpus() + " -j 0", "--threads"},
           {"merge " + job + " --threads 0", "--threads"},
           {"train --examples x.csv -o m --epochs -3", "--epochs: Value -3 not in range"},
           {"train --examples x.csv -o m --min-df x", "--min-df"},
           {"train --examples x.csv -o m --stems 99", "--stems"},
           {"eval x.json y.csv --threshold much", "--threshold"},
           {"--log-format xml plugins list", "--log-format"},
           {"frobnicate", "unknown command 'frobnicate' (commands: plugins, run, build, merge, show, search, check, eval, train)"},
           {run + "--out ''", "--out: needs a folder"},
           {"build " + job + " --out ''", "--out: needs a folder"},
           {"build " + job + " --out " + out + " --shard ''", "--shard: needs K/N or auto"},
           {"build " + job + " --out " + out + " --shard 5/3", "--shard 5/3: K must be between 1 and N"},
           {run + "--out " + out + " --cache ''", "--cache: needs a file"},
           {run + "--out " + out + " --catalogue ''", "--catalogue: needs a file"},
           {"--plugin-path '' plugins list", "--plugin-path: needs a folder"},
       }) {
    INFO(c.args);
    const auto r = test::dossier(c.args);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::StartsWith("dossier: error: ") && Catch::Contains(c.says));
  }
  // An argument quoted in the message is escaped like a log line.
  const auto esc = test::dossier(run + "--out " + out + " \"--frob$(printf '\\033[31m')\"");
  CHECK_THAT(esc.output, Catch::Contains("--frob\\x1b[31m"));
  CHECK(esc.output.find('\x1b') == std::string::npos);
}

TEST_CASE("an output folder at the root, on the sources or inside them is refused before anything is written") {
  const fs::path dir = test::fresh_dir("cli-out-folder");
  fs::create_directories(dir / "corpus");
  fs::copy(test::corpus_dir(), dir / "corpus", fs::copy_options::recursive);
  const std::string run = "run " + quote((dir / "corpus").string()) + " --export json --out ";
  for (const std::string& bad : {std::string("/"), (dir / ".." / ".." / ".." / ".." / ".." / ".." / "..").string() + "/../../..",
                                 (dir / "corpus").string(), dir.string(), (dir / "corpus" / "out").string()}) {
    INFO(bad);
    const auto r = test::dossier(run + quote(bad));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::StartsWith("dossier: error: output folder "));
  }
  CHECK_FALSE(fs::exists(dir / ".dossier"));
  CHECK_FALSE(fs::exists(dir / "corpus" / ".dossier"));
  CHECK_FALSE(fs::exists(dir / "corpus" / "out"));
  // The job's own 'output' is a configuration error.
  test::write_file(dir / "job.toml", "sources = [\"corpus\"]\noutput = \"corpus\"\n[[export]]\nplugin = \"json\"\n");
  const auto job = test::dossier("build " + quote((dir / "job.toml").string()));
  CHECK(job.exit_code == 4);
  CHECK_THAT(job.output, Catch::Contains("is a source of the build"));
  // A hidden folder inside the sources is not walked, so it may hold the outputs.
  CHECK(test::dossier("-q " + run + quote((dir / "corpus" / ".out").string())).exit_code == 0);
  CHECK(fs::exists(dir / "corpus" / ".out" / "corpus.json"));
}

TEST_CASE("run --plugin-memory-limit: a reader that eats memory skips its file, the others are read") {
  const fs::path dir = test::fresh_dir("cli-memory-limit") / "corpus";
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(test::corpus_dir())) fs::copy_file(e.path(), dir / e.path().filename());
  test::write_file(dir / "hog.txt", "DOSSIER-BROKEN-READER: allocate\n");
  const fs::path out = dir.parent_path() / "out";
  auto r = test::dossier("--plugin-path " + quote(test::broken_reader_dir().string()) + " run " + quote(dir.string()) +
                         " --plugin-memory-limit 300 --export json --out " + quote(out.string()));
  CHECK(r.exit_code == 3);
#if !defined(__SANITIZE_ADDRESS__)  // AddressSanitizer ends the child instead of throwing std::bad_alloc
  CHECK_THAT(r.output, Catch::Contains("dossier: error: reader broken_reader exceeded its memory limit of 300 MiB on " +
                                       (dir / "hog.txt").string() + "; the file is skipped"));
#endif
  CHECK(nlohmann::json::parse(test::read_file(out / "corpus.json"))["documents"].size() == 5);
}

TEST_CASE("a bad plugin memory limit is a usage error") {
  const std::string out = quote(test::fresh_dir("cli-bad-memory-limit").string());
  for (const std::string bad : {"-1", "8G", "1048577"})
    CHECK(test::dossier("run " + corpus() + " --plugin-memory-limit " + bad + " --export json --out " + out).exit_code == 2);
}

TEST_CASE("build runs the sample job and a bad job file is a configuration error with its line") {
  const fs::path out = test::fresh_dir("cli-build");
  auto r = test::dossier("build " + quote((test::source_dir() / "samples/jobs/gfmd.toml").string()) + " --out " +
                         quote(out.string()));
  CHECK(r.exit_code == 0);
  const auto j = nlohmann::json::parse(test::read_file(out / "corpus.json"));
  CHECK(j["documents"].size() == 5);
  // manifest.json: build_time for machines, and "built" for people, in local time with its offset.
  const fs::path pinned = test::fresh_dir("cli-build-pinned");
  REQUIRE(test::run("TZ=CET-1 SOURCE_DATE_EPOCH=1700000000 " + quote(test::dossier_exe().string()) + " -q run " +
                    corpus() + " -e json --no-cache --out " + quote(pinned.string()))
              .exit_code == 0);
  const auto manifest = nlohmann::json::parse(test::read_file(pinned / "manifest.json"));
  CHECK(manifest.at("build_time") == 1700000000);
  CHECK(manifest.at("built") == "2023-11-14T23:13:20+01:00");

  const fs::path bad = test::fresh_dir("cli-bad-job") / "bad.toml";
  test::write_file(bad, "sources = [\"x\"]\n\n[[export]]\nplugin = \"json\"\ncolour = { a = 1 }\n");
  auto e = test::dossier("build " + quote(bad.string()));
  CHECK(e.exit_code == 4);
  CHECK_THAT(e.output, Catch::Contains("bad.toml:5: option 'colour'"));
}

TEST_CASE("manifest.json and the log sum up the corpus health, for documents from the store too") {
  const fs::path dir = test::fresh_dir("cli-health");
  fs::create_directories(dir / "in");
  fs::copy_file(test::corpus_dir() / "004_4233e7d77e7d0f2d.txt", dir / "in" / "good.txt");
  test::write_file(dir / "in" / "blank.txt", "   \n\n  \n");  // read, but "no text found"
  const std::string args = "run " + quote((dir / "in").string()) + " -e json --out " + quote((dir / "out").string());
  for (const bool from_store : {false, true}) {
    INFO("from the store: " << from_store);
    const auto r = test::dossier(args);
    INFO(r.output);
    CHECK(r.exit_code == 0);  // built all the same; --strict fails instead
    CHECK_THAT(r.output, Catch::Contains("corpus health: 2 documents, 1 with warnings"));
    CHECK_THAT(r.output, Catch::Contains("  blank.txt: no text found"));
    const auto health = nlohmann::json::parse(test::read_file(dir / "out" / "manifest.json")).at("health");
    CHECK(health.at("documents") == 2);
    CHECK(health.at("with_warnings") == 1);
    CHECK(health.at("lost") == nlohmann::json::object());
    REQUIRE(health.at("problems").size() == 1);
    const auto& problem = health.at("problems")[0];
    CHECK(problem.at("document") == "blank");
    CHECK_THAT(problem.at("source").get<std::string>(), Catch::EndsWith("blank.txt"));
    CHECK(problem.at("warnings") == 1);
    CHECK(problem.at("diagnostics")[0].at("message") == "no text found");
    CHECK(problem.at("diagnostics")[0].at("severity") == "warning");
  }
  fs::remove(dir / "in" / "blank.txt");
  const auto healthy = test::dossier(args);
  CHECK_THAT(healthy.output, Catch::Contains("corpus health: 1 documents, none with warnings"));
  CHECK(nlohmann::json::parse(test::read_file(dir / "out" / "manifest.json")).at("health").at("problems").empty());
}

TEST_CASE("missing sources are reported and with none readable the run is an input error") {
  const fs::path out = test::fresh_dir("cli-missing");
  auto r = test::dossier("run /nonexistent/folder --export json --out " + quote(out.string()));
  CHECK(r.exit_code == 5);
  CHECK_THAT(r.output, Catch::Contains("/nonexistent/folder: no such file or folder"));
}

TEST_CASE("show prints a cited paragraph with its section, footnotes and recommendation") {
  // 001 never prints its symbol: it takes A/68/283 from the page (000) that holds a part of it.
  auto r = test::dossier("-q show " + quote("A/68/283 \xC2\xB6" "135") + " " + corpus());
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::StartsWith("A/68/283, para. 135\n"));  // as people cite it
  CHECK_THAT(r.output, Catch::Contains("Recommendations in relation to the GFMD"));
  CHECK_THAT(r.output, Catch::Contains("States should define more concrete outcomes of the GFMD summit meetings"));
  CHECK_THAT(r.output, Catch::Contains("\n  recommendation (to States)\n"));
  // A kind in words, never its code.
  auto options = test::dossier("-q show " + quote("003-47dc10d97ca243f0 \xC2\xA7II.2.(1) #11") + " " + corpus());
  CHECK(options.exit_code == 0);
  CHECK_THAT(options.output, Catch::Contains("recommendation (practical action, to Governments)"));
  CHECK(options.output.find("practical_action") == std::string::npos);

  auto range = test::dossier("-q show " + quote("A/68/283 para 52-53") + " " +
                             quote((test::corpus_dir() / "000_361761b2e85cd3df.txt").string()));
  CHECK(range.exit_code == 0);
  CHECK(test::count_lines_containing(range.output, "A/68/283, para. 5") == 2);
  CHECK_THAT(range.output, Catch::Contains("[6] Available from www.gfmd.org/documents/mauritius"));
}

TEST_CASE("show explains a citation that names nothing") {
  auto none = test::dossier("-q show " + quote("A/68/283 \xC2\xB6" "999") + " " + corpus());
  CHECK(none.exit_code == 5);
  CHECK_THAT(none.output, Catch::Contains("names nothing in A/68/283"));
  auto bad = test::dossier("-q show nonsense " + corpus());
  CHECK(bad.exit_code == 5);
  CHECK_THAT(bad.output, Catch::Contains("is not a citation"));
  auto unknown = test::dossier("-q show " + quote("X/1/2 \xC2\xB6" "1") + " " + corpus());
  CHECK_THAT(unknown.output, Catch::Contains("no document 'X/1/2'"));
}

TEST_CASE("show takes the citations the outputs print, in every language, and a job's sources and catalogue") {
  const std::string job = quote((test::source_dir() / "samples/jobs/gfmd.toml").string());
  // The symbol, or the catalogue's short title with the section path and the item.
  for (const char* cited :
       {"A/68/283, para. 127", "A/68/283, par. 127", "A/68/283, p\xC3\xA1rr. 127", "A/68/283, \xD0\xBF. 127",
        "A/68/283\xD8\x8C \xD8\xA7\xD9\x84\xD9\x81\xD9\x82\xD8\xB1\xD8\xA9 127",
        "A/68/283\xEF\xBC\x8C\xE7\xAC\xAC" "127\xE6\xAE\xB5", "a/68/283,  para 127"}) {
    const auto r = test::dossier("-q show --job " + job + " " + quote(cited));
    INFO(cited << "\n" << r.output);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("All States should establish human rights-based"));
  }
  for (const char* cited : {"GFMD Thematic Recollection 2017, II.2.(1), item 11",
                            "GFMD Thematic Recollection 2017, II.2.(1), point 11",
                            "GFMD Thematic Recollection 2007-2017 for the Global Compact for Migration, II.2.(1), item 11",
                            "gfmd-thematic-recollection-2017 \xC2\xA7II.2.(1) #11"}) {
    const auto r = test::dossier("-q show --job " + job + " " + quote(cited));
    INFO(cited << "\n" << r.output);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::StartsWith("GFMD Thematic Recollection 2017, II.2.(1), item 11\n") ||
                             Catch::StartsWith("GFMD Thematic Recollection 2017, II.2.(1), point 11\n"));
    CHECK_THAT(r.output, Catch::Contains("Reduce worker-paid recruitment fees"));
  }
  // A title with a comma of its own.
  const auto cluster = test::dossier("-q show --job " + job + " " +
                                     quote("GFMD Dialogue on the Global Compact on Migration, GCM Cluster 1, item 29"));
  CHECK(cluster.exit_code == 0);
  CHECK_THAT(cluster.output, Catch::StartsWith("GFMD GCM Dialogue Cluster 1, item 29\n"));

  // Without the catalogue, the catalogue's names are unknown, and the error says what to pass.
  for (const char* cited : {"GFMD Thematic Recollection 2017, II.2.(1), item 11",
                            "gfmd-thematic-recollection-2017 \xC2\xA7II.2.(1) #11"}) {
    const auto r = test::dossier("show " + quote(cited) + " " + corpus());
    INFO(r.output);
    CHECK(r.exit_code == 5);
    CHECK_THAT(r.output, Catch::Contains("is not a UN symbol; pass --catalogue FILE or --job JOB.toml"));
  }
  const auto symbol = test::dossier("show " + quote("X/1/2, para. 1") + " " + corpus());
  CHECK(symbol.exit_code == 5);
  CHECK_THAT(symbol.output, !Catch::Contains("--catalogue"));
  // Without sources or a job there is nothing to read.
  const auto nothing = test::dossier("show " + quote("A/68/283, para. 127"));
  CHECK(nothing.exit_code == 2);
  CHECK_THAT(nothing.output, Catch::Contains("give SOURCE files or folders, or --job JOB.toml"));
}

TEST_CASE("show --citations shows a file's citations in order, the sources read once, and names those that fail") {
  const fs::path dir = test::fresh_dir("cli-show-citations");
  test::write_file(dir / "cited.txt", "A/68/283, para. 127\n\n  A/68/283 \xC2\xB6" "135  \r\nA/68/283, para. 99999\n");
  // Every positional is then a source.
  auto r = test::dossier("-q show --citations " + quote((dir / "cited.txt").string()) + " " + corpus());
  INFO(r.output);
  CHECK(r.exit_code == 5);
  const auto first = r.output.find("A/68/283, para. 127\n");
  const auto second = r.output.find("A/68/283, para. 135\n");
  CHECK(first != std::string::npos);
  CHECK(second != std::string::npos);
  CHECK(first < second);
  CHECK_THAT(r.output, Catch::Contains("'A/68/283, para. 99999' names nothing in A/68/283"));
  CHECK_THAT(r.output, Catch::Contains("1 of 3 citations did not resolve"));
  // Neither a citation nor a file; a file that is not there; a file of blank lines.
  CHECK(test::dossier("show " + corpus()).exit_code == 2);
  const auto missing = test::dossier("show --citations " + quote((dir / "none.txt").string()) + " " + corpus());
  CHECK(missing.exit_code == 5);
  CHECK_THAT(missing.output, Catch::Contains("cannot read the citations file"));
  test::write_file(dir / "blank.txt", "\n  \n");
  const auto blank = test::dossier("show --citations " + quote((dir / "blank.txt").string()) + " " + corpus());
  CHECK(blank.exit_code == 5);
  CHECK_THAT(blank.output, Catch::Contains("holds no citation"));
}

TEST_CASE("a broken catalogue is a configuration error naming its line") {
  const fs::path dir = test::fresh_dir("cli-catalogue");
  test::write_file(dir / "bad.toml", "[[document]]\nfile = \"x.txt\"\nwhen = \"2010\"\n");
  auto r = test::dossier("run " + corpus() + " --export json --catalogue " + quote((dir / "bad.toml").string()) +
                         " --out " + quote((dir / "out").string()));
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.output, Catch::Contains("bad.toml:3: unknown key 'when'"));
  CHECK_FALSE(fs::exists(dir / "out" / "corpus.json"));
}

TEST_CASE("show finds a sub-paragraph of a resolution") {
  auto r = test::dossier("-q show " + quote("A/RES/76/172 \xC2\xB6" "4(a)") + " " +
                         quote((test::source_dir() / "tests/data/akn/A_RES_76_172-2119207E.xml").string()));
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::StartsWith("A/RES/76/172, para. 4 (a)\n"));
  CHECK(test::count_lines_containing(r.output, "A/RES/76/172, para.") == 1);
  // What the outputs print reaches it too, in each language's words.
  for (const char* cited : {"A/RES/76/172, para. 4 (a)", "A/RES/76/172, par. 4 a)", "A/RES/76/172, \xD0\xBF. 4 a)",
                            "A/RES/76/172\xEF\xBC\x8C\xE7\xAC\xAC" "4(a)\xE6\xAE\xB5"}) {
    const auto again = test::dossier("-q show " + quote(cited) + " " +
                                     quote((test::source_dir() / "tests/data/akn/A_RES_76_172-2119207E.xml").string()));
    INFO(cited << "\n" << again.output);
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.output, Catch::Contains("4") && !Catch::Contains("error"));
  }
}

TEST_CASE("a second build into the same output folder is refused at once with exit 7") {
  const auto out = test::fresh_dir("cli-lock");
  const std::string args = "-q run " + test::quote(test::corpus_dir().string()) + " --no-cache -e json -o " +
                           test::quote(out.string());
  {
    // This process plays the build in progress.
    dossier::host::BuildLock first(out);
    REQUIRE(first.held());
    const auto second = test::dossier(args);
    CHECK(second.exit_code == 7);
    CHECK_THAT(second.output, Catch::Contains("another build is writing to") && Catch::Contains("pid "));
    // When the holder started, as local time, not seconds since 1970.
    CHECK(std::regex_search(second.output, std::regex(R"(started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\))")));
    CHECK_FALSE(test::fs::exists(out / "corpus.json"));
  }
  // Released (as the kernel does when a build is killed): the next build runs.
  CHECK(test::dossier(args).exit_code == 0);
  CHECK(test::fs::exists(out / "corpus.json"));
}

TEST_CASE("a child process a build forked does not hold its lock once the build has ended") {
  const auto out = test::fresh_dir("cli-lock-child");
  const auto args = "-q run " + test::quote(test::corpus_dir().string()) + " --no-cache -e json -o " + test::quote(out.string());
  pid_t child = -1;
  {
    dossier::host::BuildLock build(out);
    REQUIRE(build.held());
    // A reader or exporter child, still alive a moment after its build was killed.
    child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::sleep(30);
      ::_exit(0);
    }
  }
  // The build is gone, its child is not: the next build runs.
  const auto next = test::dossier(args);
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  CHECK(next.exit_code == 0);
}

TEST_CASE("build --dry-run shows sources with their readers and the outputs and writes nothing") {
  const auto out = test::fresh_dir("cli-dry-run") / "never";
  const auto r = test::dossier("-q build " + test::quote((test::source_dir() / "samples" / "jobs" / "gfmd.toml").string()) +
                               " --out " + test::quote(out.string()) + " --dry-run");
  CHECK(r.exit_code == 0);
  CHECK(test::count_lines_containing(r.output, "reader text") == 5);
  CHECK_THAT(r.output, Catch::Contains("analyzers (in the order they run): sdg") && Catch::Contains("gcm"));
  CHECK_THAT(r.output, Catch::Contains((out / "corpus.json").string()) && Catch::Contains((out / "matrix.xlsx").string()));
  CHECK_THAT(r.output, Catch::Contains("language=fr"));
  CHECK_THAT(r.output, Catch::Contains("(would be created)"));
  CHECK_FALSE(test::fs::exists(out));

  // The briefs each pdf exporter will really write (its declared naming), as the build writes them.
  std::set<std::string> planned;
  for (const char* name : {"brief.pdf", "brief-sdg-10-fr.pdf", "brief-sdg-10-ru.pdf", "brief-sdg-10-ar.pdf",
                                  "brief-sdg-10-zh.pdf"})
    CHECK(test::count_lines_containing(r.output, "pdf 0.1.0 -> " + (out / "briefs" / name).string() + "  (") == 1);
  std::istringstream lines(r.output);
  for (std::string line; std::getline(lines, line);) {
    const auto arrow = line.find(" -> " + out.string() + "/");
    if (line.rfind("  ", 0) != 0 || arrow == std::string::npos) continue;
    const auto start = arrow + 5 + out.string().size();
    planned.insert(line.substr(start, line.find("  (", start) == std::string::npos ? std::string::npos
                                                                                 : line.find("  (", start) - start));
  }
  CHECK(r.output.find("problem:") == std::string::npos);
  const fs::path built = test::fresh_dir("cli-dry-run-built");
  REQUIRE(test::dossier("-q build " + test::quote((test::source_dir() / "samples" / "jobs" / "gfmd.toml").string()) +
                        " --no-cache --out " + test::quote(built.string()))
              .exit_code == 0);
  std::set<std::string> written;
  const auto manifest = nlohmann::json::parse(test::read_file(built / "manifest.json"));
  for (const auto& o : manifest.at("outputs")) {
    const std::string file = o.at("file");
    // One Akoma Ntoso file per document in akn/; the html site's files in site/.
    written.insert(file.rfind("akn/", 0) == 0 ? "akn" : file.rfind("site/", 0) == 0 ? "site" : file);
  }
  CHECK(planned == written);

  // Two exporters that would write one file: a problem the dry run names (exit 4).
  const fs::path dir = test::fresh_dir("cli-dry-run-clash");
  test::write_file(dir / "job.toml", "sources = [" + nlohmann::json(test::corpus_dir().string()).dump() +
                                         "]\n[[export]]\nplugin = \"pdf\"\nfocus = [\"sdg:10\"]\n"
                                         "[[export]]\nplugin = \"pdf\"\nfile = \"brief-sdg-10.pdf\"\n");
  const auto clash = test::dossier("-q build " + test::quote((dir / "job.toml").string()) + " --out " +
                                   test::quote((dir / "out").string()) + " --dry-run");
  CHECK(clash.exit_code == 4);
  CHECK_THAT(clash.output, Catch::Contains("problem: two exporters would write brief-sdg-10.pdf"));
}

TEST_CASE("kill -9 at any moment of a build leaves every earlier output whole and the next build succeeds") {
  const fs::path root = test::fresh_dir("cli-kill");
  // A corpus big enough for the build to be caught while reading, analysing and exporting.
  const fs::path before = root / "before", after = root / "after", out = root / "out", fresh = root / "fresh";
  fs::create_directories(before);
  fs::create_directories(after);
  for (int copy = 0; copy < 4; ++copy)
    for (const auto& e : fs::directory_iterator(test::corpus_dir())) {
      const std::string name = e.path().stem().string() + "_" + std::to_string(copy) + ".txt";
      const std::string text = test::read_file(e.path());
      test::write_file(before / name, text);
      test::write_file(after / name, text + "\nAn added closing line.\n");
    }
  const std::string exe = quote(test::dossier_exe().string());
  auto build_command = [&](const fs::path& sources, const fs::path& to) {
    return "SOURCE_DATE_EPOCH=1700000000 exec " + exe + " -qq run " + quote(sources.string()) +
           " --no-cache -a sdg,gcm -e json -e xml -e xlsx -o " + quote(to.string());
  };
  const std::vector<std::string> outputs = {"corpus.json", "feed.xml", "matrix.xlsx"};
  REQUIRE(test::run(build_command(before, out)).exit_code == 0);
  REQUIRE(test::run(build_command(after, fresh)).exit_code == 0);  // what a complete second build writes
  std::map<std::string, std::string> old_bytes, new_bytes;
  for (const auto& o : outputs) {
    old_bytes[o] = test::read_file(out / o);
    new_bytes[o] = test::read_file(fresh / o);
    REQUIRE(old_bytes[o] != new_bytes[o]);
  }

  int caught = 0;  // rounds killed before the outputs were replaced
  for (const int ms : {20, 150, 400, 800, 1500}) {
    INFO("killed after " << ms << " ms");
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::execl("/bin/sh", "sh", "-c", build_command(after, out).c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    for (const auto& o : outputs) {
      // Each output is the earlier one, or (if the kill came after the final renames) the
      // complete new one: never a mixture, never missing.
      const std::string now = test::read_file(out / o);
      CHECK((now == old_bytes[o] || now == new_bytes[o]));
    }
    if (test::read_file(out / "corpus.json") == old_bytes["corpus.json"]) ++caught;
    // Put the earlier outputs back so that the next round starts from them.
    REQUIRE(test::run(build_command(before, out)).exit_code == 0);
  }
  CHECK(caught >= 1);
  // A killed build's temporary files are gone after the next build.
  REQUIRE(test::run(build_command(after, out)).exit_code == 0);
  for (const auto& o : outputs) CHECK(test::read_file(out / o) == new_bytes[o]);
  for (const auto& e : fs::recursive_directory_iterator(out))
    CHECK(e.path().filename().string().find(".dossier-tmp-") == std::string::npos);
}

TEST_CASE("log-format json writes one parseable object per line with time level and message") {
  const auto out = test::fresh_dir("cli-log-json");
  const auto r = test::dossier("--log-format json run /nonexistent-source " +
                               quote((test::corpus_dir() / "000_361761b2e85cd3df.txt").string()) +
                               " --no-cache -e json -o " + quote(out.string()));
  CHECK(r.exit_code == 3);
  std::istringstream lines(r.output);
  std::size_t objects = 0, errors = 0;
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    const auto j = nlohmann::json::parse(line);  // throws (fails the test) on anything else
    CHECK(j.at("time").get<std::string>().size() == 24);
    CHECK_FALSE(j.at("message").get<std::string>().empty());
    if (j.at("level") == "error") {
      ++errors;
      CHECK_THAT(j.at("message").get<std::string>(), Catch::Contains("/nonexistent-source"));
    }
    ++objects;
  }
  CHECK(objects >= 3);
  CHECK(errors == 1);
  CHECK(test::dossier("--log-format xml plugins list").exit_code == 2);
}

TEST_CASE("shards built by parallel processes merge to the outputs of a single build") {
  const fs::path root = test::fresh_dir("cli-shards");
  const std::string job = quote((test::source_dir() / "samples" / "jobs" / "gfmd.toml").string());
  const std::string env = "SOURCE_DATE_EPOCH=1790000000 ";
  const std::string exe = quote(test::dossier_exe().string());
  auto outputs = [](const fs::path& dir) {
    std::map<std::string, std::string> files;  // every output but the manifest (timings, reuse)
    for (const auto& e : fs::recursive_directory_iterator(dir / "current")) {
      const std::string rel = fs::relative(e.path(), dir / "current").string();
      if (e.is_regular_file() && rel.rfind(".dossier", 0) != 0 && rel != "manifest.json")
        files[rel] = test::read_file(e.path());
    }
    return files;
  };
  const fs::path single = root / "single";
  REQUIRE(test::run(env + exe + " -q build " + job + " -j 1 --out " + quote(single.string())).exit_code == 0);
  const auto expected = outputs(single);
  REQUIRE(expected.size() == 27);  // 14, and the site: 2 pages, 5 documents, 6 assets (with the matrix rows)

  for (int n : {2, 3}) {
    const fs::path out = root / ("shards-" + std::to_string(n));
    std::string shards;
    for (int k = 1; k <= n; ++k)
      shards += env + exe + " -q build " + job + " --out " + quote(out.string()) + " --shard " + std::to_string(k) +
                "/" + std::to_string(n) + " & ";
    // The shards run at once, as a cluster's tasks would; each leaves its partial store.
    const auto built = test::run(shards + "wait");
    INFO(built.output);
    for (int k = 1; k <= n; ++k) CHECK(fs::exists(out / ".dossier" / "shards" / ("shard-" + std::to_string(k) + "-of-" + std::to_string(n) + ".sqlite")));
    CHECK_FALSE(fs::exists(out / "corpus.json"));  // a shard exports nothing

    const auto merged = test::run(env + exe + " merge " + job + " --out " + quote(out.string()));
    INFO(merged.output);
    REQUIRE(merged.exit_code == 0);
    CHECK_THAT(merged.output, Catch::Contains("merged") && Catch::Contains("reused 5 of 5 documents"));
    CHECK(outputs(out) == expected);
    CHECK_FALSE(fs::exists(out / ".dossier" / "shards" / ("shard-1-of-" + std::to_string(n) + ".sqlite")));
    // Nothing left to merge: a clear input error.
    const auto again = test::run(exe + " merge " + job + " --out " + quote(out.string()));
    CHECK(again.exit_code == 5);
    CHECK_THAT(again.output, Catch::Contains("no partial stores"));
  }
}

TEST_CASE("a missing shard stops the merge and bad shard arguments are usage errors") {
  const fs::path out = test::fresh_dir("cli-shard-missing");
  const std::string job = quote((test::source_dir() / "samples" / "jobs" / "gfmd.toml").string());
  REQUIRE(test::dossier("-q build " + job + " --out " + quote(out.string()) + " --shard 1/2").exit_code == 0);
  const auto merged = test::dossier("merge " + job + " --out " + quote(out.string()));
  CHECK(merged.exit_code == 5);
  CHECK_THAT(merged.output, Catch::Contains("shard 2 of 2 is missing"));
  CHECK(fs::exists(out / ".dossier" / "shards" / "shard-1-of-2.sqlite"));
  CHECK_FALSE(fs::exists(out / "corpus.json"));
  CHECK(test::dossier("build " + job + " --out " + quote(out.string()) + " --shard 3/2").exit_code == 2);
  const auto env = test::run("env -u JOB_COMPLETION_INDEX -u SLURM_ARRAY_TASK_ID " + quote(test::dossier_exe().string()) +
                             " build " + job + " --out " + quote(out.string()) + " --shard auto");
  CHECK(env.exit_code == 2);
  CHECK_THAT(env.output, Catch::Contains("Kubernetes") && Catch::Contains("Slurm"));
}

TEST_CASE("a build writing to a pipe draws no progress bar") {
  const auto out = test::fresh_dir("cli-progress-pipe");
  const auto r = test::dossier("run " + corpus() + " --no-cache -e json -e json:again.json -o " + quote(out.string()));
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Contains("wrote"));
  CHECK(r.output.find('\r') == std::string::npos);
  CHECK(r.output.find('\033') == std::string::npos);
  CHECK_THAT(r.output, !Catch::Contains("exporters"));
}

TEST_CASE("a build on a terminal draws a progress bar and clears it before the next log line") {
  if (test::run("command -v script").exit_code != 0) {
    WARN("script (util-linux) is not installed: no pseudo terminal to test on");
    return;
  }
  const auto out = test::fresh_dir("cli-progress-tty");
  const std::string command = quote(test::dossier_exe().string()) + " run " + corpus() +
                              " --no-cache -e json -e json:again.json -o " + quote(out.string());
  // script(1) runs the command on a pseudo terminal and copies what it shows to stdout.
  const auto r = test::run("script -qec " + quote(command) + " /dev/null </dev/null");
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Contains("\r\033[Kexport   [") && Catch::Contains("2/2 exporters"));
  // The first log line after the stage starts on a cleared line, not after the bar.
  const auto bar = r.output.find("2/2 exporters");
  REQUIRE(bar != std::string::npos);
  const auto wrote = r.output.find("dossier: ", bar);
  REQUIRE(wrote != std::string::npos);
  CHECK(r.output.substr(wrote - 4, 4) == "\r\033[K");
  // On a terminal too, no bar with -q or JSON log lines.
  for (const char* option : {"-q", "--log-format json"}) {
    INFO(option);
    const std::string quiet = quote(test::dossier_exe().string()) + " " + option + " run " + corpus() +
                              " -e json -o " + quote(out.string());
    const auto q = test::run("script -qec " + quote(quiet) + " /dev/null </dev/null");
    CHECK(q.exit_code == 0);
    CHECK_THAT(q.output, !Catch::Contains("exporters") && !Catch::Contains("\033[K"));
  }
}

TEST_CASE("train builds a model from labelled passages, reports held-out scores, and a job uses it") {
  const fs::path data = test::source_dir() / "tests" / "data" / "upr-slovenia-2019";
  const fs::path dir = test::fresh_dir("cli-train");
  const auto trained = test::dossier("-q train --examples " +
                                     test::quote((data / "A_HRC_43_15_recommendations_sdg_labels.csv").string()) +
                                     " --examples-language en --model-version 1 -o " +
                                     test::quote((dir / "upr.model").string()));
  INFO(trained.output);
  REQUIRE(trained.exit_code == 0);
  CHECK_THAT(trained.output, Catch::Contains("passages, en: 202 held-out examples") && Catch::Contains("macro-F1"));
  REQUIRE(fs::exists(dir / "upr.model"));

  test::write_file(dir / "job.toml", "name = \"t\"\nsources = [" +
                                         test::quote((data / "A_HRC_43_15_UPR_WG_report_Slovenia.txt").string()) +
                                         "]\n[[analyze]]\nplugin = \"sdg\"\nmodel = " + test::quote((dir / "upr.model").string()) + "\n"
                                         "[[export]]\nplugin = \"json\"\n");
  const auto built = test::dossier("-q build " + test::quote((dir / "job.toml").string()) + " --out " +
                                   test::quote((dir / "out").string()));
  INFO(built.output);
  REQUIRE(built.exit_code == 0);
  CHECK_THAT(test::read_file(dir / "out" / "corpus.json"), Catch::Contains("learned model sdg-goals 1:"));

  // Nothing to learn from, or no data at all: errors, and no model file.
  CHECK(test::dossier("train -o " + test::quote((dir / "none.model").string())).exit_code == 2);
  test::write_file(dir / "empty.csv", "recommendation,sdg_goals\n");
  CHECK(test::dossier("-q train --examples " + test::quote((dir / "empty.csv").string()) + " -o " +
                      test::quote((dir / "none.model").string()))
            .exit_code == 5);
  CHECK_FALSE(fs::exists(dir / "none.model"));
}

TEST_CASE("train --init fine-tunes the shipped model on a secretariat's own labels, keeping its terms") {
  const fs::path csv =
      test::source_dir() / "tests" / "data" / "upr-slovenia-2019" / "A_HRC_43_15_recommendations_sdg_labels.csv";
  const fs::path shipped = test::source_dir() / "plugins" / "analyzers" / "sdg" / "model" / "sdg-goals.model";
  const fs::path dir = test::fresh_dir("cli-train-init");
  const auto tuned = test::dossier("-q train --examples " + test::quote(csv.string()) + " --init " +
                                   test::quote(shipped.string()) + " --epochs 2 --model-version ft -o " +
                                   test::quote((dir / "ft.model").string()));
  INFO(tuned.output);
  REQUIRE(tuned.exit_code == 0);
  CHECK_THAT(tuned.output, Catch::StartsWith("Model sdg-goals ft: 120000 terms, 17 labels") &&
                               Catch::Contains("; fine-tuned from sdg-goals "));
  const std::string file = test::read_file(dir / "ft.model");
  CHECK_THAT(file, Catch::Contains("\nterms: 120000\n") && Catch::Contains("--init"));
  // A model of the other scheme, or no model at all: errors, and no file.
  const fs::path gcm = test::source_dir() / "plugins" / "analyzers" / "gcm" / "model" / "gcm-objectives.model";
  CHECK(test::dossier("-q train --examples " + test::quote(csv.string()) + " --init " + test::quote(gcm.string()) +
                      " -o " + test::quote((dir / "x.model").string()))
            .exit_code == 2);
  CHECK(test::dossier("-q train --examples " + test::quote(csv.string()) + " --init " +
                      test::quote((dir / "missing.model").string()) + " -o " + test::quote((dir / "x.model").string()))
            .exit_code == 5);
  CHECK_FALSE(fs::exists(dir / "x.model"));
}

TEST_CASE("eval --documents-by scores each document's SDG profile against the UN Library's labels") {
  const fs::path akn = test::source_dir() / "tests" / "data" / "akn";
  const fs::path dir = test::fresh_dir("cli-eval-documents");
  const auto run = test::dossier("-q run " + test::quote(akn.string()) + " -a sdg -e json -o " +
                                 test::quote((dir / "out").string()));
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  const std::string corpus = test::quote((dir / "out" / "corpus.json").string());
  const auto scored = test::dossier("eval " + corpus + " --documents-by un_sdg_goal");
  INFO(scored.output);
  REQUIRE(scored.exit_code == 0);
  CHECK_THAT(scored.output, Catch::Contains("macro  precision") && Catch::Contains("labelled documents scored"));
  CHECK_THAT(scored.output, !Catch::Contains("\n0 labelled documents"));
  // One source of labels, not two, not none.
  CHECK(test::dossier("eval " + corpus).exit_code == 2);
  CHECK(test::dossier("eval " + corpus + " labels.csv --documents-by un_sdg_goal").exit_code == 2);
}

TEST_CASE("train --scheme gcm learns objectives from headings, citations and the English rules carried to each "
          "version; the gcm analyzer uses the model") {
  const fs::path akn = test::source_dir() / "tests" / "data" / "akn";
  const fs::path dir = test::fresh_dir("cli-train-gcm");
  const auto trained = test::dossier("-q train --scheme gcm " + test::quote(akn.string()) + " --model-version 1 -o " +
                                     test::quote((dir / "gcm.model").string()));
  INFO(trained.output);
  REQUIRE(trained.exit_code == 0);
  CHECK_THAT(trained.output, Catch::StartsWith("Model gcm-objectives 1:") && Catch::Contains("passages, fr:") &&
                                 Catch::Contains("with a right label"));
  CHECK_THAT(test::read_file(dir / "gcm.model"), Catch::Contains("\nscheme: gcm\nlevel: objective\n"));

  test::write_file(dir / "job.toml", "name = \"t\"\nsources = [" +
                                         test::quote((akn / "A_RES_76_172-2119207F.xml").string()) +
                                         "]\n[[analyze]]\nplugin = \"gcm\"\nparagraphs = true\nmodel = " +
                                         test::quote((dir / "gcm.model").string()) + "\n[[export]]\nplugin = \"json\"\n");
  const auto built = test::dossier("-q build " + test::quote((dir / "job.toml").string()) + " --out " +
                                   test::quote((dir / "out").string()));
  INFO(built.output);
  REQUIRE(built.exit_code == 0);
  CHECK_THAT(test::read_file(dir / "out" / "corpus.json"), Catch::Contains("learned model gcm-objectives 1:"));
  CHECK(test::dossier("-q train --scheme gcmx " + test::quote(akn.string()) + " -o " +
                      test::quote((dir / "x.model").string()))
            .exit_code == 2);
}
