// atom.xml read by a real feed client (Debian's python3-feedparser): every recommendation on
// a job's first build, none on an unchanged rebuild, exactly the changed ones after a source
// is edited, with the same entry ids throughout.
#include <catch2/catch.hpp>

#include <set>

#include <nlohmann/json.hpp>

#include "xml_support.hpp"

using namespace dossier;
using nlohmann::json;

namespace {

/// The feed as feedparser sees it: {"bozo", "entries": [{"id", "title", "updated",
/// "published", "tags": [[term, scheme]], "links": [href], "link": the alternate link ("" when none),
/// "content"}]}. Debian's python3
/// carries feedparser, not necessarily the first python3 on PATH.
json parse_feed(const test::fs::path& file) {
  const std::string script =
      "import feedparser, json, sys\n"
      "f = feedparser.parse(sys.argv[1])\n"
      "print(json.dumps({'bozo': bool(f.bozo), 'version': f.version, 'title': f.feed.get('title', ''),\n"
      "  'entries': [{'id': e.id, 'title': e.title, 'updated': e.updated, 'published': e.published,\n"
      "               'tags': [[t.term, t.scheme] for t in e.get('tags', [])],\n"
      "               'links': [l.href for l in e.get('links', [])], 'link': e.get('link', ''),\n"
      "               'content': e.content[0].value} for e in f.entries]}))\n";
  const auto r = test::run("/usr/bin/python3 -c " + test::quote(script) + " " + test::quote(file.string()));
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.output);
}

struct Job {
  test::fs::path dir;
  test::fs::path out() const { return dir / "out"; }

  explicit Job(const std::string& name) : dir(test::fresh_dir(name)) {
    test::fs::create_directories(dir / "corpus");
    for (const auto& e : test::fs::directory_iterator(test::corpus_dir()))
      test::fs::copy_file(e.path(), dir / "corpus" / e.path().filename());
    test::write_file(dir / "job.toml",
                     "name = \"feeds\"\nsources = [\"corpus\"]\n"
                     "[[analyze]]\nplugin = \"sdg\"\n[[analyze]]\nplugin = \"gcm\"\n"
                     "[[export]]\nplugin = \"atom\"\n[[export]]\nplugin = \"json\"\n");
  }

  /// `dossier build` at a pinned build time; `extra` goes before the subcommand.
  test::Result build(long long epoch, const std::string& extra = "") const {
    return test::run("SOURCE_DATE_EPOCH=" + std::to_string(epoch) + " " + test::quote(test::dossier_exe().string()) +
                     " " + extra + " build " + test::quote((dir / "job.toml").string()) + " --out " +
                     test::quote(out().string()));
  }

  std::size_t recommendations() const {
    std::size_t n = 0;
    const json corpus = json::parse(test::read_file(out() / "corpus.json"));
    for (const auto& d : corpus["documents"]) n += d["recommendations"].size();
    return n;
  }

  /// Replaces `from` by `to` in one source file.
  void edit(const std::string& file, const std::string& from, const std::string& to) const {
    std::string text = test::read_file(dir / "corpus" / file);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    test::write_file(dir / "corpus" / file, text);
  }
};

const std::string a68 = "001_88e8c2357c784c71.txt";
const std::string p127_from = "All States should establish human rights-based";
const std::string p127_to = "All States must establish human rights-based";

}  // namespace

TEST_CASE("first build lists every recommendation, an unchanged rebuild none, an edit exactly what changed") {
  const Job job("atom-history");
  auto r = job.build(1700000000);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Contains("first recorded build of job 'feeds'"));
  const json first = parse_feed(job.out() / "atom.xml");
  CHECK_FALSE(first["bozo"].get<bool>());
  CHECK(first["version"] == "atom10");
  const std::size_t all = job.recommendations();
  CHECK(all > 200);
  CHECK(first["entries"].size() == all);
  std::set<std::string> ids;
  for (const auto& e : first["entries"]) ids.insert(e["id"].get<std::string>());
  CHECK(ids.size() == all);  // unique

  r = job.build(1700000100);
  REQUIRE(r.exit_code == 0);
  CHECK(parse_feed(job.out() / "atom.xml")["entries"].empty());

  job.edit(a68, p127_from, p127_to);
  r = job.build(1700000200);
  REQUIRE(r.exit_code == 0);
  const json edited = parse_feed(job.out() / "atom.xml");
  REQUIRE(edited["entries"].size() == 1);
  const json& e = edited["entries"][0];
  // Words: the citation as people write it and how the recommendation begins.
  CHECK(e["title"] == "A/68/283, para. 127 \xE2\x80\x94 All States must establish human rights-based, coherent and "
                      "comprehensive national\xE2\x80\xA6");
  CHECK(ids.count(e["id"].get<std::string>()) == 1);  // the same entry, updated
  CHECK(e["updated"] == "2023-11-14T22:16:40Z");       // 1700000200: when it changed
  CHECK(e["published"] == "2023-11-14T22:13:20Z");     // 1700000000: when it was first seen
  CHECK_THAT(e["content"].get<std::string>(), Catch::StartsWith(p127_to));
  bool changed = false, sdg = false;
  for (const auto& t : e["tags"]) {
    changed |= t[0] == "changed" && t[1] == "https://dossier.example.org/ns/change";
    sdg |= t[0] == "10.7" && t[1] == "http://metadata.un.org/sdg/";
  }
  CHECK(changed);
  CHECK(sdg);
  // Its document in the UN's Official Document System, where a feed reader opens it.
  CHECK(e["link"] == "https://docs.un.org/en/A/68/283");

  r = job.build(1700000300);
  REQUIRE(r.exit_code == 0);
  CHECK(parse_feed(job.out() / "atom.xml")["entries"].empty());
}

