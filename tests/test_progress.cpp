// Progress bars: nothing at all unless enabled, a bar on a terminal, log lines beside it.
#include <catch2/catch.hpp>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>

#include "logging.hpp"
#include "progress.hpp"

using dossier::host::Progress;

namespace {

// Points this process's stderr at a pseudo terminal (or a pipe) and collects what is written
// to it, from a thread so that a full buffer never blocks the writer.
class CapturedStderr {
 public:
  explicit CapturedStderr(bool terminal, unsigned short columns = 60) {
    int fds[2];
    if (terminal) {
      winsize size{};
      size.ws_col = columns;
      size.ws_row = 24;
      REQUIRE(::openpty(&fds[0], &fds[1], nullptr, nullptr, &size) == 0);
      termios raw{};
      ::tcgetattr(fds[1], &raw);
      ::cfmakeraw(&raw);  // bytes as written: no "\n" to "\r\n"
      ::tcsetattr(fds[1], TCSANOW, &raw);
    } else {
      REQUIRE(::pipe(fds) == 0);
    }
    read_end_ = fds[0];
    write_end_ = fds[1];
    std::fflush(stderr);
    saved_ = ::dup(STDERR_FILENO);
    ::dup2(write_end_, STDERR_FILENO);
    reader_ = std::thread([this] {
      char buffer[4096];
      for (;;) {
        pollfd p{read_end_, POLLIN, 0};
        const int ready = ::poll(&p, 1, 50);
        if (ready > 0) {
          const ssize_t n = ::read(read_end_, buffer, sizeof buffer);
          if (n <= 0) return;
          text_.append(buffer, static_cast<std::size_t>(n));
        } else if (stop_) {
          return;  // quiet for 50 ms after the writer finished: all is in
        }
      }
    });
  }

  /// Restores stderr and returns everything written while captured.
  std::string finish() {
    std::fflush(stderr);
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
    stop_ = true;
    reader_.join();
    ::close(write_end_);
    ::close(read_end_);
    return text_;
  }

 private:
  int read_end_ = -1, write_end_ = -1, saved_ = -1;
  std::atomic<bool> stop_{false};
  std::string text_;
  std::thread reader_;
};

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("disabled bars write nothing at all") {
  Progress::set_enabled(false);
  for (bool terminal : {true, false}) {
    CapturedStderr captured(terminal);
    {
      Progress bar("read", 10);
      for (int i = 0; i < 10; ++i) bar.advance();
      CHECK(bar.done() == 0);
    }
    Progress::print_log_line([] {});
    CHECK(captured.finish().empty());
  }
}

TEST_CASE("an enabled bar shows its label and counts on a terminal and is cleared at the end") {
  CapturedStderr captured(true, 60);
  Progress::set_enabled(true);
  {
    Progress bar("read", 3);
    for (int i = 0; i < 3; ++i) bar.advance();
    CHECK(bar.done() == 3);
  }
  Progress::set_enabled(false);
  const std::string out = captured.finish();
  INFO(out);
  CHECK(out.rfind("\r\033[Kread     [", 0) == 0);  // drawn at once, from the line's start
  CHECK_THAT(out, Catch::Contains("0/3 documents  0:00"));
  CHECK_THAT(out, Catch::Contains("[" + std::string(27, '#') + "]  3/3 documents  0:00"));
  CHECK(out.size() >= 4);
  CHECK(out.substr(out.size() - 4) == "\r\033[K");  // the line is left empty
  CHECK(out.find('\n') == std::string::npos);
  // Each drawing fits the 60 columns, less the last one.
  std::size_t start = 0;
  for (auto at = out.find("\r\033[K", 1); start != std::string::npos; start = at, at = out.find("\r\033[K", at + 1)) {
    const std::string drawing = out.substr(start + 4, at == std::string::npos ? std::string::npos : at - start - 4);
    CHECK(drawing.size() <= 59);
  }
}

TEST_CASE("advance from four threads reaches the total") {
  CapturedStderr captured(true);
  Progress::set_enabled(true);
  std::size_t done = 0;
  {
    Progress bar("analyze", 10000, "paragraphs");
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&bar] {
        for (int i = 0; i < 2500; ++i) bar.advance();
      });
    for (auto& t : threads) t.join();
    done = bar.done();
  }
  Progress::set_enabled(false);
  const std::string out = captured.finish();
  CHECK(done == 10000);
  CHECK_THAT(out, Catch::Contains("10000/10000 paragraphs"));
  CHECK(count(out, "paragraphs") < 50);  // at most ~10 drawings a second, not one per step
}

TEST_CASE("a forked child advances the parent's bar") {
  CapturedStderr captured(true);
  Progress::set_enabled(true);
  std::size_t done = 0;
  {
    Progress bar("analyze", 8);
    bar.advance(2);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      bar.advance(5);
      Progress own("child", 1);  // counts, but must not take the line from the parent's bar
      own.advance();
      ::_exit(own.done() == 1 ? 0 : 1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    done = bar.done();
    bar.advance();
  }
  Progress::set_enabled(false);
  const std::string out = captured.finish();
  CHECK(done == 7);
  CHECK_THAT(out, Catch::Contains("8/8 documents") && !Catch::Contains("child"));
}

TEST_CASE("a log line clears the bar and the bar comes back on the next advance") {
  CapturedStderr captured(true);
  const auto previous_logger = spdlog::default_logger();
  dossier::host::setup_logging(spdlog::level::info, dossier::host::LogFormat::text);
  Progress::set_enabled(true);
  {
    Progress bar("export", 2, "exporters");
    bar.advance();
    spdlog::warn("something to say");
    bar.advance();
  }
  Progress::set_enabled(false);
  spdlog::set_default_logger(previous_logger);
  const std::string out = captured.finish();
  INFO(out);
  const auto message = out.find("something to say\n");
  REQUIRE(message != std::string::npos);
  const auto line_start = out.rfind("\r\033[Kdossier: ", message);
  REQUIRE(line_start != std::string::npos);
  // Nothing of the bar between the clearing and the message.
  CHECK(out.substr(line_start, message - line_start).find("exporters") == std::string::npos);
  CHECK_THAT(out.substr(message), Catch::Contains("2/2 exporters"));
}
