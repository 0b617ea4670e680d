// matrix.xlsx read back with real readers (openpyxl, LibreOffice) and compared with the
// model it was written from: corpus.json of the same build, or a corpus made here.
#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <csignal>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "dossier/domain/citation.hpp"
#include "dossier/domain/digest.hpp"
#include "dossier/domain/json.hpp"
#include "dossier/domain/reference_data.hpp"
#include "dossier/domain/wording.hpp"
#include "atomic_sink.hpp"
#include "support.hpp"

using namespace dossier;
using nlohmann::json;
namespace fs = std::filesystem;
using test::quote;

namespace {

const std::vector<std::string> all_sheets = {"Overview", "Matrix", "Targets", "GCM", "Documents", "Reference"};
const std::string epoch = "1700000000";  // 2023-11-14T22:13:20Z

/// The workbook as tests/xlsx_read.py prints it (openpyxl).
json read_back(const fs::path& workbook) {
  const auto r = test::run(quote(DOSSIER_PYTHON3) + " " +
                           quote((test::source_dir() / "tests" / "xlsx_read.py").string()) + " " +
                           quote(workbook.string()));
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.output);
}

/// Runs the host on the sample corpus with both mapping analyzers and the json and xlsx
/// exporters, with the build time pinned.
fs::path build_sample(const std::string& name) {
  const fs::path out = test::fresh_dir(name);
  const auto r = test::run("SOURCE_DATE_EPOCH=" + epoch + " " + quote(test::dossier_exe().string()) + " run " +
                           quote(test::corpus_dir().string()) +
                           " --analyze sdg,gcm --export json --export xlsx --no-cache --out " + quote(out.string()));
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  return out;
}

/// A job file over the sample corpus with one xlsx export and the given options (TOML lines).
fs::path build_job(const std::string& name, const std::string& options) {
  const fs::path dir = test::fresh_dir(name);
  const fs::path job = dir / "job.toml";
  test::write_file(job, "name = \"sample\"\nsources = [" + json(test::corpus_dir().string()).dump() +
                            "]\noutput = \"out\"\n\n[[analyze]]\nplugin = \"sdg\"\n\n[[analyze]]\nplugin = \"gcm\"\n\n" +
                            "[[export]]\nplugin = \"json\"\n\n[[export]]\nplugin = \"xlsx\"\n" + options);
  const auto r = test::run("SOURCE_DATE_EPOCH=" + epoch + " " + quote(test::dossier_exe().string()) + " build " +
                           quote(job.string()) + " --no-cache");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  return dir / "out";
}

/// Writes `corpus` with the real plugin, through a sink, as the host does.
fs::path export_corpus(const Corpus& corpus, const std::string& name, Options options = {}, BuildInfo build = {}) {
  const fs::path dir = test::fresh_dir(name);
  dossier::host::AtomicSink sink(dir);
  Context context("xlsx", std::move(options), std::move(build), nullptr);
  test::builtin_plugins().find("xlsx")->make_exporter()->write(CorpusView(corpus), "matrix.xlsx", sink, context);
  sink.commit();
  return dir / "matrix.xlsx";
}

struct Rec {
  std::string document, address, kind, addressee, text;
  std::string citation, link;  // as people read it, and where its document is published
};

std::vector<Rec> recommendations_of(const json& corpus) {
  const Corpus model = dossier::corpus_from_json(corpus.dump());
  std::vector<Rec> out;
  for (const Document& d : model.documents)
    for (const auto& r : d.recommendations)
      out.push_back({dossier::cited_name(d), r.address, r.kind, r.addressee, r.text,
                     dossier::human_citation(d, r.address), dossier::document_link(d)});
  return out;
}

// The citation the sheets print for each address.
std::map<std::string, std::string> citations_of(const json& corpus) {
  std::map<std::string, std::string> out;
  for (const Rec& r : recommendations_of(corpus)) out[r.address] = r.citation;
  return out;
}

