// Damaged text made safe once, where it enters the model: every exporter (XML, JSON, xlsx)
// needs valid UTF-8, and a reader should not have to guess what the others tolerate.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "dossier/model.hpp"
#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// What repair_text changed.
struct TextRepairs {
  std::size_t invalid_utf8 = 0;  ///< bytes that were not UTF-8 (each became U+FFFD)
  std::size_t nul_bytes = 0;     ///< NUL bytes dropped
  std::size_t controls = 0;      ///< other control characters made spaces (with `controls`)
  bool any() const noexcept { return invalid_utf8 + nul_bytes + controls > 0; }
  TextRepairs& operator+=(const TextRepairs& o) noexcept {
    invalid_utf8 += o.invalid_utf8;
    nul_bytes += o.nul_bytes;
    controls += o.controls;
    return *this;
  }
};

/// Makes `text` valid UTF-8 in place: each byte that is not part of a well-formed sequence
/// (stray continuation bytes, truncated or overlong sequences, surrogates, beyond U+10FFFF)
/// becomes U+FFFD, NUL bytes are dropped, and with `controls` every other C0 control but
/// tab, line feed and carriage return becomes a space (a reader's input keeps its form
/// feeds: page breaks). Copies nothing when the text is already clean.
DOSSIER_SDK_API TextRepairs repair_text(std::string& text, bool controls = false);

/// repair_text (with `controls`) on every string of a document that an exporter may write.
DOSSIER_SDK_API TextRepairs repair_document_text(Document& doc);

/// Diagnostics that say a document's text was altered to be read at all (repaired bytes,
/// lines split) start with this; `dossier run --strict` fails on them.
inline constexpr std::string_view altered_prefix = "input altered: ";

/// The warning for `repairs` ("input altered: 3 bytes of invalid UTF-8 replaced by U+FFFD,
/// 2 NUL bytes dropped"), or an empty message when nothing was repaired.
DOSSIER_SDK_API Diagnostic repair_diagnostic(const TextRepairs& repairs);

/// Whether `d` is one of those diagnostics (a warning whose message has altered_prefix).
DOSSIER_SDK_API bool is_alteration(const Diagnostic& d) noexcept;

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
