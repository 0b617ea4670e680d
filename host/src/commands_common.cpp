// Loading what the commands share (commands_common.hpp).
#include "commands_common.hpp"

#include <filesystem>

#include <spdlog/spdlog.h>

namespace dossier::host {

namespace fs = std::filesystem;

PluginRegistry load_registry(const GlobalOptions& g, bool report_problems, PluginRegistry::Mode mode) {
  std::vector<fs::path> extra(g.plugin_paths.begin(), g.plugin_paths.end());
  PluginRegistry registry(mode);
  for (const auto& dir : PluginRegistry::search_path(extra)) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      spdlog::debug("plugin folder {} does not exist", dir.string());
      continue;
    }
    spdlog::debug("looking for plugins in {}", dir.string());
    registry.discover({dir});
  }
  if (report_problems)
    for (const auto& p : registry.problems()) spdlog::warn("{}", p.one_line());
  return registry;
}

bool load_catalogue(const std::string& file, std::optional<Catalogue>& out) {
  if (file.empty()) return true;
  try {
    out = Catalogue::load(file);
    return true;
  } catch (const ConfigError& e) {
    spdlog::error("{}", e.what());
    return false;
  }
}

}  // namespace dossier::host
