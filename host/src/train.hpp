// `dossier train`: rebuild a mapping analyzer's classifier from labelled data
// (docs/classifier.md).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "classifier.hpp"
#include "dossier/context.hpp"
#include "plugin_registry.hpp"

namespace dossier::host {

struct TrainSpec {
  /// "sdg" (goals) or "gcm" (objectives). For gcm, SOURCE documents give passages: the
  /// paragraphs under a heading that names objectives, and those citing objectives.
  std::string scheme = "sdg";
  /// Documents read by the readers, labelled by their publisher's metadata `label_key`
  /// (the UN Library's SDG goals of a resolution: "un_sdg_goal"). Documents without it are
  /// left out; its values are never part of the text learned from.
  std::vector<std::string> sources;
  std::string label_key = "un_sdg_goal";
  /// CSV files of labelled passages (a thematic list of recommendations): one example per
  /// row with labels, the codes separated by ';'.
  std::vector<std::string> examples;
  std::string text_column = "recommendation";
  std::string labels_column = "sdg_goals";
  std::string examples_language;  ///< for the report; empty: unknown
  /// The SDG goal and target titles in the six UN languages, each labelled with its goal
  /// (for gcm: the objectives' titles).
  bool reference_texts = true;
  /// Fine-tune: a model file to start from (same scheme), its terms, labels and weights,
  /// instead of learning from scratch. Empty: from scratch.
  std::string init;
  std::string output;   ///< the model file to write
  std::string name;     ///< empty: "sdg-goals" or "gcm-objectives"
  std::string version;  ///< empty: the date
  std::string licence;
  std::string command;  ///< the command line, recorded in the model
  unsigned threads = 0;
  classifier::TrainOptions options;
};

/// Reads, trains, writes the model file atomically and prints the cross-validated report
/// to `out`. Returns an exit code (exit_ok, exit_input when nothing could be learned).
int train_model(const TrainSpec& spec, const PluginRegistry& registry, const BuildInfo& build, std::ostream& out);

/// The report of a training run as text: one table per slice, per label precision,
/// recall, F1 and support, then macro- and micro-F1.
void print_reports(const std::vector<classifier::Report>& reports, const std::vector<std::string>& labels,
                   std::ostream& out);

}  // namespace dossier::host
