#include <catch2/catch.hpp>
#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "dossier/domain/digest.hpp"
#include "dossier/domain/json.hpp"
#include "dossier/sink.hpp"
#include "pipeline.hpp"
#include "store.hpp"
#include "support.hpp"

using namespace dossier;
using namespace dossier::host;
namespace fs = std::filesystem;

namespace {
const PluginRegistry& registry() { return test::all_plugins(); }

RunSpec spec_for(const fs::path& out, std::vector<PluginRequest> exporters) {
  RunSpec spec;
  spec.sources = {test::corpus_dir().string()};
  spec.exporters = std::move(exporters);
  spec.output_dir = out;
  spec.build.job_name = "test";
  spec.build.build_time = 1700000000;
  return spec;
}

std::vector<std::string> hidden_files(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name[0] == '.' && name != ".dossier") out.push_back(name);  // .dossier holds the store
  }
  return out;
}
}  // namespace

TEST_CASE("sources: folders are read recursively and sorted with hidden entries skipped and globs expanded") {
  const fs::path dir = test::fresh_dir("sources");
  test::write_file(dir / "b.txt", "b");
  test::write_file(dir / "a" / "z.txt", "z");
  test::write_file(dir / ".hidden.txt", "h");
  test::write_file(dir / ".git" / "config", "h");
  const SourceList listed = collect_sources({dir.string(), (dir / "*.txt").string(), (dir / "nope.txt").string(),
                                             (dir / "*.pdf").string()});
  const auto& files = listed.files;
  REQUIRE(files.size() == 2);  // the glob's b.txt is not listed twice
  CHECK(files[0] == dir / "a" / "z.txt");
  CHECK(files[1] == dir / "b.txt");
  REQUIRE(listed.skipped.size() == 2);
  CHECK_THAT(listed.skipped[0], Catch::Contains("no such file"));
  CHECK_THAT(listed.skipped[1], Catch::Contains("no file matches"));
  CHECK(listed.notes.empty());
}

TEST_CASE("sources: symbolic links are followed only inside the sources unless asked, and every skip is named") {
  const fs::path top = test::fresh_dir("sources-links");
  const fs::path dir = top / "corpus", outside = top / "outside";
  test::write_file(dir / "a.txt", "a");
  test::write_file(dir / "sub" / "b.txt", "b");
  test::write_file(top / "other" / "c.txt", "c");  // a second source
  test::write_file(outside / "secret.txt", "s");
  test::write_file(outside / "deeper" / "d.txt", "d");
  fs::create_symlink(outside / "secret.txt", dir / "notes.txt");
  fs::create_directory_symlink(outside / "deeper", dir / "deeper");
  fs::create_symlink("a.txt", dir / "alias.txt");                      // inside: read
  fs::create_symlink(top / "other" / "c.txt", dir / "to-other.txt");   // inside another source: read
  fs::create_directory_symlink("sub", dir / "sub-alias");              // its files are read where they are
  fs::create_symlink(top / "nothing", dir / "dangling.txt");
  REQUIRE(::mkfifo((dir / "pipe.txt").c_str(), 0644) == 0);
  fs::create_symlink(dir / "pipe.txt", dir / "to-pipe.txt");
  fs::create_symlink("/dev/null", dir / "null.txt");
  const std::vector<std::string> sources{dir.string(), (top / "other").string()};

  const SourceList kept = collect_sources(sources);
  std::vector<std::string> names;
  for (const auto& f : kept.files) names.push_back(f.lexically_relative(top).string());
  CHECK(names == std::vector<std::string>{"corpus/a.txt", "corpus/alias.txt", "corpus/sub/b.txt",
                                          "corpus/to-other.txt", "other/c.txt"});
  const auto said = [&](const std::string& file, const std::string& why) {
    return std::count_if(kept.skipped.begin(), kept.skipped.end(), [&](const std::string& line) {
             return line.rfind((dir / file).string() + ": ", 0) == 0 && line.find(why) != std::string::npos;
           }) == 1;
  };
  CHECK(said("notes.txt", "symbolic link to " + fs::canonical(outside / "secret.txt").string() +
                              ", outside the sources; not read"));
  CHECK(said("deeper", "a folder outside the sources; not followed"));
  CHECK(said("dangling.txt", "symbolic link to nothing readable"));
  CHECK(said("pipe.txt", "a FIFO (named pipe); not read"));
  CHECK(said("to-pipe.txt", "a FIFO (named pipe); not read"));
  CHECK(said("null.txt", "outside the sources; not read"));
  CHECK(kept.skipped.size() == 6);
  CHECK(std::is_sorted(kept.skipped.begin(), kept.skipped.end()));

  const SourceList followed = collect_sources(sources, true);
  names.clear();
  for (const auto& f : followed.files) names.push_back(f.lexically_relative(top).string());
  CHECK(names == std::vector<std::string>{"corpus/a.txt", "corpus/alias.txt", "corpus/deeper/d.txt", "corpus/notes.txt",
                                          "corpus/sub/b.txt", "corpus/to-other.txt", "other/c.txt"});
  CHECK(followed.skipped.size() == 4);  // dangling, the FIFO twice, /dev/null (a character device)

  // A FIFO named as a source is refused by its type, never opened.
  const SourceList fifo = collect_sources({(dir / "pipe.txt").string()});
  CHECK(fifo.files.empty());
  REQUIRE(fifo.skipped.size() == 1);
  CHECK_THAT(fifo.skipped[0], Catch::Contains("a FIFO (named pipe); not read"));
  std::string content, error;
  CHECK_FALSE(read_file(dir / "pipe.txt", content, error));  // does not block either
  CHECK(error == "not a regular file; not read");
}

