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

// Every goal's queries, compiled once for all analyzer objects of the process.
struct CompiledQueries {
  std::vector<aurora::TargetQuery> queries;
  aurora::Matcher matcher;
};

const CompiledQueries& compiled_queries() {
  static const CompiledQueries compiled = [] {
    std::vector<aurora::TargetQuery> all;
    for (const auto& xml : aurora_query_files()) {
      auto goal = aurora::load_queries(xml);
      all.insert(all.end(), goal.begin(), goal.end());
    }
    aurora::Matcher matcher(all);
    return CompiledQueries{std::move(all), std::move(matcher)};
  }();
  return compiled;
}

using vocabulary::Evidence;

class SdgAnalyzer final : public Analyzer {
 public:
  void analyze(const Document& document, const std::vector<Annotation>&, std::vector<Annotation>& out,
               Context& context) override {
    const bool paragraphs = context.options().get_bool("paragraphs", false);
    const bool use_queries = context.options().get_bool("queries", true);
    const double threshold = context.options().get_double("threshold", 0.5);
    const double query_score = context.options().get_double("query_score", 0.6);
    const auto vocabularies = vocabularies_.for_options("sdg", context.options());
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
      if (use_queries) {
        const auto& compiled = compiled_queries();
        for (const auto& m : compiled.matcher.match(*subject.text)) {
          const auto& q = compiled.queries[m.query];
          std::string why = "Aurora query for SDG " + q.target + " matched:";
          for (const auto& term : m.evidence) why += " \"" + term + "\"";
          if (q.target != q.goal) target[q.target].add(query_score, why);
          goal[q.goal].add(query_score, why);
        }
      }
      for (const auto* v : vocabularies) {
        for (const auto& hit : v->match(*subject.text)) {
          const std::string why = vocabulary::evidence_line(*v, hit, hit.rule->code);
          target[hit.rule->code].add(hit.rule->weight, why);
          goal[hit.rule->code.substr(0, hit.rule->code.find('.'))].add(hit.rule->weight, why);
        }
      }
      auto emit = [&](const std::map<std::string, Evidence>& codes, const char* level) {
        for (const auto& [code, evidence] : codes) {
          if (evidence.score() < threshold) continue;
          Annotation a;
          a.subject = subject.address;
          a.scheme = "sdg";
          a.code = code;
          a.level = level;
          a.score = evidence.score();
          a.evidence.assign(evidence.lines.begin(), evidence.lines.end());
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
