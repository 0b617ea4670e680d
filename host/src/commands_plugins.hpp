// `dossier plugins list|info|check`: the plugins found, one described, one library checked.
#pragma once

#include <string>

#include "commands_common.hpp"

namespace dossier::host {

/// Every plugin of the search path, as a table or (`json`) machine-readable.
int plugins_list(const GlobalOptions& g, bool json);

/// Describes each plugin named `name` (a reader and an exporter may share one).
int plugins_info(const GlobalOptions& g, const std::string& name);

/// Loads one plugin library and makes one object of it, saying what is wrong.
int plugins_check(const std::string& file);

}  // namespace dossier::host
