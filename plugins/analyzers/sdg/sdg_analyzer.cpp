// Maps recommendations (and, with `paragraphs = true`, every paragraph) to SDG goals,
// targets and indicators.
//
// Two sources of evidence, each with its score:
// - what the text states explicitly ("SDG indicator 10.7.1", "SDG 8.7", "Goal 5"): certain,
//   score 1. An indicator also maps its target and goal; a target its goal.
// - the Aurora SDG queries (one per target), compiled once and matched over the text:
//   score `query_score` (default 0.6) for the target and its goal.
// - the project's curated vocabulary (sdk/data/vocabulary/sdg.toml, docs/vocabulary.md):
//   each rule's own weight for its target and goal.
// Several pieces of evidence for one code combine as independent signals (noisy-OR:
// 1 - (1 - a)(1 - b)), so agreement raises the score; explicit references stay at 1.
// Options: paragraphs (map every paragraph, not only recommendations), threshold (drop
// mappings scoring below; default 0.5), queries (false to skip the Aurora queries),
// vocabulary (a further vocabulary file of the same format), builtin_vocabulary (false to
// leave out the project's own).
#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <dossier/dossier.hpp>

#include "../common/aurora.hpp"
#include "../common/subjects.hpp"
#include "../common/vocabulary.hpp"

namespace {

using namespace dossier;

// The Aurora queries of every goal and the project's vocabulary rules, compiled into one
// matcher once per process, so that one pass over a text finds both.
struct CompiledQueries {
  std::vector<aurora::TargetQuery> queries;  // Aurora's first, then the vocabulary's rules
  std::size_t aurora_count = 0;
  vocabulary::Vocabulary vocabulary;
  aurora::Matcher matcher;
};

const CompiledQueries& compiled_queries() {
  static const CompiledQueries compiled = [] {
    std::vector<aurora::TargetQuery> all;
    for (const auto& xml : aurora_query_files()) {
      auto goal = aurora::load_queries(xml);
      all.insert(all.end(), goal.begin(), goal.end());
    }
    const std::size_t aurora_count = all.size();
    auto rules = vocabulary::parse(vocabulary_file("sdg"), "sdg.toml");
    for (auto& q : vocabulary::queries_of(rules)) all.push_back(std::move(q));
    aurora::Matcher matcher(all);
    return CompiledQueries{std::move(all), aurora_count, std::move(rules), std::move(matcher)};
  }();
  return compiled;
}

using vocabulary::Evidence;

void add_rule(const vocabulary::Vocabulary& v, const vocabulary::Rule& rule, const std::vector<std::string>& words,
              std::map<std::string, Evidence>& target, std::map<std::string, Evidence>& goal) {
  const std::string why = vocabulary::evidence_line(v, rule, words, rule.code);
  target[rule.code].add(rule.weight, why);
  goal[rule.code.substr(0, rule.code.find('.'))].add(rule.weight, why);
}

class SdgAnalyzer final : public Analyzer {
 public:
  void analyze(const Document& document, const std::vector<Annotation>&, std::vector<Annotation>& out,
               Context& context) override {
    const bool paragraphs = context.options().get_bool("paragraphs", false);
    const bool use_queries = context.options().get_bool("queries", true);
    const double threshold = context.options().get_double("threshold", 0.5);
    const double query_score = context.options().get_double("query_score", 0.6);
    const bool use_builtin = context.options().get_bool("builtin_vocabulary", true);
    // The project's vocabulary is in the combined matcher; only a user's file is separate.
    const auto extra = vocabularies_.for_options("sdg", context.options(), false);
    for (const auto& subject : analyzers::subjects_of(document, paragraphs)) {
      // code -> evidence, per level; ordered so that output is deterministic.
      std::map<std::string, Evidence> goal, target, indicator;
      for (const Reference* ref : subject.references) {
        const std::string why = "explicit reference: \"" + ref->text + "\"";
        const std::string& id = ref->id;
        if (ref->type == "sdg_indicator") {
          indicator[id].add(1.0, why);
          target[id.substr(0, id.rfind('.'))].add(1.0, why);
          goal[id.substr(0, id.find('.'))].add(1.0, why);
        } else if (ref->type == "sdg_target") {
          target[id].add(1.0, why);
          goal[id.substr(0, id.find('.'))].add(1.0, why);
        } else if (ref->type == "sdg_goal") {
          goal[id].add(1.0, why);
        }
      }
      const auto& compiled = compiled_queries();
      for (const auto& m : compiled.matcher.match(*subject.text)) {
        const auto& q = compiled.queries[m.query];
        if (m.query < compiled.aurora_count) {
          if (!use_queries) continue;
          std::string why = "Aurora query for SDG " + q.target + " matched:";
          for (const auto& term : m.evidence) why += " \"" + term + "\"";
          if (q.target != q.goal) target[q.target].add(query_score, why);
          goal[q.goal].add(query_score, why);
        } else if (use_builtin) {
          const auto& rule = compiled.vocabulary.rules[m.query - compiled.aurora_count];
          add_rule(compiled.vocabulary, rule, m.evidence, target, goal);
        }
      }
      for (const auto* v : extra) {
        for (const auto& hit : v->match(*subject.text))
          add_rule(v->vocabulary(), *hit.rule, hit.words, target, goal);
      }
      auto emit = [&](std::map<std::string, Evidence>& codes, const char* level) {
        for (auto& [code, evidence] : codes) {
          if (evidence.score() < threshold) continue;
          Annotation a;
          a.subject = subject.address;
          a.scheme = "sdg";
          a.code = code;
          a.level = level;
          a.score = evidence.score();
          a.evidence = std::move(evidence.lines);
          out.push_back(std::move(a));
        }
      };
      emit(goal, "goal");
      emit(target, "target");
      emit(indicator, "indicator");
    }
  }

 private:
  vocabulary::Selection vocabularies_;
};

}  // namespace

DOSSIER_PLUGIN(analyzer, SdgAnalyzer, "sdg", "0.3.0",
               "Maps recommendations to SDG goals, targets and indicators, with evidence")
