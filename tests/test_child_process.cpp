// Work in a child process: results come back whole, and crashes, exits and hangs are told apart.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "child_process.hpp"

using dossier::host::ChildLimits;
using dossier::host::ChildOutcome;
using dossier::host::NoteFn;
using dossier::host::run_in_child;
using dossier::host::run_items_in_children;
using dossier::host::SendFn;
using dossier::host::StartedChild;
using dossier::host::wait_for_any;
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

TEST_CASE("a started child that finished before its deadline is ok when waited for after it") {
  // Exporters run side by side: one may be waited for only after its time limit, having
  // finished long before.
  StartedChild child([](const SendFn& send) { send("done"); }, 1s);
  ::usleep(1500 * 1000);
  const auto r = child.wait();
  CHECK(r.status == ChildOutcome::Status::ok);
  CHECK(r.payload == "done");
  // One that is still silent at its deadline is stopped.
  StartedChild silent([](const SendFn&) {
    for (;;) ::pause();
  }, 1s);
  CHECK(silent.wait().status == ChildOutcome::Status::timed_out);
  check_no_child_left();
}

TEST_CASE("children waited for together: the first to end is taken, and none waits on a full pipe") {
  StartedChild slow([](const SendFn& send) {
    ::usleep(800 * 1000);
    send("slow");
  }, 30s);
  StartedChild large([](const SendFn& send) { send(std::string(std::size_t(4) << 20, 'x')); }, 30s);
  CHECK(wait_for_any({&slow, &large}) == 1);
  const auto big = large.wait();
  CHECK(big.status == ChildOutcome::Status::ok);
  CHECK(big.payload.size() == std::size_t(4) << 20);
  CHECK(wait_for_any({&slow}) == 0);
  const auto r = slow.wait();
  CHECK(r.status == ChildOutcome::Status::ok);
  CHECK(r.payload == "slow");
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

namespace {

// Takes more and more memory, touched, until an allocation fails.
[[noreturn]] void allocate_forever() {
  std::vector<std::unique_ptr<char[]>> held;
  for (;;) {
    held.emplace_back(new char[16 << 20]);
    std::memset(held.back().get(), 1, 16 << 20);
  }
}

// What run_items_in_children said about each item.
struct Items {
  std::map<std::size_t, std::string> results;
  std::map<std::size_t, ChildOutcome> failures;
  std::map<std::size_t, std::string> notes;

  void run(std::size_t count, unsigned children, const ChildLimits& limits,
           const std::function<void(std::size_t, const SendFn&, const NoteFn&)>& work) {
    run_items_in_children(
        count, children, limits, work,
        [&](std::size_t i, std::string_view result) {
          CHECK(results.count(i) + failures.count(i) == 0);  // once per item
          results[i] = std::string(result);
        },
        [&](std::size_t i, const ChildOutcome& outcome, std::string_view note) {
          CHECK(results.count(i) + failures.count(i) == 0);
          failures[i] = outcome;
          notes[i] = std::string(note);
        });
  }
};

}  // namespace

TEST_CASE("items: every item's result comes back whole, whatever the number of children") {
  for (unsigned children : {1u, 2u, 5u}) {
    INFO(children << " children");
    Items items;
    items.run(40, children, 60s, [](std::size_t i, const SendFn& send, const NoteFn& note) {
      note("working on " + std::to_string(i));
      send("item ");
      send(std::to_string(i));
      if (i == 7) send(std::string(300000, 'x'));  // more than a pipe holds
    });
    CHECK(items.failures.empty());
    REQUIRE(items.results.size() == 40);
    for (std::size_t i = 0; i < 40; ++i)
      CHECK(items.results[i] == "item " + std::to_string(i) + (i == 7 ? std::string(300000, 'x') : ""));
  }
  check_no_child_left();
}

TEST_CASE("items: a crash fails the item it was on, with its last note, and the rest still run") {
  Items items;
  items.run(20, 2, 60s, [](std::size_t i, const SendFn& send, const NoteFn& note) {
    note("reader " + std::to_string(i));
    send("partial");
    if (i == 3 || i == 11) die_of(SIGSEGV);
    if (i == 12) die_of(SIGABRT);
    send(" and done");
  });
  REQUIRE(items.failures.size() == 3);
  CHECK(items.results.size() == 17);
  for (std::size_t i : {3u, 11u, 12u}) {
    INFO(i);
    CHECK(items.failures[i].status == ChildOutcome::Status::crashed);
    CHECK(items.failures[i].signal == (i == 12 ? SIGABRT : SIGSEGV));
    CHECK(items.notes[i] == "reader " + std::to_string(i));  // what a crash report names
  }
  for (const auto& [i, result] : items.results) CHECK(result == "partial and done");
  check_no_child_left();
}

TEST_CASE("items: an exception fails its item only, in the same child") {
  Items items;
  items.run(6, 1, 60s, [](std::size_t i, const SendFn& send, const NoteFn&) {
    send("half");
    if (i == 2) throw std::runtime_error("cannot read item 2");
    send(std::to_string(::getpid()));
  });
  REQUIRE(items.failures.size() == 1);
  CHECK(items.failures[2].status == ChildOutcome::Status::failed);
  CHECK(items.failures[2].message == "cannot read item 2");
  REQUIRE(items.results.size() == 5);
  CHECK(items.results[0] == items.results[5]);  // one child did them all
  check_no_child_left();
}

TEST_CASE("items: the time limit is per item, and an item that hangs is killed at it") {
  Items items;
  const auto started = std::chrono::steady_clock::now();
  items.run(8, 2, 1s, [](std::size_t i, const SendFn& send, const NoteFn&) {
    if (i == 5)
      for (;;) ::pause();
    ::usleep(200 * 1000);  // 8 of these in one child would pass the limit: they do not add up
    send("ok");
  });
  const auto took = std::chrono::steady_clock::now() - started;
  REQUIRE(items.failures.size() == 1);
  CHECK(items.failures[5].status == ChildOutcome::Status::timed_out);
  CHECK(items.failures[5].message == "exceeded its time limit of 1 s");
  CHECK(items.results.size() == 7);
  CHECK(took < 30s);  // only that it came back: the machine may be busy
  check_no_child_left();
}

TEST_CASE("items: a result the caller cannot take fails that item only") {
  std::map<std::size_t, std::string> failed;
  std::size_t taken = 0;
  run_items_in_children(
      4, 1, 60s, [](std::size_t i, const SendFn& send, const NoteFn&) { send(std::to_string(i)); },
      [&](std::size_t i, std::string_view) {
        if (i == 1) throw std::runtime_error("malformed");
        ++taken;
      },
      [&](std::size_t i, const ChildOutcome& outcome, std::string_view) { failed[i] = outcome.message; });
  CHECK(taken == 3);
  REQUIRE(failed.size() == 1);
  CHECK(failed[1] == "cannot receive its result: malformed");
  check_no_child_left();
}

TEST_CASE("a child over its memory limit fails its allocation, and says so") {
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer's allocator reports a failed allocation and ends the process instead of
  // throwing std::bad_alloc: the child still fails alone.
  constexpr bool bad_alloc_thrown = false;
#else
  constexpr bool bad_alloc_thrown = true;
#endif
  const ChildLimits limits(60s, std::uint64_t{256} << 20);
  const auto r = run_in_child([](const SendFn&) { allocate_forever(); }, limits);
  CHECK(r.status != ChildOutcome::Status::ok);
  if (bad_alloc_thrown) CHECK(r.message == "exceeded its memory limit of 256 MiB");

  Items items;
  items.run(3, 1, limits, [](std::size_t i, const SendFn& send, const NoteFn&) {
    if (i == 1) allocate_forever();
    send("small");
  });
  REQUIRE(items.failures.size() == 1);
  if (bad_alloc_thrown) CHECK(items.failures[1].message == "exceeded its memory limit of 256 MiB");
  CHECK(items.results.size() == 2);  // the memory came back for the next item, or a new child did
  check_no_child_left();
}

TEST_CASE("limits are described as messages print them") {
  CHECK(dossier::host::describe_memory_limit(std::uint64_t{8192} << 20) == "8192 MiB");
  CHECK(dossier::host::describe_memory_limit(1000) == "1000 bytes");
  CHECK(dossier::host::signal_abbreviation(SIGSEGV) == "SIGSEGV");
  CHECK(dossier::host::signal_abbreviation(SIGKILL) == "SIGKILL");
}