TEST_CASE("an output folder is refused at the root, on or around the sources, and inside a source folder") {
  const fs::path top = test::fresh_dir("output-folder");
  test::write_file(top / "corpus" / "a.txt", "a");
  const std::vector<std::string> sources{(top / "corpus").string()};
  CHECK(output_folder_problem(top / "out", sources).empty());
  CHECK(output_folder_problem(top / "corpus" / ".out", sources).empty());  // hidden: not walked
  CHECK_THAT(output_folder_problem("/", sources), Catch::Contains("is the root of the file system"));
  CHECK_THAT(output_folder_problem(top / ".." / ".." / ".." / ".." / ".." / ".." / ".." / ".." / ".." / "..", sources),
             Catch::Contains("is the root of the file system"));
  CHECK_THAT(output_folder_problem(top / "corpus", sources), Catch::Contains("is a source of the build"));
  CHECK_THAT(output_folder_problem(top, sources), Catch::Contains("contains a source of the build"));
  CHECK_THAT(output_folder_problem(top / "corpus" / "out", sources), Catch::Contains("is inside the source folder"));
  fs::create_directory_symlink(top / "corpus", top / "alias");  // the same folder by another name
  CHECK_THAT(output_folder_problem(top / "alias", sources), Catch::Contains("is a source of the build"));
  // A pattern's folder is not walked: outputs beside it are not read.
  CHECK(output_folder_problem(top / "corpus" / "out", {(top / "corpus" / "*.txt").string()}).empty());
  CHECK_THAT(output_folder_problem(top, {(top / "corpus" / "*.txt").string()}), Catch::Contains("contains"));
}

TEST_CASE("a run over the sample corpus writes corpus.json and a manifest that hashes it") {
  const fs::path out = test::fresh_dir("pipeline-sample");
  RunReport report = run_pipeline(spec_for(out, {{"json", {}, ""}}), registry());
  CHECK(report.exit_code == exit_ok);
  CHECK(report.errors.empty());
  CHECK(report.documents_read == 5);
  const auto manifest = nlohmann::json::parse(test::read_file(out / "manifest.json"));
  REQUIRE(manifest["outputs"].size() == 1);
  CHECK(manifest["outputs"][0]["file"] == "corpus.json");
  CHECK(manifest["outputs"][0]["plugin"] == "json");
  CHECK(manifest["outputs"][0]["sha256"] == sha256_file(out / "corpus.json"));
  CHECK(manifest["sources"].size() == 5);
}

