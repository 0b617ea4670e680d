// When the host restarts itself with malloc on transparent huge pages (huge_page_restart.hpp).
#include <catch2/catch.hpp>

#include "huge_page_restart.hpp"

using dossier::host::huge_page_tunables;
using dossier::host::HugePageInputs;

namespace {
HugePageInputs inputs(std::vector<std::string> args) {
  HugePageInputs in;
  in.args = std::move(args);
  in.thp_mode = "always [madvise] never";
  return in;
}
}  // namespace

TEST_CASE("the commands that build restart with the tunable, quick ones do not") {
  for (const char* command : {"build", "run", "merge", "train", "eval"})
    CHECK(huge_page_tunables(inputs({command, "job.toml"})) == "glibc.malloc.hugetlb=1");
  CHECK(huge_page_tunables(inputs({"-qq", "--log-format", "json", "build", "job.toml"})) == "glibc.malloc.hugetlb=1");
  // An option's value that looks like a command is not the command.
  CHECK(huge_page_tunables(inputs({"--plugin-path", "build", "show", "A/RES/1 #2"})).empty());
  for (const char* command : {"show", "search", "plugins", "sources"})
    CHECK(huge_page_tunables(inputs({command, "x"})).empty());
  CHECK(huge_page_tunables(inputs({})).empty());
  CHECK(huge_page_tunables(inputs({"build", "--help"})).empty());
  CHECK(huge_page_tunables(inputs({"--version"})).empty());
}

TEST_CASE("the user's tunables are kept, and their choice of this one wins") {
  auto in = inputs({"build", "job.toml"});
  const std::string other = "glibc.malloc.arena_max=2";
  in.tunables = other.c_str();
  CHECK(huge_page_tunables(in) == "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
  const std::string theirs = "glibc.malloc.hugetlb=0";
  in.tunables = theirs.c_str();
  CHECK(huge_page_tunables(in).empty());
}

TEST_CASE("no restart when turned off or when the kernel has no transparent huge pages") {
  auto in = inputs({"build", "job.toml"});
  in.opt_out = "0";
  CHECK(huge_page_tunables(in).empty());
  in.opt_out = "1";
  CHECK_FALSE(huge_page_tunables(in).empty());
  in.thp_mode = "always madvise [never]";
  CHECK(huge_page_tunables(in).empty());
  in.thp_mode = "";  // no such file
  CHECK(huge_page_tunables(in).empty());
  in.thp_mode = "[always] madvise never";
  CHECK_FALSE(huge_page_tunables(in).empty());
}
