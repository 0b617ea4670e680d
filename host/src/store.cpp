#include "store.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <map>
#include <optional>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include <dossier/domain/write_errors.hpp>

#include "document_codec.hpp"
#include "sqlite_statement.hpp"

namespace dossier::host {

namespace fs = std::filesystem;

namespace {

// Bumped when the cached form changes; an older store is emptied, not misread, except
// where a migration below keeps it.
// 2: references with spans and new types; 3: build history; 4: analyses; 5: documents
// encoded as bytes (document_codec.hpp), not JSON.
constexpr int kSchemaVersion = 5;

std::string sqlite_message(sqlite3* db) { return db ? sqlite3_errmsg(db) : "out of memory"; }

// What a failed call on `db` means: damage (the only reason ever to move a store aside), a
// full disk, or any other I/O trouble.
StoreError error_of(sqlite3* db, const fs::path& file) {
  const int code = db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM;
  const int system = db ? sqlite3_system_errno(db) : 0;
  const int primary = code & 0xff;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    return {StoreError::Kind::damaged, "store " + file.string() + " is damaged (" + sqlite_message(db) + ")"};
  if (primary == SQLITE_FULL || is_disk_full(system))
    return {StoreError::Kind::disk_full,
            "could not write the store " + file.string() + ": the disk is full (" +
                (is_disk_full(system) ? std::string(std::strerror(system)) : sqlite_message(db)) + ")"};
  std::string message = "store " + file.string() + ": " + sqlite_message(db);
  if (system != 0 && (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN))
    message += std::string(" (") + std::strerror(system) + ")";
  return {StoreError::Kind::io, message};
}


// What `PRAGMA quick_check` found first, on one line ("" when "ok").
std::string integrity_problem(sqlite3* db, const fs::path& file, const char* pragma) {
  Statement s(db, pragma, file);
  if (!s.row()) return "";
  const std::string text = s.text(0);
  if (text == "ok") return "";
  std::string problem;
  std::size_t start = 0;
  for (std::size_t end; start < text.size(); start = end + 1) {
    end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string part = text.substr(start, end - start);
    if (!part.empty() && part.rfind("***", 0) != 0) problem += (problem.empty() ? "" : "; ") + part;
  }
  return problem.empty() ? text : problem;
}

using History = std::map<std::string, Store::JobState>;

// The recorded history of `job`, or of every job: all of it or an exception, never a part.
History read_history(sqlite3* db, const fs::path& file, const std::string* job) {
  History history;
  {
    Statement s(db, job ? "SELECT job, build_time FROM job_builds WHERE job=?1" : "SELECT job, build_time FROM job_builds",
                file);
    if (job) s.bind(1, *job);
    while (s.row()) history[s.text(0)].build_time = s.integer64(1);
  }
  if (history.empty()) return history;
  Statement s(db,
              job ? "SELECT job, address, fingerprint, first_seen, last_changed FROM recommendation_history WHERE job=?1"
                  : "SELECT job, address, fingerprint, first_seen, last_changed FROM recommendation_history",
              file);
  if (job) s.bind(1, *job);
  while (s.row()) {
    const auto it = history.find(s.text(0));
    if (it != history.end()) it->second.recommendations[s.text(1)] = {s.text(2), s.integer64(3), s.integer64(4)};
  }
  return history;
}

// For SQLite's URI file names: what would be read as a query, fragment or escape, escaped.
std::string uri_path(const fs::path& file) {
  std::string uri = "file:";
  for (const unsigned char c : fs::absolute(file).lexically_normal().string()) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20 || c >= 0x7f) {
      static const char hex[] = "0123456789ABCDEF";
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 15];
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri;
}

// Opens `name` (a path or an URI) with `flags` and reads its schema: the connection, or
// null and what failed.
sqlite3* open_and_read(const std::string& name, int flags, const fs::path& file, int& rc,
                       std::optional<StoreError>& error) {
  sqlite3* db = nullptr;
  rc = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_extended_result_codes(db, 1);
    rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return db;
  }
  error.emplace(error_of(db, file));
  sqlite3_close(db);
  return nullptr;
}