TEST_CASE("an exporter that throws while writing leaves the earlier good file byte for byte") {
  const fs::path out = test::fresh_dir("pipeline-throwing-exporter");
  REQUIRE(run_pipeline(spec_for(out, {{"json", {}, ""}}), registry()).exit_code == exit_ok);
  const std::string good = test::read_file(out / "corpus.json");
  REQUIRE(good.size() > 1000);

  // The broken exporter targets the same file; a good exporter runs beside it.
  RunReport report = run_pipeline(
      spec_for(out, {{"throwing_exporter", {}, "corpus.json"}, {"json", {}, "again.json"}}), registry());
  CHECK(report.exit_code == exit_partial);
  CHECK(test::read_file(out / "corpus.json") == good);
  CHECK(test::read_file(out / "again.json") == good);
  CHECK(hidden_files(out).empty());
  REQUIRE(report.errors.size() == 1);
  CHECK_THAT(report.errors[0], Catch::Contains("exporter throwing_exporter failed"));
  CHECK_THAT(report.errors[0], Catch::Contains("disk quota exceeded halfway"));
}

TEST_CASE("a throwing factory fails its exporter only") {
  const fs::path out = test::fresh_dir("pipeline-throwing-factory");
  RunReport report =
      run_pipeline(spec_for(out, {{"throwing_factory", {}, ""}, {"json", {}, ""}}), registry());
  CHECK(report.exit_code == exit_partial);
  CHECK(fs::exists(out / "corpus.json"));
  REQUIRE(report.errors.size() == 1);
  CHECK_THAT(report.errors[0], Catch::Contains("cannot find my configuration"));
}

TEST_CASE("when every exporter fails the run fails") {
  const fs::path out = test::fresh_dir("pipeline-all-fail");
  RunReport report = run_pipeline(spec_for(out, {{"throwing_exporter", {}, ""}}), registry());
  CHECK(report.exit_code == exit_failure);
  CHECK_FALSE(fs::exists(out / "partial.json"));
}

TEST_CASE("no readable document is an input error and nothing is written") {
  const fs::path out = test::fresh_dir("pipeline-no-input");
  const fs::path in = test::fresh_dir("pipeline-no-input-src");
  test::write_file(in / "binary.bin", std::string("\0\1\2\3", 4));
  RunSpec spec = spec_for(out, {{"json", {}, ""}});
  spec.sources = {in.string()};
  RunReport report = run_pipeline(spec, registry());
  CHECK(report.exit_code == exit_input);
  CHECK_THAT(report.errors.at(0), Catch::Contains("no reader understands this file"));
  CHECK_FALSE(fs::exists(out / "corpus.json"));
}

TEST_CASE("an exporter over its own time limit is stopped and the others land") {
  const fs::path out = test::fresh_dir("pipeline-time-limit");
  PluginRequest hanging{"hanging_exporter", {}, "hang.json"};
  hanging.time_limit = std::chrono::seconds(1);  // overrides the build's limit
  RunSpec spec = spec_for(out, {hanging, {"json", {}, ""}});
  spec.plugin_time_limit = std::chrono::seconds(0);  // none, but for the one above
  RunReport report = run_pipeline(spec, registry());
  CHECK(report.exit_code == exit_partial);
  REQUIRE(report.errors.size() == 1);
  CHECK_THAT(report.errors[0], Catch::Contains("exporter hanging_exporter exceeded its time limit of 1 s"));
  REQUIRE(report.exports.size() == 2);
  CHECK_FALSE(report.exports[0].ok);
  CHECK(report.exports[1].ok);
  CHECK(fs::exists(out / "corpus.json"));
  CHECK_FALSE(fs::exists(out / "hang.json"));
  CHECK(hidden_files(out).empty());
}

TEST_CASE("without isolation exporters run in this process as before") {
  const fs::path out = test::fresh_dir("pipeline-no-isolation");
  RunSpec spec = spec_for(out, {{"throwing_exporter", {}, ""}, {"json", {}, ""}});
  spec.isolate = false;
  RunReport report = run_pipeline(spec, registry());
  CHECK(report.exit_code == exit_partial);
  REQUIRE(report.errors.size() == 1);
  CHECK_THAT(report.errors[0], Catch::Contains("exporter throwing_exporter failed: disk quota exceeded halfway"));
  CHECK(fs::exists(out / "corpus.json"));
  CHECK(hidden_files(out).empty());
}

