#include "child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <system_error>
#include <vector>

#include <spdlog/spdlog.h>

namespace dossier::host {

namespace {

// The child talks to the parent in frames: one type byte, an 8-byte length (native byte
// order: both ends are the same program on the same machine), then the bytes. 'D' carries
// data, 'E' the message of an exception, 'K' (empty) says the work finished. A child that dies
// mid-frame, or before 'K', is thereby told apart from one that finished.
constexpr char frame_data = 'D';
constexpr char frame_error = 'E';
constexpr char frame_done = 'K';
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
  char header[header_size];
  header[0] = type;
  const std::uint64_t length = bytes.size();
  std::memcpy(header + 1, &length, sizeof length);
  write_all(fd, header, sizeof header);
  write_all(fd, bytes.data(), bytes.size());
}

// Whatever the logs and streams hold goes out before _exit(), which flushes nothing.
void flush_output() noexcept {
  try {
    if (auto logger = spdlog::default_logger()) logger->flush();
  } catch (...) {
  }
  try {
    std::cout.flush();
    std::cerr.flush();
  } catch (...) {
  }
  std::fflush(nullptr);
}

[[noreturn]] void child_main(const std::function<void(const SendFn&)>& work, int fd) {
  int code = 0;
  try {
    const SendFn send = [fd](std::string_view bytes) { write_frame(fd, frame_data, bytes); };
    work(send);
    write_frame(fd, frame_done, {});
  } catch (const std::exception& e) {
    code = 1;
    try {
      write_frame(fd, frame_error, e.what());
    } catch (...) {
    }
  } catch (...) {
    code = 1;
    try {
      write_frame(fd, frame_error, "unknown exception");
    } catch (...) {
    }
  }
  flush_output();
  // No destructors, no atexit handlers: the parent's objects (databases, output sinks that
  // would delete their temporary files, LeakSanitizer) belong to the parent.
  ::_exit(code);
}

// Reads frames as they arrive, in pieces of any size.
class FrameReader {
 public:
  // Data frames go to `receive` one by one when it is set, else they gather in `payload`.
  FrameReader(std::string& payload, const ReceiveFn& receive) : payload_(payload), receive_(receive) {}

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
        if (type_ == frame_done) {
          if (left_ != 0) return false;
          finished_ = true;
          continue;
        }
        if (type_ != frame_data && type_ != frame_error) return false;
        // Room for the whole frame at once (not by doubling); a length too big to hold
        // throws std::bad_alloc, which the caller reports.
        if (type_ == frame_data) target().reserve(target().size() + left_);
        in_body_ = true;
      }
      const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(left_, size));
      (type_ == frame_data ? target() : error_).append(data, take);
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
    if (type_ == frame_error) has_error_ = true;
    if (type_ == frame_data && receive_) {
      receive_(frame_);
      frame_.clear();
    }
  }

  std::string& payload_;
  const ReceiveFn& receive_;
  std::string frame_;
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

}  // namespace

std::string describe_time_limit(std::chrono::milliseconds limit) {
  const auto ms = limit.count();
  return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

ChildOutcome run_in_child(const std::function<void(const SendFn& send)>& work, std::chrono::milliseconds time_limit,
                          const ReceiveFn& receive) {
  using Clock = std::chrono::steady_clock;
  ChildOutcome outcome;
  std::vector<char> buffer(1 << 16);  // allocated before there is a child to clean up after
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    outcome.message = std::string("cannot create a pipe: ") + std::strerror(errno);
    return outcome;
  }
  // What is still buffered would otherwise be written twice: by the parent and the child.
  flush_output();
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int err = errno;
    close_fd(fds[0]);
    close_fd(fds[1]);
    outcome.message = std::string("cannot start a child process: ") + std::strerror(err);
    return outcome;
  }
  if (pid == 0) {
    close_fd(fds[0]);
    // Dies with the parent (kill -9 of the build included) rather than run on unobserved.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(1);  // the parent died before prctl took effect
    child_main(work, fds[1]);
  }
  close_fd(fds[1]);
  const int fd = fds[0];

  // Beyond 30 years is no limit in practice, and steady_clock + it must not overflow.
  time_limit = std::min(time_limit, std::chrono::milliseconds(std::chrono::hours(24 * 365 * 30)));
  const bool limited = time_limit.count() > 0;
  const Clock::time_point deadline = Clock::now() + time_limit;
  auto remaining_ms = [&]() -> long long {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left < 0 ? 0 : left + 1;  // rounded up, so that the deadline has passed when it ends
  };
  FrameReader reader(outcome.payload, receive);
  bool timed_out = false;
  std::string broken;  // why the parent stopped listening before the end
  // Read while waiting: a child sending more than a pipe holds would otherwise block forever.
  for (;;) {
    int wait = -1;
    if (limited) {
      if (Clock::now() >= deadline) {
        timed_out = true;
        break;
      }
      wait = static_cast<int>(std::min<long long>(remaining_ms(), INT_MAX));
    }
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, wait);
    if (ready < 0) {
      if (errno == EINTR) continue;
      broken = std::string("lost contact with it: ") + std::strerror(errno);
      break;
    }
    if (ready == 0) continue;  // the loop checks the deadline
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      broken = std::string("lost contact with it: ") + std::strerror(errno);
      break;
    }
    if (n == 0) break;  // the child has ended (or closed its end)
    bool framed = false;
    try {
      framed = reader.feed(buffer.data(), static_cast<std::size_t>(n));
    } catch (const std::exception& e) {  // std::bad_alloc (a result too big to hold), or receive's error
      broken = std::string("cannot receive its result: ") + e.what();
      break;
    }
    if (!framed) {
      broken = "it wrote something other than its result to the host's pipe";
      break;
    }
  }
  close_fd(fd);

  int status = 0;
  bool reaped = false;
  bool gone = false;  // reaped by someone else (SIGCHLD ignored): its pid may be reused, never kill it
  if (!timed_out && broken.empty()) {
    // End of data: the child is ending. Wait for it, within the limit still.
    long pause = 1;
    for (;;) {
      const pid_t w = ::waitpid(pid, &status, WNOHANG);
      if (w == pid) {
        reaped = true;
        break;
      }
      if (w < 0 && errno != EINTR) {
        gone = true;
        break;
      }
      if (limited && Clock::now() >= deadline) {
        timed_out = true;
        break;
      }
      sleep_ms(limited ? std::min<long long>(pause, remaining_ms()) : pause);
      pause = std::min(pause * 2, 50L);
    }
  }
  if (!reaped && !gone) {
    ::kill(pid, SIGKILL);
    reaped = reap(pid, status);
  }

  if (timed_out) {
    outcome.status = ChildOutcome::Status::timed_out;
    outcome.message = "exceeded its time limit of " + describe_time_limit(time_limit);
  } else if (!broken.empty()) {
    outcome.status = ChildOutcome::Status::failed;
    outcome.message = broken;
  } else if (reaped && WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    outcome.status = ChildOutcome::Status::crashed;
    outcome.message = "crashed: signal " + std::to_string(sig) + " (" + ::strsignal(sig) + ")";
  } else if (reader.has_error()) {
    outcome.status = ChildOutcome::Status::failed;
    outcome.message = reader.error();
  } else if (reaped && WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    outcome.status = ChildOutcome::Status::failed;
    outcome.message = "exited with status " + std::to_string(WEXITSTATUS(status));
  } else if (reader.finished()) {
    outcome.status = ChildOutcome::Status::ok;
  } else {
    outcome.status = ChildOutcome::Status::failed;
    outcome.message = "exited before finishing its work";
  }
  return outcome;
}

}  // namespace dossier::host
