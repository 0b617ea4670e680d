// The embedded store: parsed documents cached in SQLite, keyed by what determines them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "dossier/model.hpp"

struct sqlite3;

namespace dossier::host {

/// What a parsed document depends on: the bytes, the file name (ids of documents without
/// a symbol come from it) and the reader that made it.
struct DocumentKey {
  std::string sha256;
  std::string file_name;
  std::string reader;
  std::string reader_version;
};

/// A SQLite file. Every failure to use it (unwritable folder, corrupt file, full disk) is
/// reported by the caller as a warning: the build goes on without the cache.
class Store {
 public:
  /// Opens or creates the store. A file that is not a usable store is moved aside
  /// ("NAME.corrupt") and a new one created. Throws std::runtime_error if neither works.
  explicit Store(const std::filesystem::path& file);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::filesystem::path& file() const { return file_; }

  std::optional<Document> find(const DocumentKey& key);
  /// Throws std::runtime_error when it cannot write.
  void put(const DocumentKey& key, const Document& document);

 private:
  void open();
  void exec(const char* sql);
  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
};

}  // namespace dossier::host
