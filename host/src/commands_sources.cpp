// The commands that read sources and report on them: check and show (commands_sources.hpp).
#include "commands_sources.hpp"

#include <iostream>

#include <spdlog/spdlog.h>

#include "check.hpp"
#include "dossier/version.hpp"
#include "pipeline.hpp"
#include "show.hpp"

namespace dossier::host {

int check_command(const CheckArgs& args, const GlobalOptions& g) {
  std::optional<Catalogue> catalogue;
  if (!load_catalogue(args.catalogue, catalogue)) return exit_config;
  PluginRegistry registry = load_registry(g);
  BuildInfo build_info;
  build_info.host_version = DOSSIER_VERSION_STRING;
  return check_sources(args.sources, registry, build_info,
                       {catalogue ? &*catalogue : nullptr, args.threads.value_or(0u), g.verbose > 0, args.json,
                        args.follow_symlinks},
                       std::cout);
}

int show_command(const ShowArgs& args, const GlobalOptions& g) {
  PluginRegistry registry = load_registry(g);
  std::vector<std::string> errors;
  BuildInfo build_info;
  build_info.host_version = DOSSIER_VERSION_STRING;
  std::optional<Catalogue> catalogue;
  if (!load_catalogue(args.catalogue, catalogue)) return exit_config;
  ReadResult read = read_sources(args.sources, registry, build_info, errors,
                                 {nullptr, false, catalogue ? &*catalogue : nullptr, 0, 0, 0, args.follow_symlinks});
  if (read.corpus.documents.empty()) {
    spdlog::error("no document could be read");
    return exit_input;
  }
  std::string error;
  if (!show_citation(args.address, read.corpus, std::cout, error, args.language)) {
    spdlog::error("{}", error);
    return exit_input;
  }
  return errors.empty() ? exit_ok : exit_partial;
}

}  // namespace dossier::host
