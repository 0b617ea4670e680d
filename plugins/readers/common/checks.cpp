#include "checks.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "cover.hpp"
#include "recommendations.hpp"
#include "text_util.hpp"

namespace dossier::readers {

namespace {

bool speaks_of_recommendations(std::string_view text) {
  const std::string t = ascii_lower(text);
  return t.find("recommendation") != std::string::npos || t.find("recommandation") != std::string::npos ||
         t.find("recomendaci") != std::string::npos;
}

// Whether `text` ends as a recommendation to a State does: recommending States in
// parentheses, then ";" or "." or nothing.
bool ends_with_recommending_states(const std::string& text) {
  std::size_t end = text.size();
  while (end > 0 && (std::isspace(static_cast<unsigned char>(text[end - 1])) || text[end - 1] == ';' ||
                     text[end - 1] == '.'))
    --end;
  if (end == 0 || text[end - 1] != ')') return false;
  return !recommending_states(std::string_view(text).substr(0, end)).empty();
}

std::string list_of(const std::vector<int>& numbers, std::size_t most) {
  std::string out;
  for (std::size_t i = 0; i < numbers.size() && i < most; ++i) out += (i ? ", " : "") + std::to_string(numbers[i]);
  if (numbers.size() > most) out += ", ...";
  return out;
}

}  // namespace

void check_recommendation_lists(Document& doc, const std::vector<RecommendationList>& lists) {
  for (const RecommendationList& list : lists) {
    if (list.read == 0) {
      doc.diagnostics.push_back({Diagnostic::Severity::warning,
                                 list.introduced_by + " introduces a list of recommendations, but none could be read",
                                 list.span, "recommendations.missing", 0});
      continue;
    }
    std::vector<int> numbers;
    for (const int n : list.numbers)
      if (n > 0) numbers.push_back(n);
    if (numbers.empty()) continue;  // bulleted: nothing to count by
    // Numbers the list skips: up to its highest, every number from 1 should be there.
    const int highest = *std::max_element(numbers.begin(), numbers.end());
    const std::set<int> seen(numbers.begin(), numbers.end());
    std::vector<int> missing;
    for (int n = 1; n <= highest; ++n)
      if (!seen.count(n)) missing.push_back(n);
    const std::size_t repeated = numbers.size() - seen.size();
    if (!missing.empty())
      doc.diagnostics.push_back(
          {Diagnostic::Severity::warning,
           "the recommendations listed after " + list.introduced_by + " are numbered up to " + std::to_string(highest) +
               " but " + std::to_string(missing.size()) + " of those numbers were not found (" + list_of(missing, 8) +
               "): their recommendations are lost or joined to the one before",
           list.span, "recommendations.gap", static_cast<std::uint32_t>(missing.size())});
    if (repeated > 0)
      doc.diagnostics.push_back({Diagnostic::Severity::warning,
                                 "the recommendations listed after " + list.introduced_by + " repeat " +
                                     std::to_string(repeated) + " number(s): two lists may have run together",
                                 list.span, "recommendations.repeated", 0});
  }
}

void check_recommendations(Document& doc) {
  std::map<std::string_view, const Recommendation*> starts;
  for (const auto& r : doc.recommendations) starts.emplace(r.address, &r);
  std::size_t unread = 0;
  std::string first;
  SourceSpan first_span;
  bool in_recommendations = false;  // under a heading that speaks of recommendations
  const std::string* last_recommendation = nullptr;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::heading) {
      in_recommendations = speaks_of_recommendations(b.text);
      continue;
    }
    if (const auto it = starts.find(b.address); it != starts.end()) {
      last_recommendation = &it->second->text;
      continue;
    }
    // Sub-items are read into the recommendation before them.
    if (last_recommendation && last_recommendation->find(b.text) != std::string::npos) continue;
    if (!in_recommendations || b.kind == BlockKind::table || b.text.size() < 30) continue;
    if (!ends_with_recommending_states(b.text)) continue;
    if (unread++ == 0) {
      first = b.address;
      first_span = b.span;
    }
  }
  if (unread >= 2)
    doc.diagnostics.push_back({Diagnostic::Severity::warning,
                               std::to_string(unread) +
                                   " paragraphs under a recommendations heading end with recommending States in "
                                   "parentheses, as recommendations do, but were not read as recommendations (the "
                                   "first: " + first + ")",
                               first_span, "recommendations.unread", static_cast<std::uint32_t>(unread)});
  // Items that group the recommendations of several States: registers that count one
  // recommendation per State (UPR Info) count many more than the document numbers.
  std::size_t attributed = 0, attributions = 0;
  for (const auto& r : doc.recommendations) {
    if (r.recommended_by.empty()) continue;
    ++attributed;
    attributions += std::max<std::size_t>(1, count_attributions(r.text));
  }
  if (attributed > 0 && attributions >= attributed + 10 && attributions * 10 >= attributed * 14)
    doc.diagnostics.push_back(
        {Diagnostic::Severity::warning,
         std::to_string(attributed) + " recommendations are attributed to " + std::to_string(attributions) +
             " recommending States: the report groups several States' recommendations under one item, so counts "
             "of one recommendation per State (as UPR Info keeps them) are higher by " +
             std::to_string(attributions - attributed) + "; the text of every item was read",
         {}, "recommendations.grouped", 0});
  const bool upr = !metadata_value(doc, "state_under_review").empty() ||
                   ascii_lower(doc.title).find("universal periodic review") != std::string::npos;
  // An addendum answers the report's recommendations; it makes none of its own.
  const bool addendum = doc.symbol.find("/Add.") != std::string::npos;
  if (upr && !addendum && doc.recommendations.empty())
    doc.diagnostics.push_back({Diagnostic::Severity::warning,
                               "a report of the Universal Periodic Review, but no recommendation could be read from it",
                               {}, "recommendations.missing", 0});
}

