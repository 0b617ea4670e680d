// Citations as users type them ("A/68/283 ¶50-54"), parsed back into a document and paragraphs;
// citations as people read them ("A/68/283, para. 127", "A/68/283，第127段") and the public
// address of a document; the slugs that name documents without a symbol.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/model.hpp"
#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// A parsed citation: a paragraph or range of paragraphs ("A/68/283 ¶50-54"), or an
/// unnumbered block ("gfmd-2010 §6.1 #3").
struct Citation {
  std::string document;      ///< document id: "A/68/283"
  std::string first;         ///< first paragraph number ("50"); empty for unnumbered blocks
  std::string last;          ///< last paragraph number of a range; equals `first` otherwise
  std::string section_path;  ///< unnumbered blocks: "6.1"; may be empty
  std::size_t ordinal = 0;   ///< unnumbered blocks: the "#3"
};

/// Parses what users type: "A/68/283 ¶135", "A/68/283 ¶50-54" (or en dash),
/// sub-paragraphs "A/RES/76/172 ¶4(a)", ASCII
/// "A/68/283 para 135" / "paras 50-54", "gfmd-2010 §6.1 #3", "gfmd-2010 #3".
/// Returns false when `text` is no citation.
DOSSIER_SDK_API bool parse_citation(std::string_view text, Citation& out);

/// Whether paragraph number `number` ("52", "121.1") lies within the citation's range,
/// comparing dotted numbers part by part.
DOSSIER_SDK_API bool citation_covers(const Citation& citation, std::string_view number);

/// Lower-case ASCII slug of free text, for ids of documents without a symbol
/// ("GFMD 2010 Report" -> "gfmd-2010-report"). Never empty: falls back to "document".
DOSSIER_SDK_API std::string slugify(std::string_view text);

/// The name a person cites `document` by: its UN symbol; else its short title (a catalogue's
/// `short_title`, metadata "short_title"), else its title (a catalogue's, or its cover's); else
/// an id someone gave it; else its source file's name. Never the id a reader made of a file's
/// name ("001-88e8c2357c784c71").
DOSSIER_SDK_API std::string cited_name(const Document& document);

/// The citation a person reads for `address` (a block, recommendation or the document itself)
/// of `document`, in `language` ("en", "fr", "es", "ru", "ar", "zh"; any other: English), as
/// the UN writes them in its documents: "A/68/283, para. 127", "A/68/283, par. 127",
/// "A/68/283, párr. 127", "A/68/283, п. 127", "A/68/283، الفقرة 127", "A/68/283，第127段";
/// sub-paragraphs "A/RES/76/172, para. 4 (a)" ("par. 4 a)", "第4(a)段"); parts numbered afresh
/// "A/RES/76/266, annex, para. 12" ("annexe I", "المرفق الأول", "附件一"). Unnumbered blocks by
/// their section path and their item number there: "GFMD Thematic Recollection 2017,
/// II.2.(1), item 11". The document's id alone gives cited_name(). docs/catalogue.md.
DOSSIER_SDK_API std::string human_citation(const Document& document, std::string_view address,
                                           std::string_view language = "en");

/// human_citation() without the document's name, for text that names it already:
/// "para. 127", "II.2.(1), item 11"; empty for the document itself.
DOSSIER_SDK_API std::string human_place(const Document& document, std::string_view address,
                                        std::string_view language = "en");

/// `text` (a diagnostic's message, say) with every address of `document` in it replaced by its
/// human_place(), and the document's id alone by cited_name().
DOSSIER_SDK_API std::string cite_places_in(std::string_view text, const Document& document,
                                           std::string_view language = "en");

/// A citation as a person reads it, found in a corpus: the document, the block's address
/// ("" for the document itself) and the language whose words the citation uses.
struct HumanCitationMatch {
  const Document* document = nullptr;
  std::string address;
  std::string language;
};

/// Finds what `text` cites when it is written as human_citation() writes it, in any of the six
/// languages, naming the document by its symbol, short title, title or id (case, spacing, the
/// full stop of "para." and the kind of comma do not matter). False when it cites nothing in
/// `documents`.
DOSSIER_SDK_API bool find_human_citation(std::string_view text, const std::vector<Document>& documents,
                                         HumanCitationMatch& out);

/// Where a person can read `document`: a UN document in the UN's Official Document System by
/// its symbol, in `language` when it is one of the six (https://docs.un.org/en/A/68/283);
/// otherwise the URL a catalogue gives it (metadata "url"); "" when there is none.
DOSSIER_SDK_API std::string document_link(const Document& document, std::string_view language = "en");

/// The UN's address of the document with `symbol` in `language` (English for any language but
/// the six): https://docs.un.org/fr/A/68/283.
DOSSIER_SDK_API std::string un_document_link(std::string_view symbol, std::string_view language = "en");

/// Percent-encodes everything but RFC 3986 unreserved characters and the characters in
/// `keep` (for building URIs from symbols and addresses such as "A/68/283 ¶135").
DOSSIER_SDK_API std::string percent_encode(std::string_view text, std::string_view keep = {});

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
