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

// Bumped when what a row holds changes: every version is indexed again once.
constexpr const char* kIndexFormat = "search-2";

// Three FTS5 tables over the passages (external content: the text is stored once). FTS5 stems
// English only (Porter); other alphabetic languages are matched by word, accents ignored;
// Chinese, written without spaces, by substrings of three characters or more (trigram).
enum Table { english = 0, other = 1, chinese = 2 };
constexpr const char* kTables[] = {"search_en", "search_other", "search_zh"};

Table table_of(const std::string& language) {
  const std::string primary = language.substr(0, language.find('-'));
  if (primary == "en") return english;
  if (primary == "zh" || primary == "ja" || primary == "ko") return chinese;
  return other;
}

bool has_column(sqlite3* db, const std::filesystem::path& file, const char* table, const char* column) {
  Statement s(db, (std::string("SELECT count(*) FROM pragma_table_info('") + table + "') WHERE name=?1").c_str(), file);
  s.bind(1, std::string(column));
  return s.row() && s.integer(0) > 0;
}

void create_tables(sqlite3* db, const std::filesystem::path& file) {
  const auto exec = [&](const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) throw store_error(db, file);
  };
  // An index of the first format (one job's index per store, no scope column) is made again.
  if (has_column(db, file, "search_documents", "key") && !has_column(db, file, "search_documents", "scope"))
    for (const char* table : {"search_en", "search_other", "search_zh", "search_codes", "search_states",
                              "search_passages", "search_documents"})
      exec((std::string("DROP TABLE IF EXISTS ") + table).c_str());
  // A version of a document (its id, language and bytes) and what its rows were made of.
  // The job that indexed it is part of a version's key: jobs sharing a store keep their own index.
  exec("CREATE TABLE IF NOT EXISTS search_documents (key TEXT PRIMARY KEY, scope TEXT NOT NULL, fingerprint TEXT NOT NULL)");
  exec("CREATE TABLE IF NOT EXISTS search_passages ("
       " id INTEGER PRIMARY KEY, doc_key TEXT NOT NULL, scope TEXT NOT NULL, tbl INTEGER NOT NULL, document TEXT NOT NULL,"
       " symbol TEXT NOT NULL, name TEXT NOT NULL, title TEXT NOT NULL, language TEXT NOT NULL, kind TEXT NOT NULL,"
       " address TEXT NOT NULL, citation TEXT NOT NULL, position TEXT NOT NULL, text TEXT NOT NULL)");
  exec("CREATE INDEX IF NOT EXISTS search_passages_doc ON search_passages (doc_key)");
  // For the filters: SDG goals and targets, GCM objectives; States under review or recommending.
  exec("CREATE TABLE IF NOT EXISTS search_codes (passage INTEGER NOT NULL, scheme TEXT NOT NULL, code TEXT NOT NULL)");
  exec("CREATE INDEX IF NOT EXISTS search_codes_passage ON search_codes (passage)");
  exec("CREATE TABLE IF NOT EXISTS search_states ("
       " passage INTEGER NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL)");
  exec("CREATE INDEX IF NOT EXISTS search_states_passage ON search_states (passage)");
  exec("CREATE VIRTUAL TABLE IF NOT EXISTS search_en USING fts5(text, content='search_passages', content_rowid='id',"
       " tokenize='porter unicode61 remove_diacritics 2')");
  exec("CREATE VIRTUAL TABLE IF NOT EXISTS search_other USING fts5(text, content='search_passages',"
       " content_rowid='id', tokenize='unicode61 remove_diacritics 2')");
  exec("CREATE VIRTUAL TABLE IF NOT EXISTS search_zh USING fts5(text, content='search_passages', content_rowid='id',"
       " tokenize='trigram')");
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
  Version v{&doc, scope + '\t' + doc.id + '\t' + doc.language + '\t' + doc.sha256, cited_name(doc), {}, {}};
  const std::string language = doc.language.empty() ? "en" : doc.language;
  const auto add = [&](const std::string& kind, const std::string& address, const std::string& text,
                       const Recommendation* r) {
    if (text.empty()) return;
    Row row{kind, address, human_citation(doc, address, language), r ? r->position : "", text, {}, {}};
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
  for (int t = 0; t < 3; ++t) {
    const std::string sql = std::string("INSERT INTO ") + kTables[t] + "(" + kTables[t] +
                            ", rowid, text) SELECT 'delete', id, text FROM search_passages WHERE doc_key=?1 AND tbl=" +
                            std::to_string(t);
    Statement s(db, sql.c_str(), file);
    s.bind(1, key);
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
        scope_(scope),
        passage_(db,
                 "INSERT INTO search_passages (doc_key, tbl, document, symbol, name, title, language, kind, address,"
                 " citation, position, text, scope) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                 file),
        fts_{Statement(db, "INSERT INTO search_en(rowid, text) VALUES (?1, ?2)", file),
             Statement(db, "INSERT INTO search_other(rowid, text) VALUES (?1, ?2)", file),
             Statement(db, "INSERT INTO search_zh(rowid, text) VALUES (?1, ?2)", file)},
        code_(db, "INSERT INTO search_codes (passage, scheme, code) VALUES (?1, ?2, ?3)", file),
        state_(db, "INSERT INTO search_states (passage, key, name, role) VALUES (?1, ?2, ?3, ?4)", file),
        done_(db, "INSERT OR REPLACE INTO search_documents (key, scope, fingerprint) VALUES (?1, ?2, ?3)", file) {}

  void insert(const Version& v) {
    const Document& doc = *v.doc;
    const Table table = table_of(doc.language);
    Statement& fts = fts_[table];
    for (const Row& row : v.rows) {
      passage_.reset();
      passage_.bind(1, v.key);
      passage_.bind(2, static_cast<sqlite3_int64>(table));
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
  const std::string& scope_;
  Statement passage_;
  Statement fts_[3];
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

bool has_cjk(const std::string& text) {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = utf8::next(text, i);
    if ((c >= 0x3040 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF)) return true;
  }
  return false;
}

std::size_t characters(const std::string& text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++n) utf8::next(text, i);
  return n;
}

// Around the first occurrence of `needle` in `text`: `around` characters either side.
std::string snippet_around(const std::string& text, const std::string& needle, std::size_t around) {
  const std::size_t at = text.find(needle);
  if (at == std::string::npos) return text.substr(0, 120);
  std::size_t begin = at, end = at + needle.size();
  for (std::size_t n = 0; n < around && begin > 0; ++n)
    do --begin;
    while (begin > 0 && utf8::is_continuation(static_cast<unsigned char>(text[begin])));
  for (std::size_t n = 0; n < around && end < text.size(); ++n) utf8::next(text, end);
  return (begin > 0 ? "…" : "") + text.substr(begin, at - begin) + '\x02' + needle + '\x03' +
         text.substr(at + needle.size(), end - at - needle.size()) + (end < text.size() ? "…" : "");
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
      Statement s(db, "SELECT count(*) FROM sqlite_schema WHERE name='search_passages'", store.file());
      if (!s.row() || s.integer(0) == 0 || !has_column(db, store.file(), "search_passages", "scope"))
        throw SearchError(SearchError::Kind::no_index,
                          "the store " + store.file().string() +
                              " holds no search index: it is made by `dossier build` (or `run`) of this version; "
                              "build the job again");
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
    // One, two Chinese characters are less than a trigram, which would match nothing: the
    // Chinese rows holding every word of the query are scanned instead.
    std::vector<std::string> words;
    for (std::size_t i = 0, end; i < text.size(); i = end + 1) {
      end = std::min(text.find_first_of(" \t", i), text.size());
      std::string word = text.substr(i, end - i);
      word.erase(std::remove(word.begin(), word.end(), '"'), word.end());
      if (!word.empty()) words.push_back(word);
    }
    const bool short_chinese = std::any_of(words.begin(), words.end(), [](const std::string& w) {
      return has_cjk(w) && characters(w) < 3;
    });
    if (short_chinese)
      for (const std::string& word : words) filter("instr(p.text, ?V) > 0", word);
    const int only = query.language.empty() ? -1 : table_of(query.language);
    const auto match_all = [&](const std::string& match) {
    hits.clear();
    for (int t = 0; t < 3; ++t) {
      if (only >= 0 && t != only) continue;
      if (short_chinese) {
        if (t != chinese) continue;
        run("SELECT " + columns + "p.text, 0 FROM search_passages p WHERE p.tbl = 2" + where + " ORDER BY p.id LIMIT ?2",
            match);
        for (SearchHit& hit : hits) hit.snippet = snippet_around(hit.snippet, words.front(), 20);
        continue;
      }
      const std::string table = kTables[t];
      try {
        run("SELECT " + columns + "snippet(" + table + ", 0, char(2), char(3), '…', 16), bm25(" + table + ") FROM " +
            table + " JOIN search_passages p ON p.id = " + table + ".rowid WHERE " + table + " MATCH ?1" + where +
            " ORDER BY bm25(" + table + ") LIMIT ?2", match);
      } catch (const StoreError& e) {
        const std::string message = sqlite3_errmsg(db);
        if (e.kind() != StoreError::Kind::io ||
            (message.find("fts5") == std::string::npos && message.find("no such column") == std::string::npos &&
             message.find("unterminated") == std::string::npos))
          throw;
        throw SearchError(SearchError::Kind::bad_query,
                          "'" + text + "' is not a query SQLite's full-text search understands (" + message +
                              "): words are matched as words, and AND, OR, NOT, NEAR, quotes, parentheses, '*', ':', "
                              "'-', '^' and '+' have a meaning; put a phrase or anything with punctuation in double "
                              "quotes (dossier search '\"domestic workers\"')");
      }
    }
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
