// What every kind of brief draws alike: the palette, section headings, notes, the cover's
// band and facts, and the tiles of key figures. The focus briefs (brief_writer.cpp) and the
// State briefs (state_brief_writer.cpp) lay out their own sections with these.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "canvas.hpp"

namespace dossier::pdf {

namespace palette {
// A restrained palette: UN blue for accents, dark slate for text.
inline const Rgb kInk{0.13, 0.14, 0.16};
inline const Rgb kNavy{0.04, 0.20, 0.35};
inline const Rgb kBlue{0.0, 158 / 255.0, 219 / 255.0};  // #009EDB
inline const Rgb kMuted{0.36, 0.39, 0.43};
inline const Rgb kPanel{0.95, 0.96, 0.97};
inline const Rgb kWhite{1, 1, 1};
}  // namespace palette

/// The parts that are not empty, with `sep` between them.
std::string join(const std::vector<std::string>& parts, const std::string& sep);

/// Codes ("10.7", "16.b") as a list with the language's separator, each isolated left to
/// right so that it keeps its order in a right-to-left line.
std::string code_list(const std::vector<std::string>& codes, const std::string& language);

/// A section heading with a rule under it, bookmarked at `level` (0 the top); `keep` is the
/// height of what must follow it on the same page.
void section_heading(Canvas& c, const std::string& text, double keep = 40, int level = 0);

/// A small muted paragraph across the text width.
void small_note(Canvas& c, const std::string& text);

/// The first page's band: `organisation` (may be empty) above `title` (bookmarked) and
/// `subtitle`, then a strip of the 17 SDG colours; leaves the cursor below it.
void cover_band(Canvas& c, const std::string& organisation, const std::string& title, const std::string& subtitle);

/// Label-value rows as two columns (the facts of a brief under its band).
void fact_rows(Canvas& c, const std::vector<std::pair<std::string, std::string>>& rows);

/// Tiles side by side, each a large figure over its caption.
void figure_tiles(Canvas& c, const std::vector<std::pair<std::string, std::string>>& figures);

}  // namespace dossier::pdf
