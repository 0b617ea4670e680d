// The embedded store: parsed documents and analyses cached in SQLite, keyed by what
// determines them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dossier/model.hpp"

struct sqlite3;

namespace dossier::host {

class Statement;

/// What a parsed document depends on: the bytes, the file name (ids of documents without
/// a symbol come from it) and the reader that made it.
struct DocumentKey {
  std::string sha256;
  std::string file_name;
  std::string reader;
  std::string reader_version;
};

/// A source file as a build found it (stat(2)) with what it held then: while its device,
/// inode, size and both times are the same, its bytes are taken to be (as git's index does;
/// the change time cannot be set back by a program), and it is neither opened nor hashed.
struct SourceStat {
  std::string path;
  std::int64_t device = 0, inode = 0, size = 0, mtime_ns = 0, ctime_ns = 0;
  DocumentKey key;      ///< the store's key of its document, the reader chosen included
  std::string readers;  ///< every reader with its version: another set may choose otherwise
};

/// Why the store failed. Only `damaged` (SQLite found the file corrupt, or not a database)
/// ever moves the file aside; for the others (a full disk, an unwritable or unreadable file,
/// a lock held too long) the file is left exactly as it was.
class StoreError : public std::runtime_error {
 public:
  enum class Kind { damaged, disk_full, io };
  StoreError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

/// What a failed call on `db` (a store's connection, of `file`) means, as store.cpp says it.
StoreError store_error(sqlite3* db, const std::filesystem::path& file);

/// A SQLite file, safe to use from several threads (calls are serialised). Failures throw
/// StoreError; the callers decide whether the build goes on without what failed.
class Store {
 public:
  /// second_writer: a second connection to a store this build already has open (the search
  /// index's child process). It opens an existing store for writing but never moves a damaged
  /// one aside, on opening or closing: that is for the build's own connection to decide.
  enum class Access { read_write, read_only, second_writer };

  /// Opens or creates the store. A damaged file is moved aside ("NAME.corrupt", with its
  /// "-wal") and a new store started, into which the build history (job_builds,
  /// recommendation_history) is copied when it can still be read; a warning says whether it
  /// was kept or lost. Any other failure throws StoreError and leaves the file as it was.
  /// Access::read_only opens an existing store for reading only (when it cannot be written:
  /// a full disk, a read-only file): nothing is cached and record_job_state() refuses.
  explicit Store(const std::filesystem::path& file, Access access = Access::read_write);
  /// Closes the store. When a call met damage during the build (SQLITE_CORRUPT) and
  /// `PRAGMA quick_check` confirms it, the store is moved aside and restarted as above.
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::filesystem::path& file() const { return file_; }
  bool read_only() const { return read_only_; }
  /// Closes the connection until resume(): a child process that opens a connection of its own
  /// must not inherit this one's SQLite state (its locks and shared memory are the process's,
  /// and fork does not carry them). Nothing may be asked of the store in between.
  void suspend();
  /// Opens the connection again; when it cannot be, nothing more is cached in this build (a
  /// warning says why).
  void resume();
  /// False once writing is off for this build: opened read-only, a write failed (a full disk)
  /// or damage was met. write_with() then does nothing.
  bool writable() const {
    std::lock_guard<std::mutex> guard(mutex_);
    return !read_only_ && !cache_off_ && !damaged_ && !suspended_;
  }

  /// Throws StoreError when it cannot read; after the first damage met (SQLITE_CORRUPT) the
  /// cache is neither read nor written in this build, without a word.
  std::optional<Document> find(const DocumentKey& key);
  /// The keys of every cached document, without decoding any: for a reader's child process
  /// to tell whether the file it sniffed needs parsing.
  std::vector<DocumentKey> document_keys();
  /// Throws StoreError when it cannot write; after the first such failure (and when read
  /// only) nothing more is cached in this build, without a word.
  void put(const DocumentKey& key, const Document& document);
  /// The source files of earlier builds, by path.
  std::unordered_map<std::string, SourceStat> source_stats();
  /// Like put(), all in one transaction.
  void put_source_stats(const std::vector<SourceStat>& stats);

  /// The annotations one analyzer made about one document, encoded (annotation_codec.hpp),
  /// by a key naming the document's content, the analyzer and everything it read.
  std::optional<std::string> find_analysis(const std::string& key);
  /// Like put().
  void put_analysis(const std::string& key, const std::string& encoded);

  /// Copies every cached document and analysis of another store (a shard's partial store)
  /// into this one, in one transaction; returns how many documents and analyses it held.
  /// Throws std::runtime_error when the other file is not a store or this one cannot write.
  std::pair<std::size_t, std::size_t> merge_from(const std::filesystem::path& other);

  /// What a build of a job recorded about one recommendation.
  struct RecommendationState {
    std::string fingerprint;  ///< of what makes it "changed" (recommendation_fingerprint())
    std::int64_t first_seen = 0;
    std::int64_t last_changed = 0;
  };
  /// The last recorded build of `job`: its build_time (-1 if none) and its recommendations
  /// by address.
  struct JobState {
    std::int64_t build_time = -1;
    std::map<std::string, RecommendationState> recommendations;
  };
  JobState job_state(const std::string& job);
  /// Replaces the recorded state of `job` by `state` in one transaction: on any failure
  /// (a full disk included) it is rolled back whole and StoreError thrown.
  void record_job_state(const std::string& job, const JobState& state);

  /// Runs `body` on the connection in one transaction (search_index.cpp keeps its own tables
  /// there). Like put(): nothing when the store is read only or caching was turned off; a
  /// failure rolls it back whole and throws StoreError.
  void write_with(const std::function<void(sqlite3*)>& body);
  /// Runs `body` on the connection, for reading (calls serialised like the others).
  void read_with(const std::function<void(sqlite3*)>& body);

 private:
  void open();
  void open_read_only();
  void close() noexcept;
  void recover(const std::string& reason);
  void exec(const char* sql);
  [[noreturn]] void fail();
  template <typename F>
  auto noting_damage(F&& body) -> decltype(body());
  void in_transaction(const std::function<void()>& body);
  void cache_write(const std::function<void()>& body);
  void write_job_state(const std::string& job, const JobState& state);

  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
  bool read_only_ = false;
  bool cache_off_ = false;  // a cache write failed: no more in this build
  bool damaged_ = false;    // a call met SQLITE_CORRUPT
  bool second_writer_ = false;
  bool suspended_ = false;
  mutable std::mutex mutex_;  // one connection, used by the worker threads in turn
  // find()'s statement, prepared once per connection (a GA rebuild finds 7,800 documents);
  // finalized by close(), before the connection.
  std::unique_ptr<Statement> find_statement_;
};

}  // namespace dossier::host
