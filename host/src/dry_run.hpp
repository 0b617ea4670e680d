// `dossier build --dry-run` (and `run --dry-run`): what a build would read, run and write.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "pipeline.hpp"

namespace dossier::host {

/// Prints the output folder and store, every source with its size and the reader that would
/// read it, the analyzers in the order they would run, and each exporter with the files it
/// would write (planned_files()). Reads the sources to choose their readers (as a build does)
/// but creates, writes and locks nothing. Returns an exit code: exit_ok, exit_config when an
/// analyzer's dependencies cannot be met, an exporter cannot be made or two would write the
/// same file, exit_input when no source is readable.
int describe_build(const RunSpec& spec, const PluginRegistry& registry, std::ostream& out);

/// The files an exporter writes for `file` with `options`, by the naming pattern it declares
/// (`file_names`, dossier/detail/declaration.hpp; empty: just `file`): one per combination of
/// the values of the options the pattern names, in order, each once.
std::vector<std::string> planned_files(const std::string& pattern, const std::string& file,
                                       const std::string& default_file, const Options& options,
                                       const std::string& build_language);

}  // namespace dossier::host
