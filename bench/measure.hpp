// Shared by the benchmark drivers: one measured run in a forked child.
//
// Each run is a forked child, so that no run inherits another's heap. Memory is the peak
// resident size the run added: the child resets its high-water mark (/proc/self/clear_refs)
// and subtracts what was resident before (the input, shared with the parent), after handing
// free heap back to the system so that the run cannot reuse it unseen.
#pragma once

#include <malloc.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace bench {

inline long status_kb(const char* key) {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind(key, 0) == 0) return std::stol(line.substr(std::strlen(key) + 1));
  return -1;
}

inline long minor_faults() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return u.ru_minflt;
}

inline double cpu_seconds() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  const auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

struct Run {
  double seconds = 0;
  double cpu_seconds = 0;  ///< user + system: less disturbed than wall time on a busy machine
  double peak_mb = 0;      ///< resident memory the run added at its peak
  long page_faults = 0;    ///< minor page faults of the run (first touches of memory)
};

inline Run measured(const std::function<void()>& work) {
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    Run r;
    try {
      ::malloc_trim(0);
      std::ofstream("/proc/self/clear_refs") << "5";  // reset VmHWM to the current RSS
      const long before = status_kb("VmRSS:");
      const double cpu0 = cpu_seconds();
      const long faults0 = minor_faults();
      const auto t0 = std::chrono::steady_clock::now();
      work();
      r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      r.cpu_seconds = cpu_seconds() - cpu0;
      r.page_faults = minor_faults() - faults0;
      r.peak_mb = static_cast<double>(status_kb("VmHWM:") - before) / 1024.0;
    } catch (const std::exception& e) {
      std::cerr << "bench: " << e.what() << "\n";
      r.seconds = -1;
    }
    if (::write(fds[1], &r, sizeof r) != static_cast<ssize_t>(sizeof r)) ::_exit(2);
    ::_exit(0);
  }
  ::close(fds[1]);
  Run r;
  const bool got = ::read(fds[0], &r, sizeof r) == static_cast<ssize_t>(sizeof r);
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!got || r.seconds < 0) throw std::runtime_error("a benchmark run failed");
  return r;
}

/// `runs` measured runs of `work`, one after the other.
inline std::vector<Run> measured_runs(int runs, const std::function<void()>& work) {
  std::vector<Run> out;
  for (int r = 0; r < runs; ++r) out.push_back(measured(work));
  return out;
}

inline nlohmann::json to_json(const Run& r) {
  return {{"seconds", r.seconds}, {"cpu_seconds", r.cpu_seconds}, {"peak_mb", r.peak_mb}, {"page_faults", r.page_faults}};
}

inline nlohmann::json to_json(const std::vector<Run>& runs) {
  nlohmann::json out = nlohmann::json::array();
  for (const Run& r : runs) out.push_back(to_json(r));
  return out;
}

}  // namespace bench
