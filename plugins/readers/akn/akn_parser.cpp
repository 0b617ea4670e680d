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
//
// The parts (akn_state.hpp): metadata, text, blocks, units, recommendations, heading scopes,
// annexes and components, one file each; this file reads the file's outline and runs them.
#include "akn_parser.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "akn_state.hpp"

namespace dossier::akn_reader {

ParserState::ParserState(std::string_view content, const std::string& path) : content(content), path(path) {
  line_starts.push_back(0);
  for (std::size_t i = 0; i < content.size(); ++i)
    if (content[i] == '\n') line_starts.push_back(i + 1);
}

namespace {

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

void check_root(ParserState& st, pugi::xml_node root) {
  const std::string name = root.name();
  const std::size_t colon = name.find(':');
  const std::string local_name = colon == std::string::npos ? name : name.substr(colon + 1);
  const std::string prefix = colon == std::string::npos ? std::string() : name.substr(0, colon);
  const std::string declared =
      root.attribute(prefix.empty() ? "xmlns" : ("xmlns:" + prefix).c_str()).value();
  if (local_name != "akomaNtoso" || declared != akn_namespace)
    throw std::runtime_error(st.path + ": not Akoma Ntoso 3.0: the root element is <" + name + ">" +
                             (local_name == "akomaNtoso" ? " in namespace '" + declared + "'" : std::string()));
  st.prefix = prefix.empty() ? std::string() : prefix + ":";
}

Document run(ParserState& st) {
  // load_buffer copies the bytes. pugixml expands only XML's own five entities and
  // character references: a DOCTYPE is parsed as a node (so it can be reported) and
  // references to entities declared in it stay as written, so no entity bomb can expand.
  const unsigned flags = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype;
  const pugi::xml_parse_result result = st.xml.load_buffer(st.content.data(), st.content.size(), flags);
  if (!result) {
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0));
    throw std::runtime_error(st.path + ": malformed XML at byte " + std::to_string(offset) + " (line " +
                             std::to_string(st.line_of(static_cast<std::ptrdiff_t>(offset))) +
                             "): " + result.description());
  }
  const pugi::xml_node root = st.xml.document_element();
  check_root(st, root);
  if (nests_deeper_than(st.xml, depth_limit))
    throw std::runtime_error(st.path + ": elements nest deeper than " + std::to_string(depth_limit) +
                             " levels; not a document this reader can follow");
  for (pugi::xml_node n = st.xml.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_doctype) continue;
    const std::string declaration = n.value();
    st.warn(declaration.find("<!ENTITY") != std::string::npos
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
    } else if (document && in(st.local(n), {"components", "attachments"})) {
      parts.push_back(n);
    } else {
      st.warn("second document element <" + std::string(n.name()) + "> not read", n);
    }
  }
  if (!document) throw std::runtime_error(st.path + ": akomaNtoso holds no document");
  st.document = document;

  read_metadata(st, document);
  for (pugi::xml_node part = document.first_child(); part; part = part.next_sibling()) {
    if (part.type() != pugi::node_element) continue;
    const std::string_view name = st.local(part);
    if (in(name, {"meta", "coverPage", "preface"})) {
      continue;  // metadata and title page: read by read_metadata()
    } else if (in(name, {"preamble", "mainBody", "body", "debateBody", "judgmentBody", "amendmentBody",
                         "portionBody", "conclusions"})) {
      start_numbering(st, part);
      st.operative_body = name == "mainBody";
      walk(st, part, -1, 0, false);
      st.operative_body = false;
    } else if (in(name, {"attachments", "components"})) {
      parts.push_back(part);
    } else if (name == "collectionBody") {
      read_collection_body(st, part);
    } else {
      st.warn("<" + std::string(part.name()) + "> not read", part);
    }
  }
  for (const pugi::xml_node p : parts) read_parts(st, p);
  unplaced_notes(st, document);
  if (st.long_paragraphs.count)
    st.doc.diagnostics.push_back(st.long_paragraphs.diagnostic("paragraph", "broken", "paragraphs"));
  if (st.long_tables.count) st.doc.diagnostics.push_back(st.long_tables.diagnostic("table", "split", "tables"));
  return std::move(st.doc);
}

}  // namespace

Document parse_akoma_ntoso(std::string_view content, const std::string& path) {
  ParserState st(content, path);
  return run(st);
}

}  // namespace dossier::akn_reader
