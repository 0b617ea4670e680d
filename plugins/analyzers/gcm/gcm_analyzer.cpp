// Maps recommendations (and, with `paragraphs = true`, every paragraph) to the 23
// objectives of the Global Compact for Migration and the six thematic clusters.
//
// This version maps what the text states explicitly ("objective 13", "objectives 2, 5 and
// 6", "GCM Cluster 1"): certain mappings with score 1. The curated vocabulary adds scored
// mappings.
#include <map>
#include <set>
#include <string>

#include <dossier/dossier.hpp>

#include "../common/subjects.hpp"

namespace {

using namespace dossier;

class GcmAnalyzer final : public Analyzer {
 public:
  void analyze(const Document& document, const std::vector<Annotation>&, std::vector<Annotation>& out,
               Context& context) override {
    const bool paragraphs = context.options().get_bool("paragraphs", false);
    for (const auto& subject : analyzers::subjects_of(document, paragraphs)) {
      std::map<std::string, std::set<std::string>> objectives, clusters;
      for (const Reference* ref : subject.references) {
        const std::string why = "explicit reference: \"" + ref->text + "\"";
        if (ref->type == "gcm_objective") objectives[ref->id].insert(why);
        else if (ref->type == "gcm_cluster") clusters[ref->id].insert(why);
      }
      auto emit = [&](const std::map<std::string, std::set<std::string>>& codes, const char* level,
                      const char* prefix) {
        for (const auto& [code, evidence] : codes) {
          Annotation a;
          a.subject = subject.address;
          a.scheme = "gcm";
          a.code = prefix + code;
          a.level = level;
          a.score = 1.0;
          a.evidence.assign(evidence.begin(), evidence.end());
          out.push_back(std::move(a));
        }
      };
      emit(objectives, "objective", "");
      emit(clusters, "cluster", "cluster-");
    }
  }
};

}  // namespace

DOSSIER_PLUGIN(analyzer, GcmAnalyzer, "gcm", "0.1.0",
               "Maps recommendations to the 23 GCM objectives and the thematic clusters, with evidence")
