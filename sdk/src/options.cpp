#include "dossier/options.hpp"

#include <cerrno>
#include <cstdlib>
#include <stdexcept>

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

namespace {
[[noreturn]] void bad_value(std::string_view key, const std::string& value, const char* type) {
  throw std::invalid_argument("option '" + std::string(key) + "': '" + value + "' is not " + type);
}
}  // namespace

const char* to_string(OptionType type) noexcept {
  switch (type) {
    case OptionType::text: return "text";
    case OptionType::boolean: return "boolean";
    case OptionType::integer: return "integer";
    case OptionType::number: return "number";
    case OptionType::list: return "list";
  }
  return "unknown";
}

void Options::set(std::string key, std::string value) {
  values_[std::move(key)] = {std::move(value)};
}

void Options::set_list(std::string key, std::vector<std::string> values) {
  values_[std::move(key)] = std::move(values);
}

bool Options::has(std::string_view key) const { return values_.find(key) != values_.end(); }

std::string Options::get(std::string_view key, std::string_view fallback) const {
  auto it = values_.find(key);
  if (it == values_.end() || it->second.empty()) return std::string(fallback);
  return it->second.front();
}

bool Options::get_bool(std::string_view key, bool fallback) const {
  if (!has(key)) return fallback;
  const std::string v = get(key);
  if (v == "true" || v == "yes" || v == "on" || v == "1") return true;
  if (v == "false" || v == "no" || v == "off" || v == "0") return false;
  bad_value(key, v, "a boolean (true or false)");
}

long long Options::get_int(std::string_view key, long long fallback) const {
  if (!has(key)) return fallback;
  const std::string v = get(key);
  char* end = nullptr;
  errno = 0;
  const long long n = std::strtoll(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || errno == ERANGE) bad_value(key, v, "an integer");
  return n;
}

double Options::get_double(std::string_view key, double fallback) const {
  if (!has(key)) return fallback;
  const std::string v = get(key);
  char* end = nullptr;
  errno = 0;
  const double d = std::strtod(v.c_str(), &end);
  if (v.empty() || *end != '\0' || errno == ERANGE) bad_value(key, v, "a number");
  return d;
}

std::vector<std::string> Options::get_list(std::string_view key) const {
  auto it = values_.find(key);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
