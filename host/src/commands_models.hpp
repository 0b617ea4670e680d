// `dossier eval` and `dossier train`: the commands that score the classifiers' mappings
// against labels and rebuild a classifier from labelled data.
#pragma once

#include <optional>
#include <string>

#include "commands_common.hpp"
#include "eval.hpp"
#include "train.hpp"

namespace dossier::host {

/// `dossier eval`'s arguments: LABELS or --documents-by KEY (metadata_key).
struct EvalArgs {
  std::string corpus, labels, metadata_key;
  EvalOptions options;
  bool json = false;
};

/// `dossier train`'s arguments.
struct TrainArgs {
  TrainSpec spec;
  std::optional<unsigned> threads;
  bool no_reference_texts = false;
};

/// Scores corpus.json against a labels file or the documents' metadata (eval.hpp).
int eval_command(const EvalArgs& args);

/// Trains a classifier (train.hpp); the command line (argc, argv) is recorded in the model.
int train_command(TrainArgs& args, const GlobalOptions& g, int argc, char** argv);

}  // namespace dossier::host
