#include <catch2/catch.hpp>
#include <cstdlib>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "dossier/domain/digest.hpp"
#include "atomic_sink.hpp"
#include "support.hpp"

using namespace dossier;
namespace fs = std::filesystem;

namespace {
std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) ++n;
  return n;
}
}  // namespace

TEST_CASE("sha256 matches the published test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("committed outputs land with size and hash and nothing else is left") {
  const fs::path dir = test::fresh_dir("sink-commit");
  host::AtomicSink sink(dir);
  sink.create("a.txt").stream() << "abc";
  sink.create("sub/b.txt").stream() << "hello";
  CHECK_FALSE(fs::exists(dir / "a.txt"));  // not before commit
  sink.commit();
  CHECK(test::read_file(dir / "a.txt") == "abc");
  CHECK(test::read_file(dir / "sub" / "b.txt") == "hello");
  REQUIRE(sink.written().size() == 2);
  CHECK(sink.written()[0].bytes == 3);
  CHECK(sink.written()[0].sha256 == sha256_hex("abc"));
  CHECK(entries(dir) == 3);  // a.txt, sub, sub/b.txt: no temporaries
}

TEST_CASE("an output written by file name through temp_path lands too") {
  const fs::path dir = test::fresh_dir("sink-temp-path");
  host::AtomicSink sink(dir);
  host::AtomicFile& f = sink.create("lib.bin");
  CHECK(f.temp_path().parent_path() == dir);
  test::write_file(f.temp_path(), "written by a library");
  sink.commit();
  CHECK(test::read_file(dir / "lib.bin") == "written by a library");
}

TEST_CASE("discarded or abandoned outputs never replace an earlier file") {
  const fs::path dir = test::fresh_dir("sink-discard");
  test::write_file(dir / "corpus.json", "GOOD");
  {
    host::AtomicSink sink(dir);
    sink.create("corpus.json").stream() << "PARTIAL";
    sink.discard();
  }
  CHECK(test::read_file(dir / "corpus.json") == "GOOD");
  {
    host::AtomicSink sink(dir);
    sink.create("corpus.json").stream() << "PARTIAL";
    // destroyed without commit, as when an exporter throws
  }
  CHECK(test::read_file(dir / "corpus.json") == "GOOD");
  CHECK(entries(dir) == 1);
}

TEST_CASE("an output created but never written is an error at commit and nothing lands") {
  const fs::path dir = test::fresh_dir("sink-empty");
  test::write_file(dir / "x.txt", "GOOD");
  host::AtomicSink sink(dir);
  sink.create("x.txt");
  CHECK_THROWS_WITH(sink.commit(), Catch::Contains("never written"));
  CHECK(test::read_file(dir / "x.txt") == "GOOD");
}

TEST_CASE("output names cannot leave the output folder") {
  const fs::path dir = test::fresh_dir("sink-names");
  host::AtomicSink sink(dir);
  CHECK_THROWS_AS(sink.create("../escape.txt"), std::invalid_argument);
  CHECK_THROWS_AS(sink.create("/tmp/escape.txt"), std::invalid_argument);
  CHECK_THROWS_AS(sink.create(""), std::invalid_argument);
  sink.create("ok.txt");
  CHECK_THROWS_AS(sink.create("ok.txt"), std::invalid_argument);
}

TEST_CASE("host::write_file_atomically replaces the whole file") {
  const fs::path dir = test::fresh_dir("sink-atomic");
  host::write_file_atomically(dir / "m.json", "one");
  host::write_file_atomically(dir / "m.json", "two");
  CHECK(test::read_file(dir / "m.json") == "two");
  CHECK(entries(dir) == 1);
}

