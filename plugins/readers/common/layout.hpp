// `pdftotext -layout` text (and poppler's physical-layout text of a PDF) to logical lines.
#pragma once

#include <string_view>

#include "structure.hpp"

namespace dossier::readers {

/// Whether `content` looks like layout text of a UN document: two form-feed page breaks or
/// more, or one with deep indentation, or a job number ("GE.19-21936(E)") with deep
/// indentation.
bool looks_like_layout_text(std::string_view content);

/// Splits pages at form feeds, removes page furniture (running heads with the symbol,
/// page numbers, job numbers), unwraps the lines of each paragraph across line and page
/// breaks, takes page footnotes and endnotes ("Notes") out of the flow, and resolves their
/// markers, including markers that pdftotext flattened into trailing digits ("(ILO).6").
ParsedSource unwrap_layout(std::string_view content);

}  // namespace dossier::readers
