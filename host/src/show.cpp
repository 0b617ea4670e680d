#include "show.hpp"

#include <string_view>
#include <vector>

#include "dossier/model.hpp"
#include "dossier/corpus_view.hpp"
#include "dossier/domain/citation.hpp"
#include "dossier/domain/corpus.hpp"
#include "dossier/domain/wording.hpp"
#include "logging.hpp"

namespace dossier::host {

namespace {

const Document* find_document(const Corpus& corpus, const std::string& id) {
  for (const auto& d : corpus.documents)
    if (d.id == id) return &d;
  for (const auto& d : corpus.documents)
    if (!d.symbol.empty() && d.symbol == id) return &d;
  return nullptr;
}

bool same_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

/// The document a citation names, and the part of it after the id: "A/RES/76/266, annex"
/// -> A/RES/76/266 and "annex" (commas are how people write it; addresses have none).
const Document* find_document_and_part(const Corpus& corpus, std::string cited, std::string& part) {
  if (const Document* d = find_document(corpus, cited)) return d;
  std::string words;
  for (char c : cited) {
    if (c == ',') c = ' ';
    if (c == ' ' && (words.empty() || words.back() == ' ')) continue;
    words += c;
  }
  while (!words.empty() && words.back() == ' ') words.pop_back();
  if (const Document* d = find_document(corpus, words)) return d;
  // The longest known id that the citation starts with, at a word boundary.
  for (std::size_t cut = words.rfind(' '); cut != std::string::npos && cut > 0; cut = words.rfind(' ', cut - 1)) {
    if (const Document* d = find_document(corpus, words.substr(0, cut))) {
      part = words.substr(cut + 1);
      return d;
    }
  }
  return nullptr;
}

// The citation and section are one line each: escaped, since names may come from file names.
// The text is the document's own, already repaired (control characters made spaces).
void print_block(const Document& doc, const Block& block, std::ostream& out, const std::string& language) {
  out << printable(human_citation(doc, block.address, language)) << "\n";
  if (block.section >= 0) {
    const Section& s = doc.sections[static_cast<std::size_t>(block.section)];
    out << "  in " << printable(doc.section_path(block.section) + "  " + s.title) << "\n";
  }
  out << "\n" << (block.marker.empty() ? "" : block.marker + " ") << block.text << "\n";
  for (const auto& label : block.footnote_refs)
    for (const auto& f : doc.footnotes)
      if (f.label == label) out << "\n  [" << f.label << "] " << f.text << "\n";
  for (const auto& r : doc.recommendations)
    if (r.address == block.address) {
      // "recommendation (practical action, to Governments)": the kind in words, once.
      std::string about = r.kind == "recommendation" ? "" : kind_label(r.kind);
      if (!r.verb.empty()) about += (about.empty() ? "\"" : ", \"") + r.verb + "\"";
      if (!r.addressee.empty()) about += (about.empty() ? "to " : ", to ") + r.addressee;
      out << "\n  recommendation" << (about.empty() ? "" : " (" + about + ")") << "\n";
    }
}

// What an unknown name may be: a UN symbol starts with its organ's letters and a slash ("A/",
// "E/CN.6/", "CRC/C/"); anything else is a name only a catalogue can give.
bool looks_like_un_symbol(std::string_view name) {
  std::size_t i = 0;
  while (i < name.size() && ((name[i] >= 'A' && name[i] <= 'Z') || name[i] == '.' || (i > 0 && name[i] >= '0' && name[i] <= '9')))
    ++i;
  return i > 0 && i < name.size() && name[i] == '/';
}

// The documents there are, by the names citations give them (the first ten).
std::string document_names(const Corpus& corpus) {
  constexpr std::size_t listed = 10;
  std::string names;
  for (std::size_t i = 0; i < corpus.documents.size() && i < listed; ++i)
    names += (i ? "; " : "") + cited_name(corpus.documents[i]);
  if (corpus.documents.size() > listed) names += "; and " + std::to_string(corpus.documents.size() - listed) + " more";
  return names;
}

// "en, fr, zh": the languages a document is read in.
std::string languages_of(const Document& doc) {
  std::string list = doc.language.empty() ? "?" : doc.language;
  for (const Document& v : doc.versions) list += ", " + v.language;
  return list;
}

}  // namespace

bool show_citation(const std::string& text, const Corpus& corpus, std::ostream& out, std::string& error,
                   const std::string& language, bool with_catalogue) {
  // Names only a catalogue gives cannot be found without it: say how to give it.
  const auto catalogue_hint = [&](const std::string& name) {
    return with_catalogue || looks_like_un_symbol(name)
               ? std::string()
               : "; '" + name + "' is not a UN symbol; pass --catalogue FILE or --job JOB.toml";
  };
  // As the outputs print it ("GFMD Thematic Recollection 2017, II.2.(1), item 11",
  // "A/68/283，第127段"), else as addresses are written ("A/68/283 ¶127").
  HumanCitationMatch human;
  const bool is_human = find_human_citation(text, corpus.documents, human);
  if (is_human && human.address.empty()) {
    error = "'" + text + "' names the whole of " + cited_name(*human.document) + " (" + human.document->source +
            "); cite a paragraph or item of it";
    return false;
  }
  Citation citation;
  if (!parse_citation(is_human ? human.address : text, citation)) {
    error = "'" + text + "' is not a citation of anything in the sources (try \"A/68/283, para. 135\", \"A/68/283 "
            "\xC2\xB6" "135\" or a citation as an output printed it; documents: " + document_names(corpus) + ")" +
            catalogue_hint(text.substr(0, text.find(',')));
    return false;
  }
  std::string part;  // "annex", "annex II", "section I": where a document numbers afresh
  const Document* doc = find_document_and_part(corpus, citation.document, part);
  if (!doc) {
    error = "no document '" + citation.document + "' in the sources (documents: " + document_names(corpus) + ")" +
            catalogue_hint(citation.document);
    return false;
  }
  // A citation in French words shows the French version when the sources hold one.
  const std::string shown_language = !language.empty() ? language : is_human ? human.language : std::string();
  const std::string cited_language = shown_language.empty() ? "en" : shown_language;
  if (language.empty() && !shown_language.empty())
    if (const Document* version = in_language(*doc, shown_language)) doc = version;
  if (!language.empty()) {
    const Document* version = in_language(*doc, language);
    if (!version) {
      error = cited_name(*doc) + " is not in the sources in '" + language + "' (languages: " + languages_of(*doc) + ")";
      return false;
    }
    doc = version;  // addressed alike: the same citation names the same paragraph
  }
  std::vector<const Block*> blocks;
  const std::string wanted =
      citation.first.empty() ? block_address(doc->id, citation.section_path, citation.ordinal) : std::string();
  // One paragraph or sub-paragraph is its exact address ("¶4(a)"); a range covers numbers.
  const std::string where = part.empty() ? doc->id : doc->id + " " + part;
  const std::string exact = citation.first == citation.last && !citation.first.empty()
                                ? paragraph_address(where, citation.first)
                                : std::string();
  for (const auto& b : doc->blocks)
    if (!exact.empty() && same_ascii_case(b.address, exact)) blocks.push_back(&b);
  if (blocks.empty()) {
    // A range covers the numbered paragraphs of that part only ("annex ¶3-5").
    const std::string prefix = paragraph_address(where, "");
    for (const auto& b : doc->blocks) {
      if (citation.first.empty() ? b.address == wanted
                                 : (b.kind == BlockKind::numbered_paragraph && citation_covers(citation, b.number) &&
                                    same_ascii_case(std::string_view(b.address).substr(0, prefix.size()), prefix)))
        blocks.push_back(&b);
    }
  }
  if (blocks.empty()) {
    error = "'" + text + "' names nothing in " + cited_name(*doc) + " (" + doc->source + ")";
    // The same number in an annex or a section that numbers afresh: say where.
    std::string elsewhere;
    int shown = 0;
    for (const auto& b : doc->blocks)
      if (!citation.first.empty() && b.number == citation.first && b.kind == BlockKind::numbered_paragraph && shown++ < 3)
        elsewhere += (elsewhere.empty() ? "" : ", ") + ("'" + human_citation(*doc, b.address, cited_language) + "'");
    if (!elsewhere.empty()) error += "; did you mean " + elsewhere + "?";
    return false;
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i) out << "\n";
    print_block(*doc, *blocks[i], out, cited_language);
  }
  const Document* whole = find_document_and_part(corpus, citation.document, part);
  if (whole && !whole->versions.empty()) {
    std::string others = whole->language != doc->language ? whole->language : std::string();
    for (const Document& v : whole->versions)
      if (v.language != doc->language) others += (others.empty() ? "" : ", ") + v.language;
    out << "\n  language: " << doc->language << " (also in " << others << "; choose with --lang)\n";
  }
  return true;
}

}  // namespace dossier::host
