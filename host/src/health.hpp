// Corpus health: what the readers said they could not account for, summed up for the log,
// manifest.json, --strict and `dossier check` (docs/cli.md, "Corpus health"). Loss is never
// silent: a document that looks incomplete is named at the end of every build.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "dossier/model.hpp"

namespace dossier::host {

/// The rule: a diagnostic is a health problem when it is a warning or an error (the reader
/// could not account for something), or when it says something looks lost (`lost` > 0)
/// whatever its severity. Codes are not interpreted: readers choose the severity.
bool is_health_problem(const Diagnostic& d) noexcept;

struct DocumentHealth {
  std::string document;  ///< id, after the catalogue and version linking
  std::string source;    ///< path as given
  std::vector<Diagnostic> problems;  ///< its health problems, in the order they were raised
  std::string name{};    ///< the name people cite it by (cited_name(): symbol or title), for the log
  /// The problems' messages as people read them: the addresses in them written as citations.
  std::vector<std::string> messages{};
};

struct CorpusHealth {
  std::size_t documents = 0;
  std::vector<DocumentHealth> unhealthy;  ///< documents with a problem, in corpus order
  /// What looks lost, by code: the sum of `lost` over the problems ("other" for uncoded
  /// ones). Only codes with something lost appear.
  std::map<std::string, std::uint64_t> lost;
};

CorpusHealth corpus_health(const Corpus& corpus);

/// One diagnostic as manifest.json and `check --json` write it: code, severity, message,
/// lost, lines.
nlohmann::ordered_json diagnostic_json(const Diagnostic& d);

/// manifest.json's "health": documents, with_warnings, lost, problems.
nlohmann::ordered_json health_json(const CorpusHealth& health);

/// "looks lost: 4 recommendations.short, 2 numbering.gap"; empty when nothing looks lost.
std::string lost_text(const std::map<std::string, std::uint64_t>& lost);

/// The summary for the log: one line when every document is healthy ("corpus health: 40
/// documents, none with warnings"); otherwise that line with the count and what looks lost,
/// then one line per unhealthy document quoting its first problems (at most
/// `max_documents` lines, then "and N more" followed by `more`, e.g. "; see manifest.json").
std::vector<std::string> health_summary(const CorpusHealth& health, std::size_t max_documents = 20,
                                        std::string_view more = {});

/// Logs health_summary: at info level when every document is healthy, else as warnings.
void log_health(const CorpusHealth& health, std::size_t max_documents = 20, std::string_view more = {});

}  // namespace dossier::host