// Opens `file` for reading only. Plainly first (SQLite's locks honoured); when that fails
// for want of room for its shared-memory file (a full disk) and no write-ahead log holds
// transactions the main file lacks, as immutable: the main file read as it is.
sqlite3* open_for_reading(const fs::path& file) {
  int rc = SQLITE_OK;
  std::optional<StoreError> plain, immutable;
  if (sqlite3* db = open_and_read(file.string(), SQLITE_OPEN_READONLY, file, rc, plain)) return db;
  std::error_code ec;
  const auto wal = fs::file_size(file.string() + "-wal", ec);
  const int primary = rc & 0xff;
  if (plain->kind() == StoreError::Kind::damaged || primary == SQLITE_BUSY || primary == SQLITE_LOCKED ||
      (!ec && wal > 0) || !fs::is_regular_file(file, ec))
    throw *plain;
  if (sqlite3* db = open_and_read(uri_path(file) + "?immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, file, rc,
                                  immutable))
    return db;
  throw immutable->kind() == StoreError::Kind::damaged ? *immutable : *plain;
}

}  // namespace

StoreError store_error(sqlite3* db, const fs::path& file) { return error_of(db, file); }

Store::Store(const fs::path& file, Access access)
    : file_(file), read_only_(access == Access::read_only), second_writer_(access == Access::second_writer) {
  if (read_only_) {
    open_read_only();
    return;
  }
  if (second_writer_) {
    if (!fs::exists(file_)) throw StoreError(StoreError::Kind::io, "store " + file_.string() + " is gone");
    try {
      open();
    } catch (...) {
      close();
      throw;
    }
    return;
  }
  std::error_code ec;
  if (file_.has_parent_path()) fs::create_directories(file_.parent_path(), ec);
  try {
    open();
  } catch (const StoreError& e) {
    close();
    if (e.kind() != StoreError::Kind::damaged) throw;  // a full disk is no reason to lose the store
    recover(e.what());
  }
}

Store::~Store() {
  if (damaged_ && !read_only_ && !second_writer_ && db_) {
    // SQLite said "corrupt" during the build: if the whole file fails the check, the next
    // build starts from a sound store (the history copied over when readable).
    try {
      const std::string problem = integrity_problem(db_, file_, "PRAGMA quick_check(3)");
      if (!problem.empty()) recover("store " + file_.string() + " is damaged (" + problem + ")");
    } catch (const StoreError& e) {
      try {
        if (e.kind() == StoreError::Kind::damaged) recover(e.what());
      } catch (const std::exception& again) {
        spdlog::warn("{}", again.what());
      }
    } catch (const std::exception& e) {
      spdlog::warn("{}", e.what());
    }
  }
  close();
}

void Store::close() noexcept {
  find_statement_.reset();
  if (db_) sqlite3_close(db_);
  db_ = nullptr;
}

void Store::fail() { throw error_of(db_, file_); }

void Store::suspend() {
  std::lock_guard<std::mutex> guard(mutex_);
  if (!db_ || suspended_) return;
  close();
  suspended_ = true;
}

void Store::resume() {
  std::lock_guard<std::mutex> guard(mutex_);
  if (!suspended_) return;
  suspended_ = false;
  try {
    if (read_only_)
      open_read_only();
    else
      open();
  } catch (const std::exception& e) {
    close();
    cache_off_ = true;
    spdlog::warn("{}; nothing more is cached in this build", e.what());
  }
}

