// The readers' smallest text helpers (declared in text_util.hpp), apart from the rest of
// text_util.cpp so that operative.cpp, which the akn reader links, needs no RE2: a plugin
// that loads RE2 without using it only adds a library with thread-local storage to the
// process.
#include <cctype>

#include "text_util.hpp"

namespace dossier::readers {

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool starts_upper(std::string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return std::isupper(c) != 0;
  // Latin-1 capitals U+00C0..U+00DE but the multiplication sign.
  if (c == 0xC3 && s.size() > 1) {
    const auto d = static_cast<unsigned char>(s[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

}  // namespace dossier::readers