TEST_CASE("temporary files left by a killed build are removed by the next one") {
  const fs::path out = test::fresh_dir("pipeline-stale");
  test::write_file(out / ".corpus.json.dossier-tmp-3999999-0", "stale");
  REQUIRE(run_pipeline(spec_for(out, {{"json", {}, ""}}), registry()).exit_code == exit_ok);
  CHECK(hidden_files(out).empty());
}

TEST_CASE("an output named like Dossier's own files fails its exporter and touches nothing of theirs") {
  const fs::path out = test::fresh_dir("pipeline-reserved");
  REQUIRE(run_pipeline(spec_for(out, {{"json", {}, ""}}), registry()).exit_code == exit_ok);
  const std::string store = test::read_file(out / ".dossier" / "store.sqlite");
  const std::string manifest = test::read_file(out / "manifest.json");
  for (const char* name : {".dossier/store.sqlite", "manifest.json", "current"}) {
    INFO(name);
    RunReport report = run_pipeline(spec_for(out, {{"json", {}, ""}, {"xml", {}, name}}), registry());
    CHECK(report.exit_code == exit_partial);
    REQUIRE(report.errors.size() == 1);
    CHECK_THAT(report.errors[0], Catch::Contains("is a name Dossier keeps for its own files"));
    CHECK(fs::read_symlink(out / "current").string().rfind(".dossier/generations/", 0) == 0);
    CHECK(nlohmann::json::parse(test::read_file(out / "manifest.json"))["dossier"].is_string());
  }
  CHECK(store.size() > 0);
}

TEST_CASE("two exporters writing one file: the second fails and the manifest lists the file once") {
  const fs::path out = test::fresh_dir("pipeline-same-file");
  RunReport report = run_pipeline(spec_for(out, {{"json", {}, "x.out"}, {"xml", {}, "x.out"}, {"json", {}, "x.out/y"}}), registry());
  CHECK(report.exit_code == exit_partial);
  REQUIRE(report.errors.size() == 2);
  CHECK_THAT(report.errors[0], Catch::Contains("output x.out is also written by exporter json"));
  CHECK_THAT(report.errors[1], Catch::Contains("needs x.out as a folder"));
  const auto manifest = nlohmann::json::parse(test::read_file(out / "manifest.json"));
  REQUIRE(manifest["outputs"].size() == 1);
  CHECK(manifest["outputs"][0]["plugin"] == "json");
  CHECK(nlohmann::json::parse(test::read_file(out / "x.out"))["documents"].size() == 5);
}

TEST_CASE("files no exporter rewrites are carried over, marked, unless the build prunes") {
  const fs::path out = test::fresh_dir("pipeline-carry-over");
  REQUIRE(run_pipeline(spec_for(out, {{"json", {}, "old.json"}}), registry()).exit_code == exit_ok);
  const std::string earlier = test::read_file(out / "old.json");
  REQUIRE(run_pipeline(spec_for(out, {{"json", {}, "new.json"}}), registry()).exit_code == exit_ok);
  CHECK(test::read_file(out / "old.json") == earlier);
  auto manifest = nlohmann::json::parse(test::read_file(out / "manifest.json"));
  REQUIRE(manifest["outputs"].size() == 2);
  CHECK(manifest["outputs"][1]["file"] == "old.json");
  CHECK(manifest["outputs"][1]["carried_over"] == true);
  RunSpec spec = spec_for(out, {{"json", {}, "new.json"}});
  spec.prune = true;
  REQUIRE(run_pipeline(spec, registry()).exit_code == exit_ok);
  CHECK_FALSE(fs::exists(fs::symlink_status(out / "old.json")));
  manifest = nlohmann::json::parse(test::read_file(out / "manifest.json"));
  REQUIRE(manifest["outputs"].size() == 1);
  CHECK(manifest["outputs"][0]["file"] == "new.json");
}

TEST_CASE("the same input and build time give identical bytes") {
  const fs::path a = test::fresh_dir("pipeline-det-a");
  const fs::path b = test::fresh_dir("pipeline-det-b");
  run_pipeline(spec_for(a, {{"json", {}, ""}}), registry());
  run_pipeline(spec_for(b, {{"json", {}, ""}}), registry());
  CHECK(test::read_file(a / "corpus.json") == test::read_file(b / "corpus.json"));
}

