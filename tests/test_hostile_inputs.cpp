// Hostile and damaged input (docs/readers.md): each file is made here, put beside a real
// sample document, and the real host builds the folder with every analyzer and the json,
// xml, xlsx and pdf exporters. Each bad file gets one diagnostic naming it; the sample
// still lands in valid outputs; --strict fails instead and leaves earlier outputs alone.
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "dossier/domain/text_repair.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using test::quote;

const fs::path sample = test::corpus_dir() / "004_4233e7d77e7d0f2d.txt";

// A folder for one case holding a copy of the sample as good.txt.
fs::path case_dir(const std::string& name) {
  const fs::path dir = test::fresh_dir("hostile/" + name) / "in";
  fs::create_directories(dir);
  fs::copy_file(sample, dir / "good.txt");
  return dir;
}

std::string build_args(const fs::path& in, const fs::path& out) {
  return "run " + quote(in.string()) + " -a sdg,gcm -e json -e xml -e xlsx -e pdf --no-cache --out " +
         quote(out.string());
}

test::Result build(const fs::path& in, const fs::path& out, const std::string& extra = "") {
  return test::dossier(build_args(in, out) + " " + extra);
}

// corpus.json parses, feed.xml is well-formed, and the sample is among the documents;
// returns the corpus.
nlohmann::json check_outputs(const fs::path& out) {
  const auto corpus = nlohmann::json::parse(test::read_file(out / "corpus.json"));
  pugi::xml_document feed;
  const auto parsed = feed.load_file((out / "feed.xml").c_str());
  INFO("feed.xml: " << parsed.description());
  CHECK(parsed);
  CHECK(fs::file_size(out / "matrix.xlsx") > 0);
  bool sample_there = false;
  for (const auto& d : corpus.at("documents"))
    if (d.at("source").get<std::string>().find("good.txt") != std::string::npos) sample_there = true;
  CHECK(sample_there);
  return corpus;
}

const nlohmann::json* document_from(const nlohmann::json& corpus, const std::string& file) {
  for (const auto& d : corpus.at("documents"))
    if (d.at("source").get<std::string>().find(file) != std::string::npos) return &d;
  return nullptr;
}

std::string all_text(const nlohmann::json& doc) {
  std::string text;
  for (const auto& b : doc.at("paragraphs")) text += b.value("text", "") + "\n";
  return text;
}

}  // namespace

TEST_CASE("invalid UTF-8 is replaced by U+FFFD and named in one warning") {
  const fs::path in = case_dir("utf8");
  std::string text = test::read_file(sample);
  text += "\n\n7. Broken \xff bytes \xc3 and \xe2\x82 a truncated \xf0\x9f sequence \xc0\xaf overlong.\n";
  test::write_file(in / "bad.txt", text);
  const fs::path out = in.parent_path() / "out";
  const auto r = build(in, out);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(test::count_lines_containing(r.output, "bad.txt: input altered: 8 bytes of invalid UTF-8 replaced by U+FFFD") == 1);
  const auto corpus = check_outputs(out);
  const auto* bad = document_from(corpus, "bad.txt");
  REQUIRE(bad);
  CHECK(all_text(*bad).find("Broken \xEF\xBF\xBD bytes") != std::string::npos);
  const auto manifest = nlohmann::json::parse(test::read_file(out / "manifest.json"));
  REQUIRE(manifest.at("warnings").size() == 1);
  CHECK(manifest["warnings"][0].get<std::string>().find("bad.txt") != std::string::npos);
}

TEST_CASE("NUL bytes in text are dropped with one warning") {
  const fs::path in = case_dir("nul");
  std::string text = test::read_file(sample);
  for (std::size_t at = 100; at < text.size(); at += 997) text.insert(at, 1, '\0');
  test::write_file(in / "nul.txt", text);
  const fs::path out = in.parent_path() / "out";
  const auto r = build(in, out);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(test::count_lines_containing(r.output, "nul.txt: input altered: ") == 1);
  CHECK(r.output.find("NUL bytes dropped") != std::string::npos);
  const auto corpus = check_outputs(out);
  const auto* doc = document_from(corpus, "nul.txt");
  REQUIRE(doc);
  CHECK(all_text(*doc).find('\0') == std::string::npos);
  // The same paragraphs as the clean sample: the bytes were damage, not content.
  CHECK(doc->at("paragraphs").size() == document_from(corpus, "good.txt")->at("paragraphs").size());
}

