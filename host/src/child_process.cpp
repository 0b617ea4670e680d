#include "child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <iostream>
#include <memory>
#include <new>
#include <system_error>
#include <utility>
#include <vector>

#include <spdlog/spdlog.h>

#include "parallel.hpp"

namespace dossier::host {

namespace {

using Clock = std::chrono::steady_clock;

// The child talks to the parent in frames: one type byte, an 8-byte length (native byte
// order: both ends are the same program on the same machine), then the bytes. 'D' carries
// data, 'E' the message of an exception, 'K' (empty) says the work finished. A child that dies
// mid-frame, or before 'K', is thereby told apart from one that finished. A child running
// items (run_items_in_children) also sends 'I' (empty) when an item's work returned, 'J'
// with the message when it threw, and 'A' with what an item says it is doing (NoteFn).
constexpr char frame_data = 'D';
constexpr char frame_error = 'E';
constexpr char frame_done = 'K';
constexpr char frame_item_done = 'I';
constexpr char frame_item_failed = 'J';
constexpr char frame_note = 'A';
constexpr std::size_t header_size = 1 + sizeof(std::uint64_t);

void write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "sending to the host process");
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

void write_frame(int fd, char type, std::string_view bytes) {
  char frame[header_size + 256];  // a small frame (a note, an item's end) goes in one write
  frame[0] = type;
  const std::uint64_t length = bytes.size();
  std::memcpy(frame + 1, &length, sizeof length);
  if (bytes.size() <= sizeof frame - header_size) {
    if (!bytes.empty()) std::memcpy(frame + header_size, bytes.data(), bytes.size());  // data() may be null
    write_all(fd, frame, header_size + bytes.size());
    return;
  }
  write_all(fd, frame, header_size);
  write_all(fd, bytes.data(), bytes.size());
}

// Whatever the logs and streams hold goes out before _exit(), which flushes nothing.
void flush_output() noexcept {
  try {
    // The raw pointer: default_logger() takes the registry's lock, which a child may have
    // inherited locked from another thread.
    if (auto* logger = spdlog::default_logger_raw()) logger->flush();
  } catch (...) {
  }
  try {
    std::cout.flush();
    std::cerr.flush();
  } catch (...) {
  }
  std::fflush(nullptr);
}

std::string out_of_memory_message(const ChildLimits& limits) {
  return limits.memory ? "exceeded its memory limit of " + describe_memory_limit(limits.memory)
                       : std::string("ran out of memory");
}

// The message of the exception being handled, std::bad_alloc told as the memory limit.
std::string current_exception_message(const ChildLimits& limits) {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return out_of_memory_message(limits);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown exception";
  }
}

// Caps this (child) process's address space at what it inherited plus limits.memory, plus a
// stack and a malloc arena (64 MiB reserved on 64-bit glibc) per worker thread: those are
// reservations, not use, and would otherwise eat the limit. Without /proc no limit is set
// rather than a wrong one.
void limit_memory(const ChildLimits& limits) {
  if (limits.memory == 0) return;
  const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  char text[128];
  const ssize_t n = ::read(fd, text, sizeof text);
  ::close(fd);
  std::uint64_t pages = 0;
  if (n <= 0 || std::from_chars(text, text + n, pages).ec != std::errc() || pages == 0) return;
  const std::uint64_t per_thread = worker_stack_bytes + (std::uint64_t{64} << 20);
  const std::uint64_t inherited = pages * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
  const std::uint64_t threads = limits.threads * per_thread;
  std::uint64_t cap = inherited + limits.memory + threads;
  if (cap < inherited || cap < limits.memory + threads) return;  // beyond 64 bits: no limit in practice
  rlimit r{};
  if (::getrlimit(RLIMIT_AS, &r) != 0) return;
  if (r.rlim_max != RLIM_INFINITY && cap > r.rlim_max) cap = r.rlim_max;
  if (r.rlim_cur != RLIM_INFINITY && cap > r.rlim_cur) return;  // a lower limit is set already
  r.rlim_cur = static_cast<rlim_t>(cap);
  ::setrlimit(RLIMIT_AS, &r);
}

// What runs in a child: writes its frames to `fd`, and reads the parent's commands from
// `commands` (-1 when there are none).
using ChildBody = std::function<void(int fd, int commands)>;

