// Large tables on huge pages (2 MB), as the pdf exporter's arena asks for its own
// (memory_arena.cpp): a model's tables of megabytes then cost a page fault per 2 MB instead of
// per 4 KB (a fault costs microseconds here, and each plugin child builds its model afresh),
// and lookups at random all over them miss the TLB far less. Advice only: where the system
// gives none, ordinary pages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#include <sys/mman.h>

namespace dossier::analyzers {

inline constexpr std::size_t huge_page = std::size_t{2} << 20;

/// Asks for huge pages for the 2 MB-aligned part of `bytes` at `data`, not yet touched.
inline void advise_huge_pages(const void* data, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  const auto at = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (at + huge_page - 1) & ~(huge_page - 1), end = (at + bytes) & ~(huge_page - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

/// An allocator for vectors of half a megabyte and more that puts them on huge pages whole:
/// aligned to 2 MB and rounded up to a multiple of it (advise_huge_pages() of an ordinary
/// allocation covers only its aligned middle). Smaller ones as operator new makes them.
template <class T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr std::size_t least = std::size_t{512} << 10;

  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

  T* allocate(std::size_t n) {
    if (n > static_cast<std::size_t>(-1) / sizeof(T) - huge_page) throw std::bad_alloc();
    const std::size_t bytes = n * sizeof(T);
    if (bytes < least) return static_cast<T*>(::operator new(bytes));
    const std::size_t rounded = (bytes + huge_page - 1) & ~(huge_page - 1);
    void* p = std::aligned_alloc(huge_page, rounded);
    if (!p) throw std::bad_alloc();
    advise_huge_pages(p, rounded);
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (n * sizeof(T) < least)
      ::operator delete(p);
    else
      std::free(p);
  }

  template <class U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }
  template <class U>
  bool operator!=(const HugePageAllocator<U>&) const noexcept {
    return false;
  }
};

}  // namespace dossier::analyzers
