// The `dossier plugins` commands (commands_plugins.hpp).
#include "commands_plugins.hpp"

#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "dossier/version.hpp"
#include "logging.hpp"
#include "pipeline.hpp"

namespace dossier::host {

// `plugins list` and `plugins info` read what each library declares from its file: no
// plugin code runs (PluginLibrary::describe). What a library declares and its file's name
// are printed through printable(), as the log does.
int plugins_list(const GlobalOptions& g, bool json) {
  PluginRegistry registry = load_registry(g, !json, PluginRegistry::Mode::describe);
  if (json) {
    nlohmann::ordered_json out = {{"plugins", nlohmann::ordered_json::array()},
                                  {"problems", nlohmann::ordered_json::array()}};
    for (const auto& p : registry.plugins()) {
      const auto& i = p->info();
      nlohmann::ordered_json options = nlohmann::ordered_json::array();
      for (const auto& o : i.options)
        options.push_back(
            {{"name", o.name}, {"type", to_string(o.type)}, {"default", o.default_value}, {"help", o.help}});
      out["plugins"].push_back({{"name", i.name},
                                {"kind", to_string(i.kind)},
                                {"version", i.version},
                                {"description", i.description},
                                {"file", i.file.string()},
                                {"needs", i.needs},
                                {"default_file", i.default_file},
                                {"options", std::move(options)}});
    }
    for (const auto& p : registry.problems())
      out["problems"].push_back({{"file", p.file.string()}, {"message", p.message}});
    std::cout << out.dump(2) << "\n";
    return exit_ok;
  }
  if (registry.plugins().empty()) {
    std::cout << "no plugins found (searched: ";
    bool first = true;
    for (const auto& d : PluginRegistry::search_path({g.plugin_paths.begin(), g.plugin_paths.end()}))
      std::cout << (first ? "" : ", ") << printable(d.string()), first = false;
    std::cout << ")\n";
    return exit_ok;
  }
  std::size_t w_name = 4, w_version = 7;
  for (const auto& p : registry.plugins()) {
    w_name = std::max(w_name, printable(p->info().name).size());
    w_version = std::max(w_version, printable(p->info().version).size());
  }
  auto pad = [](const std::string& s, std::size_t w) { return s + std::string(w - std::min(w, s.size()) + 2, ' '); };
  std::cout << pad("NAME", w_name) << pad("KIND", 8) << pad("VERSION", w_version) << "FILE\n";
  for (const auto& p : registry.plugins()) {
    const auto& i = p->info();
    std::cout << pad(printable(i.name), w_name) << pad(to_string(i.kind), 8) << pad(printable(i.version), w_version)
              << printable(i.file.string()) << "\n";
  }
  return exit_ok;
}

int plugins_info(const GlobalOptions& g, const std::string& name) {
  PluginRegistry registry = load_registry(g, true, PluginRegistry::Mode::describe);
  // Names are unique per kind, so "pdf" may be both a reader and an exporter: show each.
  bool found = false;
  for (const auto& p : registry.plugins()) {
    const auto& i = p->info();
    if (i.name != name) continue;
    if (found) std::cout << "\n";
    found = true;
    std::cout << "name:        " << printable(i.name) << "\n"
              << "kind:        " << to_string(i.kind) << "\n"
              << "version:     " << printable(i.version) << "\n"
              << "description: " << printable(i.description) << "\n"
              << "file:        " << printable(i.file.string()) << "\n";
    if (i.kind == PluginKind::exporter) std::cout << "writes:      " << printable(i.default_file) << " (by default)\n";
    if (!i.needs.empty()) {
      std::cout << "needs:      ";
      for (const auto& n : i.needs) std::cout << " " << printable(n);
      std::cout << " (analyzers; run with their defaults when a build does not)\n";
    }
    if (i.options.empty()) std::cout << "options:     none\n";
    else std::cout << "options:\n";
    for (const auto& o : i.options) {
      std::cout << "  " << printable(o.name) << " (" << to_string(o.type);
      if (!o.default_value.empty()) std::cout << ", default " << printable(o.default_value);
      std::cout << ")" << (o.help.empty() ? "" : ": " + printable(o.help)) << "\n";
    }
  }
  if (!found) {
    spdlog::error("no plugin named '{}' (see `dossier plugins list`)", name);
    return exit_config;
  }
  return exit_ok;
}

int plugins_check(const std::string& file) {
  PluginProblem problem;
  auto p = PluginLibrary::load(file, &problem);
  if (!p) {
    spdlog::error("{}", problem.one_line());
    return exit_plugin_invalid;
  }
  // A descriptor can be right while the factory is not: make one object to be sure.
  try {
    switch (p->info().kind) {
      case PluginKind::reader: p->make_reader(); break;
      case PluginKind::analyzer: p->make_analyzer(); break;
      case PluginKind::exporter: p->make_exporter(); break;
    }
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return exit_plugin_invalid;
  }
  const auto& i = p->info();
  std::cout << "ok: " << printable(file) << ": " << to_string(i.kind) << " '" << printable(i.name) << "' version "
            << printable(i.version)
            << ", plugin ABI " << DOSSIER_ABI_VERSION << "\n";
  return exit_ok;
}

}  // namespace dossier::host
