#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "parallel.hpp"

using namespace dossier::host;

TEST_CASE("parallel_for calls every index exactly once whatever the thread count") {
  for (unsigned threads : {1u, 2u, 7u}) {
    std::vector<std::atomic<int>> calls(1000);
    parallel_for(calls.size(), threads, [&](std::size_t i) { ++calls[i]; });
    for (const auto& c : calls) CHECK(c == 1);
  }
  parallel_for(0, 4, [](std::size_t) { FAIL("no work, no call"); });
  CHECK(worker_count(3) == 3);
  CHECK(worker_count(0) >= 1);
}

TEST_CASE("an exception in one call is rethrown after every thread stopped") {
  std::atomic<int> calls{0};
  CHECK_THROWS_WITH(parallel_for(100, 3,
                                 [&](std::size_t i) {
                                   ++calls;
                                   if (i == 10) throw std::runtime_error("document 10 failed");
                                 }),
                    "document 10 failed");
  CHECK(calls <= 100);
}
