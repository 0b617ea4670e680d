// Reading Akoma Ntoso 3.0 XML (the UN's AKN4UN profile) into the document model.
//
// How the markup maps onto the model (also in docs/json-schema.md, "Akoma Ntoso"):
//
// - The enacting formula ("The General Assembly,"), each preambular `container` and the
//   `conclusions` are unnumbered `text` blocks. A resolution prints no headings, so it gets
//   no sections and these blocks are addressed "<id> #<ordinal>" like any block before the
//   first section: the formula is #1 and the n-th preambular paragraph #n+1.
// - A numbered `paragraph` is a `numbered_paragraph`: <num>4.</num> gives number "4" and
//   address "<id> ¶4". Its text is its own text (heading, intro, content, wrapUp).
// - A `point` (sub-paragraph) is a separate `list_item` after its paragraph: marker "(a)",
//   number "4.a" (dotted, like "121.1") and address "<id> ¶4(a)", the way the UN cites it
//   ("paragraph 4 (a)"). Deeper points continue the pattern: "4.a.i", "¶4(a)(i)".
// - `hcontainer`, `section`, `chapter`, ... become Sections; their num and heading are kept
//   in the flow as a `heading` block.
// - Every `authorialNote` (and every `noteRef` to a note in meta/notes) is a Footnote anchored
//   to the block it sits in; its text never appears in the block's text.
// - What the akn exporter writes (docs/exporters/akn.md): a top-level unit whose `class` names a
//   block kind ("list_item", "text", "heading", "table") is a block of that kind cited by
//   ordinal, its num being a marker; a table's cells are its `tr`/`td`s and its text their
//   rows, one a line, cells joined with " | " (as the text reader makes them). An
//   `hcontainer name="recommendation"` is no section: its units are read in place and make
//   one Recommendation, cited by the first of them, whose text is the first one's followed
//   by each list item's marker and text (sub-items), with its `class` as kind and the
//   `showAs` of the reference its `refersTo` names as addressee.
// - References are what find_references() sees in a block's text, plus the UN symbols of the
//   block's undocs.org links: the files print "resolution 73/195" but link to A/RES/73/195.
#include "akn_parser.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

#include <dossier/address.hpp>
#include <dossier/domain/citation.hpp>
#include <dossier/domain/references.hpp>

#include "operative.hpp"

