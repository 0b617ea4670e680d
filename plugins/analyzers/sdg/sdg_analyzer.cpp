// Maps recommendations (and, with `paragraphs = true`, every paragraph) to SDG goals,
// targets and indicators.
//
// This version maps what the text states explicitly ("SDG indicator 10.7.1", "SDG 8.7",
// "Goal 5"): certain mappings with score 1. An indicator also maps its target and goal; a
// target its goal. The query engine and the curated vocabulary add scored mappings.
#include <map>
#include <set>
#include <string>

#include <dossier/dossier.hpp>

#include "../common/subjects.hpp"

namespace {

using namespace dossier;

class SdgAnalyzer final : public Analyzer {
 public:
  void analyze(const Document& document, const std::vector<Annotation>&, std::vector<Annotation>& out,
               Context& context) override {
    const bool paragraphs = context.options().get_bool("paragraphs", false);
    for (const auto& subject : analyzers::subjects_of(document, paragraphs)) {
      // code -> evidence lines, per level; ordered so that output is deterministic.
      std::map<std::string, std::set<std::string>> goal, target, indicator;
      for (const Reference* ref : subject.references) {
        const std::string why = "explicit reference: \"" + ref->text + "\"";
        const std::string& id = ref->id;
        if (ref->type == "sdg_indicator") {
          indicator[id].insert(why);
          target[id.substr(0, id.rfind('.'))].insert(why);
          goal[id.substr(0, id.find('.'))].insert(why);
        } else if (ref->type == "sdg_target") {
          target[id].insert(why);
          goal[id.substr(0, id.find('.'))].insert(why);
        } else if (ref->type == "sdg_goal") {
          goal[id].insert(why);
        }
      }
      auto emit = [&](const std::map<std::string, std::set<std::string>>& codes, const char* level) {
        for (const auto& [code, evidence] : codes) {
          Annotation a;
          a.subject = subject.address;
          a.scheme = "sdg";
          a.code = code;
          a.level = level;
          a.score = 1.0;
          a.evidence.assign(evidence.begin(), evidence.end());
          out.push_back(std::move(a));
        }
      };
      emit(goal, "goal");
      emit(target, "target");
      emit(indicator, "indicator");
    }
  }
};

}  // namespace

DOSSIER_PLUGIN(analyzer, SdgAnalyzer, "sdg", "0.1.0",
               "Maps recommendations to SDG goals, targets and indicators, with evidence")
