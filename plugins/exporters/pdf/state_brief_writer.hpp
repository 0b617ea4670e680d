// Lays one State brief out as PDF: cover, key figures, recommendations received per SDG
// goal (chart, then each goal's recommendations by target), what changed since the previous
// review, what the State recommended to others, and the sources.
#pragma once

#include <dossier/sink.hpp>

#include "brief_writer.hpp"
#include "state_brief.hpp"

namespace dossier::pdf {

/// Writes `brief` into `file` with the settings of the focus briefs (language, title,
/// organisation, paper, fonts). Throws std::runtime_error on libharu, font or write errors.
BriefResult write_state_brief(const StateBrief& brief, const BriefSettings& settings, OutputFile& file);

}  // namespace dossier::pdf
