#include "job.hpp"

#include <chrono>
#include <cstdint>
#include <set>
#include <sstream>

#include <toml++/toml.h>

#include "toml_file.hpp"

namespace dossier::host {

namespace fs = std::filesystem;

namespace {

class JobReader : public TomlFile {
 public:
  using TomlFile::TomlFile;

  // Option values keep the text a user would write; arrays become list options.
  std::string scalar_text(const toml::node& node, const std::string& key) const {
    if (auto s = node.as_string()) return **s;
    if (auto i = node.as_integer()) return std::to_string(**i);
    if (auto f = node.as_floating_point()) {
      std::ostringstream out;
      out.precision(15);  // 0.1234567 stays 0.1234567
      out << **f;
      return out.str();
    }
    if (auto b = node.as_boolean()) return **b ? "true" : "false";
    fail(&node, "option '" + key + "' must be a string, number, boolean or an array of those");
  }

  // Time limits are whole seconds (docs/jobs.md); `least` is 0 where zero means no limit.
  std::chrono::seconds seconds(const toml::node& node, const std::string& key, std::int64_t least) const {
    const auto* value = node.as_integer();
    if (!value || **value < least || **value > 1000000000)
      fail(&node, "'" + key + "' must be a whole number of seconds from " + std::to_string(least) +
                      " to 1000000000");
    return std::chrono::seconds(**value);
  }

  PluginRequest plugin_request(const toml::node& node, const char* section, bool is_export) const {
    const toml::table* table = node.as_table();
    if (!table) fail(&node, std::string("each [[") + section + "]] entry must be a table");
    PluginRequest request;
    const toml::node* plugin = table->get("plugin");
    if (!plugin) fail(&node, std::string("[[") + section + "]] entry needs 'plugin = \"NAME\"'");
    if (!plugin->is_string()) fail(plugin, "'plugin' must be a string");
    request.plugin = **plugin->as_string();
    for (const auto& [k, value] : *table) {
      const std::string key(k.str());
      if (key == "plugin") continue;
      if (key == "time_limit") {
        request.time_limit = seconds(value, key, 1);
        continue;
      }
      if (key == "file" && is_export) {
        if (!value.is_string()) fail(&value, "'file' must be a string");
        request.file = **value.as_string();
        continue;
      }
      if (auto array = value.as_array()) {
        std::vector<std::string> values;
        for (const auto& item : *array) values.push_back(scalar_text(item, key));
        request.options.set_list(key, std::move(values));
      } else {
        request.options.set(key, scalar_text(value, key));
      }
    }
    return request;
  }

  bool flag(const toml::table& root, const char* key) const {
    const toml::node* node = root.get(key);
    if (!node) return false;
    const auto b = node->as_boolean();
    if (!b) fail(node, std::string("'") + key + "' must be true or false");
    return **b;
  }

  std::vector<PluginRequest> plugin_list(const toml::table& root, const char* section, bool is_export) const {
    std::vector<PluginRequest> out;
    const toml::node* node = root.get(section);
    if (!node) return out;
    const toml::array* array = node->as_array();
    if (!array) fail(node, std::string("'") + section + "' must be written as [[" + section + "]] tables");
    for (const auto& item : *array) out.push_back(plugin_request(item, section, is_export));
    return out;
  }

  // The job's name: an identifier, never a path, since it names the default output folder
  // out/NAME and appears in every log line about the job.
  std::string job_name(const toml::table& root) const {
    const std::string name = string_at(root, "name", file().stem().string());
    if (valid_job_name(name)) return name;
    const std::string rule = " is not a job name: use at most " + std::to_string(max_job_name_length) +
                             " letters, digits, '.', '_' and '-', starting with a letter or digit (the name is "
                             "the default output folder out/NAME; put other folders in 'output')";
    if (const toml::node* given = root.get("name")) fail(given, "'" + name + "'" + rule);
    fail(nullptr, "the file's name '" + name + "'" + rule + "; give the job a name with name = \"...\"");
  }

