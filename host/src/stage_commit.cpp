// Puts the exporters' prepared files in place (stage_commit.hpp).
#include "stage_commit.hpp"

#include <spdlog/spdlog.h>

namespace dossier::host {

void commit_stage(const RunSpec& spec, PreparedExports& prepared, BuildRecord& record, RunReport& report) {
  for (std::size_t i = 0; i < prepared.sinks.size(); ++i) {
    ExportResult& result = report.exports[i];
    if (!result.ok) continue;
    try {
      prepared.sinks[i]->commit();
      result.files = prepared.sinks[i]->written();
    } catch (const std::exception& e) {
      result.ok = false;
      result.error = e.what();
      fail_export(report, prepared, result, *prepared.export_libs[i], "failed: " + result.error);
    }
    for (const auto& w : result.files) {
      spdlog::info("wrote {} ({} bytes)", w.path.string(), w.bytes);
      record.outputs.push_back({{"file", w.name},
                                {"bytes", w.bytes},
                                {"sha256", w.sha256},
                                {"plugin", result.plugin},
                                {"version", result.version}});
    }
  }
  prepared.sinks.clear();
  // Those of a child that crashed or was killed: its pid is dead now, so they count as stale.
  if (prepared.sweep_temporaries) remove_stale_temporaries(spec.output_dir);
  record.timings["export"] = prepared.export_timings;
}

}  // namespace dossier::host
