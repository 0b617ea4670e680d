// Advice that a large table about to be filled be backed by huge pages (2 MB), as the pdf
// exporter's arena asks for its own (memory_arena.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

#include <sys/mman.h>

namespace dossier::analyzers {

/// Asks for huge pages for the 2 MB-aligned part of `bytes` at `data`, not yet touched: a model's
/// tables of megabytes then cost a page fault per 2 MB instead of per 4 KB (a fault costs
/// microseconds, and each plugin child builds its model afresh), and their lookups, at random
/// all over them, miss the TLB far less. Advice only: without it, ordinary pages.
inline void advise_huge_pages(const void* data, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  constexpr std::uintptr_t huge = std::uintptr_t(2) << 20;
  const auto at = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (at + huge - 1) & ~(huge - 1), end = (at + bytes) & ~(huge - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace dossier::analyzers
