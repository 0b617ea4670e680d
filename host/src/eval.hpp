// `dossier eval`: goal-level predictions in corpus.json scored against a labels file.
#pragma once

#include <string>
#include <vector>

namespace dossier::host {

struct EvalOptions {
  std::string document;   ///< only subjects of this document id (empty: any)
  std::string scheme = "sdg";
  std::string level = "goal";
  double threshold = 0.0;  ///< annotations scoring below are not predictions
  std::string id_column = "rec_id";
  std::string labels_column = "sdg_goals";
};

struct CodeScore {
  std::string code;
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 0.0; }
  double recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct EvalResult {
  std::size_t items = 0;      ///< labelled items scored
  std::size_t unmatched = 0;  ///< labelled items with no subject in the corpus
  std::vector<CodeScore> per_code;  ///< codes found in the labels or the predictions, sorted
  CodeScore micro;                  ///< counts summed over codes
  double macro_precision = 0, macro_recall = 0, macro_f1 = 0;  ///< mean over codes in the labels
};

/// Scores predictions against labels. `corpus_json` is corpus.json's text; `labels_csv` a
/// CSV with a header row (RFC 4180 quoting) whose id column holds printed paragraph numbers
/// ("121.1") and whose labels column holds codes separated by ';'. Rows without labels are
/// skipped. Throws std::runtime_error naming what is wrong with either input.
EvalResult evaluate(const std::string& corpus_json, const std::string& labels_csv, const EvalOptions& options);

/// Scores the documents' own annotations (subject = the document's id: an SDG profile)
/// against labels in their metadata `metadata_key` (the UN Library's SDG goals of a
/// resolution: "un_sdg_goal"; readers keep them as metadata, which the analyzers never read).
/// Documents without such metadata are counted in `unmatched` and not scored.
EvalResult evaluate_documents(const std::string& corpus_json, const std::string& metadata_key,
                              const EvalOptions& options);

/// Splits CSV text into rows of fields (RFC 4180: quotes, doubled quotes, commas and
/// newlines inside quotes).
std::vector<std::vector<std::string>> parse_csv(const std::string& text);

}  // namespace dossier::host