// (citation, code) -> score of the annotations of one scheme and level.
std::map<std::pair<std::string, std::string>, double> scores_of(const json& corpus, const std::string& scheme,
                                                                 const std::string& level) {
  const auto citations = citations_of(corpus);
  std::map<std::pair<std::string, std::string>, double> out;
  std::set<std::string> documents;  // the documents' own profiles are not rows of a score sheet
  for (const auto& d : corpus["documents"]) documents.insert(d["id"].get<std::string>());
  for (const auto& a : corpus["annotations"])
    if (a["scheme"] == scheme && a["level"] == level && !documents.count(a["subject"].get<std::string>()))
      out[{citations.at(a["subject"]), a["code"]}] = a["score"];
  return out;
}

// The same (subject, code) -> score read from a score sheet (Matrix or GCM), from its score
// columns (after the recommendation's five and its codes column).
std::map<std::pair<std::string, std::string>, double> scores_in(const json& rows) {
  std::map<std::pair<std::string, std::string>, double> out;
  for (std::size_t r = 1; r < rows.size(); ++r)
    for (std::size_t c = 6; c < rows[r].size(); ++c)
      if (!rows[r][c].is_null()) out[{rows[r][0], std::to_string(c - 5)}] = rows[r][c];
  return out;
}

void check_scores(const std::map<std::pair<std::string, std::string>, double>& expected,
                  const std::map<std::pair<std::string, std::string>, double>& found) {
  CHECK(found.size() == expected.size());
  for (const auto& [key, score] : expected) {
    INFO(key.first << " " << key.second);
    auto it = found.find(key);
    REQUIRE(it != found.end());
    // Floored to a thousandth, as shown: never more than the score.
    CHECK(it->second == Approx(shown_score(score)));
    CHECK(it->second <= score);
    CHECK(it->second > score - 0.001);
  }
}

// The codes column of a score sheet (Matrix or GCM): the codes of each row's scores, in order,
// two digits each ("03, 10, 16"), as `expected` ((citation, code) -> score) gives them.
void check_codes(const std::map<std::pair<std::string, std::string>, double>& expected, const json& rows) {
  std::map<std::string, std::set<int>> codes;
  for (const auto& [key, score] : expected) codes[key.first].insert(std::stoi(key.second));
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::string text;
    for (int code : codes[rows[r][0].get<std::string>()])
      text += (text.empty() ? "" : ", ") + std::string(code < 10 ? "0" : "") + std::to_string(code);
    INFO(rows[r][0]);
    CHECK(rows[r][5] == (text.empty() ? json() : json(text)));
  }
}

Corpus corpus_with_texts(const std::vector<std::string>& texts) {
  Corpus c;
  Document d;
  d.id = d.symbol = "A/1/1";
  d.title = "Test";
  d.date = "2020-02-29";
  d.sha256 = std::string(64, 'a');
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const std::string address = "A/1/1 \xC2\xB6" + std::to_string(i + 1);
    d.recommendations.push_back({address, "recommendation", "States", texts[i], {}});
    const double score = 0.5 + 0.01 * static_cast<double>(i);
    c.annotations.push_back({address, "sdg", "10", "goal", score, {"x"}, "sdg", "1"});
  }
  c.documents.push_back(d);
  return c;
}

}  // namespace

