// A prepared SQLite statement over a store's connection, whose failures throw StoreError.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "store.hpp"

namespace dossier::host {

class Statement {
 public:
  Statement(sqlite3* db, const char* sql, const std::filesystem::path& file) : db_(db), file_(file) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) throw store_error(db_, file_);
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
  /// True for a row, false at the end; throws StoreError on failure (never a silent end).
  bool row() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw store_error(db_, file_);
  }
  void run() {
    if (row()) throw std::logic_error("store: a statement meant to change the store returned a row");
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string text(int column) {
    const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    return data ? std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
  }
  /// The column's bytes copied into `out`, whose capacity is reused.
  void copy_to(int column, std::string& out) {
    const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    out.assign(data ? data : "", data ? static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)) : 0);
  }
  int integer(int column) { return sqlite3_column_int(stmt_, column); }
  std::int64_t integer64(int column) { return sqlite3_column_int64(stmt_, column); }
  double real(int column) { return sqlite3_column_double(stmt_, column); }

 private:
  sqlite3* db_;
  const std::filesystem::path& file_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace dossier::host
