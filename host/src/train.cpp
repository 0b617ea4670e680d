#include "train.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include <spdlog/spdlog.h>

#include "dossier/domain/reference_data.hpp"
#include "dossier/domain/write_errors.hpp"
#include "atomic_sink.hpp"
#include "eval.hpp"
#include "named_codes.hpp"
#include "pipeline.hpp"
#include "subjects.hpp"
#include "vocabulary.hpp"

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

// A document and each of its language versions (the readers join versions of a symbol).
std::vector<const Document*> with_versions(const Document& document) {
  std::vector<const Document*> out{&document};
  for (const Document& v : document.versions) out.push_back(&v);
  return out;
}

// The documents the readers make of the spec's sources; sources they cannot read are left
// out (read_sources reports each as an error).
ReadResult read_training_sources(const TrainSpec& spec, const PluginRegistry& registry, const BuildInfo& build) {
  std::vector<std::string> errors;
  ReadOptions read_options;
  read_options.threads = spec.threads;
  return read_sources(spec.sources, registry, build, errors, read_options);
}

// The documents the readers make of `sources`, each with its publisher's labels: an example
// per document, grouped by session (else by folder) so that cross-validation holds out whole
// sessions, as the product meets them.
std::size_t add_documents(const TrainSpec& spec, const PluginRegistry& registry, const BuildInfo& build,
                          std::vector<classifier::Example>& examples) {
  ReadResult read = read_training_sources(spec, registry, build);
  std::size_t unlabelled = 0, added = 0;
  // Each language version is an example of its own (the readers join versions of a symbol).
  std::vector<const Document*> documents;
  for (const Document& d : read.corpus.documents) {
    const auto members = with_versions(d);
    documents.insert(documents.end(), members.begin(), members.end());
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

// A hash that is the same on every machine and run (std::hash need not be), so that the
// cross-validation folds and their report are reproducible.
std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

// The objectives the project's English vocabulary gives each paragraph of an English text
// (objective rules only, combined as the gcm analyzer combines them, at its default
// threshold), with the objectives it cites explicitly.
// A paragraph that is read: not a heading, not a table, not empty.
bool is_passage(const Block& b) { return b.kind != BlockKind::heading && b.kind != BlockKind::table && !b.text.empty(); }

// What the English rules say of each paragraph of an English version: by address, and in
// reading order (for versions whose paragraphs carry no numbers, as the Arabic annex of
// A/RES/76/266 does, but come in the same order and number).
struct EnglishLabels {
  std::map<std::string, std::set<std::string>> by_address;
  std::vector<std::set<std::string>> in_order;
};

EnglishLabels english_objectives(const Document& english) {
  EnglishLabels out;
  const vocabulary::Compiled* rules = vocabulary::builtin("gcm");
  std::map<std::string, std::set<std::string>> cited;
  for (const Reference& r : english.references)
    if (r.type == dossier::reference_type::gcm_objective) cited[r.address].insert(r.id);
  for (const Block& b : english.blocks) {
    if (!is_passage(b)) continue;
    std::set<std::string> labels;
    std::map<std::string, double> miss;  // noisy-OR, as vocabulary::Evidence combines rules
    if (rules)
      for (const auto& hit : rules->match(b.text))
        if (hit.rule->code.rfind("cluster-", 0) != 0)
          miss.try_emplace(hit.rule->code, 1.0).first->second *= 1 - hit.rule->weight;
    for (const auto& [code, m] : miss)
      if (1 - m >= 0.5) labels.insert(code);
    if (const auto it = cited.find(b.address); it != cited.end()) labels.insert(it->second.begin(), it->second.end());
    out.in_order.push_back(labels);
    if (!labels.empty()) out.by_address[b.address] = std::move(labels);
  }
  return out;
}

// GCM objectives: passages labelled from the documents themselves, in every language.
// - paragraphs under a heading that names objectives (the round tables of the IMRF Progress
//   Declarations: "Round table 1 (objectives 2, 5, 6, 12 and 18)"), in any language;
// - paragraphs citing objectives explicitly;
// - the objectives the English vocabulary finds in an English paragraph, carried to the same
//   paragraph (same address) of each other language version: the versions teach the model
//   the other languages' wording of what the rules read in English.
// The unlabelled paragraphs of a document that has labelled ones are examples too (of no
// objective).
std::size_t add_gcm_passages(const TrainSpec& spec, const PluginRegistry& registry, const BuildInfo& build,
                             std::vector<classifier::Example>& examples) {
  ReadResult read = read_training_sources(spec, registry, build);
  std::size_t labelled = 0, unlabelled = 0;
  const int count = gcm_objective_count();
  for (const Document& original : read.corpus.documents) {
    const auto documents = with_versions(original);
    EnglishLabels english;
    for (const Document* d : documents)
      if (d->language.rfind("en", 0) == 0) english = english_objectives(*d);
    std::vector<classifier::Example> found;
    bool any = false;
    // A fifth of the documents at a time, each with all its versions, so that a translation
    // never tests what its original taught and no document tests what itself taught.
    const std::string group = "documents part " + std::to_string(fnv1a(original.id) % 5 + 1);
    for (const Document* d : documents) {
      // Paragraph for paragraph when the version has as many as the English one, else by address.
      const bool in_order = english.in_order.size() ==
                            std::size_t(std::count_if(d->blocks.begin(), d->blocks.end(), is_passage));
      std::vector<int> named;
      std::size_t position = 0;
      for (const Block& b : d->blocks) {
        if (b.kind == BlockKind::heading) {
          named = analyzers::numbers_named_in(b.text, count);
          continue;
        }
        if (!is_passage(b)) continue;
        std::set<std::string> labels;
        for (const int n : named) labels.insert(std::to_string(n));
        if (in_order) {
          const auto& taught = english.in_order[position];
          labels.insert(taught.begin(), taught.end());
        } else if (const auto it = english.by_address.find(b.address); it != english.by_address.end()) {
          labels.insert(it->second.begin(), it->second.end());
        }
        ++position;
        for (const Reference& r : d->references)
          if (r.type == dossier::reference_type::gcm_objective && r.address == b.address) labels.insert(r.id);
        classifier::Example& ex = found.emplace_back();
        ex.labels.assign(labels.begin(), labels.end());
        ex.texts.push_back(b.text);
        ex.group = group;
        ex.language = d->language;
        ex.passage = true;
        any = any || !labels.empty();
      }
    }
    if (!any) continue;
    for (auto& ex : found) {
      (ex.labels.empty() ? unlabelled : labelled) += 1;
      examples.push_back(std::move(ex));
    }
  }
  spdlog::info("train: {} paragraphs labelled with GCM objectives (by a heading that names them, a citation or the "
               "English vocabulary carried to each language version) and {} paragraphs of the same documents with "
               "none, from {} sources",
               labelled, unlabelled, read.sources_found);
  return labelled + unlabelled;
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
// wording of what each goal is about; for GCM the objectives' titles (English). Never held
// out (no group): they are not measured.
std::size_t add_reference_texts(const std::string& scheme, std::vector<classifier::Example>& examples) {
  std::size_t added = 0;
  if (scheme == dossier::scheme::gcm) {
    for (int n = 1; n <= gcm_objective_count(); ++n) {
      classifier::Example ex;
      ex.texts.push_back(gcm_objective_title(n));
      ex.labels = {std::to_string(n)};
      ex.language = "en";
      ex.passage = true;
      examples.push_back(std::move(ex));
      ++added;
    }
    return added;
  }
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
    std::snprintf(line, sizeof line, "  macro-F1 %.3f  micro-F1 %.3f  with a right label %.3f  labels given %.2f\n",
                  r.macro_f1, r.micro_f1, r.with_a_right_code, r.codes_per_example);
    out << line;
  }
}

int train_model(const TrainSpec& spec, const PluginRegistry& registry, const BuildInfo& build, std::ostream& out) {
  std::vector<classifier::Example> examples;
  std::vector<std::string> data;  // what it learned from, for the model's provenance
  if (spec.scheme != dossier::scheme::sdg && spec.scheme != dossier::scheme::gcm) {
    spdlog::error("train: --scheme must be sdg or gcm, not \"{}\"", spec.scheme);
    return exit_usage;
  }
  const bool gcm = spec.scheme == dossier::scheme::gcm;
  try {
    if (!spec.sources.empty() && gcm) {
      const std::size_t n = add_gcm_passages(spec, registry, build, examples);
      data.push_back(std::to_string(n) + " paragraphs of documents about GCM objectives, labelled by the objectives "
                                            "their heading names, they cite or the English vocabulary finds (carried "
                                            "to each language version), or none");
    } else if (!spec.sources.empty()) {
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
    const std::size_t n = add_reference_texts(spec.scheme, examples);
    data.push_back(gcm ? std::to_string(n) + " GCM objective titles (English)"
                       : std::to_string(n) + " SDG goal and target titles in " +
                             std::to_string(reference_languages().size()) + " languages");
  }

  classifier::TrainOptions options = spec.options;
  classifier::Model start;
  if (!spec.init.empty()) {
    std::string bytes, error;
    try {
      if (!read_file(spec.init, bytes, error)) throw std::runtime_error(spec.init + ": " + error);
      start = classifier::Model::parse(bytes, spec.init);
    } catch (const std::exception& e) {
      spdlog::error("train: --init: {}", e.what());
      return exit_input;
    }
    if (start.scheme != spec.scheme) {
      spdlog::error("train: --init {} is a {} model; this is --scheme {}", spec.init, start.scheme, spec.scheme);
      return exit_usage;
    }
    options.start = &start;
    options.labels = start.labels;
    data.push_back("fine-tuned from " + start.name + " " + start.version);
  }
  if (options.labels.empty() && gcm)
    for (int n = 1; n <= gcm_objective_count(); ++n) options.labels.push_back(std::to_string(n));
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
  model.scheme = spec.scheme;
  model.level = gcm ? "objective" : "goal";
  model.name = !spec.name.empty() ? spec.name : gcm ? "gcm-objectives" : "sdg-goals";
  model.version = spec.version.empty() ? today() : spec.version;
  model.trained_on.clear();  // a fine-tuned model says what it learned here and what it started from
  for (std::size_t i = 0; i < data.size(); ++i) model.trained_on += (i ? "; " : "") + data[i];
  model.command = spec.command;
  model.licence = spec.licence;

  out << "Model " << model.name << " " << model.version << ": " << model.terms.size() << " terms, "
      << model.labels.size() << " labels, from " << examples.size() << " examples (" << model.trained_on << ")\n";
  out << "Cross-validated: each group (session, example file, fifth of the documents) held out in turn; its thresholds chosen on the "
         "other groups' held-out predictions.\n";
  print_reports(trained.reports, model.labels, out);
  try {
    write_file_atomically(spec.output, model.serialize());
  } catch (const std::exception& e) {
    // The sink's own words do not say whether the disk is full: its file system does.
    spdlog::error("train: {}", no_space_left(spec.output) ? write_error(spec.output, 0, spec.output)
                                                          : "cannot write " + spec.output + ": " + e.what());
    return exit_failure;
  }
  out << "\nWrote " << spec.output << "\n";
  return exit_ok;
}

}  // namespace dossier::host
