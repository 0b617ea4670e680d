// Opens a build's store and merges partial stores into it (stage_store.hpp).
#include "stage_store.hpp"

#include <spdlog/spdlog.h>

namespace dossier::host {

namespace fs = std::filesystem;

std::unique_ptr<Store> open_store(const RunSpec& spec) {
  std::unique_ptr<Store> store;
  if (spec.use_cache) {
    fs::path file = spec.cache_file.empty() ? default_cache_file(spec.output_dir) : spec.cache_file;
    if (spec.shard_count > 0) file = shard_store_file(spec.output_dir, spec.shard_index, spec.shard_count);
    try {
      store = std::make_unique<Store>(file);
    } catch (const std::exception& e) {
      spdlog::warn("{}; building without the store", e.what());
    }
  }
  return store;
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
