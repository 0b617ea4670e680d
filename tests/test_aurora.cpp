// Tests of the Aurora SDG query engine (plugins/analyzers/common/aurora.hpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "aurora.hpp"

namespace fs = std::filesystem;
using dossier::aurora::load_queries;
using dossier::aurora::Match;
using dossier::aurora::Matcher;
using dossier::aurora::TargetQuery;

namespace {

// The project tree, from the build.
fs::path source_dir() {
  return fs::path(DOSSIER_SOURCE_DIR);
}

fs::path data_dir() { return source_dir() / "sdk" / "data" / "aurora"; }

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<TargetQuery> all_queries() {
  std::vector<TargetQuery> all;
  for (int g = 1; g <= 17; ++g) {
    auto q = load_queries(read_file(data_dir() / ("query_SDG" + std::to_string(g) + ".xml")));
    all.insert(all.end(), q.begin(), q.end());
  }
  return all;
}

// The compiled queries of all 17 files, built once for the realistic tests.
struct AllQueries {
  std::vector<TargetQuery> queries = all_queries();
  Matcher matcher{queries};

  std::set<std::string> targets(const std::string& text) const {
    std::set<std::string> out;
    for (const auto& m : matcher.match(text)) out.insert(queries[m.query].target);
    return out;
  }
};

const AllQueries& everything() {
  static const AllQueries a;
  return a;
}

// One query, compiled alone, against one text.
bool matches(const std::string& query, const std::string& text) {
  Matcher m({{"1", "1.1", query}});
  if (!m.problems().empty()) FAIL("query does not compile: " << m.problems().front());
  return !m.match(text).empty();
}

std::vector<std::string> evidence(const std::string& query, const std::string& text) {
  Matcher m({{"1", "1.1", query}});
  const auto r = m.match(text);
  return r.empty() ? std::vector<std::string>{} : std::vector<std::string>(r.front().evidence.begin(), r.front().evidence.end());
}

bool compiles(const std::string& query) {
  Matcher m({{"1", "1.1", query}});
  return m.problems().empty();
}

}  // namespace

TEST_CASE("terms: quoted words, bare words and case folding", "[aurora]") {
  CHECK(matches(R"("migration")", "Safe MIGRATION for all"));
  CHECK(matches("migration", "safe migration"));
  CHECK_FALSE(matches(R"("migration")", "emigration and migratory birds"));
  CHECK_FALSE(matches(R"("migrant")", "the immigrant population"));
}

TEST_CASE("operators: AND, OR, AND NOT", "[aurora]") {
  const std::string q_and = R"("poverty" AND "rural")";
  CHECK(matches(q_and, "rural poverty"));
  CHECK(matches(q_and, "poverty is often rural in the end"));
  CHECK_FALSE(matches(q_and, "urban poverty"));

  const std::string q_or = R"("hunger" OR "famine")";
  CHECK(matches(q_or, "famine relief"));
  CHECK(matches(q_or, "zero hunger"));
  CHECK_FALSE(matches(q_or, "food security"));

  const std::string q_not = R"("forest" AND NOT ("marine" OR "ocean*"))";
  CHECK(matches(q_not, "forest protection"));
  CHECK_FALSE(matches(q_not, "forest and marine protection"));
  CHECK_FALSE(matches(q_not, "forest and oceanic protection"));

  SECTION("a lone NOT between operands is AND NOT") {
    CHECK(matches(R"("forest" NOT "sea")", "forest"));
    CHECK_FALSE(matches(R"("forest" NOT "sea")", "forest by the sea"));
  }
  SECTION("operators are case-insensitive") {
    CHECK(matches(R"("a1" and "b1" or "c1")", "a1 c1"));
    CHECK_FALSE(matches(R"("a1" and not "b1")", "a1 b1"));
  }
  SECTION("adjacent operands without an operator mean AND") {
    CHECK(matches(R"("alpha" "beta")", "beta then alpha"));
    CHECK_FALSE(matches(R"("alpha" "beta")", "alpha alone"));
  }
}

