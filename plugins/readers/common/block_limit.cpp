// Cutting text and tables at the readers' block limit (block_limit.hpp).
#include "block_limit.hpp"

#include <algorithm>

#include <dossier/domain/text_repair.hpp>

namespace dossier::readers {

std::size_t bounded_piece_end(std::string_view text, std::size_t from) {
  std::size_t end = from + max_line_bytes;
  if (end >= text.size()) return text.size();
  const std::size_t space = text.rfind(' ', end - 1);
  if (space != std::string_view::npos && space > from + max_line_bytes / 2) return space + 1;
  while (end > from + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

std::vector<std::string> bounded_pieces(std::string_view text) {
  std::vector<std::string> pieces;
  for (std::size_t from = 0; from < text.size() || pieces.empty();) {
    const std::size_t to = bounded_piece_end(text, from);
    pieces.emplace_back(text.substr(from, to - from));
    from = to;
  }
  return pieces;
}

std::string table_text(const TableRows& rows) {
  std::string text;
  for (const auto& row : rows) {
    if (!text.empty()) text += '\n';
    for (std::size_t i = 0; i < row.size(); ++i) text += (i ? " | " : "") + row[i];
  }
  return text;
}

std::vector<TableRows> bounded_tables(TableRows rows) {
  std::vector<TableRows> tables(1);
  std::size_t bytes = 0;  // of the text of tables.back()
  // Appends a row of at most max_line_bytes, in a new table if it does not fit.
  auto append = [&](std::vector<std::string>&& row, std::size_t size) {
    if (!tables.back().empty() && bytes + 1 + size > max_line_bytes) {
      tables.emplace_back();
      bytes = 0;
    }
    bytes += (tables.back().empty() ? 0 : 1) + size;
    tables.back().push_back(std::move(row));
  };
  for (auto& row : rows) {
    std::vector<std::string> part;
    std::size_t size = 0;  // of part's text
    auto add_cell = [&](std::string&& cell) {
      if (!part.empty() && size + 3 + cell.size() > max_line_bytes) {
        append(std::move(part), size);
        part.clear();
        size = 0;
      }
      size += (part.empty() ? 0 : 3) + cell.size();
      part.push_back(std::move(cell));
    };
    for (auto& cell : row) {
      if (cell.size() <= max_line_bytes)
        add_cell(std::move(cell));
      else  // a cell that is longer alone becomes several
        for (auto& piece : bounded_pieces(cell)) add_cell(std::move(piece));
    }
    append(std::move(part), size);
  }
  return tables;
}

void LongBlocks::add(std::size_t bytes, std::size_t into) {
  ++count;
  longest = std::max(longest, bytes);
  pieces += into;
}

Diagnostic LongBlocks::diagnostic(const std::string& what, const std::string& verb, const std::string& into) const {
  if (count == 0) return {Diagnostic::Severity::warning, {}, {}};
  return {Diagnostic::Severity::warning,
          std::string(altered_prefix) + std::to_string(count) + " " + what + (count == 1 ? " was " : "s were ") +
              "longer than " + std::to_string(max_line_bytes) + " bytes (the longest " + std::to_string(longest) +
              "); " + verb + " into " + std::to_string(pieces) + " " + into,
          {}};
}

}  // namespace dossier::readers
