// find_references(): the hits of the one pass over a paragraph, in order, where overlapping
// ones are resolved (the parts that find them: see reference_finder.hpp).
#include "dossier/domain/references.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "reference_finder.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN
namespace detail {

namespace {

// "(CMW)" right after "International Convention on the Protection of the Rights of All
// Migrant Workers ..." abbreviates that name: its letters are initials of the name's words,
// in order.
bool abbreviates(std::string_view acronym, std::string_view phrase) noexcept {
  std::size_t i = 0;
  for (char c : acronym) {
    if (!is_alpha(c)) continue;
    for (;; ++i) {
      if (i >= phrase.size()) return false;
      if (is_alpha(phrase[i]) && (i == 0 || !is_ascii_word(phrase[i - 1])) && to_lower(phrase[i]) == to_lower(c))
        break;
    }
    ++i;
  }
  return true;
}

bool defines_acronym(std::string_view text, const Hit& name, const Hit& acronym) noexcept {
  if (name.items.empty() || name.end > acronym.begin) return false;
  const std::size_t open = skip_spaces(text, name.end);
  if (open >= text.size() || text[open] != '(' || skip_spaces(text, open + 1) != acronym.begin) return false;
  const std::size_t close = skip_spaces(text, acronym.end);
  return close < text.size() && text[close] == ')' &&
         abbreviates(text.substr(acronym.begin, acronym.end - acronym.begin),
                     text.substr(name.begin, name.end - name.begin));
}

}  // namespace

}  // namespace detail

std::vector<Reference> find_references(std::string_view text, std::string_view address) {
  using namespace detail;  // the finder's parts: reference_finder.hpp
  Mentions mentions(text);
  std::vector<Hit> hits;
  scan_paragraph(text, mentions, hits);
  find_practices(text, hits);

  // Where phrases overlap ("Sustainable Development Goal 10" holds "Goal 10", "Papua New
  // Guinea" holds "Guinea"), the one that starts first wins, then the longer.
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<Reference> out;
  std::size_t covered = 0;
  const Hit* last = nullptr;  // the last hit kept that was not nested
  for (const Hit& hit : hits) {
    if (!hit.nested) {
      if (hit.begin < covered) continue;
      covered = hit.end;
      const Hit* before = last;
      last = &hit;
      // "(CMW)" after the Convention's name is that name again, not the Committee.
      if (hit.acronym && before && defines_acronym(text, *before, hit)) continue;
    }
    for (const auto& [type, id] : hit.items) {
      const bool seen = std::any_of(out.begin(), out.end(), [&type = type, &id = id](const Reference& r) {
        return r.type == type && r.id == id;
      });
      if (!seen)
        out.push_back({std::string(type), id, std::string(address),
                       std::string(text.substr(hit.begin, hit.end - hit.begin)), hit.begin, hit.end});
    }
  }
  return out;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
