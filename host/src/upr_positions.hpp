// Positions from a UPR report's addendum: the State under review answers the
// recommendations it was to examine ("Slovenia supports the following recommendations:
// 122.1, 122.11–122.12, ..."), and each recommendation of the report takes its answer.
#pragma once

#include <string>
#include <vector>

#include "dossier/model.hpp"

namespace dossier::host {

/// For every document whose symbol is another's plus "/Add.N" (A/HRC/43/15/Add.1 and
/// A/HRC/43/15), reads the addendum's statements of position and sets `position`
/// ("supported" / "noted"), `position_source` (the statement's address) and, where a
/// statement is about that recommendation alone, `position_note` (its words) on the
/// report's recommendations of those numbers. Numbers by one, lists ("122.1, 122.3 and
/// 122.7") and ranges ("122.1–122.15", "122.1 to 122.15", "122.1-15") are understood, in
/// English, French and Spanish wording; a list may follow the sentence that announces it.
/// Diagnostics: `positions.unknown` (numbers the report does not have) and
/// `positions.conflict` on the addendum, `positions.missing` on the report (still to be
/// examined after the join). Returns one line per addendum joined, for the log.
std::vector<std::string> join_upr_positions(Corpus& corpus);

}  // namespace dossier::host
