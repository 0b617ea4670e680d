// Options a job file or the command line passes to one plugin.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// The kind of value an option takes.
enum class OptionType : std::uint32_t {
  text = 1,     ///< any text ("a4", "auto")
  boolean = 2,  ///< true or false (also yes/no, on/off, 1/0)
  integer = 3,  ///< a whole number
  number = 4,   ///< a decimal number
  list = 5,     ///< several texts (a TOML array, or one value)
};

/// "text", "boolean", "integer", "number", "list"; "unknown" for any other value.
DOSSIER_SDK_API const char* to_string(OptionType type) noexcept;

/// One option a plugin reads, as it declares it (plugin.hpp): the host refuses a job that
/// gives an option the plugin does not declare, or a value of the wrong type, before the
/// build starts, and `dossier plugins info` lists them.
struct OptionSpec {
  const char* name;           ///< [a-z][a-z0-9_]*
  OptionType type;
  const char* default_value;  ///< as text, for `plugins info`; "" when it has none
  const char* help;           ///< one line
};

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
