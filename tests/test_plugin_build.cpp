// A plugin's build version: its declared version and a digest of its code, the key under
// which the store keeps what it read, so that a rebuilt reader never serves old readings.
#include <catch2/catch.hpp>

#include "plugin_build.hpp"
#include "support.hpp"

using namespace dossier::host;

TEST_CASE("a plugin's build version changes with its code, not with its place") {
  const auto dir = test::fresh_dir("plugin_build");
  test::write_file(dir / "a" / "libreader.so", "the code of one build");
  test::write_file(dir / "b" / "libreader.so", "the code of one build");
  test::write_file(dir / "c" / "libreader.so", "the code of another build");
  PluginInfo a{"layout", dossier::PluginKind::reader, "0.1.0", "", dir / "a" / "libreader.so", {}, {}, ""};
  PluginInfo b = a, c = a, d = a;
  b.file = dir / "b" / "libreader.so";
  c.file = dir / "c" / "libreader.so";
  d.version = "0.2.0";
  CHECK(build_version(a).rfind("0.1.0+", 0) == 0);
  CHECK(build_version(a).size() == std::string("0.1.0+").size() + 12);
  CHECK(build_version(a) == build_version(b));  // the same code elsewhere
  CHECK(build_version(a) != build_version(c));  // rebuilt: what it read before is read again
  CHECK(build_version(d).rfind("0.2.0+", 0) == 0);
}

TEST_CASE("a library that cannot be read still gets a version, never a match with a readable one") {
  PluginInfo missing{"layout", dossier::PluginKind::reader, "0.1.0", "", "/nonexistent/libreader.so", {}, {}, ""};
  CHECK(file_digest(missing.file) == "?");
  CHECK(build_version(missing).rfind("0.1.0+", 0) == 0);
}
