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
// - a heading that names objectives in a parenthesis ("Round table 1 (objectives 2, 5, 6,
//   12 and 18)", in any language): score `heading_score` (default 0.3) for each named
//   objective of the paragraphs below it. Alone it stays under the threshold (a heading
//   naming five objectives does not say which one a paragraph is about); with a rule or the
//   model it lifts the objectives the document itself says the part reviews.
// - a learned classifier (docs/classifier.md; the shipped one, built into the plugin, learned
//   from the round-table paragraphs of the IMRF Progress Declaration in six languages): the
//   objectives of passages in documents not in English, where the rules cannot read.
// Several signals for one objective combine by noisy-OR. Options: paragraphs, threshold
// (default 0.5), vocabulary (a further file), builtin_vocabulary (false to leave ours out),
// heading_score (also the weight held against objectives a heading does not name), model
// (builtin, none or a model file of `dossier train --scheme gcm`),
// passage_model (auto: documents not in English; true; false).
#include <algorithm>
#include <map>
#include <memory>
#include <string>

#include <dossier/domain/reference_data.hpp>
#include <dossier/dossier.hpp>

#include "../common/embedded_model.hpp"
#include "../common/mapping_options.hpp"
#include "../common/model_option.hpp"
#include "../common/named_codes.hpp"
#include "../common/subjects.hpp"
#include "../common/vocabulary.hpp"

namespace {

using namespace dossier;
using vocabulary::Evidence;

// "cluster-3" -> 3; 0 for an objective code.
int cluster_of(const std::string& code) { return code.rfind("cluster-", 0) == 0 ? std::stoi(code.substr(8)) : 0; }

const classifier::Model& builtin_model() {
  static const classifier::Model model = classifier::Model::view(embedded_model_image(), "built-in gcm model");
  return model;
}

// "objectives 2, 5, 6, 12 and 18" of the evidence line.
std::string list_of(const std::vector<int>& numbers) {
  std::string out;
  for (std::size_t i = 0; i < numbers.size(); ++i)
    out += (i == 0 ? "" : i + 1 == numbers.size() ? " and " : ", ") + std::to_string(numbers[i]);
  return out;
}

class GcmAnalyzer final : public Analyzer {
 public:
  static constexpr OptionSpec options[] = {
      MAPPING_ANALYZER_OPTIONS(gcm),
      {"heading_score", OptionType::number, "0.3",
       "the score a heading that names objectives gives them for the paragraphs below it"},
  };

  void analyze(const Document& document, const std::vector<Annotation>&, std::vector<Annotation>& out,
               Context& context) override {
    const bool paragraphs = context.options().get_bool("paragraphs", false);
    const double threshold = context.options().get_double("threshold", 0.5);
    const auto vocabularies = vocabularies_.for_options("gcm", context.options());
    const double heading_score = context.options().get_double("heading_score", 0.3);
    const classifier::Model* model = models_.get(context.options().get("model", "builtin"), builtin_model);
    const auto model_top = static_cast<std::size_t>(std::max(0LL, context.options().get_int("model_top", 3)));
    const classifier::Model* passages =
        model && analyzers::model_maps_passages(context.options().get("passage_model", "auto"), document.language,
                                                "gcm")
            ? model
            : nullptr;
    HeadingClusters headings(document, vocabularies);

    const auto subjects = analyzers::subjects_of(document, paragraphs, {"gcm_", true, true});
    out.reserve(out.size() + 2 * subjects.size());  // an objective or two per subject, typically
    for (const auto& subject : subjects) {
      std::map<int, Evidence> objectives, clusters;  // numeric keys: objective 2 before 13
      for (const Reference* ref : subject.references) {
        const std::string why = "explicit reference: \"" + ref->text + "\"";
        if (ref->type == dossier::reference_type::gcm_objective) objectives[std::stoi(ref->id)].add(1.0, why);
        else if (ref->type == dossier::reference_type::gcm_cluster) clusters[std::stoi(ref->id)].add(1.0, why);
      }
      for (const auto* v : vocabularies) {
        for (const auto& hit : v->match(*subject.text)) {
          const std::string& code = hit.rule->code;
          if (const int c = cluster_of(code))
            clusters[c].add(hit.rule->weight, vocabulary::evidence_line(v->vocabulary(), *hit.rule, hit.words, code),
                            hit.rule->generic);
          else
            objectives[std::stoi(code)].add(
                hit.rule->weight,
                vocabulary::evidence_line(v->vocabulary(), *hit.rule, hit.words, "objective " + code),
                hit.rule->generic);
        }
      }
      for (const auto& h : headings.of(subject.section)) clusters[h.cluster].add(h.weight, h.evidence);
      // A heading that names objectives scopes the part below it: they are lifted by
      // `heading_score`, and the others must reach the threshold with that weight held against
      // them (1 - (1 - threshold)(1 - heading_score), 0.65 by default): a paragraph of a round
      // table reviewing objectives 2, 5 and 6 that mentions detention in passing is not mapped
      // to objective 13 on one phrase.
      std::vector<int> named;
      if (subject.heading && heading_score > 0) {
        named = analyzers::numbers_named_in(subject.heading->text, gcm_objective_count());
        const std::string why =
            "under the heading \"" + subject.heading->text + "\", which names objectives " + list_of(named);
        for (const int n : named) objectives[n].add(heading_score, why);
      }
      const double out_of_scope = 1 - (1 - threshold) * (1 - heading_score);
      const auto bar = [&](int objective) {
        return named.empty() || std::find(named.begin(), named.end(), objective) != named.end() ? threshold
                                                                                               : out_of_scope;
      };
      // Last evidence for the objectives: a vote that cannot lift one to its bar is dropped.
      const auto worth = [&](const std::string& code, double score) {
        const int objective = std::stoi(code);
        const auto it = objectives.find(objective);
        return analyzers::reaches(it == objectives.end() ? 1.0 : it->second.miss, score, bar(objective));
      };
      if (passages)
        for (auto& v : analyzers::model_votes(*passages, {*subject.text}, false, model_top, worth))
          objectives[std::stoi(*v.code)].add(v.score, std::move(v.evidence));
      auto emit = [&](std::map<int, Evidence>& codes, std::string_view level, const char* prefix) {
        const bool objective = *prefix == '\0';
        for (auto& [code, evidence] : codes) {
          if (!evidence.maps(objective ? bar(code) : threshold)) continue;
          Annotation a;
          a.subject = subject.address;
          a.scheme = dossier::scheme::gcm;
          a.code = prefix + std::to_string(code);
          a.level = level;
          a.score = evidence.score();
          a.evidence = std::move(evidence.lines);
          out.push_back(std::move(a));
        }
      };
      emit(objectives, dossier::level::objective, "");
      emit(clusters, dossier::level::cluster, "cluster-");
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
  analyzers::ModelOption models_{"gcm", "objective"};
};

}  // namespace

DOSSIER_PLUGIN(analyzer, GcmAnalyzer, "gcm", "0.5.1",
               "Maps recommendations to the 23 GCM objectives and the thematic clusters, with evidence")