TEST_CASE("the sample corpus gives six sheets whose rows and scores are those of corpus.json") {
  const fs::path out = build_sample("xlsx-sample");
  const json corpus = json::parse(test::read_file(out / "corpus.json"));
  const json wb = read_back(out / "matrix.xlsx");
  CHECK(wb["sheets"] == json(all_sheets));

  const auto recs = recommendations_of(corpus);
  REQUIRE(recs.size() > 20);
  const json& matrix = wb["cells"]["Matrix"];
  CHECK(matrix[0][0] == "Citation");
  CHECK(matrix[0][5] == "SDG goals");
  CHECK(matrix[0][6].get<std::string>().rfind("1 ", 0) == 0);
  CHECK(matrix[0].size() == 6 + 17);
  REQUIRE(matrix.size() == recs.size() + 1);
  for (std::size_t i = 0; i < recs.size(); ++i) {
    INFO(recs[i].address);
    const json& row = matrix[i + 1];
    // Cited as people cite it ("A/68/283, para. 127"), linked to the document when it is published.
    CHECK(row[0] == recs[i].citation);
    CHECK(wb["links"]["Matrix"].value("A" + std::to_string(i + 2), "") == recs[i].link);
    CHECK(row[1] == recs[i].document);
    CHECK(row[2] == (recs[i].addressee.empty() ? json() : json(recs[i].addressee)));
    CHECK(row[3] == kind_label(recs[i].kind, "en"));  // "practical action", not practical_action
    CHECK(row[4] == recs[i].text);
  }
  const auto goals = scores_of(corpus, "sdg", "goal");
  REQUIRE(!goals.empty());
  check_scores(goals, scores_in(matrix));
  check_codes(goals, matrix);

  const json& gcm = wb["cells"]["GCM"];
  REQUIRE(gcm.size() == recs.size() + 1);
  CHECK(gcm[0][5] == "GCM objectives");
  CHECK(gcm[0].size() == 6 + 23);
  const auto objectives = scores_of(corpus, "gcm", "objective");
  REQUIRE(!objectives.empty());
  check_scores(objectives, scores_in(gcm));
  check_codes(objectives, gcm);

  // Every citation of a document with a public address links to it, on every sheet.
  std::map<std::string, std::string> link_of;  // citation -> link
  for (const Rec& rec : recs) link_of[rec.citation] = rec.link;
  std::size_t linked = 0;
  for (const char* sheet : {"Matrix", "Targets", "GCM"}) {
    INFO(sheet);
    const json& rows = wb["cells"][sheet];
    for (std::size_t r = 1; r < rows.size(); ++r) {
      const std::string link = link_of.at(rows[r][0].get<std::string>());
      CHECK(wb["links"][sheet].value("A" + std::to_string(r + 1), "") == link);
      linked += !link.empty();
    }
  }
  CHECK(linked > 17 * 3);

  // Targets: one row per recommendation and target, with the annotation's score and evidence.
  std::map<std::pair<std::string, std::string>, double> targets;
  std::map<std::pair<std::string, std::string>, std::string> evidence;
  const auto citations = citations_of(corpus);
  for (const auto& a : corpus["annotations"]) {
    if (a["scheme"] != "sdg" || a["level"] != "target") continue;
    std::string lines;
    for (const auto& e : a["evidence"]) lines += (lines.empty() ? "" : "\n") + e.get<std::string>();
    evidence[{citations.at(a["subject"]), a["code"]}] = lines;
  }
  std::map<std::pair<std::string, std::string>, double> target_rows;
  const json& trows = wb["cells"]["Targets"];
  CHECK(trows[0] == json({"Citation", "Document", "Goal", "Target", "Target title", "Score", "Evidence"}));
  for (std::size_t r = 1; r < trows.size(); ++r) {
    const std::pair<std::string, std::string> key{trows[r][0], trows[r][3]};
    target_rows[key] = trows[r][5];
    CHECK(trows[r][2] == std::stoi(key.second.substr(0, key.second.find('.'))));
    CHECK(trows[r][4] == sdg_title(key.second, "en"));
    CHECK(trows[r][6] == evidence[key]);
  }
  CHECK(trows.size() - 1 == target_rows.size());  // no pair twice
  check_scores(scores_of(corpus, "sdg", "target"), target_rows);

  const json& docs = wb["cells"]["Documents"];
  REQUIRE(docs.size() == corpus["documents"].size() + 1);
  // What people look for first, the file it was read from last.
  CHECK(docs[0] == json({"Document", "Title", "Date", "Recommendations", "Mapped to SDGs", "Mapped to GCM",
                         "SDG goals of the document", "Symbol", "Place", "Paragraphs", "Footnotes", "File", "SHA-256"}));
  for (std::size_t i = 0; i < corpus["documents"].size(); ++i) {
    const json& d = corpus["documents"][i];
    // By its symbol, or its title when it has none; never an id made of its file's name.
    CHECK(docs[i + 1][0] == (d.value("symbol", "") != "" ? d["symbol"] : d["title"]));
    CHECK(wb["links"]["Documents"].value("A" + std::to_string(i + 2), "") ==
          (d.value("symbol", "") != "" ? "https://docs.un.org/en/" + d["symbol"].get<std::string>() : ""));
    CHECK(docs[i + 1][1] == d["title"]);
    CHECK(docs[i + 1][3] == d["recommendations"].size());
    CHECK(docs[i + 1][11] == d["source"]);
    CHECK(docs[i + 1][12] == d["sha256"]);
    // The document's own SDG goals, as many as corpus.json gives it.
    std::size_t profile = 0;
    for (const auto& a : corpus["annotations"])
      profile += a["subject"] == d["id"] && a["scheme"] == "sdg" && a["level"] == "goal";
    const std::string cell = docs[i + 1][6].is_string() ? docs[i + 1][6].get<std::string>() : "";
    CHECK((cell.empty() ? 0 : 1 + std::count(cell.begin(), cell.end(), ';')) == static_cast<long>(profile));
  }

  const json& ref = wb["cells"]["Reference"];
  CHECK(ref.size() == 1 + 17 + sdg_target_codes().size() + 23);

  // Overview: the counts and one bar per goal in its official colour.
  const json& ov = wb["cells"]["Overview"];
  CHECK(ov[5][2] == recs.size());
  std::set<std::string> mapped;
  for (const auto& [key, score] : goals) mapped.insert(key.first);
  CHECK(ov[6][2] == mapped.size());
  for (int g = 1; g <= 17; ++g) {
    std::size_t n = 0;
    for (const auto& [key, score] : goals) n += key.second == std::to_string(g);
    CHECK(ov[10 + g][0] == g);
    CHECK(ov[10 + g][2] == n);
  }
  const json& layout = wb["layout"]["Overview"];
  CHECK(layout["charts"] == 1);
  REQUIRE(layout["bar_colours"].size() == 17);
  CHECK(layout["bar_colours"][9] == sdg_colour(10).substr(1));

  for (const char* sheet : {"Matrix", "GCM", "Targets", "Documents"}) {
    INFO(sheet);
    CHECK(wb["layout"][sheet]["freeze"] == "B2");
    CHECK(wb["layout"][sheet]["autofilter"].get<std::string>().rfind("A1:", 0) == 0);
  }
  CHECK(wb["layout"]["Matrix"]["autofilter"] == "A1:W" + std::to_string(recs.size() + 1));
  CHECK(wb["layout"]["Matrix"]["conditional_formats"] == 1);
  for (const auto& sheet : all_sheets) CHECK(wb["formulas"][sheet] == 0);

  CHECK(wb["properties"]["created"] == "2023-11-14T22:13:20");
  CHECK_THAT(wb["properties"]["title"].get<std::string>(), Catch::Contains("SDG"));
}

