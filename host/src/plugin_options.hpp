// The options a plugin declares, and a job's options checked against them before a build.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dossier/options.hpp"
#include "dossier/plugin.hpp"

namespace dossier::host {

/// One declared option, copied out of the plugin's descriptor.
struct DeclaredOption {
  std::string name;
  OptionType type = OptionType::text;
  std::string default_value;
  std::string help;
};

/// Copies `count` specs; returns an empty string, or why they are not a valid declaration
/// (a bad name or type, a name twice).
std::string read_declared_options(const OptionSpec* specs, std::uint32_t count, std::vector<DeclaredOption>& out);

/// One line per option of `given` that `declared` does not have ("unknown option 'treshold'
/// (did you mean 'threshold'?)") or whose value is not of its type, each naming the plugin
/// ("analyzer 'sdg': ...").
std::vector<std::string> option_problems(PluginKind kind, const std::string& name,
                                         const std::vector<DeclaredOption>& declared, const Options& given);

/// The candidate a misspelling most likely meant: fewest edits (insert, delete, replace, swap
/// two neighbours), at most 2 and fewer than half the word; empty when none is that close.
std::string closest_name(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace dossier::host