void Store::open() {
  if (sqlite3_open_v2(file_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) fail();
  sqlite3_extended_result_codes(db_, 1);
  // A write-protected file opens read-only without a word: said here, so that the caller
  // can open it for reading on purpose.
  if (sqlite3_db_readonly(db_, "main") == 1)
    throw StoreError(StoreError::Kind::io, "store " + file_.string() + ": the file cannot be written");
  sqlite3_busy_timeout(db_, 5000);
  // WAL: readers never block the writer, and a killed build leaves the store consistent.
  exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=NORMAL");
  int version = 0;
  {
    Statement s(db_, "PRAGMA user_version", file_);
    if (s.row()) version = s.integer(0);
  }
  // 2 -> 3 -> 4 only added tables (history, analyses), which stay valid; 5 changed how
  // documents are cached, so those are parsed again once.
  if (version >= 2 && version <= 4) exec("DROP TABLE IF EXISTS documents");
  if (version != kSchemaVersion && (version < 2 || version > 4)) {
    exec("DROP TABLE IF EXISTS documents");
    exec("DROP TABLE IF EXISTS job_builds");
    exec("DROP TABLE IF EXISTS recommendation_history");
    exec("DROP TABLE IF EXISTS analyses");
  }
  exec("CREATE TABLE IF NOT EXISTS documents ("
       " sha256 TEXT NOT NULL, file_name TEXT NOT NULL, reader TEXT NOT NULL, reader_version TEXT NOT NULL,"
       " data BLOB NOT NULL, stored_at INTEGER NOT NULL,"
       " PRIMARY KEY (sha256, file_name, reader, reader_version))");
  // What each source file was when last read (SourceStat): an unchanged file is not read.
  exec("CREATE TABLE IF NOT EXISTS source_stats ("
       " path TEXT PRIMARY KEY, device INTEGER NOT NULL, inode INTEGER NOT NULL, size INTEGER NOT NULL,"
       " mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL, file_name TEXT NOT NULL,"
       " reader TEXT NOT NULL, reader_version TEXT NOT NULL, readers TEXT NOT NULL)");
  // Annotations by analysis key (pipeline.cpp, analysis_key): reused while nothing they
  // depend on changed.
  exec("CREATE TABLE IF NOT EXISTS analyses ("
       " key TEXT PRIMARY KEY, annotations BLOB NOT NULL, stored_at INTEGER NOT NULL)");
  // The last successful build of each job, and what it held (for the atom feed).
  exec("CREATE TABLE IF NOT EXISTS job_builds ("
       " job TEXT PRIMARY KEY, build_time INTEGER NOT NULL, recorded_at INTEGER NOT NULL)");
  exec("CREATE TABLE IF NOT EXISTS recommendation_history ("
       " job TEXT NOT NULL, address TEXT NOT NULL, fingerprint TEXT NOT NULL,"
       " first_seen INTEGER NOT NULL, last_changed INTEGER NOT NULL,"
       " PRIMARY KEY (job, address))");
  if (version != kSchemaVersion) exec(("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str());
  // The history is what a lost store costs most (every recommendation announced again), and
  // small: checked on every open. The cache is checked when SQLite finds damage in it.
  for (const char* table : {"job_builds", "recommendation_history"}) {
    const std::string problem = integrity_problem(db_, file_, (std::string("PRAGMA quick_check(") + table + ")").c_str());
    if (!problem.empty())
      throw StoreError(StoreError::Kind::damaged, "store " + file_.string() + " is damaged (" + problem + ")");
  }
}

void Store::open_read_only() {
  db_ = open_for_reading(file_);
  sqlite3_busy_timeout(db_, 5000);
  int version = 0;
  {
    Statement s(db_, "PRAGMA user_version", file_);
    if (s.row()) version = s.integer(0);
  }
  if (version != kSchemaVersion) {
    close();
    throw StoreError(StoreError::Kind::io, "store " + file_.string() + ": of store schema " + std::to_string(version) +
                                               ", which only a store that can be written is brought to " +
                                               std::to_string(kSchemaVersion));
  }
}

void Store::recover(const std::string& reason) {
  close();
  const fs::path aside = file_.string() + ".corrupt";
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(aside.string() + suffix, ec);
  fs::rename(file_, aside, ec);
  if (ec)
    throw StoreError(StoreError::Kind::io, reason + ", and it could not be moved aside to " + aside.string() + ": " +
                                               ec.message());
  // The write-ahead log holds its last transactions: it goes with it, and must never be
  // read as the new store's.
  fs::rename(file_.string() + "-wal", aside.string() + "-wal", ec);
  fs::remove(file_.string() + "-shm", ec);
  try {
    open();
  } catch (const StoreError& e) {
    throw StoreError(e.kind(), reason + ": moved aside to " + aside.string() + ", but no new store could be started (" +
                                   e.what() + "); its build history is still in " + aside.string());
  }
  std::string outcome;
  try {
    History history;
    sqlite3* old = open_for_reading(aside);
    try {
      history = read_history(old, aside, nullptr);
    } catch (...) {
      sqlite3_close(old);
      throw;
    }
    sqlite3_close(old);
    in_transaction([&] {
      for (const auto& [job, state] : history) write_job_state(job, state);
    });
    std::size_t recommendations = 0;
    for (const auto& entry : history) recommendations += entry.second.recommendations.size();
    outcome = history.empty() ? "it held no build history"
                              : "the build history (" + std::to_string(history.size()) + " job(s), " +
                                    std::to_string(recommendations) + " recommendations) was copied into the new store";
  } catch (const std::exception& e) {
    outcome = "its build history could not be read (" + std::string(e.what()) +
              "): it is lost, and the next Atom feed of each of its jobs lists every recommendation as new";
  }
  spdlog::warn("{}: moved aside to {} and a new store started; {}; documents and analyses are made again", reason,
               aside.string(), outcome);
}

void Store::exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail();
}

template <typename F>
auto Store::noting_damage(F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const StoreError& e) {
    if (e.kind() != StoreError::Kind::damaged || damaged_) throw;
    // Said once: then the cache is left alone, and the store checked when it is closed.
    damaged_ = true;
    throw StoreError(e.kind(), std::string(e.what()) +
                                   "; its cache is not used for the rest of this build, and the store is checked "
                                   "when the build ends");
  }
}

void Store::in_transaction(const std::function<void()>& body) {
  exec("BEGIN IMMEDIATE");
  try {
    body();
    exec("COMMIT");
  } catch (...) {
    // A failed statement may have ended the transaction already (SQLITE_FULL can); either
    // way nothing of it is committed.
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

namespace {

// A blob read straight into `out` (its capacity reused), not through a value SQLite allocates
// for each row (a page fault per 4 KiB of a large document).
void read_blob(sqlite3* db, const fs::path& file, const char* table, const char* column, sqlite3_int64 rowid,
               std::string& out) {
  sqlite3_blob* blob = nullptr;
  if (sqlite3_blob_open(db, "main", table, column, rowid, 0, &blob) != SQLITE_OK) {
    StoreError error = store_error(db, file);
    sqlite3_blob_close(blob);
    throw error;
  }
  out.resize(static_cast<std::size_t>(sqlite3_blob_bytes(blob)));
  if (!out.empty() && sqlite3_blob_read(blob, out.data(), static_cast<int>(out.size()), 0) != SQLITE_OK) {
    StoreError error = store_error(db, file);
    sqlite3_blob_close(blob);
    throw error;
  }
  sqlite3_blob_close(blob);
}

}  // namespace

std::optional<Document> Store::find(const DocumentKey& key) {
  // The thread's buffer keeps its pages: a fresh string per document, most of them larger than
  // malloc maps anew each time, cost a page fault per 4 KiB copied (perf, a GA rebuild).
  thread_local std::string data;
  {
    std::lock_guard<std::mutex> guard(mutex_);
    if (damaged_) return std::nullopt;
    const bool found = noting_damage([&] {
      if (!find_statement_)
        find_statement_ = std::make_unique<Statement>(
            db_, "SELECT rowid FROM documents WHERE sha256=?1 AND file_name=?2 AND reader=?3 AND reader_version=?4",
            file_);
      Statement& s = *find_statement_;
      s.reset();
      s.bind(1, key.sha256);
      s.bind(2, key.file_name);
      s.bind(3, key.reader);
      s.bind(4, key.reader_version);
      const bool row = s.row();
      // Read while the statement holds its read transaction: the row cannot change meanwhile.
      if (row) read_blob(db_, file_, "documents", "data", s.integer64(0), data);
      s.reset();
      return row;
    });
    if (!found) return std::nullopt;
  }
  // Decoded outside the lock: the read stage's workers decode side by side. An outsized
  // buffer is not kept for the rest of the thread's life.
  std::optional<Document> document;
  try {
    document = decode_document(data);
  } catch (const std::exception&) {
    // a damaged entry is parsed again and replaced
  }
  if (data.capacity() > (std::size_t(16) << 20)) std::string().swap(data);
  return document;
}

std::vector<DocumentKey> Store::document_keys() {
  std::lock_guard<std::mutex> guard(mutex_);
  if (damaged_) return {};
  return noting_damage([&]() -> std::vector<DocumentKey> {
    Statement s(db_, "SELECT sha256, file_name, reader, reader_version FROM documents", file_);
    std::vector<DocumentKey> keys;
    while (s.row()) keys.push_back({s.text(0), s.text(1), s.text(2), s.text(3)});
    return keys;
  });
}

void Store::put(const DocumentKey& key, const Document& document) {
  std::string data;
  encode_document(document, data);  // outside the lock
  std::lock_guard<std::mutex> guard(mutex_);
  if (read_only_ || cache_off_ || damaged_) return;
  cache_write([&] {
    Statement s(db_,
                "INSERT OR REPLACE INTO documents (sha256, file_name, reader, reader_version, data, stored_at)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                file_);
    s.bind(1, key.sha256);
    s.bind(2, key.file_name);
    s.bind(3, key.reader);
    s.bind(4, key.reader_version);
    s.bind_blob(5, data);
    s.bind(6, static_cast<sqlite3_int64>(std::time(nullptr)));
    s.run();
  });
}

std::unordered_map<std::string, SourceStat> Store::source_stats() {
  std::lock_guard<std::mutex> guard(mutex_);
  if (damaged_) return {};
  return noting_damage([&]() -> std::unordered_map<std::string, SourceStat> {
    Statement s(db_,
                "SELECT path, device, inode, size, mtime_ns, ctime_ns, sha256, file_name, reader, reader_version, readers"
                " FROM source_stats",
                file_);
    std::unordered_map<std::string, SourceStat> stats;
    while (s.row()) {
      SourceStat stat{s.text(0), s.integer64(1), s.integer64(2), s.integer64(3), s.integer64(4), s.integer64(5),
                      {s.text(6), s.text(7), s.text(8), s.text(9)}, s.text(10)};
      std::string path = stat.path;
      stats.emplace(std::move(path), std::move(stat));
    }
    return stats;
  });
}

void Store::put_source_stats(const std::vector<SourceStat>& stats) {
  std::lock_guard<std::mutex> guard(mutex_);
  if (read_only_ || cache_off_ || damaged_ || stats.empty()) return;
  cache_write([&] {
    in_transaction([&] {
      Statement s(db_,
                  "INSERT OR REPLACE INTO source_stats (path, device, inode, size, mtime_ns, ctime_ns, sha256, file_name,"
                  " reader, reader_version, readers) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                  file_);
      for (const SourceStat& stat : stats) {
        s.bind(1, stat.path);
        s.bind(2, sqlite3_int64{stat.device});
        s.bind(3, sqlite3_int64{stat.inode});
        s.bind(4, sqlite3_int64{stat.size});
        s.bind(5, sqlite3_int64{stat.mtime_ns});
        s.bind(6, sqlite3_int64{stat.ctime_ns});
        s.bind(7, stat.key.sha256);
        s.bind(8, stat.key.file_name);
        s.bind(9, stat.key.reader);
        s.bind(10, stat.key.reader_version);
        s.bind(11, stat.readers);
        s.run();
        s.reset();
      }
    });
  });
}

std::optional<std::string> Store::find_analysis(const std::string& key) {
  std::lock_guard<std::mutex> guard(mutex_);
  if (damaged_) return std::nullopt;
  return noting_damage([&]() -> std::optional<std::string> {
    Statement s(db_, "SELECT annotations FROM analyses WHERE key=?1", file_);
    s.bind(1, key);
    if (!s.row()) return std::nullopt;
    return s.text(0);
  });
}

void Store::put_analysis(const std::string& key, const std::string& encoded) {
  std::lock_guard<std::mutex> guard(mutex_);
  if (read_only_ || cache_off_ || damaged_) return;
  cache_write([&] {
    Statement s(db_, "INSERT OR REPLACE INTO analyses (key, annotations, stored_at) VALUES (?1, ?2, ?3)", file_);
    s.bind(1, key);
    s.bind(2, encoded);
    s.bind(3, static_cast<sqlite3_int64>(std::time(nullptr)));
    s.run();
  });
}

void Store::cache_write(const std::function<void()>& body) {
  try {
    noting_damage(body);
  } catch (const StoreError& e) {
    // One warning, not one per document: a full disk stays full for the rest of the build.
    cache_off_ = true;
    if (e.kind() == StoreError::Kind::damaged) throw;  // noting_damage said it all
    throw StoreError(e.kind(), std::string(e.what()) + "; nothing more is cached in this build");
  }
}

std::pair<std::size_t, std::size_t> Store::merge_from(const fs::path& other) {
  std::lock_guard<std::mutex> guard(mutex_);
  if (read_only_) throw StoreError(StoreError::Kind::io, "store " + file_.string() + " is open for reading only");
  {
    // Looked at on its own first: ATTACH would create a missing file, and a store of another
    // schema must be refused, not half-copied (nor moved aside as the constructor would).
    sqlite3* part = nullptr;
    int version = -1;
    if (sqlite3_open_v2(other.c_str(), &part, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* s = nullptr;
      if (sqlite3_prepare_v2(part, "PRAGMA user_version", -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        version = sqlite3_column_int(s, 0);
      sqlite3_finalize(s);
    }
    sqlite3_close(part);
    if (version != kSchemaVersion)
      throw std::runtime_error("store " + other.string() +
                               (version < 0 ? ": cannot be opened" : ": not a store of this version of dossier"));
  }
  Statement attach(db_, "ATTACH DATABASE ?1 AS part", file_);
  attach.bind(1, other.string());
  attach.run();
  std::pair<std::size_t, std::size_t> counts{0, 0};
  try {
    in_transaction([&] {
      exec("INSERT OR REPLACE INTO main.documents SELECT * FROM part.documents");
      counts.first = static_cast<std::size_t>(sqlite3_changes(db_));
      exec("INSERT OR REPLACE INTO main.analyses SELECT * FROM part.analyses");
      counts.second = static_cast<std::size_t>(sqlite3_changes(db_));
    });
  } catch (...) {
    sqlite3_exec(db_, "DETACH DATABASE part", nullptr, nullptr, nullptr);
    throw;
  }
  exec("DETACH DATABASE part");
  return counts;
}

Store::JobState Store::job_state(const std::string& job) {
  std::lock_guard<std::mutex> guard(mutex_);
  History history = noting_damage([&] { return read_history(db_, file_, &job); });
  const auto it = history.find(job);
  return it == history.end() ? JobState{} : std::move(it->second);
}

void Store::write_job_state(const std::string& job, const JobState& state) {
  {
    Statement s(db_, "DELETE FROM recommendation_history WHERE job=?1", file_);
    s.bind(1, job);
    s.run();
  }
  {
    Statement s(db_, "INSERT OR REPLACE INTO job_builds (job, build_time, recorded_at) VALUES (?1, ?2, ?3)", file_);
    s.bind(1, job);
    s.bind(2, static_cast<sqlite3_int64>(state.build_time));
    s.bind(3, static_cast<sqlite3_int64>(std::time(nullptr)));
    s.run();
  }
  Statement s(db_,
              "INSERT INTO recommendation_history (job, address, fingerprint, first_seen, last_changed)"
              " VALUES (?1, ?2, ?3, ?4, ?5)",
              file_);
  for (const auto& [address, r] : state.recommendations) {
    s.reset();
    s.bind(1, job);
    s.bind(2, address);
    s.bind(3, r.fingerprint);
    s.bind(4, static_cast<sqlite3_int64>(r.first_seen));
    s.bind(5, static_cast<sqlite3_int64>(r.last_changed));
    s.run();
  }
}

void Store::record_job_state(const std::string& job, const JobState& state) {
  std::lock_guard<std::mutex> guard(mutex_);
  if (read_only_) throw StoreError(StoreError::Kind::io, "store " + file_.string() + " is open for reading only");
  noting_damage([&] { in_transaction([&] { write_job_state(job, state); }); });
}

void Store::write_with(const std::function<void(sqlite3*)>& body) {
  std::lock_guard<std::mutex> guard(mutex_);
  if (read_only_ || cache_off_ || damaged_) return;
  cache_write([&] { in_transaction([&] { body(db_); }); });
}

void Store::read_with(const std::function<void(sqlite3*)>& body) {
  std::lock_guard<std::mutex> guard(mutex_);
  noting_damage([&] { body(db_); });
}

}  // namespace dossier::host
