// The commit stage of a build: the exporters' prepared files renamed into place together,
// once every exporter has run, and recorded for the manifest.
#pragma once

#include "build_record.hpp"
#include "pipeline.hpp"
#include "stage_export.hpp"

namespace dossier::host {

/// Puts the files of each exporter that succeeded in place of the earlier outputs (a
/// failure to do so fails that exporter), logs and records each file written, and records
/// the exporters' timings in `record`.
void commit_stage(const RunSpec& spec, PreparedExports& prepared, BuildRecord& record, RunReport& report);

}  // namespace dossier::host
