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
// - a learned classifier (docs/classifier.md; the shipped one is built into the plugin):
//   goals only, its probability rescaled so that the model's own cross-validated threshold
//   for passages lands on 0.5, with the terms that weighed most as evidence. It also gives
//   the document itself an SDG profile (subject = the document's id) from all its text,
//   against the model's threshold for whole documents.
// Several pieces of evidence for one code combine as independent signals (noisy-OR:
// 1 - (1 - a)(1 - b)), so agreement raises the score; explicit references stay at 1.
// Options: paragraphs (map every paragraph, not only recommendations), threshold (drop
// mappings scoring below; default 0.5), queries (false to skip the Aurora queries),
// vocabulary (a further vocabulary file of the same format), builtin_vocabulary (false to
// leave out the project's own), model (a model file of `dossier train`; "none" for rules
// only), document_profile (false: no annotations of the document itself), passage_model
// (auto: the model maps paragraphs and recommendations in documents not in English; true,
// false: always, never).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <dossier/dossier.hpp>

#include "../common/aurora.hpp"
#include "../common/classifier.hpp"
#include "../common/loaded_files.hpp"
#include "../common/subjects.hpp"
#include "../common/vocabulary.hpp"
#include "embedded_model.hpp"

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

// The evidence for the codes of one level of one subject. A subject maps to a handful of
// codes, so a flat list searched in place beats a tree of strings; emit() sorts it so that
// output order stays that of the codes' text.
class Codes {
 public:
  Evidence& operator[](std::string_view code) {
    for (auto& [c, e] : items_)
      if (c == code) return e;
    items_.emplace_back(std::string(code), Evidence{});
    return items_.back().second;
  }
  // Moves every code scoring at least `threshold` out as an annotation of `subject`.
  void emit(std::string_view subject, const char* level, double threshold, std::vector<Annotation>& out) {
    std::sort(items_.begin(), items_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [code, evidence] : items_) {
      if (evidence.score() < threshold) continue;
      Annotation& a = out.emplace_back();
      a.subject = subject;
      a.scheme = "sdg";
      a.code = std::move(code);
      a.level = level;
      a.score = evidence.score();
      a.evidence = std::move(evidence.lines);
    }
    items_.clear();
  }

 private:
  std::vector<std::pair<std::string, Evidence>> items_;
};

// "10.7.1" -> "10"; "10.7.1" -> "10.7" with `last`.
std::string_view code_prefix(std::string_view code, bool last = false) {
  return code.substr(0, last ? code.rfind('.') : code.find('.'));
}

void add_rule(const vocabulary::Vocabulary& v, const vocabulary::Rule& rule, const std::vector<std::string_view>& words,
              Codes& target, Codes& goal) {
  std::string why = vocabulary::evidence_line(v, rule, words, rule.code);
  target[rule.code].add(rule.weight, why);
  goal[code_prefix(rule.code)].add(rule.weight, std::move(why));
}

const classifier::Model& builtin_model() {
  static const classifier::Model model = classifier::Model::parse(embedded_sdg_model(), "built-in sdg model");
  return model;
}

// The model's probability on the analyzer's scale: `threshold` (the model's own,
// cross-validated) becomes 0.5, the default threshold of the analyzer, so that the model
// alone maps where it was calibrated to, and agreement with rules raises the score.
double rescaled(double probability, double threshold) {
  const auto logit = [](double p) {
    p = std::clamp(p, 1e-6, 1 - 1e-6);
    return std::log(p / (1 - p));
  };
  return 1 / (1 + std::exp(-(logit(probability) - logit(threshold))));
}

