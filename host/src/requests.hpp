// A build's plugin requests checked against what the plugins declare, before anything is read.
#pragma once

#include <string>
#include <vector>

#include "pipeline.hpp"
#include "plugin_registry.hpp"

namespace dossier::host {

/// Checks that every requested plugin exists, has the right kind and is given only the options
/// it declares, with values of their types; returns the problems, one line each.
std::vector<std::string> validate_requests(const RunSpec& spec, const PluginRegistry& registry);

/// Adds to `spec` each analyzer an exporter declares it needs (its class's `needs`) that the
/// build does not run, with its defaults, so that no exporter writes empty columns for want
/// of it. Returns one line per analyzer added ("exporter 'xlsx' needs analyzer 'gcm' ...").
/// Needs of unknown exporters are left to validate_requests.
std::vector<std::string> add_needed_analyzers(RunSpec& spec, const PluginRegistry& registry);

}  // namespace dossier::host
