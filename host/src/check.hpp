// `dossier check`: read sources as a build does and say how healthy each document is,
// building and writing nothing.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "dossier/context.hpp"
#include "plugin_registry.hpp"

namespace dossier::host {

class Catalogue;

struct CheckOptions {
  const Catalogue* catalogue = nullptr;
  unsigned threads = 0;  ///< 0: every core
  bool verbose = false;  ///< also info diagnostics (text output)
  bool json = false;     ///< manifest's "health" shape plus per-document counts
  bool follow_symlinks = false;  ///< links in source folders wherever they lead (collect_sources)
};

/// Reads `sources` with the readers, as `run` does without the store, and prints each
/// document's health to `out`. Returns exit_ok when every document is healthy,
/// exit_partial when some have warnings or some sources could not be read, exit_input
/// when none could be read.
int check_sources(const std::vector<std::string>& sources, const PluginRegistry& registry, const BuildInfo& build,
                  const CheckOptions& options, std::ostream& out);

}  // namespace dossier::host
