// The store under damage and I/O failure: only damage moves it aside (its history copied
// over when readable); a full disk, an unopenable or unwritable file leave it as it was, and
// a write that fails leaves no half transaction.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/resource.h>

#include <csignal>
#include <fstream>

#include <dossier/domain/digest.hpp>

#include "store.hpp"
#include "support.hpp"

using namespace dossier::host;
namespace fs = std::filesystem;

namespace {

Store::JobState history_of(std::size_t recommendations, std::int64_t build_time) {
  Store::JobState state;
  state.build_time = build_time;
  for (std::size_t i = 0; i < recommendations; ++i)
    state.recommendations["A/68/283 \xC2\xB6" + std::to_string(i)] = {std::string(64, 'f'), 1700000000, build_time};
  return state;
}

dossier::Document document(const std::string& id, std::size_t text_bytes) {
  dossier::Document doc;
  doc.id = id;
  dossier::Block block;
  block.text = std::string(text_bytes, 'x');
  doc.blocks.push_back(block);
  return doc;
}

std::string digest(const fs::path& file) { return dossier::sha256_file(file); }

// A small tmpfs, for a disk that really fills; unmounted after. Mounting needs root: without
// it, mounted() is false and the tests that need it say they were skipped.
struct SmallDisk {
  fs::path dir;
  bool ok = false;
  SmallDisk(const std::string& name, const char* size) : dir(test::fresh_dir(name)) {
    ok = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, (std::string("size=") + size).c_str()) == 0;
  }
  ~SmallDisk() {
    if (ok) ::umount2(dir.c_str(), MNT_DETACH);
  }
  bool mounted() const {
    if (!ok) WARN("skipped: cannot mount a tmpfs here (needs root)");
    return ok;
  }
  // Fills it to the last block.
  void fill() const {
    std::ofstream filler(dir / "filler", std::ios::binary);
    const std::string block(4096, '\0');
    while (filler.write(block.data(), block.size())) {
    }
  }
  void free() const { fs::remove(dir / "filler"); }
};

// Overwrites the root page of `table` with garbage, after the store was closed (so that its
// content is in the main file, not the write-ahead log).
void damage_table(const fs::path& file, const std::string& table) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, ("SELECT rootpage FROM sqlite_schema WHERE name='" + table + "'").c_str(), -1, &s,
                             nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(s) == SQLITE_ROW);
  const int root = sqlite3_column_int(s, 0);
  sqlite3_finalize(s);
  REQUIRE(sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &s, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(s) == SQLITE_ROW);
  const int page_size = sqlite3_column_int(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(db);
  REQUIRE(root > 1);
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>(root - 1) * page_size);
  const std::string garbage(static_cast<std::size_t>(page_size), '\xA5');
  f.write(garbage.data(), page_size);
  REQUIRE(f.good());
}

}  // namespace

TEST_CASE("a file that is not a store is damaged: moved aside, and the lost history found empty") {
  const fs::path dir = test::fresh_dir("store-garbage");
  const fs::path file = dir / "store.sqlite";
  const std::string garbage(8192, 'g');
  test::write_file(file, garbage);
  Store store(file);
  CHECK(test::read_file(dir / "store.sqlite.corrupt") == garbage);
  CHECK(store.job_state("gfmd").build_time == -1);
  store.record_job_state("gfmd", history_of(3, 1700000100));
  CHECK(store.job_state("gfmd").recommendations.size() == 3);
}

TEST_CASE("a store damaged in its cache is moved aside at the end of the build, its history kept") {
  const fs::path dir = test::fresh_dir("store-damaged-cache");
  const fs::path file = dir / "store.sqlite";
  {
    Store store(file);
    for (int i = 0; i < 300; ++i) store.put({std::to_string(i), "x.txt", "text", "1"}, document("d" + std::to_string(i), 3000));
    store.record_job_state("gfmd", history_of(50, 1700000100));
    store.record_job_state("weekly", history_of(7, 1700000200));
  }
  damage_table(file, "documents");
  {
    Store store(file);  // the history is sound: it opens
    CHECK_FALSE(fs::exists(dir / "store.sqlite.corrupt"));
    CHECK(store.job_state("gfmd").recommendations.size() == 50);
    bool damaged = false;
    try {
      for (int i = 0; i < 300; ++i) store.find({std::to_string(i), "x.txt", "text", "1"});
    } catch (const StoreError& e) {
      damaged = e.kind() == StoreError::Kind::damaged;
      CHECK_THAT(e.what(), Catch::Contains(file.string()) && Catch::Contains("damaged"));
    }
    CHECK(damaged);
  }
  REQUIRE(fs::exists(dir / "store.sqlite.corrupt"));
  Store store(file);
  const auto gfmd = store.job_state("gfmd");
  CHECK(gfmd.build_time == 1700000100);
  CHECK(gfmd.recommendations.size() == 50);
  CHECK(store.job_state("weekly").recommendations.size() == 7);
  CHECK_FALSE(store.find({"1", "x.txt", "text", "1"}));  // the cache starts again
  store.put({"1", "x.txt", "text", "1"}, document("d1", 10));
  CHECK(store.find({"1", "x.txt", "text", "1"}));
}

TEST_CASE("a store damaged in its history is moved aside when opened") {
  const fs::path dir = test::fresh_dir("store-damaged-history");
  const fs::path file = dir / "store.sqlite";
  { Store(file).record_job_state("gfmd", history_of(2000, 1700000100)); }
  damage_table(file, "recommendation_history");
  Store store(file);
  CHECK(fs::exists(dir / "store.sqlite.corrupt"));
  // What could not be read is not half-kept: the job has no history, as the warning says.
  CHECK(store.job_state("gfmd").build_time == -1);
}

