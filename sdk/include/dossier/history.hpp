// What changed since the previous build of the same job, for exporters that publish changes
// (the `atom` feed). The host computes it from its store; plugins only read it.
#pragma once

#include <cstdint>
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

/// Per-recommendation history. A recommendation "changed" when its text, kind, addressee,
/// recommending States or SDG/GCM codes differ from the previous build. A build is recorded
/// only when all of it succeeded, so a failed build never hides a change from the next one.
/// This class itself is the empty history: the host's derives from it.
class DOSSIER_SDK_API BuildHistory {
 public:
  virtual ~BuildHistory();
  /// False when the host keeps no history for this build (--no-cache, or `dossier run`);
  /// then there is no previous build and every item is `added`.
  virtual bool available() const;
  /// build_time of the previous recorded build, -1 when there is none (the first build).
  virtual std::int64_t previous_build_time() const;
  bool has_previous() const { return previous_build_time() >= 0; }
  /// The history of the recommendation at `address`. One this history does not know is
  /// `added`, with both times 0 (take the build's build_time).
  virtual ItemHistory recommendation(std::string_view address) const;
};

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
