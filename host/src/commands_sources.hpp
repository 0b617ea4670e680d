// `dossier check` and `dossier show`: commands that read sources and report on them,
// building and writing nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "commands_common.hpp"

namespace dossier::host {

/// `dossier check`'s arguments.
struct CheckArgs {
  std::vector<std::string> sources;
  std::string catalogue;
  std::optional<unsigned> threads;
  bool json = false;
  bool follow_symlinks = false;
};

/// `dossier show`'s arguments.
struct ShowArgs {
  std::string address;                ///< empty with `citations_file`: it is then the first source
  std::vector<std::string> sources;  ///< none: the job's
  std::string citations_file;        ///< citations one per line, "-" for standard input
  std::string job;                   ///< a job file whose sources and catalogue to read
  std::string catalogue;
  std::string language;
  bool follow_symlinks = false;
};

/// `dossier search`'s arguments.
struct SearchArgs {
  std::string query;
  std::string job;    ///< the job whose build's store to search
  std::string out;    ///< the output folder of that build (its .dossier/store.sqlite)
  std::string store;  ///< the store file itself
  std::string sdg, gcm, state, document, language, kind;
  std::size_t limit = 20;
  bool json = false;
};

/// Reads the sources and reports each document's health (check.hpp).
int check_command(const CheckArgs& args, const GlobalOptions& g);

/// Prints the text a citation points at (show.hpp).
int show_command(const ShowArgs& args, const GlobalOptions& g);

/// Searches the store of a build (search_index.hpp) and prints the passages found.
int search_command(const SearchArgs& args);

}  // namespace dossier::host
