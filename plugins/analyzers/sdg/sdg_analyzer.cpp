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
#include <unordered_map>
#include <utility>
#include <vector>

#include <dossier/domain/reference_data.hpp>
#include <dossier/dossier.hpp>

#include "../common/aurora.hpp"
#include "../common/bytes_hash.hpp"
#include "../common/classifier.hpp"
#include "../common/mapping_options.hpp"
#include "../common/model_option.hpp"
#include "../common/subjects.hpp"
#include "../common/vocabulary.hpp"
#include "../common/embedded_model.hpp"

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
  /// The chance that every signal for `code` so far is wrong (1: none yet).
  double miss(std::string_view code) const {
    for (const auto& [c, e] : items_)
      if (c == code) return e.miss;
    return 1.0;
  }
  Evidence& operator[](std::string_view code) {
    for (auto& [c, e] : items_)
      if (c == code) return e;
    items_.emplace_back(std::string(code), Evidence{});
    return items_.back().second;
  }
  // Moves every code scoring at least `threshold` out as an annotation of `subject`.
  void emit(std::string_view subject, std::string_view level, double threshold, std::vector<Annotation>& out) {
    std::sort(items_.begin(), items_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [code, evidence] : items_) {
      if (!evidence.maps(threshold)) continue;
      Annotation& a = out.emplace_back();
      a.subject = subject;
      a.scheme = dossier::scheme::sdg;
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
  target[rule.code].add(rule.weight, why, rule.generic);
  goal[code_prefix(rule.code)].add(rule.weight, std::move(why), rule.generic);
}

// The model's terms in each of a document's texts: all in one list, each distinct text's once,
// and by the text where its own lie in that list (no list per text to allocate). Hashed eight
// bytes at a time: every text of the document is hashed twice (found, then looked up), a
// paragraph at a time.
struct TextHash {
  std::size_t operator()(std::string_view text) const { return analyzers::hash_bytes(text); }
};
struct TermsOfTexts {
  struct Span {
    std::size_t from = 0, size = 0;
  };
  std::vector<std::uint32_t> terms;
  std::unordered_map<std::string_view, Span, TextHash> of;
};

const classifier::Model& builtin_model() {
  static const classifier::Model model = classifier::Model::view(embedded_model_image(), "built-in sdg model");
  return model;
}

class SdgAnalyzer final : public Analyzer {
 public:
  static constexpr OptionSpec options[] = {
      MAPPING_ANALYZER_OPTIONS(sdg),
      {"queries", OptionType::boolean, "true", "false to skip the Aurora SDG queries"},
      {"query_score", OptionType::number, "0.6", "the score an Aurora query's match gives its target and goal"},
      {"document_profile", OptionType::boolean, "true", "false: no annotations of the document itself"},
  };

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
    // The model's terms in each of the document's texts, by the text: found once for the
    // profile, again of use where its paragraphs are mapped by the model, and where its
    // recommendations are (a resolution's operative paragraphs are both, the recommendation a
    // copy of the paragraph's text).
    TermsOfTexts terms_in;
    if (model && context.options().get_bool("document_profile", true) &&
        !profile(document, *model, threshold, terms_in, out))
      context.info(document.id + ": no SDG goal in the document's profile (the model found none above its "
                   "thresholds for whole documents; procedural texts have none)");
    // Passages: where the rules cannot read the language (they are English), the model alone;
    // in English the rules alone unless asked, since the two together lost precision on held-out
    // UPR recommendations (docs/classifier.md, "Measured").
    const auto model_top = static_cast<std::size_t>(std::max(0LL, context.options().get_int("model_top", 3)));
    const classifier::Model* passages =
        analyzers::model_maps_passages(context.options().get("passage_model", "auto"), document.language, "sdg")
            ? model
            : nullptr;
    Codes goal, target, indicator;
    std::vector<std::uint32_t> found;  // a passage's terms, the buffer reused
    const auto& compiled = compiled_queries();
    const auto subjects = analyzers::subjects_of(document, paragraphs, {"sdg_", false});
    out.reserve(out.size() + 4 * subjects.size());  // a goal and a target or two per subject, typically
    for (const auto& subject : subjects) {
      for (const Reference* ref : subject.references) {
        std::string why = "explicit reference: \"" + ref->text + "\"";
        const std::string& id = ref->id;
        if (ref->type == dossier::reference_type::sdg_indicator) {
          indicator[id].add(1.0, why);
          target[code_prefix(id, true)].add(1.0, why);
          goal[code_prefix(id)].add(1.0, std::move(why));
        } else if (ref->type == dossier::reference_type::sdg_target) {
          target[id].add(1.0, why);
          goal[code_prefix(id)].add(1.0, std::move(why));
        } else if (ref->type == dossier::reference_type::sdg_goal) {
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
      // Last evidence for the goals: a vote that cannot lift its goal to the threshold is dropped.
      const auto worth = [&](const std::string& code, double score) {
        return analyzers::reaches(goal.miss(code), score, threshold);
      };
      if (passages) {
        const auto known = passages == model ? terms_in.of.find(*subject.text) : terms_in.of.end();
        found.clear();
        if (known != terms_in.of.end()) {
          const auto from = terms_in.terms.begin() + static_cast<std::ptrdiff_t>(known->second.from);
          found.assign(from, from + static_cast<std::ptrdiff_t>(known->second.size));
        } else {
          passages->find_terms(*subject.text, found);
        }
        for (auto& v : analyzers::model_votes(*passages, passages->vector_of(found), false, model_top, worth))
          goal[*v.code].add(v.score, std::move(v.evidence));
      }
      goal.emit(subject.address, dossier::level::goal, threshold, out);
      target.emit(subject.address, dossier::level::target, threshold, out);
      indicator.emit(subject.address, dossier::level::indicator, threshold, out);
    }
  }

 private:
  // The document's own SDG profile: the model over all its text. Returns whether it has a goal.
  // (Adding the goals a large share of its passages map to was tried and lost on held-out GA
  // sessions: 0.874 -> 0.857 macro-F1 in English at a 35% share.)
  static bool profile(const Document& document, const classifier::Model& model, double threshold,
                      TermsOfTexts& terms_in,
                      std::vector<Annotation>& out) {
    const auto texts = analyzers::document_texts(document);
    terms_in.of.reserve(texts.size());
    std::vector<TermsOfTexts::Span> repeated;  // texts met before: the same terms again
    for (const std::string_view text : texts) {
      const auto [it, first] = terms_in.of.try_emplace(text);
      if (!first) {
        repeated.push_back(it->second);
        continue;
      }
      it->second.from = terms_in.terms.size();
      model.find_terms(text, terms_in.terms);
      it->second.size = terms_in.terms.size() - it->second.from;
    }
    // The document's vector counts every occurrence; vector_of() leaves its list holding each
    // term once, so it gets a copy.
    std::vector<std::uint32_t> all;
    std::size_t size = terms_in.terms.size();
    for (const auto& span : repeated) size += span.size;
    all.reserve(size);
    all = terms_in.terms;
    for (const auto& span : repeated)
      all.insert(all.end(), terms_in.terms.begin() + static_cast<std::ptrdiff_t>(span.from),
                 terms_in.terms.begin() + static_cast<std::ptrdiff_t>(span.from + span.size));
    Codes goals;
    const auto worth = [&](const std::string&, double score) { return score >= threshold; };
    for (auto& v : analyzers::model_votes(model, model.vector_of(all), true, std::size_t(-1), worth))
      goals[*v.code].add(v.score, std::move(v.evidence));
    const std::size_t before = out.size();
    goals.emit(document.id, dossier::level::goal, threshold, out);
    return out.size() > before;
  }

  const classifier::Model* model_for(const std::string& option) { return models_.get(option, builtin_model); }

  vocabulary::Selection vocabularies_;
  analyzers::ModelOption models_{"sdg", "goal"};
};

}  // namespace

DOSSIER_PLUGIN(analyzer, SdgAnalyzer, "sdg", "0.6.0",
               "Maps recommendations to SDG goals, targets and indicators, with evidence")
