// Reading Akoma Ntoso 3.0 XML (the UN's AKN4UN profile) into the document model.
#pragma once

#include <string>
#include <string_view>

#include <dossier/model.hpp>

namespace dossier::akn_reader {

/// The Akoma Ntoso 3.0 namespace, the only one this reader accepts.
inline constexpr std::string_view akn_namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// Whether the root element of `content` is `akomaNtoso` in the Akoma Ntoso 3.0 namespace.
/// Looks only at the prolog and the root's start tag in the first 64 KiB; parses nothing else.
bool is_akoma_ntoso(std::string_view content) noexcept;

/// Builds a Document from Akoma Ntoso XML. `path` names the source in ids and messages.
/// Throws std::runtime_error for malformed XML (with pugixml's description and the byte
/// offset) and for XML that is not Akoma Ntoso 3.0; what it reads but cannot place goes to
/// Document::diagnostics.
Document parse_akoma_ntoso(std::string_view content, const std::string& path);

}  // namespace dossier::akn_reader