TEST_CASE("two builds of the same input give identical bytes also in constant-memory mode") {
  // Hashes, so that a failure prints two lines rather than two zip files.
  const auto hash = [](const fs::path& dir) { return sha256_file(dir / "matrix.xlsx"); };
  CHECK(hash(build_sample("xlsx-same-a")) == hash(build_sample("xlsx-same-b")));

  const fs::path c = build_job("xlsx-same-c", "constant_memory = true\n");
  const fs::path d = build_job("xlsx-same-d", "constant_memory = true\n");
  const fs::path e = build_job("xlsx-same-e", "constant_memory = false\n");
  CHECK(hash(c) == hash(d));
  // Written row by row the workbook is another file (inline strings) with the same cells.
  CHECK(hash(c) != hash(e));
  const json streamed = read_back(c / "matrix.xlsx"), normal = read_back(e / "matrix.xlsx");
  CHECK(streamed["sheets"] == normal["sheets"]);
  CHECK(streamed["cells"] == normal["cells"]);
}

TEST_CASE("text that begins like a formula is written and read back as text") {
  const std::vector<std::string> texts = {"=HYPERLINK(\"http://example.com/x\",\"Click here\")", "+1+2",
                                          "-2+3", "@SUM(A1:A2)", "=1+1"};
  Corpus corpus = corpus_with_texts(texts);
  corpus.documents[0].recommendations[0].addressee = "=cmd|' /C calc'!A0";
  corpus.documents[0].title = "=2*3";
  const fs::path file = export_corpus(corpus, "xlsx-formula");
  const json wb = read_back(file);
  for (const auto& sheet : all_sheets) CHECK(wb["formulas"][sheet] == 0);
  const json& matrix = wb["cells"]["Matrix"];
  for (std::size_t i = 0; i < texts.size(); ++i) CHECK(matrix[i + 1][4] == texts[i]);
  CHECK(matrix[1][2] == "=cmd|' /C calc'!A0");
  CHECK(wb["cells"]["Documents"][1][1] == "=2*3");
  CHECK(wb["formula_elements"] == 0);
}