// Runs `body`, then adds the end ('K', or 'E' when it threw).
[[noreturn]] void child_main(const ChildBody& body, int fd, int commands, const ChildLimits& limits) {
  int code = 0;
  try {
    limit_memory(limits);
    body(fd, commands);
    write_frame(fd, frame_done, {});
  } catch (...) {
    code = 1;
    try {
      write_frame(fd, frame_error, current_exception_message(limits));
    } catch (...) {
    }
  }
  flush_output();
  // No destructors, no atexit handlers: the parent's objects (databases, output sinks that
  // would delete their temporary files, LeakSanitizer) belong to the parent.
  ::_exit(code);
}

// What a reader of item frames is told; unset in run_in_child, where those frames are not
// expected.
struct ItemEvents {
  std::function<void()> done;                        // payload holds the item's result
  std::function<void(const std::string&)> failed;    // the item's work threw this
  std::function<void(const std::string&)> note;
};

// Reads frames as they arrive, in pieces of any size.
class FrameReader {
 public:
  // Data frames go to `receive` one by one when it is set, else they gather in `payload`.
  FrameReader(std::string& payload, ReceiveFn receive, const ItemEvents* items)
      : payload_(payload), receive_(std::move(receive)), items_(items) {}

  /// False when the bytes are not frames (the child wrote to the pipe behind our back).
  /// Throws what `receive` throws, and std::bad_alloc for a frame too big to hold.
  bool feed(const char* data, std::size_t size) {
    while (size > 0) {
      if (!in_body_) {
        const std::size_t take = std::min(header_size - header_got_, size);
        std::memcpy(header_ + header_got_, data, take);
        header_got_ += take;
        data += take;
        size -= take;
        if (header_got_ < header_size) break;
        header_got_ = 0;
        type_ = header_[0];
        std::memcpy(&left_, header_ + 1, sizeof left_);
        if (type_ == frame_done || (items_ && type_ == frame_item_done)) {
          if (left_ != 0) return false;
          if (type_ == frame_done)
            finished_ = true;
          else
            items_->done();
          continue;
        }
        const bool text = type_ == frame_error || (items_ && (type_ == frame_item_failed || type_ == frame_note));
        if (type_ != frame_data && !text) return false;
        // Room for the whole frame at once (not by doubling); a length too big to hold
        // throws std::bad_alloc, which the caller reports.
        if (type_ == frame_data) target().reserve(target().size() + left_);
        in_body_ = true;
      }
      const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(left_, size));
      (type_ == frame_data ? target() : text_).append(data, take);
      left_ -= take;
      data += take;
      size -= take;
      if (left_ == 0) end_frame();
    }
    // An empty frame completes with its header.
    if (in_body_ && left_ == 0) end_frame();
    return true;
  }

  bool finished() const { return finished_; }
  bool has_error() const { return has_error_; }
  const std::string& error() const { return error_; }

 private:
  // Where the body of a data frame goes: the frame buffer, reused, when frames are handed on.
  std::string& target() { return receive_ ? frame_ : payload_; }

  void end_frame() {
    in_body_ = false;
    if (type_ == frame_data) {
      if (receive_) {
        receive_(frame_);
        frame_.clear();
      }
      return;
    }
    if (type_ == frame_error) {
      has_error_ = true;
      error_ = text_;
    } else if (type_ == frame_item_failed) {
      items_->failed(text_);
    } else if (type_ == frame_note) {
      items_->note(text_);
    }
    text_.clear();
  }

  std::string& payload_;
  const ReceiveFn receive_;
  const ItemEvents* items_;
  std::string frame_;
  std::string text_;
  std::string error_;
  char header_[header_size] = {};
  std::size_t header_got_ = 0;
  char type_ = 0;
  std::uint64_t left_ = 0;
  bool in_body_ = false;
  bool finished_ = false;
  bool has_error_ = false;
};

void close_fd(int fd) {
  // Linux closes the descriptor even when close() reports EINTR: never retry.
  ::close(fd);
}

void sleep_ms(long ms) {
  timespec t{ms / 1000, (ms % 1000) * 1000000L};
  while (::nanosleep(&t, &t) != 0 && errno == EINTR) {
  }
}

