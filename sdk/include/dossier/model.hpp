// The document model: what readers build, analyzers annotate and exporters write.
//
// Plain value types with no behaviour beyond small helpers, like pandoc's AST. Everything a
// user can cite carries an address (paragraph_address(), block_address()) that never depends
// on line numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// Address of a numbered paragraph: "A/68/283 ¶135", "A/HRC/43/15 ¶121.1".
DOSSIER_SDK_API std::string paragraph_address(std::string_view document_id,
                                              std::string_view number);

/// Address of an unnumbered block: its section path and its 1-based ordinal among the
/// unnumbered blocks printed under that same section path: "gfmd-2010 §2.1 #3", or
/// "gfmd-2010 #3" before any section.
DOSSIER_SDK_API std::string block_address(std::string_view document_id,
                                          std::string_view section_path, std::size_t ordinal);

/// Lines of the source a piece came from (1-based, inclusive; 0 when unknown).
struct SourceSpan {
  std::uint32_t first_line = 0;
  std::uint32_t last_line = 0;
};

/// One node of a document's section tree. Sections are stored flat in document order;
/// `parent` indexes Document::sections (-1 for top level).
struct Section {
  std::string label;  ///< printed label: "IV", "B", "1.", "(a)", "RT Session 1.1"; may be empty
  std::string title;  ///< heading text without the label
  std::string kind;   ///< "chapter", "section", "annex", "cluster", ... ; free text
  int level = 1;      ///< 1 = top level
  int parent = -1;
};

enum class BlockKind {
  numbered_paragraph,  ///< a paragraph with a printed number ("135.")
  text,                ///< an unnumbered paragraph
  list_item,           ///< a bullet or lettered item; `marker` holds the printed marker
  heading,             ///< a heading that is kept in the flow of blocks
  table,               ///< a table; `cells` holds its rows
  footnote_body,       ///< text of a footnote kept in the flow (e.g. endnotes)
};

/// Name used in JSON and on the command line ("numbered_paragraph", ...).
DOSSIER_SDK_API std::string_view to_string(BlockKind kind) noexcept;
/// Inverse of to_string(BlockKind); returns false for an unknown name.
DOSSIER_SDK_API bool parse_block_kind(std::string_view name, BlockKind& out) noexcept;

/// A paragraph-level piece of text: numbered paragraph, list item, table...
struct Block {
  std::string address;  ///< citation: "A/68/283 ¶135" or "<doc> §IV.B #3"
  std::string number;   ///< printed number without punctuation ("135", "121.1"); may be empty
  BlockKind kind = BlockKind::text;
  int section = -1;     ///< index into Document::sections, -1 before the first section
  std::string marker;   ///< printed list marker ("•", "(a)") for list items
  std::string text;     ///< clean text, joined across page breaks, furniture removed
  std::vector<std::string> footnote_refs;        ///< labels of the footnotes it cites
  std::vector<std::vector<std::string>> cells;   ///< table rows when kind == table
  std::string same_as;  ///< the same paragraph in another version of the document, if known
  SourceSpan span;
};

struct Footnote {
  std::string label;                 ///< printed marker: "12", "*", "a"
  std::string text;
  std::vector<std::string> anchors;  ///< addresses of the blocks that cite it
};

/// A recommendation and whom it addresses. Its address is its block's address.
struct Recommendation {
  std::string address;
  std::string kind;       ///< "recommendation", "policy_option", "practical_action", ...
  std::string addressee;  ///< "States", "Human Rights Council", ... ; may be empty
  std::string text;
  std::vector<std::string> recommended_by;  ///< e.g. the recommending States in a UPR report
  /// The position taken on it when the document says: "supported", "noted" (not supported),
  /// "pending" (to be examined, answered later); empty when unknown.
  std::string position{};
  /// Why, in the State's words, when a separate response gives the position with a reason
  /// (a UPR report's addendum); empty otherwise.
  std::string position_note{};
  /// Where the position was given when not in this document: the address of the statement
  /// ("A/HRC/43/15/Add.1 ¶3"); empty when the document itself gives it.
  std::string position_source{};
  /// The operative verb that makes it, as printed, when it is a resolution's operative
  /// paragraph ("Calls upon", "Also requests", "Prie"); empty otherwise.
  std::string verb{};
};

/// Something a document mentions, normalised: an SDG target, a UN symbol, a treaty...
struct Reference {
  std::string type;     ///< "sdg_goal", "sdg_target", "sdg_indicator", "gcm_objective", "gcm_cluster",
                        ///< "un_symbol", "treaty", "organisation", "country", "pfp_practice"
  std::string id;       ///< normalised id: "10.7", "A/RES/73/195", "ICRMW", "IOM", "FRA"
  std::string address;  ///< block it occurs in
  std::string text;     ///< the words as printed
  /// Byte offsets of `text` in the text it was found in (the block's, or a footnote's for
  /// references from footnotes): text == found_in.substr(begin, end - begin). Both 0 when
  /// unknown, as for references a reader adds from links.
  std::size_t begin = 0, end = 0;
};

