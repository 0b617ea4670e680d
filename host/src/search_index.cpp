#include "search_index.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "dossier/domain/citation.hpp"
#include "dossier/domain/digest.hpp"
#include "dossier/domain/reference_data.hpp"
#include "dossier/domain/upr.hpp"
#include "dossier/domain/utf8.hpp"
#include "dossier/domain/white_space.hpp"
#include "sqlite_statement.hpp"

namespace dossier::host {

namespace {

// Bumped when what a row holds or how the tables index it changes: the index is made again.
constexpr const char* kIndexFormat = "search-3";

// A FTS5 table per language (external content: the text is stored once, in search_passages):
// smaller tables merge their segments for less, and each language's words are weighed among
// that language's passages. English is stemmed (Porter); other alphabetic languages are
// matched by word, accents ignored. Chinese, Japanese and Korean are written without spaces
// between words: their text is stored with a zero-width space around each ideograph, kana or
// hangul syllable, which unicode61 takes as a separator, so every character is a token and a
// query of any length is a phrase of characters.
std::string fts_table_of(const std::string& language) {
  std::string primary = language.substr(0, language.find('-'));
  for (char& c : primary) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool code = (primary.size() == 2 || primary.size() == 3) &&
                    std::all_of(primary.begin(), primary.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return "search_fts_" + (code ? primary : std::string(language.empty() ? "en" : "und"));
}

bool is_cjk(char32_t c) {
  return (c >= 0x3040 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2FFFF);
}

constexpr std::string_view kZeroWidthSpace = "\u200b";

// `text` with a zero-width space on each side of every CJK character (one between two).
std::string cjk_characters_apart(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  bool after_cjk = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t c = utf8::next(text, i);
    const bool cjk = is_cjk(c);
    if (cjk || after_cjk) {
      if (!out.empty() && !(out.size() >= 3 && std::string_view(out).substr(out.size() - 3) == kZeroWidthSpace))
        out += kZeroWidthSpace;
    }
    out.append(text, at, i - at);
    after_cjk = cjk;
  }
  return out;
}

// A snippet as people read it: the separators gone, and characters matched in a row
// highlighted as one run.
std::string without_zero_width_spaces(std::string text) {
  const std::string joined = std::string("\x03") + std::string(kZeroWidthSpace) + "\x02";
  for (std::size_t at; (at = text.find(joined)) != std::string::npos;) text.erase(at, joined.size());
  for (std::size_t at; (at = text.find(kZeroWidthSpace)) != std::string::npos;) text.erase(at, kZeroWidthSpace.size());
  return text;
}

bool has_cjk(const std::string& text) {
  for (std::size_t i = 0; i < text.size();)
    if (is_cjk(utf8::next(text, i))) return true;
  return false;
}

std::vector<std::string> names_of_tables(sqlite3* db, const std::filesystem::path& file, const char* like) {
  std::vector<std::string> names;
  Statement s(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE ?1 ESCAPE '\\' ORDER BY name", file);
  s.bind(1, std::string(like));
  while (s.row()) names.push_back(s.text(0));
  return names;
}

// The language tables of the index, "search_fts_en", ... (not their shadow tables).
std::vector<std::string> fts_tables(sqlite3* db, const std::filesystem::path& file) {
  std::vector<std::string> names;
  for (std::string& name : names_of_tables(db, file, "search\\_fts\\_%"))
    if (name.find('_', 11) == std::string::npos) names.push_back(std::move(name));
  return names;
}

void exec(sqlite3* db, const std::filesystem::path& file, const std::string& sql) {
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) throw store_error(db, file);
}

void create_tables(sqlite3* db, const std::filesystem::path& file) {
  // An index of another format is made again: its tables dropped (FTS5 tables first, which
  // drop their shadow tables).
  std::string format;
  if (!names_of_tables(db, file, "search\\_meta").empty()) {
    Statement s(db, "SELECT format FROM search_meta", file);
    if (s.row()) format = s.text(0);
  }
  if (format != kIndexFormat) {
    for (const char* table : {"search_en", "search_other", "search_zh"})
      exec(db, file, std::string("DROP TABLE IF EXISTS ") + table);
    for (const std::string& table : fts_tables(db, file)) exec(db, file, "DROP TABLE IF EXISTS " + table);
    for (const std::string& table : names_of_tables(db, file, "search\\_%")) exec(db, file, "DROP TABLE IF EXISTS " + table);
    exec(db, file, "CREATE TABLE search_meta (format TEXT NOT NULL)");
    Statement s(db, "INSERT INTO search_meta (format) VALUES (?1)", file);
    s.bind(1, std::string(kIndexFormat));
    s.run();
  }
  // A version of a document (its id, language and bytes) and what its rows were made of.
  // The job that indexed it is part of a version's key: jobs sharing a store keep their own index.
  exec(db, file, "CREATE TABLE IF NOT EXISTS search_documents (key TEXT PRIMARY KEY, scope TEXT NOT NULL, fingerprint TEXT NOT NULL)");
  exec(db, file, "CREATE TABLE IF NOT EXISTS search_passages ("
       " id INTEGER PRIMARY KEY, doc_key TEXT NOT NULL, scope TEXT NOT NULL, fts TEXT NOT NULL, document TEXT NOT NULL,"
       " symbol TEXT NOT NULL, name TEXT NOT NULL, title TEXT NOT NULL, language TEXT NOT NULL, kind TEXT NOT NULL,"
       " address TEXT NOT NULL, citation TEXT NOT NULL, position TEXT NOT NULL, text TEXT NOT NULL)");
  exec(db, file, "CREATE INDEX IF NOT EXISTS search_passages_doc ON search_passages (doc_key)");
  // For the filters: SDG goals and targets, GCM objectives; States under review or recommending.
  exec(db, file, "CREATE TABLE IF NOT EXISTS search_codes (passage INTEGER NOT NULL, scheme TEXT NOT NULL, code TEXT NOT NULL)");
  exec(db, file, "CREATE INDEX IF NOT EXISTS search_codes_passage ON search_codes (passage)");
  exec(db, file, "CREATE TABLE IF NOT EXISTS search_states ("
       " passage INTEGER NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL)");
  exec(db, file, "CREATE INDEX IF NOT EXISTS search_states_passage ON search_states (passage)");
}

// The language's FTS5 table, created when the index has none yet.
void create_fts_table(sqlite3* db, const std::filesystem::path& file, const std::string& table) {
  const std::string tokenizer =
      table == "search_fts_en" ? "porter unicode61 remove_diacritics 2" : "unicode61 remove_diacritics 2";
  if (!names_of_tables(db, file, table.c_str()).empty()) return;
  exec(db, file, "CREATE VIRTUAL TABLE " + table + " USING fts5(text, content='search_passages', content_rowid='id',"
                     " tokenize='" + tokenizer + "')");
  // Terms gathered in memory up to 8 MB before they are written as a segment (1 MB by
  // default): fewer segments to merge, a first build's index about a quarter quicker.
  exec(db, file, "INSERT INTO " + table + "(" + table + ", rank) VALUES ('hashsize', 8388608)");
}

struct Row {
  std::string kind, address, citation, position, text;
  std::vector<std::pair<std::string, std::string>> codes;   // scheme, code
  std::vector<std::pair<std::string, std::string>> states;  // name, role
};

struct Version {
  const Document* doc;
  std::string key;
  std::string name;
  std::string fts;  // its language's FTS5 table
  std::vector<Row> rows;
  std::string fingerprint;
};

bool indexed_block(BlockKind kind) {
  return kind == BlockKind::numbered_paragraph || kind == BlockKind::text || kind == BlockKind::list_item;
}

// The rows of one version: its recommendations, and its other paragraphs. The mappings are
// the main document's (a version's blocks share its addresses).
Version rows_of(const Document& doc, const CorpusView& corpus, const std::string& under_review,
                const std::string& scope) {
  Version v{&doc, scope + '\t' + doc.id + '\t' + doc.language + '\t' + doc.sha256, cited_name(doc),
            fts_table_of(doc.language), {}, {}};
  const std::string language = doc.language.empty() ? "en" : doc.language;
  const bool characters_apart = v.fts == "search_fts_zh" || v.fts == "search_fts_ja" || v.fts == "search_fts_ko";
  const auto add = [&](const std::string& kind, const std::string& address, const std::string& text,
                       const Recommendation* r) {
    if (text.empty()) return;
    Row row{kind, address, human_citation(doc, address, language), r ? r->position : "",
            characters_apart ? cjk_characters_apart(text) : text, {}, {}};
    std::set<std::pair<std::string, std::string>> seen;
    for (const Annotation* a : corpus.annotations_of(address)) {
      const bool sdg = a->scheme == scheme::sdg && (a->level == level::goal || a->level == level::target);
      const bool gcm = a->scheme == scheme::gcm && a->level == level::objective;
      if ((sdg || gcm) && seen.insert({a->scheme, a->code}).second) row.codes.emplace_back(a->scheme, a->code);
    }
    if (r) {
      for (const auto& state : r->recommended_by) row.states.emplace_back(state, "recommending");
      if (!under_review.empty() && !r->recommended_by.empty()) row.states.emplace_back(under_review, "under review");
    }
    v.rows.push_back(std::move(row));
  };
  std::unordered_set<std::string> recommended;
  for (const auto& r : doc.recommendations) {
    recommended.insert(r.address);
    add("recommendation", r.address, r.text, &r);
  }
  for (const auto& b : doc.blocks)
    if (indexed_block(b.kind) && !recommended.count(b.address))
      add("paragraph", b.address, b.marker.empty() ? b.text : b.marker + " " + b.text, nullptr);
  std::string all = std::string(kIndexFormat) + '\x1e' + v.name + '\x1e' + doc.title;
  for (const Row& row : v.rows) {
    all += '\x1e' + row.kind + '\x1f' + row.address + '\x1f' + row.citation + '\x1f' + row.position + '\x1f' + row.text;
    for (const auto& c : row.codes) all += '\x1f' + c.first + ':' + c.second;
    for (const auto& s : row.states) all += '\x1f' + s.first + '|' + s.second;
  }
  v.fingerprint = sha256_hex(all);
  return v;
}

void remove_version(sqlite3* db, const std::filesystem::path& file, const std::string& key) {
  // External-content FTS5 rows are removed with the values they were indexed with.
  std::vector<std::string> tables;
  {
    Statement s(db, "SELECT DISTINCT fts FROM search_passages WHERE doc_key=?1", file);
    s.bind(1, key);
    while (s.row()) tables.push_back(s.text(0));
  }
  for (const std::string& table : tables) {
    const std::string sql = "INSERT INTO " + table + "(" + table +
                            ", rowid, text) SELECT 'delete', id, text FROM search_passages WHERE doc_key=?1 AND fts=?2";
    Statement s(db, sql.c_str(), file);
    s.bind(1, key);
    s.bind(2, table);
    s.run();
  }
  for (const char* sql : {"DELETE FROM search_codes WHERE passage IN (SELECT id FROM search_passages WHERE doc_key=?1)",
                          "DELETE FROM search_states WHERE passage IN (SELECT id FROM search_passages WHERE doc_key=?1)",
                          "DELETE FROM search_passages WHERE doc_key=?1", "DELETE FROM search_documents WHERE key=?1"}) {
    Statement s(db, sql, file);
    s.bind(1, key);
    s.run();
  }
}

// The statements that write a version's rows, prepared once per update.
class Inserter {
 public:
  Inserter(sqlite3* db, const std::filesystem::path& file, const std::string& scope)
      : db_(db),
        file_(file),
        scope_(scope),
        passage_(db,
                 "INSERT INTO search_passages (doc_key, fts, document, symbol, name, title, language, kind, address,"
                 " citation, position, text, scope) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                 file),
        code_(db, "INSERT INTO search_codes (passage, scheme, code) VALUES (?1, ?2, ?3)", file),
        state_(db, "INSERT INTO search_states (passage, key, name, role) VALUES (?1, ?2, ?3, ?4)", file),
        done_(db, "INSERT OR REPLACE INTO search_documents (key, scope, fingerprint) VALUES (?1, ?2, ?3)", file) {}

  void insert(const Version& v) {
    const Document& doc = *v.doc;
    auto it = fts_.find(v.fts);
    if (it == fts_.end()) {
      create_fts_table(db_, file_, v.fts);
      it = fts_.emplace(v.fts, std::make_unique<Statement>(
                                   db_, ("INSERT INTO " + v.fts + "(rowid, text) VALUES (?1, ?2)").c_str(), file_))
               .first;
    }
    Statement& fts = *it->second;
    for (const Row& row : v.rows) {
      passage_.reset();
      passage_.bind(1, v.key);
      passage_.bind(2, v.fts);
      passage_.bind(3, doc.id);
      passage_.bind(4, doc.symbol);
      passage_.bind(5, v.name);
      passage_.bind(6, doc.title);
      passage_.bind(7, doc.language);
      passage_.bind(8, row.kind);
      passage_.bind(9, row.address);
      passage_.bind(10, row.citation);
      passage_.bind(11, row.position);
      passage_.bind(12, row.text);
      passage_.bind(13, scope_);
      passage_.run();
      const sqlite3_int64 id = sqlite3_last_insert_rowid(db_);
      fts.reset();
      fts.bind(1, id);
      fts.bind(2, row.text);
      fts.run();
      for (const auto& c : row.codes) {
        code_.reset();
        code_.bind(1, id);
        code_.bind(2, c.first);
        code_.bind(3, c.second);
        code_.run();
      }
      for (const auto& s : row.states) {
        state_.reset();
        state_.bind(1, id);
        state_.bind(2, state_key(s.first));
        state_.bind(3, s.first);
        state_.bind(4, s.second);
        state_.run();
      }
    }
    done_.reset();
    done_.bind(1, v.key);
    done_.bind(2, scope_);
    done_.bind(3, v.fingerprint);
    done_.run();
  }

 private:
  sqlite3* db_;
  const std::filesystem::path& file_;
  const std::string& scope_;
  Statement passage_;
  std::map<std::string, std::unique_ptr<Statement>> fts_;
  Statement code_, state_, done_;
};

// "SDG 8 Decent work and economic growth", "SDG target 8.7", "GCM objective 6 Facilitate fair…".
std::string in_words(const std::string& scheme, const std::string& code) {
  if (scheme == scheme::sdg) {
    if (code.find('.') == std::string::npos) return "SDG " + code + " " + sdg_short_title(code);
    return "SDG target " + code;
  }
  int number = 0;
  try {
    number = std::stoi(code);
  } catch (const std::exception&) {
  }
  const std::string title = gcm_objective_title(number);
  return "GCM objective " + code + (title.empty() ? "" : " " + title);
}

// "8.10" after "8.9", "10" after "8"; "8.a" after the numbered targets of goal 8.
std::pair<int, int> code_order(const std::string& code) {
  const std::size_t dot = code.find('.');
  const auto number = [](const std::string& part) {
    if (part.empty()) return -1;
    if (!std::isdigit(static_cast<unsigned char>(part[0]))) return 1000 + part[0];
    return std::atoi(part.c_str());
  };
  return {number(code.substr(0, dot)), dot == std::string::npos ? -1 : number(code.substr(dot + 1))};
}

// `text` with each term outside double quotes that holds ASCII punctuation put between them
// ("cross-border" -> "\"cross-border\""), its parentheses and a trailing '*' left outside.
std::string punctuated_terms_quoted(const std::string& text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t') {
      out += text[i++];
      continue;
    }
    if (text[i] == '"') {  // a quoted phrase, as it is
      const std::size_t end = text.find('"', i + 1);
      const std::size_t stop = end == std::string::npos ? text.size() : end + 1;
      out += text.substr(i, stop - i);
      i = stop;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '"') ++end;
    std::string term = text.substr(i, end - i);
    i = end;
    std::size_t open = 0, close = term.size();
    while (open < close && term[open] == '(') ++open;
    while (close > open && term[close - 1] == ')') --close;
    const bool prefix = close > open && term[close - 1] == '*';
    const std::string core = term.substr(open, close - open - (prefix ? 1 : 0));
    const bool punctuated = std::any_of(core.begin(), core.end(), [](char c) {
      const auto u = static_cast<unsigned char>(c);
      return u < 0x80 && !std::isalnum(u) && c != '_';
    });
    out += punctuated ? term.substr(0, open) + '"' + core + '"' + (prefix ? "*" : "") + term.substr(close) : term;
  }
  return out;
}

// 'gfmd', 'upr' and 'run'.
std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + ("'" + names[i] + "'");
  return out;
}

}  // namespace

