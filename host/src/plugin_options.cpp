#include "plugin_options.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace dossier::host {

namespace {
bool valid_option_name(const char* name) {
  if (!name || !*name || std::strlen(name) > 64 || !(*name >= 'a' && *name <= 'z')) return false;
  for (const char* c = name; *c; ++c)
    if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_')) return false;
  return true;
}

// Edits from a to b, a neighbour swap counting one (optimal string alignment).
std::size_t edits(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

// Whether `given`'s value(s) fit `type`; the reason when not.
std::string type_problem(const DeclaredOption& option, const Options& given) {
  const auto& values = given.all().at(option.name);
  if (option.type == OptionType::list) return "";
  if (values.size() != 1)
    return "takes one " + std::string(to_string(option.type)) + " value, not a list of " +
           std::to_string(values.size());
  try {
    if (option.type == OptionType::boolean) given.get_bool(option.name, false);
    else if (option.type == OptionType::integer) given.get_int(option.name, 0);
    else if (option.type == OptionType::number) given.get_double(option.name, 0);
  } catch (const std::exception&) {
    return "'" + values.front() + "' is not " +
           (option.type == OptionType::boolean ? "true or false"
            : option.type == OptionType::integer ? "a whole number"
                                                 : "a number");
  }
  return "";
}
}  // namespace

std::string read_declared_options(const OptionSpec* specs, std::uint32_t count, std::vector<DeclaredOption>& out) {
  out.clear();
  if (count && !specs) return "declares options but gives none";
  for (std::uint32_t i = 0; i < count; ++i) {
    const OptionSpec& s = specs[i];
    if (!valid_option_name(s.name)) return "declares an option with an invalid name (must match [a-z][a-z0-9_]*)";
    if (std::string_view(to_string(s.type)) == "unknown")
      return "declares option '" + std::string(s.name) + "' with an unknown type";
    for (const auto& o : out)
      if (o.name == s.name) return "declares option '" + o.name + "' twice";
    out.push_back({s.name, s.type, s.default_value ? s.default_value : "", s.help ? s.help : ""});
  }
  return "";
}

std::string closest_name(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t fewest = std::numeric_limits<std::size_t>::max();
  for (const auto& c : candidates) {
    const std::size_t n = edits(word, c);
    if (n < fewest) fewest = n, best = c;
  }
  return fewest <= 2 && 2 * fewest < std::max<std::size_t>(word.size(), 1) ? best : "";
}

std::vector<std::string> option_problems(PluginKind kind, const std::string& name,
                                         const std::vector<DeclaredOption>& declared, const Options& given) {
  const std::string who = std::string(to_string(kind)) + " '" + name + "'";
  std::vector<std::string> problems, names;
  for (const auto& d : declared) names.push_back(d.name);
  for (const auto& entry : given.all()) {
    const std::string& key = entry.first;  // a name, not a binding: lambdas capture it (clang 14)
    const auto it = std::find_if(declared.begin(), declared.end(), [&](const auto& d) { return d.name == key; });
    if (it == declared.end()) {
      std::string line = who + ": unknown option '" + key + "'";
      if (const std::string near = closest_name(key, names); !near.empty())
        line += " (did you mean '" + near + "'?)";
      else if (names.empty())
        line += " (it takes no options)";
      else {
        line += " (it takes: ";
        for (std::size_t i = 0; i < names.size(); ++i) line += (i ? ", " : "") + names[i];
        line += ")";
      }
      problems.push_back(line + "; see `dossier plugins info " + name + "`");
    } else if (const std::string why = type_problem(*it, given); !why.empty()) {
      problems.push_back(who + ": option '" + key + "': " + why);
    }
  }
  return problems;
}

}  // namespace dossier::host
