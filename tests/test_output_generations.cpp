// The output folder's generations: publishing in one step, taking over a folder of an
// earlier release, refusing what is not Dossier's, and tidying what killed builds left.
#include <catch2/catch.hpp>

#include <unistd.h>

#include "../host/src/output_generations.hpp"
#include "support.hpp"

#include <nlohmann/json.hpp>

using namespace dossier::host;
namespace fs = std::filesystem;

namespace {
// Begins a generation in `out`, writes `files` (name -> content) and a manifest into it.
void stage(OutputGenerations& g, const std::map<std::string, std::string>& files) {
  const fs::path staging = g.begin();
  for (const auto& [name, content] : files) test::write_file(staging / name, content);
  test::write_file(staging / "manifest.json", R"({"dossier":"test","outputs":[]})");
}
}  // namespace

TEST_CASE("a published generation is what the top-level names read, switched in one link") {
  const fs::path out = test::fresh_dir("gen-publish");
  {
    OutputGenerations g(out);
    CHECK(g.current().empty());
    stage(g, {{"a.json", "one"}, {"briefs/x.pdf", "pdf one"}});
    g.publish();
  }
  CHECK(fs::read_symlink(out / "current") == fs::path(".dossier/generations/00000001"));
  CHECK(fs::read_symlink(out / "a.json") == fs::path("current/a.json"));
  CHECK(fs::read_symlink(out / "briefs") == fs::path("current/briefs"));
  CHECK(test::read_file(out / "briefs" / "x.pdf") == "pdf one");
  {
    OutputGenerations g(out);
    stage(g, {{"b.json", "two"}});
    CHECK(g.carry_over("a.json"));
    CHECK_FALSE(g.carry_over("nothing.json"));
    g.publish();
  }
  CHECK(test::read_file(out / "a.json") == "one");
  CHECK(test::read_file(out / "b.json") == "two");
  CHECK_FALSE(fs::exists(fs::symlink_status(out / "briefs")));  // a name the set no longer has
  // Three publishes keep two generations: the current one and the one before it.
  {
    OutputGenerations g(out);
    stage(g, {{"c.json", "three"}});
    g.publish();
  }
  std::vector<std::string> kept;
  for (const auto& e : fs::directory_iterator(out / ".dossier" / "generations")) kept.push_back(e.path().filename());
  std::sort(kept.begin(), kept.end());
  CHECK(kept == std::vector<std::string>{"00000002", "00000003"});
}

TEST_CASE("a generation that is not published changes nothing and is removed") {
  const fs::path out = test::fresh_dir("gen-abandon");
  {
    OutputGenerations g(out);
    stage(g, {{"a.json", "one"}});
    g.publish();
  }
  fs::path staging;
  {
    OutputGenerations g(out);
    stage(g, {{"a.json", "two"}, {"new.json", "new"}});
    staging = g.staging();
  }  // destroyed without publish(): as a failed build
  CHECK_FALSE(fs::exists(staging));
  CHECK(test::read_file(out / "a.json") == "one");
  CHECK_FALSE(fs::exists(fs::symlink_status(out / "new.json")));
}

TEST_CASE("what a killed build left is removed by the next one") {
  const fs::path out = test::fresh_dir("gen-killed");
  {
    OutputGenerations g(out);
    stage(g, {{"a.json", "one"}});
    g.publish();
  }
  // As a build killed while publishing leaves them: its generation, a link made ahead of the
  // switch, the switch's temporary link, an exporter's temporary file of a dead process.
  test::write_file(out / ".dossier" / "generations" / "00000007" / "a.json", "half");
  fs::create_symlink("current/new.json", out / "new.json");
  fs::create_symlink(".dossier/generations/00000007", out / ".current-tmp-999999");
  test::write_file(out / ".a.json.dossier-tmp-3999999-0", "stale");
  OutputGenerations g(out);
  g.begin();
  CHECK_FALSE(fs::exists(out / ".dossier" / "generations" / "00000007"));
  CHECK_FALSE(fs::exists(fs::symlink_status(out / "new.json")));
  CHECK_FALSE(fs::exists(fs::symlink_status(out / ".current-tmp-999999")));
  CHECK_FALSE(fs::exists(out / ".a.json.dossier-tmp-3999999-0"));
  CHECK(test::read_file(out / "a.json") == "one");
}

