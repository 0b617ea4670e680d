// Everything a plugin needs: #include <dossier/dossier.hpp>
#pragma once

#include "dossier/address.hpp"
#include "dossier/context.hpp"
#include "dossier/corpus.hpp"
#include "dossier/history.hpp"
#include "dossier/json.hpp"
#include "dossier/model.hpp"
#include "dossier/options.hpp"
#include "dossier/plugin.hpp"
#include "dossier/reference_data.hpp"
#include "dossier/references.hpp"
#include "dossier/sink.hpp"
#include "dossier/text_repair.hpp"
#include "dossier/version.hpp"