void check_text_after_last_paragraph(Document& doc) {
  std::size_t last = doc.blocks.size();
  for (std::size_t i = 0; i < doc.blocks.size(); ++i)
    if (doc.blocks[i].kind == BlockKind::numbered_paragraph) last = i;
  if (last == doc.blocks.size()) return;
  std::size_t words = 0, blocks = 0, numbered_after = 0;
  SourceSpan span;
  int last_number = 0;
  {
    const std::string& n = doc.blocks[last].number;
    std::size_t digits = 0;
    while (digits < n.size() && digits < 5 && std::isdigit(static_cast<unsigned char>(n[digits]))) ++digits;
    if (digits > 0 && digits < 5) last_number = std::stoi(n.substr(0, digits));
  }
  // The items of a list the paragraph introduces ("... the following issues:") are its own.
  bool introduced = !doc.blocks[last].text.empty() && doc.blocks[last].text.back() == ':';
  for (std::size_t i = last + 1; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind == BlockKind::heading) break;  // what a heading introduces has its place
    if (b.kind == BlockKind::table) continue;
    if (b.kind == BlockKind::list_item && introduced) continue;
    introduced = b.kind != BlockKind::list_item && !b.text.empty() && b.text.back() == ':';
    if (blocks++ == 0) span.first_line = b.span.first_line;
    span.last_line = b.span.last_line;
    words += word_count(b.text);
    // "41 The ..." (text) or "41." (a list item's marker) after paragraph 40.
    const std::string& lead = b.kind == BlockKind::list_item ? b.marker : b.text;
    std::size_t digits = 0;
    while (digits < lead.size() && digits < 5 && std::isdigit(static_cast<unsigned char>(lead[digits]))) ++digits;
    if (digits > 0 && digits < 5 && std::stoi(lead.substr(0, digits)) > last_number) ++numbered_after;
  }
  // A closing line or two is normal; pages of text are worth a word; numbers among them that
  // carry the numbering on ("41 The ...", "41. ...") are paragraphs the numbering lost.
  if (words >= 300 || numbered_after > 0)
    doc.diagnostics.push_back(
        {numbered_after > 0 ? Diagnostic::Severity::warning : Diagnostic::Severity::info,
         std::to_string(blocks) + " blocks (" + std::to_string(words) + " words) follow the last numbered paragraph, " +
             doc.blocks[last].number + ", without a heading" +
             (numbered_after > 0 ? "; " + std::to_string(numbered_after) +
                                       " of them start with a later paragraph number, lost to the numbering"
                                 : ""),
         span, "text.after_end", static_cast<std::uint32_t>(numbered_after)});
}

}  // namespace dossier::readers
