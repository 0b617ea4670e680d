// Treaties, organisations and countries by name (the tables are in reference_tables.cpp):
// whole words only, with the capitalisation rules of each kind of name and the tests that
// keep ordinary words ("Chad", "WHO") and parts of addresses out.
#include "dossier/domain/references.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "reference_finder.hpp"
#include "reference_tables.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN
namespace detail {

namespace {

bool fold_equal(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  return true;
}

// Upper-case letters and no lower-case one: "USA", "GLOBAL".
bool all_caps(std::string_view w) noexcept {
  return std::any_of(w.begin(), w.end(), is_upper) && std::none_of(w.begin(), w.end(), is_lower);
}

bool title_case(std::string_view w) noexcept { return w.size() >= 2 && is_upper(w[0]) && is_lower(w[1]); }

// How the words of a name compare with the printed ones.
enum class Case : unsigned char {
  exact,  // acronyms: "EU", "UN CMW"
  name,   // as in the table or all in capitals: "France", "FRANCE"; "General Assembly"
  title,  // any case after a capital: treaty titles ("Convention on the rights of the child")
};

struct Name {
  std::string_view type;
  std::string_view id;              // empty: words that only keep shorter names out
  std::vector<std::string> tokens;  // "-" also matches a space or a dash, "'" any apostrophe
  Case rule = Case::name;
  bool acronym = false;
  bool common = false;              // also an ordinary word or given name: "Chad", "WHO"
};

bool same_token(std::string_view printed, std::string_view wanted, Case rule) noexcept {
  if (wanted == "'") return is_apostrophe(printed);
  switch (rule) {
    case Case::exact: return printed == wanted;
    case Case::name: return printed == wanted || (all_caps(printed) && fold_equal(printed, wanted));
    case Case::title: return fold_equal(printed, wanted);
  }
  return false;
}

// The word just before `begin` or just after `end` when one space separates it from there.
std::string_view word_before(std::string_view text, std::size_t begin) noexcept {
  if (begin < 2 || text[begin - 1] != ' ') return {};
  std::size_t from = begin - 1;
  while (from > 0 && is_ascii_word(text[from - 1])) --from;
  return text.substr(from, begin - 1 - from);
}

std::string_view word_after(std::string_view text, std::size_t end) noexcept {
  if (end + 1 >= text.size() || text[end] != ' ') return {};
  return text.substr(end + 1, word_end(text, end + 1) - end - 1);
}

// Capitalised words that often open a sentence or a phrase before a country's name.
bool opener(std::string_view w) noexcept {
  static constexpr std::string_view words[] = {
      "In", "The", "And", "Of", "For", "From", "To", "With", "By", "On", "At", "As", "Both", "Including",
      "Unlike", "Like", "While", "Whereas", "Also", "But", "Or", "Nor", "Between", "Among", "Across", "Within",
      "Into", "Than", "Under", "Via", "Since", "Only", "Even", "Especially", "Notably", "Namely", "Except"};
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

// Whether a `common` name at text[begin, end) is meant as the name: not among capitals for
// an acronym ("LET US", "MIGRANTS WHO") nor before a currency sign ("US$"); not next to
// another capitalised word for a name ("Michael Jordan", "Georgia State").
bool meant_as_name(const Name& name, std::string_view text, std::size_t begin, std::size_t end) noexcept {
  const std::string_view before = word_before(text, begin);
  const std::string_view after = word_after(text, end);
  if (name.acronym) return !all_caps(before) && !all_caps(after) && (end >= text.size() || text[end] != '$');
  return !title_case(after) && (!title_case(before) || opener(before));
}

// Inside a URL or a file path, names are parts of an address ("ohchr.org/Documents/HRC").
bool in_url(std::string_view text, std::size_t at) noexcept {
  std::size_t from = at;
  while (from > 0 && at - from < 256) {
    std::size_t length = 1;
    if (is_space_point(decode(text, from - 1, length))) break;
    --from;
  }
  const std::string_view chunk = text.substr(from, at - from);
  for (std::string_view mark : {"://", "www.", ".org/", ".int/", ".com/", ".net/", ".gov/", ".edu/", ".ch/"})
    if (contains(chunk, mark)) return true;
  return false;
}

// All names of all tables, looked up by their first word: one pass over the text tries
// only the names that start with each capitalised word.
class NameMatcher {
 public:
  NameMatcher() {
    for (const detail::NameTable* table :
         {&detail::treaty_table(), &detail::organisation_table(), &detail::country_table()})
      for (std::size_t r = 0; r < table->size; ++r) {
        const detail::NameRow& row = table->rows[r];
        for (std::string_view list = row.names; !list.empty();) {
          const std::size_t bar = list.find('|');
          add(table->type, row.id, list.substr(0, bar));
          list = bar == std::string_view::npos ? std::string_view() : list.substr(bar + 1);
        }
      }
  }

  // Names printed from the word text[begin, end), which starts with a capital or a digit.
  void try_at(std::string_view text, std::size_t begin, std::size_t end, Mentions& mentions,
              std::vector<Hit>& hits) const {
    const std::string_view word = text.substr(begin, end - begin);
    // An ILO convention by its code alone, "C189", where conventions or the ILO are discussed.
    if (word.size() >= 2 && word.size() <= 5 && word[0] == 'C' &&
        std::all_of(word.begin() + 1, word.end(), is_digit)) {
      int parts = 0;
      const std::string id = normalise_code(word.substr(1), parts);
      if (in_range(id, kIloConventions) && (mentions.ilo() || mentions.convention()))
        hits.push_back({begin, end, {{"treaty", "ILO-C" + id}}});
      return;
    }
    char key[64];
    if (word.size() > longest_key_ || word.size() > sizeof key) return;
    for (std::size_t i = 0; i < word.size(); ++i) key[i] = to_lower(word[i]);
    const auto found = by_first_.find(std::string_view(key, word.size()));
    if (found == by_first_.end()) return;

    // The longest name printed here; several when names of different things read the same
    // ("Palermo Protocols").
    std::size_t best = 0;
    for (std::uint32_t n : found->second) {
      const std::size_t stop = match(names_[n], text, begin);
      if (stop == std::string_view::npos || stop <= best) continue;
      if (!names_[n].common || meant_as_name(names_[n], text, begin, stop)) best = stop;
    }
    if (best == 0 || in_url(text, begin)) return;
    Hit hit{begin, best, {}};
    for (std::uint32_t n : found->second) {
      const Name& name = names_[n];
      if (match(name, text, begin) != best || (name.common && !meant_as_name(name, text, begin, best))) continue;
      hit.acronym = name.acronym;
      const bool seen = std::any_of(hit.items.begin(), hit.items.end(), [&](const auto& item) {
        return item.first == name.type && item.second == name.id;
      });
      if (!name.id.empty() && !seen) hit.items.emplace_back(name.type, std::string(name.id));
    }
    hits.push_back(std::move(hit));
  }

 private:
  void add(std::string_view type, std::string_view id, std::string_view printed) {
    Name name;
    name.type = type;
    name.id = id;
    if (!printed.empty() && printed[0] == '~') {
      name.common = true;
      printed.remove_prefix(1);
    }
    std::size_t words = 0;
    for (std::size_t i = skip_spaces(printed, 0); i < printed.size(); i = skip_spaces(printed, i)) {
      const std::size_t end = token_end(printed, i);
      const std::string_view token = printed.substr(i, end - i);
      words += word_end(printed, i) > i;
      name.tokens.emplace_back(dash_at(printed, i) ? "-" : is_apostrophe(token) ? "'" : std::string(token));
      i = end;
    }
    name.acronym = std::none_of(printed.begin(), printed.end(), is_lower);
    name.rule = name.acronym ? Case::exact
                : type != dossier::reference_type::country && words >= 3 ? Case::title
                                                  : Case::name;
    std::string key;
    for (char c : name.tokens.front()) key += to_lower(c);
    longest_key_ = std::max(longest_key_, key.size());
    auto found = by_first_.find(key);
    if (found == by_first_.end())
      found = by_first_.emplace(keys_.emplace_back(std::move(key)), std::vector<std::uint32_t>()).first;
    found->second.push_back(static_cast<std::uint32_t>(names_.size()));
    names_.push_back(std::move(name));
  }

  // End of `name` printed at text[at], or npos.
  static std::size_t match(const Name& name, std::string_view text, std::size_t at) noexcept {
    std::size_t pos = at;
    for (std::size_t k = 0; k < name.tokens.size(); ++k) {
      bool spaced = false;
      if (k > 0) {
        // Words of a name may be apart by a line break and its indent, not by a page.
        constexpr std::size_t most_space = 64;
        const std::size_t next = skip_spaces(text.substr(0, std::min(text.size(), pos + most_space + 1)), pos);
        if (next > pos + most_space) return std::string_view::npos;
        spaced = next > pos;
        pos = next;
      }
      const std::string_view wanted = name.tokens[k];
      if (wanted == "-") {  // "Secretary-General", "Secretary General", "Timor–Leste"
        if (const std::size_t dash = dash_at(text, pos)) pos += dash;
        else if (!spaced) return std::string_view::npos;
        continue;
      }
      if (pos >= text.size()) return std::string_view::npos;
      const std::size_t end = token_end(text, pos);
      if (!same_token(text.substr(pos, end - pos), wanted, name.rule)) return std::string_view::npos;
      pos = end;
    }
    return pos;
  }

  std::vector<Name> names_;
  std::deque<std::string> keys_;  // the keys of by_first_, which views them
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> by_first_;  // folded first word -> names_
  std::size_t longest_key_ = 0;
};

const NameMatcher& names() {
  static const NameMatcher matcher;
  return matcher;
}

}  // namespace

void find_names_at(std::string_view text, std::size_t begin, std::size_t end, Mentions& mentions,
                   std::vector<Hit>& hits) {
  names().try_at(text, begin, end, mentions, hits);
}

}  // namespace detail

std::vector<std::pair<std::string, std::string>> reference_names(std::string_view type) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const detail::NameTable* table :
       {&detail::treaty_table(), &detail::organisation_table(), &detail::country_table()}) {
    if (table->type != type) continue;
    for (std::size_t r = 0; r < table->size; ++r) {
      const detail::NameRow& row = table->rows[r];
      if (row.id.empty()) continue;
      for (std::string_view list = row.names; !list.empty();) {
        const std::size_t bar = list.find('|');
        std::string_view name = list.substr(0, bar);
        if (name[0] == '~') name.remove_prefix(1);
        out.emplace_back(std::string(row.id), std::string(name));
        list = bar == std::string_view::npos ? std::string_view() : list.substr(bar + 1);
      }
    }
  }
  return out;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
