// Memory for one PDF document, taken from the system in large blocks that the kernel may back
// with huge pages (madvise MADV_HUGEPAGE), and reused through free lists by size class.
//
// A brief is written in the host's forked exporter child, where every fresh 4 KiB page costs
// a page fault when first touched (about 11 us each on the 2-core VM of docs/performance.md,
// a fifth of a brief's time); a 2 MiB page costs one. libharu allocates through it
// (HPDF_NewEx), and so does the choice of the key recommendations (MemoryArena::Allocator).
#pragma once

#include <array>
#include <cstddef>
#include <vector>

namespace dossier::pdf {

class MemoryArena {
 public:
  MemoryArena() = default;
  ~MemoryArena();
  MemoryArena(const MemoryArena&) = delete;
  MemoryArena& operator=(const MemoryArena&) = delete;

  /// At least `size` bytes, aligned to 16; never null (throws std::bad_alloc).
  void* allocate(std::size_t size);
  /// Gives back what allocate() returned (null is ignored); the memory stays in the arena.
  static void deallocate(void* p);

  /// libharu's allocation functions (HPDF_NewEx) take no context: they use the arena made
  /// current by a Scope on this thread.
  static void* hpdf_alloc(unsigned int size);
  static void hpdf_free(void* p);
  class Scope {
   public:
    explicit Scope(MemoryArena& arena);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    MemoryArena* previous_;
  };

  /// A standard allocator over an arena, for containers that live no longer than it.
  template <typename T>
  struct Allocator {
    using value_type = T;
    MemoryArena* arena;
    explicit Allocator(MemoryArena& a) : arena(&a) {}
    template <typename U>
    Allocator(const Allocator<U>& other) : arena(other.arena) {}  // NOLINT: rebinding
    T* allocate(std::size_t n) { return static_cast<T*>(arena->allocate(n * sizeof(T))); }
    void deallocate(T* p, std::size_t) { MemoryArena::deallocate(p); }
    template <typename U>
    bool operator==(const Allocator<U>& other) const { return arena == other.arena; }
    template <typename U>
    bool operator!=(const Allocator<U>& other) const { return arena != other.arena; }
  };

 private:
  struct Header;
  static std::size_t size_class(std::size_t size);
  static std::size_t class_size(std::size_t size_class);
  void* carve(std::size_t bytes);

  static constexpr std::size_t kClasses = 64 + 40;  ///< 16-byte steps to 1 KiB, then powers of two
  std::array<void*, kClasses> free_{};
  std::vector<std::pair<char*, std::size_t>> blocks_;  ///< mapped: start and length
  char* next_ = nullptr;
  char* end_ = nullptr;
};

/// A vector in an arena: `ArenaVector<int> v(MemoryArena::Allocator<char>(arena))` (an
/// allocator of any type converts).
template <typename T>
using ArenaVector = std::vector<T, MemoryArena::Allocator<T>>;

}  // namespace dossier::pdf
