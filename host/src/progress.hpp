// Progress bars for the long stages of a build, on a terminal only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace dossier::host {

/// A progress bar for one stage of a build on stderr, e.g.
///   read     [#########.........]  52/100 documents  0:03
/// Shown only when enabled (stderr is a terminal, text log format, info level); otherwise every call
/// does nothing and costs next to nothing.
///
/// The count lives in memory shared with forked child processes, so advance() in a child
/// (a plugin isolated in its own process) moves the parent's bar; a bar made in a child only
/// counts. One bar is on screen at a time: while a newer bar lives, older ones count but do
/// not draw.
class Progress {
 public:
  Progress(std::string label, std::size_t total, std::string unit = "documents");
  ~Progress();                       ///< clears the bar's line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void advance(std::size_t n = 1);   ///< thread-safe; redraws at most ~10 times a second
  std::size_t done() const;          ///< the count so far; 0 when disabled

  static void set_enabled(bool on);  ///< main.cpp: isatty(2) && text log && not quiet
  static bool enabled();

  /// For the log sink: runs `print` (which writes one log line to stderr) with the terminal to
  /// itself, after clearing a bar that is on screen; the bar comes back on the next advance().
  static void print_log_line(const std::function<void()>& print);

  /// Clears a bar that is on screen, for the fatal-signal handler; async-signal-safe.
  static void clear_from_signal_handler();

 private:
  struct Shared;
  void draw(bool force);

  std::string label_;
  std::string unit_;
  std::size_t total_ = 0;
  Shared* shared_ = nullptr;  ///< null when disabled
  std::uint64_t id_ = 0;
  std::uint64_t previous_owner_ = 0;
  std::int64_t started_ns_ = 0;
  int owner_pid_ = 0;
};

}  // namespace dossier::host
