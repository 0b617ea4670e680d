// The embedded store: parsed documents cached in SQLite, keyed by what determines them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
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
  /// Replaces the recorded state of `job` by `state` in one transaction. Throws
  /// std::runtime_error when it cannot write.
  void record_job_state(const std::string& job, const JobState& state);

 private:
  void open();
  void exec(const char* sql);
  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
};

}  // namespace dossier::host
