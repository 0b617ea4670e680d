// A plugin compiled against mismatched SDK headers: right ABI number, wrong struct size.
#include <dossier/plugin.hpp>

namespace {
const dossier::PluginDescriptor descriptor = {
    DOSSIER_ABI_VERSION, sizeof(dossier::PluginDescriptor) - 8, dossier::PluginKind::exporter,
    "shrunk", "1.0.0", "descriptor of the wrong size", nullptr};
}
extern "C" const dossier::PluginDescriptor* entry() { return &descriptor; }
BOOST_DLL_ALIAS(entry, dossier_plugin)
