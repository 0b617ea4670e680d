// Maps recommendations (and, with `paragraphs = true`, every paragraph) to the 23
// objectives of the Global Compact for Migration and the six thematic clusters.
//
// Evidence, each with its score:
// - what the text states explicitly ("objective 13", "objectives 2, 5 and 6", "GCM
//   Cluster 1"): certain, score 1;
// - the project's curated vocabulary (sdk/data/vocabulary/gcm.toml, docs/vocabulary.md),
//   built from the objectives and their actions: each rule's own weight.
// Several signals for one objective combine by noisy-OR. Options: paragraphs, threshold
// (default 0.5), vocabulary (a further file), builtin_vocabulary (false to leave ours out).
#include <map>
#include <memory>
#include <string>

#include <dossier/dossier.hpp>

#include "../common/subjects.hpp"
#include "../common/vocabulary.hpp"

namespace {

using namespace dossier;
using vocabulary::Evidence;

class GcmAnalyzer final : public Analyzer {
 public:
  void analyze(const Document& document, const std::vector<Annotation>&, std::vector<Annotation>& out,
               Context& context) override {
    const bool paragraphs = context.options().get_bool("paragraphs", false);
    const double threshold = context.options().get_double("threshold", 0.5);
    const auto vocabularies = vocabularies_.for_options("gcm", context.options());

    for (const auto& subject : analyzers::subjects_of(document, paragraphs)) {
      std::map<int, Evidence> objectives, clusters;  // numeric keys: objective 2 before 13
      for (const Reference* ref : subject.references) {
        const std::string why = "explicit reference: \"" + ref->text + "\"";
        if (ref->type == "gcm_objective") objectives[std::stoi(ref->id)].add(1.0, why);
        else if (ref->type == "gcm_cluster") clusters[std::stoi(ref->id)].add(1.0, why);
      }
      for (const auto* v : vocabularies) {
        for (const auto& hit : v->match(*subject.text)) {
          objectives[std::stoi(hit.rule->code)].add(hit.rule->weight,
                                                    vocabulary::evidence_line(v->vocabulary(), *hit.rule, hit.words,
                                                                              "objective " + hit.rule->code));
        }
      }
      auto emit = [&](std::map<int, Evidence>& codes, const char* level, const char* prefix) {
        for (auto& [code, evidence] : codes) {
          if (evidence.score() < threshold) continue;
          Annotation a;
          a.subject = subject.address;
          a.scheme = "gcm";
          a.code = prefix + std::to_string(code);
          a.level = level;
          a.score = evidence.score();
          a.evidence = std::move(evidence.lines);
          out.push_back(std::move(a));
        }
      };
      emit(objectives, "objective", "");
      emit(clusters, "cluster", "cluster-");
    }
  }

 private:
  vocabulary::Selection vocabularies_;
};

}  // namespace

DOSSIER_PLUGIN(analyzer, GcmAnalyzer, "gcm", "0.2.0",
               "Maps recommendations to the 23 GCM objectives and the thematic clusters, with evidence")
