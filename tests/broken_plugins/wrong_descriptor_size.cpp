// A plugin compiled against mismatched SDK headers: right ABI number, wrong struct size.
#include <dossier/plugin.hpp>

namespace {
const dossier::PluginDescriptor descriptor = {
    DOSSIER_ABI_VERSION, sizeof(dossier::PluginDescriptor) - 8, 0, dossier::PluginKind::exporter,
    "shrunk", "1.0.0", "descriptor of the wrong size", nullptr, nullptr, 0, 0, nullptr, nullptr};
}
extern "C" __attribute__((visibility("default"))) const dossier::PluginDescriptor* dossier_plugin_entry() {
  return &descriptor;
}
