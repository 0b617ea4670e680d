// Opens a build's store and merges partial stores into it (stage_store.hpp).
#include "stage_store.hpp"

#include <spdlog/spdlog.h>

namespace dossier::host {

namespace fs = std::filesystem;

bool open_store(const RunSpec& spec, std::unique_ptr<Store>& store, RunReport& report) {
  if (!spec.use_cache) return true;
  fs::path file = spec.cache_file.empty() ? default_cache_file(spec.output_dir) : spec.cache_file;
  if (spec.shard_count > 0) file = shard_store_file(spec.output_dir, spec.shard_index, spec.shard_count);
  // Looked at before opening it, which creates it: an empty store holds no history.
  std::error_code ec;
  const bool may_hold_history = spec.keep_history && fs::file_size(file, ec) > 0 && !ec;
  std::string failure;
  bool disk_full = false;
  try {
    store = std::make_unique<Store>(file);
    return true;
  } catch (const StoreError& e) {
    // The file is as it was: only a damaged store is ever moved aside (by Store itself).
    failure = e.what();
    disk_full = e.kind() == StoreError::Kind::disk_full;
  } catch (const std::exception& e) {
    failure = "store " + file.string() + ": " + e.what();
  }
  // A shard's partial store, and the store `merge` copies into, are what those builds make.
  const bool must_write = spec.shard_count > 0 || !spec.merge_stores.empty();
  if (!must_write) {
    try {
      store = std::make_unique<Store>(file, Store::Access::read_only);
      spdlog::warn("{}; the store is only read in this build: nothing new is cached{}", failure,
                   spec.keep_history ? ", and this build's history is not recorded (the next build compares with "
                                       "the last recorded one)"
                                     : "");
      return true;
    } catch (const std::exception&) {
    }
    if (!may_hold_history) {
      spdlog::warn("{}; building without the store", failure);
      return true;
    }
  }
  // Without the job's history this build's Atom feed would list every recommendation as
  // new: better no build than that.
  const std::string why = spec.shard_count > 0   ? "a shard's partial store is what it builds"
                          : must_write           ? "merge copies the partial stores into it"
                                                 : "it holds the job's build history, without which the Atom feed would "
                                                   "list every recommendation as new";
  report.errors.push_back(failure);
  report.exit_code = exit_failure;
  spdlog::error("{}; nothing was built ({}); {}", failure, why,
                disk_full ? "free some space and build again" : "the store is left as it was; build again once it can be used");
  return false;
}

bool merge_partial_stores(const RunSpec& spec, Store* store, RunReport& report) {
  if (!spec.merge_stores.empty()) {
    if (!store) {
      report.errors.push_back("merge: the store " + default_cache_file(spec.output_dir).string() + " cannot be used");
      report.exit_code = exit_failure;
      return false;
    }
    for (const auto& part : spec.merge_stores) {
      try {
        const auto [documents, analyses] = store->merge_from(part);
        spdlog::info("merged {}: {} documents, {} analyses", part.string(), documents, analyses);
      } catch (const std::exception& e) {
        report.errors.push_back(std::string("merge: ") + e.what());
        spdlog::error("merge: {} (nothing built; the partial stores are kept)", e.what());
        report.exit_code = exit_input;
        return false;
      }
    }
    // Their content is in the store now: a later merge must not pick up stale shards.
    if (spec.remove_merged)
      for (const auto& part : spec.merge_stores)
        for (const char* suffix : {"", "-wal", "-shm"}) {
          std::error_code ec;
          fs::remove(part.string() + suffix, ec);
        }
  }
  return true;
}

}  // namespace dossier::host
