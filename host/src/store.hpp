// The embedded store: parsed documents and analyses cached in SQLite, keyed by what
// determines them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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

/// A SQLite file, safe to use from several threads (calls are serialised). Every failure to use it (unwritable folder, corrupt file, full disk) is
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
  /// The keys of every cached document, without decoding any: for a reader's child process
  /// to tell whether the file it sniffed needs parsing.
  std::vector<DocumentKey> document_keys();
  /// Throws std::runtime_error when it cannot write.
  void put(const DocumentKey& key, const Document& document);

  /// The annotations one analyzer made about one document, encoded (annotation_codec.hpp),
  /// by a key naming the document's content, the analyzer and everything it read.
  std::optional<std::string> find_analysis(const std::string& key);
  /// Throws std::runtime_error when it cannot write.
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
  /// Replaces the recorded state of `job` by `state` in one transaction. Throws
  /// std::runtime_error when it cannot write.
  void record_job_state(const std::string& job, const JobState& state);

 private:
  void open();
  void exec(const char* sql);
  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
  std::mutex mutex_;  // one connection, used by the worker threads in turn
};

}  // namespace dossier::host
