// The descriptor DOSSIER_PLUGIN (plugin.hpp) fills in and exports: what the host reads from a
// plugin library before anything else, and the binary entry point. Not API: a plugin author
// writes a class and one DOSSIER_PLUGIN line; the host reads this.
#pragma once

#include <cstdint>

#include "dossier/detail/declaration.hpp"
#include "dossier/detail/layout.hpp"
#include "dossier/options.hpp"
#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

class Plugin;
enum class PluginKind : std::uint32_t;  // plugin.hpp

/// What a plugin library says about itself. abi_version and struct_size come first in every
/// ABI version, so that any host can read them.
struct PluginDescriptor {
  std::uint32_t abi_version;   ///< DOSSIER_ABI_VERSION the plugin was built with
  std::uint32_t struct_size;   ///< sizeof(PluginDescriptor) the plugin was built with
  std::uint64_t layout;        ///< layout_fingerprint() of the headers it was built with
  PluginKind kind;
  const char* name;            ///< [a-z][a-z0-9_]*, unique per kind: what users type ("json")
  const char* version;         ///< the plugin's own version ("1.0.0")
  const char* description;     ///< one line
  Plugin* (*create)();         ///< new object of the plugin's class; may throw
  const OptionSpec* options;   ///< the options it reads (its class's `options`); null: none
  std::uint32_t option_count;
  std::uint32_t need_count;
  const char* const* needs;    ///< analyzers whose annotations it reads (its class's `needs`)
  const char* default_file;    ///< exporters: the file written when the user names none
};

/// Signature of the entry point.
using PluginEntryPoint = const PluginDescriptor*();

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier

/// The symbol the host looks up in every plugin library: a plain C function.
#define DOSSIER_PLUGIN_ENTRY "dossier_plugin_entry"

// DOSSIER_PLUGIN (documented in plugin.hpp): the descriptor, its text in the section
// `.dossier_plugin`, and the entry point.
#define DOSSIER_PLUGIN(KIND, CLASS, NAME, VERSION, DESCRIPTION)                                   \
  DOSSIER_PLUGIN_CHECK_(KIND, NAME)                                                              \
  namespace {                                                                                    \
  ::dossier::Plugin* dossier_plugin_create_() { return new CLASS(); }                            \
  constexpr ::dossier::PluginDescriptor dossier_plugin_descriptor_ = {                           \
      DOSSIER_ABI_VERSION,        sizeof(::dossier::PluginDescriptor),                            \
      ::dossier::layout_fingerprint(), ::dossier::PluginKind::KIND, NAME, VERSION, DESCRIPTION,  \
      &dossier_plugin_create_, ::dossier::DeclaredOptions<CLASS>::data,                          \
      ::dossier::DeclaredOptions<CLASS>::size, ::dossier::DeclaredNeeds<CLASS>::size,            \
      ::dossier::DeclaredNeeds<CLASS>::data, ::dossier::DeclaredDefaultFile<CLASS>::data};     \
  static_assert(::dossier::PluginKind::KIND != ::dossier::PluginKind::exporter ||               \
                    ::dossier::DeclaredDefaultFile<CLASS>::data != nullptr,                     \
                "an exporter declares its default file: static constexpr const char* default_file"); \
  __attribute__((used, section(".dossier_plugin"))) constexpr auto dossier_plugin_manifest_ =     \
      ::dossier::manifest<::dossier::manifest_size(dossier_plugin_descriptor_,                       \
                                                   ::dossier::DeclaredFileNames<CLASS>::data)>(     \
          dossier_plugin_descriptor_, ::dossier::DeclaredFileNames<CLASS>::data);                   \
  }                                                                                              \
  extern "C" __attribute__((visibility("default"))) const ::dossier::PluginDescriptor*           \
  dossier_plugin_entry() {                                                                       \
    return &dossier_plugin_descriptor_;                                                          \
  }