SearchIndexUpdate update_search_index(Store& store, const CorpusView& corpus, const std::string& scope) {
  std::unordered_map<const Document*, std::string> under_review;
  for (const UprReport& r : upr_reports(corpus.documents())) under_review[r.document] = r.state;
  SearchIndexUpdate update;
  store.write_with([&](sqlite3* db) {
    create_tables(db, store.file());
    std::map<std::string, std::string> indexed;
    {
      Statement s(db, "SELECT key, fingerprint FROM search_documents WHERE scope = ?1", store.file());
      s.bind(1, scope);
      while (s.row()) indexed[s.text(0)] = s.text(1);
    }
    Inserter inserter(db, store.file(), scope);
    std::unordered_set<std::string> current;
    // One version's rows at a time: the index never holds a second copy of the corpus's text.
    const auto index = [&](const Document& doc, const std::string& state) {
      ++update.documents;
      const Version v = rows_of(doc, corpus, state, scope);
      if (!current.insert(v.key).second) return;  // two files of the same bytes and id: one
      const auto it = indexed.find(v.key);
      if (it != indexed.end() && it->second == v.fingerprint) return;
      if (it != indexed.end()) remove_version(db, store.file(), v.key);
      inserter.insert(v);
      ++update.rewritten;
    };
    for (const Document& doc : corpus.documents()) {
      const auto it = under_review.find(&doc);
      const std::string state = it == under_review.end() ? std::string() : it->second;
      index(doc, state);
      for (const Document& version : doc.versions) index(version, state);
    }
    for (const auto& entry : indexed)
      if (!current.count(entry.first)) {
        remove_version(db, store.file(), entry.first);
        ++update.removed;
      }
  });
  return update;
}

