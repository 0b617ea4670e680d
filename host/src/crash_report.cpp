#include "crash_report.hpp"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>

#include "logging.hpp"
#include "progress.hpp"

namespace dossier::host {

namespace {

// Written outside the handler, read inside it: a fixed buffer, no allocation. One per thread:
// the handler runs on the thread that faulted, and reads what that thread was doing.
thread_local char activity[256] = "";
// Set by the first thread to fault; others that fault meanwhile wait for it to end the process.
std::atomic<bool> reporting{false};

const char* signal_name(int sig) {
  switch (sig) {
    case SIGSEGV: return "Segmentation fault";
    case SIGBUS: return "Bus error";
    case SIGILL: return "Illegal instruction";
    case SIGFPE: return "Floating point exception";
    case SIGABRT: return "Aborted";
    default: return "fatal signal";
  }
}

void write_all(const char* text) {
  size_t left = strlen(text);
  while (left > 0) {
    const ssize_t n = ::write(STDERR_FILENO, text, left);
    if (n <= 0) return;
    text += n;
    left -= static_cast<size_t>(n);
  }
}

// Appends `text` to the line being made in `line` (of `size` bytes), cutting what does not fit.
void append(char* line, size_t size, size_t& used, const char* text) {
  const size_t n = strlen(text);
  const size_t room = size - 1 - used;
  const size_t take = n < room ? n : room;
  memcpy(line + used, text, take);
  used += take;
  line[used] = '\0';
}

void on_fatal_signal(int sig) {
  if (reporting.exchange(true))
    for (;;) ::pause();  // the first one reports and ends the process
  Progress::clear_from_signal_handler();  // the message gets a line of its own
  // One write(2): another thread's log line cannot land inside this one.
  char line[512];
  size_t used = 0;
  line[0] = '\0';
  append(line, sizeof line, used, "dossier: fatal: ");
  append(line, sizeof line, used, signal_name(sig));
  if (activity[0]) {
    append(line, sizeof line, used, " while running ");
    append(line, sizeof line, used, activity);
  }
  static const char tail[] = "; the published outputs are intact, and nothing unfinished is published\n";
  if (used + sizeof tail > sizeof line) used = sizeof line - sizeof tail;  // the end of the line always
  append(line, sizeof line, used, tail);
  write_all(line);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

}  // namespace

void install_crash_report() {
  for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT}) {
    struct sigaction action {};
    action.sa_handler = on_fatal_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // not SA_RESETHAND: a second thread faulting must wait, not end it unreported
    ::sigaction(sig, &action, nullptr);
  }
}

ActivityScope::ActivityScope(const std::string& what) {
  // Escaped here, outside the handler: it names files, which may hold control characters.
  std::snprintf(activity, sizeof activity, "%s", printable(what).c_str());
}

ActivityScope::~ActivityScope() { activity[0] = '\0'; }

}  // namespace dossier::host