TEST_CASE("operators: Scopus precedence OR > W/n, PRE/n > AND > AND NOT", "[aurora]") {
  // OR binds tighter than AND: ("a" OR "b") AND "c".
  CHECK_FALSE(matches(R"("aa" OR "bb" AND "cc")", "aa"));
  CHECK(matches(R"("aa" OR "bb" AND "cc")", "aa cc"));
  // OR binds tighter than W/n: ("aa" OR "bb") W/1 "cc".
  CHECK(matches(R"("aa" OR "bb" W/1 "cc")", "bb x cc"));
  CHECK_FALSE(matches(R"("aa" OR "bb" W/1 "cc")", "aa x y z cc"));
  // AND binds tighter than AND NOT, AND NOT chains apply one after the other.
  const std::string chain = R"("aa" AND "bb" AND NOT "cc" AND NOT "dd")";
  CHECK(matches(chain, "aa bb"));
  CHECK_FALSE(matches(chain, "aa bb cc"));
  CHECK_FALSE(matches(chain, "aa bb dd"));
  CHECK_FALSE(matches(chain, "aa"));
}

TEST_CASE("operators: nested parentheses", "[aurora]") {
  const std::string q = R"(( ( "income*" ) W/3 ( "growth*" ) ) AND ( "poorest" OR ( "disadvantaged" AND NOT "urban" ) ))";
  CHECK(matches(q, "income growth of the poorest"));
  CHECK(matches(q, "growth of incomes among disadvantaged groups"));
  CHECK_FALSE(matches(q, "growth of incomes among disadvantaged urban groups"));
  CHECK_FALSE(matches(q, "income and wealth may see growth for the poorest"));  // 4 words apart
}

