// References read from their printed shape rather than from words and numbers: UN document
// symbols ("A/RES/73/195") and GFMD Platform for Partnerships links (".../pfp/ppd/2334").
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "reference_finder.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN
namespace detail {

namespace {


// The UN document symbol in a match of the symbol pattern, trimmed to what a symbol can end
// with; empty when it is not one.
std::string_view trim_symbol(std::string_view s) noexcept {
  for (;;) {
    // Drop trailing punctuation and a closing parenthesis the symbol did not open.
    while (!s.empty()) {
      const char c = s.back();
      const auto opens = std::count(s.begin(), s.end(), '(');
      const auto closes = std::count(s.begin(), s.end(), ')');
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '-' || c == '(' ||
          (c == ')' && closes > opens))
        s.remove_suffix(1);
      else
        break;
    }
    // The last segment holds a number ("A/HRC/43/15"); "E/HRC/resolutions" in a URL does not.
    const std::size_t slash = s.rfind('/');
    if (slash == std::string_view::npos) return {};
    const std::string_view last = s.substr(slash + 1);
    if (std::any_of(last.begin(), last.end(), is_digit)) break;
    s = s.substr(0, slash);
  }
  // One segment after the prefix only for old plain numbers ("A/810"): "A/4" is a paper size.
  const std::size_t first = s.find('/');
  if (s.find('/', first + 1) == std::string_view::npos) {
    const std::string_view number = s.substr(first + 1);
    if (number.size() < 2 || !std::all_of(number.begin(), number.end(), is_digit)) return {};
  }
  return s;
}

}  // namespace

// A match `m` of the symbol pattern at text[begin].
void symbol_found(std::string_view text, std::size_t begin, const std::cmatch& m, std::vector<Hit>& hits) {
  const auto symbol_char = [](char c) {
    return is_alnum(c) || c == '/' || c == '.' || c == '(' || c == ')' || c == '-';
  };
  const auto length = static_cast<std::size_t>(m.length(0));
  // "www.S/..." or "X-A/1" are parts of something else; so is a match cut short by the
  // bounds of the pattern.
  if (begin > 0 && (text[begin - 1] == '.' || text[begin - 1] == '-')) return;
  if (begin + length < text.size() && symbol_char(text[begin + length])) return;
  const std::string_view id = trim_symbol(text.substr(begin, length));
  if (!id.empty()) hits.push_back({begin, begin + id.size(), {{"un_symbol", std::string(id)}}});
}

// GFMD Platform for Partnerships practices: "https://gfmd.org/pfp/ppd/2334". Any host is
// taken, since OCR damages it ("afmd.org"), but there must be one.
void find_practices(std::string_view text, std::vector<Hit>& hits) {
  static constexpr std::string_view path = "/pfp/ppd/";
  for (std::size_t at = text.find(path); at != std::string_view::npos; at = text.find(path, at + 1)) {
    std::size_t begin = at;
    while (begin > 0 && (is_alnum(text[begin - 1]) || text[begin - 1] == '.' || text[begin - 1] == '-')) --begin;
    const std::size_t digits = at + path.size();
    std::size_t end = digits;
    while (end < text.size() && is_digit(text[end])) ++end;
    if (begin == at || end == digits || (end < text.size() && is_alpha(text[end]))) continue;
    std::size_t first = digits;
    while (first + 1 < end && text[first] == '0') ++first;
    hits.push_back({begin, end, {{"pfp_practice", std::string(text.substr(first, end - first))}}});
  }
}

}  // namespace detail
DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