// Blocks until `pid` has ended; false if it is not our child (already reaped elsewhere).
bool reap(pid_t pid, int& status) {
  for (;;) {
    if (::waitpid(pid, &status, 0) == pid) return true;
    if (errno != EINTR) return false;
  }
}

// One child process and the parent's end of its pipe: started, listened to until its data
// ends, then reaped and judged.
class Child {
 public:
  Child(const ChildLimits& limits, std::string& payload, ReceiveFn receive, const ItemEvents* items)
      : reader_(payload, std::move(receive), items) {
    // Beyond 30 years is no limit in practice, and steady_clock + it must not overflow.
    time_limit_ = std::min(limits.time, std::chrono::milliseconds(std::chrono::hours(24 * 365 * 30)));
    limited_ = time_limit_.count() > 0;
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (fd_ >= 0) close_fd(fd_);
    if (commands_ >= 0) close_fd(commands_);
  }

  /// Forks a child that runs `body` (see child_main), with a channel for commands (command())
  /// if `commands`; false with `error` when none can start.
  bool start(const ChildBody& body, const ChildLimits& limits, bool commands, std::string& error) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
      error = std::string("cannot create a pipe: ") + std::strerror(errno);
      return false;
    }
    // A socket, not a pipe: sending to a child that died fails with EPIPE instead of raising
    // SIGPIPE in this process.
    int channel[2] = {-1, -1};
    if (commands && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, channel) != 0) {
      error = std::string("cannot create a socket: ") + std::strerror(errno);
      close_fd(fds[0]);
      close_fd(fds[1]);
      return false;
    }
    // What is still buffered would otherwise be written twice: by the parent and the child.
    flush_output();
    const pid_t parent = ::getpid();
    pid_ = ::fork();
    if (pid_ < 0) {
      const int err = errno;
      for (int f : {fds[0], fds[1], channel[0], channel[1]})
        if (f >= 0) close_fd(f);
      error = std::string("cannot start a child process: ") + std::strerror(err);
      return false;
    }
    if (pid_ == 0) {
      close_fd(fds[0]);
      if (commands) close_fd(channel[0]);
      // Dies with the parent (kill -9 of the build included) rather than run on unobserved.
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != parent) ::_exit(1);  // the parent died before prctl took effect
      child_main(body, fds[1], channel[1], limits);
    }
    close_fd(fds[1]);
    fd_ = fds[0];
    if (commands) {
      close_fd(channel[1]);
      commands_ = channel[0];
    }
    restart_clock();
    return true;
  }

  int fd() const { return fd_; }
  /// Sends a number to the child's command channel. A child that has died is not told: what
  /// it sends ends, which says so.
  void command(std::uint64_t value) {
    const char* data = reinterpret_cast<const char*>(&value);
    std::size_t left = sizeof value;
    while (left > 0) {
      const ssize_t n = ::send(commands_, data, left, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return;
      data += n;
      left -= static_cast<std::size_t>(n);
    }
  }
  void restart_clock() { deadline_ = Clock::now() + time_limit_; }
  bool expired() const { return limited_ && Clock::now() >= deadline_; }
  /// How long poll() may wait for this child, in ms; -1: for ever.
  int wait_ms() const {
    if (!limited_) return -1;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
    // Rounded up, so that the deadline has passed when the wait ends.
    return static_cast<int>(std::min<long long>(left < 0 ? 0 : left + 1, INT_MAX));
  }
  void time_out() { timed_out_ = true; }

  /// Reads what the child sent (after poll() said there is some); false once there is nothing
  /// more to listen for: the child closed its end, or it broke the protocol.
  bool read_some(std::vector<char>& buffer) {
    const ssize_t n = ::read(fd_, buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) return true;
      broken_ = std::string("lost contact with it: ") + std::strerror(errno);
      return false;
    }
    if (n == 0) return false;  // the child has ended (or closed its end)
    bool framed = false;
    try {
      framed = reader_.feed(buffer.data(), static_cast<std::size_t>(n));
    } catch (const std::exception& e) {  // std::bad_alloc (a result too big to hold), or receive's error
      broken_ = std::string("cannot receive its result: ") + e.what();
      return false;
    }
    if (!framed) broken_ = "it wrote something other than its result to the host's pipe";
    return framed;
  }
  void lose_contact(const std::string& why) { broken_ = "lost contact with it: " + why; }

  /// Once listening is over: waits for the child to end (within the time limit still),
  /// kills it if need be, and says how it ended.
  ChildOutcome finish() {
    close_fd(fd_);
    fd_ = -1;
    ChildOutcome outcome;
    int status = 0;
    bool reaped = false;
    bool gone = false;  // reaped by someone else (SIGCHLD ignored): its pid may be reused, never kill it
    if (!timed_out_ && broken_.empty()) {
      // End of data: the child is ending. Wait for it, within the limit still.
      long pause = 1;
      for (;;) {
        const pid_t w = ::waitpid(pid_, &status, WNOHANG);
        if (w == pid_) {
          reaped = true;
          break;
        }
        if (w < 0 && errno != EINTR) {
          gone = true;
          break;
        }
        if (expired()) {
          timed_out_ = true;
          break;
        }
        sleep_ms(limited_ ? std::min<long>(pause, wait_ms()) : pause);
        pause = std::min(pause * 2, 50L);
      }
    }
    if (!reaped && !gone) {
      ::kill(pid_, SIGKILL);
      reaped = reap(pid_, status);
    }

    if (timed_out_) {
      outcome.status = ChildOutcome::Status::timed_out;
      outcome.message = "exceeded its time limit of " + describe_time_limit(time_limit_);
    } else if (!broken_.empty()) {
      outcome.status = ChildOutcome::Status::failed;
      outcome.message = broken_;
    } else if (reaped && WIFSIGNALED(status)) {
      const int sig = WTERMSIG(status);
      outcome.status = ChildOutcome::Status::crashed;
      outcome.signal = sig;
      outcome.message = "crashed: signal " + std::to_string(sig) + " (" + ::strsignal(sig) + ")";
    } else if (reader_.has_error()) {
      outcome.status = ChildOutcome::Status::failed;
      outcome.message = reader_.error();
    } else if (reaped && WIFEXITED(status) && WEXITSTATUS(status) != 0) {
      outcome.status = ChildOutcome::Status::failed;
      outcome.message = "exited with status " + std::to_string(WEXITSTATUS(status));
    } else if (reader_.finished()) {
      outcome.status = ChildOutcome::Status::ok;
    } else {
      outcome.status = ChildOutcome::Status::failed;
      outcome.message = "exited before finishing its work";
    }
    return outcome;
  }

 private:
  FrameReader reader_;
  pid_t pid_ = -1;
  int fd_ = -1;
  int commands_ = -1;  // this end of the command channel, if any
  std::chrono::milliseconds time_limit_{0};
  bool limited_ = false;
  Clock::time_point deadline_;
  bool timed_out_ = false;
  std::string broken_;  // why the parent stopped listening before the end
};

