// Helpers on Akoma Ntoso text and elements that need no parser state (akn_markup.hpp).
#include "akn_markup.hpp"

#include <algorithm>

namespace dossier::akn_reader {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool in(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_unit(std::string_view name) {
  return in(name, {"paragraph", "subparagraph", "point", "alinea", "indent"});
}

std::string bare_number(std::string_view printed) {
  std::string s = normalise_space(printed);
  // Arabic prints "1 -", some files quote the number: "’1‘".
  const auto strip_end = [&](std::string_view tail) {
    if (s.size() < tail.size() || s.compare(s.size() - tail.size(), tail.size(), tail) != 0) return false;
    s.erase(s.size() - tail.size());
    return true;
  };
  for (bool again = true; again;) {
    again = !s.empty() && (s.back() == '.' || s.back() == ')' || s.back() == '-' || s.back() == ' ');
    if (again) s.pop_back();
    else again = strip_end("\xE2\x80\x93") || strip_end("\xE2\x80\x98") || strip_end("\xE2\x80\x99");
  }
  std::size_t b = 0;
  while (b < s.size()) {
    if (s[b] == '(') ++b;
    else if (s.compare(b, 3, "\xE2\x80\x98") == 0 || s.compare(b, 3, "\xE2\x80\x99") == 0) b += 3;
    else break;
  }
  s = normalise_space(std::string_view(s).substr(b));
  const bool readable = std::any_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
  return readable ? s : std::string();
}

}  // namespace dossier::akn_reader
