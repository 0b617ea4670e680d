// The front end for text converted from PDF or Word: one paragraph per line,
// Markdown emphasis and links left by converters, tables as tab-separated rows.
#include <algorithm>
#include <cctype>

#include "pattern.hpp"
#include "structure.hpp"

namespace dossier::readers {

// Markdown left by converters: **bold**, *italic*, [text](#link), <http://...>.
std::string strip_markup(const std::string& line) {
  static const Pattern link(R"(\[([^\]]*)\]\([^)]*\))");
  static const Pattern angle_url(R"(<(https?://[^>]+)>)");
  std::string s = line.find('[') != std::string::npos ? link.replace_all(line, "\\1") : line;
  if (s.find('<') != std::string::npos) s = angle_url.replace_all(s, "\\1");
  if (s.find('*') == std::string::npos) return trim(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '*') {
      // Emphasis markers only: a '*' next to a letter or another '*', not a
      // footnote "*".
      const bool prev_word = i > 0 && !std::isspace(static_cast<unsigned char>(s[i - 1]));
      const bool next_word = i + 1 < s.size() && !std::isspace(static_cast<unsigned char>(s[i + 1]));
      if (prev_word || next_word) continue;
    }
    out += s[i];
  }
  return trim(out);
}

std::vector<SourceLine> split_converted_lines(std::string_view content) {
  std::vector<SourceLine> lines;
  std::uint32_t number = 0;
  bool blank = true;
  std::size_t start = 0;
  while (start <= content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    std::string raw(content.substr(start, end - start));
    start = end + 1;
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    // Form feeds mark page breaks; the text around them runs on.
    std::replace(raw.begin(), raw.end(), '\f', ' ');
    const bool indented = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
    const bool tabbed = raw.find('\t', indented ? 1 : 0) != std::string::npos;
    std::string text = strip_markup(raw);
    if (text.empty()) {
      blank = true;
      if (end == content.size()) break;
      continue;
    }
    if (tabbed) text = "\t" + raw;  // tables keep their cells; marked by a leading tab
    lines.push_back({text, number, indented, blank, {}});
    blank = false;
    if (end == content.size()) break;
  }
  return lines;
}

Document parse_converted_text(std::string_view content, const std::string& path) {
  ParsedSource source;
  source.lines = split_converted_lines(content);
  source.raw_head = std::string(content.substr(0, std::min<std::size_t>(content.size(), 3000)));
  return parse_structure(std::move(source), path);
}

}  // namespace dossier::readers
