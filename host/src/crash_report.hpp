// Last words when a plugin crashes the process outright (segfault, abort).
#pragma once

#include <string>

namespace dossier::host {

/// Installs handlers for SIGSEGV, SIGBUS, SIGILL, SIGFPE and SIGABRT that print one line
/// naming what was running, then let the signal end the process as it would have.
void install_crash_report();

/// Marks what the process is doing now ("exporter json"), for the crash line.
class ActivityScope {
 public:
  explicit ActivityScope(const std::string& what);
  ~ActivityScope();
  ActivityScope(const ActivityScope&) = delete;
  ActivityScope& operator=(const ActivityScope&) = delete;
};

}  // namespace dossier::host