TEST_CASE("phrases: words in sequence, punctuation ignored", "[aurora]") {
  CHECK(matches(R"("social protection")", "national Social-Protection systems"));
  CHECK_FALSE(matches(R"("social protection")", "protection social"));
  CHECK_FALSE(matches(R"("social protection")", "social and protection"));
  CHECK(matches(R"("women's rights")", "women's rights"));
  CHECK(matches(R"("PM2.5")", "levels of PM2.5 in cities"));
  SECTION("a phrase may span a line break in the query") {
    CHECK(matches("\"coral\n     reef*\"", "coral reefs"));
  }
}

TEST_CASE("wildcards: at word end, inside phrases, inside words", "[aurora]") {
  CHECK(matches(R"("migra*")", "migration"));
  CHECK(matches(R"("migra*")", "migra"));  // * is zero or more characters
  CHECK_FALSE(matches(R"("migra*")", "immigration"));
  CHECK(matches(R"("develop* countr*")", "least developed countries"));
  CHECK(matches(R"("develop* countr*")", "developing country"));
  CHECK_FALSE(matches(R"("develop* countr*")", "development of the country"));
  CHECK(matches(R"("wom?n")", "women"));
  CHECK(matches(R"("wom?n")", "woman"));
  CHECK_FALSE(matches(R"("wom?n")", "womaen"));
  CHECK(matches(R"("behavio*r")", "behaviour"));
  CHECK(matches(R"("behavio*r")", "behavior"));
  CHECK(matches(R"("labo*r right*")", "labour rights"));
}

TEST_CASE("plurals: a word without wildcard also matches its regular plural", "[aurora]") {
  CHECK(matches(R"("remittance")", "remittances"));
  CHECK(matches(R"("policy")", "policies"));
  CHECK(matches(R"("tax")", "taxes"));
  CHECK(matches(R"("migration policy")", "migration policies"));
  CHECK_FALSE(matches(R"("policies")", "policy"));
  CHECK_FALSE(matches(R"({remittance})", "remittances"));  // {exact phrase}: no plural
  Matcher strict({{"1", "1.1", R"("remittance")"}}, Matcher::Options{false});
  CHECK(strict.match("remittances").empty());
  CHECK_FALSE(strict.match("remittance").empty());
}

TEST_CASE("exact phrases in braces", "[aurora]") {
  CHECK(matches("{heavy metal}", "heavy metal pollution"));
  CHECK_FALSE(matches("{heavy metal}", "heavy metals"));
  CHECK(matches(R"({child labour} OR "forced labo*")", "forced labor"));
}

TEST_CASE("proximity: W/n in either order, PRE/n in order", "[aurora]") {
  const std::string w2 = R"("water" W/2 "access")";
  CHECK(matches(w2, "water access"));
  CHECK(matches(w2, "access to water"));        // the other order
  CHECK(matches(w2, "water for all access"));   // two words between
  CHECK_FALSE(matches(w2, "water for all and access"));  // three words between
  CHECK_FALSE(matches(w2, "water"));
  CHECK(matches(R"("safe" W/0 "water")", "safe water"));
  CHECK_FALSE(matches(R"("safe" W/0 "water")", "safe drinking water"));

  const std::string pre = R"("reduce" PRE/3 "poverty")";
  CHECK(matches(pre, "reduce extreme poverty"));
  CHECK(matches(pre, "reduce by half the poverty"));
  CHECK_FALSE(matches(pre, "poverty must reduce"));     // wrong order
  CHECK_FALSE(matches(pre, "reduce by at least half the poverty"));  // too far

  SECTION("phrases and groups as operands; distance counted from their ends") {
    const std::string q = R"(( "drinking water" ) W/3 ( "access*" OR "safe*" ))";
    CHECK(matches(q, "access to safe drinking water"));
    CHECK(matches(q, "drinking water that is safely managed"));
    CHECK_FALSE(matches(q, "drinking water in the five largest cities is safe"));
  }
  SECTION("chains: ( a ) W/3 ( b ) W/3 ( c )") {
    const std::string q = R"(( "invas*" ) W/3 ( "alien" ) W/3 ( "species" OR "plant*" ))";
    CHECK(matches(q, "invasive alien species"));
    CHECK(matches(q, "alien and invasive plants"));
    CHECK_FALSE(matches(q, "invasive species"));
  }
  SECTION("the two operands must be different words") {
    CHECK_FALSE(matches(R"("climat*" W/3 "climate")", "climate"));
    CHECK(matches(R"("climat*" W/3 "climate")", "climate and climate"));
  }
}

TEST_CASE("field codes all search the text", "[aurora]") {
  for (const std::string field : {"TITLE-ABS-KEY", "TITLE", "ABS", "KEY", "AUTHKEY", "ALL", "TITLE-ABS"}) {
    CAPTURE(field);
    CHECK(matches(field + R"(( "poverty" W/3 "end*" ))", "ending poverty"));
    CHECK(matches(field + R"( ( "poverty" ) OR )" + field + R"( ( "hunger" ))", "zero hunger"));
  }
  CHECK(matches(R"(TITLE-ABS-KEY ( "a1" ) AND NOT TITLE ( "b1" ))", "a1"));
  CHECK_FALSE(matches(R"(TITLE-ABS-KEY ( "a1" ) AND NOT TITLE ( "b1" ))", "a1 b1"));
}

TEST_CASE("tokenisation: UTF-8 letters are word characters, typographic punctuation is not", "[aurora]") {
  CHECK(matches(R"("São Tomé")", "in São Tomé and Príncipe"));
  CHECK_FALSE(matches(R"("Tom")", "São Tomé"));
  CHECK(matches(R"("d ivoire")", "Côte d’Ivoire"));               // U+2019 separates
  CHECK(matches(R"("women s rights")", "women’s rights"));
  CHECK(matches(R"("child labour")", "child\xC2\xA0labour"));     // no-break space
  CHECK(matches(R"("child labour")", "“child labour”—and more"));
}

TEST_CASE("evidence: the matched words as they appear in the text", "[aurora]") {
  const auto ev = evidence(R"(( "migrant*" ) W/3 ( "remittance*" ) AND NOT "tax")", "Migrant Workers' remittances matter");
  CHECK(ev == std::vector<std::string>{"Migrant", "remittances"});
  // Only occurrences inside a match count: the far "income" is not evidence of the W/n.
  const auto ev2 = evidence(R"("income" W/1 "growth")", "income growth; later, income tables");
  CHECK(ev2 == std::vector<std::string>{"income", "growth"});
  CHECK(evidence(R"("develop* countr*")", "Developing Countries")
        == std::vector<std::string>{"Developing Countries"});
}

TEST_CASE("a query that does not parse is skipped with a problem", "[aurora]") {
  for (const std::string bad :
       {R"(( "a" OR "b")", R"("a" ) OR ( "b")", R"("unterminated)", R"("a" AND)", R"(AND "a")", R"("a" OR NOT "b")",
        R"("*ing")", R"("")", "{open", R"(( ))", R"("a" W/ "b")", R"("a" PRE/x "b")", R"("a" W/3)"}) {
    CAPTURE(bad);
    CHECK_FALSE(compiles(bad));
  }
  std::vector<TargetQuery> qs{{"1", "1.1", R"("poverty")"}, {"1", "1.2", R"(( "broken")"}, {"1", "1.3", R"("hunger")"}};
  std::unique_ptr<Matcher> m;
  REQUIRE_NOTHROW(m = std::make_unique<Matcher>(qs));
  REQUIRE(m->problems().size() == 1);
  CHECK(m->problems().front().find("1.2") != std::string::npos);
  CHECK(m->compiled_queries() == 2);
  const auto r = m->match("poverty and hunger and broken");
  REQUIRE(r.size() == 2);
  CHECK(r[0].query == 0);
  CHECK(r[1].query == 2);
}

TEST_CASE("load_queries: targets, goal level, line joining, errors", "[aurora]") {
  const std::string xml = R"(<?xml version="1.0" encoding="utf-8"?>
<aqd:query xmlns:dc="http://dublincore.org/documents/dcmi-namespace/" xmlns:aqd="http://aurora-network.global/queries/namespace/">
  <dc:identifier type="sdg">13</dc:identifier>
  <dc:identifier type="uri">http://metadata.un.org/sdg/13</dc:identifier>
  <aqd:query-definitions syntax="SCOPUS">
    <aqd:query-definition>
      <aqd:subquery-identifier>0</aqd:subquery-identifier>
      <aqd:query-lines><aqd:query-line field="TITLE-ABS-KEY"> ( "climat*" W/3 "action*" )
      </aqd:query-line></aqd:query-lines>
    </aqd:query-definition>
    <aqd:query-definition>
      <aqd:subquery-identifier>a</aqd:subquery-identifier>
      <aqd:query-lines>
        <aqd:query-line field="TITLE-ABS-KEY">"green climate fund"</aqd:query-line>
        <aqd:query-line field="TITLE-ABS-KEY">"adaptation fund"</aqd:query-line>
        <aqd:query-line field="TITLE-ABS-KEY">AND NOT "sea"</aqd:query-line>
      </aqd:query-lines>
    </aqd:query-definition>
    <aqd:query-definition>
      <aqd:subquery-identifier>3</aqd:subquery-identifier>
      <aqd:query-lines><aqd:query-line field="TITLE-ABS-KEY">   </aqd:query-line></aqd:query-lines>
    </aqd:query-definition>
  </aqd:query-definitions>
</aqd:query>)";
  const auto qs = load_queries(xml);
  REQUIRE(qs.size() == 2);  // the definition without query text is left out
  CHECK(qs[0].goal == "13");
  CHECK(qs[0].target == "13");  // subquery "0" is the goal-level query
  CHECK(qs[0].text == R"(TITLE-ABS-KEY ( ( "climat*" W/3 "action*" ) ))");
  CHECK(qs[1].target == "13.a");
  CHECK(qs[1].text ==
        R"(TITLE-ABS-KEY ( "green climate fund" ) OR TITLE-ABS-KEY ( "adaptation fund" AND NOT "sea" ))");

  Matcher m(qs);
  CHECK(m.problems().empty());
  CHECK(m.match("the green climate fund by the sea").size() == 1);
  CHECK(m.match("the adaptation fund by the sea").empty());

  CHECK_THROWS_AS(load_queries("<aqd:query><unclosed></aqd:query>"), std::runtime_error);
  CHECK_THROWS_AS(load_queries(""), std::runtime_error);
  CHECK_THROWS_AS(load_queries("<html><body/></html>"), std::runtime_error);
  CHECK_THROWS_AS(load_queries(R"(<aqd:query xmlns:aqd="x"><aqd:query-definitions/></aqd:query>)"), std::runtime_error);
}

