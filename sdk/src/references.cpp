#include "dossier/references.hpp"

#include <algorithm>
#include <cstddef>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

namespace {

// The 169 official SDG targets, each with how many indicators it has: the indicators of a
// target are numbered 1..n without gaps, so this one table gives both code lists (252
// indicator codes). Taken from open-sdg/sdg-translations (MIT, commit 0cda585),
// translations/en/global_targets.yml and global_indicators.yml, and embedded so that the
// product never reads that material at run time.
struct TargetRow {
  std::string_view code;
  int indicators;
};

constexpr TargetRow kTargets[] = {
    {"1.1", 1}, {"1.2", 2}, {"1.3", 1}, {"1.4", 2}, {"1.5", 4}, {"1.a", 3}, {"1.b", 1},
    {"2.1", 2}, {"2.2", 3}, {"2.3", 2}, {"2.4", 1}, {"2.5", 2}, {"2.a", 2}, {"2.b", 1},
    {"2.c", 1},
    {"3.1", 2}, {"3.2", 2}, {"3.3", 5}, {"3.4", 2}, {"3.5", 2}, {"3.6", 1}, {"3.7", 2},
    {"3.8", 2}, {"3.9", 3}, {"3.a", 1}, {"3.b", 3}, {"3.c", 1}, {"3.d", 2},
    {"4.1", 2}, {"4.2", 2}, {"4.3", 1}, {"4.4", 1}, {"4.5", 1}, {"4.6", 1}, {"4.7", 1},
    {"4.a", 1}, {"4.b", 1}, {"4.c", 1},
    {"5.1", 1}, {"5.2", 2}, {"5.3", 2}, {"5.4", 1}, {"5.5", 2}, {"5.6", 2}, {"5.a", 2},
    {"5.b", 1}, {"5.c", 1},
    {"6.1", 1}, {"6.2", 1}, {"6.3", 2}, {"6.4", 2}, {"6.5", 2}, {"6.6", 1}, {"6.a", 1},
    {"6.b", 1},
    {"7.1", 2}, {"7.2", 1}, {"7.3", 1}, {"7.a", 1}, {"7.b", 1},
    {"8.1", 1}, {"8.2", 1}, {"8.3", 1}, {"8.4", 2}, {"8.5", 2}, {"8.6", 1}, {"8.7", 1},
    {"8.8", 2}, {"8.9", 2}, {"8.10", 2}, {"8.a", 1}, {"8.b", 1},
    {"9.1", 2}, {"9.2", 2}, {"9.3", 2}, {"9.4", 1}, {"9.5", 2}, {"9.a", 1}, {"9.b", 1},
    {"9.c", 1},
    {"10.1", 1}, {"10.2", 1}, {"10.3", 1}, {"10.4", 2}, {"10.5", 1}, {"10.6", 1}, {"10.7", 4},
    {"10.a", 1}, {"10.b", 1}, {"10.c", 1},
    {"11.1", 1}, {"11.2", 1}, {"11.3", 2}, {"11.4", 1}, {"11.5", 2}, {"11.6", 2}, {"11.7", 2},
    {"11.a", 1}, {"11.b", 2}, {"11.c", 1},
    {"12.1", 1}, {"12.2", 2}, {"12.3", 1}, {"12.4", 2}, {"12.5", 1}, {"12.6", 1}, {"12.7", 1},
    {"12.8", 1}, {"12.a", 1}, {"12.b", 1}, {"12.c", 1},
    {"13.1", 3}, {"13.2", 2}, {"13.3", 2}, {"13.a", 1}, {"13.b", 1},
    {"14.1", 1}, {"14.2", 1}, {"14.3", 1}, {"14.4", 1}, {"14.5", 1}, {"14.6", 1}, {"14.7", 1},
    {"14.a", 1}, {"14.b", 1}, {"14.c", 1},
    {"15.1", 2}, {"15.2", 1}, {"15.3", 1}, {"15.4", 2}, {"15.5", 1}, {"15.6", 1}, {"15.7", 1},
    {"15.8", 1}, {"15.9", 1}, {"15.a", 1}, {"15.b", 1}, {"15.c", 1},
    {"16.1", 4}, {"16.2", 3}, {"16.3", 3}, {"16.4", 2}, {"16.5", 2}, {"16.6", 2}, {"16.7", 2},
    {"16.8", 1}, {"16.9", 1}, {"16.10", 2}, {"16.a", 1}, {"16.b", 1},
    {"17.1", 2}, {"17.2", 1}, {"17.3", 2}, {"17.4", 1}, {"17.5", 1}, {"17.6", 2}, {"17.7", 1},
    {"17.8", 1}, {"17.9", 1}, {"17.10", 1}, {"17.11", 1}, {"17.12", 1}, {"17.13", 1},
    {"17.14", 1}, {"17.15", 1}, {"17.16", 1}, {"17.17", 1}, {"17.18", 3}, {"17.19", 2},
};

constexpr int kSdgGoals = 17;
constexpr int kGcmObjectives = 23;

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) noexcept { return is_digit(c) || is_alpha(c); }
char to_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A number written the normalised way (no sign, no leading zero), or -1.
int parse_number(std::string_view s) noexcept {
  if (s.empty() || s.size() > 3 || s[0] == '0') return -1;
  int n = 0;
  for (char c : s) {
    if (!is_digit(c)) return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

const TargetRow* find_target(std::string_view code) noexcept {
  for (const TargetRow& row : kTargets)
    if (row.code == code) return &row;
  return nullptr;
}

bool starts_with_icase(std::string_view s, std::string_view prefix) noexcept {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (to_lower(s[i]) != to_lower(prefix[i])) return false;
  return true;
}

bool contains_icase(std::string_view s, std::string_view needle) noexcept {
  for (std::size_t i = 0; i + needle.size() <= s.size(); ++i)
    if (starts_with_icase(s.substr(i), needle)) return true;
  return false;
}

// "SDG" or "SDGs" as a word of its own or glued to a number ("SDG10"), not inside "XSDG".
bool mentions_sdg(std::string_view text) noexcept {
  for (std::size_t at = text.find("SDG"); at != std::string_view::npos; at = text.find("SDG", at + 1))
    if (at == 0 || !is_alnum(text[at - 1])) return true;
  return false;
}

// What the paragraph must mention before an ambiguous form ("Goal 10", "target 10.7",
// "(17.14)") is taken as an SDG reference.
enum class Context {
  none,
  sdgs,         // SDG(s), Sustainable Development Goal(s)
  sdg_targets,  // also Sustainable Development, the 2030 Agenda
};

// Shapes of code a form may cite.
enum Kind : unsigned { kGoal = 1, kTarget = 2, kIndicator = 4, kObjective = 8 };

// A phrase "<words> <list of codes>"; group 1 of `pattern` holds the list.
struct Form {
  std::regex pattern;
  std::vector<std::string_view> starts;  // what a match can start with, as printed
  unsigned kinds;
  Context context;
  bool bare = false;     // "(17.14)": cited as the codes alone, without the parentheses
  bool not_mdg = false;  // must not follow "Millennium Development" ("Goal 8" of the MDGs)
};

// Repeats are bounded throughout: libstdc++'s matcher recurses once per character matched,
// so an unbounded one could overflow the stack on pathological text (a run of spaces).
const std::vector<Form>& forms() {
  static const std::string ws = R"(\s{1,4})";
  static const std::string ows = R"(\s{0,4})";
  // A code ends where a word or number would not go on: "10.7" but not "10.7.123",
  // "10.7a", "5,000" or "10.7" out of "10.7.1". Matches are thus whole tokens.
  static const std::string code =
      R"(\d{1,2}(?:\.(?:\d{1,2}|[A-Za-z])(?:\.\d{1,2})?)?(?![A-Za-z0-9]|[.,]\d|\.[A-Za-z]))";
  static const std::string separator =
      "(?:" + ows + "," + ows + "(?:(?:and|or)" + ws + ")?|" + ws + "(?:and|or|&)" + ws + ")";
  static const std::string list = "(" + code + "(?:" + separator + code + "){0,24})";
  const auto form = [](const std::string& words, const std::string& tail,
                       std::vector<std::string_view> starts, unsigned kinds, Context context,
                       bool bare = false, bool not_mdg = false) {
    return Form{std::regex(words + list + tail, std::regex::ECMAScript | std::regex::optimize),
                std::move(starts), kinds, context, bare, not_mdg};
  };
  static const std::vector<Form> all = {
      form(R"(\bSDGs?(?:)" + ows + "-)?" + ows + "(?:(?:[Gg]oal|[Tt]arget|[Ii]ndicator)s?" + ws + ")?",
           "", {"SDG"}, kGoal | kTarget | kIndicator, Context::none),
      form(R"(\b[Ss]ustainable)" + ws + "[Dd]evelopment" + ws + "[Gg]oals?" + ows + R"((?:\(SDGs?\))" +
               ows + ")?",
           "", {"Sustainable", "sustainable"}, kGoal | kTarget | kIndicator, Context::none),
      form(R"(\b(?:[Gg]oals?|GOALS?))" + ws, "", {"Goal", "goal", "GOAL"}, kGoal, Context::sdgs,
           false, true),
      form(R"(\b(?:[Tt]argets?|TARGETS?))" + ws, "", {"Target", "target", "TARGET"}, kTarget,
           Context::sdg_targets),
      form(R"(\b(?:[Ii]ndicators?|INDICATORS?))" + ws, "", {"Indicator", "indicator", "INDICATOR"},
           kIndicator, Context::sdg_targets),
      form(R"(\()" + ows, ows + R"(\))", {"("}, kTarget, Context::sdg_targets, true),
      form(R"(\b(?:GCM)" + ws + R"()?(?:[Oo]bjectives?|OBJECTIVES?))" + ws, "",
           {"GCM", "Objective", "objective", "OBJECTIVE"}, kObjective, Context::none),
  };
  return all;
}

// Tries `pattern` anchored at each position where one of `starts` is printed and calls
// found(position, match) for each match; scanning resumes after it. Anchoring is what keeps
// std::regex fast: a plain regex_search attempts a match at every character.
template <typename Found>
void scan(std::string_view text, const std::regex& pattern,
          const std::vector<std::string_view>& starts, Found found) {
  const char* const stop = text.data() + text.size();
  std::vector<std::size_t> next(starts.size());  // next printing of each start, at or after p
  for (std::size_t i = 0; i < starts.size(); ++i) next[i] = text.find(starts[i]);
  std::cmatch m;
  for (std::size_t p = 0;;) {
    std::size_t at = std::string_view::npos;
    for (std::size_t i = 0; i < starts.size(); ++i) {
      if (next[i] != std::string_view::npos && next[i] < p) next[i] = text.find(starts[i], p);
      at = std::min(at, next[i]);
    }
    if (at == std::string_view::npos) return;
    auto flags = std::regex_constants::match_continuous;
    if (at > 0) flags |= std::regex_constants::match_prev_avail;  // so that \b sees text[at - 1]
    if (std::regex_search(text.data() + at, stop, m, pattern, flags)) {
      found(at, m);
      p = at + std::max<std::size_t>(1, static_cast<std::size_t>(m.length(0)));
    } else {
      p = at + 1;
    }
  }
}

// "8.7 million", "10 per cent": a quantity, not a code.
bool quantity_follows(std::string_view text, std::size_t pos) noexcept {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  const std::string_view rest = text.substr(pos);
  if (!rest.empty() && rest[0] == '%') return true;
  for (std::string_view unit : {"per cent", "percent", "million", "billion", "thousand", "trillion"})
    if (starts_with_icase(rest, unit) && (rest.size() == unit.size() || !is_alnum(rest[unit.size()])))
      return true;
  return false;
}

bool ends_with_icase(std::string_view s, std::string_view suffix) noexcept {
  return s.size() >= suffix.size() && starts_with_icase(s.substr(s.size() - suffix.size()), suffix);
}

bool after_millennium(std::string_view text, std::size_t pos) noexcept {
  std::string_view before = text.substr(0, pos);
  while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) before.remove_suffix(1);
  return ends_with_icase(before, "Millennium Development") || ends_with_icase(before, "MDG");
}

// The normalised id of a printed code ("08.7" -> "8.7", "10.C" -> "10.c") and its number of
// parts (1 goal or objective, 2 target, 3 indicator).
std::string normalise_code(std::string_view printed, int& parts) {
  std::string id;
  parts = 1;
  bool part_start = true;
  for (std::size_t i = 0; i < printed.size(); ++i) {
    const char c = printed[i];
    if (c == '.') {
      ++parts;
      part_start = true;
      id += c;
      continue;
    }
    // A leading zero ("08") is dropped unless it is the whole number.
    if (part_start && c == '0' && i + 1 < printed.size() && is_digit(printed[i + 1])) continue;
    part_start = false;
    id += to_lower(c);
  }
  return id;
}

// Type of a code a form may cite, or nullptr when it is not a valid code of such a shape.
const char* classify(const std::string& id, int parts, unsigned kinds) noexcept {
  if (parts == 1 && (kinds & kGoal) && is_sdg_goal(id)) return "sdg_goal";
  if (parts == 1 && (kinds & kObjective) && is_gcm_objective(id)) return "gcm_objective";
  if (parts == 2 && (kinds & kTarget) && is_sdg_target(id)) return "sdg_target";
  if (parts == 3 && (kinds & kIndicator) && is_sdg_indicator(id)) return "sdg_indicator";
  return nullptr;
}

// One phrase that cites one or more codes ("SDGs 5 and 8") and the span of its printed words.
struct Hit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<std::pair<const char*, std::string>> items;  // type, id
};

