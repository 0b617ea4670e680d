#include "xml_output.hpp"

#include <ctime>
#include <utility>

#include <dossier/domain/utf8.hpp>

namespace dossier::xml_output {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

/// Length of the well-formed UTF-8 sequence at `s[i]` (0 when there is none) and whether XML
/// allows the character it encodes (not C0 controls but tab, LF, CR; not U+FFFE, U+FFFF).
std::pair<std::size_t, bool> sequence_at(std::string_view s, std::size_t i) {
  const std::size_t length = utf8::sequence_length(s, i);
  if (length == 0) return {0, false};
  const char32_t c = utf8::code_point(s, i, length);
  return {length, c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r'};
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

std::size_t clean_prefix(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x80) {  // printable ASCII, most of any text
      ++i;
      continue;
    }
    const auto [length, allowed] = sequence_at(text, i);
    if (!length || !allowed) break;
    i += length;
  }
  return i;
}

std::string clean(std::string_view text, std::size_t& replaced) {
  // What XML may hold is copied a run at a time (a Chinese or Russian text is one run).
  std::size_t i = clean_prefix(text);
  std::string out(text.substr(0, i));
  while (i < text.size()) {
    // One replacement per forbidden character, or per byte of what is not UTF-8 at all.
    const std::size_t length = sequence_at(text, i).first;
    out.append(replacement);
    ++replaced;
    i += length ? length : 1;
    const std::size_t run = clean_prefix(text.substr(i));
    out.append(text.substr(i, run));
    i += run;
  }
  return out;
}

void Builder::attr(pugi::xml_node node, const char* name, std::string_view value, bool keep_empty) {
  if (value.empty() && !keep_empty) return;
  pugi::xml_attribute a = node.attribute(name);
  if (!a) a = node.append_attribute(name);
  if (clean_prefix(value) == value.size())
    a.set_value(value.data(), value.size());  // nothing to replace: no copy
  else
    a.set_value(clean(value, replaced_).c_str());
}

pugi::xml_node Builder::element(pugi::xml_node parent, const char* name, std::string_view value) {
  pugi::xml_node e = parent.append_child(name);
  if (!value.empty()) text(e, value);
  return e;
}

void Builder::text(pugi::xml_node node, std::string_view value) {
  pugi::xml_node data = node.append_child(pugi::node_pcdata);
  if (clean_prefix(value) == value.size())
    data.set_value(value.data(), value.size());  // nothing to replace: no copy
  else
    data.set_value(clean(value, replaced_).c_str());
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

}  // namespace dossier::xml_output