TEST_CASE("the 17 Aurora files load and every query compiles", "[aurora]") {
  std::size_t total = 0;
  std::set<std::string> targets;
  for (int g = 1; g <= 17; ++g) {
    const auto path = data_dir() / ("query_SDG" + std::to_string(g) + ".xml");
    CAPTURE(path.string());
    REQUIRE(fs::exists(path));
    const auto qs = load_queries(read_file(path));
    CHECK(qs.size() >= 5);
    for (const auto& q : qs) {
      CHECK(q.goal == std::to_string(g));
      CHECK((q.target == q.goal || q.target.rfind(q.goal + ".", 0) == 0));
      CHECK_FALSE(q.text.empty());
      targets.insert(q.target);
    }
    total += qs.size();
  }
  CHECK(fs::exists(data_dir() / "LICENSE.md"));
  CHECK(fs::exists(data_dir() / "queries.xsd"));

  const auto& all = everything();
  CHECK(all.queries.size() == total);
  CHECK(total == 170);           // one per query-definition
  CHECK(targets.size() == 170);  // 169 targets and the goal-level query of SDG 13
  CHECK(targets.count("13"));
  CHECK(targets.count("10.7"));
  CHECK(targets.count("17.19"));
  for (const auto& p : all.matcher.problems()) UNSCOPED_INFO(p);
  CHECK(all.matcher.problems().empty());
  CHECK(all.matcher.compiled_queries() == 170);
  CHECK(all.matcher.term_count() > 500);
}