// The buffer reads go through, allocated before there is a child to clean up after.
std::vector<char> read_buffer() { return std::vector<char>(1 << 16); }

}  // namespace

std::string describe_time_limit(std::chrono::milliseconds limit) {
  const auto ms = limit.count();
  return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

std::string describe_memory_limit(std::uint64_t bytes) {
  constexpr std::uint64_t mib = std::uint64_t{1} << 20;
  return bytes % mib == 0 ? std::to_string(bytes / mib) + " MiB" : std::to_string(bytes) + " bytes";
}

std::string signal_abbreviation(int sig) {
  const char* name = ::sigabbrev_np(sig);
  return name ? std::string("SIG") + name : "signal " + std::to_string(sig);
}

struct StartedChild::State {
  ChildOutcome outcome;
  std::vector<char> buffer = read_buffer();
  std::unique_ptr<Child> child;
  bool started = false;  // and not yet ended
  bool ended = false;    // `outcome` says how

  // Once listening is over: how it ended, into `outcome`.
  void end() {
    std::string payload = std::move(outcome.payload);
    outcome = child->finish();
    outcome.payload = std::move(payload);
    started = false;
    ended = true;
  }
};

StartedChild::StartedChild(const std::function<void(const SendFn& send)>& work, const ChildLimits& limits,
                           const ReceiveFn& receive)
    : state_(std::make_unique<State>()) {
  state_->child = std::make_unique<Child>(limits, state_->outcome.payload, receive, nullptr);
  const auto body = [&work](int fd, int) {
    const SendFn send = [fd](std::string_view bytes) { write_frame(fd, frame_data, bytes); };
    work(send);
  };
  state_->started = state_->child->start(body, limits, false, state_->outcome.message);
}

StartedChild::~StartedChild() {
  if (state_ && state_->started) wait();
}

ChildOutcome StartedChild::wait() {
  if (state_->started) wait_for_any({this});
  state_->ended = false;
  return std::move(state_->outcome);  // Status::not_started, with why, when it never started
}

std::size_t wait_for_any(const std::vector<StartedChild*>& children) {
  std::vector<pollfd> fds;
  std::vector<std::size_t> which;
  for (;;) {
    fds.clear();
    which.clear();
    int timeout = -1;
    for (std::size_t k = 0; k < children.size(); ++k) {
      StartedChild::State& st = *children[k]->state_;
      if (!st.started) return k;  // ended, or never started: its wait() returns at once
      fds.push_back({st.child->fd(), POLLIN, 0});
      which.push_back(k);
      const int ms = st.child->wait_ms();
      if (ms >= 0 && (timeout < 0 || ms < timeout)) timeout = ms;
    }
    if (fds.empty()) throw std::logic_error("wait_for_any: no child to wait for");
    const int ready = ::poll(fds.data(), fds.size(), timeout);
    if (ready < 0) {
      if (errno == EINTR) continue;
      StartedChild::State& st = *children[which.front()]->state_;
      st.child->lose_contact(std::strerror(errno));
      st.end();
      return which.front();
    }
    // What was sent is read first: past its deadline, a child whose pipe holds the rest of
    // its result and its end is taken, not stopped (a caller may come to it late). Every
    // child's pipe is drained meanwhile, so none waits on a full one while another is waited for.
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].revents == 0) continue;
      StartedChild::State& st = *children[which[i]]->state_;
      if (!st.child->read_some(st.buffer)) {
        st.end();
        return which[i];
      }
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      StartedChild::State& st = *children[which[i]]->state_;
      if (fds[i].revents == 0 && st.child->expired()) {
        st.child->time_out();
        st.end();
        return which[i];
      }
    }
  }
}