// Codes of the list text[begin, end), up to the first one that is not valid: what follows
// an invalid code ("SDGs 17 and 18") is not trusted, and the hit ends at the last good one.
void read_list(std::string_view text, std::size_t begin, std::size_t end, unsigned kinds, Hit& hit) {
  std::size_t i = begin;
  while (i < end) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < end && (is_alnum(text[j]) || text[j] == '.')) ++j;
    int parts = 0;
    std::string id = normalise_code(text.substr(i, j - i), parts);
    const char* type = classify(id, parts, kinds);
    if (!type || quantity_follows(text, j)) return;
    hit.items.emplace_back(type, std::move(id));
    hit.end = j;
    i = j;
  }
}

// The UN document symbol in a match of the symbol pattern, trimmed to what a symbol can end
// with; empty when it is not one.
std::string_view trim_symbol(std::string_view s) noexcept {
  for (;;) {
    // Drop trailing punctuation and a closing parenthesis the symbol did not open.
    while (!s.empty()) {
      const char c = s.back();
      const auto opens = std::count(s.begin(), s.end(), '(');
      const auto closes = std::count(s.begin(), s.end(), ')');
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '-' || c == '(' ||
          (c == ')' && closes > opens))
        s.remove_suffix(1);
      else
        break;
    }
    // The last segment holds a number ("A/HRC/43/15"); "E/HRC/resolutions" in a URL does not.
    const std::size_t slash = s.rfind('/');
    if (slash == std::string_view::npos) return {};
    const std::string_view last = s.substr(slash + 1);
    if (std::any_of(last.begin(), last.end(), is_digit)) break;
    s = s.substr(0, slash);
  }
  // One segment after the prefix only for old plain numbers ("A/810"): "A/4" is a paper size.
  const std::size_t first = s.find('/');
  if (s.find('/', first + 1) == std::string_view::npos) {
    const std::string_view number = s.substr(first + 1);
    if (number.size() < 2 || !std::all_of(number.begin(), number.end(), is_digit)) return {};
  }
  return s;
}

