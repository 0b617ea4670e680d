// The longest line and paragraph the readers take (max_line_bytes, block_limit.hpp):
// longer ones are broken at spaces, never inside a UTF-8 sequence, and the document says
// so.
#include <algorithm>
#include <dossier/domain/text_repair.hpp>

#include "structure.hpp"

namespace dossier::readers {

Diagnostic break_long_lines(std::string& text) {
  std::size_t lines = 0, longest = 0, pieces = 0;
  std::string out;
  std::size_t copied = 0;  // text[0, copied) is in `out` already
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end - start > max_line_bytes) {
      if (out.empty()) out.reserve(text.size() + text.size() / max_line_bytes * 2 + 16);
      out.append(text, copied, start - copied);
      const std::string_view line(text.data() + start, end - start);
      for (std::size_t from = 0; from < line.size();) {
        const std::size_t to = bounded_piece_end(line, from);
        if (from > 0) out += "\n\n";
        out.append(line.substr(from, to - from));
        from = to;
        ++pieces;
      }
      copied = end;
      ++lines;
      longest = std::max(longest, end - start);
    }
    start = end + 1;
  }
  if (lines == 0) return {Diagnostic::Severity::warning, {}, {}};
  out.append(text, copied, std::string::npos);
  text = std::move(out);
  return LongBlocks{lines, longest, pieces}.diagnostic("line", "broken", "paragraphs");
}

Diagnostic break_long_paragraphs(std::vector<SourceLine>& lines) {
  std::size_t count = 0, longest = 0, pieces = 0;
  if (std::none_of(lines.begin(), lines.end(), [](const SourceLine& l) { return l.text.size() > max_line_bytes; }))
    return {Diagnostic::Severity::warning, {}, {}};
  std::vector<SourceLine> bounded;
  for (auto& l : lines) {
    if (l.text.size() <= max_line_bytes) {
      bounded.push_back(std::move(l));
      continue;
    }
    ++count;
    longest = std::max(longest, l.text.size());
    for (std::size_t from = 0; from < l.text.size();) {
      const std::size_t to = bounded_piece_end(l.text, from);
      SourceLine piece{trim(std::string_view(l.text).substr(from, to - from)),
                       l.number,
                       l.indented,
                       from == 0 ? l.after_blank : true,
                       {}};
      if (from == 0) piece.footnote_refs = std::move(l.footnote_refs);
      bounded.push_back(std::move(piece));
      from = to;
      ++pieces;
    }
  }
  lines = std::move(bounded);
  return LongBlocks{count, longest, pieces}.diagnostic("paragraph", "broken", "paragraphs");
}

}  // namespace dossier::readers
