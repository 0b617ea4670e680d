#include "parallel.hpp"

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace dossier::host {

unsigned worker_count(unsigned requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard<std::mutex> guard(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = n;  // stop handing out work
      }
    }
  };
  // Threads are started per stage rather than kept in a pool: between stages no other
  // thread exists, which is what lets the host fork a plugin into a child process safely.
  // Each gets a large stack (address space only, touched as used): std::regex recurses once
  // per character it matches, so a line of a few thousand characters in a reader's pattern
  // overflows the usual 8 MB under the sanitizers, and ~25 000 characters without them.
  const std::size_t count = std::min<std::size_t>(n, std::max(1u, threads));
  std::vector<pthread_t> pool;
  pool.reserve(count);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, worker_stack_bytes);
  auto start = [](void* w) -> void* {
    (*static_cast<decltype(worker)*>(w))();
    return nullptr;
  };
  for (std::size_t t = 0; t < count; ++t) {
    pthread_t id;
    if (pthread_create(&id, &attr, start, &worker) == 0) pool.push_back(id);
  }
  pthread_attr_destroy(&attr);
  if (pool.empty() && n > 0) worker();  // no thread could start: the caller's own stack then
  for (auto id : pool) pthread_join(id, nullptr);
  if (failure) std::rethrow_exception(failure);
}

}  // namespace dossier::host
