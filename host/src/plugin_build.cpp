#include "plugin_build.hpp"

#include <dlfcn.h>

#include <exception>
#include <map>
#include <mutex>

#include "dossier/domain/digest.hpp"

namespace dossier::host {

std::string file_digest(const std::filesystem::path& file) {
  try {
    return sha256_file(file);
  } catch (const std::exception&) {
    return "?";
  }
}

// The domain library is the one sha256_file lives in.
const std::string& domain_digest() {
  static const std::string digest = [] {
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&sha256_file), &info) && info.dli_fname) return file_digest(info.dli_fname);
    return std::string("?");
  }();
  return digest;
}

std::string build_version(const PluginInfo& info) {
  // Asked once per source file, from several threads: each library is read once.
  static std::mutex mutex;
  static std::map<std::string, std::string> known;
  const std::string key = info.file.string() + '\n' + info.version;
  std::lock_guard<std::mutex> guard(mutex);
  auto it = known.find(key);
  if (it == known.end())
    it = known.emplace(key, info.version + "+" + sha256_hex(file_digest(info.file) + "\n" + domain_digest()).substr(0, 12))
             .first;
  return it->second;
}

}  // namespace dossier::host
