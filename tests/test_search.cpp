// `dossier search`: the index a build keeps in its store (kept for unchanged documents, made
// again for changed ones), English stemming, French accents, Chinese by characters, the filters,
// and the command on the sample jobs with citations that `dossier show` resolves.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "dossier/model.hpp"
#include "search_index.hpp"
#include "store.hpp"
#include "support.hpp"

using namespace dossier;
using namespace dossier::host;
namespace fs = std::filesystem;
using test::quote;

namespace {

Document document(const std::string& id, const std::string& language, const std::vector<std::string>& paragraphs) {
  Document d;
  d.id = d.symbol = id;
  d.title = "Title of " + id;
  d.language = language;
  d.sha256 = std::string(64, 'a');
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    Block b;
    b.kind = BlockKind::numbered_paragraph;
    b.number = std::to_string(i + 1);
    b.address = paragraph_address(id, b.number);
    b.text = paragraphs[i];
    d.blocks.push_back(b);
  }
  return d;
}

Corpus sample() {
  Corpus corpus;
  Document en = document("A/RES/1", "en",
                         {"Protect the labour rights of migrant domestic workers.", "Ensure access to basic services."});
  en.recommendations.push_back({en.blocks[0].address, "recommendation", "States", en.blocks[0].text, {"Brazil"}, "supported"});
  en.metadata.push_back({"state_under_review", "Slovenia"});
  en.versions.push_back(document("A/RES/1", "fr", {"Protéger les droits des travailleuses migrantes.", "Services."}));
  en.versions.push_back(document("A/RES/1", "zh", {"保护移徙家政工人的劳工权利。", "基本服务。"}));
  corpus.documents.push_back(en);
  corpus.annotations.push_back({en.blocks[0].address, "sdg", "8.8", "target", 0.9, {}, "sdg", "1"});
  corpus.annotations.push_back({en.blocks[0].address, "gcm", "6", "objective", 0.8, {}, "gcm", "1"});
  return corpus;
}

// A sample job built into a fresh folder: the job (quoted), the folder, and the options that
// search its store.
struct Built {
  std::string job;
  fs::path out;
  std::string where;
};

Built built(const std::string& name) {
  Built b{quote((test::source_dir() / "samples" / "jobs" / (name + ".toml")).string()),
          test::fresh_dir("search-" + name), ""};
  REQUIRE(test::dossier("-q build " + b.job + " --out " + quote(b.out.string())).exit_code == 0);
  b.where = " --out " + quote(b.out.string());
  return b;
}

// `dossier search ARGS --json`, read.
nlohmann::json searched(const std::string& args) {
  const auto r = test::dossier("search " + args + " --json");
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.output);
}

std::vector<SearchHit> find(Store& store, const std::string& text, SearchQuery query = {}) {
  query.text = text;
  return search(store, query);
}

}  // namespace

TEST_CASE("the index stems English, ignores French accents, finds Chinese by characters and filters") {
  const fs::path dir = test::fresh_dir("search-unit");
  Store store(dir / "store.sqlite");
  const Corpus corpus = sample();
  {
    const CorpusView view(corpus);
    const auto update = update_search_index(store, view, "job");
    CHECK(update.documents == 3);
    CHECK(update.rewritten == 3);
  }
  auto hits = find(store, "worker");  // stemmed: "workers"
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].citation == "A/RES/1, para. 1");
  CHECK(hits[0].kind == "recommendation");
  CHECK(hits[0].snippet.find("\x02workers\x03") != std::string::npos);
  REQUIRE(hits[0].mappings.size() == 2);
  CHECK(hits[0].mappings[0].words == "SDG target 8.8");
  CHECK(hits[0].mappings[1].words.rfind("GCM objective 6 ", 0) == 0);
  CHECK(hits[0].recommended_by == std::vector<std::string>{"Brazil"});
  CHECK(hits[0].position == "supported");

  SearchQuery filters;
  filters.sdg = "8";
  CHECK(find(store, "workers", filters).size() == 1);
  filters.sdg = "5";
  CHECK(find(store, "workers", filters).empty());
  filters = {};
  filters.state = "Brazil";
  CHECK(find(store, "workers", filters).size() == 1);
  filters.kind = "paragraph";
  CHECK(find(store, "workers", filters).empty());

  hits = find(store, "travailleuses migrantes");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].language == "fr");
  CHECK(hits[0].citation == "A/RES/1, par. 1");
  CHECK(find(store, "proteger").size() == 1);  // accents ignored
  filters = {};
  filters.language = "fr";
  CHECK(find(store, "workers", filters).empty());

  hits = find(store, "家政工人");  // a phrase of four characters
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].language == "zh");
  CHECK(hits[0].citation == "A/RES/1，第1段");
  CHECK(hits[0].snippet.find("\u200b") == std::string::npos);  // the separators the index adds are not shown
  hits = find(store, "服务");  // two characters
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].snippet.find("\x02服务\x03") != std::string::npos);  // highlighted as one
  CHECK(find(store, "务").size() == 1);  // one character
  CHECK(find(store, "务服").empty());    // the same characters in another order are another phrase
  CHECK(find(store, "保护 工人").size() == 1);  // every word, each of two characters
  CHECK(find(store, "保护 服务").empty());

  CHECK_THROWS_AS(find(store, "\"unclosed"), SearchError);
  CHECK_THROWS_AS(find(store, "workers AND"), SearchError);
  CHECK(find(store, "nothing-like-this-anywhere AND zzz").empty());
  CHECK(find(store, "labour-rights").size() == 1);  // quoted for FTS5: the phrase
}