std::vector<SearchHit> search(Store& store, const SearchQuery& query) {
  const std::string text = normalise_space(query.text);
  if (text.empty()) throw SearchError(SearchError::Kind::bad_query, "the query is empty");
  std::vector<SearchHit> hits;
  store.read_with([&](sqlite3* db) {
    {
      std::string format;
      if (!names_of_tables(db, store.file(), "search\\_meta").empty()) {
        Statement s(db, "SELECT format FROM search_meta", store.file());
        if (s.row()) format = s.text(0);
      }
      if (format != kIndexFormat)
        throw SearchError(SearchError::Kind::no_index,
                          "the store " + store.file().string() +
                              (format.empty() && names_of_tables(db, store.file(), "search\\_passages").empty()
                                   ? " holds no search index"
                                   : " holds a search index of an older version") +
                              ": it is made by `dossier build` (or `run`) of this version; build the job again");
    }
    std::vector<std::string> scopes;
    {
      Statement s(db, "SELECT DISTINCT scope FROM search_documents ORDER BY scope", store.file());
      while (s.row()) scopes.push_back(s.text(0));
    }
    if (!query.scope.empty() && std::find(scopes.begin(), scopes.end(), query.scope) == scopes.end())
      throw SearchError(SearchError::Kind::no_index,
                        "the store " + store.file().string() + " holds no search index of job '" + query.scope +
                            "'" + (scopes.empty() ? std::string() : " (it holds " + quoted_list(scopes) + ")") +
                            ": build the job, then search");
    // Without a job, every job's index is searched; a passage two jobs indexed is listed once.
    const std::size_t fetch = query.scope.empty() ? query.limit * std::max<std::size_t>(1, scopes.size()) : query.limit;
    // The filters, the same for every table; ?1 is the query, ?2 the limit.
    std::string where;
    std::vector<std::string> values;
    const auto filter = [&](const std::string& sql, const std::string& value) {
      values.push_back(value);
      std::string clause = sql;
      for (std::size_t at; (at = clause.find("?V")) != std::string::npos;)
        clause.replace(at, 2, "?" + std::to_string(values.size() + 2));
      where += " AND " + clause;
    };
    if (!query.scope.empty()) filter("p.scope = ?V", query.scope);
    if (!query.language.empty()) filter("(p.language = ?V COLLATE NOCASE OR p.language LIKE ?V || '-%')", query.language);
    if (!query.kind.empty()) filter("p.kind = ?V", query.kind);
    if (!query.document.empty())
      filter("(p.document = ?V COLLATE NOCASE OR p.symbol = ?V COLLATE NOCASE OR p.name = ?V COLLATE NOCASE)",
             query.document);
    if (!query.sdg.empty())
      filter("EXISTS (SELECT 1 FROM search_codes c WHERE c.passage = p.id AND c.scheme = 'sdg' AND"
             " (c.code = ?V OR c.code LIKE ?V || '.%'))",
             query.sdg);
    if (!query.gcm.empty())
      filter("EXISTS (SELECT 1 FROM search_codes c WHERE c.passage = p.id AND c.scheme = 'gcm' AND c.code = ?V)",
             query.gcm);
    if (!query.state.empty())
      filter("EXISTS (SELECT 1 FROM search_states s WHERE s.passage = p.id AND s.key = ?V)", state_key(query.state));
    const std::string columns =
        "p.id, p.document, p.title, p.language, p.kind, p.address, p.citation, p.position, ";
    const auto run = [&](const std::string& sql, const std::string& match) {
      Statement s(db, sql.c_str(), store.file());
      s.bind(1, match);
      s.bind(2, static_cast<sqlite3_int64>(fetch));
      for (std::size_t i = 0; i < values.size(); ++i) s.bind(static_cast<int>(i + 3), values[i]);
      while (s.row()) {
        SearchHit hit;
        hit.document = s.text(1);
        hit.title = s.text(2);
        hit.language = s.text(3);
        hit.kind = s.text(4);
        hit.address = s.text(5);
        hit.citation = s.text(6);
        hit.position = s.text(7);
        hit.snippet = s.text(8);
        hit.rank = s.real(9);
        hit.passage = s.integer64(0);
        hits.push_back(std::move(hit));
      }
    };
    // A language's table, or every one; a query in Chinese, Japanese or Korean is split into
    // characters as their text was.
    std::vector<std::string> tables = fts_tables(db, store.file());
    if (!query.language.empty()) {
      const std::string only = fts_table_of(query.language);
      tables.erase(std::remove_if(tables.begin(), tables.end(), [&](const std::string& t) { return t != only; }),
                   tables.end());
    }
    const auto match_all = [&](const std::string& typed) {
      const std::string match = has_cjk(typed) ? cjk_characters_apart(typed) : typed;
      hits.clear();
      for (const std::string& table : tables) {
        try {
          run("SELECT " + columns + "snippet(" + table + ", 0, char(2), char(3), '…', 16), bm25(" + table + ") FROM " +
                  table + " JOIN search_passages p ON p.id = " + table + ".rowid WHERE " + table + " MATCH ?1" +
                  where + " ORDER BY bm25(" + table + ") LIMIT ?2",
              match);
        } catch (const StoreError& e) {
          const std::string message = sqlite3_errmsg(db);
          if (e.kind() != StoreError::Kind::io ||
              (message.find("fts5") == std::string::npos && message.find("no such column") == std::string::npos &&
               message.find("unterminated") == std::string::npos))
            throw;
          throw SearchError(SearchError::Kind::bad_query,
                            "'" + typed + "' is not a query SQLite's full-text search understands (" + message +
                                "): words are matched as words, and AND, OR, NOT, NEAR, quotes, parentheses, '*', "
                                "':', '-', '^' and '+' have a meaning; put a phrase or anything with punctuation in "
                                "double quotes (dossier search '\"domestic workers\"')");
        }
      }
      for (SearchHit& hit : hits) hit.snippet = without_zero_width_spaces(std::move(hit.snippet));
    };
    // "cross-border", "A/RES/73/195": words with punctuation are what people type; quoted
    // when the query as given is not FTS5 syntax.
    try {
      match_all(text);
    } catch (const SearchError&) {
      const std::string quoted = punctuated_terms_quoted(text);
      if (quoted == text) throw;
      try {
        match_all(quoted);
      } catch (const SearchError&) {
        match_all(text);  // the error about what was typed
      }
    }
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.rank < b.rank; });
    std::set<std::tuple<std::string, std::string, std::string>> listed;
    hits.erase(std::remove_if(hits.begin(), hits.end(),
                              [&](const SearchHit& hit) {
                                return !listed.insert({hit.document, hit.language, hit.address}).second;
                              }),
               hits.end());
    if (hits.size() > query.limit) hits.resize(query.limit);
    Statement codes(db, "SELECT scheme, code FROM search_codes WHERE passage = ?1 ORDER BY scheme DESC, rowid",
                    store.file());
    Statement states(db, "SELECT name, role FROM search_states WHERE passage = ?1 ORDER BY rowid", store.file());
    for (SearchHit& hit : hits) {
      const sqlite3_int64 id = hit.passage;
      codes.reset();
      codes.bind(1, id);
      while (codes.row()) {
        const std::string scheme = codes.text(0), code = codes.text(1);
        hit.mappings.push_back({scheme, code, in_words(scheme, code)});
      }
      std::stable_sort(hit.mappings.begin(), hit.mappings.end(), [](const SearchMapping& a, const SearchMapping& b) {
        return std::make_pair(a.scheme != scheme::sdg, code_order(a.code)) <
               std::make_pair(b.scheme != scheme::sdg, code_order(b.code));
      });
      states.reset();
      states.bind(1, id);
      while (states.row()) {
        if (states.text(1) == "under review")
          hit.state_under_review = states.text(0);
        else
          hit.recommended_by.push_back(states.text(0));
      }
    }
  });
  return hits;
}

}  // namespace dossier::host
