// Work in a child process: results come back whole, and crashes, exits and hangs are told apart.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "child_process.hpp"

using dossier::host::ChildOutcome;
using dossier::host::run_in_child;
using dossier::host::SendFn;
using namespace std::chrono_literals;

namespace {

// No child of this test program may be left behind, finished or not.
void check_no_child_left() {
  int status = 0;
  const pid_t w = ::waitpid(-1, &status, WNOHANG);
  CHECK((w == 0 || (w == -1 && errno == ECHILD)));
  CHECK(w <= 0);
}

// Catch2 (and the sanitizers, for SIGSEGV) handle fatal signals themselves, reporting and
// exiting instead of dying of the signal: the default action is what the host's child gets.
[[noreturn]] void die_of(int sig) {
  ::signal(sig, SIG_DFL);
  if (sig == SIGABRT) std::abort();
  ::raise(sig);
  ::_exit(99);  // not reached
}

}  // namespace

TEST_CASE("a child that sends its result is ok and the result arrives whole") {
  const auto r = run_in_child(
      [](const SendFn& send) {
        send("hello, ");
        send("");
        send("parent");
      },
      10s);
  CHECK(r.status == ChildOutcome::Status::ok);
  CHECK(r.payload == "hello, parent");
  CHECK(r.message.empty());
  check_no_child_left();
}

TEST_CASE("ten megabytes come through a pipe that holds far less") {
  std::string big(10 * 1024 * 1024, '\0');
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 7 + i / 4096);
  const auto r = run_in_child([&](const SendFn& send) { send(big); }, 60s);
  REQUIRE(r.status == ChildOutcome::Status::ok);
  CHECK(r.payload.size() == big.size());
  CHECK(r.payload == big);
  check_no_child_left();
}

TEST_CASE("with a receiver each piece arrives whole and in order, and nothing gathers in payload") {
  std::string big(3 * 1024 * 1024 + 17, '\0');  // bigger than the pipe and than one read
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 13 + i / 977);
  std::vector<std::string> pieces;
  const auto r = run_in_child(
      [&](const SendFn& send) {
        send("first");
        send("");
        send(big);
        send("last");
      },
      60s, [&](std::string_view piece) { pieces.emplace_back(piece); });
  REQUIRE(r.status == ChildOutcome::Status::ok);
  CHECK(r.payload.empty());
  REQUIRE(pieces.size() == 4);
  CHECK(pieces[0] == "first");
  CHECK(pieces[1].empty());
  CHECK(pieces[2] == big);
  CHECK(pieces[3] == "last");
  check_no_child_left();
}

TEST_CASE("a receiver that throws ends the child as a failure naming the reason") {
  int calls = 0;
  const auto r = run_in_child(
      [](const SendFn& send) {
        send("not what the parent expects");
        for (;;) send(std::string(1 << 16, 'x'));  // would fill the pipe for ever
      },
      60s,
      [&](std::string_view) {
        ++calls;
        throw std::runtime_error("bad record");
      });
  CHECK(r.status == ChildOutcome::Status::failed);
  CHECK(r.message == "cannot receive its result: bad record");
  CHECK(calls == 1);
  check_no_child_left();
}

TEST_CASE("a crash after some pieces were received is still a crash") {
  int calls = 0;
  const auto r = run_in_child(
      [](const SendFn& send) {
        send("part of a result");
        die_of(SIGSEGV);
      },
      10s, [&](std::string_view) { ++calls; });
  CHECK(r.status == ChildOutcome::Status::crashed);
  CHECK(calls <= 1);
  check_no_child_left();
}

TEST_CASE("an exception in the child is a failure with its message") {
  const auto r = run_in_child(
      [](const SendFn& send) {
        send("half");
        throw std::runtime_error("disk quota exceeded (simulated)");
      },
      10s);
  CHECK(r.status == ChildOutcome::Status::failed);
  CHECK(r.message == "disk quota exceeded (simulated)");
  const auto unknown = run_in_child([](const SendFn&) { throw 42; }, 10s);
  CHECK(unknown.status == ChildOutcome::Status::failed);
  CHECK(unknown.message == "unknown exception");
  check_no_child_left();
}

TEST_CASE("a segfault in the child is a crash naming the signal") {
  const auto r = run_in_child(
      [](const SendFn& send) {
        send("part of a result");
        die_of(SIGSEGV);
      },
      10s);
  CHECK(r.status == ChildOutcome::Status::crashed);
  CHECK(r.message == "crashed: signal 11 (Segmentation fault)");
  check_no_child_left();
}

TEST_CASE("abort in the child is a crash") {
  const auto r = run_in_child([](const SendFn&) { die_of(SIGABRT); }, 10s);
  CHECK(r.status == ChildOutcome::Status::crashed);
  CHECK_THAT(r.message, Catch::StartsWith("crashed: signal 6 (Aborted)"));
  check_no_child_left();
}

TEST_CASE("a child that exits with a status is a failure saying so") {
  const auto r = run_in_child([](const SendFn&) { ::_exit(3); }, 10s);
  CHECK(r.status == ChildOutcome::Status::failed);
  CHECK(r.message == "exited with status 3");
  // Status 0 before the work returned is no success either.
  const auto early = run_in_child([](const SendFn&) { ::_exit(0); }, 10s);
  CHECK(early.status == ChildOutcome::Status::failed);
  CHECK_THAT(early.message, Catch::Contains("before finishing"));
  check_no_child_left();
}

TEST_CASE("a child that never finishes is killed at its time limit") {
  const auto started = std::chrono::steady_clock::now();
  const auto r = run_in_child(
      [](const SendFn& send) {
        send("started");
        for (;;) ::pause();
      },
      1s);
  const auto took = std::chrono::steady_clock::now() - started;
  CHECK(r.status == ChildOutcome::Status::timed_out);
  CHECK(r.message == "exceeded its time limit of 1 s");
  CHECK(took >= 1s);
  CHECK(took < 30s);  // only that it came back: the machine may be busy
  check_no_child_left();
}

TEST_CASE("without a time limit a slow child is waited for") {
  const auto r = run_in_child(
      [](const SendFn& send) {
        ::usleep(300 * 1000);
        send("late");
      },
      0ms);
  CHECK(r.status == ChildOutcome::Status::ok);
  CHECK(r.payload == "late");
  check_no_child_left();
}
