#include <catch2/catch.hpp>

#include <cstdlib>

#include "pipeline.hpp"
#include "shard.hpp"
#include "store.hpp"
#include "support.hpp"

using namespace dossier::host;
namespace fs = std::filesystem;

namespace {
// Sets environment variables for one test and restores them after.
struct Environment {
  std::vector<std::string> names;
  void set(const std::string& name, const char* value) {
    names.push_back(name);
    if (value) ::setenv(name.c_str(), value, 1);
    else ::unsetenv(name.c_str());
  }
  ~Environment() {
    for (const auto& n : names) ::unsetenv(n.c_str());
  }
};

Shard parsed(const std::string& text) {
  Shard s;
  std::string error;
  REQUIRE(parse_shard(text, s, error));
  return s;
}

std::string error_of(const std::string& text) {
  Shard s;
  std::string error;
  CHECK_FALSE(parse_shard(text, s, error));
  return error;
}
}  // namespace

TEST_CASE("shard K/N is parsed and checked") {
  Environment env;
  env.set("JOB_COMPLETION_INDEX", nullptr);
  env.set("SLURM_ARRAY_TASK_ID", nullptr);
  CHECK(parsed("2/4").index == 2);
  CHECK(parsed("2/4").count == 4);
  CHECK(parsed("1/1").count == 1);
  CHECK_THAT(error_of("0/4"), Catch::Contains("between 1 and N"));
  CHECK_THAT(error_of("5/4"), Catch::Contains("between 1 and N"));
  CHECK_THAT(error_of("two"), Catch::Contains("expected K/N"));
  CHECK_THAT(error_of("auto"), Catch::Contains("give --shard K/N"));
}

TEST_CASE("shard auto reads a Kubernetes Indexed Job") {
  Environment env;
  env.set("SLURM_ARRAY_TASK_ID", nullptr);
  env.set("JOB_COMPLETION_INDEX", "0");
  env.set("DOSSIER_SHARDS", "3");
  CHECK(parsed("auto").index == 1);
  CHECK(parsed("auto").count == 3);
  env.set("JOB_COMPLETION_INDEX", "2");
  CHECK(parsed("auto").index == 3);
  env.set("JOB_COMPLETION_INDEX", "3");
  CHECK_THAT(error_of("auto"), Catch::Contains("not between 1 and 3"));
  env.set("DOSSIER_SHARDS", nullptr);
  CHECK_THAT(error_of("auto"), Catch::Contains("DOSSIER_SHARDS"));
}

TEST_CASE("shard auto reads a Slurm job array") {
  Environment env;
  env.set("JOB_COMPLETION_INDEX", nullptr);
  env.set("SLURM_ARRAY_TASK_ID", "5");
  env.set("SLURM_ARRAY_TASK_MIN", "4");
  env.set("SLURM_ARRAY_TASK_COUNT", "4");
  CHECK(parsed("auto").index == 2);
  CHECK(parsed("auto").count == 4);
  env.set("SLURM_ARRAY_TASK_MIN", nullptr);  // arrays from 0 when not said
  env.set("SLURM_ARRAY_TASK_ID", "0");
  CHECK(parsed("auto").index == 1);
}

TEST_CASE("merge finds every partial store and refuses a missing shard") {
  const fs::path out = test::fresh_dir("shard-find");
  std::vector<fs::path> stores;
  std::string error;
  CHECK_FALSE(partial_stores(out, {}, stores, error));
  CHECK_THAT(error, Catch::Contains("no partial stores"));
  for (std::size_t k : {1, 3}) Store(shard_store_file(out, k, 3));
  CHECK_FALSE(partial_stores(out, {}, stores, error));
  CHECK_THAT(error, Catch::Contains("shard 2 of 3 is missing"));
  Store(shard_store_file(out, 2, 3));
  REQUIRE(partial_stores(out, {}, stores, error));
  REQUIRE(stores.size() == 3);
  CHECK(stores[1] == shard_store_file(out, 2, 3));
  Store(shard_store_file(out, 1, 2));
  CHECK_FALSE(partial_stores(out, {}, stores, error));
  CHECK_THAT(error, Catch::Contains("different shard counts"));
}

TEST_CASE("a store merges what another holds and refuses a file that is not a store") {
  const fs::path dir = test::fresh_dir("shard-merge-store");
  dossier::Document doc;
  doc.id = "A/1";
  const DocumentKey key{"ab", "a.txt", "text", "1"};
  {
    Store part(dir / "part.sqlite");
    part.put(key, doc);
    part.put_analysis("k1", "bytes");
  }
  Store main(dir / "main.sqlite");
  const auto counts = main.merge_from(dir / "part.sqlite");
  CHECK(counts.first == 1);
  CHECK(counts.second == 1);
  CHECK(main.find(key)->id == "A/1");
  CHECK(main.find_analysis("k1") == std::string("bytes"));
  test::write_file(dir / "junk.sqlite", "not a database at all, just text that is long enough");
  CHECK_THROWS_WITH(main.merge_from(dir / "junk.sqlite"), Catch::Contains("junk.sqlite"));
  CHECK_THROWS(main.merge_from(dir / "missing.sqlite"));
  CHECK_FALSE(fs::exists(dir / "missing.sqlite"));
}