TEST_CASE("outputs prepared by one sink land through another that adopts them") {
  const fs::path dir = test::fresh_dir("sink-adopt");
  test::write_file(dir / "a.txt", "OLD");
  std::vector<std::pair<std::string, fs::path>> prepared;
  {
    // The exporter's child process prepares and lists its files and ends without destroying
    // its sink; this one is destroyed (removing its files), so they are copied aside first.
    host::AtomicSink child(dir);
    child.create("a.txt").stream() << "abc";
    child.create("sub/b.txt").stream() << "hello";
    child.prepare();
    for (const host::AtomicFile* f : child.pending()) {
      prepared.emplace_back(f->name(), f->temp_path());
      fs::copy_file(f->temp_path(), f->temp_path().string() + "-copy");
    }
  }
  host::AtomicSink parent(dir);
  for (const auto& [name, temp] : prepared) {
    fs::rename(temp.string() + "-copy", temp);
    CHECK(parent.adopt(name, temp).target_path() == dir / name);
  }
  CHECK(parent.pending().size() == 2);
  CHECK(test::read_file(dir / "a.txt") == "OLD");
  parent.commit();
  CHECK(test::read_file(dir / "a.txt") == "abc");
  CHECK(test::read_file(dir / "sub" / "b.txt") == "hello");
  REQUIRE(parent.written().size() == 2);
  CHECK(parent.written()[1].sha256 == sha256_hex("hello"));
  CHECK(parent.pending().empty());
  CHECK(entries(dir) == 3);
}

TEST_CASE("a sink adopts only temporary files of its own outputs and discards what it adopted") {
  const fs::path dir = test::fresh_dir("sink-adopt-refused");
  test::write_file(dir / "keep.txt", "KEEP");
  test::write_file(dir / ".x.txt.dossier-tmp-1-0", "temp");
  host::AtomicSink sink(dir);
  CHECK_THROWS_AS(sink.adopt("x.txt", dir / "keep.txt"), std::invalid_argument);
  CHECK_THROWS_AS(sink.adopt("x.txt", dir / "sub" / ".x.txt.dossier-tmp-1-0"), std::invalid_argument);
  CHECK_THROWS_AS(sink.adopt("../x.txt", dir / ".x.txt.dossier-tmp-1-0"), std::invalid_argument);
  sink.adopt("x.txt", dir / ".x.txt.dossier-tmp-1-0");
  CHECK_THROWS_AS(sink.adopt("x.txt", dir / ".x.txt.dossier-tmp-1-0"), std::invalid_argument);
  sink.discard();
  CHECK_FALSE(fs::exists(dir / ".x.txt.dossier-tmp-1-0"));
  CHECK(test::read_file(dir / "keep.txt") == "KEEP");
  CHECK_FALSE(fs::exists(dir / "x.txt"));
}

TEST_CASE("a symbolic link in the output folder cannot lead an output outside it unless allowed") {
  const fs::path root = test::fresh_dir("sink-symlink");
  const fs::path out = root / "out";
  const fs::path elsewhere = root / "elsewhere";
  fs::create_directories(out / "inside");
  fs::create_directories(elsewhere);
  fs::create_directory_symlink(elsewhere, out / "briefs");
  fs::create_directory_symlink(out / "inside", out / "alias");
  {
    dossier::host::AtomicSink sink(out);
    CHECK_THROWS_WITH(sink.create("briefs/brief.pdf"),
                      Catch::Contains("outside the output folder") && Catch::Contains("DOSSIER_ALLOW_OUTSIDE_OUTPUT"));
    sink.create("alias/ok.txt").stream() << "fine";  // a link that stays inside is followed
    sink.commit();
  }
  CHECK(fs::is_empty(elsewhere));
  CHECK(test::read_file(out / "inside" / "ok.txt") == "fine");
  ::setenv("DOSSIER_ALLOW_OUTSIDE_OUTPUT", "1", 1);
  {
    dossier::host::AtomicSink sink(out);
    sink.create("briefs/brief.pdf").stream() << "allowed";
    sink.commit();
  }
  ::unsetenv("DOSSIER_ALLOW_OUTSIDE_OUTPUT");
  CHECK(test::read_file(elsewhere / "brief.pdf") == "allowed");
}
