// The structure parser's state and its stages: structure.cpp runs them, one file each
// (structure_*.cpp), so that no stage has to be read through the others. Internal to
// dossier_reader_common.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <dossier/model.hpp>

#include "checks.hpp"
#include "sections.hpp"
#include "structure.hpp"

namespace dossier::readers::structure_parser {

// A UPR report's list of recommendations to the State under review, opened by the
// paragraph that introduces it; items numbered "N.1", "N.2" ... (later cycles) or "1.",
// "2." ... (first cycle).
struct UprList {
  bool active = false;
  std::string number;      // of the introducing paragraph
  std::string addressee;   // the State under review
  std::string position;    // what the introduction says of them
  std::string item_style;  // marker style of a first-cycle list's items
};

struct RecommendationContext {
  bool active = false;
  std::string kind;
  std::string addressee;
  bool numbered = false;  // recommendations are numbered paragraphs (ends only at a heading)
  int level = 0;          // section level it was opened at
  int items = 0;          // recommendations found under it so far
};

using Line = SourceLine;

enum class Kind { heading, section, candidate, list_item, text, table, rec_heading };

struct Item {
  Kind kind;
  std::string text;
  std::string number;  // candidate paragraph number
  Label label;         // sections
  std::string marker;  // list items
  bool nested = false;
  bool weak = false;   // candidate printed without its period
  std::vector<std::string> footnotes;
  std::vector<std::vector<std::string>> cells;
  SourceSpan span;
  RecommendationContext rec;  // rec_heading: the context it opens
  std::string part;           // candidate of an annex that numbers afresh: "annex", "annex II"
};

// What the stages share: the source's lines, the items classified from them and the
// document built of those.
struct ParserState {
  ParserState(ParsedSource source, const std::string& path);

  std::vector<Line> lines;
  std::string raw_head;
  std::string path;
  Document doc;
  std::vector<Item> items;
  std::vector<Footnote> footnotes;
  bool last_was_footnote = false;
  std::map<int, int> heading_values;  // level -> value of the last heading label there
  std::vector<RecommendationList> lists;  // UPR lists found, for the checks
  std::map<std::string, std::size_t> ordinals;
  bool paged = false;
};

// structure_classify.cpp: lines into items.
bool furniture(const std::string& line, const std::string& symbol, bool paged);
bool paragraph_anyway(const std::string& text);
void classify(ParserState& st);

// structure_identify.cpp: symbol, date, language, id and title.
void identify(ParserState& st);

// structure_numbering.cpp: which numbered items are the document's paragraphs.
void number_paragraphs(ParserState& st);

// structure_blocks.cpp: sections, blocks and recommendations added to the document.
void add_section(ParserState& st, const Label& label, const std::string& title, SourceSpan span,
                 std::vector<std::string> footnotes = {});
int current_level(const ParserState& st);
void push_block(ParserState& st, Block b);
Block pop_block(ParserState& st);
void add_recommendation(ParserState& st, const Block& b, const std::string& kind, const std::string& addressee,
                        const std::string& position, std::vector<std::string> by);

// structure_build.cpp: the items as the document's sections, blocks and recommendations.
void build(ParserState& st);

// structure_flattened.cpp: one page printed on one line (file 000).
void parse_flattened_page(ParserState& st, std::string text, std::uint32_t line);

}  // namespace dossier::readers::structure_parser