void find_symbols(std::string_view text, std::vector<Hit>& hits) {
  // Segments start with a capital or a digit, so lower-case URL paths are not read as symbols.
  static const std::regex symbol(
      R"(\b(?:A|E|S|CRC|CEDAW|CCPR|CERD|CMW|CAT|HRI)(?:/[A-Z0-9][A-Za-z0-9.()\-]{0,24}){1,8})",
      std::regex::ECMAScript | std::regex::optimize);
  static const std::vector<std::string_view> starts = {
      "A/", "E/", "S/", "CRC/", "CEDAW/", "CCPR/", "CERD/", "CMW/", "CAT/", "HRI/"};
  const auto symbol_char = [](char c) {
    return is_alnum(c) || c == '/' || c == '.' || c == '(' || c == ')' || c == '-';
  };
  scan(text, symbol, starts, [&](std::size_t begin, const std::cmatch& m) {
    const auto length = static_cast<std::size_t>(m.length(0));
    // "www.S/..." or "X-A/1" are parts of something else; so is a match cut short by the
    // bounds of the pattern.
    if (begin > 0 && (text[begin - 1] == '.' || text[begin - 1] == '-')) return;
    if (begin + length < text.size() && symbol_char(text[begin + length])) return;
    const std::string_view id = trim_symbol(text.substr(begin, length));
    if (!id.empty()) hits.push_back({begin, begin + id.size(), {{"un_symbol", std::string(id)}}});
  });
}

}  // namespace

