// Atomic outputs: nothing an exporter writes replaces an earlier file until it is complete.
// The host's implementation of the SDK's OutputSink (plugins see only that).
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <dossier/sink.hpp>

namespace dossier::host {

/// One output being written: content goes to a temporary file beside its target (so the
/// final rename never crosses file systems).
class AtomicFile final : public OutputFile {
 public:
  AtomicFile(std::string name, std::filesystem::path target, std::filesystem::path temp);
  ~AtomicFile() override;

  const std::string& name() const override { return name_; }
  const std::filesystem::path& temp_path() const override { return temp_; }
  std::ostream& stream() override;
  const std::filesystem::path& target_path() const { return target_; }

 private:
  friend class AtomicSink;
  std::string name_;
  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::unique_ptr<std::ofstream> stream_;
};

/// What landed: name, size and sha256 of each committed output.
struct WrittenFile {
  std::string name;
  std::filesystem::path path;
  std::uintmax_t bytes = 0;
  std::string sha256;
};

/// The outputs of one exporter run. The host creates it, passes it to Exporter::write and
/// commits it only if write returns; otherwise (exception, failure) every temporary file is
/// removed and earlier outputs stay byte-for-byte as they were.
class AtomicSink final : public OutputSink {
 public:
  explicit AtomicSink(std::filesystem::path directory);
  ~AtomicSink() override;  ///< discards whatever was not committed
  AtomicSink(const AtomicSink&) = delete;
  AtomicSink& operator=(const AtomicSink&) = delete;

  const std::filesystem::path& directory() const override { return directory_; }
  /// Also refuses an output whose folder leads, through a symbolic link, out of the output
  /// folder (unless DOSSIER_ALLOW_OUTSIDE_OUTPUT=1).
  AtomicFile& create(std::string_view name) override;

  /// Flushes and fsyncs every file without replacing anything yet, so that a build can
  /// finish all its outputs before it puts any of them in place. Throws like commit(), after
  /// removing every temporary file.
  void prepare();
  /// Prepares (if not done yet) and renames every file into place, then fsyncs the folders.
  /// Throws std::system_error (e.g. disk full) after removing what it had not renamed yet.
  void commit();
  /// Removes every temporary file not yet committed.
  void discard() noexcept;

  /// The files created (or adopted) and not yet committed or discarded, in creation order.
  /// With adopt(), lets the host prepare outputs in one process and commit them in another.
  std::vector<const AtomicFile*> pending() const;
  /// Takes over a temporary file that another sink for the same folder prepared (an exporter
  /// run in a child process): `name` as given to create(), `temp_path` that sink's
  /// temp_path(). From then on it is this sink's: commit() renames it into place, discard()
  /// removes it. Refused with std::invalid_argument like create(), and when `temp_path` is
  /// not a temporary file of that output (beside its target, named as create() names them).
  AtomicFile& adopt(std::string_view name, const std::filesystem::path& temp_path);

  const std::vector<WrittenFile>& written() const { return written_; }

 private:
  std::filesystem::path directory_;
  std::vector<std::unique_ptr<AtomicFile>> files_;
  std::vector<WrittenFile> written_;
  bool prepared_ = false;
};

/// Flushes `path` (a file, or a folder's entries) to disk; throws std::system_error. Some file
/// systems refuse fsync on folders, which is not an error.
void fsync_path(const std::filesystem::path& path, bool directory);

/// Writes `content` to `path` atomically (temporary file, fsync, rename, fsync folder).
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace dossier::host