TEST_CASE("LibreOffice shows formula-like text as text") {
  const std::vector<std::string> texts = {"=HYPERLINK(\"http://example.com/x\",\"Click here\")", "=1+1",
                                          "@SUM(1,2)"};
  Corpus corpus = corpus_with_texts(texts);
  corpus.annotations.push_back({corpus.documents[0].recommendations[0].address, "sdg", "1", "goal", 0.7, {"x"}, "sdg", "1"});
  const fs::path file = export_corpus(corpus, "xlsx-libreoffice", [] {
    Options o;
    o.set_list("sheets", {"Matrix"});
    return o;
  }());
  const fs::path dir = file.parent_path();
  // A private profile, so that a running LibreOffice or another test does not interfere.
  const auto r = test::run("cd " + quote(dir.string()) + " && timeout 120 soffice -env:UserInstallation=file://" +
                           dir.string() + "/profile --headless --convert-to csv --outdir " + quote(dir.string()) +
                           " matrix.xlsx");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const std::string csv = test::read_file(dir / "matrix.csv");
  CHECK_THAT(csv, Catch::Contains("\"=HYPERLINK(\"\"http://example.com/x\"\",\"\"Click here\"\")\""));
  CHECK_THAT(csv, Catch::Contains("=1+1"));
  CHECK_THAT(csv, Catch::Contains("@SUM(1,2)"));
  // The goals column reads as text, the codes as written ("01", not 1), and the scores as shown.
  CHECK_THAT(csv, Catch::Contains(",SDG goals,1 No poverty,"));
  CHECK_THAT(csv, Catch::Contains(",\"01, 10\",70"));
  CHECK_THAT(csv, Catch::Contains(",10,,,,,,,,,,51"));
  // Evaluated, they would show their results instead.
  CHECK_THAT(csv, !Catch::Contains(",Click here,") && !Catch::Contains("recommendation,2,") &&
                      !Catch::Contains("recommendation,3,"));
}

TEST_CASE("damaged and oversized text is repaired so that Excel can open the file") {
  const std::string huge(40000, 'x');
  const fs::path file = export_corpus(corpus_with_texts({"bad \xFF\xFE bytes", "bell\x07 and nul-free", huge}),
                                      "xlsx-repair");
  const json wb = read_back(file);
  const json& matrix = wb["cells"]["Matrix"];
  CHECK(matrix[1][4] == "bad \xEF\xBF\xBD\xEF\xBF\xBD bytes");
  CHECK(matrix[2][4] == "bell  and nul-free");
  const std::string cut = matrix[3][4];
  CHECK(cut.size() == 32766 + 3);  // 32,766 x and one "…"
  CHECK(cut.substr(cut.size() - 3) == "\xE2\x80\xA6");
}

