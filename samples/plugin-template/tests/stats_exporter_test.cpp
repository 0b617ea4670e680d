// The plugin's own test, with Dossier's test kit: the built library is loaded as the host
// loads it, and the exporter runs on the kit's small corpus. `ctest` in the build folder.
#include <dossier/testing.hpp>

#include <iostream>
#include <string>

namespace {
int failures = 0;
void check(bool ok, const std::string& what) {
  if (!ok) {
    std::cerr << "FAILED: " << what << "\n";
    ++failures;
  }
}
}  // namespace

int main() {
  const dossier::testing::LoadedPlugin plugin(DOSSIER_TEST_PLUGIN);
  check(std::string(plugin.descriptor().name) == "stats", "the plugin is called stats");
  auto context = dossier::testing::make_context("stats");
  const auto files = dossier::testing::export_files(plugin, dossier::testing::sample_corpus(), context);
  check(files.size() == 1 && files.count("stats.csv") == 1, "it writes stats.csv only");
  const std::string& csv = files.at("stats.csv");
  check(csv.rfind("document,title,paragraphs,numbered_paragraphs,recommendations,annotations\n", 0) == 0,
        "the header row comes first");
  // A/HRC/99/1: 3 paragraphs, all numbered, 2 recommendations, 5 annotations (4 of its
  // paragraphs, 1 of the whole report).
  check(csv.find("\"A/HRC/99/1\",\"Report of the Working Group on the Universal Periodic Review: Exampleland\",3,3,2,5\n") !=
            std::string::npos,
        "the report's row counts its paragraphs, recommendations and annotations:\n" + csv);
  check(csv.find("\"A/RES/99/2\",\"Migrants et développement durable\",1,1,1,1\n") != std::string::npos,
        "the resolution's row:\n" + csv);
  if (failures == 0) std::cout << "stats exporter: all checks passed\n";
  return failures == 0 ? 0 : 1;
}
