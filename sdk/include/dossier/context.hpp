// What the host hands a plugin for one call: its options, a logger, build facts, and what
// changed since the previous build of the same job (for exporters that publish changes, the
// `atom` feed; the host computes it from its store, plugins only read it).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "dossier/options.hpp"
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

enum class LogLevel { debug, info, warn, error };

/// Facts about the build that outputs may record. `build_time` is fixed for the whole build
/// (and can be pinned with SOURCE_DATE_EPOCH) so that the same input gives the same bytes.
struct BuildInfo {
  std::string job_name;
  std::string language = "en";
  std::int64_t build_time = 0;  ///< seconds since the Unix epoch
  std::string host_version;
};

/// `seconds` since the epoch in UTC, formatted with strftime's `format` ("%Y-%m-%d",
/// "%Y-%m-%dT%H:%M:%SZ" for RFC 3339): how outputs print BuildInfo::build_time.
DOSSIER_SDK_API std::string format_utc(std::int64_t seconds, const char* format);

class DOSSIER_SDK_API Context {
 public:
  using LogSink = std::function<void(LogLevel, std::string_view plugin, std::string_view message)>;

  /// `history` (not owned) outlives every call; null: the empty history.
  Context(std::string plugin_name, Options options, BuildInfo build, LogSink log,
          const BuildHistory* history = nullptr);

  const std::string& plugin_name() const { return plugin_name_; }
  const Options& options() const { return options_; }
  const BuildInfo& build() const { return build_; }
  /// What changed since the previous build of the same job (BuildHistory above).
  const BuildHistory& history() const;

  void log(LogLevel level, std::string_view message) const;
  void debug(std::string_view message) const { log(LogLevel::debug, message); }
  void info(std::string_view message) const { log(LogLevel::info, message); }
  void warn(std::string_view message) const { log(LogLevel::warn, message); }
  void error(std::string_view message) const { log(LogLevel::error, message); }

 private:
  std::string plugin_name_;
  Options options_;
  BuildInfo build_;
  LogSink log_;
  const BuildHistory* history_;
};

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
