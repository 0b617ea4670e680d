// A build's heap on transparent huge pages: the host restarts itself once, at the start of a
// heavy command, with glibc's malloc told to ask for them (the tunable glibc.malloc.hugetlb=1,
// which glibc reads only when a program starts).
//
// Why: on the machines measured (docs/performance.md, "The heap on huge pages"), a build
// spends a tenth of its time in page faults: first touches of the heap, and in every forked
// exporter child the first read of each page the host wrote. Where the heap gets 2 MB pages,
// one fault stands for 512 (a GA session's build: a third fewer faults, 12% less CPU). Off when DOSSIER_HUGE_PAGES=0, when GLIBC_TUNABLES already names the
// tunable (the user's choice wins), when the kernel's transparent huge pages are "never", and
// under AddressSanitizer (which brings its own allocator) or valgrind (which would not trace
// the restarted program).
#pragma once

#include <string>
#include <vector>

namespace dossier::host {

/// What restart_with_huge_pages() decides, from what it reads; pure, for tests.
struct HugePageInputs {
  std::vector<std::string> args;       ///< argv without the program
  const char* tunables = nullptr;      ///< GLIBC_TUNABLES, or null
  const char* opt_out = nullptr;       ///< DOSSIER_HUGE_PAGES, or null
  std::string thp_mode;                ///< /sys/kernel/mm/transparent_hugepage/enabled
};
/// The GLIBC_TUNABLES value to restart with, or empty: no restart. Only the commands that
/// read and build (build, run, merge, train, eval) restart; a quick one (--help, show,
/// search, plugins) is not worth the few milliseconds of starting again.
std::string huge_page_tunables(const HugePageInputs& in);

/// Restarts this program (same arguments, same process id) with malloc on huge pages when
/// huge_page_tunables() says so; returns only when it does not (or the restart failed).
void restart_with_huge_pages(int argc, char** argv);

/// Whether this process was restarted by restart_with_huge_pages(), for a debug line.
bool restarted_with_huge_pages();

}  // namespace dossier::host
