// What the commands of the `dossier` program share: the global options, the plugin registry
// they load and the catalogue some of them take.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalogue.hpp"
#include "logging.hpp"
#include "plugin_registry.hpp"

namespace dossier::host {

struct GlobalOptions {
  int verbose = 0;
  int quiet = 0;
  std::vector<std::string> plugin_paths;
  LogFormat log_format = LogFormat::text;
};

/// The plugins of the search path (--plugin-path first); their problems logged as warnings
/// unless `report_problems` is false.
PluginRegistry load_registry(const GlobalOptions& g, bool report_problems = true,
                             PluginRegistry::Mode mode = PluginRegistry::Mode::load);

/// The catalogue named by --catalogue, if any, into `out`; false (logged) when it is wrong.
bool load_catalogue(const std::string& file, std::optional<Catalogue>& out);

}  // namespace dossier::host