TEST_CASE("a name taken by a file of the user's is refused and nothing is published") {
  const fs::path out = test::fresh_dir("gen-in-the-way");
  {
    OutputGenerations g(out);
    stage(g, {{"a.json", "one"}});
    g.publish();
  }
  test::write_file(out / "notes.txt", "mine");
  OutputGenerations g(out);
  stage(g, {{"a.json", "two"}, {"notes.txt", "theirs"}, {"z.json", "z"}});
  CHECK_THROWS_WITH(g.publish(), Catch::Contains("notes.txt is in the way"));
  CHECK(test::read_file(out / "notes.txt") == "mine");
  CHECK(test::read_file(out / "a.json") == "one");
  CHECK(fs::read_symlink(out / "current") == fs::path(".dossier/generations/00000001"));
}

TEST_CASE("a 'current' that is not Dossier's link is refused") {
  const fs::path out = test::fresh_dir("gen-current-taken");
  test::write_file(out / "current", "a file of the user's");
  OutputGenerations g(out);
  CHECK_THROWS_WITH(g.begin(), Catch::Contains("is not Dossier's link"));
  CHECK(test::read_file(out / "current") == "a file of the user's");
}

TEST_CASE("a folder written by an earlier release is taken over without changing what it reads") {
  const fs::path out = test::fresh_dir("gen-adopt");
  test::write_file(out / "corpus.json", "corpus");
  test::write_file(out / "briefs" / "b.pdf", "brief");
  test::write_file(out / "briefs" / "mine.txt", "a file no manifest lists");
  test::write_file(out / "unlisted.txt", "left alone");
  test::write_file(out / "manifest.json",
                   R"({"dossier":"0.9","outputs":[{"file":"corpus.json"},{"file":"briefs/b.pdf"},{"file":"../x"}]})");
  OutputGenerations g(out);
  g.begin();
  CHECK(fs::read_symlink(out / "current") == fs::path(".dossier/generations/00000001"));
  CHECK(fs::is_symlink(out / "corpus.json"));
  CHECK(fs::is_symlink(out / "briefs"));
  CHECK(fs::is_symlink(out / "manifest.json"));
  CHECK(test::read_file(out / "corpus.json") == "corpus");
  CHECK(test::read_file(out / "briefs" / "b.pdf") == "brief");
  CHECK(test::read_file(out / "unlisted.txt") == "left alone");
  fs::path kept;
  for (const auto& e : fs::directory_iterator(out / ".dossier" / "leftovers"))
    if (e.path().filename().string().rfind("briefs-00000001-", 0) == 0) kept = e.path();
  CHECK(test::read_file(kept / "mine.txt") == "a file no manifest lists");
  CHECK_FALSE(fs::exists(kept / "b.pdf"));  // it lives on in the generation
  CHECK(g.staging().filename() == "00000002");
}

TEST_CASE("a manifest.json that is not Dossier's is refused") {
  const fs::path out = test::fresh_dir("gen-foreign-manifest");
  test::write_file(out / "manifest.json", R"({"name":"my web app","icons":[]})");
  OutputGenerations g(out);
  CHECK_THROWS_WITH(g.begin(), Catch::Contains("is not a Dossier manifest"));
  CHECK_FALSE(fs::is_symlink(out / "manifest.json"));
}

TEST_CASE("names Dossier keeps for itself") {
  for (const char* name : {"current", "manifest.json", ".dossier/store.sqlite", ".dossier", "current/x", ".current-tmp-1"})
    CHECK(OutputGenerations::reserved_name(name));
  for (const char* name : {"corpus.json", "briefs/manifest.json", "dossier.json", "currently.xml"})
    CHECK_FALSE(OutputGenerations::reserved_name(name));
}

