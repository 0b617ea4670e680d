// Compares a build with the job's last recorded one, and records it (stage_history.hpp).
#include "stage_history.hpp"

#include <map>
#include <set>
#include <string_view>

#include <spdlog/spdlog.h>

#include <dossier/domain/digest.hpp>

namespace dossier::host {

namespace {

// What makes a recommendation "changed" between builds (docs/exporters/atom.md): its words, kind,
// addressee, recommending States and the SDG/GCM codes it maps to; not scores.
std::string recommendation_fingerprint(const Recommendation& r, const std::set<std::string>& codes) {
  std::string key = r.text + '\x1f' + r.kind + '\x1f' + r.addressee + '\x1f';
  for (const auto& s : r.recommended_by) key += s + '\x1e';
  key += '\x1f';
  for (const auto& c : codes) key += c + '\x1e';
  return sha256_hex(key);
}

// Compares this build's recommendations with the job's last recorded build; fills `history`
// for the exporters and `next` with the state to record if the build succeeds.
void compare_with_previous_build(const CorpusView& corpus, const BuildInfo& build, const Store::JobState& previous,
                                 RecordedHistory& history, Store::JobState& next) {
  const std::int64_t now = build.build_time;
  history.set_available(true);
  history.set_previous_build_time(previous.build_time);
  next.build_time = now;
  std::size_t counts[3] = {0, 0, 0};
  for (const auto& doc : corpus.documents()) {
    for (const auto& r : doc.recommendations) {
      std::set<std::string> codes;
      for (const Annotation* a : corpus.annotations_of(r.address))
        if (a->scheme == dossier::scheme::sdg || a->scheme == dossier::scheme::gcm) codes.insert(a->scheme + ":" + a->code);
      const std::string fingerprint = recommendation_fingerprint(r, codes);
      const auto before = previous.recommendations.find(r.address);
      ItemHistory h{Change::added, now, now};
      if (before != previous.recommendations.end()) {
        h.first_seen = before->second.first_seen;
        if (before->second.fingerprint == fingerprint) {
          h.change = Change::unchanged;
          h.last_changed = before->second.last_changed;
        } else {
          h.change = Change::changed;
        }
      }
      ++counts[static_cast<int>(h.change)];
      history.set_recommendation(r.address, h);
      next.recommendations[r.address] = {fingerprint, h.first_seen, h.last_changed};
    }
  }
  if (previous.build_time < 0)
    spdlog::info("first recorded build of job '{}': {} recommendations", build.job_name, counts[0]);
  else
    spdlog::info("since the previous build of job '{}': {} recommendations added, {} changed, {} unchanged",
                 build.job_name, counts[0], counts[1], counts[2]);
}

}  // namespace

bool compare_history(const RunSpec& spec, Store* store, const CorpusView& corpus, RecordedHistory& history,
                     Store::JobState& next_state, bool& history_known, RunReport& report) {
  history_known = false;
  if (!store || !spec.keep_history) return true;
  try {
    compare_with_previous_build(corpus, spec.build, store->job_state(spec.build.job_name), history, next_state);
    history_known = true;
    return true;
  } catch (const std::exception& e) {
    history = RecordedHistory{};
    if (const auto* store_error = dynamic_cast<const StoreError*>(&e);
        store_error && store_error->kind() == StoreError::Kind::damaged) {
      spdlog::warn("{}: the build history of job '{}' cannot be read: it is lost, and this build's Atom feed lists "
                   "every recommendation as new",
                   e.what(), spec.build.job_name);
      return true;
    }
    // An I/O failure loses nothing: stopping keeps the feed from announcing everything.
    report.errors.push_back(e.what());
    report.exit_code = exit_failure;
    spdlog::error("{}: the build history of job '{}' could not be read; nothing was built (the Atom feed would list "
                  "every recommendation as new); the store is left as it was",
                  e.what(), spec.build.job_name);
    return false;
  }
}

void record_history(const RunSpec& spec, Store* store, const Store::JobState& next_state, RunReport& report) {
  if (!report.errors.empty()) {
    spdlog::warn("build history of job '{}' not recorded: the build had errors", spec.build.job_name);
  } else if (store->read_only()) {
    spdlog::warn("build history of job '{}' not recorded: the store {} is only read in this build (the next build "
                 "compares with the last recorded one)",
                 spec.build.job_name, store->file().string());
  } else {
    try {
      store->record_job_state(spec.build.job_name, next_state);
    } catch (const std::exception& e) {
      // Rolled back whole: the store still holds the last recorded build.
      report.errors.push_back(std::string(e.what()) + "; build history of job '" + spec.build.job_name +
                              "' not recorded");
      spdlog::error("{} (the next build compares with the last recorded one)", report.errors.back());
    }
  }
}

}  // namespace dossier::host