  Job read() const {
    toml::table root = parse();
    only_keys(root, {"name", "language", "sources", "catalogue", "output", "cache", "threads", "plugin_time_limit",
                     "plugin_memory_limit",
                     "strict", "follow_symlinks", "prune", "analyze", "export"},
              "the job file");

    Job job;
    job.name = job_name(root);
    job.spec.build.job_name = job.name;
    job.spec.keep_history = true;
    job.spec.build.language = string_at(root, "language", "en");

    const toml::node* sources = root.get("sources");
    if (!sources) fail(nullptr, "missing 'sources = [\"folder\", \"file\", \"*.txt\"]'");
    if (auto s = sources->as_string()) {
      job.spec.sources.push_back(resolve(**s).string());
    } else if (auto array = sources->as_array()) {
      for (const auto& item : *array) {
        if (!item.is_string()) fail(&item, "every entry of 'sources' must be a string");
        job.spec.sources.push_back(resolve(**item.as_string()).string());
      }
    } else {
      fail(sources, "'sources' must be a string or an array of strings");
    }
    if (job.spec.sources.empty()) fail(sources, "'sources' is empty");

    const std::string output = string_at(root, "output", "");
    job.spec.output_dir = output.empty() ? fs::path("out") / job.name : resolve(output);
    const std::string catalogue = string_at(root, "catalogue", "");
    if (!catalogue.empty()) {
      job.spec.catalogue = resolve(catalogue);
      std::error_code ec;
      if (!fs::is_regular_file(job.spec.catalogue, ec))
        fail(root.get("catalogue"), "catalogue " + job.spec.catalogue.string() + " does not exist");
    }
    const std::string cache = string_at(root, "cache", "");
    if (!cache.empty()) job.spec.cache_file = resolve(cache);
    if (const toml::node* threads = root.get("threads")) {
      const auto n = threads->as_integer();
      if (!n || **n < 0 || **n > 1024) fail(threads, "'threads' must be a whole number from 0 (every core) to 1024");
      job.spec.threads = static_cast<unsigned>(**n);
    }
    job.spec.strict = flag(root, "strict");
    job.spec.follow_symlinks = flag(root, "follow_symlinks");
    job.spec.prune = flag(root, "prune");
    if (const toml::node* limit = root.get("plugin_time_limit"))
      job.spec.plugin_time_limit = seconds(*limit, "plugin_time_limit", 0);  // 0: none
    if (const toml::node* limit = root.get("plugin_memory_limit")) {
      const auto mib = limit->as_integer();
      if (!mib || **mib < 0 || **mib > max_plugin_memory_limit_mib)
        fail(limit, "'plugin_memory_limit' must be a whole number of MiB from 0 (no limit) to " +
                        std::to_string(max_plugin_memory_limit_mib));
      job.spec.plugin_memory_limit = static_cast<std::uint64_t>(**mib);
    }
    job.spec.analyzers = plugin_list(root, "analyze", false);
    job.spec.exporters = plugin_list(root, "export", true);
    if (job.spec.exporters.empty()) fail(nullptr, "no [[export]] table: name at least one exporter");
    return job;
  }

};

}  // namespace

bool valid_job_name(std::string_view name) {
  const auto ok = [](char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (!first && (c == '.' || c == '_' || c == '-'));
  };
  if (name.empty() || name.size() > max_job_name_length) return false;
  for (std::size_t i = 0; i < name.size(); ++i)
    if (!ok(name[i], i == 0)) return false;
  return true;
}

Job load_job(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) throw JobError(file.string() + ": no such job file");
  try {
    return JobReader(file).read();
  } catch (const ConfigError& e) {
    throw JobError(e.what());
  }
}

PluginRequest parse_export_argument(const std::string& argument) {
  PluginRequest request;
  const auto colon = argument.find(':');
  request.plugin = argument.substr(0, colon);
  if (colon != std::string::npos) request.file = argument.substr(colon + 1);
  return request;
}

}  // namespace dossier::host
