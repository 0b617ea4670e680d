// Maps recommendations (and, with `paragraphs = true`, every paragraph) to the 23
// objectives of the Global Compact for Migration and the six thematic clusters.
//
// Evidence, each with its score:
// - what the text states explicitly ("objective 13", "objectives 2, 5 and 6", "GCM
//   Cluster 1"): certain, score 1;
// - the project's curated vocabulary (sdk/data/vocabulary/gcm.toml, docs/vocabulary.md),
//   built from the objectives and their actions and from the titles of the six thematic
//   clusters: each rule's own weight;
// - for clusters, the headings of the sections a recommendation sits in: documents of the
//   GCM process group their recommendations under the clusters' titles, so a cluster rule
//   that fires on a heading counts for every recommendation below it.
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

// "cluster-3" -> 3; 0 for an objective code.
int cluster_of(const std::string& code) { return code.rfind("cluster-", 0) == 0 ? std::stoi(code.substr(8)) : 0; }

class GcmAnalyzer final : public Analyzer {
 public:
  void analyze(const Document& document, const std::vector<Annotation>&, std::vector<Annotation>& out,
               Context& context) override {
    const bool paragraphs = context.options().get_bool("paragraphs", false);
    const double threshold = context.options().get_double("threshold", 0.5);
    const auto vocabularies = vocabularies_.for_options("gcm", context.options());
    HeadingClusters headings(document, vocabularies);

    const auto subjects = analyzers::subjects_of(document, paragraphs, {"gcm_", true});
    out.reserve(out.size() + 2 * subjects.size());  // an objective or two per subject, typically
    for (const auto& subject : subjects) {
      std::map<int, Evidence> objectives, clusters;  // numeric keys: objective 2 before 13
      for (const Reference* ref : subject.references) {
        const std::string why = "explicit reference: \"" + ref->text + "\"";
        if (ref->type == "gcm_objective") objectives[std::stoi(ref->id)].add(1.0, why);
        else if (ref->type == "gcm_cluster") clusters[std::stoi(ref->id)].add(1.0, why);
      }
      for (const auto* v : vocabularies) {
        for (const auto& hit : v->match(*subject.text)) {
          const std::string& code = hit.rule->code;
          if (const int c = cluster_of(code))
            clusters[c].add(hit.rule->weight, vocabulary::evidence_line(v->vocabulary(), *hit.rule, hit.words, code));
          else
            objectives[std::stoi(code)].add(hit.rule->weight, vocabulary::evidence_line(v->vocabulary(), *hit.rule,
                                                                                         hit.words, "objective " + code));
        }
      }
      for (const auto& h : headings.of(subject.section)) clusters[h.cluster].add(h.weight, h.evidence);
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
  // The cluster rules that fire on the headings of each section and of its parents, worked
  // out once per section of a document.
  class HeadingClusters {
   public:
    struct Hit {
      int cluster;
      double weight;
      std::string evidence;
    };

    HeadingClusters(const Document& document, const std::vector<const vocabulary::Compiled*>& vocabularies)
        : document_(document), vocabularies_(vocabularies), own_(document.sections.size()),
          done_(document.sections.size(), false) {}

    // Hits of the section and its ancestors (bounded, in case of a malformed parent cycle).
    std::vector<Hit> of(int section) {
      std::vector<Hit> out;
      for (std::size_t guard = 0; section >= 0 && static_cast<std::size_t>(section) < own_.size() &&
                                  guard <= own_.size();
           ++guard) {
        const auto& hits = own(static_cast<std::size_t>(section));
        out.insert(out.end(), hits.begin(), hits.end());
        section = document_.sections[static_cast<std::size_t>(section)].parent;
      }
      return out;
    }

   private:
    const std::vector<Hit>& own(std::size_t i) {
      if (done_[i]) return own_[i];
      done_[i] = true;
      const Section& s = document_.sections[i];
      for (const auto* v : vocabularies_) {
        for (const auto& hit : v->match(s.title)) {
          const int c = cluster_of(hit.rule->code);
          if (!c) continue;
          std::string heading = s.label.empty() ? s.title : s.label + " " + s.title;
          own_[i].push_back({c, hit.rule->weight,
                             "section heading \"" + heading + "\": " +
                                 vocabulary::evidence_line(v->vocabulary(), *hit.rule, hit.words, hit.rule->code)});
        }
      }
      return own_[i];
    }

    const Document& document_;
    const std::vector<const vocabulary::Compiled*>& vocabularies_;
    std::vector<std::vector<Hit>> own_;
    std::vector<bool> done_;
  };

  vocabulary::Selection vocabularies_;
};

}  // namespace

DOSSIER_PLUGIN(analyzer, GcmAnalyzer, "gcm", "0.3.0",
               "Maps recommendations to the 23 GCM objectives and the thematic clusters, with evidence")