ChildOutcome run_in_child(const std::function<void(const SendFn& send)>& work, const ChildLimits& limits,
                          const ReceiveFn& receive) {
  return StartedChild(work, limits, receive).wait();
}

void run_items_in_children(std::size_t count, unsigned children, const ChildLimits& limits, const ItemWork& work,
                           const ItemResultFn& result, const ItemFailureFn& failure) {
  // Each child stays for as many items as it is given: it starts up (and its reader warms
  // its caches) once, not per item. It is sent the index of its next item on a command
  // channel (`stop` when there is none), one ahead, so that it never waits for the parent.
  constexpr std::uint64_t stop = UINT64_MAX;
  constexpr std::size_t ahead = 2;  // items sent to a child and not yet ended
  std::deque<std::size_t> queue;    // items not yet sent to a child, in order
  for (std::size_t i = 0; i < count; ++i) queue.push_back(i);
  ChildLimits child_limits = limits;
  child_limits.threads += 1;  // the worker thread the items run on

  // One child and the items sent to it: sent.front() is the one it is on.
  struct Running {
    std::deque<std::size_t> sent;
    std::string note;
    std::string payload;
    ItemEvents events;
    std::unique_ptr<Child> child;
  };
  std::vector<std::unique_ptr<Running>> running;
  std::vector<char> buffer = read_buffer();
  std::string not_started;  // why no child could start: the rest is the caller's

  // Keeps `r` `ahead` items ahead while there are any, and stops it when it has none left.
  auto feed = [&queue](Running& r) {
    while (r.sent.size() < ahead && !queue.empty()) {
      r.sent.push_back(queue.front());
      queue.pop_front();
      r.child->command(r.sent.back());
    }
    if (r.sent.empty()) r.child->command(stop);
  };

  // The item frames of one child, turned into calls of `result` and `failure`.
  auto listen_to = [&](Running& r) {
    auto item_ended = [&r, &feed] {
      r.sent.pop_front();
      r.note.clear();
      r.payload.clear();
      r.child->restart_clock();  // the time limit is per item
      feed(r);
    };
    r.events.done = [&r, &result, &failure, item_ended] {
      const std::size_t item = r.sent.at(0);
      try {
        result(item, r.payload);
      } catch (const std::exception& e) {
        ChildOutcome outcome;
        outcome.status = ChildOutcome::Status::failed;
        outcome.message = std::string("cannot receive its result: ") + e.what();
        failure(item, outcome, r.note);
      }
      item_ended();
    };
    r.events.failed = [&r, &failure, item_ended](const std::string& message) {
      ChildOutcome outcome;
      outcome.status = ChildOutcome::Status::failed;
      outcome.message = message;
      failure(r.sent.at(0), outcome, r.note);
      item_ended();
    };
    r.events.note = [&r](const std::string& what) { r.note = what; };
  };

  // The child of `r` has stopped sending: the item it was on, if any, failed with it; those
  // sent after it go back to the front of the queue.
  auto conclude = [&](Running& r) {
    ChildOutcome outcome = r.child->finish();
    if (r.sent.empty()) return;  // every item came back: how it exited does not matter
    if (outcome.status == ChildOutcome::Status::ok) {  // 'K' with items missing
      outcome.status = ChildOutcome::Status::failed;
      outcome.message = "exited before finishing its work";
    }
    failure(r.sent.front(), outcome, r.note);
    queue.insert(queue.begin(), r.sent.begin() + 1, r.sent.end());
  };

  // What a child runs: the items it is sent, one after the other, on a worker's stack (as
  // they would run in this process).
  const ChildBody body = [&work, &child_limits](int fd, int commands) {
    const SendFn send = [fd](std::string_view bytes) { write_frame(fd, frame_data, bytes); };
    const NoteFn note = [fd](std::string_view what) { write_frame(fd, frame_note, what); };
    parallel_for(1, 1, [&](std::size_t) {
      for (;;) {
        std::uint64_t item = stop;
        std::size_t got = 0;
        while (got < sizeof item) {
          const ssize_t n = ::read(commands, reinterpret_cast<char*>(&item) + got, sizeof item - got);
          if (n < 0 && errno == EINTR) continue;
          if (n <= 0) return;  // the parent is gone
          got += static_cast<std::size_t>(n);
        }
        if (item == stop) return;
        bool ok = false;
        std::string message;
        try {
          work(static_cast<std::size_t>(item), send, note);
          ok = true;
        } catch (...) {
          message = current_exception_message(child_limits);
        }
        write_frame(fd, ok ? frame_item_done : frame_item_failed, message);
      }
    });
  };

  for (;;) {
    while (not_started.empty() && running.size() < children && !queue.empty()) {
      auto r = std::make_unique<Running>();
      listen_to(*r);
      r->child = std::make_unique<Child>(child_limits, r->payload, nullptr, &r->events);
      if (!r->child->start(body, child_limits, true, not_started)) break;
      feed(*r);
      running.push_back(std::move(r));
    }
    if (running.empty()) break;

    std::vector<pollfd> fds;
    int wait = -1;
    for (const auto& r : running) {
      fds.push_back({r->child->fd(), POLLIN, 0});
      const int w = r->child->wait_ms();
      if (w >= 0 && (wait < 0 || w < wait)) wait = w;
    }
    const int ready = ::poll(fds.data(), fds.size(), wait);
    if (ready < 0 && errno != EINTR) {
      // Listening fails for every child alike: the rest is the caller's.
      const std::string why = std::strerror(errno);
      for (auto& r : running) {
        r->child->lose_contact(why);
        conclude(*r);
      }
      running.clear();
      not_started = "lost contact with its child processes: " + why;
      continue;
    }
    std::vector<std::unique_ptr<Running>> still;
    for (std::size_t j = 0; j < running.size(); ++j) {
      Running& r = *running[j];
      bool over = false;
      if (r.child->expired()) {
        r.child->time_out();
        over = true;
      } else if (ready > 0 && fds[j].revents != 0) {
        over = !r.child->read_some(buffer);
      }
      if (over)
        conclude(r);
      else
        still.push_back(std::move(running[j]));
    }
    running = std::move(still);
  }
  if (!not_started.empty()) {
    ChildOutcome outcome;
    outcome.message = not_started;
    for (std::size_t item : queue) failure(item, outcome, {});
  }
}

}  // namespace dossier::host
