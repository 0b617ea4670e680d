#include "train.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include <spdlog/spdlog.h>

#include "dossier/reference_data.hpp"
#include "dossier/sink.hpp"
#include "eval.hpp"
#include "pipeline.hpp"
#include "subjects.hpp"

namespace dossier::host {
namespace {

std::vector<std::string> split_codes(const std::string& field) {
  std::vector<std::string> codes;
  std::string code;
  std::istringstream in(field);
  while (std::getline(in, code, ';')) {
    const auto first = code.find_first_not_of(" \t");
    const auto last = code.find_last_not_of(" \t");
    if (first != std::string::npos) codes.push_back(code.substr(first, last - first + 1));
  }
  return codes;
}

// The documents the readers make of `sources`, each with its publisher's labels: an example
// per document, grouped by session (else by folder) so that cross-validation holds out whole
// sessions, as the product meets them.
std::size_t add_documents(const TrainSpec& spec, const PluginRegistry& registry, const BuildInfo& build,
                          std::vector<classifier::Example>& examples) {
  std::vector<std::string> errors;
  ReadOptions read_options;
  read_options.threads = spec.threads;
  ReadResult read = read_sources(spec.sources, registry, build, errors, read_options);
  for (const auto& e : errors) spdlog::warn("{}", e);
  std::size_t unlabelled = 0, added = 0;
  // Each language version is an example of its own (the readers join versions of a symbol).
  std::vector<const Document*> documents;
  for (const Document& d : read.corpus.documents) {
    documents.push_back(&d);
    for (const Document& v : d.versions) documents.push_back(&v);
  }
  for (const Document* document : documents) {
    const Document& d = *document;
    classifier::Example ex;
    std::string session;
    for (const Metadata& m : d.metadata) {
      if (m.key == spec.label_key) ex.labels.push_back(m.value);
      if (m.key == "session") session = m.value;
    }
    if (ex.labels.empty()) {
      ++unlabelled;
      continue;
    }
    for (std::string_view t : analyzers::document_texts(d)) ex.texts.emplace_back(t);
    ex.group = !session.empty() ? "session " + session
                                : std::filesystem::path(d.source).parent_path().filename().string();
    ex.language = d.language;
    examples.push_back(std::move(ex));
    ++added;
  }
  spdlog::info("train: {} documents and language versions with labels ({}) from {} sources; {} without labels "
               "left out",
               added, spec.label_key, read.sources_found, unlabelled);
  return added;
}

std::size_t add_passages(const TrainSpec& spec, const std::string& path, std::vector<classifier::Example>& examples) {
  std::string content, error;
  if (!read_file(path, content, error)) throw std::runtime_error(path + ": " + error);
  const auto rows = parse_csv(content);
  if (rows.empty()) throw std::runtime_error(path + ": empty");
  const auto column = [&](const std::string& name) {
    for (std::size_t i = 0; i < rows[0].size(); ++i)
      if (rows[0][i] == name) return i;
    throw std::runtime_error(path + ": no column \"" + name + "\" in the header");
  };
  const std::size_t text = column(spec.text_column), labels = column(spec.labels_column);
  std::size_t added = 0;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() <= std::max(text, labels)) continue;
    classifier::Example ex;
    ex.labels = split_codes(rows[r][labels]);
    if (ex.labels.empty()) continue;  // unlabelled: unknown, not "none"
    ex.texts.push_back(rows[r][text]);
    // Five groups per file, so that its passages are held out a fifth at a time and
    // thresholds for passages are chosen on passages.
    ex.group = std::filesystem::path(path).filename().string() + " part " + std::to_string(r % 5 + 1);
    ex.language = spec.examples_language;
    ex.passage = true;
    examples.push_back(std::move(ex));
    ++added;
  }
  spdlog::info("train: {} labelled passages from {}", added, path);
  return added;
}

