// SHA-256 digests: how the host names inputs, cache entries and outputs by content.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// Lowercase hex SHA-256 of bytes, and of a file's content (throws std::system_error when
/// the file cannot be read).
DOSSIER_SDK_API std::string sha256_hex(std::string_view bytes);
DOSSIER_SDK_API std::string sha256_file(const std::filesystem::path& path);

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