TEST_CASE("options choose the sheets the language the lowest score shown and the memory mode") {
  const Corpus corpus = corpus_with_texts({"a", "b", "c"});  // goal 10 at 0.50, 0.51, 0.52
  Options options;
  options.set_list("sheets", {"matrix", "Reference"});
  options.set("language", "fr");
  options.set("threshold", "0.51");
  const json wb = read_back(export_corpus(corpus, "xlsx-options", options));
  CHECK(wb["sheets"] == json({"Matrix", "Reference"}));
  const json& matrix = wb["cells"]["Matrix"];
  CHECK(matrix[0][15] == "10 " + sdg_short_title("10", "fr"));
  CHECK(matrix[1][15].is_null());
  CHECK(matrix[1][5].is_null());  // below the threshold: not among its goals either
  CHECK(matrix[2][15] == Approx(0.51));
  CHECK(matrix[2][5] == "10");
  CHECK(matrix[2][3] == "recommandation");  // the kind in the workbook's language
  CHECK(wb["cells"]["Reference"][1][4] == sdg_title("1", "fr"));

  BuildInfo arabic;
  arabic.language = "ar";
  const json ar = read_back(export_corpus(corpus, "xlsx-arabic", {}, arabic));
  CHECK(ar["layout"]["Matrix"]["right_to_left"] == true);
  CHECK(ar["cells"]["Reference"][1][4] == sdg_title("1", "ar"));

  // Constant-memory mode (strings in the cells, no shared string table) above a number of
  // recommendations.
  CHECK(read_back(export_corpus(corpus, "xlsx-normal"))["shared_strings"] == true);
  Options few;
  few.set("constant_memory_above", "2");
  const json streamed = read_back(export_corpus(corpus, "xlsx-streamed", few));
  CHECK(streamed["shared_strings"] == false);
  CHECK(streamed["cells"]["Matrix"][3][4] == "c");

  const auto fails = [&](const char* key, const char* value, const char* message) {
    Options o;
    o.set(key, value);
    CHECK_THROWS_WITH(export_corpus(corpus, "xlsx-bad-option", o), Catch::Contains(message));
  };
  fails("language", "de", "option 'language': 'de' is not one of en, fr, es, ru, ar, zh");
  fails("sheets", "Charts", "option 'sheets': no sheet 'Charts'");
  fails("threshold", "2", "option 'threshold'");
  fails("constant_memory", "maybe", "option 'constant_memory'");
}

TEST_CASE("kinds are words and scores are never shown rounded up to certainty") {
  Corpus corpus = corpus_with_texts({"a", "b"});
  Document& d = corpus.documents[0];
  d.recommendations[1].kind = "practical_action";
  corpus.annotations[1].score = 0.9989;  // "1.00" with two decimals
  corpus.annotations.push_back({d.id, "sdg", "16", "goal", 0.998, {"x"}, "sdg", "1"});  // the document's profile
  const json wb = read_back(export_corpus(corpus, "xlsx-shown"));
  const json& matrix = wb["cells"]["Matrix"];
  CHECK(matrix[2][3] == "practical action");
  CHECK(matrix[2][15] == Approx(0.998));
  CHECK(wb["number_formats"]["Matrix"] == json({"0.0%"}));  // 0.998 shows as 99.8%
  CHECK(wb["cells"]["Documents"][1][6] == "16 (99.8%)");

  Options french;
  french.set("language", "fr");
  CHECK(read_back(export_corpus(corpus, "xlsx-shown-fr", french))["cells"]["Matrix"][2][3] == "action concr\u00e8te");
}

TEST_CASE("an empty corpus still gives a workbook with every sheet") {
  const json wb = read_back(export_corpus(Corpus{}, "xlsx-empty"));
  CHECK(wb["sheets"] == json(all_sheets));
  CHECK(wb["cells"]["Matrix"].size() == 1);
  CHECK(wb["cells"]["Overview"][5][2] == 0);
}

TEST_CASE("a libxlsxwriter failure fails the export naming the file, with its message, and leaves no file") {
  const fs::path dir = test::fresh_dir("xlsx-failure");
  // A file size limit makes writing fail (EFBIG) as a full disk would.
  std::signal(SIGXFSZ, SIG_IGN);
  rlimit old{};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
  rlimit small = old;
  small.rlim_cur = 4096;
  std::string message;
  {
    dossier::host::AtomicSink sink(dir);
    Context context("xlsx", {}, {}, nullptr);
    auto exporter = test::builtin_plugins().find("xlsx")->make_exporter();
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    try {
      const Corpus big = corpus_with_texts(std::vector<std::string>(50, std::string(300, 'x')));
      exporter->write(CorpusView(big), "matrix.xlsx", sink,
                      context);
    } catch (const std::exception& e) {
      message = e.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &old);
  }
  // Named by its output; libxlsxwriter's words kept, since the disk is not full.
  CHECK_THAT(message, Catch::StartsWith("could not write matrix.xlsx: ") && Catch::Contains("(libxlsxwriter: ") &&
                          !Catch::Contains("the disk is full"));
  CHECK(fs::is_empty(dir));
}
