// What manifest.json says of a build, gathered stage by stage, and the writing of it.
#pragma once

#include <chrono>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "health.hpp"
#include "pipeline.hpp"

namespace dossier::host {

/// The parts of manifest.json that the stages of a build fill in as they go.
struct BuildRecord {
  nlohmann::ordered_json sources = nlohmann::ordered_json::array();  ///< one per source read
  nlohmann::ordered_json outputs = nlohmann::ordered_json::array();  ///< one per file written
  nlohmann::ordered_json reuse;  ///< what came from the store: documents, analyses
  nlohmann::ordered_json timings = nlohmann::ordered_json::object();  ///< seconds per stage
};

/// Seconds since `start`, for the timings.
double seconds_since(std::chrono::steady_clock::time_point start);

/// Writes `folder`/manifest.json (the staging generation's); a failure to write it becomes a
/// line in report.errors.
void write_manifest(const RunSpec& spec, const std::filesystem::path& folder, const BuildRecord& record,
                    const CorpusHealth& health, RunReport& report);

}  // namespace dossier::host
