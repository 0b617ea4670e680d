// `dossier check` on real files: one line per document, its warnings, totals, exit codes,
// --json, and nothing written.
#include <regex>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using test::quote;

const fs::path sample = test::corpus_dir() / "004_4233e7d77e7d0f2d.txt";

// A folder holding a copy of a clean sample as good.txt.
fs::path case_dir(const std::string& name) {
  const fs::path dir = test::fresh_dir("check/" + name);
  fs::copy_file(sample, dir / "good.txt");
  return dir;
}

// Files whose reading warns today: a text file with no text, and one altered to be read.
void add_warning_files(const fs::path& dir) {
  test::write_file(dir / "blank.txt", "   \n\n  \n");
  test::write_file(dir / "bad.txt", test::read_file(sample) + "\n\n8. Damaged \xff here.\n");
}

std::set<std::string> listing(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(dir)) names.insert(e.path().string());
  return names;
}

// stdout alone: the log goes to stderr.
test::Result stdout_of(const std::string& args) {
  return test::run("(" + quote(test::dossier_exe().string()) + " " + args + " 2>/dev/null)");
}

bool has_line(const std::string& output, const std::string& pattern) {
  return std::regex_search(output, std::regex("(^|\n)" + pattern + "(\n|$)"));
}

}  // namespace

TEST_CASE("check says ok for a clean document, exits 0 and writes nothing") {
  const fs::path dir = case_dir("clean");
  const auto before = listing(dir);
  const auto r = stdout_of("check " + quote(dir.string()));
  INFO(r.output);
  CHECK(r.exit_code == 0);
  // Named by the title on its cover, as citations name it.
  CHECK(has_line(r.output, R"(ok +GFMD Dialogue on the Global Compact on Migration +\S*good\.txt +[1-9]\d* paragraphs, )"
                           R"([1-9]\d* recommendations)"));
  CHECK(has_line(r.output, "1 documents: 1 ok, 0 with warnings"));
  CHECK(listing(dir) == before);  // no store, no output folder
}

TEST_CASE("check names each document with a warning and its diagnostics and exits 3") {
  const fs::path dir = case_dir("warnings");
  add_warning_files(dir);
  const auto r = stdout_of("check " + quote(dir.string()));
  INFO(r.output);
  CHECK(r.exit_code == 3);
  CHECK(has_line(r.output, R"(WARN +blank\.txt +\S*blank\.txt +0 paragraphs, 0 recommendations)"));  // no title: the file
  CHECK(has_line(r.output, "    warning: no text found"));
  CHECK(has_line(r.output, R"(WARN +GFMD Dialogue on the Global Compact on Migration +\S*bad\.txt .*)"));
  CHECK(has_line(r.output, "    warning: input altered: 1 byte of invalid UTF-8 replaced by U\\+FFFD"));
  CHECK(has_line(r.output, R"(ok +GFMD Dialogue on the Global Compact on Migration +\S*good\.txt .*)"));
  CHECK(has_line(r.output, "3 documents: 1 ok, 2 with warnings"));
}

TEST_CASE("check shows info diagnostics only with -v") {
  const std::string sources = quote((test::corpus_dir() / "000_361761b2e85cd3df.txt").string()) + " " +
                              quote((test::corpus_dir() / "001_88e8c2357c784c71.txt").string());
  const auto quiet = stdout_of("check " + sources);
  const auto verbose = stdout_of("check -v " + sources);
  INFO(quiet.output << "\n---\n" << verbose.output);
  CHECK(quiet.exit_code == verbose.exit_code);
  CHECK(quiet.output.find("    info: excerpt of A/68/283") == std::string::npos);
  CHECK(verbose.output.find("    info: excerpt of A/68/283") != std::string::npos);
}

TEST_CASE("check names sources it could not read and with none read it is an input error") {
  const fs::path dir = case_dir("unread");
  test::write_file(dir / "empty.txt", "");
  const auto some = stdout_of("check " + quote(dir.string()));
  INFO(some.output);
  CHECK(some.exit_code == 3);
  CHECK(has_line(some.output, R"(FAIL +source \S*empty\.txt: empty file; skipped)"));
  CHECK(has_line(some.output, "1 documents: 1 ok, 0 with warnings; 1 source\\(s\\) not read"));

  const auto none = stdout_of("check " + quote((dir / "empty.txt").string()));
  INFO(none.output);
  CHECK(none.exit_code == 5);
  CHECK(has_line(none.output, "0 documents: 0 ok, 0 with warnings; 1 source\\(s\\) not read"));
  CHECK(test::dossier("check /nonexistent/folder").exit_code == 5);
}

TEST_CASE("check --json has the manifest's health and counts per document") {
  const fs::path dir = case_dir("json");
  add_warning_files(dir);
  test::write_file(dir / "empty.txt", "");
  const auto r = stdout_of("check --json " + quote(dir.string()));
  INFO(r.output);
  CHECK(r.exit_code == 3);
  const auto j = nlohmann::json::parse(r.output);
  CHECK(j.at("documents") == 3);
  CHECK(j.at("with_warnings") == 2);
  CHECK(j.at("lost").is_object());
  REQUIRE(j.at("problems").size() == 2);
  std::set<std::string> unhealthy;
  for (const auto& p : j.at("problems")) {
    unhealthy.insert(p.at("document").get<std::string>());
    CHECK(p.at("warnings") == p.at("diagnostics").size());
    for (const auto& d : p.at("diagnostics"))
      for (const char* key : {"code", "severity", "message", "lost", "lines"}) CHECK(d.contains(key));
  }
  CHECK(unhealthy == std::set<std::string>{"bad", "blank"});
  REQUIRE(j.at("sources").size() == 3);
  for (const auto& s : j.at("sources")) {
    INFO(s.dump());
    for (const char* key : {"document", "source", "reader", "status", "warnings", "paragraphs", "recommendations",
                            "footnotes", "sections"})
      CHECK(s.contains(key));
    CHECK(s.at("status") == (s.at("document") == "good" ? "ok" : "warn"));
    if (s.at("document") == "good") CHECK(s.at("recommendations").get<int>() > 0);
  }
  REQUIRE(j.at("skipped").size() == 1);
  CHECK_THAT(j.at("skipped")[0].get<std::string>(), Catch::Contains("empty.txt: empty file"));
}

TEST_CASE("check takes a catalogue and refuses bad catalogues and command lines") {
  const auto r = stdout_of("check --catalogue " + quote((test::source_dir() / "samples/catalogue.toml").string()) +
                           " " + quote((test::corpus_dir() / "004_4233e7d77e7d0f2d.txt").string()));
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(has_line(r.output, R"(ok +GFMD GCM Dialogue Cluster 1 .*)"));  // the catalogue's short title

  const fs::path dir = case_dir("usage");
  test::write_file(dir / "bad.toml", "[[document]]\nfile = 3\n");
  CHECK(test::dossier("check --catalogue " + quote((dir / "bad.toml").string()) + " " + quote(dir.string()))
            .exit_code == 4);
  CHECK(test::dossier("check").exit_code == 2);
  CHECK(test::dossier("check --threads 0 " + quote(dir.string())).exit_code == 2);
  const auto help = test::dossier("check --help");
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.output, Catch::Contains("--json"));
}
