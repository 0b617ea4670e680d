// Where an exporter writes: files it creates by name in the output folder. The host's sink
// makes them atomic (nothing replaces an earlier output until the whole build has finished
// without error); a plugin sees only this.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// One file an exporter is writing.
class DOSSIER_SDK_API OutputFile {
 public:
  virtual ~OutputFile();
  /// Name relative to the output folder ("corpus.json", "briefs/sdg-10.pdf").
  virtual const std::string& name() const = 0;
  /// For libraries that write by file name (libxlsxwriter, libharu): write here, not to the
  /// output's final place.
  virtual const std::filesystem::path& temp_path() const = 0;
  /// A binary stream onto temp_path(), opened on first use.
  virtual std::ostream& stream() = 0;
};

/// The outputs of one exporter run.
class DOSSIER_SDK_API OutputSink {
 public:
  virtual ~OutputSink();
  /// The output folder.
  virtual const std::filesystem::path& directory() const = 0;
  /// Starts a new output. `name` is relative to the output folder; absolute names, ".."
  /// and names created twice are refused with std::invalid_argument.
  virtual OutputFile& create(std::string_view name) = 0;
};

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
