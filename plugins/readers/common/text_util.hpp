// Small text helpers shared by the readers' front ends and the structure parser.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier::readers {

/// `s` without leading and trailing white space.
std::string trim(std::string_view s);

/// `s` with its ASCII letters in lower case.
std::string ascii_lower(std::string_view s);

/// Whether `s` ends a sentence or clause: . ; : ! ? ) or a closing quote. Empty counts as ended.
bool ends_sentence(std::string_view s);

/// Whether the first letter of `s`, after opening quotes, brackets and dashes, is lower case
/// ("“irregular employers” are..." runs on a sentence; "Governments..." may not).
bool starts_lower(std::string_view s);

/// Share of upper-case letters among the ASCII letters of `s` (0 when it has none).
double upper_share(std::string_view s);

/// Words separated by white space.
std::size_t word_count(std::string_view s);

/// A short line without closing punctuation, or one in capitals, reads as a heading.
bool heading_like(const std::string& text);

/// Removes superscript numbers from `text` and adds them to `labels` (footnote anchors).
std::string take_superscripts(const std::string& text, std::vector<std::string>& labels);

/// A line that begins with superscript digits is a footnote body: "¹ Alexander Betts...".
bool footnote_line(const std::string& line, std::string& label, std::string& text);

/// The language of `text` among the six UN languages, as BCP 47 ("en", "fr", "es", "ru", "ar",
/// "zh"): by script for Arabic, Cyrillic and Chinese, else by the commonest short words of
/// English, French and Spanish. "en" when nothing tells.
std::string detect_language(std::string_view text);

/// Whether `s` starts with an upper-case letter, ASCII or Latin-1 ("É", "Ö").
bool starts_upper(std::string_view s);

/// The first UN document symbol in `text` ("A/HRC/43/15"), or "".
std::string find_symbol(const std::string& text);

/// The first date printed in English in `head` as ISO 8601 ("5 August 2013" -> "2013-08-05"),
/// or "".
std::string find_date(const std::string& head);

}  // namespace dossier::readers
