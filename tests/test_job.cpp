#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "job.hpp"
#include "support.hpp"

using namespace dossier::host;
namespace fs = std::filesystem;

namespace {
fs::path job_file(const std::string& name, const std::string& toml) {
  const fs::path dir = test::fresh_dir("job-" + name);
  test::write_file(dir / "job.toml", toml);
  return dir / "job.toml";
}

std::string job_error(const std::string& name, const std::string& toml) {
  try {
    load_job(job_file(name, toml));
  } catch (const JobError& e) {
    return e.what();
  }
  FAIL("no JobError for " << name);
  return {};
}
}  // namespace

TEST_CASE("the sample job reads the sample corpus into corpus.json") {
  const Job job = load_job(test::source_dir() / "samples" / "jobs" / "gfmd.toml");
  CHECK(job.name == "gfmd");
  REQUIRE(job.spec.sources.size() == 1);
  CHECK(fs::path(job.spec.sources[0]) == (test::source_dir() / "samples" / "corpus").lexically_normal());
  REQUIRE(job.spec.exporters.size() >= 4);  // corpus.json first, then the other outputs
  CHECK(job.spec.exporters[0].plugin == "json");
  std::set<std::string> plugins;
  for (const auto& e : job.spec.exporters) plugins.insert(e.plugin);
  CHECK(plugins == std::set<std::string>{"json", "xlsx", "xml", "atom", "akn", "pdf", "html"});
  CHECK(job.spec.keep_history);
  CHECK(job.spec.exporters[0].file == "corpus.json");
  CHECK(std::any_of(job.spec.exporters.begin(), job.spec.exporters.end(),
                    [](const PluginRequest& e) { return e.plugin == "xlsx" && e.file == "matrix.xlsx"; }));
  CHECK(job.spec.output_dir == fs::path("out") / "gfmd");
}

TEST_CASE("plugin options keep their values and paths are relative to the job file") {
  const fs::path file = job_file("options", R"(
name = "weekly"
language = "fr"
sources = ["docs", "/abs/file.txt"]
output = "../results"

[[analyze]]
plugin = "sdg"
threshold = 0.5
paragraphs = true

[[export]]
plugin = "pdf"
file = "brief.pdf"
focus = ["sdg:10", "gcm:13"]
pages = 4
)");
  const Job job = load_job(file);
  CHECK(job.spec.build.language == "fr");
  CHECK(job.spec.sources[0] == (file.parent_path() / "docs").string());
  CHECK(job.spec.sources[1] == "/abs/file.txt");
  CHECK(job.spec.output_dir == (file.parent_path() / ".." / "results").lexically_normal());
  REQUIRE(job.spec.analyzers.size() == 1);
  CHECK(job.spec.analyzers[0].options.get_double("threshold", 0) == Approx(0.5));
  CHECK(job.spec.analyzers[0].options.get_bool("paragraphs", false));
  const auto& pdf = job.spec.exporters.at(0);
  CHECK(pdf.file == "brief.pdf");
  CHECK(pdf.options.get_list("focus") == std::vector<std::string>{"sdg:10", "gcm:13"});
  CHECK(pdf.options.get_int("pages", 0) == 4);
}

TEST_CASE("job file errors name the file and the line") {
  CHECK_THAT(job_error("unknown-key", "name = \"x\"\nsources = [\"a\"]\noutptu = \"o\"\n[[export]]\nplugin = \"json\"\n"),
             Catch::Contains("job.toml:3: unknown key 'outptu'"));
  CHECK_THAT(job_error("wrong-type", "name = 3\nsources = [\"a\"]\n[[export]]\nplugin = \"json\"\n"),
             Catch::Contains("job.toml:1: 'name' must be a string"));
  CHECK_THAT(job_error("syntax", "name = \"x\"\nsources = [\"a\"\n"), Catch::Contains("job.toml:"));
  CHECK_THAT(job_error("no-sources", "[[export]]\nplugin = \"json\"\n"), Catch::Contains("missing 'sources"));
  CHECK_THAT(job_error("no-export", "sources = [\"a\"]\n"), Catch::Contains("no [[export]]"));
  CHECK_THAT(job_error("no-plugin", "sources = [\"a\"]\n[[export]]\nfile = \"x\"\n"),
             Catch::Contains("job.toml:2: [[export]] entry needs 'plugin"));
  CHECK_THAT(job_error("bad-option", "sources = [\"a\"]\n[[export]]\nplugin = \"json\"\nx = { a = 1 }\n"),
             Catch::Contains("job.toml:4: option 'x'"));
}

