// Paragraph numbering applied to the items: which numbered lines are the document's
// paragraphs, per scope (the body, each annex that numbers afresh), and what is reported.
#include "structure_parser.hpp"

#include "numbering.hpp"
#include "text_util.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include <dossier/model.hpp>

namespace dossier::readers::structure_parser {

namespace {

// What an annex is called in addresses, as the akn reader calls it: "Annex" -> "annex",
// "ANNEX II" -> "annex II"; a second annex without a numeral is "annex 2".
std::string annex_part(const std::string& label, const std::vector<std::string>& taken) {
  std::string rest;
  const std::size_t space = label.find(' ');
  if (space != std::string::npos) rest = trim(std::string_view(label).substr(space + 1));
  while (!rest.empty() && (rest.back() == '.' || rest.back() == ':')) rest.pop_back();
  std::string part = rest.empty() ? "annex" : "annex " + rest;
  for (int n = 2; std::find(taken.begin(), taken.end(), part) != taken.end(); ++n) part = "annex " + std::to_string(n);
  return part;
}

}  // namespace

// The run of paragraph numbers through the whole document (numbering.hpp) decides which
// numbered lines are paragraphs; the others are list items, or text where the number had
// no period.
void number_paragraphs(ParserState& st) {
  // An annex may number its paragraphs afresh: each annex is a scope of its own. The
  // document's numbering is the first scope's that has one (the body's, or an annex's when
  // the body is only a cover note); the other scopes' numbers stay list items, so that no
  // two paragraphs share an address.
  std::vector<std::vector<std::size_t>> scopes(1);
  std::vector<std::string> parts(1);  // what each scope is called in addresses
  std::vector<std::size_t> subs;
  for (std::size_t i = 0; i < st.items.size(); ++i) {
    if (st.items[i].kind == Kind::section && st.items[i].label.style == LabelStyle::annex) {
      if (!scopes.back().empty()) {
        scopes.emplace_back();
        parts.emplace_back();
      }
      parts.back() = annex_part(st.items[i].label.text, parts);
    }
    if (st.items[i].kind != Kind::candidate) continue;
    if (st.items[i].number.find('.') != std::string::npos) subs.push_back(i);
    else scopes.back().push_back(i);
  }
  std::vector<std::size_t> candidates;
  std::vector<NumberCandidate> numbers;
  ParagraphNumbering numbering;
  std::size_t chosen = 0;
  for (std::size_t k = 0; k < scopes.size(); ++k) {
    std::vector<NumberCandidate> n;
    for (std::size_t i : scopes[k]) n.push_back({std::stoi(st.items[i].number), st.items[i].weak});
    ParagraphNumbering found = find_paragraph_numbering(n);
    if (k == 0 || (numbering.paragraphs.empty() && !found.paragraphs.empty())) {
      candidates = scopes[k];
      numbers = std::move(n);
      numbering = std::move(found);
      chosen = k;
    }
  }
  // A resolution's annex is cited as such ("A/RES/76/266, annex, para. 12") even when the
  // resolution's own paragraphs are not numbered; a report sent under a cover note is cited
  // by its paragraphs alone.
  const bool resolution = st.doc.symbol.find("/RES/") != std::string::npos;
  for (std::size_t k = 0; k < scopes.size(); ++k) {
    if (k == chosen && !(resolution && !parts[k].empty())) continue;
    if (scopes[k].size() < 3) continue;
    std::vector<NumberCandidate> n;
    for (std::size_t i : scopes[k]) n.push_back({std::stoi(st.items[i].number), st.items[i].weak});
    const ParagraphNumbering own = find_paragraph_numbering(n);
    std::set<std::size_t> own_paragraphs;
    for (std::size_t p : own.paragraphs) own_paragraphs.insert(scopes[k][p]);
    const bool addressed = !parts[k].empty() && own_paragraphs.size() >= 3;
    st.doc.diagnostics.push_back(
        {Diagnostic::Severity::info,
         "an annex numbers its paragraphs afresh (" + std::to_string(scopes[k].size()) + " numbered lines); " +
             (addressed ? "they are addressed within it: '" + paragraph_address(st.doc.id + " " + parts[k], st.items[*own_paragraphs.begin()].number) + "'"
                        : std::string("they are list items, not addressed by number")),
         st.items[scopes[k].front()].span, "numbering.annex", 0});
    if (k == chosen) {  // the document's numbering is the annex's: addressed within it
      for (std::size_t i : scopes[k]) st.items[i].part = parts[k];
      continue;
    }
    for (std::size_t i : scopes[k]) {
      Item& item = st.items[i];
      if (addressed && own_paragraphs.count(i)) {
        item.part = parts[k];
        continue;
      }
      if (item.weak) {
        item.kind = Kind::text;
        item.text = item.number + " " + item.text;
      } else {
        item.kind = Kind::list_item;
        item.marker = item.number + ".";
      }
      item.number.clear();
    }
  }
  std::set<std::size_t> paragraphs;
  for (std::size_t k : numbering.paragraphs) paragraphs.insert(candidates[k]);
  for (const NumberingGap& gap : numbering.gaps) {
    const Item& before = st.items[candidates[gap.before]];
    const Item& after = st.items[candidates[gap.after]];
    const int missing = gap.last - gap.first + 1;
    st.doc.diagnostics.push_back(
        {Diagnostic::Severity::warning,
         (missing == 1 ? "paragraph " + std::to_string(gap.first) + " is missing"
                       : "paragraphs " + std::to_string(gap.first) + " to " + std::to_string(gap.last) + " are missing") +
             " between paragraphs " + before.number + " and " + after.number + " (not found in the text)",
         {before.span.first_line, after.span.first_line}, "numbering.gap", static_cast<std::uint32_t>(missing)});
  }
  if (numbering.ambiguous)
    st.doc.diagnostics.push_back(
        {Diagnostic::Severity::warning,
         numbering.paragraphs.empty()
             ? "numbered lines form several runs of the same length: paragraphs could not be told from list "
               "items, so none is addressed by number"
             : "numbered lines form several runs of similar length: the longest was taken as the paragraphs; the "
               "others are list items",
         {}, "numbering.ambiguous", 0});
  for (std::size_t k : numbering.repeated) {
    Item& item = st.items[candidates[k]];
    st.doc.diagnostics.push_back({Diagnostic::Severity::warning,
                                  "paragraph number " + item.number +
                                      " is printed twice; the second is kept as text (its address would be taken)",
                                  item.span, "numbering.repeated", 0});
  }
  if (!numbering.unplaced.empty()) {
    std::string which;
    for (std::size_t n = 0; n < numbering.unplaced.size() && n < 8; ++n)
      which += (n ? ", " : "") + st.items[candidates[numbering.unplaced[n]]].number;
    if (numbering.unplaced.size() > 8) which += ", ...";
    st.doc.diagnostics.push_back({Diagnostic::Severity::info,
                                  std::to_string(numbering.unplaced.size()) +
                                      " numbered line(s) fit neither the paragraph numbering nor a list in it (" +
                                      which + "); kept as list items",
                                  st.items[candidates[numbering.unplaced.front()]].span, "numbering.unplaced", 0});
  }
  std::set<std::string> standing;
  for (std::size_t i : paragraphs) standing.insert(st.items[i].number);
  std::set<std::size_t> weak_taken;
  for (std::size_t k : numbering.weak_taken) weak_taken.insert(candidates[k]);
  for (std::size_t i : candidates) {
    if (paragraphs.count(i)) continue;
    Item& item = st.items[i];
    if (item.weak && !weak_taken.count(i)) {  // a number that starts a line of text, no paragraph
      item.kind = Kind::text;
      item.text = item.number + " " + item.text;
    } else {
      item.kind = Kind::list_item;
      item.marker = item.number + (item.weak ? "" : ".");  // as printed
    }
    item.number.clear();
  }
  // Sub-paragraphs stand when their paragraph does.
  for (std::size_t i : subs) {
    if (standing.count(st.items[i].number.substr(0, st.items[i].number.find('.')))) continue;
    st.items[i].kind = Kind::list_item;
    st.items[i].marker = st.items[i].number;
    st.items[i].number.clear();
  }
}

}  // namespace dossier::readers::structure_parser
