#include "progress.hpp"

#include <pthread.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <new>

namespace dossier::host {

namespace {

constexpr std::int64_t redraw_interval_ns = 100'000'000;  // ~10 redraws a second at most
constexpr const char* clear_line = "\r\033[K";

// What every process of a build shares about the terminal line: mapped before any fork, so
// that a child's log line clears the parent's bar and the parent then draws it again.
struct TerminalLine {
  std::atomic<bool> bar_on_screen{false};
  std::atomic<std::uint64_t> owner{0};  ///< id of the bar allowed to draw; 0: none
  std::atomic<std::uint64_t> next_id{0};
};
static_assert(std::atomic<std::uint64_t>::is_always_lock_free && std::atomic<bool>::is_always_lock_free,
              "atomics in shared memory must be lock-free to work across processes");

std::atomic<bool> enabled_flag{false};
TerminalLine* terminal = nullptr;  // set once by set_enabled(true), never unmapped
pid_t main_pid = 0;                // the process that enabled bars: the only one that makes them

// Serialises bar draws and log lines within one process. A forked child gets a fresh one, in
// case another thread held it at the moment of the fork.
std::mutex terminal_mutex;
void renew_mutex_in_child() { new (&terminal_mutex) std::mutex(); }

void* map_shared(std::size_t bytes) {
  void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// One write(2) per draw where the terminal allows, so that a bar is never half drawn.
void write_all(const std::string& text) {
  const char* p = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    const ssize_t n = ::write(STDERR_FILENO, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

std::size_t terminal_columns() {
  winsize size{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

std::string elapsed_text(std::int64_t ns) {
  const long long s = ns / 1'000'000'000;
  char buffer[32];
  if (s >= 3600)
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", s / 60, s % 60);
  return buffer;
}

}  // namespace

struct Progress::Shared {
  std::atomic<std::uint64_t> done{0};
  std::atomic<std::int64_t> next_draw_ns{0};
};

void Progress::set_enabled(bool on) {
  if (on && !terminal) {
    void* page = map_shared(sizeof(TerminalLine));
    if (!page) return;  // no bars rather than bars that garble log lines
    terminal = new (page) TerminalLine();
    ::pthread_atfork(nullptr, nullptr, renew_mutex_in_child);
  }
  main_pid = ::getpid();
  enabled_flag.store(on);
}

bool Progress::enabled() { return enabled_flag.load(std::memory_order_relaxed); }

Progress::Progress(std::string label, std::size_t total, std::string unit)
    : label_(std::move(label)), unit_(std::move(unit)), total_(total) {
  if (!enabled()) return;
  void* page = map_shared(sizeof(Shared));
  if (!page) return;
  shared_ = new (page) Shared();
  // A bar made in a forked child counts but never draws: the child leaves through _exit, and
  // a bar that took the line there would keep it from the parent's bar for good.
  if (::getpid() != main_pid) return;
  id_ = terminal->next_id.fetch_add(1) + 1;
  previous_owner_ = terminal->owner.exchange(id_);
  started_ns_ = now_ns();
  owner_pid_ = static_cast<int>(::getpid());
  draw(true);  // the label at once, even if the first item takes long
}

Progress::~Progress() {
  if (!shared_) return;
  // Only the process that made the bar takes it off the screen (a child normally leaves
  // through _exit, but one that returns must not clear the parent's line).
  if (id_ != 0 && ::getpid() == owner_pid_) {
    std::lock_guard<std::mutex> lock(terminal_mutex);
    if (terminal->owner.load() == id_) {
      if (terminal->bar_on_screen.exchange(false)) write_all(clear_line);
      terminal->owner.store(previous_owner_);
    }
  }
  shared_->~Shared();
  ::munmap(shared_, sizeof(Shared));
}

void Progress::advance(std::size_t n) {
  if (!shared_) return;
  const std::uint64_t before = shared_->done.fetch_add(n);
  // The last step is always shown, and so is the bar after a log line took its place.
  const bool finished = before < total_ && before + n >= total_;
  draw(finished || !terminal->bar_on_screen.load(std::memory_order_relaxed));
}

std::size_t Progress::done() const { return shared_ ? static_cast<std::size_t>(shared_->done.load()) : 0; }

void Progress::draw(bool force) {
  if (id_ == 0 || terminal->owner.load(std::memory_order_relaxed) != id_) return;
  const std::int64_t now = now_ns();
  if (force) {
    shared_->next_draw_ns.store(now + redraw_interval_ns);
  } else {
    std::int64_t next = shared_->next_draw_ns.load();
    // One thread (or process) per interval wins the right to draw.
    if (now < next || !shared_->next_draw_ns.compare_exchange_strong(next, now + redraw_interval_ns)) return;
  }

  const std::size_t done = static_cast<std::size_t>(shared_->done.load());
  char counts[96];
  const int digits = std::snprintf(nullptr, 0, "%zu", total_);
  std::snprintf(counts, sizeof counts, "  %*zu/%zu %s  ", digits, done, total_, unit_.c_str());
  const std::string head = label_ + std::string(label_.size() < 8 ? 8 - label_.size() : 0, ' ') + " ";
  const std::string tail = counts + elapsed_text(now - started_ns_);
  // Stay off the last column: writing there makes some terminals wrap.
  const std::size_t columns = terminal_columns() - 1;
  std::string line = clear_line + head;
  const std::size_t fixed = head.size() + tail.size() + 2;
  if (columns >= fixed + 10) {
    const std::size_t width = columns - fixed;
    const double fraction = total_ == 0 ? 1.0 : std::min(1.0, static_cast<double>(done) / static_cast<double>(total_));
    const auto filled = static_cast<std::size_t>(fraction * static_cast<double>(width));
    line += "[" + std::string(filled, '#') + std::string(width - filled, '.') + "]";
  }
  line += tail;
  if (line.size() > columns + 4) line.resize(columns + 4);  // + 4: the "\r\033[K" takes no room

  std::lock_guard<std::mutex> lock(terminal_mutex);
  if (terminal->owner.load() != id_) return;
  write_all(line);
  terminal->bar_on_screen.store(true);
}

void Progress::print_log_line(const std::function<void()>& print) {
  if (!enabled()) {
    print();
    return;
  }
  std::lock_guard<std::mutex> lock(terminal_mutex);
  if (terminal->bar_on_screen.exchange(false)) write_all(clear_line);
  print();
}

void Progress::clear_from_signal_handler() {
  // No lock: the handler may have interrupted a draw; at worst the bar's rest follows the
  // fatal message's first words, which is still readable.
  if (terminal && terminal->bar_on_screen.exchange(false)) (void)!::write(STDERR_FILENO, clear_line, 4);
}

}  // namespace dossier::host