TEST_CASE("a store that cannot be opened is an I/O error and stays where it is") {
  const fs::path dir = test::fresh_dir("store-cannot-open");
  const fs::path file = dir / "store.sqlite";
  fs::create_directories(file / "inside");  // a folder where the file should be
  try {
    Store store(file);
    FAIL("a folder opened as a store");
  } catch (const StoreError& e) {
    CHECK(e.kind() == StoreError::Kind::io);
    CHECK_THAT(e.what(), Catch::Contains(file.string()));
  }
  CHECK(fs::is_directory(file / "inside"));
  CHECK_FALSE(fs::exists(dir / "store.sqlite.corrupt"));
}

TEST_CASE("a write that fails half way is rolled back whole") {
  const fs::path dir = test::fresh_dir("store-rollback");
  const fs::path file = dir / "store.sqlite";
  Store store(file);
  store.record_job_state("gfmd", history_of(10, 1700000100));
  // Files may not grow beyond what they are now (plus a little): the big history cannot fit.
  std::uintmax_t size = 0;
  for (const char* suffix : {"", "-wal"}) {
    std::error_code ec;
    const auto n = fs::file_size(file.string() + suffix, ec);
    if (!ec) size = std::max(size, n);
  }
  struct rlimit before {};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &before) == 0);
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  struct rlimit limited = before;
  limited.rlim_cur = static_cast<rlim_t>(size + 64 * 1024);
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
  bool failed = false;
  try {
    store.record_job_state("gfmd", history_of(40000, 1700000200));
  } catch (const StoreError& e) {
    failed = true;
    CHECK(e.kind() != StoreError::Kind::damaged);
  }
  ::setrlimit(RLIMIT_FSIZE, &before);
  std::signal(SIGXFSZ, old_handler);
  CHECK(failed);
  const auto kept = store.job_state("gfmd");
  CHECK(kept.build_time == 1700000100);
  CHECK(kept.recommendations.size() == 10);
  CHECK_FALSE(fs::exists(dir / "store.sqlite.corrupt"));
  store.record_job_state("gfmd", history_of(12, 1700000300));  // and it goes on working
  CHECK(store.job_state("gfmd").recommendations.size() == 12);
}

TEST_CASE("on a full disk the store is left as it was, can be read, and says the disk is full") {
  SmallDisk disk("store-full-disk", "1m");
  if (!disk.mounted()) return;
  const fs::path file = disk.dir / "store.sqlite";
  {
    Store store(file);
    store.put({"a", "x.txt", "text", "1"}, document("kept", 100));
    store.record_job_state("gfmd", history_of(20, 1700000100));
  }
  const std::string before = digest(file);
  disk.fill();
  try {
    Store store(file);
    FAIL("opened for writing on a full disk");
  } catch (const StoreError& e) {
    CHECK(e.kind() == StoreError::Kind::disk_full);
    CHECK_THAT(e.what(), Catch::Contains(file.string()) && Catch::Contains("the disk is full"));
  }
  CHECK(digest(file) == before);
  CHECK_FALSE(fs::exists(disk.dir / "store.sqlite.corrupt"));
  {
    Store store(file, Store::Access::read_only);
    CHECK(store.read_only());
    CHECK(store.job_state("gfmd").recommendations.size() == 20);
    CHECK(store.find({"a", "x.txt", "text", "1"}));
    store.put({"b", "x.txt", "text", "1"}, document("not cached", 100));  // silently not cached
    CHECK_THROWS_AS(store.record_job_state("gfmd", history_of(1, 1700000200)), StoreError);
  }
  CHECK(digest(file) == before);
  disk.free();
  Store store(file);
  CHECK(store.job_state("gfmd").build_time == 1700000100);
  CHECK_FALSE(store.find({"b", "x.txt", "text", "1"}));
}

TEST_CASE("a disk that fills during a build: one failed cache write, then none; the history rolled back") {
  SmallDisk disk("store-filling-disk", "2m");
  if (!disk.mounted()) return;
  const fs::path file = disk.dir / "store.sqlite";
  Store store(file);
  store.record_job_state("gfmd", history_of(20, 1700000100));
  disk.fill();
  try {
    for (int i = 0; i < 100; ++i) store.put({std::to_string(i), "x.txt", "text", "1"}, document("d", 20000));
    FAIL("every document cached on a full disk");
  } catch (const StoreError& e) {
    CHECK(e.kind() == StoreError::Kind::disk_full);
    CHECK_THAT(e.what(), Catch::Contains("the disk is full") && Catch::Contains("nothing more is cached"));
  }
  CHECK_NOTHROW(store.put({"late", "x.txt", "text", "1"}, document("d", 20000)));  // no more tries, no more warnings
  try {
    store.record_job_state("gfmd", history_of(30000, 1700000200));
    FAIL("a history recorded on a full disk");
  } catch (const StoreError& e) {
    CHECK(e.kind() == StoreError::Kind::disk_full);
  }
  disk.free();
  const auto kept = store.job_state("gfmd");
  CHECK(kept.build_time == 1700000100);
  CHECK(kept.recommendations.size() == 20);
  store.record_job_state("gfmd", history_of(25, 1700000300));
  CHECK(store.job_state("gfmd").recommendations.size() == 25);
  CHECK_FALSE(fs::exists(disk.dir / "store.sqlite.corrupt"));
}
