#include "requests.hpp"

#include <algorithm>

#include "plugin_options.hpp"

namespace dossier::host {

std::vector<std::string> validate_requests(const RunSpec& spec, const PluginRegistry& registry) {
  std::vector<std::string> problems;
  auto check = [&](const PluginRequest& r, PluginKind kind) {
    auto p = registry.find(r.plugin, kind);
    if (!p) p = registry.find(r.plugin);
    if (!p) {
      // A library named for it that was refused says why better than "unknown" does.
      const std::string file_name = "dossier-" + std::string(to_string(kind)) + "-" + r.plugin + ".so";
      for (const auto& problem : registry.problems())
        if (problem.file.filename() == file_name) {
          problems.push_back(std::string(to_string(kind)) + " '" + r.plugin + "' cannot be used: " + problem.one_line());
          return;
        }
      std::string known;
      for (const auto& q : registry.of_kind(kind)) known += (known.empty() ? "" : ", ") + q->info().name;
      problems.push_back("unknown " + std::string(to_string(kind)) + " '" + r.plugin + "' (available: " +
                         (known.empty() ? "none" : known) + "; see `dossier plugins list`)");
    } else if (p->info().kind != kind) {
      auto with_article = [](PluginKind k) {
        return std::string(k == PluginKind::reader ? "a " : "an ") + to_string(k);
      };
      problems.push_back("plugin '" + r.plugin + "' is " + with_article(p->info().kind) + ", not " +
                         with_article(kind));
    } else {
      for (auto& line : option_problems(kind, r.plugin, p->info().options, r.options))
        problems.push_back(std::move(line));
    }
  };
  for (const auto& a : spec.analyzers) check(a, PluginKind::analyzer);
  for (const auto& e : spec.exporters) check(e, PluginKind::exporter);
  if (spec.exporters.empty()) problems.push_back("nothing to export: name at least one exporter");
  return problems;
}

std::vector<std::string> add_needed_analyzers(RunSpec& spec, const PluginRegistry& registry) {
  std::vector<std::string> added;
  for (std::size_t e = 0; e < spec.exporters.size(); ++e) {
    const auto exporter = registry.find(spec.exporters[e].plugin, PluginKind::exporter);
    if (!exporter) continue;
    for (const auto& need : exporter->info().needs) {
      const bool runs = std::any_of(spec.analyzers.begin(), spec.analyzers.end(),
                                    [&](const PluginRequest& a) { return a.plugin == need; });
      if (runs) continue;
      PluginRequest request;
      request.plugin = need;
      spec.analyzers.push_back(std::move(request));
      added.push_back("exporter '" + exporter->info().name + "' needs analyzer '" + need +
                      "', which the build does not run: running it with its defaults");
    }
  }
  return added;
}

}  // namespace dossier::host
