// `dossier build --dry-run` (and `run --dry-run`): what a build would read, run and write.
#pragma once

#include <ostream>

#include "pipeline.hpp"

namespace dossier::host {

/// Prints the output folder and store, every source with its size and the reader that would
/// read it, the analyzers in the order they would run, and each exporter with the file it
/// would write. Reads the sources to choose their readers (as a build does) but creates,
/// writes and locks nothing. Returns an exit code: exit_ok, exit_config when an analyzer's
/// dependencies cannot be met or an exporter cannot be made, exit_input when no source is
/// readable.
int describe_build(const RunSpec& spec, const PluginRegistry& registry, std::ostream& out);

}  // namespace dossier::host
