// The akn parser's state and its parts, one file each (akn_*.cpp): what they share, so that
// metadata, text, blocks, units, scopes and parts read on their own. Internal to the akn reader.
#pragma once

#include <pugixml.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <dossier/model.hpp>

#include "akn_markup.hpp"
#include "block_limit.hpp"

namespace dossier::akn_reader {

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

/// Where a unit sits: under nothing (a paragraph of the body) or under a numbered unit.
struct Parent {
  bool nested = false;
  std::string number;  ///< dotted number of the enclosing unit: "4", "4.a"
  std::string tail;    ///< its address after the ¶: "4", "4(a)"
};

// What the parts share: the source, its XML, the document built and where the reading is.
struct ParserState {
  ParserState(std::string_view content, const std::string& path);

  /// Local name of an Akoma Ntoso element; "" for other nodes and elements of other
  /// namespaces (akn4un:, html:). Namespaces are those the root declares: AKN files do not
  /// rebind prefixes further down.
  std::string_view local(pugi::xml_node n) const {
    if (n.type() != pugi::node_element) return {};
    std::string_view name = n.name();
    if (name.substr(0, prefix.size()) != prefix) return {};
    name.remove_prefix(prefix.size());
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
    const auto it = std::upper_bound(line_starts.begin(), line_starts.end(), static_cast<std::size_t>(offset));
    return static_cast<std::uint32_t>(it - line_starts.begin());
  }

  void warn(const std::string& message, pugi::xml_node where,
            Diagnostic::Severity severity = Diagnostic::Severity::warning) {
    const std::uint32_t line = line_of(where.offset_debug());
    doc.diagnostics.push_back({severity, message, {line, line}});
  }

  std::string_view content;
  std::string path;
  pugi::xml_document xml;
  pugi::xml_node document;  ///< the one document element below akomaNtoso
  std::string prefix;  ///< "" or "akn:" when the root uses a prefix for the AKN namespace
  Document doc;
  std::vector<std::size_t> line_starts;
  std::map<std::string, std::size_t> ordinals;  ///< unnumbered blocks so far, by section path
  std::set<std::string> addresses;
  std::map<std::string, std::size_t> footnote_index;  ///< label -> first footnote with it
  std::map<std::string, pugi::xml_node> meta_notes;   ///< eId -> meta/notes/note
  std::map<std::string, std::string> component_names;  ///< component eId -> "Resolution A"
  std::string part;  ///< label of the annex or component being read ("annex", "A"); "" in the body
  bool operative_body = false;  ///< reading a resolution's mainBody, whose paragraphs are operative
  bool restarts = false;   ///< the part being read numbers its paragraphs afresh under headings
  std::string scope;       ///< the heading scope of the current paragraph ("section II"), if any
  std::string next_scope;  ///< the last labelling heading seen
  std::map<std::string, std::set<std::string>> scope_numbers;  ///< numbers used in each scope
  int fallback_scopes = 0;
  readers::LongBlocks long_paragraphs;  ///< blocks cut at the readers' limit (add_block)
  readers::LongBlocks long_tables;
};

// akn_metadata.cpp: symbol, id, title, date, body, language, the UN's classification.
void read_metadata(ParserState& st, pugi::xml_node document);

// akn_text.cpp: the text of elements, with their notes and links.
std::string plain_text(ParserState& st, pugi::xml_node n);
std::string note_label(ParserState& st, pugi::xml_node note);
void collect_children(ParserState& st, pugi::xml_node n, Collected& out, bool skip_units);
void collect(ParserState& st, pugi::xml_node n, Collected& out, bool skip_units);

// akn_parts.cpp: annexes and the components of a collection.
void read_collection_body(ParserState& st, pugi::xml_node body);
void read_parts(ParserState& st, pugi::xml_node parts);

// akn_scopes.cpp: where paragraph numbers restart, and the addresses that follow.
std::string sub_annex_label(const ParserState& st, const std::string& heading);
std::string unit_address(const ParserState& st, const std::string& tail);
void start_numbering(ParserState& st, pugi::xml_node body);
void enter_scope(ParserState& st, const std::string& number);
void heading_seen(ParserState& st, const std::string& text);

// akn_blocks.cpp: the body's sections and blocks, with their notes and references.
std::string next_block_address(ParserState& st, int section);
void add_block(ParserState& st, Block block, const Collected& collected, pugi::xml_node where);
void unplaced_notes(ParserState& st, pugi::xml_node document);
void walk(ParserState& st, pugi::xml_node parent, int section, int level, bool in_section);

// akn_units.cpp: numbered paragraphs and their points.
void add_unit(ParserState& st, pugi::xml_node n, int section, const Parent& parent);
std::size_t number_prefix(std::string_view text);
pugi::xml_node first_own_p(ParserState& st, pugi::xml_node n);
bool heading_only(const ParserState& st, pugi::xml_node n);

// akn_recommendations.cpp: recommendations and operative paragraphs.
void add_recommendation(ParserState& st, pugi::xml_node n, int section, int level);
std::string operative_verb(ParserState& st, pugi::xml_node unit);
void add_operative(ParserState& st, std::size_t index, const std::string& verb);

}  // namespace dossier::akn_reader
