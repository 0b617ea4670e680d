#include "shard.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>

#include "pipeline.hpp"

namespace dossier::host {

namespace fs = std::filesystem;

namespace {

bool to_number(const char* text, long long& out) {
  if (!text || !*text) return false;
  char* end = nullptr;
  out = std::strtoll(text, &end, 10);
  return end && *end == '\0';
}

bool from_environment(Shard& shard, std::string& error) {
  long long index = 0, count = 0, min = 0;
  if (const char* k8s = std::getenv("JOB_COMPLETION_INDEX")) {
    if (!to_number(k8s, index) || index < 0) {
      error = "--shard auto: JOB_COMPLETION_INDEX is not a number: '" + std::string(k8s) + "'";
      return false;
    }
    if (!to_number(std::getenv("DOSSIER_SHARDS"), count) || count < 1) {
      error = "--shard auto: JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job) but DOSSIER_SHARDS, "
              "the number of shards (the Job's completions), is not";
      return false;
    }
    index += 1;
  } else if (const char* slurm = std::getenv("SLURM_ARRAY_TASK_ID")) {
    if (!to_number(slurm, index) || !to_number(std::getenv("SLURM_ARRAY_TASK_COUNT"), count) || count < 1) {
      error = "--shard auto: SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT must both be numbers";
      return false;
    }
    if (!to_number(std::getenv("SLURM_ARRAY_TASK_MIN"), min)) min = 0;
    index = index - min + 1;
  } else {
    error = "--shard auto: neither a Kubernetes Indexed Job (JOB_COMPLETION_INDEX with DOSSIER_SHARDS) nor a "
            "Slurm job array (SLURM_ARRAY_TASK_ID) is in the environment; give --shard K/N";
    return false;
  }
  if (index < 1 || index > count) {
    error = "--shard auto: shard " + std::to_string(index) + " is not between 1 and " + std::to_string(count) +
            " (a Slurm array must be contiguous, e.g. --array=1-4)";
    return false;
  }
  shard = {static_cast<std::size_t>(index), static_cast<std::size_t>(count)};
  return true;
}

}  // namespace

bool parse_shard(const std::string& text, Shard& shard, std::string& error) {
  if (text == "auto") return from_environment(shard, error);
  static const std::regex form(R"(([0-9]{1,9})/([0-9]{1,9}))");
  std::smatch m;
  if (!std::regex_match(text, m, form)) {
    error = "--shard: expected K/N (e.g. 2/4) or auto, not '" + text + "'";
    return false;
  }
  const auto k = std::stoul(m[1]), n = std::stoul(m[2]);
  if (n < 1 || k < 1 || k > n) {
    error = "--shard " + text + ": K must be between 1 and N";
    return false;
  }
  shard = {k, n};
  return true;
}

bool partial_stores(const fs::path& output_dir, const std::vector<std::string>& given, std::vector<fs::path>& stores,
                    std::string& error) {
  stores.clear();
  static const std::regex name(R"(shard-([0-9]+)-of-([0-9]+)\.sqlite)");
  std::map<std::size_t, std::set<std::size_t>> by_count;  // N -> the K present
  auto note = [&](const fs::path& p) {
    std::smatch m;
    const std::string file = p.filename().string();
    if (std::regex_match(file, m, name)) by_count[std::stoul(m[2])].insert(std::stoul(m[1]));
  };
  if (!given.empty()) {
    for (const auto& g : given) {
      std::error_code ec;
      if (!fs::is_regular_file(g, ec)) {
        error = "partial store " + g + " does not exist";
        return false;
      }
      stores.emplace_back(g);
    }
    return true;  // named by the user: taken as they are
  }
  const fs::path dir = shard_store_file(output_dir, 1, 1).parent_path();
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) note(it->path());
  if (by_count.empty()) {
    error = "no partial stores in " + dir.string() +
            " (run `dossier build JOB --shard K/N` for every K first; after a merge they are gone, and "
            "`dossier build JOB` reuses what they held)";
    return false;
  }
  if (by_count.size() > 1) {
    error = "partial stores of different shard counts in " + dir.string() + "; name the ones to merge";
    return false;
  }
  const auto& [count, present] = *by_count.begin();
  for (std::size_t k = 1; k <= count; ++k) {
    if (!present.count(k)) {
      error = "shard " + std::to_string(k) + " of " + std::to_string(count) + " is missing (" +
              shard_store_file(output_dir, k, count).string() + "); run it, then merge";
      return false;
    }
    stores.push_back(shard_store_file(output_dir, k, count));
  }
  return true;
}

}  // namespace dossier::host
