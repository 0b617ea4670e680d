#include "store.hpp"

#include <sqlite3.h>

#include <ctime>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "document_codec.hpp"

namespace dossier::host {

namespace fs = std::filesystem;

namespace {

// Bumped when the cached form changes; an older store is emptied, not misread, except
// where a migration below keeps it.
// 2: references with spans and new types; 3: build history; 4: analyses; 5: documents
// encoded as bytes (document_codec.hpp), not JSON.
constexpr int kSchemaVersion = 5;

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("store: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  void bind(int index, const std::string& value) {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  }
  void bind_blob(int index, const std::string& value) {
    sqlite3_bind_blob(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  }
  void bind(int index, sqlite3_int64 value) { sqlite3_bind_int64(stmt_, index, value); }
  int step() { return sqlite3_step(stmt_); }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string text(int column) {
    const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    return data ? std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
  }
  int integer(int column) { return sqlite3_column_int(stmt_, column); }
  std::int64_t integer64(int column) { return sqlite3_column_int64(stmt_, column); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace

Store::Store(const fs::path& file) : file_(file) {
  std::error_code ec;
  if (file_.has_parent_path()) fs::create_directories(file_.parent_path(), ec);
  try {
    open();
  } catch (const std::exception&) {
    // Not a store we can use: keep it for inspection, start afresh.
    if (db_) sqlite3_close(db_);
    db_ = nullptr;
    fs::rename(file_, fs::path(file_.string() + ".corrupt"), ec);
    spdlog::warn("store {} was unusable; moved aside to {}.corrupt and started afresh", file_.string(),
                 file_.string());
    open();
  }
}

Store::~Store() {
  if (db_) sqlite3_close(db_);
}

void Store::open() {
  if (sqlite3_open_v2(file_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
    throw std::runtime_error("store " + file_.string() + ": " + (db_ ? sqlite3_errmsg(db_) : "cannot open"));
  sqlite3_busy_timeout(db_, 5000);
  // WAL: readers never block the writer, and a killed build leaves the store consistent.
  exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=NORMAL");
  int version = 0;
  {
    Statement s(db_, "PRAGMA user_version");
    if (s.step() == SQLITE_ROW) version = s.integer(0);
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
}

void Store::exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error("store " + file_.string() + ": " + message);
  }
}

std::optional<Document> Store::find(const DocumentKey& key) {
  std::lock_guard<std::mutex> guard(mutex_);
  Statement s(db_,
              "SELECT data FROM documents WHERE sha256=?1 AND file_name=?2 AND reader=?3 AND reader_version=?4");
  s.bind(1, key.sha256);
  s.bind(2, key.file_name);
  s.bind(3, key.reader);
  s.bind(4, key.reader_version);
  if (s.step() != SQLITE_ROW) return std::nullopt;
  try {
    return decode_document(s.text(0));
  } catch (const std::exception&) {
    return std::nullopt;  // a damaged entry is parsed again and replaced
  }
}

std::vector<DocumentKey> Store::document_keys() {
  std::lock_guard<std::mutex> guard(mutex_);
  Statement s(db_, "SELECT sha256, file_name, reader, reader_version FROM documents");
  std::vector<DocumentKey> keys;
  while (s.step() == SQLITE_ROW) keys.push_back({s.text(0), s.text(1), s.text(2), s.text(3)});
  return keys;
}

void Store::put(const DocumentKey& key, const Document& document) {
  std::string data;
  encode_document(document, data);  // outside the lock
  std::lock_guard<std::mutex> guard(mutex_);
  Statement s(db_,
              "INSERT OR REPLACE INTO documents (sha256, file_name, reader, reader_version, data, stored_at)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  s.bind(1, key.sha256);
  s.bind(2, key.file_name);
  s.bind(3, key.reader);
  s.bind(4, key.reader_version);
  s.bind_blob(5, data);
  s.bind(6, static_cast<sqlite3_int64>(std::time(nullptr)));
  if (s.step() != SQLITE_DONE) throw std::runtime_error("store " + file_.string() + ": " + sqlite3_errmsg(db_));
}

std::optional<std::string> Store::find_analysis(const std::string& key) {
  std::lock_guard<std::mutex> guard(mutex_);
  Statement s(db_, "SELECT annotations FROM analyses WHERE key=?1");
  s.bind(1, key);
  if (s.step() != SQLITE_ROW) return std::nullopt;
  return s.text(0);
}

void Store::put_analysis(const std::string& key, const std::string& encoded) {
  std::lock_guard<std::mutex> guard(mutex_);
  Statement s(db_, "INSERT OR REPLACE INTO analyses (key, annotations, stored_at) VALUES (?1, ?2, ?3)");
  s.bind(1, key);
  s.bind(2, encoded);
  s.bind(3, static_cast<sqlite3_int64>(std::time(nullptr)));
  if (s.step() != SQLITE_DONE) throw std::runtime_error("store " + file_.string() + ": " + sqlite3_errmsg(db_));
}

std::pair<std::size_t, std::size_t> Store::merge_from(const fs::path& other) {
  std::lock_guard<std::mutex> guard(mutex_);
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
  Statement attach(db_, "ATTACH DATABASE ?1 AS part");
  attach.bind(1, other.string());
  if (attach.step() != SQLITE_DONE)
    throw std::runtime_error("store " + other.string() + ": " + sqlite3_errmsg(db_));
  std::pair<std::size_t, std::size_t> counts{0, 0};
  try {
    exec("BEGIN IMMEDIATE");
    exec("INSERT OR REPLACE INTO main.documents SELECT * FROM part.documents");
    counts.first = static_cast<std::size_t>(sqlite3_changes(db_));
    exec("INSERT OR REPLACE INTO main.analyses SELECT * FROM part.analyses");
    counts.second = static_cast<std::size_t>(sqlite3_changes(db_));
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_exec(db_, "DETACH DATABASE part", nullptr, nullptr, nullptr);
    throw;
  }
  exec("DETACH DATABASE part");
  return counts;
}

Store::JobState Store::job_state(const std::string& job) {
  std::lock_guard<std::mutex> guard(mutex_);
  JobState state;
  {
    Statement s(db_, "SELECT build_time FROM job_builds WHERE job=?1");
    s.bind(1, job);
    if (s.step() != SQLITE_ROW) return state;
    state.build_time = s.integer64(0);
  }
  Statement s(db_, "SELECT address, fingerprint, first_seen, last_changed FROM recommendation_history WHERE job=?1");
  s.bind(1, job);
  while (s.step() == SQLITE_ROW) state.recommendations[s.text(0)] = {s.text(1), s.integer64(2), s.integer64(3)};
  return state;
}

void Store::record_job_state(const std::string& job, const JobState& state) {
  std::lock_guard<std::mutex> guard(mutex_);
  exec("BEGIN IMMEDIATE");
  try {
    const auto check = [&](int rc) {
      if (rc != SQLITE_DONE) throw std::runtime_error("store " + file_.string() + ": " + sqlite3_errmsg(db_));
    };
    {
      Statement s(db_, "DELETE FROM recommendation_history WHERE job=?1");
      s.bind(1, job);
      check(s.step());
    }
    {
      Statement s(db_, "INSERT OR REPLACE INTO job_builds (job, build_time, recorded_at) VALUES (?1, ?2, ?3)");
      s.bind(1, job);
      s.bind(2, static_cast<sqlite3_int64>(state.build_time));
      s.bind(3, static_cast<sqlite3_int64>(std::time(nullptr)));
      check(s.step());
    }
    Statement s(db_,
                "INSERT INTO recommendation_history (job, address, fingerprint, first_seen, last_changed)"
                " VALUES (?1, ?2, ?3, ?4, ?5)");
    for (const auto& [address, r] : state.recommendations) {
      s.reset();
      s.bind(1, job);
      s.bind(2, address);
      s.bind(3, r.fingerprint);
      s.bind(4, static_cast<sqlite3_int64>(r.first_seen));
      s.bind(5, static_cast<sqlite3_int64>(r.last_changed));
      check(s.step());
    }
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace dossier::host
