// Document structure from lines of text: sections, numbered paragraphs, lists, tables,
// footnotes and recommendations. Shared by the readers of converted text, pdftotext
// -layout text and PDF, so that each gives the same model for the same document.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <dossier/model.hpp>

#include "block_limit.hpp"
#include "text_util.hpp"

namespace dossier::readers {

/// One logical line: a paragraph, heading or item as the source printed it.
struct SourceLine {
  std::string text;                        ///< markup stripped, trimmed; "\t" first for table rows
  std::uint32_t number = 0;                ///< first source line it came from
  bool indented = false;                   ///< began with white space (converted text)
  bool after_blank = false;                ///< a blank line came before it
  std::vector<std::string> footnote_refs;  ///< markers already taken out of `text`
};

/// What a format-specific front end hands the structure parser.
struct ParsedSource {
  std::vector<SourceLine> lines;
  std::string raw_head;                    ///< the source's first few KB, for title and date
  std::string symbol;                      ///< when the front end already knows it
  std::vector<Footnote> footnotes;         ///< footnotes or endnotes found by the front end
  std::vector<std::string> furniture;      ///< page furniture the front end removed
  std::vector<Diagnostic> diagnostics;     ///< what the front end noticed (pages without text...)
  std::size_t pages = 0;                   ///< pages of a paged source; 0 when it has none
};

/// Breaks every line of `text` longer than max_line_bytes into lines of at most that many
/// bytes, at a space where there is one and never inside a UTF-8 sequence, with a blank
/// line between the pieces (each becomes a paragraph of its own). Returns the warning to
/// add to the document, with an empty message when no line was that long.
Diagnostic break_long_lines(std::string& text);

/// What the text, layout and pdf readers do with the text they read: repair_text() on it,
/// its lines longer than max_line_bytes broken (break_long_lines), then `parse` on it. The
/// document's diagnostics say what was repaired and what was broken. `text` is left as parsed.
Document parse_repaired(std::string& text, const std::function<Document(std::string_view)>& parse);

/// Breaks every logical line longer than max_line_bytes into pieces (at spaces, never inside
/// a UTF-8 sequence), each a paragraph of its own. Returns the warning to add to the
/// document, with an empty message when none was that long.
Diagnostic break_long_paragraphs(std::vector<SourceLine>& lines);

/// Markdown left by converters taken out: **bold**, *italic*, [text](#link), <http://...>;
/// a lone "*" (a footnote mark) stays. The result is trimmed.
std::string strip_markup(const std::string& line);

/// Lines of converted text (one paragraph per line, Markdown left by converters).
std::vector<SourceLine> split_converted_lines(std::string_view content);

/// Builds the document from logical lines. Never throws on odd input: what it cannot
/// place goes to Document::diagnostics.
Document parse_structure(ParsedSource source, const std::string& path);

/// Text converted from PDF or Word, like the sample corpus.
Document parse_converted_text(std::string_view content, const std::string& path);

}  // namespace dossier::readers
