// The commands that read sources and report on them: check and show (commands_sources.hpp).
#include "commands_sources.hpp"

#include <iostream>

#include <spdlog/spdlog.h>

#include "check.hpp"
#include "dossier/version.hpp"
#include "job.hpp"
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
  // A job names the sources and the catalogue its outputs were built from; what the command
  // line gives wins.
  std::vector<std::string> sources = args.sources;
  std::string catalogue_file = args.catalogue;
  bool follow_symlinks = args.follow_symlinks;
  if (!args.job.empty()) {
    try {
      const Job job = load_job(args.job);
      if (sources.empty()) sources = job.spec.sources;
      if (catalogue_file.empty()) catalogue_file = job.spec.catalogue.string();
      follow_symlinks = follow_symlinks || job.spec.follow_symlinks;
    } catch (const JobError& e) {
      spdlog::error("{}", e.what());
      return exit_config;
    }
  }
  if (sources.empty()) {
    spdlog::error("show needs the sources: give SOURCE files or folders, or --job JOB.toml");
    return exit_usage;
  }
  PluginRegistry registry = load_registry(g);
  std::vector<std::string> errors;
  BuildInfo build_info;
  build_info.host_version = DOSSIER_VERSION_STRING;
  std::optional<Catalogue> catalogue;
  if (!load_catalogue(catalogue_file, catalogue)) return exit_config;
  ReadResult read = read_sources(sources, registry, build_info, errors,
                                 {nullptr, false, catalogue ? &*catalogue : nullptr, 0, 0, 0, follow_symlinks});
  if (read.corpus.documents.empty()) {
    spdlog::error("no document could be read");
    return exit_input;
  }
  std::string error;
  if (!show_citation(args.address, read.corpus, std::cout, error, args.language, catalogue.has_value())) {
    spdlog::error("{}", error);
    return exit_input;
  }
  return errors.empty() ? exit_ok : exit_partial;
}

}  // namespace dossier::host
