// What changed since the previous build of the same job, for exporters that publish changes
// (the `atom` feed). The host computes it from its store; plugins only read it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// How an item compares with the previous recorded build of the same job.
enum class Change { added, changed, unchanged };

/// "added", "changed", "unchanged".
DOSSIER_SDK_API const char* to_string(Change change) noexcept;

struct ItemHistory {
  Change change = Change::added;
  std::int64_t first_seen = 0;    ///< build_time of the first recorded build that had it
  std::int64_t last_changed = 0;  ///< build_time of the build in which its content last changed
};

/// Per-recommendation history, keyed by address. A recommendation "changed" when its text,
/// kind, addressee, recommending States or SDG/GCM codes differ from the previous build.
/// A build is recorded only when all of it succeeded, so a failed build never hides a
/// change from the next one (docs/exporters/atom.md).
class DOSSIER_SDK_API BuildHistory {
 public:
  /// False when the host keeps no history for this build (no store: --no-cache, or
  /// `dossier run`); then there is no previous build and every item is `added`.
  bool available() const { return available_; }
  /// Whether an earlier build of this job was recorded; false on the first build.
  bool has_previous() const { return previous_build_time_ >= 0; }
  /// build_time of the previous recorded build, -1 when there is none.
  std::int64_t previous_build_time() const { return previous_build_time_; }

  /// The history of the recommendation at `address`. One this history does not know is
  /// `added`, with both times 0 (take the build's build_time).
  ItemHistory recommendation(std::string_view address) const;

  // Filled in by the host.
  void set_available(bool available) { available_ = available; }
  void set_previous_build_time(std::int64_t build_time) { previous_build_time_ = build_time; }
  void set_recommendation(std::string address, ItemHistory history);

 private:
  bool available_ = false;
  std::int64_t previous_build_time_ = -1;
  std::map<std::string, ItemHistory, std::less<>> recommendations_;
};

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