TEST_CASE("realistic recommendation texts against the Aurora queries", "[aurora]") {
  const auto& a = everything();

  // 10.7 (orderly migration) is queried by "migration polic*" only.
  CHECK(a.targets("Adopt and implement well-managed migration policies").count("10.7"));
  CHECK(a.targets("Develop a national migration policy in line with the Global Compact").count("10.7"));
  // 10.c: ( "remittance" ) AND ( "migrant*" OR "emigrant*" OR "immigrant*" ), plural included.
  CHECK(a.targets("Reduce the transaction costs of migrant remittances to less than 3 per cent").count("10.c"));
  // The Aurora queries have no term for recruitment costs (indicator 10.7.1) nor for the
  // Migrant Workers Convention: such recommendations are not mapped by these queries.
  CHECK(a.targets("Reduce worker-paid recruitment fees and related costs").empty());
  const auto icrmw = a.targets(
      "Ratify the International Convention on the Protection of the Rights of All Migrant Workers and Members of "
      "Their Families");
  CHECK_FALSE(icrmw.count("10.7"));
  CHECK_FALSE(icrmw.count("8.8"));
  // 8.8: "labour right*" OR "labor right*" ...
  CHECK(a.targets("Protect labour rights and promote safe and secure working environments for all workers, "
                  "including migrant workers")
            .count("8.8"));
  // 8.7 and 5.2 share human trafficking.
  const auto trafficking = a.targets("Combat human trafficking and forced labour, in particular of children");
  CHECK(trafficking.count("8.7"));
  CHECK(trafficking.count("5.2"));
  CHECK(a.targets("Ensure access to affordable, reliable and modern energy services").count("7.1"));
  CHECK(a.targets("Provide universal access to safe drinking water").count("6.1"));
  CHECK(a.targets("Take urgent action to combat climate change and its impacts").count("13"));
  // SDG 15 queries exclude marine texts with AND NOT.
  CHECK(a.targets("Prevent the spread of invasive alien species in forests").count("15.8"));
  CHECK_FALSE(a.targets("Prevent the spread of invasive alien species in marine areas").count("15.8"));
  CHECK(a.targets("The weather was pleasant and the meeting ended on time.").empty());

  SECTION("evidence names the matched words") {
    const auto r = a.matcher.match("Adopt well-managed migration policies");
    REQUIRE_FALSE(r.empty());
    const auto it = std::find_if(r.begin(), r.end(), [&](const Match& m) { return a.queries[m.query].target == "10.7"; });
    REQUIRE(it != r.end());
    CHECK(it->evidence == std::vector<std::string_view>{"migration policies"});
  }
}

TEST_CASE("benchmark: match throughput over ~10 MB with all 17 files", "[.bench][aurora]") {
  std::vector<std::string> lines;
  for (const auto& e : fs::directory_iterator(source_dir() / "samples" / "corpus")) {
    if (e.path().extension() != ".txt") continue;
    std::istringstream in(read_file(e.path()));
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) lines.push_back(line);
  }
  REQUIRE_FALSE(lines.empty());
  std::vector<const std::string*> corpus;
  std::size_t bytes = 0;
  while (bytes < 10u * 1024 * 1024)
    for (const auto& l : lines) {
      corpus.push_back(&l);
      bytes += l.size();
    }
  const auto& a = everything();
  std::size_t matched = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (const auto* l : corpus) matched += a.matcher.match(*l).size();
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
  std::cout << "aurora match: " << mb << " MB in " << corpus.size() << " paragraphs, " << s << " s, " << mb / s
            << " MB/s, " << matched << " matches\n";
  CHECK(matched > 0);
}
