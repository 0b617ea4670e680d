// Everything a plugin needs: #include <dossier/dossier.hpp>. The domain library's headers
// (dossier/domain/: references, reference data, text repair, JSON, corpus steps) are extra.
#pragma once

#include "dossier/context.hpp"
#include "dossier/corpus_view.hpp"
#include "dossier/model.hpp"
#include "dossier/options.hpp"
#include "dossier/plugin.hpp"
#include "dossier/sink.hpp"
#include "dossier/version.hpp"
