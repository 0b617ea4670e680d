#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include "atomic_sink.hpp"
#include "plugin_registry.hpp"
#include "support.hpp"

using namespace dossier;
using namespace dossier::host;
namespace fs = std::filesystem;

namespace {
fs::path broken(const std::string& name) { return test::broken_plugin_dir() / ("dossier-exporter-" + name + ".so"); }

std::string load_problem(const fs::path& file) {
  PluginProblem problem;
  auto p = PluginLibrary::load(file, &problem);
  REQUIRE(p == nullptr);
  CHECK(problem.file == file);
  const std::string line = problem.one_line();
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.find(file.string()) != std::string::npos);
  return line;
}
}  // namespace

TEST_CASE("the built-in plugins load with their descriptors") {
  PluginRegistry registry;
  registry.discover({test::plugin_dir()});
  CHECK(registry.problems().empty());
  auto text = registry.find("text");
  auto json = registry.find("json");
  REQUIRE(text);
  REQUIRE(json);
  CHECK(text->info().kind == PluginKind::reader);
  CHECK(json->info().kind == PluginKind::exporter);
  CHECK_FALSE(json->info().version.empty());
  CHECK(json->info().default_file == "corpus.json");
  CHECK(json->make_exporter());
  CHECK_THROWS_WITH(json->make_reader(), Catch::Contains("not a reader"));
}

TEST_CASE("a file that is not a shared library is refused with a clear line") {
  CHECK_THAT(load_problem(broken("not_a_library")), Catch::Contains("not a loadable shared library"));
}

TEST_CASE("a library without the entry point is refused") {
  CHECK_THAT(load_problem(broken("no_entry_point")), Catch::Contains("no Dossier entry point"));
}

TEST_CASE("a wrong ABI version is refused before anything else is read") {
  const std::string line = load_problem(broken("wrong_abi_version"));
  CHECK_THAT(line, Catch::Contains("plugin ABI version " + std::to_string(DOSSIER_ABI_VERSION + 98)));
  CHECK_THAT(line, Catch::Contains("supports version " + std::to_string(DOSSIER_ABI_VERSION)));
}

TEST_CASE("a plugin built against the previous release's headers is refused, saying to rebuild") {
  const std::string line = load_problem(broken("previous_release"));
  CHECK_THAT(line, Catch::Contains("built against the SDK headers of plugin ABI 5"));
  CHECK_THAT(line, Catch::Contains("rebuild the plugin against the SDK this host was built with"));
}

TEST_CASE("a plugin built against headers of another model layout and the same ABI number is refused") {
  const std::string line = load_problem(broken("other_layout"));
  CHECK_THAT(line, Catch::Contains("the model's layout differs (fingerprint "));
  CHECK_THAT(line, Catch::Contains("rebuild the plugin"));
}

TEST_CASE("a wrong descriptor size is refused") {
  CHECK_THAT(load_problem(broken("wrong_descriptor_size")), Catch::Contains("descriptor size"));
}

TEST_CASE("a missing file is refused") {
  CHECK_THAT(load_problem(test::broken_plugin_dir() / "dossier-none.so"), Catch::Contains("no such file"));
}

TEST_CASE("a throwing factory gives an error naming the file and no crash") {
  PluginProblem problem;
  auto p = PluginLibrary::load(broken("throwing_factory"), &problem);
  REQUIRE(p);  // the descriptor itself is fine
  try {
    p->make_exporter();
    FAIL("no exception");
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    CHECK_THAT(what, Catch::Contains("factory threw: cannot find my configuration"));
    CHECK_THAT(what, Catch::Contains(broken("throwing_factory").string()));
  }
}

TEST_CASE("broken libraries in the search path do not hide the good ones") {
  PluginRegistry registry;
  registry.discover({test::broken_plugin_dir(), test::plugin_dir()});
  CHECK(registry.find("json"));
  CHECK(registry.find("text"));
  CHECK(registry.find("throwing_exporter"));
  CHECK(registry.problems().size() == 6);  // not a library, no entry, ABI, size, previous release, layout
}

TEST_CASE("the first plugin of a name in the search path wins and a second is reported") {
  const fs::path dir = test::fresh_dir("registry-shadow");
  fs::copy_file(test::plugin_dir() / "dossier-exporter-json.so", dir / "dossier-exporter-json-copy.so");
  PluginRegistry registry;
  registry.discover({dir, test::plugin_dir(), test::plugin_dir()});
  REQUIRE(registry.find("json"));
  CHECK(registry.find("json")->info().file == dir / "dossier-exporter-json-copy.so");
  REQUIRE(registry.problems().size() == 1);  // the same file twice is not a problem
  CHECK_THAT(registry.problems()[0].message, Catch::Contains("already taken"));
}

