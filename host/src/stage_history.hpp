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
/// record. False when there is no history this time (none kept, or the store failed: a
/// warning), `history` then empty.
bool compare_history(const RunSpec& spec, Store* store, const CorpusView& corpus, RecordedHistory& history,
                     Store::JobState& next_state);

/// Records `next_state` as the job's last build when the build had no errors; otherwise
/// the next build still reports what changed since the last complete one.
void record_history(const RunSpec& spec, Store* store, const Store::JobState& next_state, const RunReport& report);

}  // namespace dossier::host
