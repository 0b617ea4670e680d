// Running a piece of work in a forked child process, so that a plugin that crashes or hangs
// takes down only the child: the build reports it by name and goes on.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

namespace dossier::host {

struct ChildOutcome {
  enum class Status { ok, failed, crashed, timed_out, not_started };
  Status status = Status::not_started;
  std::string payload;  ///< everything the child sent with send() (unless handed to a ReceiveFn);
                        ///< complete only when ok
  std::string message;  ///< for failures: "crashed: signal 11 (Segmentation fault)",
                        ///< "exceeded its time limit of 5 s", "exited with status 3",
                        ///< or the what() of the exception the child threw
};

using SendFn = std::function<void(std::string_view bytes)>;
/// Takes one piece the child sent, whole, as soon as it has arrived.
using ReceiveFn = std::function<void(std::string_view bytes)>;

/// Runs `work` in a forked child process; `work` sends its result with send() (any number of
/// calls, any size). Returns when the child ends, or kills it once `time_limit` has passed
/// (zero: no limit). An exception thrown by `work` becomes
/// Status::failed with its what() as message. Call it only when no other thread of this
/// process is running work (fork copies only the calling thread).
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
ChildOutcome run_in_child(const std::function<void(const SendFn& send)>& work, std::chrono::milliseconds time_limit,
                          const ReceiveFn& receive = {});

/// "2 s", "1500 ms": a time limit as messages print it.
std::string describe_time_limit(std::chrono::milliseconds limit);

}  // namespace dossier::host