TEST_CASE("a symbolic link where the generations are kept is refused, and nothing it leads to is touched") {
  const fs::path root = test::fresh_dir("gen-linked-state");
  test::write_file(root / "victim" / "20240101" / "a.txt", "precious");
  test::write_file(root / "victim" / "00000005" / "b.txt", "precious too");
  fs::create_directories(root / "out" / ".dossier");
  fs::create_directory_symlink(root / "victim", root / "out" / ".dossier" / "generations");
  OutputGenerations g(root / "out");
  CHECK_THROWS_WITH(g.begin(), Catch::Contains("is a symbolic link"));
  CHECK(test::read_file(root / "victim" / "20240101" / "a.txt") == "precious");
  CHECK(test::read_file(root / "victim" / "00000005" / "b.txt") == "precious too");
}

TEST_CASE("only names Dossier gives generations are removed as generations") {
  const fs::path out = test::fresh_dir("gen-foreign-names");
  test::write_file(out / ".dossier" / "generations" / "2024" / "x", "not a generation");
  test::write_file(out / ".dossier" / "generations" / "notes" / "x", "nor this");
  OutputGenerations g(out);
  stage(g, {{"a.json", "one"}});
  g.publish();
  CHECK(fs::exists(out / ".dossier" / "generations" / "2024" / "x"));
  CHECK(fs::exists(out / ".dossier" / "generations" / "notes" / "x"));
}

TEST_CASE("taking over never follows a link below the folder, nor removes what it leads to") {
  const fs::path root = test::fresh_dir("gen-adopt-links");
  const fs::path out = root / "out";
  test::write_file(root / "elsewhere" / "important.pdf", "SECRET");
  test::write_file(out / "briefs" / "b.pdf", "brief");
  fs::create_directory_symlink(root / "elsewhere", out / "briefs" / "archive");
  test::write_file(out / "manifest.json",
                   R"({"dossier":"0.9","outputs":[{"file":"briefs/b.pdf"},{"file":"briefs/archive/important.pdf"}]})");
  OutputGenerations g(out);
  g.begin();
  CHECK(test::read_file(root / "elsewhere" / "important.pdf") == "SECRET");
  CHECK_FALSE(fs::exists(g.current() / "briefs" / "archive"));
  const auto manifest = nlohmann::json::parse(test::read_file(out / "manifest.json"));
  REQUIRE(manifest["outputs"].size() == 1);  // the set lists exactly what it holds
  CHECK(manifest["outputs"][0]["file"] == "briefs/b.pdf");
}

TEST_CASE("a takeover interrupted after the switch is finished by the next build") {
  const fs::path out = test::fresh_dir("gen-adopt-resume");
  // As a takeover killed right after switching `current`: the generation holds hard links
  // of the old files, the old names are still plain files and folders.
  test::write_file(out / "corpus.json", "corpus");
  test::write_file(out / "briefs" / "b.pdf", "brief");
  test::write_file(out / "manifest.json", R"({"dossier":"0.9","outputs":[{"file":"corpus.json"},{"file":"briefs/b.pdf"}]})");
  const fs::path gen = out / ".dossier" / "generations" / "00000001";
  fs::create_directories(gen / "briefs");
  fs::create_hard_link(out / "corpus.json", gen / "corpus.json");
  fs::create_hard_link(out / "briefs" / "b.pdf", gen / "briefs" / "b.pdf");
  fs::create_hard_link(out / "manifest.json", gen / "manifest.json");
  fs::create_symlink(".dossier/generations/00000001", out / "current");
  test::write_file(out / ".dossier" / "adopting", "00000001\n");
  OutputGenerations g(out);
  g.begin();
  CHECK_FALSE(fs::exists(out / ".dossier" / "adopting"));
  for (const char* name : {"corpus.json", "briefs", "manifest.json"}) CHECK(fs::is_symlink(out / name));
  CHECK(test::read_file(out / "briefs" / "b.pdf") == "brief");
  test::write_file(g.staging() / "corpus.json", "new");
  test::write_file(g.staging() / "manifest.json", R"({"dossier":"test","outputs":[]})");
  g.publish();
  CHECK(test::read_file(out / "corpus.json") == "new");
}