/// What a reader (or the host) noticed about a document: damage repaired, structure it could
/// not account for, content that looks lost. Readers check their own result; see
/// docs/readers.md ("Checks") for the codes.
struct Diagnostic {
  enum class Severity { info, warning, error };
  Severity severity = Severity::warning;
  std::string message;
  SourceSpan span;
  /// Stable name of the check that raised it ("numbering.gap", "recommendations.short"...);
  /// empty for a free-form note.
  std::string code{};
  /// How many units (paragraphs, recommendations, pages, lines: the code says which) look
  /// lost from the model because of what it reports; 0 when nothing is known to be lost.
  std::uint32_t lost = 0;
};

DOSSIER_SDK_API std::string_view to_string(Diagnostic::Severity severity) noexcept;

/// One item of the publisher's metadata that has no field of its own: "session",
/// "state_under_review", ... (docs/json-schema.md lists the keys readers set). A key may repeat.
struct Metadata {
  std::string key;
  std::string value;
};

/// How one document relates to another: "excerpt_of" (a page of a longer version),
/// "has_excerpt" (the converse), "version_of".
struct DocumentLink {
  std::string relation;
  std::string document;  ///< id of the other document
};

/// One source document.
struct Document {
  std::string id;        ///< document symbol when known ("A/68/283"), otherwise a stable slug
  std::string symbol;    ///< UN document symbol if any
  std::string title;
  std::string date;      ///< ISO 8601 when known ("2013-08-05"), else as printed
  std::string place;
  std::string body;      ///< issuing body
  std::string language;  ///< BCP 47 ("en")
  std::string source;    ///< the file it was read from, as given by the user
  std::string sha256;    ///< of the source file's bytes, lowercase hex
  std::string reader;    ///< name of the reader plugin that built it

  std::vector<Section> sections;
  std::vector<Block> blocks;
  std::vector<Footnote> footnotes;
  std::vector<Recommendation> recommendations;
  std::vector<Reference> references;
  std::vector<std::string> furniture;  ///< running heads, page and job numbers removed from text
  std::vector<Diagnostic> diagnostics;
  std::vector<DocumentLink> links;
  std::vector<Metadata> metadata;
  /// The same document in other languages, each read from its own file: same id, and
  /// blocks addressed alike, so a paragraph's versions share its address ("A/RES/76/266
  /// ¶5"). Set by the host when it joins the versions of one symbol; a version has none.
  std::vector<Document> versions;

  /// Printed labels from the top section down to `section`, joined with "." ("IV.B").
  /// A section without a label contributes its 1-based position among its siblings.
  DOSSIER_SDK_API std::string section_path(int section) const;
};

/// A typed statement an analyzer makes about a block or recommendation.
struct Annotation {
  std::string subject;   ///< address of what it is about
  std::string scheme;    ///< "sdg", "gcm", ...
  std::string code;      ///< bare code: "10", "10.7", "10.7.1", "6"
  std::string level;     ///< "goal", "target", "indicator", "objective", ...
  double score = 0.0;    ///< 0..1; 1 for certain (explicit) mappings
  std::vector<std::string> evidence;  ///< matched terms, rule or query that fired
  std::string analyzer;  ///< plugin name
  std::string analyzer_version;
};

/// A source file handed to a reader: its bytes are already loaded and hashed.
struct Source {
  std::string path;     ///< as the user gave it (for messages and Document::source)
  std::string content;  ///< raw bytes
  std::string sha256;   ///< of content, lowercase hex
};

/// The names the built-in plugins give Annotation::scheme and ::level and Reference::type.
/// Compare and assign with these rather than with literals, so that a misspelling does not
/// compile: `a.scheme == scheme::sdg && a.level == level::goal`.
namespace scheme {
inline constexpr std::string_view sdg = "sdg";  ///< the Sustainable Development Goals
inline constexpr std::string_view gcm = "gcm";  ///< the Global Compact for Migration
}  // namespace scheme
namespace level {
inline constexpr std::string_view goal = "goal", target = "target", indicator = "indicator";  // sdg
inline constexpr std::string_view objective = "objective", cluster = "cluster";              // gcm
}  // namespace level
namespace reference_type {
inline constexpr std::string_view sdg_goal = "sdg_goal", sdg_target = "sdg_target", sdg_indicator = "sdg_indicator";
inline constexpr std::string_view gcm_objective = "gcm_objective", gcm_cluster = "gcm_cluster";
inline constexpr std::string_view un_symbol = "un_symbol", treaty = "treaty", organisation = "organisation",
                                  country = "country", pfp_practice = "pfp_practice";
}  // namespace reference_type

/// Everything exporters see.
struct Corpus {
  std::vector<Document> documents;
  std::vector<Annotation> annotations;
};

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