TEST_CASE("a build that fails records no history so the next feed still has the change") {
  const Job job("atom-failed");
  REQUIRE(job.build(1700000000).exit_code == 0);
  job.edit(a68, p127_from, p127_to);
  // One more exporter, which throws: the build is partial (exit 3), atom.xml lands.
  test::write_file(job.dir / "job.toml", test::read_file(job.dir / "job.toml") + "[[export]]\nplugin = \"throwing_exporter\"\n");
  auto r = job.build(1700000100, "--plugin-path " + test::quote(test::broken_plugin_dir().string()));
  INFO(r.output);
  REQUIRE(r.exit_code == 3);
  CHECK_THAT(r.output, Catch::Contains("build history of job 'feeds' not recorded"));
  CHECK(parse_feed(job.out() / "atom.xml")["entries"].size() == 1);
  // Without the failing exporter the change is reported again, and then recorded.
  const std::string text = test::read_file(job.dir / "job.toml");
  test::write_file(job.dir / "job.toml", text.substr(0, text.find("[[export]]\nplugin = \"throwing_exporter\"")));
  r = job.build(1700000200);
  REQUIRE(r.exit_code == 0);
  CHECK(parse_feed(job.out() / "atom.xml")["entries"].size() == 1);
  REQUIRE(job.build(1700000300).exit_code == 0);
  CHECK(parse_feed(job.out() / "atom.xml")["entries"].empty());
}

TEST_CASE("dossier run keeps no history: every recommendation, and it says so") {
  const auto out = test::fresh_dir("atom-run");
  const auto r = test::dossier("run " + test::quote(test::corpus_dir().string()) +
                               " --analyze sdg,gcm --export atom --export json --out " + test::quote(out.string()));
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Contains("[atom] no build history"));
  const json feed = parse_feed(out / "atom.xml");
  std::size_t all = 0;
  const json corpus = json::parse(test::read_file(out / "corpus.json"));
  for (const auto& d : corpus["documents"]) all += d["recommendations"].size();
  CHECK(feed["entries"].size() == all);
  // A second run is no rebuild of a job: everything again.
  REQUIRE(test::dossier("run " + test::quote(test::corpus_dir().string()) +
                        " --analyze sdg,gcm --export atom --out " + test::quote(out.string())).exit_code == 0);
  CHECK(parse_feed(out / "atom.xml")["entries"].size() == all);
}

TEST_CASE("entry ids depend only on the job and the address") {
  const auto a = test::fresh_dir("atom-ids-a");
  const auto b = test::fresh_dir("atom-ids-b");
  std::vector<std::string> warnings;
  const Corpus c = test::damaged_corpus();
  test::export_with("atom", c, a, warnings, {}, {"gfmd", "en", 1700000000, "0.1.0"});
  test::export_with("atom", c, b, warnings, {}, {"gfmd", "en", 1800000000, "0.2.0"});
  const json fa = parse_feed(a / "atom.xml"), fb = parse_feed(b / "atom.xml");
  REQUIRE(fa["entries"].size() == 1);
  CHECK(fa["entries"][0]["id"] == "tag:dossier.example.org,2026:gfmd/A/68/283%20%C2%B6135");
  CHECK(fa["entries"][0]["id"] == fb["entries"][0]["id"]);
  // Damaged text reaches the feed repaired.
  CHECK(fa["entries"][0]["content"] == test::repaired_text());
  // In the content, and in the title, which quotes its first words.
  CHECK_THAT(warnings.at(0), Catch::StartsWith("replaced 12 characters"));
}