TEST_CASE("an unchanged document keeps its rows; a changed one is indexed again, a gone one removed") {
  const fs::path dir = test::fresh_dir("search-reuse");
  Store store(dir / "store.sqlite");
  Corpus corpus = sample();
  {
    const CorpusView view(corpus);
    update_search_index(store, view, "job");
  }
  {
    const CorpusView view(corpus);
    const auto update = update_search_index(store, view, "job");
    CHECK(update.rewritten == 0);
    CHECK(update.removed == 0);
  }
  corpus.documents[0].versions[0].blocks[1].text = "Services de base.";
  corpus.documents.push_back(document("A/RES/2", "en", {"Another text."}));
  {
    const CorpusView view(corpus);
    const auto update = update_search_index(store, view, "job");
    CHECK(update.rewritten == 2);  // the French version and the new document
  }
  CHECK(find(store, "base").size() == 1);
  CHECK(find(store, "services").size() == 2);  // English and the new French
  corpus.documents.pop_back();
  {
    const CorpusView view(corpus);
    CHECK(update_search_index(store, view, "job").removed == 1);
  }
  CHECK(find(store, "another").empty());
}

TEST_CASE("an index of an earlier format is refused by search and made again by the next build") {
  const fs::path dir = test::fresh_dir("search-format");
  {
    // The previous format: three tables for all languages, Chinese by trigrams, no format row.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir / "store.sqlite").c_str(), &db) == SQLITE_OK);
    for (const char* sql :
         {"CREATE TABLE search_documents (key TEXT PRIMARY KEY, scope TEXT NOT NULL, fingerprint TEXT NOT NULL)",
          "CREATE TABLE search_passages (id INTEGER PRIMARY KEY, doc_key TEXT, scope TEXT, tbl INTEGER, text TEXT)",
          "CREATE VIRTUAL TABLE search_zh USING fts5(text, content='search_passages', content_rowid='id',"
          " tokenize='trigram')"})
      REQUIRE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  Store store(dir / "store.sqlite");
  try {
    find(store, "workers");
    FAIL("an index of the earlier format was searched");
  } catch (const SearchError& e) {
    CHECK(e.kind() == SearchError::Kind::no_index);
    CHECK(std::string(e.what()).find("older version") != std::string::npos);
  }
  const Corpus corpus = sample();
  const CorpusView view(corpus);
  CHECK(update_search_index(store, view, "job").rewritten == 3);
  CHECK(find(store, "服务").size() == 1);
  bool trigram_left = false;
  store.read_with([&](sqlite3* db) {
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'search_zh'", -1, &s, nullptr) ==
            SQLITE_OK);
    REQUIRE(sqlite3_step(s) == SQLITE_ROW);
    trigram_left = sqlite3_column_int(s, 0) > 0;
    sqlite3_finalize(s);
  });
  CHECK_FALSE(trigram_left);
}

TEST_CASE("jobs sharing a store keep an index each, and without a job each passage is listed once") {
  const fs::path dir = test::fresh_dir("search-shared");
  Store store(dir / "store.sqlite");
  Corpus first = sample();
  Corpus second;
  second.documents.push_back(document("A/RES/2", "en", {"Seasonal workers need decent housing."}));
  second.documents.push_back(sample().documents[0]);  // a document both jobs read
  {
    const CorpusView view(first);
    update_search_index(store, view, "first");
  }
  {
    const CorpusView view(second);
    const auto update = update_search_index(store, view, "second");
    CHECK(update.removed == 0);  // the first job's documents are not this job's to remove
  }
  SearchQuery only;
  only.scope = "first";
  CHECK(find(store, "workers", only).size() == 1);
  CHECK(find(store, "travailleuses", only).size() == 1);  // the first job's French version is still there
  only.scope = "second";
  CHECK(find(store, "workers", only).size() == 2);
  CHECK(find(store, "workers").size() == 2);  // A/RES/1 ¶1 once, though both jobs indexed it
  only.scope = "third";
  try {
    find(store, "workers", only);
    FAIL("a job with no index in the store must be an error");
  } catch (const SearchError& e) {
    CHECK(e.kind() == SearchError::Kind::no_index);
    CHECK(std::string(e.what()).find("no search index of job 'third' (it holds 'first' and 'second')") !=
          std::string::npos);
  }
}

