#include "dossier/sink.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

// Out of line, so that the classes' type information lives in the SDK (one copy for the host
// and every plugin).
OutputFile::~OutputFile() = default;
OutputSink::~OutputSink() = default;

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