TEST_CASE("empty files binary files and fake PDFs are skipped with an error naming each") {
  const fs::path in = case_dir("unusable");
  test::write_file(in / "empty.txt", "");
  std::string binary;
  std::uint32_t x = 12345;
  for (int i = 0; i < 100000; ++i) binary += static_cast<char>((x = x * 1103515245u + 12345u) >> 24);
  test::write_file(in / "blob.bin", binary);
  std::string fake = "%PDF-1.7\n";
  for (int i = 0; i < 100; ++i) fake += "this is not really a PDF\n";
  test::write_file(in / "fake.pdf", fake);
  const fs::path out = in.parent_path() / "out";
  const auto r = build(in, out);
  INFO(r.output);
  CHECK(r.exit_code == 3);
  CHECK(test::count_lines_containing(r.output, "empty.txt: empty file; skipped") == 1);
  CHECK(test::count_lines_containing(r.output, "blob.bin: no reader understands this file") == 1);
  CHECK(test::count_lines_containing(r.output, "fake.pdf: reader pdf failed: not a readable PDF") == 1);
  const auto corpus = check_outputs(out);
  CHECK(corpus.at("documents").size() == 1);
  const auto manifest = nlohmann::json::parse(test::read_file(out / "manifest.json"));
  CHECK(manifest.at("errors").size() == 3);
}

TEST_CASE("a 50 MB single line is broken into paragraphs with bounded memory") {
  const fs::path in = case_dir("long-line");
  const std::size_t size = 50u << 20;
  {
    // A numbered paragraph that never ends: the shape the structure parser's patterns
    // would follow character by character.
    std::ofstream f(in / "long.txt", std::ios::binary);
    f << "A title\n\n1. ";
    const std::string words = "migration governance and the human rights of all migrants ";
    for (std::size_t n = 0; n < size; n += words.size()) f << words;
    f << "\n\n2. A last paragraph.\n";
  }
  const fs::path out = in.parent_path() / "out";
  const auto r = build(in, out);
  INFO(r.output.substr(0, 4000));
  CHECK(r.exit_code == 0);
  CHECK(test::count_lines_containing(r.output, "long.txt: input altered: 1 line was longer than 65536 bytes") == 1);
  const auto corpus = check_outputs(out);
  const auto* doc = document_from(corpus, "long.txt");
  REQUIRE(doc);
  CHECK(doc->at("paragraphs").size() > 800);
  std::size_t longest = 0;
  for (const auto& b : doc->at("paragraphs")) longest = std::max(longest, b.at("text").get<std::string>().size());
  CHECK(longest <= 65536);
  // Memory, not time: the largest child process this test program waited for.
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  const double peak_mb = usage.ru_maxrss / 1024.0;
  INFO("peak RSS of a child: " << peak_mb << " MB");
  CHECK(peak_mb < 20.0 * 50 + 300);
}

TEST_CASE("a table of a megabyte is split into tables within the block limit, nothing lost") {
  const fs::path in = case_dir("long-table");
  constexpr std::size_t rows = 20000;
  // Converted text: a table is its tab-separated rows, however many follow each other.
  std::string text = "A title\n\n1. A paragraph before the table.\n\n";
  for (std::size_t i = 0; i < rows; ++i)
    text += "\tMigrant workers in country " + std::to_string(i) + "\t" + std::to_string(i * 7) + "\t2019\n";
  text += "\n2. A last paragraph.\n";
  REQUIRE(text.size() > 850000);
  test::write_file(in / "table.txt", text);
  // Akoma Ntoso: a table of as many rows, a paragraph of a megabyte, a cell of a megabyte.
  std::string words;
  while (words.size() < (1u << 20)) words += "migration governance and the human rights of all migrants ";
  std::string xml =
      "<?xml version=\"1.0\"?>\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"
      "<statement name=\"resolution\"><mainBody><paragraph eId=\"para_1\" class=\"table\"><content><table>";
  for (std::size_t i = 0; i < rows; ++i)
    xml += "<tr><td>Migrant workers in country " + std::to_string(i) + "</td><td>" + std::to_string(i * 7) +
           "</td></tr>";
  xml += "</table></content></paragraph><paragraph eId=\"para_2\" class=\"table\"><content><table><tr><td>" + words +
         "</td><td>x</td></tr></table></content></paragraph>";
  xml += "<paragraph eId=\"para_3\"><num>3.</num><content><p>" + words + "</p></content></paragraph>";
  xml += "</mainBody></statement></akomaNtoso>\n";
  test::write_file(in / "table.xml", xml);

  const fs::path out = in.parent_path() / "out";
  const auto r = build(in, out);
  INFO(r.output.substr(0, 4000));
  CHECK(r.exit_code == 0);
  CHECK(test::count_lines_containing(r.output, "table.txt: input altered: 1 table was longer than 65536 bytes") == 1);
  CHECK(test::count_lines_containing(r.output, "table.xml: input altered: 2 tables were longer than 65536 bytes") == 1);
  CHECK(test::count_lines_containing(r.output, "table.xml: input altered: 1 paragraph was longer than 65536 bytes") ==
        1);
  const auto corpus = check_outputs(out);
  for (const std::string file : {"table.txt", "table.xml"}) {
    INFO(file);
    const auto* doc = document_from(corpus, file);
    REQUIRE(doc);
    std::size_t tables = 0, table_rows = 0, longest = 0, text_bytes = 0;
    for (const auto& b : doc->at("paragraphs")) {
      const std::string t = b.at("text").get<std::string>();
      longest = std::max(longest, t.size());
      text_bytes += t.size();
      if (b.at("kind") != "table") continue;
      ++tables;
      table_rows += b.at("cells").size();
    }
    CHECK(longest <= 65536);
    CHECK(tables > 10);
    CHECK(table_rows >= rows);  // every row is kept: split, not cut off
    // The document names the split among its problems, as for a long paragraph.
    bool named = false;
    for (const auto& d : doc->at("diagnostics"))
      if (d.at("message").get<std::string>().find("table") != std::string::npos &&
          d.at("severity") == "warning")
        named = true;
    CHECK(named);
    if (file == "table.xml") CHECK(text_bytes > 2 * (1u << 20) + 600000);  // both megabytes, and the rows
  }
}

