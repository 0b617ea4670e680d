// Finding, validating and instantiating plugin libraries (Boost.DLL).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dossier/plugin.hpp"
#include "plugin_options.hpp"

namespace dossier::host {

/// What a valid plugin library says about itself, and where it is.
struct PluginInfo {
  std::string name;
  PluginKind kind = PluginKind::reader;
  std::string version;
  std::string description;
  std::filesystem::path file;
  std::vector<DeclaredOption> options;  ///< what it declares it reads
  std::vector<std::string> needs;       ///< analyzers it declares it needs (exporters)
  std::string default_file;             ///< exporters: the file written when none is named
};

/// A plugin library that could not be used: the file and one line saying why.
struct PluginProblem {
  std::filesystem::path file;
  std::string message;
  std::string one_line() const;  ///< "plugin <file>: <message>"
};

/// A loaded, validated plugin library. Objects it creates keep the library loaded until
/// they are destroyed, so no object outlives the code of its class.
class PluginLibrary {
 public:
  const PluginInfo& info() const { return info_; }

  /// Calls the plugin's factory. Throws std::runtime_error with a one-line message naming
  /// the file if the factory throws, returns null or returns the wrong kind of object.
  std::shared_ptr<Reader> make_reader() const;
  std::shared_ptr<Analyzer> make_analyzer() const;
  std::shared_ptr<Exporter> make_exporter() const;

  /// Loads and validates one library: ABI version and descriptor size first, then the
  /// rest of the descriptor. Returns the problem instead when it is not a usable plugin.
  /// A library that others could have replaced is refused (the file or its folder owned
  /// by someone other than root or this user, or writable by other users), unless allowed
  /// here (--allow-untrusted-plugins) or by DOSSIER_ALLOW_UNTRUSTED_PLUGINS=1.
  static std::shared_ptr<PluginLibrary> load(const std::filesystem::path& file,
                                             PluginProblem* problem);
  /// What `file` declares, read from its `.dossier_plugin` section without loading it (no
  /// code of the plugin runs), checked as load() checks the descriptor. Such a library makes
  /// no objects (make_* throw). A file without the section (another platform, an earlier
  /// ABI) is loaded instead.
  static std::shared_ptr<PluginLibrary> describe(const std::filesystem::path& file,
                                                 PluginProblem* problem);
  static void allow_untrusted(bool allow);

 private:
  std::shared_ptr<Plugin> create() const;
  PluginInfo info_;
  std::function<PluginEntryPoint> entry_;  // holds the library loaded
  const PluginDescriptor* descriptor_ = nullptr;
};

/// Every plugin found in a search path, in search order; the first of a name wins.
class PluginRegistry {
 public:
  /// `load`: every library loaded and checked, ready to make objects (builds, `plugins check`).
  /// `describe`: read from the files only (PluginLibrary::describe), for `plugins list/info`.
  enum class Mode { load, describe };
  explicit PluginRegistry(Mode mode = Mode::load) : mode_(mode) {}

  /// The folder that holds the built-in plugins: ../lib/dossier/plugins next to the
  /// running executable (in the build tree and in an install prefix alike).
  static std::filesystem::path builtin_dir();
  /// --plugin-path folders first, then DOSSIER_PLUGIN_PATH (colon-separated), then the
  /// built-in folder.
  static std::vector<std::filesystem::path> search_path(
      const std::vector<std::filesystem::path>& extra_dirs, bool include_builtin = true);
  /// Files in `dir` that look like plugins (dossier-*.so), sorted by name.
  static std::vector<std::filesystem::path> candidates(const std::filesystem::path& dir);

  void discover(const std::vector<std::filesystem::path>& dirs);
  /// Adds one library; returns false (and records the problem) if it is not usable.
  bool add(const std::filesystem::path& file);

  const std::vector<std::shared_ptr<PluginLibrary>>& plugins() const { return plugins_; }
  const std::vector<PluginProblem>& problems() const { return problems_; }
  /// The plugin called `name`; with `kind`, only one of that kind. Names are unique per kind
  /// (a reader and an exporter may both be called "pdf"); without `kind` the first is returned.
  std::shared_ptr<PluginLibrary> find(const std::string& name,
                                      std::optional<PluginKind> kind = std::nullopt) const;
  std::vector<std::shared_ptr<PluginLibrary>> of_kind(PluginKind kind) const;

 private:
  Mode mode_;
  std::vector<std::shared_ptr<PluginLibrary>> plugins_;
  std::vector<PluginProblem> problems_;
  std::vector<std::filesystem::path> searched_;
};

}  // namespace dossier::host
