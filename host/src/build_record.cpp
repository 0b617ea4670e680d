// Writes manifest.json from what the stages of a build recorded (build_record.hpp).
#include "build_record.hpp"

#include <spdlog/spdlog.h>

#include "logging.hpp"

namespace dossier::host {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void write_manifest(const RunSpec& spec, const std::filesystem::path& folder, const BuildRecord& record,
                    const CorpusHealth& health, RunReport& report) {
  nlohmann::ordered_json manifest = {
      {"dossier", spec.build.host_version},
      {"job", spec.build.job_name},
      {"build_time", spec.build.build_time},
      {"built", local_time_text(static_cast<std::time_t>(spec.build.build_time), true)},
      {"sources", record.sources},
      {"outputs", record.outputs},
      {"reuse", record.reuse},
      {"timings", record.timings},
      {"errors", report.errors},
      {"warnings", report.warnings},
      {"health", health_json(health)},
  };
  try {
    // A file name need not be UTF-8; JSON must be (such bytes become U+FFFD).
    write_file_atomically(folder / "manifest.json",
                          manifest.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
  } catch (const std::exception& e) {
    report.errors.push_back(std::string("manifest.json: ") + e.what());
    spdlog::error("could not write manifest.json: {}", e.what());
  }
}

}  // namespace dossier::host
