// Atomic outputs: nothing an exporter writes replaces an earlier file until it is complete.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// One file an exporter is writing. Content goes to a temporary file in the target folder
/// (so the final rename never crosses file systems); the sink renames it into place when
/// the exporter has finished without error.
class DOSSIER_SDK_API OutputFile {
 public:
  OutputFile(std::string name, std::filesystem::path target, std::filesystem::path temp);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  /// Name relative to the output folder ("corpus.json", "briefs/sdg-10.pdf").
  const std::string& name() const { return name_; }
  const std::filesystem::path& target_path() const { return target_; }
  /// For libraries that write by file name (libxlsxwriter, libharu): write here.
  const std::filesystem::path& temp_path() const { return temp_; }
  /// A binary stream onto temp_path(), opened on first use.
  std::ostream& stream();

 private:
  friend class OutputSink;
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
class DOSSIER_SDK_API OutputSink {
 public:
  explicit OutputSink(std::filesystem::path directory);
  ~OutputSink();  ///< discards whatever was not committed
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;

  const std::filesystem::path& directory() const { return directory_; }

  /// Starts a new output. `name` is relative to the output folder; absolute names, ".."
  /// and names created twice are refused with std::invalid_argument.
  OutputFile& create(std::string_view name);

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
  /// With adopt(), lets a host prepare outputs in one process and commit them in another.
  std::vector<const OutputFile*> pending() const;
  /// Takes over a temporary file that another sink for the same folder prepared (the host runs
  /// exporters in a child process, and commits their outputs itself): `name` as given to
  /// create(), `temp_path` that sink's OutputFile::temp_path(). From then on it is this sink's:
  /// commit() renames it into place, discard() removes it. Refused with std::invalid_argument
  /// like create(), and when `temp_path` is not a temporary file of that output (beside its
  /// target, named as create() names them).
  OutputFile& adopt(std::string_view name, const std::filesystem::path& temp_path);

  const std::vector<WrittenFile>& written() const { return written_; }

 private:
  std::filesystem::path directory_;
  std::vector<std::unique_ptr<OutputFile>> files_;
  std::vector<WrittenFile> written_;
  bool prepared_ = false;  // last, so that the members before keep their offsets
};

/// Writes `content` to `path` atomically (temporary file, fsync, rename, fsync folder).
DOSSIER_SDK_API void write_file_atomically(const std::filesystem::path& path,
                                           std::string_view content);

/// Lowercase hex SHA-256 of bytes, and of a file's content.
DOSSIER_SDK_API std::string sha256_hex(std::string_view bytes);
DOSSIER_SDK_API std::string sha256_file(const std::filesystem::path& path);

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
