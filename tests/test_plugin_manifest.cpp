// Reading what a plugin declares from its file (plugin_manifest.hpp), without loading it.
#include <catch2/catch.hpp>

#include <fstream>

#include "plugin_manifest.hpp"
#include "support.hpp"

using namespace dossier;
using namespace dossier::host;

TEST_CASE("a built plugin's section says what its descriptor says") {
  const auto text = read_manifest_section(test::plugin_dir() / "dossier-exporter-json.so");
  REQUIRE(text);
  const PluginManifest m = parse_manifest(*text);
  CHECK(m.abi_version == DOSSIER_ABI_VERSION);
  CHECK(m.layout == layout_fingerprint());
  CHECK(m.kind == static_cast<std::uint32_t>(PluginKind::exporter));
  CHECK(m.name == "json");
  CHECK(m.default_file == "corpus.json");
  REQUIRE(m.options.size() == 1);
  CHECK(m.options[0].name == "pretty");
  CHECK(m.options[0].type == OptionType::boolean);
  CHECK(m.options[0].default_value == "false");
  CHECK(m.file_names.empty());  // it writes the file it is given
  // The pdf exporter declares how it names its briefs, for --dry-run.
  const auto pdf = read_manifest_section(test::plugin_dir() / "dossier-exporter-pdf.so");
  REQUIRE(pdf);
  CHECK(parse_manifest(*pdf).file_names == "{stem}{-focus}{-state}{-states}{-language}{ext}");
  CHECK(parse_manifest(*pdf).default_file == "brief.pdf");
}

TEST_CASE("files without a section give none; damaged files give an error, never a crash") {
  CHECK_FALSE(read_manifest_section(test::broken_plugin_dir() / "dossier-exporter-not_a_library.so"));
  CHECK_FALSE(read_manifest_section(test::broken_plugin_dir() / "dossier-exporter-no_entry_point.so"));
  // An ELF whose section table points past the end of the file.
  std::string elf = test::read_file(test::plugin_dir() / "dossier-exporter-json.so");
  const auto dir = test::fresh_dir("manifest");
  const auto truncated = dir / "truncated.so";
  std::ofstream(truncated, std::ios::binary) << elf.substr(0, 4096);
  CHECK_THROWS_WITH(read_manifest_section(truncated), Catch::Contains("outside the file"));
}

TEST_CASE("a malformed manifest is refused with a reason") {
  CHECK_THROWS_WITH(parse_manifest("name=x\n"), Catch::Contains("lacks"));
  CHECK_THROWS_WITH(parse_manifest("dossier-plugin=2\nabi=6\n"), Catch::Contains("another format"));
  CHECK_THROWS_WITH(parse_manifest("dossier-plugin=1\nabi=x\nlayout=0\nkind=1\n"), Catch::Contains("malformed abi"));
  CHECK_THROWS_WITH(parse_manifest("dossier-plugin=1\nabi=6\nlayout=0\nkind=1\noption=a\x1f" "1\n"),
                    Catch::Contains("malformed option"));
  CHECK_THROWS_WITH(parse_manifest("dossier-plugin=1\nabi=6\nlayout=ffffffffffffffffff\nkind=1\n"),
                    Catch::Contains("malformed layout"));
  const PluginManifest m = parse_manifest("dossier-plugin=1\nabi=6\nlayout=00ff\nkind=2\nname=a\nlater_key=ignored\n");
  CHECK(m.layout == 0xff);
  CHECK(m.kind == 2);
}
