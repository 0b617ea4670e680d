// Sniffing: whether a source is Akoma Ntoso 3.0, from the prolog and the root start tag only.
#include "akn_parser.hpp"

#include <algorithm>

#include "akn_markup.hpp"

namespace dossier::akn_reader {

namespace {

/// Index just past the DOCTYPE declaration starting at `i`, or npos. The internal subset may
/// hold '>' inside brackets, quotes and comments.
std::size_t skip_doctype(std::string_view s, std::size_t i) {
  int depth = 0;
  for (i += 9; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"' || c == '\'') {
      i = s.find(c, i + 1);
      if (i == std::string_view::npos) return i;
    } else if (s.compare(i, 4, "<!--") == 0) {
      i = s.find("-->", i + 4);
      if (i == std::string_view::npos) return i;
      i += 2;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (c == '>' && depth <= 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

bool ends_name(char c) { return is_ascii_space(c) || c == '>' || c == '/' || c == '='; }

}  // namespace

bool is_akoma_ntoso(std::string_view content) noexcept {
  // The root start tag comes after at most a declaration, comments and a DOCTYPE; 64 KiB is
  // far more than any real prolog, and keeps sniffing cheap for large non-XML sources.
  const std::string_view s = content.substr(0, std::min<std::size_t>(content.size(), 1 << 16));
  std::size_t i = s.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  for (;;) {
    while (i < s.size() && is_ascii_space(s[i])) ++i;
    std::size_t end = std::string_view::npos;
    if (s.compare(i, 2, "<?") == 0) {
      end = s.find("?>", i + 2);
      if (end != std::string_view::npos) end += 2;
    } else if (s.compare(i, 4, "<!--") == 0) {
      end = s.find("-->", i + 4);
      if (end != std::string_view::npos) end += 3;
    } else if (s.compare(i, 9, "<!DOCTYPE") == 0) {
      end = skip_doctype(s, i);
    } else {
      break;
    }
    if (end == std::string_view::npos) return false;
    i = end;
  }
  if (i >= s.size() || s[i] != '<') return false;
  std::size_t n = ++i;
  while (n < s.size() && !ends_name(s[n])) ++n;
  const std::string_view qname = s.substr(i, n - i);
  const std::size_t colon = qname.find(':');
  const std::string_view prefix = colon == std::string_view::npos ? std::string_view() : qname.substr(0, colon);
  const std::string_view local = colon == std::string_view::npos ? qname : qname.substr(colon + 1);
  if (local != "akomaNtoso") return false;
  // The root must declare the namespace of its own prefix itself: nothing is inherited.
  for (i = n;;) {
    while (i < s.size() && is_ascii_space(s[i])) ++i;
    if (i >= s.size() || s[i] == '>' || s[i] == '/') return false;
    std::size_t name_end = i;
    while (name_end < s.size() && !ends_name(s[name_end])) ++name_end;
    const std::string_view name = s.substr(i, name_end - i);
    i = name_end;
    while (i < s.size() && is_ascii_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') return false;
    ++i;
    while (i < s.size() && is_ascii_space(s[i])) ++i;
    if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) return false;
    const std::size_t value_end = s.find(s[i], i + 1);
    if (value_end == std::string_view::npos) return false;
    const std::string_view value = s.substr(i + 1, value_end - i - 1);
    i = value_end + 1;
    const bool declares_prefix =
        name.substr(0, 5) == "xmlns" &&
        (prefix.empty() ? name.size() == 5 : name.size() == 6 + prefix.size() && name[5] == ':' && name.substr(6) == prefix);
    if (declares_prefix) return value == akn_namespace;
  }
}

}  // namespace dossier::akn_reader
