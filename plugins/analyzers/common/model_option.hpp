// What the mapping analyzers share about a learned model (docs/classifier.md): which one an
// option names, how its probability joins the rules' scores, and the evidence line that says
// why it gave a code.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "classifier.hpp"
#include "loaded_files.hpp"

namespace dossier::analyzers {

/// The analyzers' `model` option: "builtin" (the model inside the plugin, which `builtin()`
/// returns), "none" or empty (no model), else the path of a model file of `dossier train`,
/// read once per path and checked to be a `scheme` `level` model. Safe from several threads
/// at once. The built-in model is asked for only when the option names it: checking its image
/// (Model::view) reads megabytes that a build with its own model, or none, would not use.
class ModelOption {
 public:
  ModelOption(std::string scheme, std::string level) : scheme_(std::move(scheme)), level_(std::move(level)) {}
  const classifier::Model* get(const std::string& option, const classifier::Model& (*builtin)());

 private:
  std::string scheme_, level_;
  LoadedFiles<classifier::Model> files_;
};

/// The model's probability on the analyzers' scale: `threshold` (the model's own,
/// cross-validated) becomes 0.5, the analyzers' default threshold, so that the model alone
/// maps where it was calibrated to, and agreement with rules raises the score.
double rescaled(double probability, double threshold);

/// Why the model gave `label`: its probability, the threshold it was held to ("passage",
/// "document") and the terms that weighed most (Model::strongest_terms).
std::string model_evidence(const classifier::Model& model, const std::vector<classifier::Weighed>& terms,
                           double probability, double threshold, const char* what);

/// The model's say on one text: a code, its rescaled score and the evidence line. Codes far
/// below their threshold (under half of it) are left out: a line per code would bury the
/// evidence.
struct ModelVote {
  const std::string* code;
  double score;
  std::string evidence;
};
/// `texts` taken together (a document's blocks) or one passage; `document` picks the
/// model's thresholds for whole documents, else those for passages. At most `most` votes,
/// the strongest: a passage is rarely about more than a few codes, and a model trained on
/// labels given to whole groups of paragraphs spreads its probability over all of them.
/// `worth(code, score)`, when given, says whether a vote can still change what is emitted
/// (the code's other evidence and this score together reach the threshold); the others are
/// left out before the `most` strongest are chosen, and before their evidence line, the
/// costly part, is written.
std::vector<ModelVote> model_votes(const classifier::Model& model, const std::vector<std::string_view>& texts,
                                   bool document, std::size_t most = static_cast<std::size_t>(-1),
                                   const std::function<bool(const std::string&, double)>& worth = {});

/// The same for a feature vector already made (Model::vectorize or vector_of).
std::vector<ModelVote> model_votes(const classifier::Model& model, const classifier::Vector& x, bool document,
                                   std::size_t most = static_cast<std::size_t>(-1),
                                   const std::function<bool(const std::string&, double)>& worth = {});

/// Whether evidence `miss` (vocabulary::Evidence::miss of a code's other signals, 1 for none)
/// and a further signal `score` together reach `threshold` (noisy-OR, as Evidence adds them).
inline bool reaches(double miss, double score, double threshold) { return 1 - miss * (1 - score) >= threshold; }

/// The `passage_model` option: whether the model maps passages (paragraphs,
/// recommendations) of a document in `language`. "auto": only where the rules cannot read
/// the language (they are English); "true", "false": always, never. Throws on other values.
bool model_maps_passages(const std::string& option, const std::string& language, const char* analyzer);

}  // namespace dossier::analyzers

