// Writing XML from the model: text made safe for XML 1.0, and streaming output in which
// only one small pugixml tree (one document, one entry) exists at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include <dossier/context.hpp>

namespace dossier::xml_output {

/// `text` with every character XML 1.0 cannot hold replaced by U+FFFD: C0 controls other
/// than tab, LF and CR, surrogates, U+FFFE / U+FFFF (one each), and each byte of what is not
/// UTF-8 (overlong forms, stray or missing continuation bytes). Adds the number of
/// replacements to `replaced`.
std::string clean(std::string_view text, std::size_t& replaced);
/// How many bytes at the start of `text` XML may hold as they are (clean() keeps them).
std::size_t clean_prefix(std::string_view text);

/// Builds elements with clean text and counts what it had to replace, so that an exporter
/// can say so once at the end. Damaged input never reaches the output raw.
class Builder {
 public:
  /// Sets attribute `name` (added if missing); nothing for an empty value unless `keep_empty`.
  void attr(pugi::xml_node node, const char* name, std::string_view value, bool keep_empty = false);
  /// Appends `<name>value</name>` (or an empty element for an empty value) and returns it.
  pugi::xml_node element(pugi::xml_node parent, const char* name, std::string_view value = {});
  /// Appends clean character data to `node`.
  void text(pugi::xml_node node, std::string_view value);
  /// Clean copy of `value`, counted like the rest.
  std::string operator()(std::string_view value) { return clean(value, replaced_); }

  std::size_t replaced() const { return replaced_; }
  /// Warns through `context` when anything was replaced ("... in <what>").
  void report(const Context& context, std::string_view what) const;

 private:
  std::size_t replaced_ = 0;
};

/// pugixml's output interface onto a std::ostream.
class StreamWriter final : public pugi::xml_writer {
 public:
  explicit StreamWriter(std::ostream& os) : os_(os) {}
  void write(const void* data, std::size_t size) override;

 private:
  std::ostream& os_;
};

/// Prints `node` and its subtree indented by two spaces per level, starting `depth` levels
/// in, without an XML declaration: the piece a streaming writer appends.
void print(pugi::xml_node node, std::ostream& os, unsigned depth);

/// Writes the XML declaration and the start tag of the root element `name` with
/// `attributes` (name, value; values are cleaned and escaped here), for a root whose
/// children are printed one by one and closed with close_root().
void open_root(std::ostream& os, std::string_view name,
               const std::vector<std::pair<std::string, std::string>>& attributes, Builder& builder);
void close_root(std::ostream& os, std::string_view name);

/// A whole small document (declaration, indentation, UTF-8) onto `os`.
void save(const pugi::xml_document& doc, std::ostream& os);

/// "2026-11-23T06:34:26Z" for seconds since the epoch (RFC 3339, UTC).
std::string rfc3339(std::int64_t seconds);

}  // namespace dossier::xml_output
