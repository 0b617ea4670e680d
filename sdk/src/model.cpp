#include "dossier/model.hpp"

#include <array>
#include <string>
#include <utility>

#include "dossier/plugin.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

const char* sdk_version() noexcept { return DOSSIER_VERSION_STRING; }

std::string paragraph_address(std::string_view document_id, std::string_view number) {
  std::string out(document_id);
  out += " \xC2\xB6";  // ¶
  out += number;
  return out;
}

std::string block_address(std::string_view document_id, std::string_view section_path,
                          std::size_t ordinal) {
  std::string out(document_id);
  if (!section_path.empty()) {
    out += " \xC2\xA7";  // §
    out += section_path;
  }
  out += " #";
  out += std::to_string(ordinal);
  return out;
}

namespace {
constexpr std::array<std::pair<BlockKind, std::string_view>, 6> kBlockKinds{{
    {BlockKind::numbered_paragraph, "numbered_paragraph"},
    {BlockKind::text, "text"},
    {BlockKind::list_item, "list_item"},
    {BlockKind::heading, "heading"},
    {BlockKind::table, "table"},
    {BlockKind::footnote_body, "footnote_body"},
}};
}  // namespace

std::string_view to_string(BlockKind kind) noexcept {
  for (const auto& [k, name] : kBlockKinds)
    if (k == kind) return name;
  return "text";
}

bool parse_block_kind(std::string_view name, BlockKind& out) noexcept {
  for (const auto& [k, n] : kBlockKinds) {
    if (n == name) {
      out = k;
      return true;
    }
  }
  return false;
}

std::string_view to_string(Diagnostic::Severity severity) noexcept {
  switch (severity) {
    case Diagnostic::Severity::info: return "info";
    case Diagnostic::Severity::warning: return "warning";
    case Diagnostic::Severity::error: return "error";
  }
  return "warning";
}

std::string Document::section_path(int section) const {
  std::vector<std::string> parts;
  // Bounded by the number of sections so that a malformed parent cycle cannot loop forever.
  for (std::size_t guard = 0; section >= 0 && static_cast<std::size_t>(section) < sections.size() &&
                              guard <= sections.size();
       ++guard) {
    const Section& s = sections[static_cast<std::size_t>(section)];
    std::string part = s.label;
    while (!part.empty() && (part.back() == '.' || part.back() == ' ')) part.pop_back();
    if (part.empty()) {
      int position = 0;
      for (int i = 0; i <= section; ++i)
        if (sections[static_cast<std::size_t>(i)].parent == s.parent) ++position;
      part = std::to_string(position);
    }
    parts.push_back(std::move(part));
    section = s.parent;
  }
  // Dotted labels already carry their parents' ("6.1" under "6"): keep the fuller one.
  std::vector<std::string> kept;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (!kept.empty() && it->size() > kept.back().size() && it->compare(0, kept.back().size() + 1, kept.back() + ".") == 0)
      kept.back() = *it;
    else
      kept.push_back(*it);
  }
  std::string path;
  for (const auto& part : kept) {
    if (!path.empty()) path += '.';
    path += part;
  }
  return path;
}

const char* to_string(PluginKind kind) noexcept {
  switch (kind) {
    case PluginKind::reader: return "reader";
    case PluginKind::analyzer: return "analyzer";
    case PluginKind::exporter: return "exporter";
  }
  return "unknown";
}

// Out-of-line destructors anchor the vtables and type_info in the SDK library, so that the
// host and every plugin agree on them (dynamic_cast across libraries relies on it).
Plugin::~Plugin() = default;
Reader::~Reader() = default;
Analyzer::~Analyzer() = default;
Exporter::~Exporter() = default;
std::vector<std::string> Analyzer::dependencies() const { return {}; }

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
