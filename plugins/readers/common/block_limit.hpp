// The longest line, paragraph or table the readers make (max_line_bytes), and how longer
// ones are cut: no real paragraph or table is that long, later stages (reference extraction,
// the analyzers, every exporter) work block by block, and std::regex recurses once per
// character it matches (docs/readers.md, "Hostile and damaged input"). Shared by every
// reader, the akn reader included (it links dossier_reader_operative).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <dossier/model.hpp>

namespace dossier::readers {

/// The longest line (and logical line: a paragraph), paragraph or table the readers make,
/// in bytes.
constexpr std::size_t max_line_bytes = 64 * 1024;

/// Where the piece of `text` starting at `from` ends: at most max_line_bytes on, after the
/// last space within that if any (past the middle), else at the start of a UTF-8 sequence.
std::size_t bounded_piece_end(std::string_view text, std::size_t from);

/// `text` cut at bounded_piece_end into pieces of at most max_line_bytes; one piece when it
/// is not longer.
std::vector<std::string> bounded_pieces(std::string_view text);

using TableRows = std::vector<std::vector<std::string>>;

/// A table's text: its rows one a line, each row's cells joined with " | ".
std::string table_text(const TableRows& rows);

/// `rows` as consecutive tables whose text is at most max_line_bytes each (a row longer
/// than that alone becomes rows of fewer cells, a cell longer than that several cells); one
/// table when it is not longer.
std::vector<TableRows> bounded_tables(TableRows rows);

/// Blocks a reader had to cut, for the warning that says so.
struct LongBlocks {
  std::size_t count = 0;    ///< blocks longer than max_line_bytes
  std::size_t longest = 0;  ///< bytes of the longest
  std::size_t pieces = 0;   ///< what they were cut into
  void add(std::size_t bytes, std::size_t into);
  /// "input altered: 1 table was longer than 65536 bytes (the longest 917504); split into 15
  /// tables" (`what` "table", `into` "tables"); an empty message when nothing was cut.
  Diagnostic diagnostic(const std::string& what, const std::string& verb, const std::string& into) const;
};

}  // namespace dossier::readers
