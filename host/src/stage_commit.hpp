// The commit and publish stages of a build: the exporters' prepared files put together into
// the new output generation with the earlier files this build did not rewrite, recorded for
// the manifest, and the generation published in one step (output_generations.hpp).
#pragma once

#include "build_record.hpp"
#include "pipeline.hpp"
#include "stage_export.hpp"

namespace dossier::host {

/// Puts the files of each exporter that succeeded into the staging generation (a failure to
/// do so, or a name that clashes with Dossier's own files or another exporter's, fails that
/// exporter), carries over the current generation's files this build did not write (unless
/// spec.prune and every exporter succeeded), and
/// records both and the exporters' timings in `record`.
void commit_stage(const RunSpec& spec, PreparedExports& prepared, BuildRecord& record, RunReport& report);

/// Publishes the staging generation, which must hold its manifest.json by now. False, with
/// the earlier outputs unchanged, when there is nothing to publish or publishing fails (a
/// line in report.errors, exit_failure).
bool publish_stage(const RunSpec& spec, PreparedExports& prepared, RunReport& report);

}  // namespace dossier::host
