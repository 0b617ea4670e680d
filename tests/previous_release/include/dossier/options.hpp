// Options a job file or the command line passes to one plugin.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// Key -> values. A scalar option has one value; a list option has several. Values are kept
/// as the text the user wrote; the typed getters convert and throw OptionError when they
/// cannot, naming the key.
class DOSSIER_SDK_API Options {
 public:
  void set(std::string key, std::string value);
  void set_list(std::string key, std::vector<std::string> values);

  bool has(std::string_view key) const;
  std::string get(std::string_view key, std::string_view fallback = {}) const;
  bool get_bool(std::string_view key, bool fallback) const;
  long long get_int(std::string_view key, long long fallback) const;
  double get_double(std::string_view key, double fallback) const;
  std::vector<std::string> get_list(std::string_view key) const;

  const std::map<std::string, std::vector<std::string>, std::less<>>& all() const { return values_; }

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> values_;
};

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
