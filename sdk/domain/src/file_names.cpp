#include "dossier/domain/file_names.hpp"

#include "dossier/domain/citation.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

namespace {

// Where the extension of the last path component starts, or npos.
std::size_t extension_at(std::string_view file) {
  const std::size_t slash = file.rfind('/'), dot = file.rfind('.');
  return dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash) ? dot
                                                                                          : std::string_view::npos;
}

}  // namespace

std::string file_name_from(std::string_view pattern, std::string_view file, std::string_view default_file,
                           const std::map<std::string, std::string, std::less<>>& values) {
  const std::size_t dot = extension_at(file), default_dot = extension_at(default_file);
  const std::string_view stem = file.substr(0, dot);
  const std::string_view ext = dot != std::string_view::npos           ? file.substr(dot)
                               : default_dot != std::string_view::npos ? default_file.substr(default_dot)
                                                                       : std::string_view();
  std::string name;
  for (std::size_t at = 0; at < pattern.size();) {
    const std::size_t open = pattern.find('{', at), close = pattern.find('}', open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
      name += pattern.substr(at);
      break;
    }
    name += pattern.substr(at, open - at);
    const std::string_view slot = pattern.substr(open + 1, close - open - 1);
    if (slot == "stem") {
      name += stem;
    } else if (slot == "ext") {
      name += ext;
    } else if (slot.size() > 1 && slot[0] == '-') {
      const auto value = values.find(slot.substr(1));
      // "*" stands for values only the run knows (every State under review, say): the dry
      // run shows it as it is, so the name reads as a pattern.
      if (value != values.end() && !value->second.empty())
        name += "-" + (value->second == "*" ? std::string("*") : slugify(value->second));
    } else {
      name += pattern.substr(open, close - open + 1);
    }
    at = close + 1;
  }
  return name;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
