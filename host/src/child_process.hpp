// Running a piece of work in a forked child process, so that a plugin that crashes or hangs
// takes down only the child: the build reports it by name and goes on.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::host {

struct ChildOutcome {
  enum class Status { ok, failed, crashed, timed_out, not_started };
  Status status = Status::not_started;
  std::string payload;  ///< everything the child sent with send() (unless handed to a ReceiveFn);
                        ///< complete only when ok
  std::string message;  ///< for failures: "crashed: signal 11 (Segmentation fault)",
                        ///< "exceeded its time limit of 5 s", "exceeded its memory limit of
                        ///< 8192 MiB", "exited with status 3", or the what() of the exception
                        ///< the child threw
  int signal = 0;       ///< crashed: the signal that ended the child
};

/// What a child process may take before it is stopped.
struct ChildLimits {
  /// Killed with SIGKILL once this has passed (for run_items_in_children: per item); zero: no limit.
  std::chrono::milliseconds time{0};
  /// Address space (RLIMIT_AS) the child may add to what it inherited from this process, in
  /// bytes; zero: no limit. An allocation beyond it fails (std::bad_alloc), which is reported as
  /// "exceeded its memory limit of ..." when the work lets it through.
  std::uint64_t memory = 0;
  /// Worker threads the work starts (parallel_for): each may add its stack (worker_stack_bytes,
  /// reserved, not used) and a malloc arena on top of `memory`.
  unsigned threads = 0;

  ChildLimits() = default;
  template <class Rep, class Period>
  ChildLimits(std::chrono::duration<Rep, Period> time_limit, std::uint64_t memory_bytes = 0, unsigned worker_threads = 0)
      : time(std::chrono::duration_cast<std::chrono::milliseconds>(time_limit)),
        memory(memory_bytes),
        threads(worker_threads) {}
};

using SendFn = std::function<void(std::string_view bytes)>;
/// Takes one piece the child sent, whole, as soon as it has arrived.
using ReceiveFn = std::function<void(std::string_view bytes)>;

/// Runs `work` in a forked child process; `work` sends its result with send() (any number of
/// calls, any size). Returns when the child ends, or kills it once `limits.time` has passed
/// (zero: no limit); `limits.memory` caps its address space. An exception thrown by `work`
/// becomes Status::failed with its what() as message. Call it only when no other thread of
/// this process is running work (fork copies only the calling thread).
///
/// The child stays in the caller's process group, so Ctrl-C at a terminal ends both; it is
/// also killed when the caller dies (kill -9 included), so that it never outlives the build
/// (nor keeps holding the build's lock). On a time limit it is killed with SIGKILL; processes
/// it started itself are not followed. It ends
/// with _exit() after flushing the logs and std::cout/std::cerr: none of the caller's
/// destructors or atexit handlers run in it.
///
/// With `receive`, each piece the child sent with send() is handed to it whole, in order, as
/// it arrives (through one reused buffer) instead of being gathered into payload: the caller
/// decodes while the child still sends, and must drop what it took unless the status is ok.
/// An exception from `receive` ends the child: Status::failed, "cannot receive its result: ...".
ChildOutcome run_in_child(const std::function<void(const SendFn& send)>& work, const ChildLimits& limits,
                          const ReceiveFn& receive = {});

/// run_in_child() in two steps: the child is forked by the constructor, on the calling thread,
/// and wait() collects it later (the destructor waits when nobody did). For work that runs
/// beside the caller's own: fork from the thread that is alone in the process at that moment
/// (a child inherits the locks other threads hold, and not every allocator frees them at fork).
class StartedChild {
 public:
  StartedChild(const std::function<void(const SendFn& send)>& work, const ChildLimits& limits,
               const ReceiveFn& receive = {});
  ~StartedChild();
  StartedChild(const StartedChild&) = delete;
  StartedChild& operator=(const StartedChild&) = delete;
  /// Waits for the child and says how it ended (Status::not_started when it could not start).
  /// Once. Past its time limit, what it has sent already is still read: one that has finished
  /// is taken, one that has not is stopped.
  ChildOutcome wait();
  struct State;

 private:
  friend std::size_t wait_for_any(const std::vector<StartedChild*>& children);
  std::unique_ptr<State> state_;
};

/// Waits until one of `children` has ended (or never started), reading what each sends
/// meanwhile, so that none waits on a full pipe while another is waited for; returns its
/// index, whose wait() then returns at once. Time limits as for wait().
std::size_t wait_for_any(const std::vector<StartedChild*>& children);

/// Says what an item's work is doing now ("reader pdf"), for the report if its child dies.
using NoteFn = std::function<void(std::string_view what)>;
using ItemWork = std::function<void(std::size_t item, const SendFn& send, const NoteFn& note)>;
/// Takes everything one item sent, once its work has returned.
using ItemResultFn = std::function<void(std::size_t item, std::string_view result)>;
/// Hears of an item that did not finish: its work threw (Status::failed, its what()), its
/// child crashed, exceeded the time limit or ended while on it, or no child could be started
/// for it (Status::not_started: the caller may run it itself). `note` is what it last said.
using ItemFailureFn = std::function<void(std::size_t item, const ChildOutcome& outcome, std::string_view note)>;

/// Runs work(i) for every i in [0, count) in up to `children` child processes. Each child is
/// handed items one by one as it finishes them, and runs them one after the other on a worker
/// thread (worker_stack_bytes of stack). When a child crashes or is killed, only the item it
/// was on fails; a new child takes the rest. The time limit applies to each item. `result` and `failure`
/// are called on this thread, once per item, as items end (not in item order); an exception
/// from `result` fails that item ("cannot receive its result: ..."). The same conditions as
/// for run_in_child apply.
void run_items_in_children(std::size_t count, unsigned children, const ChildLimits& limits, const ItemWork& work,
                           const ItemResultFn& result, const ItemFailureFn& failure);

/// "2 s", "1500 ms": a time limit as messages print it.
std::string describe_time_limit(std::chrono::milliseconds limit);

/// "8192 MiB" (whole MiB), else "1000000 bytes": a memory limit as messages print it.
std::string describe_memory_limit(std::uint64_t bytes);

/// "SIGSEGV": the name of a signal, or "signal N" for one without.
std::string signal_abbreviation(int sig);

}  // namespace dossier::host
