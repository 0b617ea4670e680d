// Annotations as bytes: how the store caches an analysis and how an analyzer running in a
// child process hands its results back. Compact and quick (no parsing of text); not a file
// format for users (that is corpus.json).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/model.hpp"

namespace dossier::host {

/// Appends the annotations to `out`.
void encode_annotations(const std::vector<Annotation>& annotations, std::string& out);

/// Reads annotations encoded by encode_annotations from the front of `in`, which is advanced
/// past them. Throws std::runtime_error when the bytes are truncated or malformed.
std::vector<Annotation> decode_annotations(std::string_view& in);

/// The pieces of the same encoding, for messages built around annotations.
void encode_u64(std::uint64_t value, std::string& out);
void encode_string(std::string_view text, std::string& out);
std::uint64_t decode_u64(std::string_view& in);      ///< throws std::runtime_error when truncated
std::string decode_string(std::string_view& in);     ///< throws std::runtime_error when truncated

}  // namespace dossier::host
