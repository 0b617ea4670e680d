// What a plugin library says about itself, read from its file without loading it: the text
// DOSSIER_PLUGIN puts in the ELF section `.dossier_plugin` (sdk/include/dossier/plugin.hpp).
// Loading a library runs its code (static constructors); `plugins list` and `plugins info`
// need only these facts.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/options.hpp"

namespace dossier::host {

/// The section's text, or nullopt when `file` is no 64-bit ELF object of this machine's byte
/// order or has no such section (another platform, a plugin of an earlier ABI). Throws
/// std::runtime_error when the file cannot be read or its headers are inconsistent.
std::optional<std::string> read_manifest_section(const std::filesystem::path& file);

struct PluginManifest {
  std::uint32_t abi_version = 0;
  std::uint64_t layout = 0;
  std::uint32_t kind = 0;
  std::string name, version, description, default_file;
  std::string file_names;  ///< exporters: how they name the files they write, when declared
  std::vector<std::string> needs;
  struct Option {
    std::string name;
    OptionType type = OptionType::text;
    std::string default_value, help;
  };
  std::vector<Option> options;
};

/// Parses the section's text. Throws std::runtime_error saying what is malformed.
PluginManifest parse_manifest(std::string_view text);

}  // namespace dossier::host
