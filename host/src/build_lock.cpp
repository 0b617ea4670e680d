#include "build_lock.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <string>
#include <system_error>

#include <dossier/domain/write_errors.hpp>

#include "logging.hpp"

namespace fs = std::filesystem;

namespace dossier::host {

fs::path BuildLock::file_for(const fs::path& output_dir, const std::string& name) {
  return output_dir / ".dossier" / name;
}

BuildLock::BuildLock(const fs::path& output_dir, const std::string& name) {
  const fs::path file = file_for(output_dir, name);
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec) {
    error_ = is_disk_full(ec.value()) ? write_error(file.parent_path().string(), ec.value())
                                      : "cannot create " + file.parent_path().string() + ": " + ec.message();
    return;
  }
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    const int err = errno;
    error_ = is_disk_full(err) ? write_error(file.string(), err) : "cannot open " + file.string() + ": " + std::strerror(err);
    return;
  }
  // A POSIX record lock, not flock(): the child processes a build forks share its open files,
  // and an flock would live on in a child that outlives a killed build by a few milliseconds
  // (until its death signal lands), refusing the next build. Record locks are the process's
  // own: they end with it, and no child inherits them.
  struct flock whole {};
  whole.l_type = F_WRLCK;
  whole.l_whence = SEEK_SET;
  if (::fcntl(fd, F_SETLK, &whole) != 0) {
    const int err = errno;
    if (err == EAGAIN || err == EACCES) {
      busy_ = true;
      char holder[128] = {};
      const ssize_t n = ::pread(fd, holder, sizeof holder - 1, 0);
      std::string who = n > 0 ? std::string(holder, static_cast<std::size_t>(n)) : std::string();
      while (!who.empty() && (who.back() == '\n' || who.back() == ' ')) who.pop_back();
      error_ = "another build is writing to " + output_dir.string() + (who.empty() ? "" : " (" + who + ")") +
               "; try again when it has finished";
    } else {
      error_ = "cannot lock " + file.string() + ": " + std::strerror(err);
    }
    ::close(fd);
    return;
  }
  fd_ = fd;
  // Who holds it, for the message another build prints (best effort), in local time: the
  // other build runs on the same machine.
  const std::string who = "pid " + std::to_string(::getpid()) + ", started " + local_time_text(std::time(nullptr));
  if (::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, who.data(), who.size(), 0) < 0) {
    // Nothing to do: the lock itself is what matters.
  }
}

BuildLock::~BuildLock() {
  if (fd_ >= 0) ::close(fd_);  // closing drops the lock
}

}  // namespace dossier::host
