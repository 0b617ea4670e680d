// The host's log: human-readable lines on stderr, or JSON lines for log collectors.
#pragma once

#include <ctime>
#include <string>
#include <string_view>

#include <spdlog/common.h>

namespace dossier::host {

enum class LogFormat { text, json };

/// `text` as it may be shown on a terminal or in a line of a log: control characters (C0,
/// DEL, C1) and bytes that are not UTF-8 become escapes (`\n`, `\r`, `\t`, `\xNN`), so that a
/// name taken from input (a file, a job, a plugin) cannot start a line of its own, move the
/// cursor or change colours. Well-formed UTF-8 is kept as it is, and so is a backslash.
std::string printable(std::string_view text);

/// `when` in this machine's time zone, for people: "2026-12-06 10:41:07 +0100", or with
/// `iso` ISO 8601 "2026-12-06T10:41:07+01:00" (manifest.json's "built").
std::string local_time_text(std::time_t when, bool iso = false);

/// Installs the default logger on stderr. text: "dossier: warning: ...", coloured on a
/// terminal, each message through printable() (logging names needs no escaping of its own). json: one object per line, {"time": "2026-11-23T08:00:00.123Z", "level":
/// "warning", "message": "..."}, for journald, Loki, CI log parsers.
void setup_logging(spdlog::level::level_enum level, LogFormat format);

}  // namespace dossier::host
