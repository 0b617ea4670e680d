// Files an analyzer option names (a vocabulary, a model), each loaded once per path and kept
// for the plugin's life. analyze() runs on several threads at once, so the first call for a
// path must not race another: loading happens under a lock, and a loaded object never moves
// or goes away while a thread may still read it.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace dossier::analyzers {

template <class T>
class LoadedFiles {
 public:
  /// The object for `path`, made by `load(path)` the first time; a load that throws is
  /// tried again on the next call.
  template <class Load>
  const T& get(const std::string& path, Load&& load) {
    std::lock_guard<std::mutex> guard(mutex_);
    auto& slot = loaded_[path];
    if (!slot) slot = std::make_unique<const T>(load(path));
    return *slot;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<const T>> loaded_;
};

}  // namespace dossier::analyzers