// Why the model gave `label`: its probability, the threshold it was held to and the terms
// that weighed most.
std::string model_evidence(const classifier::Model& model, const classifier::Vector& x, std::size_t label,
                           double probability, double threshold, const char* what) {
  char number[64];
  std::snprintf(number, sizeof number, "probability %.2f, %s threshold %.2f", probability, what, threshold);
  std::string why = "learned model " + model.name + " " + model.version + ": " + number;
  const auto terms = model.strongest_terms(x, label, 6);
  if (!terms.empty()) why += "; weighed most:";
  for (const auto& t : terms) {
    std::snprintf(number, sizeof number, " +%.2f", t.contribution);
    why += " \"" + std::string(t.term) + "\"" + number + ",";
  }
  if (!terms.empty()) why.pop_back();
  return why;
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
    const classifier::Model* model = model_for(context.options().get("model", "builtin"));
    if (model && context.options().get_bool("document_profile", true)) profile(document, *model, threshold, out);
    // Passages: where the rules cannot read the language (they are English), the model alone;
    // in English the rules alone unless asked, since the two together lost precision on held-out
    // UPR recommendations (docs/classifier.md, "Measured").
    const std::string passage_model = context.options().get("passage_model", "auto");
    if (passage_model != "auto" && passage_model != "true" && passage_model != "false")
      throw std::runtime_error("sdg: option passage_model must be auto, true or false, not \"" + passage_model + "\"");
    const bool english = document.language.empty() || document.language.rfind("en", 0) == 0;
    const classifier::Model* passages = passage_model == "true" || (passage_model == "auto" && !english) ? model : nullptr;
    Codes goal, target, indicator;
    const auto& compiled = compiled_queries();
    const auto subjects = analyzers::subjects_of(document, paragraphs, {"sdg_", false});
    out.reserve(out.size() + 4 * subjects.size());  // a goal and a target or two per subject, typically
    for (const auto& subject : subjects) {
      for (const Reference* ref : subject.references) {
        std::string why = "explicit reference: \"" + ref->text + "\"";
        const std::string& id = ref->id;
        if (ref->type == "sdg_indicator") {
          indicator[id].add(1.0, why);
          target[code_prefix(id, true)].add(1.0, why);
          goal[code_prefix(id)].add(1.0, std::move(why));
        } else if (ref->type == "sdg_target") {
          target[id].add(1.0, why);
          goal[code_prefix(id)].add(1.0, std::move(why));
        } else if (ref->type == "sdg_goal") {
          goal[id].add(1.0, std::move(why));
        }
      }
      for (const auto& m : compiled.matcher.match(*subject.text)) {
        const auto& q = compiled.queries[m.query];
        if (m.query < compiled.aurora_count) {
          if (!use_queries) continue;
          std::string why = vocabulary::matched_line({"Aurora query for SDG ", q.target}, m.evidence);
          if (q.target != q.goal) target[q.target].add(query_score, why);
          goal[q.goal].add(query_score, std::move(why));
        } else if (use_builtin) {
          const auto& rule = compiled.vocabulary.rules[m.query - compiled.aurora_count];
          add_rule(compiled.vocabulary, rule, m.evidence, target, goal);
        }
      }
      for (const auto* v : extra) {
        for (const auto& hit : v->match(*subject.text))
          add_rule(v->vocabulary(), *hit.rule, hit.words, target, goal);
      }
      if (passages) {
        const classifier::Model* model = passages;
        const auto x = model->vectorize(*subject.text);
        const auto p = model->probabilities(x);
        for (std::size_t k = 0; k < p.size(); ++k) {
          const double t = model->passage_threshold[k];
          // Far below its threshold the model says nothing: a line per goal would bury the evidence.
          if (p[k] < t / 2) continue;
          goal[model->labels[k]].add(rescaled(p[k], t), model_evidence(*model, x, k, p[k], t, "passage"));
        }
      }
      goal.emit(subject.address, "goal", threshold, out);
      target.emit(subject.address, "target", threshold, out);
      indicator.emit(subject.address, "indicator", threshold, out);
    }
  }

 private:
  // The document's own SDG profile: the model over all its text.
  static void profile(const Document& document, const classifier::Model& model, double threshold,
                      std::vector<Annotation>& out) {
    const auto x = model.vectorize(analyzers::document_texts(document));
    const auto p = model.probabilities(x);
    Codes goals;
    for (std::size_t k = 0; k < p.size(); ++k) {
      const double t = model.document_threshold[k];
      goals[model.labels[k]].add(rescaled(p[k], t), model_evidence(model, x, k, p[k], t, "document"));
    }
    goals.emit(document.id, "goal", threshold, out);
  }

  // "builtin": the model inside the plugin; "none" (or empty): no model; else a model file,
  // read once per analyzer object.
  const classifier::Model* model_for(const std::string& option) {
    if (option == "builtin") return &builtin_model();
    if (option.empty() || option == "none") return nullptr;
    return &file_models_.get(option, [](const std::string& path) {
      std::ifstream in(path, std::ios::binary);
      if (!in) throw std::runtime_error("sdg: option model: cannot open " + path);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      auto model = classifier::Model::parse(bytes.str(), path);
      if (model.scheme != "sdg" || model.level != "goal")
        throw std::runtime_error("sdg: option model: " + path + " is a " + model.scheme + " " + model.level +
                                 " model, not an sdg goal model");
      return model;
    });
  }

  vocabulary::Selection vocabularies_;
  analyzers::LoadedFiles<classifier::Model> file_models_;
};

}  // namespace

DOSSIER_PLUGIN(analyzer, SdgAnalyzer, "sdg", "0.4.0",
               "Maps recommendations to SDG goals, targets and indicators, with evidence")