// Every goal's and target's title in the six languages, labelled with the goal: the UN's own
// wording of what each goal is about. Never held out (no group): they are not measured.
std::size_t add_reference_texts(std::vector<classifier::Example>& examples) {
  std::size_t added = 0;
  for (const std::string& language : reference_languages()) {
    for (const std::string& goal : sdg_goal_codes()) {
      std::vector<std::string> codes{goal};
      for (const auto& t : sdg_targets_of(goal)) codes.push_back(t);
      for (const auto& code : codes) {
        classifier::Example ex;
        ex.texts.push_back(sdg_title(code, language));
        ex.labels = {goal};
        ex.language = language;
        ex.passage = true;
        examples.push_back(std::move(ex));
        ++added;
      }
    }
  }
  return added;
}

std::string today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y.%m.%d", &tm);
  return buffer;
}

}  // namespace

void print_reports(const std::vector<classifier::Report>& reports, const std::vector<std::string>& labels,
                   std::ostream& out) {
  char line[160];
  for (const auto& r : reports) {
    out << "\n" << r.slice << ": " << r.examples << " held-out examples\n";
    out << "  label  support  precision  recall     F1\n";
    for (std::size_t k = 0; k < labels.size() && k < r.per_label.size(); ++k) {
      const auto& s = r.per_label[k];
      if (s.support == 0 && s.false_positive == 0) continue;
      std::snprintf(line, sizeof line, "  %5s  %7zu  %9.3f  %6.3f  %5.3f\n", labels[k].c_str(), s.support,
                    s.precision(), s.recall(), s.f1());
      out << line;
    }
    std::snprintf(line, sizeof line, "  macro-F1 %.3f  micro-F1 %.3f\n", r.macro_f1, r.micro_f1);
    out << line;
  }
}

int train_model(const TrainSpec& spec, const PluginRegistry& registry, const BuildInfo& build, std::ostream& out) {
  std::vector<classifier::Example> examples;
  std::vector<std::string> data;  // what it learned from, for the model's provenance
  try {
    if (!spec.sources.empty()) {
      const std::size_t n = add_documents(spec, registry, build, examples);
      data.push_back(std::to_string(n) + " documents labelled by their " + spec.label_key + " metadata");
    }
    for (const auto& path : spec.examples) {
      const std::size_t n = add_passages(spec, path, examples);
      data.push_back(std::to_string(n) + " passages of " + std::filesystem::path(path).filename().string());
    }
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return exit_input;
  }
  if (examples.empty()) {
    spdlog::error("train: no labelled example in the sources or example files");
    return exit_input;
  }
  if (spec.reference_texts) {
    const std::size_t n = add_reference_texts(examples);
    data.push_back(std::to_string(n) + " SDG goal and target titles in " +
                   std::to_string(reference_languages().size()) + " languages");
  }

  classifier::TrainOptions options = spec.options;
  if (options.labels.empty()) options.labels = sdg_goal_codes();
  options.progress = [](const std::string& line) { spdlog::info("train: {}", line); };
  classifier::Trained trained;
  try {
    trained = classifier::train(examples, options);
  } catch (const std::invalid_argument& e) {
    spdlog::error("train: {}", e.what());
    return exit_input;
  }
  classifier::Model& model = trained.model;
  model.scheme = "sdg";
  model.level = "goal";
  model.name = spec.name;
  model.version = spec.version.empty() ? today() : spec.version;
  for (std::size_t i = 0; i < data.size(); ++i) model.trained_on += (i ? "; " : "") + data[i];
  model.command = spec.command;
  model.licence = spec.licence;

  out << "Model " << model.name << " " << model.version << ": " << model.terms.size() << " terms, "
      << model.labels.size() << " labels, from " << examples.size() << " examples (" << model.trained_on << ")\n";
  out << "Cross-validated: each group (session, example file) held out in turn; its thresholds chosen on the "
         "other groups' held-out predictions.\n";
  print_reports(trained.reports, model.labels, out);
  try {
    write_file_atomically(spec.output, model.serialize());
  } catch (const std::exception& e) {
    spdlog::error("train: cannot write {}: {}", spec.output, e.what());
    return exit_failure;
  }
  out << "\nWrote " << spec.output << "\n";
  return exit_ok;
}

}  // namespace dossier::host