TEST_CASE("time limits for plugins: one for the job and one per entry") {
  const Job job = load_job(job_file("time-limits", R"(
sources = ["docs"]
plugin_time_limit = 600

[[analyze]]
plugin = "sdg"
time_limit = 30

[[export]]
plugin = "pdf"
threshold = 2

[[export]]
plugin = "json"
time_limit = 5
)"));
  CHECK(job.spec.plugin_time_limit == std::chrono::seconds(600));
  CHECK(job.spec.isolate);
  REQUIRE(job.spec.analyzers.size() == 1);
  CHECK(job.spec.analyzers[0].time_limit == std::chrono::seconds(30));
  CHECK_FALSE(job.spec.analyzers[0].options.has("time_limit"));  // not a plugin option
  REQUIRE(job.spec.exporters.size() == 2);
  CHECK_FALSE(job.spec.exporters[0].time_limit.has_value());
  CHECK(job.spec.exporters[1].time_limit == std::chrono::seconds(5));

  const Job plain = load_job(job_file("no-time-limits", "sources = [\"a\"]\n[[export]]\nplugin = \"json\"\n"));
  CHECK(plain.spec.plugin_time_limit == std::chrono::seconds(3600));
  const Job unlimited =
      load_job(job_file("zero-time-limit", "sources = [\"a\"]\nplugin_time_limit = 0\n[[export]]\nplugin = \"json\"\n"));
  CHECK(unlimited.spec.plugin_time_limit == std::chrono::seconds(0));

  CHECK_THAT(job_error("zero-entry-limit", "sources = [\"a\"]\n[[export]]\nplugin = \"json\"\ntime_limit = 0\n"),
             Catch::Contains("job.toml:4: 'time_limit' must be a whole number of seconds from 1"));
  CHECK_THAT(job_error("text-limit", "sources = [\"a\"]\nplugin_time_limit = \"1h\"\n[[export]]\nplugin = \"json\"\n"),
             Catch::Contains("job.toml:2: 'plugin_time_limit' must be a whole number of seconds"));
  CHECK_THAT(job_error("float-limit", "sources = [\"a\"]\n[[analyze]]\nplugin = \"sdg\"\ntime_limit = 1.5\n[[export]]\nplugin = \"json\"\n"),
             Catch::Contains("job.toml:4: 'time_limit'"));
}

TEST_CASE("a job's name is an identifier, never a path") {
  for (const char* good : {"gfmd", "weekly-2026", "un.hrc_43", "A", "9"}) {
    INFO(good);
    CHECK(valid_job_name(good));
  }
  for (const std::string& bad : std::vector<std::string>{"", "..", ".", "../../x", "a/b", "/abs", ".hidden", "-x", "_x", "a b", "a\nb",
                                "a\x1b[31m", "caf\xc3\xa9", std::string(65, 'a')}) {
    INFO(bad);
    CHECK_FALSE(valid_job_name(bad));
  }
  CHECK(valid_job_name(std::string(64, 'a')));

  CHECK_THAT(job_error("path-name", "name = \"../../x\"\nsources = [\"a\"]\n[[export]]\nplugin = \"json\"\n"),
             Catch::Contains("job.toml:1: '../../x' is not a job name") && Catch::Contains("out/NAME"));
  CHECK_THAT(job_error("control-name", "name = \"a\\u001b[2Jb\"\nsources = [\"a\"]\n[[export]]\nplugin = \"json\"\n"),
             Catch::Contains("job.toml:1:") && Catch::Contains("is not a job name"));
  // Without `name`, the file's name is taken, and checked the same way.
  const fs::path spaced = test::fresh_dir("job-spaced") / "weekly report.toml";
  test::write_file(spaced, "sources = [\"a\"]\n[[export]]\nplugin = \"json\"\n");
  CHECK_THROWS_WITH(load_job(spaced), Catch::Contains("the file's name 'weekly report' is not a job name") &&
                                          Catch::Contains("name = \"...\""));
  CHECK(load_job(job_file("named", "name = \"weekly.report\"\nsources = [\"a\"]\n[[export]]\nplugin = \"json\"\n"))
            .spec.output_dir == fs::path("out") / "weekly.report");
}

TEST_CASE("follow_symlinks is off unless the job turns it on") {
  CHECK_FALSE(load_job(job_file("links-default", "sources = [\"a\"]\n[[export]]\nplugin = \"json\"\n")).spec.follow_symlinks);
  CHECK(load_job(job_file("links-on", "sources = [\"a\"]\nfollow_symlinks = true\n[[export]]\nplugin = \"json\"\n"))
            .spec.follow_symlinks);
  CHECK_THAT(job_error("links-text", "sources = [\"a\"]\nfollow_symlinks = \"yes\"\n[[export]]\nplugin = \"json\"\n"),
             Catch::Contains("job.toml:2: 'follow_symlinks' must be true or false"));
}

TEST_CASE("the memory limit for plugins: MiB for the job, 8192 unless set, 0 for none") {
  const auto load = [](const std::string& name, const std::string& line) {
    return load_job(job_file(name, "sources = [\"a\"]\n" + line + "\n[[export]]\nplugin = \"json\"\n"));
  };
  CHECK(load("memory-default", "").spec.plugin_memory_limit == 8192);
  CHECK(load("memory-set", "plugin_memory_limit = 2048").spec.plugin_memory_limit == 2048);
  CHECK(load("memory-none", "plugin_memory_limit = 0").spec.plugin_memory_limit == 0);
  CHECK(plugin_limits(load("memory-bytes", "plugin_memory_limit = 3").spec).memory == 3u << 20);
  for (const std::string bad : {"plugin_memory_limit = -1", "plugin_memory_limit = \"8G\"",
                                "plugin_memory_limit = 2.5", "plugin_memory_limit = 1048577"})
    CHECK_THAT(job_error("memory-bad", "sources = [\"a\"]\n" + bad + "\n[[export]]\nplugin = \"json\"\n"),
               Catch::Contains("job.toml:2: 'plugin_memory_limit' must be a whole number of MiB from 0 (no limit) to 1048576"));
}

TEST_CASE("a missing job file is a clear error") {
  CHECK_THROWS_WITH(load_job("/nonexistent/job.toml"), Catch::Contains("no such job file"));
}

TEST_CASE("the export argument is a plugin name with an optional file name") {
  CHECK(parse_export_argument("json").plugin == "json");
  CHECK(parse_export_argument("json").file.empty());
  CHECK(parse_export_argument("json:all.json").file == "all.json");
}
