// The host's log: human-readable lines on stderr, or JSON lines for log collectors.
#pragma once

#include <spdlog/common.h>

namespace dossier::host {

enum class LogFormat { text, json };

/// Installs the default logger on stderr. text: "dossier: warning: ...", coloured on a
/// terminal. json: one object per line, {"time": "2026-11-23T08:00:00.123Z", "level":
/// "warning", "message": "..."}, for journald, Loki, CI log parsers.
void setup_logging(spdlog::level::level_enum level, LogFormat format);

}  // namespace dossier::host
