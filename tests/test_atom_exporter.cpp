// atom.xml read by a real feed client (Debian's python3-feedparser): every recommendation, each
// with a link and its own dates; the same feed on an unchanged rebuild; a changed one first,
// dated by the build that found the change, with the same entry id throughout.
#include <catch2/catch.hpp>

#include <set>

#include <nlohmann/json.hpp>

#include "xml_support.hpp"

using namespace dossier;
using nlohmann::json;

namespace {

/// The feed as feedparser sees it: {"bozo", "version", "title", "updated", "self": its rel="self"
/// href, "entries": [{"id", "title", "updated", "published", "tags": [[term, scheme, label]],
/// "links": [href], "link": the alternate link ("" when none), "content"}]}. Debian's python3
/// carries feedparser, not necessarily the first python3 on PATH.
json parse_feed(const test::fs::path& file) {
  const std::string script =
      "import feedparser, json, sys\n"
      "f = feedparser.parse(sys.argv[1])\n"
      "print(json.dumps({'bozo': bool(f.bozo), 'version': f.version, 'title': f.feed.get('title', ''),\n"
      "  'updated': f.feed.get('updated', ''),\n"
      "  'self': ([l.href for l in f.feed.get('links', []) if l.rel == 'self'] + [''])[0],\n"
      "  'entries': [{'id': e.id, 'title': e.title, 'updated': e.updated, 'published': e.published,\n"
      "               'tags': [[t.term, t.scheme, t.label] for t in e.get('tags', [])],\n"
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

/// The entry with id `id` in `feed`, and its position.
const json& entry(const json& feed, const std::string& id, std::size_t& at) {
  for (at = 0; at < feed["entries"].size(); ++at)
    if (feed["entries"][at]["id"] == id) return feed["entries"][at];
  FAIL("no entry " << id);
  return feed;
}

bool has_tag(const json& e, const std::string& term, const std::string& scheme) {
  for (const auto& t : e["tags"])
    if (t[0] == term && t[1] == scheme) return true;
  return false;
}

const std::string p127_id = "tag:dossier.example.org,2026:feeds/A/68/283%20%C2%B6127";

}  // namespace

TEST_CASE("every recommendation with a link and its own dates, the same feed rebuilt, a change first") {
  const Job job("atom-history");
  auto r = job.build(1700000000);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Contains("first recorded build of job 'feeds'"));
  const std::string first_bytes = test::read_file(job.out() / "atom.xml");
  const json first = parse_feed(job.out() / "atom.xml");
  CHECK_FALSE(first["bozo"].get<bool>());
  CHECK(first["version"] == "atom10");
  CHECK(first["self"] == "atom.xml");              // relative: wherever the feed is read from
  CHECK(first["updated"] == "2023-11-14T22:13:20Z");  // 1700000000: the build that recorded it all
  const std::size_t all = job.recommendations();
  CHECK(all > 200);
  CHECK(first["entries"].size() == all);
  std::set<std::string> ids, dates;
  for (const auto& e : first["entries"]) {
    ids.insert(e["id"].get<std::string>());
    dates.insert(e["updated"].get<std::string>());
    CHECK(e["link"] != "");
    CHECK(e["updated"] == e["published"]);  // never changed: as old as its document
  }
  CHECK(ids.size() == all);  // unique
  CHECK(dates.size() > 1);   // not one time for all
  std::size_t at = 0;
  {
    const json& e = entry(first, p127_id, at);
    CHECK(e["updated"] == "2013-08-05T00:00:00Z");  // A/68/283's date
    CHECK(e["link"] == "https://docs.un.org/en/A/68/283");
    CHECK(has_tag(e, "added", "https://dossier.example.org/ns/change"));
  }
  // Without a public address (no catalogue here): the document's file among the outputs.
  CHECK(first["entries"][0]["link"].get<std::string>().rfind("akn/", 0) == 0);

  r = job.build(1700000100);
  REQUIRE(r.exit_code == 0);
  CHECK(test::read_file(job.out() / "atom.xml") == first_bytes);

  job.edit(a68, p127_from, p127_to);
  r = job.build(1700000200);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Contains("0 new and 1 changed since the previous build"));
  const json edited = parse_feed(job.out() / "atom.xml");
  CHECK(edited["entries"].size() == all);
  CHECK(edited["updated"] == "2023-11-14T22:16:40Z");
  const json& e = entry(edited, p127_id, at);
  CHECK(at == 0);  // the newest first
  // Words: the citation as people write it and how the recommendation begins.
  CHECK(e["title"] == "A/68/283, para. 127 \xE2\x80\x94 All States must establish human rights-based, coherent and "
                      "comprehensive national\xE2\x80\xA6");
  CHECK(e["updated"] == "2023-11-14T22:16:40Z");    // 1700000200: when it changed
  CHECK(e["published"] == "2013-08-05T00:00:00Z");  // its document's date
  CHECK_THAT(e["content"].get<std::string>(), Catch::StartsWith(p127_to));
  CHECK(has_tag(e, "changed", "https://dossier.example.org/ns/change"));
  CHECK(has_tag(e, "10.7", "http://metadata.un.org/sdg/"));
  // Its document in the UN's Official Document System, where a feed reader opens it.
  CHECK(e["link"] == "https://docs.un.org/en/A/68/283");
  // The others keep their dates.
  const std::string second = edited["entries"][1]["id"].get<std::string>();
  CHECK(entry(edited, second, at)["updated"] == entry(first, second, at)["updated"]);

  const std::string edited_bytes = test::read_file(job.out() / "atom.xml");
  r = job.build(1700000300);
  REQUIRE(r.exit_code == 0);
  CHECK(test::read_file(job.out() / "atom.xml") == edited_bytes);
}

