#include "plugin_registry.hpp"

#include "plugin_manifest.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include <boost/dll/import.hpp>
#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>
#include <boost/version.hpp>

#include <algorithm>
#include <cstring>
#include <regex>
#include <stdexcept>

namespace dossier::host {

namespace fs = std::filesystem;

namespace {

// Boost renamed import to import_symbol in 1.76; this is the one place that knows.
template <class Signature>
auto import_entry(const boost::dll::shared_library& lib, const char* name) {
#if BOOST_VERSION >= 107600
  return boost::dll::import_symbol<Signature>(lib, name);
#else
  return boost::dll::import<Signature>(lib, name);
#endif
}

bool valid_name(const char* name) {
  static const std::regex pattern("[a-z][a-z0-9_]*");
  return name && std::strlen(name) <= 64 && std::regex_match(name, pattern);
}

bool valid_kind(PluginKind kind) {
  return kind == PluginKind::reader || kind == PluginKind::analyzer ||
         kind == PluginKind::exporter;
}

// What to tell the user when a library does not load because it was built against another
// SDK: it needs another SDK library (the soname carries the ABI version), or symbols of
// another ABI namespace (dossier::abi_vN). Empty when the reason is something else.
std::string rebuild_hint() {
  return "; this host is plugin ABI " + std::to_string(DOSSIER_ABI_VERSION) + " (libdossier_sdk.so." +
         std::to_string(DOSSIER_ABI_VERSION) + "): rebuild the plugin against the SDK this host was built with (Dossier " +
         DOSSIER_VERSION_STRING + ")";
}

std::string other_sdk(const std::string& reason) {
  static const std::regex soname(R"((libdossier_sdk\.so[.0-9]*): cannot open shared object file)");
  // A mangled name spells the namespace with its length first: "6abi_v4" is abi_v4.
  static const std::regex abi_namespace(R"(undefined symbol: _Z\w*?7dossier(\d)abi_v(\d+))");
  std::smatch m;
  if (std::regex_search(reason, m, abi_namespace) && std::stoul(m[1].str()) > 5)
    return "built against the SDK headers of plugin ABI " + m[2].str().substr(0, std::stoul(m[1].str()) - 5) +
           rebuild_hint();
  if (std::regex_search(reason, m, soname))
    return "built against another release of the SDK (it needs " + m[1].str() + ")" + rebuild_hint();
  return "";
}

// Boost wraps dlerror() as "...load() failed (dlerror system message: FILE: WHY): errno text";
// keep only WHY, which is what the user can act on.
std::string load_failure_reason(const std::string& message, const fs::path& file) {
  static const std::string marker = "dlerror system message: ";
  std::string reason = message;
  if (auto at = message.find(marker); at != std::string::npos) {
    reason = message.substr(at + marker.size());
    if (auto close = reason.rfind("):"); close != std::string::npos) reason.resize(close);
  }
  const std::string prefix = file.string() + ": ";
  for (std::size_t at; (at = reason.find(prefix)) != std::string::npos;) reason.erase(at, prefix.size());
  return reason;
}

}  // namespace

std::string PluginProblem::one_line() const {
  return "plugin " + file.string() + ": " + message;
}

namespace {
bool untrusted_allowed = false;

std::string octal_mode(mode_t mode) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%04o", static_cast<unsigned>(mode & 07777));
  return buffer;
}

// Like osquery: code that anyone but its owner could have replaced is not loaded. The file
// and its folder must be owned by root or by this user and not writable by others, nor by a
// group other than this user's own; a world-writable folder is accepted only with the sticky
// bit (like /tmp), where no one can replace another's file.
std::string trust_problem(const fs::path& file) {
  std::error_code ec;
  const fs::path real = fs::canonical(file, ec);
  if (ec) return "";
  const uid_t me = ::geteuid();
  auto check = [&](const fs::path& path, bool folder) -> std::string {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return "";
    const std::string what = folder ? "its folder " + path.string() : std::string("the file");
    if (st.st_uid != 0 && st.st_uid != me)
      return what + " belongs to user id " + std::to_string(st.st_uid) + ", neither root nor you";
    const bool others = (st.st_mode & S_IWOTH) && !(folder && (st.st_mode & S_ISVTX));
    const bool group = (st.st_mode & S_IWGRP) && st.st_gid != ::getegid() && !(folder && (st.st_mode & S_ISVTX));
    if (others || group)
      return what + " is writable by other users (mode " + octal_mode(st.st_mode) + "; chmod go-w it)";
    return "";
  };
  std::string problem = check(real, false);
  if (problem.empty()) problem = check(real.parent_path(), true);
  return problem;
}
}  // namespace

