#include "dossier/domain/write_errors.hpp"

#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

bool is_disk_full(int error) noexcept { return error == ENOSPC || error == EDQUOT; }

bool no_space_left(const std::filesystem::path& path) noexcept {
  // The file may be gone already (a temporary file discarded): ask its folder instead.
  std::filesystem::path at = path;
  struct statvfs fs {};
  while (::statvfs(at.c_str(), &fs) != 0) {
    if (!at.has_relative_path() || at.parent_path() == at) return false;
    at = at.parent_path();
  }
  return fs.f_bavail == 0;
}

std::string write_error(std::string_view name, int error, const std::filesystem::path& where) {
  std::string message = "could not write " + std::string(name);
  if (is_disk_full(error)) return message + ": the disk is full (" + std::strerror(error) + ")";
  // errno may have been overwritten since the failing write (libraries go on after it): the
  // file system says whether it is full.
  if (!where.empty() && no_space_left(where))
    return message + ": the disk is full" + (error ? " (" + std::string(std::strerror(error)) + ")" : "");
  return error ? message + ": " + std::strerror(error) : message;
}

std::ostream& output_stream(OutputFile& file) {
  try {
    return file.stream();
  } catch (const std::system_error& e) {
    throw std::runtime_error(write_error(file.name(), e.code().value(), file.temp_path()));
  }
}

void finish_output(OutputFile& file) {
  std::ostream& os = file.stream();
  if (os) os.flush();
  if (!os) throw std::runtime_error(write_error(file.name(), errno, file.temp_path()));
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
