#include "atomic_sink.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <set>
#include <stdexcept>
#include <system_error>

#include <dossier/domain/digest.hpp>
#include <dossier/domain/write_errors.hpp>

namespace dossier::host {

namespace fs = std::filesystem;

namespace {

std::atomic<unsigned> temp_counter{0};

// Temporary files sit beside their target (same file system, so rename is atomic) and are
// hidden, with the pid in the name so that stale ones from a killed build are recognisable.
fs::path temp_path_for(const fs::path& target) {
  return target.parent_path() / ("." + target.filename().string() + ".dossier-tmp-" +
                                 std::to_string(::getpid()) + "-" +
                                 std::to_string(temp_counter.fetch_add(1)));
}

fs::path checked_relative(std::string_view name) {
  const fs::path rel(name);
  if (name.empty() || rel.is_absolute() || rel.has_root_name())
    throw std::invalid_argument("output name '" + std::string(name) + "' must be a relative path");
  for (const auto& part : rel)
    if (part == "..")
      throw std::invalid_argument("output name '" + std::string(name) + "' must not contain '..'");
  if (!rel.has_filename() || rel.filename() == ".")
    throw std::invalid_argument("output name '" + std::string(name) + "' names no file");
  return rel.lexically_normal();
}

}  // namespace

void fsync_path(const fs::path& path, bool directory) {
  const int fd = ::open(path.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "open " + path.string());
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  // Some file systems refuse fsync on folders; the rename has happened all the same.
  if (rc != 0 && !(directory && (err == EINVAL || err == EROFS)))
    throw std::system_error(err, std::generic_category(), "fsync " + path.string());
}

AtomicFile::AtomicFile(std::string name, fs::path target, fs::path temp)
    : name_(std::move(name)), target_(std::move(target)), temp_(std::move(temp)) {}

AtomicFile::~AtomicFile() = default;

std::ostream& AtomicFile::stream() {
  if (!stream_) {
    stream_ = std::make_unique<std::ofstream>(temp_, std::ios::binary | std::ios::trunc);
    if (!*stream_)
      throw std::system_error(errno, std::generic_category(), "create " + temp_.string());
  }
  return *stream_;
}

AtomicSink::AtomicSink(fs::path directory) : directory_(std::move(directory)) {}

AtomicSink::~AtomicSink() { discard(); }

namespace {
// Throws std::invalid_argument when `folder` (inside `root` by name) resolves, through
// symbolic links, to a place outside `root`. DOSSIER_ALLOW_OUTSIDE_OUTPUT=1 allows it.
void check_inside(const fs::path& root, const fs::path& folder, const std::string& name) {
  if (const char* allow = std::getenv("DOSSIER_ALLOW_OUTSIDE_OUTPUT"); allow && std::string(allow) == "1") return;
  std::error_code ec;
  const fs::path real_root = fs::weakly_canonical(root, ec);
  if (ec) return;
  const fs::path real = fs::weakly_canonical(folder, ec);
  if (ec) return;
  auto r = real_root.begin();
  auto f = real.begin();
  for (; r != real_root.end(); ++r, ++f)
    if (f == real.end() || *r != *f)
      throw std::invalid_argument("output '" + name + "' would be written outside the output folder " +
                                  root.string() + " (to " + real.string() +
                                  ", through a symbolic link); set DOSSIER_ALLOW_OUTSIDE_OUTPUT=1 to allow it");
}

// The checks create() and adopt() share: not after prepare(), a safe relative name, not twice.
fs::path new_output_name(std::string_view name, const std::vector<std::unique_ptr<AtomicFile>>& files, bool prepared,
                         const char* verb) {
  if (prepared)
    throw std::logic_error("output '" + std::string(name) + "' " + verb + " after the outputs were prepared");
  const fs::path rel = checked_relative(name);
  for (const auto& f : files)
    if (f->name() == rel.generic_string())
      throw std::invalid_argument("output '" + rel.generic_string() + "' created twice");
  return rel;
}
}  // namespace

AtomicFile& AtomicSink::create(std::string_view name) {
  const fs::path rel = new_output_name(name, files_, prepared_, "created");
  const fs::path target = directory_ / rel;
  // Checked before creating anything: a folder of the output that is a symbolic link
  // leading elsewhere (out/briefs -> /etc) would have us write outside the output folder.
  check_inside(directory_, target.parent_path(), rel.generic_string());
  fs::create_directories(target.parent_path());
  files_.push_back(std::make_unique<AtomicFile>(rel.generic_string(), target, temp_path_for(target)));
  return *files_.back();
}

std::vector<const AtomicFile*> AtomicSink::pending() const {
  std::vector<const AtomicFile*> out;
  for (const auto& f : files_) out.push_back(f.get());
  return out;
}

AtomicFile& AtomicSink::adopt(std::string_view name, const fs::path& temp_path) {
  const fs::path rel = new_output_name(name, files_, prepared_, "adopted");
  const fs::path target = directory_ / rel;
  // Only a temporary file named as create() names them: discard() deletes it, so it must not
  // be able to name any other file of the folder.
  const std::string prefix = "." + target.filename().string() + ".dossier-tmp-";
  if (temp_path.parent_path() != target.parent_path() || temp_path.filename().string().rfind(prefix, 0) != 0)
    throw std::invalid_argument("'" + temp_path.string() + "' is not a temporary file of output '" +
                                rel.generic_string() + "'");
  files_.push_back(std::make_unique<AtomicFile>(rel.generic_string(), target, temp_path));
  return *files_.back();
}

void AtomicSink::prepare() {
  if (prepared_) return;
  try {
    for (auto& f : files_) {
      if (f->stream_) {
        errno = 0;
        f->stream_->flush();
        const bool ok = static_cast<bool>(*f->stream_);
        f->stream_->close();
        if (!ok || f->stream_->fail()) throw std::runtime_error(write_error(f->name(), errno, f->temp_));
      }
      if (!fs::exists(f->temp_))
        throw std::runtime_error("output " + f->name() + " was created but never written");
      try {
        fsync_path(f->temp_, false);
      } catch (const std::system_error& e) {
        throw std::runtime_error(write_error(f->name(), e.code().value(), f->temp_));
      }
    }
  } catch (...) {
    discard();
    throw;
  }
  prepared_ = true;
}

void AtomicSink::commit() {
  prepare();
  try {
    // Everything is on disk: now replace the targets, each one atomically.
    std::set<fs::path> folders;
    for (auto& f : files_) {
      fs::rename(f->temp_, f->target_);
      folders.insert(f->target_.parent_path());
      WrittenFile w;
      w.name = f->name();
      w.path = f->target_;
      w.bytes = fs::file_size(f->target_);
      w.sha256 = sha256_file(f->target_);
      written_.push_back(std::move(w));
    }
    for (const auto& folder : folders) fsync_path(folder, true);
  } catch (...) {
    discard();
    throw;
  }
  files_.clear();
}

void AtomicSink::discard() noexcept {
  for (auto& f : files_) {
    if (f->stream_) f->stream_->close();
    std::error_code ec;
    fs::remove(f->temp_, ec);
  }
  files_.clear();
}

void write_file_atomically(const fs::path& path, std::string_view content) {
  AtomicSink sink(path.parent_path().empty() ? fs::path(".") : path.parent_path());
  AtomicFile& f = sink.create(path.filename().string());
  f.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  sink.commit();
}

}  // namespace dossier::host