void PluginLibrary::allow_untrusted(bool allow) { untrusted_allowed = allow; }

namespace {
// What is wrong with `file` before it is read at all: not there, not a file, not trusted.
std::string file_problem(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return "no such file";
  if (!fs::is_regular_file(file, ec)) return "not a regular file";
  if (!untrusted_allowed) {
    const char* env = std::getenv("DOSSIER_ALLOW_UNTRUSTED_PLUGINS");
    if (!(env && std::string(env) == "1")) {
      const std::string why = trust_problem(file);
      if (!why.empty())
        return "refused: " + why + "; to load it anyway, pass --allow-untrusted-plugins or set "
               "DOSSIER_ALLOW_UNTRUSTED_PLUGINS=1";
    }
  }
  return "";
}

std::string abi_problem(std::uint32_t abi_version) {
  if (abi_version == DOSSIER_ABI_VERSION) return "";
  return "built for plugin ABI version " + std::to_string(abi_version) + ", this host supports version " +
         std::to_string(DOSSIER_ABI_VERSION) + " (rebuild the plugin against this SDK)";
}

std::string layout_problem(std::uint64_t layout) {
  if (layout == layout_fingerprint()) return "";
  char prints[64];
  std::snprintf(prints, sizeof prints, "%016llx, this host's %016llx", static_cast<unsigned long long>(layout),
                static_cast<unsigned long long>(layout_fingerprint()));
  return std::string("refused: built against SDK headers in which the model's layout differs (fingerprint ") +
         prints + ")" + rebuild_hint();
}

// The facts the descriptor and the manifest share, checked alike; fills `info` when valid.
std::string identity_problem(PluginKind kind, const char* name, const char* version, const char* description,
                             const char* default_file, PluginInfo& info) {
  if (!valid_kind(kind)) return "unknown plugin kind " + std::to_string(static_cast<std::uint32_t>(kind));
  if (!valid_name(name)) return "invalid plugin name (must match [a-z][a-z0-9_]*)";
  if (!version || !*version) return "descriptor has no version";
  if (kind == PluginKind::exporter && (!default_file || !*default_file)) return "an exporter that declares no default file";
  info.name = name;
  info.kind = kind;
  info.version = version;
  info.description = description ? description : "";
  info.default_file = default_file && kind == PluginKind::exporter ? default_file : "";
  return "";
}

std::string needs_problem(std::uint32_t count, const char* const* needs, PluginInfo& info) {
  if (count && !needs) return "descriptor declares needs but gives none";
  for (std::uint32_t i = 0; i < count; ++i) {
    if (!valid_name(needs[i])) return "descriptor needs an analyzer with an invalid name";
    info.needs.emplace_back(needs[i]);
  }
  return "";
}
}  // namespace

