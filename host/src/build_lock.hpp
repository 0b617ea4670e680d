// One build at a time per output folder: a second `dossier build` of the same job exits at
// once instead of interleaving its temporary files and store writes with the first.
#pragma once

#include <filesystem>
#include <string>

namespace dossier::host {

/// An exclusive advisory lock (flock) on OUTPUT/.dossier/lock, held for the object's
/// lifetime. The kernel drops it when the process ends in any way (kill -9 included), so a
/// killed build never leaves a stale lock behind. The file records the holder's pid and start
/// time for the message the next build prints.
class BuildLock {
 public:
  /// Takes the lock without waiting. On failure `error` says why (held by another build, or
  /// the folder cannot be created) and held() is false.
  /// `name`: "lock" for a build; each shard of a sharded build has its own ("lock-shard-2-of-4").
  explicit BuildLock(const std::filesystem::path& output_dir, const std::string& name = "lock");
  ~BuildLock();
  BuildLock(const BuildLock&) = delete;
  BuildLock& operator=(const BuildLock&) = delete;

  bool held() const { return fd_ >= 0; }
  /// True when another process holds the lock (as opposed to an I/O problem).
  bool busy() const { return busy_; }
  const std::string& error() const { return error_; }

  static std::filesystem::path file_for(const std::filesystem::path& output_dir, const std::string& name = "lock");

 private:
  int fd_ = -1;
  bool busy_ = false;
  std::string error_;
};

}  // namespace dossier::host