TEST_CASE("dossier search on the sample job: citations that dossier show resolves, JSON, errors") {
  const Built b = built("gfmd");
  const std::string& job = b.job;
  const std::string& where = b.where;

  const auto j = searched("'\"domestic workers\"' --sdg 8" + where);
  REQUIRE(!j.at("results").empty());
  for (const auto& hit : j.at("results")) {
    for (const char* field : {"citation", "document", "title", "language", "kind", "address", "snippet", "mappings",
                              "state_under_review", "recommended_by", "position", "rank"})
      CHECK(hit.contains(field));
    CHECK(hit.at("snippet").get<std::string>().find("\xC2\xAB") != std::string::npos);  // «
    bool sdg8 = false;
    for (const auto& m : hit.at("mappings"))
      if (m.at("scheme") == "sdg") {
        const std::string code = m.at("code");
        sdg8 = sdg8 || code == "8" || code.rfind("8.", 0) == 0;
        CHECK(m.at("words").get<std::string>().find("sdg:") == std::string::npos);
      }
    CHECK(sdg8);
  }
  // The first three citations resolve.
  for (std::size_t i = 0; i < 3 && i < j.at("results").size(); ++i) {
    const std::string citation = j["results"][i]["citation"];
    const auto shown = test::dossier("-q show " + quote(citation) + " --job " + job);
    CHECK(shown.exit_code == 0);
    CHECK(shown.output.find(citation) != std::string::npos);
  }
  CHECK(test::count_lines_containing(j.dump(), "recommendation") >= 1);

  auto r = test::dossier("search '\"domestic workers\"' --sdg 8 --kind recommendation" + where);
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("\xC2\xAB") != std::string::npos);  // not a terminal: «…»
  CHECK(r.output.find("SDG 8 Decent work") != std::string::npos);
  CHECK(r.output.find("sdg:") == std::string::npos);

  r = test::dossier("search 'zzzyyyxxx'" + where);
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("Nothing found") != std::string::npos);

  r = test::dossier("search 'workers AND'" + where);
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("double quotes") != std::string::npos);

  r = test::dossier("search workers --out " + quote((b.out / "nowhere").string()));
  CHECK(r.exit_code == 5);
  CHECK(r.output.find("dossier build") != std::string::npos);
}

TEST_CASE("dossier search on the resolutions job: French on French text, Chinese on Chinese") {
  const Built b = built("resolutions");
  const std::string& job = b.job;
  const std::string& where = b.where;

  auto j = searched("'travailleuses migrantes' --lang fr" + where);
  REQUIRE(!j.at("results").empty());
  for (const auto& hit : j.at("results")) CHECK(hit.at("language") == "fr");
  const std::string citation = j["results"][0]["citation"];
  const auto shown = test::dossier("-q show " + quote(citation) + " --job " + job);
  CHECK(shown.exit_code == 0);

  j = searched("'移民'" + where);  // two characters
  REQUIRE(!j.at("results").empty());
  CHECK(j["results"][0]["language"] == "zh");
  j = searched("'移民工人'" + where);
  REQUIRE(!j.at("results").empty());
  CHECK(j["results"][0]["language"] == "zh");
}

TEST_CASE("dossier search on the UPR job: --state finds the State under review and the recommending State") {
  const Built b = built("upr");
  const std::string& job = b.job;
  const std::string& where = b.where;
  auto j = searched("migrants --state Slovenia --kind recommendation" + where);
  REQUIRE(!j.at("results").empty());
  for (const auto& hit : j.at("results")) {
    CHECK(hit.at("state_under_review") == "Slovenia");
    CHECK(!hit.at("recommended_by").empty());
  }
  const std::string citation = j["results"][0]["citation"];
  CHECK(test::dossier("-q show " + quote(citation) + " --job " + job).exit_code == 0);
  j = searched("rights --state Brazil" + where);
  REQUIRE(!j.at("results").empty());
  for (const auto& hit : j.at("results")) {
    const auto& by = hit.at("recommended_by");
    CHECK((hit.at("state_under_review") == "Brazil" || std::find(by.begin(), by.end(), "Brazil") != by.end()));
  }
}
