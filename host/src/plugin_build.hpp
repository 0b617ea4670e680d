// What a plugin's output depends on besides its input: its declared version, the code of
// its library and the domain library's (reference data, vocabularies). Cached readings and
// analyses are keyed by it, so that a rebuilt plugin never serves what its old code made.
#pragma once

#include <filesystem>
#include <string>

#include "plugin_registry.hpp"

namespace dossier::host {

/// SHA-256 of a file's content, "?" when it cannot be read.
std::string file_digest(const std::filesystem::path& file);

/// SHA-256 of the domain library the host runs with.
const std::string& domain_digest();

/// "0.1.0+3f2a9c0d1e4b": the declared version and a digest of both libraries' code.
std::string build_version(const PluginInfo& info);

}  // namespace dossier::host
