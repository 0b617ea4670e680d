// A job's build history (`dossier build`): what changed since the job's last recorded build,
// for the exporters (Context::history()), and this build recorded once it succeeded.
#pragma once

#include "dossier/corpus_view.hpp"
#include "pipeline.hpp"
#include "recorded_history.hpp"
#include "store.hpp"

namespace dossier::host {

/// With spec.keep_history and a store: compares this build's recommendations with the job's
/// last recorded build, filling `history` for the exporters and `next_state` with what to
/// record; `history_known` says whether it did. A damaged history is lost (a warning: the
/// feed lists everything as new); a history that cannot be read for another reason (an I/O
/// error) stops the build: false, with report.exit_code exit_failure.
bool compare_history(const RunSpec& spec, Store* store, const CorpusView& corpus, RecordedHistory& history,
                     Store::JobState& next_state, bool& history_known, RunReport& report);

/// Records `next_state` as the job's last build when the build had no errors and the store
/// can be written; otherwise the next build still reports what changed since the last
/// complete one. A failure to record it is an error of the build (report.errors).
void record_history(const RunSpec& spec, Store* store, const Store::JobState& next_state, RunReport& report);

}  // namespace dossier::host
