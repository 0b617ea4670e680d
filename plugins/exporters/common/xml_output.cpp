#include "xml_output.hpp"

#include <ctime>
#include <utility>

namespace dossier::xml_output {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/// Length of the UTF-8 sequence at `s[i]` (0 when it is not well-formed: a stray or
/// missing continuation byte, an overlong form, past U+10FFFF) and whether XML allows the
/// character it encodes (not C0 controls but tab, LF, CR; not surrogates, U+FFFE, U+FFFF).
std::pair<std::size_t, bool> sequence_at(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = at(i);
  const std::size_t left = s.size() - i;
  if (c < 0x80) return {1, c >= 0x20 || c == '\t' || c == '\n' || c == '\r'};
  if (c >= 0xC2 && c <= 0xDF) return {left >= 2 && continuation(at(i + 1)) ? 2 : 0, true};
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !continuation(at(i + 1)) || !continuation(at(i + 2))) return {0, false};
    const unsigned char c1 = at(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return {0, false};  // overlong
    const bool surrogate = c == 0xED && c1 >= 0xA0;
    const bool nonchar = c == 0xEF && c1 == 0xBF && (at(i + 2) == 0xBE || at(i + 2) == 0xBF);  // U+FFFE, U+FFFF
    return {3, !surrogate && !nonchar};
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !continuation(at(i + 1)) || !continuation(at(i + 2)) || !continuation(at(i + 3))) return {0, false};
    const unsigned char c1 = at(i + 1);
    if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return {0, false};  // overlong, too high
    return {4, true};
  }
  return {0, false};  // stray continuation byte, C0/C1 lead bytes, F5..FF
}

void escape_attribute_into(std::string& out, std::string_view value) {
  for (char c : value) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      // Kept as references: a parser would turn raw ones into spaces.
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default: out += c;
    }
  }
}

}  // namespace

std::string clean(std::string_view text, std::size_t& replaced) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    // Printable ASCII, most of any text, is copied a run at a time.
    std::size_t run = i;
    while (run < text.size() && static_cast<unsigned char>(text[run]) >= 0x20 &&
           static_cast<unsigned char>(text[run]) < 0x80)
      ++run;
    if (run > i) {
      out.append(text.substr(i, run - i));
      i = run;
      continue;
    }
    const auto [length, allowed] = sequence_at(text, i);
    if (length && allowed) {
      out.append(text.substr(i, length));
    } else {
      // One replacement per forbidden character, or per byte of what is not UTF-8 at all.
      out.append(replacement);
      ++replaced;
    }
    i += length ? length : 1;
  }
  return out;
}

void Builder::attr(pugi::xml_node node, const char* name, std::string_view value, bool keep_empty) {
  if (value.empty() && !keep_empty) return;
  pugi::xml_attribute a = node.attribute(name);
  if (!a) a = node.append_attribute(name);
  a.set_value(clean(value, replaced_).c_str());
}

pugi::xml_node Builder::element(pugi::xml_node parent, const char* name, std::string_view value) {
  pugi::xml_node e = parent.append_child(name);
  if (!value.empty()) text(e, value);
  return e;
}

void Builder::text(pugi::xml_node node, std::string_view value) {
  node.append_child(pugi::node_pcdata).set_value(clean(value, replaced_).c_str());
}

void Builder::report(const Context& context, std::string_view what) const {
  if (replaced_)
    context.warn("replaced " + std::to_string(replaced_) +
                 " characters that XML cannot hold (invalid UTF-8, control characters) with U+FFFD in " +
                 std::string(what));
}

void StreamWriter::write(const void* data, std::size_t size) {
  os_.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
}

void print(pugi::xml_node node, std::ostream& os, unsigned depth) {
  StreamWriter writer(os);
  node.print(writer, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8, depth);
}

void open_root(std::ostream& os, std::string_view name,
               const std::vector<std::pair<std::string, std::string>>& attributes, Builder& builder) {
  std::string tag = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<";
  tag += name;
  for (const auto& [key, value] : attributes) {
    tag += ' ' + key + "=\"";
    escape_attribute_into(tag, builder(value));
    tag += '"';
  }
  tag += ">\n";
  os << tag;
}

void close_root(std::ostream& os, std::string_view name) { os << "</" << name << ">\n"; }

void save(const pugi::xml_document& doc, std::ostream& os) {
  StreamWriter writer(os);
  doc.save(writer, "  ", pugi::format_indent, pugi::encoding_utf8);
}

std::string rfc3339(std::int64_t seconds) { return format_utc(seconds, "%Y-%m-%dT%H:%M:%SZ"); }

std::string percent_encode(std::string_view text, std::string_view keep) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved || (c < 0x80 && keep.find(ch) != std::string_view::npos)) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace dossier::xml_output