TEST_CASE("an unchanged corpus is read from the store, and a changed document alone is parsed again") {
  const fs::path out = test::fresh_dir("pipeline-store");
  const fs::path in = test::fresh_dir("pipeline-store-src");
  for (const auto& e : fs::directory_iterator(test::corpus_dir())) fs::copy_file(e.path(), in / e.path().filename());
  RunSpec spec = spec_for(out, {{"json", {}, ""}});
  spec.sources = {in.string()};

  RunReport first = run_pipeline(spec, registry());
  REQUIRE(first.exit_code == exit_ok);
  CHECK(first.documents_reused == 0);
  CHECK(fs::exists(out / ".dossier" / "store.sqlite"));
  const std::string before = test::read_file(out / "corpus.json");

  RunReport second = run_pipeline(spec, registry());
  CHECK(second.documents_reused == 5);
  CHECK(test::read_file(out / "corpus.json") == before);
  const auto manifest = nlohmann::json::parse(test::read_file(out / "manifest.json"));
  for (const auto& s : manifest["sources"]) CHECK(s["reused"] == true);

  test::write_file(in / "004_4233e7d77e7d0f2d.txt", test::read_file(in / "004_4233e7d77e7d0f2d.txt") + "\n27. Added.\n");
  RunReport third = run_pipeline(spec, registry());
  CHECK(third.documents_reused == 4);

  spec.force = true;
  CHECK(run_pipeline(spec, registry()).documents_reused == 0);
}

TEST_CASE("a corrupt store is set aside and the build goes on") {
  const fs::path out = test::fresh_dir("pipeline-store-corrupt");
  test::write_file(out / ".dossier" / "store.sqlite", "this is not a SQLite database, it is garbage text...");
  RunReport report = run_pipeline(spec_for(out, {{"json", {}, ""}}), registry());
  CHECK(report.exit_code == exit_ok);
  CHECK(fs::exists(out / ".dossier" / "store.sqlite.corrupt"));
  CHECK(run_pipeline(spec_for(out, {{"json", {}, ""}}), registry()).documents_reused == 5);
}

TEST_CASE("without the cache nothing is stored") {
  const fs::path out = test::fresh_dir("pipeline-no-cache");
  RunSpec spec = spec_for(out, {{"json", {}, ""}});
  spec.use_cache = false;
  CHECK(run_pipeline(spec, registry()).exit_code == exit_ok);
  CHECK_FALSE(fs::exists(out / ".dossier" / "store.sqlite"));
}

TEST_CASE("an older store keeps its analyses and history and parses its documents again") {
  const fs::path file = test::fresh_dir("store-migrate") / "store.sqlite";
  const DocumentKey key{"ab", "x.txt", "text", "0.2.0"};
  Document doc;
  doc.id = "kept";
  {
    Store store(file);
    store.put(key, doc);
    store.put_analysis("k1", "annotations");
    REQUIRE(store.find(key));
  }
  // Make it a schema 4 store, whose documents were JSON: they must not be misread.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, "PRAGMA user_version=4", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  {
    Store store(file);
    CHECK_FALSE(store.find(key));
    CHECK(store.find_analysis("k1") == std::optional<std::string>("annotations"));
    store.put(key, doc);
  }
  // A schema 2 store, from before build history: the history tables are added.
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, "DROP TABLE job_builds; DROP TABLE recommendation_history; PRAGMA user_version=2", nullptr,
                     nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);

  Store store(file);
  CHECK_FALSE(store.find(key));
  store.put(key, doc);
  const auto found = store.find(key);
  REQUIRE(found);
  CHECK(found->id == "kept");
  CHECK(store.job_state("weekly").build_time == -1);
  Store::JobState state;
  state.build_time = 1700000100;
  state.recommendations["A/68/283 \xC2\xB6" "127"] = {"f1", 1700000000, 1700000100};
  store.record_job_state("weekly", state);
  const auto back = store.job_state("weekly");
  CHECK(back.build_time == 1700000100);
  REQUIRE(back.recommendations.count("A/68/283 \xC2\xB6" "127") == 1);
  CHECK(back.recommendations.at("A/68/283 \xC2\xB6" "127").first_seen == 1700000000);
  CHECK(store.job_state("other").build_time == -1);  // jobs keep separate histories
}

