// MemoryArena (plugins/exporters/pdf/memory_arena.hpp): the pdf exporter's memory for libharu
// and its working tables.
#include <catch2/catch.hpp>

#include <hpdf.h>

#include <cstdint>
#include <cstring>
#include <set>
#include <vector>

#include "memory_arena.hpp"

using dossier::pdf::MemoryArena;

TEST_CASE("allocations are aligned, distinct and keep what is written in them") {
  MemoryArena arena;
  std::vector<unsigned char*> blocks;
  for (std::size_t size : {0, 1, 15, 16, 17, 100, 1024, 1025, 4096, 70000, 3 << 20}) {
    auto* p = static_cast<unsigned char*>(arena.allocate(size));
    REQUIRE(p != nullptr);
    CHECK(reinterpret_cast<std::uintptr_t>(p) % 16 == 0);
    std::memset(p, static_cast<int>(blocks.size() + 1), size);
    blocks.push_back(p);
  }
  // A block larger than the arena's usual ones (3 MiB) came from a block of its own; none overlap.
  const std::size_t sizes[] = {0, 1, 15, 16, 17, 100, 1024, 1025, 4096, 70000, 3 << 20};
  for (std::size_t i = 0; i < blocks.size(); ++i)
    for (std::size_t k = 0; k < sizes[i]; k += 509) CHECK(blocks[i][k] == i + 1);
}

TEST_CASE("freed memory is given again to an allocation of its size class") {
  MemoryArena arena;
  void* a = arena.allocate(40);
  void* b = arena.allocate(40);
  CHECK(a != b);
  MemoryArena::deallocate(a);
  CHECK(arena.allocate(33) == a);  // 33 and 40 bytes are in the same 16-byte class
  void* c = arena.allocate(40);
  CHECK(c != a);
  CHECK(c != b);
  MemoryArena::deallocate(nullptr);  // ignored, as free(nullptr)
}

TEST_CASE("a standard container over the arena") {
  MemoryArena arena;
  std::vector<int, MemoryArena::Allocator<int>> v{MemoryArena::Allocator<int>(arena)};
  for (int i = 0; i < 100000; ++i) v.push_back(i);
  long long sum = 0;
  for (int x : v) sum += x;
  CHECK(sum == 100000LL * 99999 / 2);
  std::set<int, std::less<>, MemoryArena::Allocator<int>> s{std::less<>(), MemoryArena::Allocator<int>(arena)};
  for (int i = 0; i < 1000; ++i) s.insert(i % 37);
  CHECK(s.size() == 37);
}

TEST_CASE("libharu writes a document in the current arena, and fails cleanly without one") {
  MemoryArena arena;
  {
    const MemoryArena::Scope scope(arena);
    HPDF_Doc doc = HPDF_NewEx(nullptr, &MemoryArena::hpdf_alloc, &MemoryArena::hpdf_free, 0, nullptr);
    REQUIRE(doc != nullptr);
    HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
    HPDF_Page page = HPDF_AddPage(doc);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, HPDF_GetFont(doc, "Helvetica", nullptr), 12);
    HPDF_Page_TextOut(page, 50, 700, "In the arena");
    HPDF_Page_EndText(page);
    CHECK(HPDF_SaveToStream(doc) == HPDF_OK);
    CHECK(HPDF_GetStreamSize(doc) > 100);
    HPDF_Free(doc);
  }
  CHECK(MemoryArena::hpdf_alloc(64) == nullptr);  // no arena current: libharu sees an allocation failure
}
