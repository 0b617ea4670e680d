#include "toml_file.hpp"

#include <sstream>

namespace dossier::host {

namespace fs = std::filesystem;

toml::table TomlFile::parse() const {
  std::error_code ec;
  if (!fs::is_regular_file(file_, ec)) throw ConfigError(file_.string() + ": no such file");
  try {
    return toml::parse_file(file_.string());
  } catch (const toml::parse_error& e) {
    std::ostringstream out;
    out << file_.string() << ':' << e.source().begin.line << ": " << e.description();
    throw ConfigError(out.str());
  }
}

void TomlFile::fail(const toml::node* node, const std::string& message) const {
  std::ostringstream out;
  out << file_.string();
  if (node && node->source().begin.line) out << ':' << node->source().begin.line;
  out << ": " << message;
  throw ConfigError(out.str());
}

void TomlFile::only_keys(const toml::table& table, const std::set<std::string>& allowed,
                         const std::string& where) const {
  for (const auto& [key, value] : table) {
    if (!allowed.count(std::string(key.str()))) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      fail(&value, "unknown key '" + std::string(key.str()) + "' in " + where + " (allowed: " + list + ")");
    }
  }
}

std::string TomlFile::string_at(const toml::table& table, const char* key, const std::string& fallback) const {
  const toml::node* node = table.get(key);
  if (!node) return fallback;
  if (!node->is_string()) fail(node, std::string("'") + key + "' must be a string");
  return **node->as_string();
}

fs::path TomlFile::resolve(const std::string& path) const {
  const fs::path p(path);
  return p.is_absolute() ? p : (file_.parent_path() / p).lexically_normal();
}

}  // namespace dossier::host