TEST_CASE("plugins are found by name and kind") {
  PluginRegistry registry;
  registry.discover({test::plugin_dir()});
  CHECK(registry.find("json", PluginKind::exporter));
  CHECK_FALSE(registry.find("json", PluginKind::reader));
  CHECK(registry.find("text", PluginKind::reader));
  CHECK_FALSE(registry.find("text", PluginKind::exporter));
}

TEST_CASE("only files named like plugins are candidates") {
  const fs::path dir = test::fresh_dir("registry-candidates");
  test::write_file(dir / "readme.txt", "x");
  test::write_file(dir / "libother.so", "x");
  test::write_file(dir / "dossier-b.so", "x");
  test::write_file(dir / "dossier-a.so", "x");
  const auto files = PluginRegistry::candidates(dir);
  REQUIRE(files.size() == 2);
  CHECK(files[0].filename() == "dossier-a.so");
}

TEST_CASE("search path order is plugin-path options then DOSSIER_PLUGIN_PATH then the built-in folder") {
  ::setenv("DOSSIER_PLUGIN_PATH", "/env/one::/env/two", 1);
  const auto dirs = PluginRegistry::search_path({"/cli"});
  ::unsetenv("DOSSIER_PLUGIN_PATH");
  REQUIRE(dirs.size() == 4);
  CHECK(dirs[0] == "/cli");
  CHECK(dirs[1] == "/env/one");
  CHECK(dirs[2] == "/env/two");
  CHECK(dirs[3] == PluginRegistry::builtin_dir());
}

TEST_CASE("plugin objects keep their library loaded after the registry is gone") {
  std::shared_ptr<Exporter> exporter;
  {
    PluginRegistry registry;
    registry.discover({test::plugin_dir()});
    exporter = registry.find("json")->make_exporter();
  }
  // Its code is still there: a virtual call runs it.
  const auto dir = test::fresh_dir("registry_gone");
  AtomicSink sink(dir);
  Context context("json", {}, {}, nullptr);
  const Corpus corpus;
  exporter->write(CorpusView(corpus), "corpus.json", sink, context);
  sink.commit();
  CHECK(fs::exists(dir / "corpus.json"));
}

TEST_CASE("a plugin file or folder that other users could replace is refused unless allowed") {
  const std::filesystem::path dir = test::fresh_dir("registry-trust");
  const std::filesystem::path file = dir / "dossier-exporter-json.so";
  std::filesystem::copy_file(test::plugin_dir() / "dossier-exporter-json.so", file);
  ::chmod(dir.c_str(), 0755);
  ::chmod(file.c_str(), 0755);
  dossier::host::PluginProblem problem;
  CHECK(dossier::host::PluginLibrary::load(file, &problem));

  ::chmod(file.c_str(), 0757);
  CHECK_FALSE(dossier::host::PluginLibrary::load(file, &problem));
  CHECK_THAT(problem.one_line(), Catch::Contains("refused: the file is writable by other users (mode 0757") &&
                                     Catch::Contains("--allow-untrusted-plugins"));
  dossier::host::PluginLibrary::allow_untrusted(true);
  CHECK(dossier::host::PluginLibrary::load(file, &problem));
  dossier::host::PluginLibrary::allow_untrusted(false);
  ::chmod(file.c_str(), 0755);

  ::chmod(dir.c_str(), 0777);
  CHECK_FALSE(dossier::host::PluginLibrary::load(file, &problem));
  CHECK_THAT(problem.message, Catch::Contains("its folder") && Catch::Contains("writable by other users"));
  ::chmod(dir.c_str(), 01777);  // sticky, like /tmp: no one can replace another's file
  CHECK(dossier::host::PluginLibrary::load(file, &problem));
  ::chmod(dir.c_str(), 0755);

  if (::geteuid() == 0) {  // only root can give a file away
    REQUIRE(::chown(file.c_str(), 4242, 4242) == 0);
    CHECK_FALSE(dossier::host::PluginLibrary::load(file, &problem));
    CHECK_THAT(problem.message, Catch::Contains("belongs to user id 4242, neither root nor you"));
    ::setenv("DOSSIER_ALLOW_UNTRUSTED_PLUGINS", "1", 1);
    CHECK(dossier::host::PluginLibrary::load(file, &problem));
    ::unsetenv("DOSSIER_ALLOW_UNTRUSTED_PLUGINS");
  }
}
