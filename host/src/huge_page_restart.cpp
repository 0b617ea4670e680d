#include "huge_page_restart.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

namespace dossier::host {
namespace {
constexpr const char* tunable = "glibc.malloc.hugetlb";
constexpr const char* marker = "DOSSIER_RESTARTED_WITH_HUGE_PAGES";

// The first argument that is not an option: the command. Global options that take a value
// (--log-format, --plugin-path) are skipped with it.
std::string command_of(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--log-format" || a == "--plugin-path") {
      ++i;
      continue;
    }
    if (a.empty() || a[0] == '-') continue;
    return a;
  }
  return {};
}
}  // namespace

std::string huge_page_tunables(const HugePageInputs& in) {
  if (in.opt_out && std::strcmp(in.opt_out, "0") == 0) return {};
  const std::string tunables = in.tunables ? in.tunables : "";
  if (tunables.find(tunable) != std::string::npos) return {};
  // "always [madvise] never": glibc's madvise is honoured unless the kernel says never (or
  // has no transparent huge pages at all).
  if (in.thp_mode.empty() || in.thp_mode.find("[never]") != std::string::npos) return {};
  static const char* const heavy[] = {"build", "run", "merge", "train", "eval"};
  const std::string command = command_of(in.args);
  if (std::find(std::begin(heavy), std::end(heavy), command) == std::end(heavy)) return {};
  for (const std::string& a : in.args)
    if (a == "--help" || a == "-h" || a == "--version") return {};
  return tunables.empty() ? std::string(tunable) + "=1" : tunables + ":" + tunable + "=1";
}

void restart_with_huge_pages(int argc, char** argv) {
#if defined(__SANITIZE_ADDRESS__)
  (void)argc;
  (void)argv;
#else
  if (std::getenv(marker)) return;  // restarted already (the tunable was then refused by glibc)
  // Under valgrind (its preloaded core) a restarted program would run untraced.
  if (const char* preload = std::getenv("LD_PRELOAD"); preload && std::strstr(preload, "vgpreload")) return;
  HugePageInputs in;
  in.args.assign(argv + 1, argv + argc);
  // A copy: setenv() below may free the string getenv() points at.
  const char* given = std::getenv("GLIBC_TUNABLES");
  const std::string before = given ? given : "";
  in.tunables = given ? before.c_str() : nullptr;
  in.opt_out = std::getenv("DOSSIER_HUGE_PAGES");
  std::ifstream mode("/sys/kernel/mm/transparent_hugepage/enabled");
  std::getline(mode, in.thp_mode);
  const std::string tunables = huge_page_tunables(in);
  if (tunables.empty()) return;
  if (::setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0 || ::setenv(marker, "1", 1) != 0) return;
  // The program's own path, not /proc/self/exe: the process is named after the file it runs
  // (ps, top, pkill dossier), and "exe" would be its name.
  char self[4096];
  const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
  if (length > 0) {
    self[length] = '\0';
    ::execv(self, argv);  // fails for a program deleted since it started: then not restarted
  }
  // Not restarted (no /proc): go on as we are, with the environment as it was.
  if (given)
    ::setenv("GLIBC_TUNABLES", before.c_str(), 1);
  else
    ::unsetenv("GLIBC_TUNABLES");
  ::unsetenv(marker);
#endif
}

bool restarted_with_huge_pages() { return std::getenv(marker) != nullptr; }

}  // namespace dossier::host