TEST_CASE("an unchanged rebuild reuses every document and analysis and the manifest says so") {
  const fs::path out = test::fresh_dir("pipeline-reuse");
  const fs::path in = test::fresh_dir("pipeline-reuse-src");
  for (const auto& e : fs::directory_iterator(test::corpus_dir())) fs::copy_file(e.path(), in / e.path().filename());
  RunSpec spec = spec_for(out, {{"json", {}, ""}});
  spec.sources = {in.string()};
  spec.analyzers = {{"sdg", {}, ""}, {"gcm", {}, ""}};
  auto reuse = [&] { return nlohmann::json::parse(test::read_file(out / "manifest.json"))["reuse"]; };

  REQUIRE(run_pipeline(spec, registry()).exit_code == exit_ok);
  const std::string fresh = test::read_file(out / "corpus.json");
  CHECK(reuse()["documents"]["parsed"] == 5);
  CHECK(reuse()["analyses"]["sdg"]["analysed"] == 5);

  REQUIRE(run_pipeline(spec, registry()).exit_code == exit_ok);
  CHECK(test::read_file(out / "corpus.json") == fresh);
  const auto second = reuse();
  CHECK(second["documents"] == nlohmann::json({{"reused", 5}, {"parsed", 0}}));
  for (const char* analyzer : {"sdg", "gcm"})
    CHECK(second["analyses"][analyzer] == nlohmann::json({{"reused", 5}, {"analysed", 0}}));

  // One edited document: it alone is parsed and analysed again.
  test::write_file(in / "004_4233e7d77e7d0f2d.txt",
                   test::read_file(in / "004_4233e7d77e7d0f2d.txt") + "\n27. Ratify the Convention on migrant workers.\n");
  REQUIRE(run_pipeline(spec, registry()).exit_code == exit_ok);
  const auto third = reuse();
  CHECK(third["documents"] == nlohmann::json({{"reused", 4}, {"parsed", 1}}));
  CHECK(third["analyses"]["sdg"] == nlohmann::json({{"reused", 4}, {"analysed", 1}}));
  CHECK(third["analyses"]["gcm"] == nlohmann::json({{"reused", 4}, {"analysed", 1}}));

  // Other options are another analysis; --force redoes everything.
  spec.analyzers[0].options.set("threshold", "0.9");
  REQUIRE(run_pipeline(spec, registry()).exit_code == exit_ok);
  CHECK(reuse()["analyses"]["sdg"] == nlohmann::json({{"reused", 0}, {"analysed", 5}}));
  CHECK(reuse()["analyses"]["gcm"] == nlohmann::json({{"reused", 0}, {"analysed", 5}}));  // it follows sdg
  spec.force = true;
  REQUIRE(run_pipeline(spec, registry()).exit_code == exit_ok);
  CHECK(reuse()["documents"]["parsed"] == 5);
  CHECK(reuse()["analyses"]["sdg"]["analysed"] == 5);
}

TEST_CASE("cached annotations are exactly those computed") {
  const fs::path out = test::fresh_dir("pipeline-reuse-same");
  RunSpec spec = spec_for(out, {{"json", {}, ""}});
  spec.analyzers = {{"sdg", {}, ""}, {"gcm", {}, ""}};
  spec.use_cache = false;
  REQUIRE(run_pipeline(spec, registry()).exit_code == exit_ok);
  const std::string uncached = test::read_file(out / "corpus.json");
  spec.use_cache = true;
  REQUIRE(run_pipeline(spec, registry()).exit_code == exit_ok);
  REQUIRE(run_pipeline(spec, registry()).exit_code == exit_ok);
  CHECK(nlohmann::json::parse(test::read_file(out / "manifest.json"))["reuse"]["analyses"]["sdg"]["reused"] == 5);
  CHECK(test::read_file(out / "corpus.json") == uncached);
}

