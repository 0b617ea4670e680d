#include "html_text.hpp"

#include <cstdint>

namespace dossier::html {

namespace {

// Length of the UTF-8 sequence at text[i] and its code point; 0 when it is not valid UTF-8.
std::size_t utf8_at(std::string_view text, std::size_t i, char32_t& cp) {
  const auto b = static_cast<unsigned char>(text[i]);
  std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(text[i + k]);
    if ((c >> 6) != 0x2) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are no UTF-8.
  static constexpr char32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < least[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
  return n;
}

bool forbidden(char32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  if (cp >= 0x7F && cp <= 0x9F) return true;
  return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

// Whether `c` is printable ASCII that needs no escape in HTML text or attributes.
constexpr bool plain_html(unsigned char c) {
  return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
}

// Whether `c` is printable ASCII that a JavaScript string in a <script> takes as it is.
constexpr bool plain_js(unsigned char c) {
  return c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&';
}

// The end of the run of bytes from `i` on that `plain` accepts.
template <typename Plain>
std::size_t run_end(std::string_view text, std::size_t i, Plain plain) {
  while (i < text.size() && plain(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

}  // namespace

void escape(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    // Runs of plain ASCII (most of the text) are copied at once.
    if (const std::size_t end = run_end(text, i, plain_html); end > i) {
      out.append(text, i, end - i);
      i = end;
      continue;
    }
    const char c = text[i];
    switch (c) {
      case '&': out += "&amp;"; ++i; continue;
      case '<': out += "&lt;"; ++i; continue;
      case '>': out += "&gt;"; ++i; continue;
      case '"': out += "&quot;"; ++i; continue;
      case '\'': out += "&#39;"; ++i; continue;
      default: break;
    }
    char32_t cp = 0;
    const std::size_t n = utf8_at(text, i, cp);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      if (forbidden(cp))
        out += ' ';
      else
        out.append(text, i, n);
      i += n;
    }
  }
}

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  escape(out, text);
  return out;
}

void js_string(std::string& out, std::string_view text) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t end = run_end(text, i, plain_js); end > i) {
      out.append(text, i, end - i);
      i = end;
      continue;
    }
    const auto b = static_cast<unsigned char>(text[i]);
    char32_t cp = 0;
    const std::size_t n = utf8_at(text, i, cp);
    if (n == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    if (cp == '"' || cp == '\\') {
      out += '\\';
      out += static_cast<char>(b);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp < 0x20 || cp == '<' || cp == '>' || cp == '&' || cp == 0x2028 || cp == 0x2029) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
    } else {
      out.append(text, i, n);
    }
    i += n;
  }
  out += '"';
}

std::string anchor_of(const Document& document, std::string_view address) {
  if (address.size() <= document.id.size() + 1 || address.compare(0, document.id.size(), document.id) != 0 ||
      address[document.id.size()] != ' ')
    return {};
  std::string_view rest = address.substr(document.id.size() + 1);
  std::string raw;
  const std::string_view para = "\xC2\xB6", section = "\xC2\xA7";
  if (rest.compare(0, para.size(), para) == 0) {
    raw = "para-" + std::string(rest.substr(para.size()));
  } else if (rest.compare(0, section.size(), section) == 0) {
    rest.remove_prefix(section.size());
    const auto hash = rest.rfind(" #");
    if (hash == std::string_view::npos) return {};
    raw = "s-" + std::string(rest.substr(0, hash)) + "-" + std::string(rest.substr(hash + 2));
  } else if (!rest.empty() && rest[0] == '#') {
    raw = "b-" + std::string(rest.substr(1));
  } else {
    return {};
  }
  for (char& c : raw) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                      c == '-' || c == '_';
    if (!keep) c = '_';
  }
  return raw;
}

bool right_to_left(std::string_view language) {
  const std::string_view primary = language.substr(0, language.find('-'));
  for (const char* rtl : {"ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"})
    if (primary == rtl) return true;
  return false;
}

std::string lang_attributes(std::string_view language) {
  if (language.empty()) return {};
  return " lang=\"" + escaped(language) + "\" dir=\"" + (right_to_left(language) ? "rtl" : "ltr") + "\"";
}

}  // namespace dossier::html