bool is_sdg_goal(std::string_view code) noexcept {
  const int n = parse_number(code);
  return n >= 1 && n <= kSdgGoals;
}

bool is_sdg_target(std::string_view code) noexcept { return find_target(code) != nullptr; }

bool is_sdg_indicator(std::string_view code) noexcept {
  const std::size_t dot = code.rfind('.');
  if (dot == std::string_view::npos) return false;
  const TargetRow* row = find_target(code.substr(0, dot));
  const int n = parse_number(code.substr(dot + 1));
  return row && n >= 1 && n <= row->indicators;
}

bool is_gcm_objective(std::string_view code) noexcept {
  const int n = parse_number(code);
  return n >= 1 && n <= kGcmObjectives;
}

std::vector<Reference> find_references(std::string_view text, std::string_view address) {
  const bool sdgs = mentions_sdg(text) || contains_icase(text, "sustainable development goal");
  const bool sdg_targets = sdgs || text.find("Sustainable Development") != std::string_view::npos ||
                           contains_icase(text, "2030 Agenda") || contains_icase(text, "Agenda 2030");

  std::vector<Hit> hits;
  for (const Form& f : forms()) {
    if ((f.context == Context::sdgs && !sdgs) || (f.context == Context::sdg_targets && !sdg_targets))
      continue;
    scan(text, f.pattern, f.starts, [&](std::size_t at, const std::cmatch& m) {
      if (f.not_mdg && after_millennium(text, at)) return;
      const std::size_t list = at + static_cast<std::size_t>(m.position(1));
      Hit hit;
      hit.begin = f.bare ? list : at;
      read_list(text, list, list + static_cast<std::size_t>(m.length(1)), f.kinds, hit);
      if (!hit.items.empty()) hits.push_back(std::move(hit));
    });
  }
  find_symbols(text, hits);

  // Where phrases overlap ("Sustainable Development Goal 10" holds "Goal 10"), the one that
  // starts first wins, then the longer.
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<Reference> out;
  std::size_t covered = 0;
  for (const Hit& hit : hits) {
    if (hit.begin < covered) continue;
    covered = hit.end;
    const std::string printed(text.substr(hit.begin, hit.end - hit.begin));
    for (const auto& item : hit.items) {
      const bool seen = std::any_of(out.begin(), out.end(), [&item](const Reference& r) {
        return r.type == item.first && r.id == item.second;
      });
      if (!seen) out.push_back({item.first, item.second, std::string(address), printed});
    }
  }
  return out;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
