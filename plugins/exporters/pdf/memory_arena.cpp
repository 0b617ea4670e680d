#include "memory_arena.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <new>

namespace dossier::pdf {

namespace {

constexpr std::size_t kHuge = std::size_t{2} << 20;  // the size and alignment of a huge page
constexpr std::size_t kBlock = 4 * kHuge;            // taken from the system at a time
thread_local MemoryArena* current = nullptr;

}  // namespace

// Before every allocation: its size class and its arena (16 bytes, so that what follows is
// aligned to 16).
struct MemoryArena::Header {
  MemoryArena* arena;
  std::size_t size_class;
};
static_assert(sizeof(void*) <= 8 && 2 * sizeof(std::size_t) == 16, "a 16-byte header");

MemoryArena::~MemoryArena() {
  for (const auto& [start, length] : blocks_) ::munmap(start, length);
}

std::size_t MemoryArena::size_class(std::size_t size) {
  if (size <= 1024) return size == 0 ? 0 : (size - 1) / 16;
  std::size_t c = 64, bytes = 2048;
  while (bytes < size) bytes *= 2, ++c;
  return c;
}

std::size_t MemoryArena::class_size(std::size_t size_class) {
  return size_class < 64 ? (size_class + 1) * 16 : std::size_t{2048} << (size_class - 64);
}

void* MemoryArena::carve(std::size_t bytes) {
  if (static_cast<std::size_t>(end_ - next_) < bytes) {
    // A new block, aligned to a huge page so that the kernel can back it with huge pages.
    const std::size_t length = ((bytes > kBlock ? bytes : kBlock) + kHuge - 1) / kHuge * kHuge;
    void* mapped = ::mmap(nullptr, length + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) throw std::bad_alloc();
    blocks_.emplace_back(static_cast<char*>(mapped), length + kHuge);
    const auto address = reinterpret_cast<std::uintptr_t>(mapped);
    char* start = static_cast<char*>(mapped) + ((kHuge - address % kHuge) % kHuge);
#ifdef MADV_HUGEPAGE
    ::madvise(start, length, MADV_HUGEPAGE);  // advice only: without it, ordinary pages
#endif
    next_ = start;
    end_ = start + length;
  }
  void* p = next_;
  next_ += bytes;
  return p;
}

void* MemoryArena::allocate(std::size_t size) {
  const std::size_t c = size_class(size);
  if (c >= kClasses) throw std::bad_alloc();
  Header* h;
  if (free_[c]) {
    h = static_cast<Header*>(free_[c]);
    free_[c] = *reinterpret_cast<void**>(h + 1);
  } else {
    h = static_cast<Header*>(carve(sizeof(Header) + class_size(c)));
  }
  h->arena = this;
  h->size_class = c;
  return h + 1;
}

void MemoryArena::deallocate(void* p) {
  if (!p) return;
  Header* h = static_cast<Header*>(p) - 1;
  MemoryArena& arena = *h->arena;
  *static_cast<void**>(p) = arena.free_[h->size_class];
  arena.free_[h->size_class] = h;
}

void* MemoryArena::hpdf_alloc(unsigned int size) {
  if (!current) return nullptr;  // libharu reports HPDF_FAILD_TO_ALLOC_MEM
  try {
    return current->allocate(size);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}

void MemoryArena::hpdf_free(void* p) { deallocate(p); }

MemoryArena::Scope::Scope(MemoryArena& arena) : previous_(current) { current = &arena; }

MemoryArena::Scope::~Scope() { current = previous_; }

}  // namespace dossier::pdf