TEST_CASE("Akoma Ntoso nested too deep is refused and an entity bomb stays unexpanded") {
  const fs::path in = case_dir("xml");
  const std::string open =
      "<?xml version=\"1.0\"?>\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"
      "<statement name=\"resolution\"><mainBody>";
  const std::string close = "</mainBody></statement></akomaNtoso>\n";
  std::string deep = open;
  for (int i = 0; i < 100000; ++i) deep += "<p>";
  deep += "x";
  for (int i = 0; i < 100000; ++i) deep += "</p>";
  test::write_file(in / "deep.xml", deep + close);
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE akomaNtoso [\n<!ENTITY lol \"lol\">\n";
  std::string previous = "lol";
  for (int i = 1; i <= 9; ++i) {
    std::string value;
    for (int k = 0; k < 10; ++k) value += "&" + previous + ";";
    previous = "lol" + std::to_string(i);
    bomb += "<!ENTITY " + previous + " \"" + value + "\">\n";
  }
  bomb += "]>\n" + open.substr(open.find("<akomaNtoso")) +
          "<paragraph eId=\"para_1\"><num>1.</num><content><p>A bomb &lol9; here.</p></content></paragraph>" + close;
  test::write_file(in / "bomb.xml", bomb);
  const fs::path out = in.parent_path() / "out";
  const auto r = build(in, out);
  INFO(r.output);
  CHECK(r.exit_code == 3);
  CHECK(test::count_lines_containing(r.output, "deep.xml: elements nest deeper than 256 levels") >= 1);
  const auto corpus = check_outputs(out);
  // The bomb is read, harmlessly: its entity is left as written, nothing grew.
  const auto* doc = document_from(corpus, "bomb.xml");
  REQUIRE(doc);
  CHECK(all_text(*doc).size() < 1000);
  CHECK(fs::file_size(out / "corpus.json") < 2'000'000);
}

TEST_CASE("absurd footnote numbers neither throw nor allocate by number") {
  const fs::path in = case_dir("footnotes");
  const std::string huge = "99999999999999999999";
  std::string text = test::read_file(sample);
  // Superscript markers and footnote lines with a 20-digit number, 0 and a negative one.
  std::string sup;
  for (char c : huge) sup += c == '9' ? "\xE2\x81\xB9" : "\xE2\x81\xB0";
  text += "\n\n9. A paragraph cites note" + sup + " and note\xE2\x81\xB0 and note\xE2\x81\xBB\xC2\xB9.\n\n" + sup +
          " A footnote numbered absurdly.\n\n\xE2\x81\xB0 A footnote numbered zero.\n";
  test::write_file(in / "notes.txt", text);
  // The same in pdftotext -layout text: a page with a note numbered 99999999999999999999.
  std::string layout = "                                                            A/HRC/99/1\n\n";
  layout += "1.     A paragraph that cites a note.99999999999999999999\n\n";
  layout += "     __________________\n     " + huge + " An absurd note.\n     0 A zero note.\n     -5 A negative note.\n";
  layout += "GE.19-21936(E)\n\f                                                            A/HRC/99/1\n\n2. Last.\n";
  test::write_file(in / "layout.txt", layout);
  test::write_file(
      in / "notes.xml",
      "<?xml version=\"1.0\"?><akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"
      "<statement name=\"resolution\"><mainBody><paragraph eId=\"para_1\"><num>1.</num><content><p>Text"
      "<authorialNote marker=\"" + huge + "\" eId=\"n1\"><p>huge</p></authorialNote> and"
      "<authorialNote marker=\"-3\" eId=\"n2\"><p>negative</p></authorialNote>"
      "<authorialNote marker=\"0\" eId=\"n3\"><p>zero</p></authorialNote></p></content></paragraph>"
      "</mainBody></statement></akomaNtoso>\n");
  const fs::path out = in.parent_path() / "out";
  const auto r = build(in, out);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  const auto corpus = check_outputs(out);
  CHECK(corpus.at("documents").size() == 4);
  const auto* xml = document_from(corpus, "notes.xml");
  REQUIRE(xml);
  REQUIRE(xml->at("footnotes").size() == 3);
  // Labels stay the printed text.
  CHECK(xml->at("footnotes")[0].at("label") == huge);
  CHECK(xml->at("footnotes")[1].at("label") == "-3");
}

TEST_CASE("unreadable files and folders are named and the rest is built") {
  // chmod 000 does not stop root (the CI runs as root): the build then runs as nobody.
  const bool root = ::geteuid() == 0;
  if (root && test::run("command -v setpriv").exit_code != 0) {
    WARN("running as root without setpriv (util-linux): cannot make a file unreadable");
    return;
  }
  // Under /tmp, world-writable, so that nobody can reach and write it.
  char name[] = "/tmp/dossier-hostile-XXXXXX";
  REQUIRE(::mkdtemp(name));
  const fs::path top = name;
  ::chmod(top.c_str(), 0777);
  const fs::path in = top / "in";
  fs::create_directories(in / "closed");
  fs::copy_file(sample, in / "good.txt");
  fs::copy_file(sample, in / "locked.txt");
  fs::copy_file(sample, in / "closed" / "inside.txt");
  ::chmod(in.c_str(), 0755);
  ::chmod((in / "good.txt").c_str(), 0644);
  ::chmod((in / "locked.txt").c_str(), 0);
  ::chmod((in / "closed").c_str(), 0);
  const fs::path out = top / "out";
  const std::string as = root ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const auto r = test::run(as + quote(test::dossier_exe().string()) + " " + build_args(in, out));
  INFO(r.output);
  CHECK(r.exit_code == 3);
  CHECK(test::count_lines_containing(r.output, "locked.txt: cannot open (Permission denied)") == 1);
  CHECK(test::count_lines_containing(r.output, "closed: folder cannot be read (Permission denied)") == 1);
  const auto corpus = check_outputs(out);
  CHECK(corpus.at("documents").size() == 1);
  ::chmod((in / "closed").c_str(), 0755);
  fs::remove_all(top);
}

TEST_CASE("symbolic link loops in source folders end and are each named once") {
  const fs::path in = case_dir("symlinks");
  fs::create_directories(in / "a");
  fs::create_symlink("..", in / "a" / "loop");
  fs::create_symlink("y", in / "x");
  fs::create_symlink("x", in / "y");
  fs::copy_file(sample, in / "zz.txt");  // after the loops in the walk: not lost to them
  const fs::path out = in.parent_path() / "out";
  const auto r = build(in, out);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(test::count_lines_containing(r.output, "a/loop: symbolic link loop") == 1);
  CHECK(test::count_lines_containing(r.output, "/x: symbolic link loop") == 1);
  CHECK(test::count_lines_containing(r.output, "/y: symbolic link loop") == 1);
  const auto corpus = check_outputs(out);
  CHECK(corpus.at("documents").size() == 2);
}

TEST_CASE("strict mode fails on an altered or skipped source and leaves earlier outputs") {
  const fs::path in = case_dir("strict");
  const fs::path out = in.parent_path() / "out";
  REQUIRE(build(in, out, "--strict").exit_code == 0);
  const std::string corpus_before = test::read_file(out / "corpus.json");
  const std::string manifest_before = test::read_file(out / "manifest.json");

  SECTION("an altered document") {
    test::write_file(in / "bad.txt", test::read_file(sample) + "\n\n8. Damaged \xff here.\n");
    const auto r = build(in, out, "--strict");
    INFO(r.output);
    CHECK(r.exit_code == 5);
    CHECK(r.output.find("bad.txt: input altered") != std::string::npos);
    CHECK(r.output.find("--strict") != std::string::npos);
    // Without --strict the same build lands, with the warning.
    const fs::path relaxed = in.parent_path() / "relaxed";
    CHECK(build(in, relaxed).exit_code == 0);
  }
  SECTION("a document with a warning that is no alteration") {
    test::write_file(in / "blank.txt", "   \n\n  \n");  // read, but "no text found"
    const auto r = build(in, out, "--strict");
    INFO(r.output);
    CHECK(r.exit_code == 5);
    CHECK_THAT(r.output, Catch::Contains("  blank.txt: no text found"));
    CHECK_THAT(r.output, Catch::Contains("--strict: 1 document(s) with health warnings: blank.txt; nothing exported"));
    const fs::path relaxed = in.parent_path() / "relaxed";
    CHECK(build(in, relaxed).exit_code == 0);
  }
  SECTION("a skipped document through a job file") {
    test::write_file(in / "empty.txt", "");
    const fs::path job = in.parent_path() / "job.toml";
    test::write_file(job, "name = \"hostile\"\nsources = [\"in\"]\nstrict = true\n"
                          "[[analyze]]\nplugin = \"sdg\"\n[[export]]\nplugin = \"json\"\nfile = \"corpus.json\"\n"
                          "[[export]]\nplugin = \"xml\"\n");
    const auto r = test::dossier("build " + quote(job.string()) + " --no-cache --out " + quote(out.string()));
    INFO(r.output);
    CHECK(r.exit_code == 5);
    CHECK(r.output.find("empty.txt: empty file") != std::string::npos);
  }
  CHECK(test::read_file(out / "corpus.json") == corpus_before);
  CHECK(test::read_file(out / "manifest.json") == manifest_before);
}

TEST_CASE("the job key strict must be a boolean") {
  const fs::path dir = test::fresh_dir("hostile/strict-key");
  test::write_file(dir / "job.toml", "sources = [\".\"]\nstrict = \"yes\"\n[[export]]\nplugin = \"json\"\n");
  const auto r = test::dossier("build " + quote((dir / "job.toml").string()) + " --dry-run");
  INFO(r.output);
  CHECK(r.exit_code == 4);
  CHECK(r.output.find("'strict' must be true or false") != std::string::npos);
}

TEST_CASE("a file name that is not UTF-8 still gives a valid manifest") {
  const fs::path in = case_dir("file-name");
  fs::copy_file(sample, in / "caf\xe9.txt");
  const fs::path out = in.parent_path() / "out";
  const auto r = build(in, out);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  const auto manifest = nlohmann::json::parse(test::read_file(out / "manifest.json"));
  CHECK(manifest.at("sources").size() == 2);
  check_outputs(out);
}

TEST_CASE("repair_text keeps UTF-8 and replaces each byte that is not") {
  using dossier::repair_text;
  std::string clean = "caf\xC3\xA9 \xF0\x9F\x98\x80 \xE2\x80\x94\tend\f\n";
  const std::string before = clean;
  CHECK(!repair_text(clean).any());
  CHECK(clean == before);
  const std::string fffd = "\xEF\xBF\xBD";
  std::string surrogate = "a\xED\xA0\x80z";  // U+D800 encoded: not UTF-8
  CHECK(repair_text(surrogate).invalid_utf8 == 3);
  CHECK(surrogate == "a" + fffd + fffd + fffd + "z");
  std::string overlong = "\xE0\x80\xAF\xF4\x90\x80\x80";  // overlong '/', beyond U+10FFFF
  CHECK(repair_text(overlong).invalid_utf8 == 7);
  std::string split = std::string("caf\xC3", 4) + '\0' + "\xA9";  // a NUL inside a character
  const auto r = repair_text(split);
  CHECK(r.nul_bytes == 1);
  CHECK(r.invalid_utf8 == 0);
  CHECK(split == "caf\xC3\xA9");
  std::string controls = "a\x01" "b\fc\x1F";
  CHECK(repair_text(controls, true).controls == 3);
  CHECK(controls == "a b c ");
  CHECK(dossier::repair_diagnostic(r).message == "input altered: 1 NUL byte dropped");
  CHECK(dossier::is_alteration(dossier::repair_diagnostic(r)));
}
