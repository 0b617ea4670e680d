// What a UN document's cover says about it: the body and session it was issued for, the
// agenda item, and for a UPR report the State under review.
#pragma once

#include <string>
#include <string_view>

#include <dossier/model.hpp>

namespace dossier::readers {

/// "Forty-third" -> 43, "Eighth" -> 8, "sixty-eighth" -> 68; 0 for anything else.
int english_ordinal(std::string_view word);

/// Reads the first lines of a document (`head`, lines as printed) and adds what its cover
/// states to `doc`: metadata "session" (its number, "43"; from an English cover, else from a
/// General Assembly or Human Rights Council symbol), "agenda_item" ("6", "69 (b)"),
/// "state_under_review" (UPR reports), and `body` ("Human Rights Council") when empty.
void read_cover(std::string_view head, Document& doc);

/// `s` without the note markers and spaces that end it ("Review*", "Brazil \u2217", "\u2020").
void drop_trailing_note_markers(std::string& s);

/// The value of metadata `key` in `doc`, or "".
std::string metadata_value(const Document& doc, std::string_view key);

}  // namespace dossier::readers
