// A plugin built for a future ABI: the host must refuse it before reading anything else.
#include <dossier/plugin.hpp>

namespace {
const dossier::PluginDescriptor descriptor = {
    DOSSIER_ABI_VERSION + 98, sizeof(dossier::PluginDescriptor), 0, dossier::PluginKind::exporter,
    "future", "9.0.0", "built for ABI 99", nullptr, nullptr, 0, 0, nullptr, nullptr};
}
extern "C" __attribute__((visibility("default"))) const dossier::PluginDescriptor* dossier_plugin_entry() {
  return &descriptor;
}
