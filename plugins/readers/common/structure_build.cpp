// The document from the classified items: sections in their sequence, blocks, the
// recommendations under their headings and the UPR lists of recommendations.
#include "structure_parser.hpp"

#include "cover.hpp"
#include "operative.hpp"
#include "recommendations.hpp"
#include "sections.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include <dossier/model.hpp>

namespace dossier::readers::structure_parser {

namespace {

// The printed style of a list marker: "12." -> "1", "(c)" -> "(a)", "•" stays. A number
// that lost its period ("73") is of the style of the others.
std::string marker_style(std::string marker) {
  if (!marker.empty() && marker.back() == '.') marker.pop_back();
  std::string style;
  for (const char c : marker) {
    const auto u = static_cast<unsigned char>(c);
    const char s = std::isdigit(u) ? '1' : std::islower(u) ? 'a' : c;
    if (style.empty() || style.back() != s || (s != '1' && s != 'a')) style += s;
  }
  return style;
}

// Its place in its list: "12." -> 12, "(c)" -> 3; 0 for bullets.
int marker_value(const std::string& marker) {
  std::string digits;
  for (const char c : marker)
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  if (!digits.empty() && digits.size() < 4) return std::stoi(digits);
  for (const char c : marker)
    if (c >= 'a' && c <= 'z') return c - 'a' + 1;
  return 0;
}

// Whether the items after st.items[i] (the paragraph introducing them) make a list: its
// sub-paragraphs ("120.1") or restarted items ("1."), before any other paragraph or
// heading. Page notes left in the flow ("** Conclusions ... not edited.") may come between.
bool list_follows(const ParserState& st, std::size_t i) {
  const std::string prefix = st.items[i].number + ".";
  for (std::size_t j = i + 1; j < st.items.size() && j <= i + 3; ++j) {
    const Item& next = st.items[j];
    if (next.kind == Kind::candidate) return next.number.rfind(prefix, 0) == 0;
    if (next.kind == Kind::list_item) return true;
    if (next.kind != Kind::text || next.text[0] != '*') return false;
  }
  return false;
}

// An item of a UPR list and its recommendation(s). A numbered item ("121.2") is the unit
// the State answers and users cite: it stays whole, with all its recommending States.
// The first cycle's lists ("1.", "2." inside one paragraph) grouped the recommendations of
// several States under one unnumbered item, each still ending with its own States ("To
// consider ratifying ... (Nigeria); to ratify ... (Switzerland)"): there each attribution
// is a recommendation of its own (attributed_clauses()), in a block of its own after the
// item's.
// The address of a first-cycle item ("4." under paragraph 60): paragraph and item, as later
// cycles print theirs ("A/HRC/8/35 ¶60.4"); empty when the item has no number in sequence.
std::string first_cycle_address(const ParserState& st, const Block& b, const UprList& upr) {
  std::string item = b.marker;
  while (!item.empty() && (item.back() == '.' || item.back() == ')')) item.pop_back();
  const auto& numbers = st.lists.back().numbers;
  const bool in_order = numbers.size() < 2 || numbers[numbers.size() - 2] < numbers.back();
  if (upr.number.empty() || item.empty() || !in_order || item.find_first_not_of("0123456789") != std::string::npos)
    return {};
  return paragraph_address(st.doc.id, upr.number + "." + item);
}

// A numbered item (121.2) is one recommendation with all its States. A first-cycle item
// grouped several States' recommendations, each clause ending with its own States: each is a
// recommendation, as registers such as UPR Info count them, cited as the item and, after the
// first, the clause's place in it ("A/HRC/8/35, para. 60.4 (2)").
void push_upr_item(ParserState& st, Block b, const UprList& upr, bool numbered) {
  const std::string item = numbered || !b.address.empty() ? std::string() : first_cycle_address(st, b, upr);
  const std::vector<std::string> parts = numbered ? std::vector<std::string>{b.text} : attributed_clauses(b.text);
  for (std::size_t k = 0; k < parts.size(); ++k) {
    Block c;
    if (k == 0) {
      c = std::move(b);
      if (!item.empty()) c.address = item;
    } else {
      c.kind = BlockKind::list_item;
      c.span = st.doc.blocks.back().span;
      if (!item.empty()) c.address = item + "(" + std::to_string(k + 1) + ")";
    }
    c.text = parts[k];
    push_block(st, std::move(c));
    const Block& last = st.doc.blocks.back();
    add_recommendation(st, last, "recommendation", upr.addressee, upr.position, recommending_states(last.text));
    ++st.lists.back().read;
  }
}

// Whether the first item after st.items[i] ends with the States that made it.
bool first_item_attributed(const ParserState& st, std::size_t i) {
  for (std::size_t j = i + 1; j < st.items.size() && j <= i + 3; ++j)
    if (st.items[j].kind == Kind::candidate || st.items[j].kind == Kind::list_item)
      return paragraph_anyway(st.items[j].text) && st.items[j].text.back() != ':';
  return false;
}

// A heading whose label breaks the sequence of its style ("12" after "3") is kept as text:
// a number that lost its line (a page number, a footnote) more often than a heading.
bool heading_in_sequence(ParserState& st, const Item& item) {
  if (item.label.style == LabelStyle::none || item.label.style == LabelStyle::named ||
      item.label.style == LabelStyle::annex)
    return true;
  const int level = level_of(item.label);
  const auto last = st.heading_values.find(level);
  if (!continues_sequence(item.label, last == st.heading_values.end() ? 0 : last->second)) {
    st.doc.diagnostics.push_back({Diagnostic::Severity::info,
                                  "\"" + item.label.text + " " + item.text.substr(0, 60) +
                                      "\" breaks the sequence of its headings; kept as text",
                                  item.span, "structure.heading_out_of_sequence", 0});
    return false;
  }
  st.heading_values[level] = label_value(item.label);
  // Deeper headings number afresh under this one.
  st.heading_values.erase(st.heading_values.upper_bound(level), st.heading_values.end());
  return true;
}

std::string strip_label(const Item& item) {
  Label lab;
  std::string rest;
  return split_label(item.text, lab, rest) ? rest : item.text;
}

}  // namespace

void build(ParserState& st) {
  st.doc.blocks.reserve(st.items.size());  // about one block per item
  RecommendationContext rec;
  UprList upr;
  LongBlocks long_tables;
  for (std::size_t index = 0; index < st.items.size(); ++index) {
    Item& item = st.items[index];
    if (item.kind == Kind::section && !heading_in_sequence(st, item)) {
      if (upr.active && item.label.style == LabelStyle::numeric && item.label.text.rfind(upr.number + ".", 0) == 0) {
        // A short recommendation of the open list that read like a heading ("145.38
        // Increase efforts to establish a national human rights institution").
        item.kind = Kind::candidate;
        item.number = item.label.text;
      } else {
        item.kind = Kind::text;
        item.text = item.label.text + (item.label.style == LabelStyle::numeric ? " " : ". ") + item.text;
      }
    }
    switch (item.kind) {
      case Kind::rec_heading: {
        upr.active = false;
        // Sub-headings ("(a) Recommendations in relation to the HLD") keep the addressee.
        const std::string inherited = rec.active ? rec.addressee : std::string();
        if (item.label.style != LabelStyle::none) add_section(st, item.label, strip_label(item), item.span);
        else {
          Block b;
          b.kind = BlockKind::heading;
          b.text = item.text;
          b.span = item.span;
          push_block(st, std::move(b));
        }
        rec = item.rec;
        if (rec.addressee.empty()) rec.addressee = inherited;
        rec.level = current_level(st);
        break;
      }
      case Kind::section:
        upr.active = false;
        add_section(st, item.label, item.text, item.span, item.footnotes);
        if (rec.active && current_level(st) <= rec.level) rec.active = false;
        break;
      case Kind::heading: {
        upr.active = false;
        Block b;
        b.kind = BlockKind::heading;
        b.text = item.text;
        b.span = item.span;
        b.footnote_refs = item.footnotes;
        push_block(st, std::move(b));
        if (!rec.numbered) rec.active = false;
        break;
      }
      case Kind::table: {
        // Rows join into one table whatever their number: one longer than the readers'
        // block limit becomes several tables, each within it.
        std::vector<TableRows> tables = bounded_tables(std::move(item.cells));
        if (tables.size() > 1) long_tables.add(item.text.size(), tables.size());
        for (auto& rows : tables) {
          Block b;
          b.kind = BlockKind::table;
          b.text = tables.size() > 1 ? table_text(rows) : item.text;
          b.cells = std::move(rows);
          b.span = item.span;
          push_block(st, std::move(b));
        }
        break;
      }
      case Kind::candidate:
        if (item.number.find('.') == std::string::npos) {
          // A paragraph ends the list before it and may open the next.
          upr.active = false;
          const bool follows = list_follows(st, index);
          if (const auto intro = follows ? list_introduction(item.text, first_item_attributed(st, index))
                                         : std::optional<ListIntroduction>{};
              intro) {
            upr = {true, item.number, normalize_addressee(intro->state), intro->position, ""};
            if (upr.addressee.empty()) upr.addressee = metadata_value(st.doc, "state_under_review");
            st.lists.push_back({paragraph_address(st.doc.id, item.number), item.span, {}, 0});
          }
        } else if (upr.active) {
          Block b;
          b.kind = BlockKind::numbered_paragraph;
          b.number = item.number;
          b.text = item.text;
          b.footnote_refs = item.footnotes;
          b.span = item.span;
          const std::string& n = item.number;
          st.lists.back().numbers.push_back(std::stoi(n.substr(n.find('.') + 1)));
          push_upr_item(st, std::move(b), upr, true);
          break;
        }
        [[fallthrough]];
      case Kind::list_item:
      case Kind::text: {
        // Inside a UPR list every recommendation is numbered: unnumbered text is the
        // rest of the one before (a line that pdftotext's layout broke off).
        if (upr.active && item.kind == Kind::text && !st.doc.recommendations.empty() &&
            st.doc.blocks.back().address == st.doc.recommendations.back().address &&
            st.doc.blocks.back().text.size() + item.text.size() < max_line_bytes) {
          // The rest may hold further attributions: the last part is read again.
          Block last = pop_block(st);
          st.doc.recommendations.pop_back();
          --st.lists.back().read;
          last.text += " " + item.text;
          last.span.last_line = item.span.last_line;
          last.footnote_refs.insert(last.footnote_refs.end(), item.footnotes.begin(), item.footnotes.end());
          const bool numbered = last.kind == BlockKind::numbered_paragraph;
          push_upr_item(st, std::move(last), upr, numbered);
          break;
        }
        Block b;
        b.kind = item.kind == Kind::candidate ? BlockKind::numbered_paragraph
                 : item.kind == Kind::list_item ? BlockKind::list_item
                                                : BlockKind::text;
        b.number = item.number;
        b.marker = item.marker;
        b.text = item.text;
        b.footnote_refs = item.footnotes;
        b.span = item.span;
        if (!item.part.empty() && b.kind == BlockKind::numbered_paragraph)
          b.address = paragraph_address(st.doc.id + " " + item.part, b.number);
        // First-cycle UPR lists: items "1." "2." ...; items in another style are parts of
        // the recommendation before ("(a)", bullets).
        if (upr.active && b.kind == BlockKind::list_item) {
          const std::string style = marker_style(b.marker);
          if (upr.item_style.empty()) upr.item_style = style;
          const bool own = style == upr.item_style && !item.nested;
          if (!own && !st.doc.recommendations.empty() &&
              st.doc.recommendations.back().text.size() + b.text.size() < max_line_bytes)
            st.doc.recommendations.back().text += " " + (b.marker.empty() ? "" : b.marker + " ") + b.text;
          if (own) {
            st.lists.back().numbers.push_back(marker_value(b.marker));
            push_upr_item(st, std::move(b), upr, false);
          } else {
            push_block(st, std::move(b));
          }
          break;
        }
        if (rec.active && b.kind == BlockKind::numbered_paragraph) rec.numbered = true;
        // A plain paragraph ends a list of recommendations (practice examples follow),
        // unless it introduces the list ("Interested governments ... should:"). The first
        // paragraph under the heading is an item that lost its bullet in conversion.
        // "Interested governments, with the assistance of ..., should:" names whom the
        // items that follow address.
        if (rec.active && b.kind == BlockKind::text && !b.text.empty() && b.text.back() == ':')
          if (std::string actor = subject_addressee(b.text, st.doc.language); !actor.empty()) rec.addressee = actor;
        if (rec.active && b.kind == BlockKind::text && !rec.numbered && b.text.back() != ':') {
          if (rec.items == 0) {
            b.kind = BlockKind::list_item;
            st.doc.diagnostics.push_back({Diagnostic::Severity::info,
                                          "first item under a recommendations heading has no bullet", b.span,
                                          "recommendations.unmarked_item", 0});
          } else {
            rec.active = false;
          }
        }
        // In numbered recommendations, list items are sub-items of the paragraph before.
        const bool sub_item = rec.active && rec.numbered && b.kind == BlockKind::list_item;
        if (sub_item && !st.doc.recommendations.empty() &&
            st.doc.recommendations.back().text.size() + b.text.size() < max_line_bytes)
          st.doc.recommendations.back().text += " " + (b.marker.empty() ? "" : b.marker + " ") + b.text;
        const bool is_rec = rec.active && !item.nested && !sub_item &&
                            (b.kind == BlockKind::numbered_paragraph || b.kind == BlockKind::list_item);
        push_block(st, std::move(b));
        if (is_rec) {
          ++rec.items;
          add_recommendation(st, st.doc.blocks.back(), rec.kind, rec.addressee, "", {});
        }
        break;
      }
    }
  }
  if (long_tables.count) st.doc.diagnostics.push_back(long_tables.diagnostic("table", "split", "tables"));
}

}  // namespace dossier::readers::structure_parser
