// A plugin built for a future ABI: the host must refuse it before reading anything else.
#include <dossier/plugin.hpp>

namespace {
const dossier::PluginDescriptor descriptor = {
    DOSSIER_ABI_VERSION + 98, sizeof(dossier::PluginDescriptor), dossier::PluginKind::exporter,
    "future", "9.0.0", "built for ABI 99", nullptr};
}
extern "C" const dossier::PluginDescriptor* entry() { return &descriptor; }
BOOST_DLL_ALIAS(entry, dossier_plugin)
