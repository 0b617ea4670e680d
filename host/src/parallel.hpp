// Worker threads for the stages of a build that work document by document.
#pragma once

#include <cstddef>
#include <functional>

namespace dossier::host {

/// The number of worker threads to use: `requested`, or every core when it is 0.
unsigned worker_count(unsigned requested);

/// Stack size of the worker threads of parallel_for.
inline constexpr std::size_t worker_stack_bytes = std::size_t{256} << 20;

/// Calls work(i) once for every i in [0, n), on up to `threads` worker threads (the calling
/// thread waits for them), and returns when all calls have returned. Indexes are handed out in order
/// as threads become free, so results written to slot i do not depend on the thread count.
/// If calls throw, the first exception is rethrown after every thread has stopped.
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& work);

}  // namespace dossier::host