TEST_CASE("one and two worker threads give identical outputs") {
  std::string outputs[2];
  for (unsigned threads : {1u, 2u}) {
    const fs::path out = test::fresh_dir("pipeline-threads-" + std::to_string(threads));
    RunSpec spec = spec_for(out, {{"json", {}, ""}, {"xml", {}, ""}});
    spec.analyzers = {{"sdg", {}, ""}, {"gcm", {}, ""}};
    spec.use_cache = false;
    spec.threads = threads;
    REQUIRE(run_pipeline(spec, registry()).exit_code == exit_ok);
    outputs[threads - 1] = test::read_file(out / "corpus.json") + test::read_file(out / "feed.xml");
  }
  CHECK(outputs[0].size() > 100000);
  CHECK(outputs[0] == outputs[1]);
}

TEST_CASE("shards are every Nth source and together are all of them once") {
  std::vector<fs::path> files;
  for (int i = 0; i < 7; ++i) files.emplace_back("f" + std::to_string(i));
  CHECK(shard_of(files, 0, 0) == files);
  CHECK(shard_of(files, 2, 3) == std::vector<fs::path>{"f1", "f4"});
  std::vector<fs::path> all;
  for (std::size_t k = 1; k <= 3; ++k)
    for (const auto& f : shard_of(files, k, 3)) all.push_back(f);
  std::sort(all.begin(), all.end());
  CHECK(all == files);
  CHECK(shard_of(files, 5, 9).empty() == false);
  CHECK(shard_of(files, 9, 9).empty());
}

namespace {

// The built-in plugins and the reader that crashes, hangs or eats memory on files asking for it.
const PluginRegistry& with_broken_reader() {
  static const PluginRegistry registry = [] {
    PluginRegistry r;
    r.discover({test::plugin_dir(), test::broken_reader_dir()});
    return r;
  }();
  return registry;
}

// The sample corpus and files asking the broken reader for `requests`, one file each.
fs::path corpus_with(const std::string& name, const std::vector<std::string>& requests) {
  const fs::path dir = test::fresh_dir(name);
  for (const auto& e : fs::directory_iterator(test::corpus_dir())) fs::copy_file(e.path(), dir / e.path().filename());
  for (const auto& r : requests) test::write_file(dir / ("zz-" + r + ".txt"), "DOSSIER-BROKEN-READER: " + r + "\nsome text\n");
  return dir;
}

// Catch2 handles SIGSEGV itself, reporting a failed test and exiting instead of dying of the
// signal: while this lives, a crashing reader's child dies of it, as it does under dossier.
class DefaultCrash {
 public:
  DefaultCrash() {
    struct sigaction plain {};
    plain.sa_handler = SIG_DFL;
    sigemptyset(&plain.sa_mask);
    ::sigaction(SIGSEGV, &plain, &saved_);
  }
  ~DefaultCrash() { ::sigaction(SIGSEGV, &saved_, nullptr); }
  DefaultCrash(const DefaultCrash&) = delete;
  DefaultCrash& operator=(const DefaultCrash&) = delete;

 private:
  struct sigaction saved_ {};
};

// The corpus as JSON, for comparing two readings.
std::string corpus_json(const ReadResult& read) {
  std::string out;
  for (const auto& d : read.corpus.documents) out += to_json(d) + "\n";
  return out;
}

}  // namespace

TEST_CASE("reading: a reader that crashes skips only the file it was on, naming the reader and the file") {
  const DefaultCrash crash;
  const fs::path dir = corpus_with("read-crash", {"segfault", "segfault-sniffing"});
  for (unsigned threads : {1u, 2u}) {
    INFO(threads << " thread(s)");
    std::vector<std::string> errors;
    ReadOptions options;
    options.threads = threads;
    const ReadResult read = read_sources({dir.string()}, with_broken_reader(), {}, errors, options);
    CHECK(read.sources_found == 7);
    CHECK(read.corpus.documents.size() == 5);
    REQUIRE(errors.size() == 2);  // in file order
    CHECK(errors[0] == "reader broken_reader crashed (SIGSEGV) while sniffing " +
                           (dir / "zz-segfault-sniffing.txt").string() + "; the file is skipped");
    CHECK(errors[1] == "reader broken_reader crashed (SIGSEGV) on " + (dir / "zz-segfault.txt").string() +
                           "; the file is skipped");
  }
}

