// The xlsx exporter's options read once (docs/exporters/xlsx.md): title language, sheets
// to write, score threshold, constant-memory mode; and the sheets' names.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include <dossier/dossier.hpp>

namespace dossier::xlsx {

// State: the UPR recommendations each State received (state_sheet.cpp); by default only when
// the corpus has a UPR report.
enum SheetId { overview, matrix, targets, gcm, state, documents, reference, sheet_count };
inline const std::array<const char*, sheet_count> sheet_names = {"Overview", "Matrix",    "Targets",  "GCM",
                                                                 "State",    "Documents", "Reference"};

struct Settings {
  std::string language = "en";
  std::array<bool, sheet_count> sheets{};
  double threshold = 0;
  bool constant_memory = false;
  std::size_t documents = 0, recommendations = 0;  ///< of the corpus (the file's description)
};

/// The options of `context`, checked; throws std::invalid_argument naming a wrong one.
/// Reads the corpus once, in batches, for its counts and whether it has UPR reports.
Settings read_settings(const CorpusView& corpus, const Context& context);

/// "a, b, c".
std::string joined(const std::vector<std::string>& items);

}  // namespace dossier::xlsx
