// Text made safe for the site: HTML escaping (every piece of document text goes through it),
// JavaScript string literals for the search index, paragraph anchors and text direction.
#pragma once

#include <string>
#include <string_view>

#include <dossier/model.hpp>

namespace dossier::html {

/// Appends `text` to `out` escaped for HTML text and for attribute values in double or single
/// quotes: & < > " ' become entities; C0 controls other than tab, line feed and carriage
/// return, DEL, C1 controls and noncharacters (which HTML forbids) become a space; bytes that
/// are not UTF-8 become U+FFFD.
void escape(std::string& out, std::string_view text);
std::string escaped(std::string_view text);

/// Appends `text` as a JavaScript (and JSON) string literal in double quotes that is also safe
/// inside a <script> element: '<', '>', '&', U+2028 and U+2029 as \u escapes.
void js_string(std::string& out, std::string_view text);

/// The fragment id of a block of `document` on its page (docs/exporters/html.md): a numbered
/// paragraph "para-127" ("para-121.1", "para-4.a"); an unnumbered block "s-2.1-3" (its section
/// path and ordinal), "b-3" before any section. Characters other than ASCII letters, digits,
/// '.', '-' and '_' become '_'. Empty when the address is not one of the document's.
std::string anchor_of(const Document& document, std::string_view address);

/// Whether text in `language` runs right to left: Arabic, Hebrew, Persian, Urdu, ...
bool right_to_left(std::string_view language);

/// ` lang="ar" dir="rtl"` for `language` (nothing when it is empty).
std::string lang_attributes(std::string_view language);

}  // namespace dossier::html
