#pragma once

#include <string>

namespace dossier::pdf {

/// The ToUnicode CMap of a TrueType font drawn in UTF-8 (Identity-H: each code is the
/// Unicode code point of the glyph drawn): the identity on the Basic Multilingual Plane,
/// except that the Arabic presentation forms of single letters (what shaping draws) map back
/// to their letters, so that text copied or searched in a brief is the text quoted.
const std::string& to_unicode_cmap();

}  // namespace dossier::pdf
