// Reading the project's TOML files (jobs, catalogues) with errors that name file and line.
#pragma once

#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>

#include <toml++/toml.h>

namespace dossier::host {

/// A configuration file error, already formatted as "FILE:LINE: message".
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class TomlFile {
 public:
  explicit TomlFile(std::filesystem::path file) : file_(std::move(file)) {}

  const std::filesystem::path& file() const { return file_; }

  /// Parses the file; a syntax error becomes a ConfigError with its line.
  toml::table parse() const;

  [[noreturn]] void fail(const toml::node* node, const std::string& message) const;

  /// Refuses keys not in `allowed`, naming the allowed ones.
  void only_keys(const toml::table& table, const std::set<std::string>& allowed, const std::string& where) const;

  std::string string_at(const toml::table& table, const char* key, const std::string& fallback) const;

  /// A path written in the file, relative to the file's folder.
  std::filesystem::path resolve(const std::string& path) const;

 private:
  std::filesystem::path file_;
};

}  // namespace dossier::host