namespace dossier::akn_reader {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// Collapses runs of ASCII white space to one space and trims. No-break spaces are printed
/// characters ("16 December 2021") and stay.
std::string normalise_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (char c : s) {
    if (is_space(c)) {
      pending = !out.empty();
    } else {
      if (pending) out += ' ';
      pending = false;
      out += c;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Sniffing: the prolog and the root start tag only.

/// Index just past the DOCTYPE declaration starting at `i`, or npos. The internal subset may
/// hold '>' inside brackets, quotes and comments.
std::size_t skip_doctype(std::string_view s, std::size_t i) {
  int depth = 0;
  for (i += 9; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"' || c == '\'') {
      i = s.find(c, i + 1);
      if (i == std::string_view::npos) return i;
    } else if (s.compare(i, 4, "<!--") == 0) {
      i = s.find("-->", i + 4);
      if (i == std::string_view::npos) return i;
      i += 2;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (c == '>' && depth <= 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool ends_name(char c) { return is_space(c) || c == '>' || c == '/' || c == '='; }

}  // namespace

bool is_akoma_ntoso(std::string_view content) noexcept {
  // The root start tag comes after at most a declaration, comments and a DOCTYPE; 64 KiB is
  // far more than any real prolog, and keeps sniffing cheap for large non-XML sources.
  const std::string_view s = content.substr(0, std::min<std::size_t>(content.size(), 1 << 16));
  std::size_t i = s.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  for (;;) {
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t end = std::string_view::npos;
    if (s.compare(i, 2, "<?") == 0) {
      end = s.find("?>", i + 2);
      if (end != std::string_view::npos) end += 2;
    } else if (s.compare(i, 4, "<!--") == 0) {
      end = s.find("-->", i + 4);
      if (end != std::string_view::npos) end += 3;
    } else if (s.compare(i, 9, "<!DOCTYPE") == 0) {
      end = skip_doctype(s, i);
    } else {
      break;
    }
    if (end == std::string_view::npos) return false;
    i = end;
  }
  if (i >= s.size() || s[i] != '<') return false;
  std::size_t n = ++i;
  while (n < s.size() && !ends_name(s[n])) ++n;
  const std::string_view qname = s.substr(i, n - i);
  const std::size_t colon = qname.find(':');
  const std::string_view prefix = colon == std::string_view::npos ? std::string_view() : qname.substr(0, colon);
  const std::string_view local = colon == std::string_view::npos ? qname : qname.substr(colon + 1);
  if (local != "akomaNtoso") return false;
  // The root must declare the namespace of its own prefix itself: nothing is inherited.
  for (i = n;;) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size() || s[i] == '>' || s[i] == '/') return false;
    std::size_t name_end = i;
    while (name_end < s.size() && !ends_name(s[name_end])) ++name_end;
    const std::string_view name = s.substr(i, name_end - i);
    i = name_end;
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') return false;
    ++i;
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) return false;
    const std::size_t value_end = s.find(s[i], i + 1);
    if (value_end == std::string_view::npos) return false;
    const std::string_view value = s.substr(i + 1, value_end - i - 1);
    i = value_end + 1;
    const bool declares_prefix =
        name.substr(0, 5) == "xmlns" &&
        (prefix.empty() ? name.size() == 5 : name.size() == 6 + prefix.size() && name[5] == ':' && name.substr(6) == prefix);
    if (declares_prefix) return value == akn_namespace;
  }
}

namespace {

// ---------------------------------------------------------------------------------------
// Element classes of Akoma Ntoso that matter here.

bool in(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// Hierarchical containers: they carry a num and a heading and become Sections.
bool is_hierarchy(std::string_view name) {
  return in(name, {"hcontainer", "section", "subsection", "part", "subpart", "chapter", "subchapter", "title",
                   "subtitle", "book", "tome", "division", "subdivision", "article", "clause", "subclause", "rule",
                   "subrule", "level"});
}

/// Numbered units: a block each, nested units are sub-paragraphs.
bool is_unit(std::string_view name) {
  return in(name, {"paragraph", "subparagraph", "point", "alinea", "indent"});
}

/// Elements that start a new line of text, so their text must not run into their neighbours'.
bool is_block_element(std::string_view name) {
  return in(name, {"p", "block", "blockList", "listIntroduction", "listWrapUp", "intro", "wrapUp", "content",
                   "container", "blockContainer", "formula", "tblock", "table", "tr", "td", "th", "caption", "ul",
                   "ol", "li", "heading", "subheading", "num", "list", "longTitle", "toc", "tocItem", "crossHeading"});
}

/// Printed number without punctuation: "1." -> "1", "(a)" -> "a", "a)" -> "a", "12 bis." ->
/// "12 bis". Empty when the num holds no letter or digit (a bullet).
std::string bare_number(std::string_view printed) {
  std::string s = normalise_space(printed);
  // Arabic prints "1 -", some files quote the number: "’1‘".
  const auto strip_end = [&](std::string_view tail) {
    if (s.size() < tail.size() || s.compare(s.size() - tail.size(), tail.size(), tail) != 0) return false;
    s.erase(s.size() - tail.size());
    return true;
  };
  for (bool again = true; again;) {
    again = !s.empty() && (s.back() == '.' || s.back() == ')' || s.back() == '-' || s.back() == ' ');
    if (again) s.pop_back();
    else again = strip_end("\xE2\x80\x93") || strip_end("\xE2\x80\x98") || strip_end("\xE2\x80\x99");
  }
  std::size_t b = 0;
  while (b < s.size()) {
    if (s[b] == '(') ++b;
    else if (s.compare(b, 3, "\xE2\x80\x98") == 0 || s.compare(b, 3, "\xE2\x80\x99") == 0) b += 3;
    else break;
  }
  s = normalise_space(std::string_view(s).substr(b));
  const bool readable = std::any_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
  return readable ? s : std::string();
}

/// ISO 639-2 (as FRBRlanguage holds it) to BCP 47; the six UN languages and a few more.
std::string bcp47(std::string_view code) {
  static const std::map<std::string_view, std::string_view> codes = {
      {"eng", "en"}, {"fra", "fr"}, {"fre", "fr"}, {"spa", "es"}, {"rus", "ru"}, {"ara", "ar"},
      {"chi", "zh"}, {"zho", "zh"}, {"deu", "de"}, {"ger", "de"}, {"por", "pt"}, {"ita", "it"}};
  const auto it = codes.find(code);
  return it != codes.end() ? std::string(it->second) : std::string(code);
}

/// The UN symbol an undocs.org link points at ("https://undocs.org/en/A/RES/73/195" ->
/// "A/RES/73/195"), or "" for any other link.
std::string undocs_symbol(std::string_view href) {
  for (std::string_view scheme : {"https://", "http://"})
    if (href.substr(0, scheme.size()) == scheme) href.remove_prefix(scheme.size());
  if (href.substr(0, 4) == "www.") href.remove_prefix(4);
  if (href.substr(0, 11) != "undocs.org/") return {};
  href.remove_prefix(11);
  if (href.find_first_of("?#=") != std::string_view::npos) return {};
  std::string path;
  for (std::size_t i = 0; i < href.size(); ++i) {
    const auto hex = [](char c) {
      return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    };
    if (href[i] == '%' && i + 2 < href.size() && hex(href[i + 1]) >= 0 && hex(href[i + 2]) >= 0) {
      path += static_cast<char>(hex(href[i + 1]) * 16 + hex(href[i + 2]));
      i += 2;
    } else {
      path += href[i];
    }
  }
  for (std::string_view lang : {"ar/", "en/", "es/", "fr/", "ru/", "zh/"})
    if (path.compare(0, 3, lang) == 0) path.erase(0, 3);
  while (!path.empty() && path.back() == '/') path.pop_back();
  const bool has_digit = std::any_of(path.begin(), path.end(), [](char c) { return c >= '0' && c <= '9'; });
  return path.find('/') != std::string::npos && has_digit ? path : std::string();
}

/// Symbol of a General Assembly resolution from its AKN4UN work URI:
/// "/akn/un/statement/deliberation/unga/2020-12-21/75-226/" -> "A/RES/75/226".
std::string symbol_from_work_uri(std::string_view uri) {
  std::vector<std::string_view> parts;
  for (std::size_t b = 0; b <= uri.size();) {
    std::size_t e = uri.find('/', b);
    if (e == std::string_view::npos) e = uri.size();
    parts.push_back(uri.substr(b, e - b));
    b = e + 1;
  }
  for (std::size_t i = 0; i + 2 < parts.size(); ++i) {
    if (parts[i] != "unga") continue;
    const std::string_view number = parts[i + 2];
    const std::size_t dash = number.find('-');
    const auto digits = [](std::string_view s) {
      return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (dash != std::string_view::npos && digits(number.substr(0, dash)) && digits(number.substr(dash + 1)))
      return "A/RES/" + std::string(number.substr(0, dash)) + "/" + std::string(number.substr(dash + 1));
  }
  return {};
}

/// Calls `visit` on every element below `root` in document order, without recursion (the
/// input is untrusted and may nest arbitrarily deep). `visit` returns false to stop.
template <typename F>
void for_each_element(pugi::xml_node root, F visit) {
  pugi::xml_node n = root.first_child();
  while (n) {
    if (n.type() == pugi::node_element && !visit(n)) return;
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n != root && !n.next_sibling()) n = n.parent();
    if (n == root) return;
    n = n.next_sibling();
  }
}

/// Whether elements nest deeper than `limit` below `root`, found without recursion and
/// stopping at the first element that is too deep.
bool nests_deeper_than(pugi::xml_node root, std::size_t limit) {
  std::size_t depth = 0;
  pugi::xml_node n = root.first_child();
  while (n) {
    if (n.first_child()) {
      n = n.first_child();
      if (++depth > limit) return true;
      continue;
    }
    while (n != root && !n.next_sibling()) {
      n = n.parent();
      --depth;
    }
    if (n == root) return false;
    n = n.next_sibling();
  }
  return false;
}

// The recursive descent below is bounded by this; real documents nest a few dozen deep.
constexpr std::size_t depth_limit = 256;

/// A footnote met while collecting text: the note element and its printed label.
struct NoteUse {
  pugi::xml_node note;
  std::string label;
};

/// Text gathered for one block, with what was found inside it.
struct Collected {
  std::string text;  ///< raw: white space is normalised when the block is made
  std::vector<NoteUse> notes;
  std::vector<std::pair<std::string, std::string>> links;  ///< UN symbol, printed text
  std::uint32_t last_line = 0;
};

class Parser {
 public:
  Parser(std::string_view content, const std::string& path) : content_(content), path_(path) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < content.size(); ++i)
      if (content[i] == '\n') line_starts_.push_back(i + 1);
  }

  Document run() {
    // load_buffer copies the bytes. pugixml expands only XML's own five entities and
    // character references: a DOCTYPE is parsed as a node (so it can be reported) and
    // references to entities declared in it stay as written, so no entity bomb can expand.
    const unsigned flags = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype;
    const pugi::xml_parse_result result = xml_.load_buffer(content_.data(), content_.size(), flags);
    if (!result) {
      const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0));
      throw std::runtime_error(path_ + ": malformed XML at byte " + std::to_string(offset) + " (line " +
                               std::to_string(line_of(static_cast<std::ptrdiff_t>(offset))) +
                               "): " + result.description());
    }
    const pugi::xml_node root = xml_.document_element();
    check_root(root);
    if (nests_deeper_than(xml_, depth_limit))
      throw std::runtime_error(path_ + ": elements nest deeper than " + std::to_string(depth_limit) +
                               " levels; not a document this reader can follow");
    for (pugi::xml_node n = xml_.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_doctype) continue;
      const std::string declaration = n.value();
      warn(declaration.find("<!ENTITY") != std::string::npos
               ? "DOCTYPE with entity declarations ignored: entities are not expanded and their references are "
                 "left as written"
               : "DOCTYPE ignored",
           n);
    }

