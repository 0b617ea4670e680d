// Why a file could not be written, said the same way by the host and every exporter: the
// file's name, and "the disk is full" when it is, whichever library met the failure.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

#include "dossier/sink.hpp"
#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// True for an errno value that means no room is left: ENOSPC, or EDQUOT (a quota).
DOSSIER_SDK_API bool is_disk_full(int error) noexcept;

/// True when the file system holding `path` (or its nearest existing folder) has no block
/// left for this user.
DOSSIER_SDK_API bool no_space_left(const std::filesystem::path& path) noexcept;

/// "could not write NAME: the disk is full (No space left on device)" when `error` (an
/// errno value read right after the failure, 0 if unknown) says so, or when the file system
/// holding `where` has no space left; otherwise "could not write NAME: <strerror(error)>",
/// or "could not write NAME" for 0.
DOSSIER_SDK_API std::string write_error(std::string_view name, int error, const std::filesystem::path& where = {});

/// `file`'s stream; a failure to create it becomes a std::runtime_error saying write_error().
DOSSIER_SDK_API std::ostream& output_stream(OutputFile& file);

/// Flushes `file`'s stream and throws std::runtime_error saying write_error() if any write
/// to it failed. Call it once the exporter has written everything.
DOSSIER_SDK_API void finish_output(OutputFile& file);

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
