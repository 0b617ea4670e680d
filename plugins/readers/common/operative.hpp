// The operative paragraphs of a resolution or decision: each opens with a verb in the
// present tense ("Requests", "Calls upon", "Prie", "Exhorta") and, for the verbs that ask
// someone to act, names whom it asks before what ("Requests the Secretary-General to ...").
// These are what delegations act on and track, so readers make them recommendations.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <dossier/model.hpp>

namespace dossier::readers {

/// An operative paragraph's verb and whom it addresses.
struct OperativeClause {
  std::string verb;       ///< as printed, adverbs included: "Also requests", "Demande instamment"
  std::string addressee;  ///< normalised ("Secretary-General", "States", "IOM"); empty when none
};

/// Whether `verb` (the words a publisher marks as the operative verb: "Also requests") reads
/// as one: a few capitalised words, no digits, not a preambular participle ("Recalling",
/// "Rappelant", "Recordando").
bool operative_verb_like(std::string_view verb, std::string_view language);

/// Whom the clause addresses, when its verb asks someone to act: `rest` is the text after
/// the verb ("the Secretary-General to submit ..." -> "Secretary-General"; "aux États de ..."
/// -> "States"). English, French and Spanish; empty for other languages, for verbs that do
/// not address anyone ("Decides", "Welcomes") and when no actor is named.
std::string operative_addressee(std::string_view verb, std::string_view rest, std::string_view language);

/// Reads the operative verb at the start of `text` (a paragraph without its number) for
/// readers that have no markup to go on: UN operative verbs in English, French and Spanish,
/// with their adverbs ("Also strongly urges", "Prie également", "Alienta además").
std::optional<OperativeClause> operative_clause(std::string_view text, std::string_view language);

/// Who a recommendation written as a statement addresses: the actor before its modal verb
/// in its first sentence ("Governments should ...", "The GFMD could ...", "To address ...,
/// governments can establish ...", "Interested governments, with the assistance of ...,
/// should:"). English, French ("devraient", "doivent") and Spanish ("deberían"); empty when
/// the sentence's subject is no actor ("Effective data collection should ...") or there is no
/// modal (an imperative: "Adopt ...").
std::string subject_addressee(std::string_view text, std::string_view language);

/// Recommendations in the imperative ("Adopt ...", "Ensure ...") name nobody: they address
/// whom the document addresses. When the recommendations that do name an actor mostly name
/// one (two at least, half of them), the others take it; else, when the document describes
/// its forum as led by States ("state-led", "government-led": the GFMD), they take
/// "Governments". Operative paragraphs and UPR recommendations are left as they are (a
/// resolution's "Decides" addresses nobody). Adds an info diagnostic
/// `recommendations.addressee_inferred` saying how many and on what evidence; returns how many.
std::size_t infer_implied_addressees(Document& doc);

/// The text of the block at `index` followed by its points, the list items right after it,
/// each after its marker: what an operative paragraph says, "(a) ..." included.
std::string text_with_points(const Document& doc, std::size_t index);

/// For readers of plain text and PDF: when most of the document's numbered paragraphs
/// (three at least) open with an operative verb, it is a resolution or decision and each of
/// them becomes a recommendation of kind "operative_paragraph", its points included. Returns
/// how many were added; a document whose numbered paragraphs read otherwise gets none.
std::size_t add_operative_paragraphs(Document& doc);

/// The UN's usual names for the actors its resolutions address, in English so that one
/// filter finds them in every language: "the United Nations Secretary General",
/// "le Secrétaire général" -> "Secretary-General"; "all Member States" -> "Member States";
/// an organisation the reference tables know by its acronym ("IOM").
std::string canonical_actor(std::string name);

}  // namespace dossier::readers