TEST_CASE("reading: isolated, in this process and from the store, the documents are the same") {
  std::vector<std::string> errors;
  ReadOptions in_process;
  in_process.isolate = false;
  const std::string expected =
      corpus_json(read_sources({test::corpus_dir().string()}, registry(), {}, errors, in_process));
  CHECK(expected.size() > 100000);
  CHECK(corpus_json(read_sources({test::corpus_dir().string()}, registry(), {}, errors)) == expected);

  const fs::path dir = test::fresh_dir("read-isolated-store");
  Store store(dir / "store.sqlite");
  ReadOptions cached;
  cached.store = &store;
  const ReadResult first = read_sources({test::corpus_dir().string()}, registry(), {}, errors, cached);
  CHECK(first.reused == 0);
  CHECK(corpus_json(first) == expected);
  const ReadResult second = read_sources({test::corpus_dir().string()}, registry(), {}, errors, cached);
  CHECK(second.reused == 5);
  CHECK(corpus_json(second) == expected);
  CHECK(errors.empty());
}

TEST_CASE("reading: a source unchanged since a build recorded it is not opened; a change keeping size and time is seen") {
  const fs::path in = test::fresh_dir("read-unchanged-src");
  for (const auto& e : fs::directory_iterator(test::corpus_dir())) fs::copy_file(e.path(), in / e.path().filename());
  // A file changed in the last two seconds is not recorded (its clock may not have ticked).
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  const fs::path dir = test::fresh_dir("read-unchanged-store");
  Store store(dir / "store.sqlite");
  ReadOptions cached;
  cached.store = &store;
  std::vector<std::string> errors;
  const ReadResult first = read_sources({in.string()}, registry(), {}, errors, cached);
  CHECK(first.unopened == 0);
  const std::string expected = corpus_json(first);
  const ReadResult second = read_sources({in.string()}, registry(), {}, errors, cached);
  CHECK(second.unopened == 5);
  CHECK(second.reused == 5);
  CHECK(corpus_json(second) == expected);

  // The same size and modification time, other bytes: its change time (which no program sets
  // back) gives it away, and it is read again.
  const fs::path changed = in / "004_4233e7d77e7d0f2d.txt";
  const auto modified = fs::last_write_time(changed);
  std::string text = test::read_file(changed);
  const auto at = text.find("migrants");
  REQUIRE(at != std::string::npos);
  text.replace(at, 8, "MIGRANTS");
  test::write_file(changed, text);
  fs::last_write_time(changed, modified);
  const ReadResult third = read_sources({in.string()}, registry(), {}, errors, cached);
  CHECK(third.unopened == 4);
  CHECK(third.reused == 4);
  CHECK(corpus_json(third).find("MIGRANTS") != std::string::npos);
  // Another file moved into its place, of the same size and times: another inode.
  const fs::path other = in / "other.tmp";
  fs::copy_file(changed, other);
  fs::last_write_time(other, modified);
  fs::rename(other, changed);
  CHECK(read_sources({in.string()}, registry(), {}, errors, cached).unopened == 4);
  // --force (refresh) opens everything.
  cached.refresh = true;
  CHECK(read_sources({in.string()}, registry(), {}, errors, cached).unopened == 0);
  CHECK(errors.empty());
}

TEST_CASE("reading: a reader over its time or memory limit skips that file only") {
  const fs::path dir = corpus_with("read-limits", {"hang", "allocate"});
  std::vector<std::string> errors;
  ReadOptions options;
  // The time limit is wall time: 10 s, so that the five good files (about 0.3 s each) stay
  // within it on a loaded machine or under sanitizers (2 s failed under a load of 10 on 2 cores).
  options.limits = ChildLimits(std::chrono::seconds(10), std::uint64_t{256} << 20);
  const ReadResult read = read_sources({dir.string()}, with_broken_reader(), {}, errors, options);
  CHECK(read.corpus.documents.size() == 5);
  REQUIRE(errors.size() == 2);
#if !defined(__SANITIZE_ADDRESS__)  // AddressSanitizer ends the process instead of throwing std::bad_alloc
  CHECK(errors[0] == "reader broken_reader exceeded its memory limit of 256 MiB on " +
                         (dir / "zz-allocate.txt").string() + "; the file is skipped");
#endif
  CHECK(errors[1] == "reader broken_reader exceeded its time limit of 10 s on " + (dir / "zz-hang.txt").string() +
                         "; the file is skipped");
}