std::shared_ptr<PluginLibrary> PluginLibrary::load(const fs::path& file, PluginProblem* problem) {
  auto fail = [&](std::string message) -> std::shared_ptr<PluginLibrary> {
    if (problem) *problem = PluginProblem{file, std::move(message)};
    return nullptr;
  };
  if (std::string why = file_problem(file); !why.empty()) return fail(why);

  boost::dll::shared_library lib;
  try {
    // rtld_now: unresolved symbols fail here, with a message, instead of crashing later.
    lib.load(boost::dll::fs::path(file.string()),
             boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    const std::string reason = load_failure_reason(e.what(), file);
    if (const std::string other = other_sdk(reason); !other.empty()) return fail("refused: " + other);
    return fail("not a loadable shared library (" + reason + ")");
  }
  if (!lib.has(DOSSIER_PLUGIN_ENTRY)) {
    if (lib.has("dossier_plugin"))  // the Boost.DLL alias of ABI 4 and before
      return fail("refused: built against the SDK of plugin ABI 4 or earlier (its entry point is the alias "
                  "'dossier_plugin')" + rebuild_hint());
    return fail("no Dossier entry point: the library does not export '" DOSSIER_PLUGIN_ENTRY
                "' (declare the plugin with DOSSIER_PLUGIN)");
  }

  auto plugin = std::shared_ptr<PluginLibrary>(new PluginLibrary());
  plugin->entry_ = import_entry<PluginEntryPoint>(lib, DOSSIER_PLUGIN_ENTRY);
  lib.unload();  // the entry keeps its own reference

  const PluginDescriptor* d = nullptr;
  try {
    d = plugin->entry_();
  } catch (const std::exception& e) {
    return fail(std::string("entry point threw: ") + e.what());
  } catch (...) {
    return fail("entry point threw an unknown exception");
  }
  if (!d) return fail("entry point returned no descriptor");
  // Only these two fields may be read before they are checked.
  if (std::string why = abi_problem(d->abi_version); !why.empty()) return fail(why);
  if (d->struct_size != sizeof(PluginDescriptor))
    return fail("descriptor size is " + std::to_string(d->struct_size) + " bytes, expected " +
                std::to_string(sizeof(PluginDescriptor)) +
                " for ABI version " + std::to_string(DOSSIER_ABI_VERSION) +
                " (mismatched SDK headers)");
  if (std::string why = layout_problem(d->layout); !why.empty()) return fail(why);
  if (std::string why = identity_problem(d->kind, d->name, d->version, d->description, d->default_file, plugin->info_);
      !why.empty())
    return fail(why);
  if (!d->create) return fail("descriptor has no factory");
  if (std::string why = read_declared_options(d->options, d->option_count, plugin->info_.options); !why.empty())
    return fail("descriptor " + why);
  if (std::string why = needs_problem(d->need_count, d->needs, plugin->info_); !why.empty()) return fail(why);
  plugin->descriptor_ = d;
  plugin->info_.file = file;
  return plugin;
}

std::shared_ptr<PluginLibrary> PluginLibrary::describe(const fs::path& file, PluginProblem* problem) {
  auto fail = [&](std::string message) -> std::shared_ptr<PluginLibrary> {
    if (problem) *problem = PluginProblem{file, std::move(message)};
    return nullptr;
  };
  if (std::string why = file_problem(file); !why.empty()) return fail(why);
  std::optional<std::string> text;
  PluginManifest m;
  try {
    text = read_manifest_section(file);
    if (!text) return load(file, problem);  // no manifest here: the descriptor is the only source
    m = parse_manifest(*text);
  } catch (const std::exception& e) {
    return fail(std::string("its .dossier_plugin section cannot be read: ") + e.what());
  }
  if (std::string why = abi_problem(m.abi_version); !why.empty()) return fail(why);
  if (std::string why = layout_problem(m.layout); !why.empty()) return fail(why);
  auto plugin = std::shared_ptr<PluginLibrary>(new PluginLibrary());
  if (std::string why = identity_problem(static_cast<PluginKind>(m.kind), m.name.c_str(), m.version.c_str(),
                                         m.description.c_str(), m.default_file.c_str(), plugin->info_);
      !why.empty())
    return fail(why);
  std::vector<OptionSpec> specs;
  for (const auto& o : m.options) specs.push_back({o.name.c_str(), o.type, o.default_value.c_str(), o.help.c_str()});
  if (std::string why = read_declared_options(specs.data(), static_cast<std::uint32_t>(specs.size()), plugin->info_.options);
      !why.empty())
    return fail("descriptor " + why);
  std::vector<const char*> needs;
  for (const auto& n : m.needs) needs.push_back(n.c_str());
  if (std::string why = needs_problem(static_cast<std::uint32_t>(needs.size()), needs.data(), plugin->info_); !why.empty())
    return fail(why);
  plugin->info_.file = file;
  return plugin;
}

std::shared_ptr<Plugin> PluginLibrary::create() const {
  const std::string where = "plugin " + info_.file.string() + ": ";
  if (!descriptor_) throw std::logic_error(where + "described from its file, not loaded: it makes no objects");
  Plugin* raw = nullptr;
  try {
    raw = descriptor_->create();
  } catch (const std::exception& e) {
    throw std::runtime_error(where + "factory threw: " + e.what());
  } catch (...) {
    throw std::runtime_error(where + "factory threw an unknown exception");
  }
  if (!raw) throw std::runtime_error(where + "factory returned no object");
  // The deleter holds the library: the object is destroyed before the code is unloaded.
  auto keep_loaded = entry_;
  return std::shared_ptr<Plugin>(raw, [keep_loaded](Plugin* p) { delete p; });
}

namespace {
template <class T>
std::shared_ptr<T> make_as(const std::shared_ptr<Plugin>& object, const PluginInfo& info, const char* wanted) {
  auto typed = std::dynamic_pointer_cast<T>(object);
  if (!typed)
    throw std::runtime_error("plugin " + info.file.string() + ": its factory made an object that is not " +
                             wanted + " (descriptor says " + to_string(info.kind) + ")");
  return typed;
}
}  // namespace

std::shared_ptr<Reader> PluginLibrary::make_reader() const {
  return make_as<Reader>(create(), info_, "a reader");
}
std::shared_ptr<Analyzer> PluginLibrary::make_analyzer() const {
  return make_as<Analyzer>(create(), info_, "an analyzer");
}
std::shared_ptr<Exporter> PluginLibrary::make_exporter() const {
  return make_as<Exporter>(create(), info_, "an exporter");
}

fs::path PluginRegistry::builtin_dir() {
  const fs::path exe = boost::dll::program_location().string();
  return (exe.parent_path() / DOSSIER_BIN_TO_PLUGINS).lexically_normal();
}

std::vector<fs::path> PluginRegistry::search_path(const std::vector<fs::path>& extra_dirs,
                                                  bool include_builtin) {
  std::vector<fs::path> dirs = extra_dirs;
  if (const char* env = std::getenv("DOSSIER_PLUGIN_PATH")) {
    std::string value = env;
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t colon = value.find(':', start);
      const std::string part = value.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (!part.empty()) dirs.emplace_back(part);
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  if (include_builtin) dirs.push_back(builtin_dir());
  return dirs;
}

std::vector<fs::path> PluginRegistry::candidates(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind("dossier-", 0) == 0 && name.size() > 3 && name.compare(name.size() - 3, 3, ".so") == 0)
      files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void PluginRegistry::discover(const std::vector<fs::path>& dirs) {
  for (const auto& dir : dirs) {
    // A folder named twice in the search path is searched once.
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(dir, ec);
    if (std::find(searched_.begin(), searched_.end(), canonical) != searched_.end()) continue;
    searched_.push_back(canonical);
    for (const auto& file : candidates(dir)) add(file);
  }
}

bool PluginRegistry::add(const fs::path& file) {
  PluginProblem problem;
  auto plugin = mode_ == Mode::describe ? PluginLibrary::describe(file, &problem) : PluginLibrary::load(file, &problem);
  if (!plugin) {
    problems_.push_back(std::move(problem));
    return false;
  }
  if (auto earlier = find(plugin->info().name, plugin->info().kind)) {
    // Same file reached twice through the search path is not a problem.
    std::error_code ec;
    if (!fs::equivalent(earlier->info().file, file, ec))
      problems_.push_back({file, std::string(to_string(plugin->info().kind)) + " name '" + plugin->info().name +
                                     "' is already taken by " +
                                     earlier->info().file.string() + " (earlier in the search path); ignored"});
    return false;
  }
  plugins_.push_back(std::move(plugin));
  return true;
}

std::shared_ptr<PluginLibrary> PluginRegistry::find(const std::string& name,
                                                    std::optional<PluginKind> kind) const {
  for (const auto& p : plugins_)
    if (p->info().name == name && (!kind || p->info().kind == *kind)) return p;
  return nullptr;
}

std::vector<std::shared_ptr<PluginLibrary>> PluginRegistry::of_kind(PluginKind kind) const {
  std::vector<std::shared_ptr<PluginLibrary>> out;
  for (const auto& p : plugins_)
    if (p->info().kind == kind) out.push_back(p);
  return out;
}

}  // namespace dossier::host