TEST_CASE("a build that fails records no history so the next build still dates the change") {
  const Job job("atom-failed");
  REQUIRE(job.build(1700000000).exit_code == 0);
  job.edit(a68, p127_from, p127_to);
  // One more exporter, which throws: the build is partial (exit 3), atom.xml lands.
  test::write_file(job.dir / "job.toml", test::read_file(job.dir / "job.toml") + "[[export]]\nplugin = \"throwing_exporter\"\n");
  auto r = job.build(1700000100, "--plugin-path " + test::quote(test::broken_plugin_dir().string()));
  INFO(r.output);
  REQUIRE(r.exit_code == 3);
  CHECK_THAT(r.output, Catch::Contains("build history of job 'feeds' not recorded"));
  std::size_t at = 0;
  CHECK(entry(parse_feed(job.out() / "atom.xml"), p127_id, at)["updated"] == "2023-11-14T22:15:00Z");
  CHECK(at == 0);
  // Without the failing exporter the change is found again, and then recorded.
  const std::string text = test::read_file(job.dir / "job.toml");
  test::write_file(job.dir / "job.toml", text.substr(0, text.find("[[export]]\nplugin = \"throwing_exporter\"")));
  r = job.build(1700000200);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Contains("0 new and 1 changed since the previous build"));
  CHECK(entry(parse_feed(job.out() / "atom.xml"), p127_id, at)["updated"] == "2023-11-14T22:16:40Z");
  r = job.build(1700000300);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Contains("0 new and 0 changed since the previous build"));
  CHECK(entry(parse_feed(job.out() / "atom.xml"), p127_id, at)["updated"] == "2023-11-14T22:16:40Z");
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

TEST_CASE("base_url makes links absolute, document_path names the file, max_entries keeps the newest") {
  Corpus c = test::damaged_corpus();
  Document other;
  other.id = "gfmd-2010";
  other.title = "GFMD 2010 Report";
  other.date = "2010-11-08";
  other.recommendations.push_back({});
  other.recommendations.back().address = "gfmd-2010 #1";
  other.recommendations.back().text = "Share good practices of circular migration.";
  other.recommendations.back().kind = "practical_action";
  c.documents.push_back(other);
  std::vector<std::string> warnings;

  const auto dir = test::fresh_dir("atom-base-url");
  Options options;
  options.set("base_url", "https://example.org/gfmd");
  options.set("document_path", "documents/{name}.html");
  test::export_with("atom", c, dir, warnings, options);
  const json feed = parse_feed(dir / "atom.xml");
  CHECK_FALSE(feed["bozo"].get<bool>());
  CHECK(feed["self"] == "https://example.org/gfmd/atom.xml");
  REQUIRE(feed["entries"].size() == 2);
  // The newer document first; a UN document links to the UN's system, the other to its file.
  CHECK(feed["entries"][0]["link"] == "https://docs.un.org/en/A/68/283");
  CHECK(feed["entries"][1]["link"] == "https://example.org/gfmd/documents/gfmd-2010.html");
  CHECK(feed["entries"][1]["title"] == "GFMD 2010 Report, item 1 \xE2\x80\x94 Share good practices of circular migration.");
  CHECK(feed["entries"][1]["updated"] == "2010-11-08T00:00:00Z");
  // Kinds in words for the reader, their code as the term.
  bool kind = false;
  for (const auto& t : feed["entries"][1]["tags"]) kind |= t[0] == "practical_action" && t[2] == "practical action";
  CHECK(kind);

  const auto newest = test::fresh_dir("atom-max-entries");
  options = {};
  options.set("max_entries", "1");
  test::export_with("atom", c, newest, warnings, options);
  const json one = parse_feed(newest / "atom.xml");
  REQUIRE(one["entries"].size() == 1);
  CHECK(one["entries"][0]["link"] == "https://docs.un.org/en/A/68/283");

  options = {};
  options.set("base_url", "example.org/gfmd");
  CHECK_THROWS_WITH(test::export_with("atom", c, test::fresh_dir("atom-bad-url"), warnings, options),
                    Catch::Contains("option 'base_url'"));
}