    pugi::xml_node document;
    std::vector<pugi::xml_node> parts;  // <components> beside the document (the UN's collections)
    for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      if (!document) {
        document = n;
      } else if (document && in(local(n), {"components", "attachments"})) {
        parts.push_back(n);
      } else {
        warn("second document element <" + std::string(n.name()) + "> not read", n);
      }
    }
    if (!document) throw std::runtime_error(path_ + ": akomaNtoso holds no document");
    document_ = document;

    read_metadata(document);
    for (pugi::xml_node part = document.first_child(); part; part = part.next_sibling()) {
      if (part.type() != pugi::node_element) continue;
      const std::string_view name = local(part);
      if (in(name, {"meta", "coverPage", "preface"})) {
        continue;  // metadata and title page: read by read_metadata()
      } else if (in(name, {"preamble", "mainBody", "body", "debateBody", "judgmentBody", "amendmentBody",
                           "portionBody", "conclusions"})) {
        start_numbering(part);
        operative_body_ = name == "mainBody";
        walk(part, -1, 0, false);
        operative_body_ = false;
      } else if (in(name, {"attachments", "components"})) {
        parts.push_back(part);
      } else if (name == "collectionBody") {
        read_collection_body(part);
      } else {
        warn("<" + std::string(part.name()) + "> not read", part);
      }
    }
    for (const pugi::xml_node p : parts) read_parts(p);
    unplaced_notes(document);
    return std::move(doc_);
  }

 private:
  // --- names and lookups ---------------------------------------------------------------

  void check_root(pugi::xml_node root) {
    const std::string name = root.name();
    const std::size_t colon = name.find(':');
    const std::string local_name = colon == std::string::npos ? name : name.substr(colon + 1);
    const std::string prefix = colon == std::string::npos ? std::string() : name.substr(0, colon);
    const std::string declared =
        root.attribute(prefix.empty() ? "xmlns" : ("xmlns:" + prefix).c_str()).value();
    if (local_name != "akomaNtoso" || declared != akn_namespace)
      throw std::runtime_error(path_ + ": not Akoma Ntoso 3.0: the root element is <" + name + ">" +
                               (local_name == "akomaNtoso" ? " in namespace '" + declared + "'" : std::string()));
    prefix_ = prefix.empty() ? std::string() : prefix + ":";
  }

  /// Local name of an Akoma Ntoso element; "" for other nodes and elements of other
  /// namespaces (akn4un:, html:). Namespaces are those the root declares: AKN files do not
  /// rebind prefixes further down.
  std::string_view local(pugi::xml_node n) const {
    if (n.type() != pugi::node_element) return {};
    std::string_view name = n.name();
    if (name.substr(0, prefix_.size()) != prefix_) return {};
    name.remove_prefix(prefix_.size());
    return name.find(':') == std::string_view::npos ? name : std::string_view();
  }

  pugi::xml_node child(pugi::xml_node n, std::string_view name) const {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
      if (local(c) == name) return c;
    return {};
  }

  /// First element below `n` named `name` whose attribute `attr` is `value` (any value when
  /// `attr` is null).
  pugi::xml_node find(pugi::xml_node n, std::string_view name, const char* attr = nullptr,
                      std::string_view value = {}) const {
    pugi::xml_node found;
    for_each_element(n, [&](pugi::xml_node e) {
      if (local(e) == name && (!attr || e.attribute(attr).value() == value)) found = e;
      return !found;
    });
    return found;
  }

  std::uint32_t line_of(std::ptrdiff_t offset) const {
    if (offset < 0) return 0;
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<std::size_t>(offset));
    return static_cast<std::uint32_t>(it - line_starts_.begin());
  }

  void warn(const std::string& message, pugi::xml_node where,
            Diagnostic::Severity severity = Diagnostic::Severity::warning) {
    const std::uint32_t line = line_of(where.offset_debug());
    doc_.diagnostics.push_back({severity, message, {line, line}});
  }

  // --- metadata --------------------------------------------------------------------------

  void read_metadata(pugi::xml_node document) {
    const pugi::xml_node identification = child(child(document, "meta"), "identification");
    const pugi::xml_node work = child(identification, "FRBRWork");
    const pugi::xml_node expression = child(identification, "FRBRExpression");

    // AKN4UN marks the printed symbol as the docNumber that refers to #symbol; without it,
    // a General Assembly resolution's work URI still names it.
    if (const pugi::xml_node symbol = find(document, "docNumber", "refersTo", "#symbol"))
      doc_.symbol = plain_text(symbol);
    if (doc_.symbol.empty()) doc_.symbol = symbol_from_work_uri(child(work, "FRBRthis").attribute("value").value());
    if (doc_.symbol.empty()) doc_.symbol = symbol_from_work_uri(child(work, "FRBRuri").attribute("value").value());
    doc_.id = doc_.symbol.empty() ? slugify(std::filesystem::path(path_).stem().string()) : doc_.symbol;
    if (doc_.symbol.empty())
      warn("no document symbol (docNumber refersTo=\"#symbol\" or an unga work URI); id from the file name",
           document, Diagnostic::Severity::info);

    // The cover page's docTitle is "Resolution adopted by the General Assembly on ..."; the
    // resolution's own title is the one in the preface.
    pugi::xml_node title = find(document, "docTitle", "refersTo", "#resolutionTitle");
    if (!title) title = find(child(document, "preface"), "docTitle");
    if (!title) title = find(document, "docTitle");
    if (!title) title = find(document, "longTitle");
    doc_.title = plain_text(title);

    for (pugi::xml_node d = work.first_child(); d; d = d.next_sibling())
      if (local(d) == "FRBRdate" && std::string_view(d.attribute("name").value()) == "adoption")
        doc_.date = d.attribute("date").value();
    if (doc_.date.empty())
      doc_.date = find(document, "docDate", "refersTo", "#adoptionDate").attribute("date").value();
    if (doc_.date.empty()) doc_.date = child(work, "FRBRdate").attribute("date").value();

    if (const pugi::xml_node body = find(document, "docAuthority", "refersTo", "#issuingBody")) {
      doc_.body = plain_text(body);
    } else if (const pugi::xml_node author = child(work, "FRBRauthor")) {
      // FRBRauthor href="ga" names a TLCOrganization eId="ga" showAs="General Assembly".
      std::string_view href = author.attribute("href").value();
      if (!href.empty() && href.front() == '#') href.remove_prefix(1);
      if (!href.empty())
        doc_.body = find(child(document, "meta"), "TLCOrganization", "eId", href).attribute("showAs").value();
    }

    const std::string language = child(expression, "FRBRlanguage").attribute("language").value();
    doc_.language = bcp47(language);
    if (language.empty()) warn("no FRBRlanguage", document, Diagnostic::Severity::info);

    // The job number on the first page ("20-17629 (E)") is page furniture, as in the PDF.
    for_each_element(document, [&](pugi::xml_node e) {
      if (local(e) == "docketNumber") {
        const std::string job = plain_text(e);
        if (!job.empty()) doc_.furniture.push_back(job);
      }
      return true;
    });

    read_classification(document);

    // Notes kept apart in meta/notes, cited by noteRef.
    for (pugi::xml_node n = child(child(document, "meta"), "notes").first_child(); n; n = n.next_sibling())
      if (local(n) == "note" && n.attribute("eId")) meta_notes_[n.attribute("eId").value()] = n;
  }

  /// The UN's own metadata (docs/json-schema.md, "Akoma Ntoso"): the UN Library's SDG goals and
  /// UNBIS / EuroVoc subject terms from `classification`, the session, the agenda item and
  /// the document the resolution was adopted on. Document metadata, never annotations: the
  /// analyzers map the text and are measured against these labels.
  void read_classification(pugi::xml_node document) {
    const auto add = [&](const std::string& key, std::string value) {
      value = normalise_space(value);
      if (value.empty()) return;
      for (const Metadata& m : doc_.metadata)
        if (m.key == key && m.value == value) return;
      doc_.metadata.push_back({key, std::move(value)});
    };
    for (pugi::xml_node c = child(document, "meta").first_child(); c; c = c.next_sibling()) {
      // Dossier's own mappings, in a file the akn exporter wrote, are no publisher's label.
      if (local(c) != "classification" || std::string_view(c.attribute("source").value()) == "#dossier") continue;
      for (pugi::xml_node k = c.first_child(); k; k = k.next_sibling()) {
        if (local(k) != "keyword") continue;
        const std::string_view dictionary = k.attribute("dictionary").value();
        std::string value = k.attribute("value").value();
        if (dictionary == "SDGO") {
          add("un_sdg_goal", value);
        } else if (dictionary == "UNBIS" || dictionary == "EuroVoc") {
          std::replace(value.begin(), value.end(), '_', ' ');  // "gender_equality"
          add(dictionary == "UNBIS" ? "unbis_subject" : "eurovoc_subject", value);
        }
      }
    }
    const pugi::xml_node session = find(document, "session");
    if (const char* value = session.attribute("value").value(); *value) add("session", value);
    for_each_element(child(document, "coverPage"), [&](pugi::xml_node e) {
      const std::string_view name = e.attribute("name").value();
      if (local(e) == "inline" && name == "agenda item") add("agenda_item", agenda_item(plain_text(e)));
      if (local(e) == "inline" && name == "originating document") add("originating_document", plain_text(e));
      return true;
    });
  }

  /// "Agenda item 74 (b)", "Point 74 b) de l'ordre du jour", "议程项目74 (b)" -> "74 (b)".
  static std::string agenda_item(std::string_view printed) {
    std::size_t i = 0;
    while (i < printed.size() && !(printed[i] >= '0' && printed[i] <= '9')) ++i;
    std::size_t end = i;
    while (end < printed.size() && printed[end] >= '0' && printed[end] <= '9') ++end;
    if (end == i) return {};
    std::string out(printed.substr(i, end - i));
    std::size_t j = end;
    for (;;) {  // spaces, also the no-break ones French typesetting puts there
      if (j < printed.size() && printed[j] == ' ') ++j;
      else if (printed.substr(j, 2) == "\xC2\xA0") j += 2;
      else if (printed.substr(j, 3) == "\xE2\x80\xAF") j += 3;
      else break;
    }
    if (j < printed.size() && printed[j] == '(') ++j;
    if (j + 1 < printed.size() && printed[j] >= 'a' && printed[j] <= 'z' && printed[j + 1] == ')')
      out += " (" + std::string(1, printed[j]) + ")";
    return out;
  }

  // --- text --------------------------------------------------------------------------------

  /// Normalised text of `n` without its notes, for metadata.
  std::string plain_text(pugi::xml_node n) {
    Collected c;
    collect_children(n, c, false);
    return normalise_space(c.text);
  }

  std::string note_label(pugi::xml_node note) {
    if (const char* marker = note.attribute("marker").value(); *marker) return normalise_space(marker);
    if (const pugi::xml_node num = child(note, "num")) return bare_number(plain_text(num));
    if (const char* id = note.attribute("eId").value(); *id) return id;
    return "note " + std::to_string(doc_.footnotes.size() + 1);
  }

  void collect_children(pugi::xml_node n, Collected& out, bool skip_units) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) collect(c, out, skip_units);
  }

  /// Appends the text of `n` to `out`. Notes are recorded, not copied; with `skip_units`,
  /// nested paragraphs and points are left out because they become blocks of their own.
  void collect(pugi::xml_node n, Collected& out, bool skip_units) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      const std::string_view value = n.value();
      out.text += value;
      // The span ends at the last printed character: indentation before closing tags
      // belongs to no block.
      std::size_t last = value.size();
      while (last > 0 && is_space(value[last - 1])) --last;
      const std::uint32_t line = last ? line_of(n.offset_debug()) : 0;
      if (line) {
        const auto breaks = static_cast<std::uint32_t>(std::count(value.begin(), value.begin() + static_cast<std::ptrdiff_t>(last), '\n'));
        out.last_line = std::max(out.last_line, line + breaks);
      }
      return;
    }
    if (n.type() != pugi::node_element) return;  // comments, processing instructions
    const std::string_view name = local(n);
    if (name == "authorialNote") {
      out.notes.push_back({n, note_label(n)});
      return;
    }
    if (name == "noteRef") {
      std::string_view href = n.attribute("href").value();
      if (!href.empty() && href.front() == '#') href.remove_prefix(1);
      const auto it = meta_notes_.find(std::string(href));
      if (it != meta_notes_.end()) {
        std::string label = normalise_space(n.attribute("marker").value());
        out.notes.push_back({it->second, label.empty() ? note_label(it->second) : label});
      } else {
        warn("noteRef to unknown note '" + std::string(href) + "'", n);
      }
      return;
    }
    if (skip_units && is_unit(name)) return;
    if (in(name, {"eol", "eop", "br"})) {
      out.text += ' ';
      return;
    }
    if (name == "img") return;
    const bool block = is_block_element(name);
    if (block) out.text += ' ';
    const std::size_t start = out.text.size();
    collect_children(n, out, skip_units);
    if (name == "a" || name == "ref") {
      std::string symbol = undocs_symbol(n.attribute("href").value());
      if (!symbol.empty()) out.links.emplace_back(std::move(symbol), normalise_space(out.text.substr(start)));
    }
    if (block) out.text += ' ';
  }

  // --- annexes and components ---------------------------------------------------------------
  // An annex (`attachment`) or a part of a collection (`component`: resolutions 77/128 A and B)
  // is a document of its own inside the file: a top-level Section, and its paragraphs are
  // addressed within it, "A/RES/76/266 annex ¶12", since it numbers them afresh.

  /// The collection's table of its components: `documentRef href="comp_0" showAs="Resolution
  /// A"` names the component whose eId is comp_0. Nothing else in it is text.
  void read_collection_body(pugi::xml_node body) {
    for_each_element(body, [&](pugi::xml_node e) {
      if (local(e) == "documentRef") {
        std::string_view href = e.attribute("href").value();
        if (!href.empty() && href.front() == '#') href.remove_prefix(1);
        component_names_[std::string(href)] = normalise_space(e.attribute("showAs").value());
      }
      return true;
    });
  }

  /// Reads each `attachment` / `component` below `parts`.
  void read_parts(pugi::xml_node parts) {
    std::size_t ordinal = 0;
    for (pugi::xml_node holder = parts.first_child(); holder; holder = holder.next_sibling()) {
      const std::string_view holder_name = local(holder);
      if (!in(holder_name, {"attachment", "component"})) continue;
      ++ordinal;
      pugi::xml_node inner;  // the document element inside: doc, statement, act, ...
      for (pugi::xml_node c = holder.first_child(); c && !inner; c = c.next_sibling())
        if (!local(c).empty()) inner = c;
      if (!inner || local(inner) == "documentRef" || local(inner) == "interstitial") {
        if (inner) warn("<" + std::string(inner.name()) + "> to a document outside the file not read", inner);
        continue;
      }
      const bool annex = holder_name == "attachment";
      std::string label = part_label(holder, inner, annex, ordinal);
      Section s;
      s.kind = annex ? "annex" : "component";
      s.label = label;
      pugi::xml_node title = find(child(inner, "preface"), "docTitle");
      if (!title) title = find(child(inner, "coverPage"), "docTitle");
      s.title = plain_text(title);
      doc_.sections.push_back(s);
      const int index = static_cast<int>(doc_.sections.size()) - 1;
      part_ = label;
      const std::size_t first_block = doc_.blocks.size();
      for (pugi::xml_node body = inner.first_child(); body; body = body.next_sibling()) {
        const std::string_view name = local(body);
        if (in(name, {"preamble", "mainBody", "body", "conclusions"})) {
          start_numbering(body);
          operative_body_ = !annex && name == "mainBody";
          walk(body, index, 1, false);
          operative_body_ = false;
        }
        else if (in(name, {"attachments", "components"})) warn("<" + std::string(body.name()) + "> inside a part not read", body);
      }
      part_.clear();
      start_numbering(pugi::xml_node());
      // An annex prints its title as a heading after "Annex": "Progress Declaration of ...".
      for (std::size_t i = first_block; i < doc_.blocks.size() && doc_.sections[index].title.empty(); ++i) {
        const Block& b = doc_.blocks[i];
        if (b.kind == BlockKind::heading && b.section == index && sub_annex_label(b.text).empty() &&
            b.text.compare(0, 5, "Annex") != 0)
          doc_.sections[index].title = b.text;
        if (b.kind == BlockKind::numbered_paragraph) break;
      }
    }
  }

  /// What a part is called in addresses: "annex" (the UN's one annex), "annex 2" (a second
  /// without a name), "A" (component "Resolution A"), "component 2".
  std::string part_label(pugi::xml_node holder, pugi::xml_node inner, bool annex, std::size_t ordinal) {
    if (annex) {
      // The UN names its one annex "annex"; the akn exporter names each by its label.
      std::string name = normalise_space(inner.attribute("name").value());
      if (name.empty()) name = "annex";
      for (const Section& s : doc_.sections)
        if (s.parent < 0 && s.label == name) return name + " " + std::to_string(ordinal);
      return name;
    }
    std::string shown;
    if (const auto it = component_names_.find(holder.attribute("eId").value()); it != component_names_.end())
      shown = it->second;
    // "Resolution A" -> "A", "Decision II" -> "II": the part's own letter or numeral.
    if (const std::size_t space = shown.rfind(' '); space != std::string::npos) shown.erase(0, space + 1);
    if (shown.empty()) {
      const pugi::xml_node number = find(child(inner, "preface"), "docNumber");
      shown = bare_number(plain_text(number));
    }
    return shown.empty() ? "component " + std::to_string(ordinal) : shown;
  }

  /// "Annex I", "Annex 2" printed as a heading inside an annex: a further annex that numbers
  /// its paragraphs afresh. Returns its label ("annex I"), or "" for anything else.
  std::string sub_annex_label(const std::string& heading) const {
    if (part_.compare(0, 5, "annex") != 0) return {};
    const std::size_t space = heading.find(' ');
    if (space == std::string::npos || heading.size() - space > 8 || heading.size() > 40) return {};
    if (canonical_scope_word(ascii_lower(std::string_view(heading).substr(0, space))) != "annex") return {};
    const std::string numeral = heading.substr(space + 1);
    if (numeral.empty()) return {};
    const bool ok = std::all_of(numeral.begin(), numeral.end(), [](char c) {
      return (c >= '0' && c <= '9') || c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
    });
    return ok ? "annex " + numeral : std::string();
  }

  /// Address of a numbered unit: "<id> ¶4(a)", or "<id> annex ¶12" inside a part, or
  /// "<id> section II ¶1" where the part numbers its paragraphs afresh under each heading.
  std::string unit_address(const std::string& tail) const {
    std::string where = doc_.id;
    if (!part_.empty()) where += " " + part_;
    if (!scope_.empty()) where += " " + scope_;
    return paragraph_address(where, tail);
  }

  /// A heading that labels what follows: "I" -> "section I", "Article 2" -> "article 2",
  /// "Guideline 1. Use of terms" -> "guideline 1", "Part A. Agenda" -> "part A"; "" for a
  /// heading that is a title only ("Introduction").
  /// The word a heading labels its part with, in English whatever the language, so that
  /// "Anexo I ¶3" and "Annex I ¶3" are one address in every version: "anexo", "annexe",
  /// "Приложение" -> "annex"; "sección" -> "section"; "artículo" -> "article".
  static std::string canonical_scope_word(const std::string& word) {
    static const std::map<std::string_view, std::string_view> words = {
        {"annex", "annex"}, {"annexe", "annex"}, {"anexo", "annex"}, {"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xBB\xD0\xBE\xD0\xB6\xD0\xB5\xD0\xBD\xD0\xB8\xD0\xB5", "annex"},
        {"\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBB\xD0\xBE\xD0\xB6\xD0\xB5\xD0\xBD\xD0\xB8\xD0\xB5", "annex"}, {"\xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD9\x81\xD9\x82", "annex"},
        {"\xE9\x99\x84\xE4\xBB\xB6", "annex"},
        {"section", "section"}, {"secci\xC3\xB3n", "section"}, {"\xD0\xA0\xD0\xB0\xD0\xB7\xD0\xB4\xD0\xB5\xD0\xBB", "section"},
        {"\xD1\x80\xD0\xB0\xD0\xB7\xD0\xB4\xD0\xB5\xD0\xBB", "section"}, {"\xD8\xA7\xD9\x84\xD8\xAC\xD8\xB2\xD8\xA1", "section"},
        {"article", "article"}, {"art\xC3\xAD" "culo", "article"}, {"\xD0\xA1\xD1\x82\xD0\xB0\xD1\x82\xD1\x8C\xD1\x8F", "article"},
        {"part", "part"}, {"partie", "part"}, {"parte", "part"}, {"\xD0\xA7\xD0\xB0\xD1\x81\xD1\x82\xD1\x8C", "part"},
        {"chapter", "chapter"}, {"chapitre", "chapter"}, {"cap\xC3\xADtulo", "chapter"}, {"\xD0\x93\xD0\xBB\xD0\xB0\xD0\xB2\xD0\xB0", "chapter"}};
    const auto it = words.find(word);
    return it != words.end() ? std::string(it->second) : word;
  }

  static std::string scope_label(std::string_view heading) {
    std::string_view h = heading;
    while (!h.empty() && h.front() == ' ') h.remove_prefix(1);
    std::string word;
    std::size_t i = 0;
    while (i < h.size() && ((h[i] >= 'a' && h[i] <= 'z') || (h[i] >= 'A' && h[i] <= 'Z') ||
                            static_cast<unsigned char>(h[i]) >= 0x80))
      ++i;
    if (i < h.size() && h[i] == ' ' && i > 1) {  // a word, then the numeral
      word = canonical_scope_word(ascii_lower(h.substr(0, i)));
      h.remove_prefix(i + 1);
    }
    std::size_t n = 0;
    const bool digits = !h.empty() && h[0] >= '0' && h[0] <= '9';
    while (n < h.size() && (digits ? (h[n] >= '0' && h[n] <= '9')
                                   : (h[n] == 'I' || h[n] == 'V' || h[n] == 'X' || h[n] == 'L' || h[n] == 'C')))
      ++n;
    if (n == 0 && !h.empty() && h[0] >= 'A' && h[0] <= 'Z') n = 1;  // "A", "B"
    if (n == 0 || n > 6) return {};
    if (n < h.size() && h[n] != '.' && h[n] != ' ' && h[n] != ':' && h[n] != ')') return {};
    // A bare letter needs to stand alone or before a full stop: "A. Introduction", not "As".
    if (word.empty() && n < h.size() && heading.size() > 40) return {};
    return (word.empty() ? std::string("section") : word) + " " + std::string(h.substr(0, n));
  }

  /// Whether the paragraph numbers of the part `body` (the document's body, an annex) repeat:
  /// then they restart under each heading, and addresses carry that heading.
  bool numbers_repeat(pugi::xml_node body) {
    std::set<std::string> seen;
    bool repeat = false;
    for_each_element(body, [&](pugi::xml_node e) {
      if (!is_unit(local(e)) || local(e.parent()) == "list" || is_unit(local(e.parent()))) return true;
      for (pugi::xml_node up = e.parent(); up && up != body; up = up.parent())
        if (is_unit(local(up))) return true;
      const std::string number = bare_number(plain_text(child(e, "num")));
      if (!number.empty() && !seen.insert(number).second) repeat = true;
      return !repeat;
    });
    return repeat;
  }

  /// Starts reading a body or annex: no heading scope yet.
  void start_numbering(pugi::xml_node body) {
    restarts_ = numbers_repeat(body);
    scope_.clear();
    next_scope_.clear();
    scope_numbers_.clear();
    fallback_scopes_ = 0;
  }

  /// The scope of top-level paragraph `number`: the last labelling heading's, or, where a
  /// number repeats with no such heading between, "part 2", "part 3"...
  void enter_scope(const std::string& number) {
    if (!restarts_) return;
    if (scope_numbers_[next_scope_].count(number)) {
      do next_scope_ = "part " + std::to_string(++fallback_scopes_ + 1);
      while (scope_numbers_.count(next_scope_));
    }
    scope_ = next_scope_;
    scope_numbers_[scope_].insert(number);
  }

  /// Notes this heading as the scope of the paragraphs after it, where numbers restart.
  void heading_seen(const std::string& text) {
    if (!restarts_) return;
    std::string label = scope_label(text);
    if (!label.empty() && label != part_) {  // "Annex II" opening the part is the part's own
      next_scope_ = label;
      scope_numbers_[label];  // known, so that a "part N" fallback never takes its name
    }
  }

  // --- blocks ------------------------------------------------------------------------------

  std::string next_block_address(int section) {
    const std::string path = section < 0 ? std::string() : doc_.section_path(section);
    return block_address(doc_.id, path, ++ordinals_[path]);
  }

  /// Completes `block` from what was collected for it and appends it with its footnotes
  /// and references.
  void add_block(Block block, const Collected& collected, pugi::xml_node where) {
    block.text = block.cells.empty() ? normalise_space(collected.text) : table_text(block.cells);
    if (block.kind == BlockKind::heading || (block.kind == BlockKind::text && block.text.size() <= 60))
      heading_seen(block.text);
    block.span.first_line = line_of(where.offset_debug());
    block.span.last_line = std::max(block.span.first_line, collected.last_line);
    if (!addresses_.insert(block.address).second)
      doc_.diagnostics.push_back({Diagnostic::Severity::warning,
                                  "address " + block.address + " given twice (repeated paragraph number?)",
                                  block.span});
    for (const NoteUse& use : collected.notes) add_footnote(block, use);

    std::vector<Reference> refs = find_references(block.text, block.address);
    for (const auto& link : collected.links) {
      // Not a structured binding: C++17 (clang) lets no lambda capture one.
      const auto& symbol = link.first;
      const auto& printed = link.second;
      const bool known = std::any_of(refs.begin(), refs.end(), [&](const Reference& r) {
        return r.type == dossier::reference_type::un_symbol && r.id == symbol;
      });
      if (!known) refs.push_back({"un_symbol", symbol, block.address, printed});
    }
    doc_.references.insert(doc_.references.end(), refs.begin(), refs.end());
    doc_.blocks.push_back(std::move(block));
  }

  void add_footnote(Block& block, const NoteUse& use) {
    Collected c;
    collect_children(use.note, c, false);
    std::string text = normalise_space(c.text);
    const auto it = footnote_index_.find(use.label);
    if (it != footnote_index_.end() && doc_.footnotes[it->second].text == text) {
      // The same note cited again (noteRef): one footnote, several anchors.
      auto& anchors = doc_.footnotes[it->second].anchors;
      if (std::find(anchors.begin(), anchors.end(), block.address) == anchors.end()) anchors.push_back(block.address);
    } else {
      if (it != footnote_index_.end())
        warn("footnote label '" + use.label + "' used for two different notes", use.note);
      else
        footnote_index_[use.label] = doc_.footnotes.size();
      doc_.footnotes.push_back({use.label, std::move(text), {block.address}});
    }
    if (std::find(block.footnote_refs.begin(), block.footnote_refs.end(), use.label) == block.footnote_refs.end())
      block.footnote_refs.push_back(use.label);
  }

  /// Notes on the cover page or in the title belong to no block: kept, without anchors.
  void unplaced_notes(pugi::xml_node document) {
    for (const char* part : {"coverPage", "preface"}) {
      Collected c;
      collect_children(child(document, part), c, false);
      for (const NoteUse& use : c.notes) {
        Collected note;
        collect_children(use.note, note, false);
        doc_.footnotes.push_back({use.label, normalise_space(note.text), {}});
        warn("footnote '" + use.label + "' in the " + part + " is in no block", use.note,
             Diagnostic::Severity::info);
      }
    }
  }

  /// Reads the children of a body part or hierarchical container. `in_section` skips the
  /// num and heading its section has already taken.
  void walk(pugi::xml_node parent, int section, int level, bool in_section) {
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
        if (!normalise_space(n.value()).empty()) warn("text outside any block not read", n);
        continue;
      }
      if (n.type() != pugi::node_element) continue;
      const std::string_view name = local(n);
      if (name.empty()) {
        warn("element <" + std::string(n.name()) + "> of another namespace not read", n);
      } else if (name == "hcontainer" && std::string_view(n.attribute("name").value()) == "recommendation") {
        add_recommendation(n, section, level);
      } else if (is_hierarchy(name)) {
        add_section(n, section, level + 1);
      } else if (is_unit(name)) {
        if (const std::string sub = heading_only(n) ? sub_annex_label(plain_text(n)) : std::string(); !sub.empty()) {
          // "Annex II" inside the annex: what follows is that annex, numbered afresh.
          Section s;
          s.kind = "annex";
          s.label = sub;
          s.title = plain_text(n);
          doc_.sections.push_back(s);
          section = static_cast<int>(doc_.sections.size()) - 1;
          part_ = sub;
        }
        add_unit(n, section, Parent{});
      } else if (in_section && (name == "num" || name == "heading")) {
        continue;
      } else if (in(name, {"heading", "subheading", "crossHeading"})) {
        Block heading;
        heading.kind = BlockKind::heading;
        heading.section = section;
        heading.address = next_block_address(section);
        Collected c;
        collect(n, c, false);
        add_block(std::move(heading), c, n);
      } else if (name == "list") {
        walk(n, section, level, false);  // a list outside a paragraph: its intro and points
      } else {
        // Formula, preambular container, conclusions, intro/wrapUp of a container, a p...
        Collected c;
        collect(n, c, false);
        if (normalise_space(c.text).empty() && c.notes.empty()) continue;
        Block text;
        text.kind = BlockKind::text;
        text.section = section;
        text.address = next_block_address(section);
        add_block(std::move(text), c, n);
      }
    }
  }

  void add_section(pugi::xml_node n, int parent, int level) {
    Section s;
    const std::string_view name = local(n);
    s.kind = name == "hcontainer" && *n.attribute("name").value() ? n.attribute("name").value() : std::string(name);
    s.level = level;
    s.parent = parent;
    Collected heading;
    if (const pugi::xml_node num = child(n, "num")) collect(num, heading, false);
    s.label = normalise_space(heading.text);
    const std::size_t title_start = heading.text.size();
    if (const pugi::xml_node h = child(n, "heading")) collect(h, heading, false);
    s.title = normalise_space(std::string_view(heading.text).substr(title_start));
    doc_.sections.push_back(s);
    const int index = static_cast<int>(doc_.sections.size()) - 1;
    if (!normalise_space(heading.text).empty() || !heading.notes.empty()) {
      Block b;
      b.kind = BlockKind::heading;
      b.section = index;
      b.address = next_block_address(index);
      add_block(std::move(b), heading, n);
    }
    walk(n, index, level, true);
  }

  /// Rows of the tables in `n`, each the plain text of its cells.
  std::vector<std::vector<std::string>> table_cells(pugi::xml_node n) {
    std::vector<std::vector<std::string>> rows;
    for_each_element(n, [&](pugi::xml_node e) {
      if (local(e) != "tr") return true;
      std::vector<std::string> row;
      for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling())
        if (local(c) == "td" || local(c) == "th") row.push_back(plain_text(c));
      rows.push_back(std::move(row));
      return true;
    });
    return rows;
  }

  static std::string table_text(const std::vector<std::vector<std::string>>& rows) {
    std::string text;
    for (const auto& row : rows) {
      if (!text.empty()) text += '\n';
      for (std::size_t i = 0; i < row.size(); ++i) text += (i ? " | " : "") + row[i];
    }
    return text;
  }

  /// The units of an `hcontainer name="recommendation"`, read in place, and the
  /// recommendation they make: the first one's text, then each list item's after its marker.
  void add_recommendation(pugi::xml_node n, int section, int level) {
    const std::size_t first = doc_.blocks.size();
    walk(n, section, level, true);
    if (doc_.blocks.size() == first) {
      warn("recommendation without text", n);
      return;
    }
    Recommendation r;
    r.address = doc_.blocks[first].address;
    r.text = doc_.blocks[first].text;
    for (std::size_t i = first + 1; i < doc_.blocks.size(); ++i) {
      const Block& b = doc_.blocks[i];
      if (b.kind == BlockKind::list_item) r.text += " " + (b.marker.empty() ? "" : b.marker + " ") + b.text;
    }
    r.kind = normalise_space(n.attribute("class").value());
    if (r.kind.empty()) r.kind = "recommendation";
    std::string_view ref = n.attribute("refersTo").value();
    if (!ref.empty() && ref.front() == '#') ref.remove_prefix(1);
    if (!ref.empty()) {
      for_each_element(child(document_, "meta"), [&](pugi::xml_node e) {
        if (e.attribute("eId").value() != ref) return true;
        r.addressee = e.attribute("showAs").value();
        return false;
      });
    }
    doc_.recommendations.push_back(std::move(r));
  }

  /// Where a unit sits: under nothing (a paragraph of the body) or under a numbered unit.
  struct Parent {
    bool nested = false;
    std::string number;  ///< dotted number of the enclosing unit: "4", "4.a"
    std::string tail;    ///< its address after the ¶: "4", "4(a)"
  };

  void add_unit(pugi::xml_node n, int section, const Parent& parent) {
    Block b;
    b.section = section;
    const pugi::xml_node num = child(n, "num");
    // Without a num, the number may open the text: "\t1 -\tتحيط علما" (the UN's Arabic files
    // of the seventy-fifth session).
    BlockKind declared_kind = BlockKind::text;
    const bool declares = parse_block_kind(n.attribute("class").value(), declared_kind);
    const std::string in_text = !num && !parent.nested && !declares ? inline_number(n) : std::string();
    const std::string printed = num ? plain_text(num) : normalise_space(in_text);
    const std::string bare = bare_number(printed);
    std::string tail;  // the address after the ¶; none for a unit without a number (a bullet)
    BlockKind declared = BlockKind::text;
    if (!parent.nested && heading_only(n)) {
      b.kind = BlockKind::heading;  // the UN marks up "Annex", "Introduction" as paragraphs
    } else if (!parent.nested && parse_block_kind(n.attribute("class").value(), declared) &&
        declared != BlockKind::numbered_paragraph) {
      b.kind = declared;
      b.marker = printed;
      if (declared == BlockKind::table) b.cells = table_cells(n);
    } else if (!parent.nested) {
      b.kind = bare.empty() ? BlockKind::text : BlockKind::numbered_paragraph;
      b.number = tail = bare;
      if (!bare.empty()) enter_scope(bare);
      if (num && bare.empty()) warn("paragraph number '" + printed + "' has no digit or letter", num);
    } else {
      b.kind = BlockKind::list_item;
      b.marker = printed;
      if (!bare.empty()) b.number = parent.number.empty() ? bare : parent.number + "." + bare;
      if (!bare.empty() && !parent.tail.empty()) tail = parent.tail + "(" + bare + ")";
    }
    // Without a ¶ address a unit is cited by ordinal, like any unnumbered block.
    b.address = tail.empty() ? next_block_address(section) : unit_address(tail);
    const Parent self{true, b.number, tail};

    Collected own;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
      if (c != num) collect(c, own, true);
    if (!in_text.empty())
      if (const std::size_t at = own.text.find(in_text); at != std::string::npos) own.text.erase(at, in_text.size());
    const std::string verb = operative_body_ && !parent.nested && b.kind != BlockKind::heading ? operative_verb(n)
                                                                                               : std::string();
    const std::size_t index = doc_.blocks.size();
    add_block(std::move(b), own, n);

    // Sub-paragraphs follow their paragraph, wherever they sit (usually list/point).
    std::vector<pugi::xml_node> units;
    find_units(n, units);
    for (const pugi::xml_node u : units) add_unit(u, section, self);
    if (!verb.empty()) add_operative(index, verb);
  }

  /// The operative verb the UN sets in italics at the start of an operative paragraph
  /// ("<span class="italic">Calls upon</span> States to ..."), in every language that has
  /// italics; empty when the paragraph does not open with one.
  std::string operative_verb(pugi::xml_node unit) {
    const pugi::xml_node p = first_own_p(unit);
    if (!p) return {};
    for (pugi::xml_node c = p.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata) {
        if (normalise_space(c.value()).empty() || number_prefix(c.value()) == std::string_view(c.value()).size())
          continue;  // the paragraph's number printed in its text
        return {};
      }
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = local(c);
      const bool italic = name == "i" || (name == "span" && std::string_view(c.attribute("class").value()).find("italic") !=
                                                                std::string_view::npos);
      if (!italic) return {};
      std::string verb = plain_text(c);
      while (!verb.empty() && (verb.back() == ',' || verb.back() == ':')) verb.pop_back();
      return readers::operative_verb_like(verb, doc_.language) ? verb : std::string();
    }
    return {};
  }

  /// How many bytes of `text` are a paragraph number printed before the text: spaces,
  /// one to three digits, a dash or period, and a space or tab ("\t1 -\t"); 0 when none.
  static std::size_t number_prefix(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && is_space(text[i])) ++i;
    const std::size_t digits = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == digits || i - digits > 3) return 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '.')) ++i;
    else if (text.compare(i, 3, "\xE2\x80\x93") == 0) i += 3;
    else return 0;
    // A tab after it, or the end of the text before the verb's markup: as the UN's files set
    // it ("\t1 -\t", "\t232\t."). A space would be prose: "8 - 11 November 2010".
    const std::size_t gap = i;
    while (i < text.size() && is_space(text[i])) ++i;
    const bool tab = std::string_view(text.substr(gap, i - gap)).find('\t') != std::string_view::npos;
    return tab || i == text.size() ? i : 0;
  }

  /// The number a unit without `num` prints at the start of its text, as printed, or "".
  std::string inline_number(pugi::xml_node unit) {
    const pugi::xml_node p = first_own_p(unit);
    const pugi::xml_node first = p ? p.first_child() : unit.first_child();
    if (!first || first.type() != pugi::node_pcdata) return {};
    const std::string_view text = first.value();
    const std::size_t length = number_prefix(text);
    return length ? std::string(text.substr(0, length)) : std::string();
  }

  /// The first `p` of a unit's own text, in `content` or in the `intro` of its list, not in
  /// its points or notes.
  pugi::xml_node first_own_p(pugi::xml_node n) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      const std::string_view name = local(c);
      if (name.empty() || in(name, {"num", "authorialNote"}) || is_unit(name)) continue;
      if (name == "p") return c;
      if (const pugi::xml_node p = first_own_p(c)) return p;
    }
    return {};
  }

  /// The block at `index` and its points make an operative paragraph: a recommendation
  /// with its verb and, when the verb asks someone to act, whom it asks.
  void add_operative(std::size_t index, const std::string& verb) {
    const Block& first = doc_.blocks[index];
    Recommendation r;
    r.address = first.address;
    r.kind = "operative_paragraph";
    r.verb = verb;
    r.text = readers::text_with_points(doc_, index);
    const std::string_view rest = std::string_view(first.text).substr(
        first.text.compare(0, verb.size(), verb) == 0 ? verb.size() : 0);
    r.addressee = readers::operative_addressee(verb, rest, doc_.language);
    doc_.recommendations.push_back(std::move(r));
  }

  /// A unit with no number that holds only a heading: "<paragraph><subheading>Annex".
  bool heading_only(pugi::xml_node n) const {
    bool heading = false;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      const std::string_view name = local(c);
      if (name == "subheading" || name == "heading") heading = true;
      else if (!name.empty()) return false;
      else if (c.type() == pugi::node_element || !normalise_space(c.value()).empty()) return false;
    }
    return heading;
  }

  /// The units directly below `n`, looking through wrappers such as `list` but not into
  /// units or notes.
  void find_units(pugi::xml_node n, std::vector<pugi::xml_node>& out) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      const std::string_view name = local(c);
      if (name.empty() || name == "authorialNote") continue;
      if (is_unit(name))
        out.push_back(c);
      else
        find_units(c, out);
    }
  }

  std::string_view content_;
  std::string path_;
  pugi::xml_document xml_;
  pugi::xml_node document_;  ///< the one document element below akomaNtoso
  std::string prefix_;  ///< "" or "akn:" when the root uses a prefix for the AKN namespace
  Document doc_;
  std::vector<std::size_t> line_starts_;
  std::map<std::string, std::size_t> ordinals_;  ///< unnumbered blocks so far, by section path
  std::set<std::string> addresses_;
  std::map<std::string, std::size_t> footnote_index_;  ///< label -> first footnote with it
  std::map<std::string, pugi::xml_node> meta_notes_;   ///< eId -> meta/notes/note
  std::map<std::string, std::string> component_names_;  ///< component eId -> "Resolution A"
  std::string part_;  ///< label of the annex or component being read ("annex", "A"); "" in the body
  bool operative_body_ = false;  ///< reading a resolution's mainBody, whose paragraphs are operative
  bool restarts_ = false;   ///< the part being read numbers its paragraphs afresh under headings
  std::string scope_;       ///< the heading scope of the current paragraph ("section II"), if any
  std::string next_scope_;  ///< the last labelling heading seen
  std::map<std::string, std::set<std::string>> scope_numbers_;  ///< numbers used in each scope
  int fallback_scopes_ = 0;
};

}  // namespace

Document parse_akoma_ntoso(std::string_view content, const std::string& path) {
  return Parser(content, path).run();
}

}  // namespace dossier::akn_reader
