#include "dossier/domain/references.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <iterator>
#include <regex>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "reference_tables.hpp"

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
constexpr int kGcmClusters = 6;       // the GCM's thematic consultations, as the GFMD groups its work
constexpr int kIloConventions = 190;  // C190 (2019) is the latest

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
bool is_alpha(char c) noexcept { return is_lower(c) || is_upper(c); }
bool is_alnum(char c) noexcept { return is_digit(c) || is_alpha(c); }
char to_lower(char c) noexcept { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

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

bool contains(std::string_view s, std::string_view needle) noexcept {
  return s.find(needle) != std::string_view::npos;
}

// "SDG" or "SDGs" as a word of its own or glued to a number ("SDG10"), not inside "XSDG".
bool mentions_sdg(std::string_view text) noexcept {
  for (std::size_t at = text.find("SDG"); at != std::string_view::npos; at = text.find("SDG", at + 1))
    if (at == 0 || !is_alnum(text[at - 1])) return true;
  return false;
}

// What the paragraph must mention before an ambiguous form ("Goal 10", "target 10.7",
// "(17.14)", "cluster 3", "(No. 143)") is taken as a reference.
enum class Context {
  none,
  sdgs,         // SDG(s), Sustainable Development Goal(s)
  sdg_targets,  // also Sustainable Development, the 2030 Agenda
  gcm,          // the GCM, the GFMD or a Global Compact
  ilo,          // the ILO or the International Labour Organization
};

// Which contexts a paragraph has, each worked out on first use: most paragraphs need none.
class Mentions {
 public:
  explicit Mentions(std::string_view text) : text_(text) {}

  bool has(Context c) {
    switch (c) {
      case Context::none: return true;
      case Context::sdgs: return sdgs();
      case Context::sdg_targets: return sdg_targets();
      case Context::gcm: return once(gcm_, [this] {
          return contains(text_, "GCM") || contains(text_, "GFMD") || contains_icase(text_, "global compact");
        });
      case Context::ilo: return ilo();
    }
    return false;
  }
  bool ilo() {
    return once(ilo_, [this] {
      return contains(text_, "ILO") || contains(text_, "International Labour") ||
             contains(text_, "International Labor");
    });
  }
  bool convention() {
    return once(convention_, [this] { return contains(text_, "onvention") || contains(text_, "ONVENTION"); });
  }

 private:
  bool sdgs() {
    return once(sdgs_, [this] { return mentions_sdg(text_) || contains_icase(text_, "sustainable development goal"); });
  }
  bool sdg_targets() {
    return once(sdg_targets_, [this] {
      return sdgs() || contains(text_, "Sustainable Development") || contains_icase(text_, "2030 Agenda") ||
             contains_icase(text_, "Agenda 2030");
    });
  }
  template <typename Test>
  static bool once(signed char& known, Test test) {
    if (known < 0) known = test() ? 1 : 0;
    return known == 1;
  }

  std::string_view text_;
  signed char sdgs_ = -1, sdg_targets_ = -1, gcm_ = -1, ilo_ = -1, convention_ = -1;
};

// Shapes of code a form may cite.
enum Kind : unsigned { kGoal = 1, kTarget = 2, kIndicator = 4, kObjective = 8, kCluster = 16, kIlo = 32, kSymbol = 64 };

// Where the printed words of a form's hit begin.
enum class Start {
  match,        // at the match: "SDG target 10.c"
  list,         // at the codes: "(17.14)" is cited as "17.14"
  after_paren,  // after the opening parenthesis: "(No. 143)" is cited as "No. 143"
};

// A phrase "<words> <list of codes>"; group 1 of `pattern` holds the list. (Or, with kinds
// kSymbol, a UN document symbol.) A pattern is only tried where one of `starts` is printed at
// the start of a word, or at a parenthesis: anchoring is what keeps std::regex fast, since a
// plain regex_search attempts a match at every character.
struct Form {
  std::regex pattern;
  std::vector<std::string_view> starts;  // what a match can start with, as printed
  unsigned kinds;
  Context context;
  Start start = Start::match;
  bool (*accept)(std::string_view text, std::size_t at) = nullptr;  // a further test of the match at `at`
};

bool ends_with_icase(std::string_view s, std::string_view suffix) noexcept {
  return s.size() >= suffix.size() && starts_with_icase(s.substr(s.size() - suffix.size()), suffix);
}

// "Goal 8" of "Millennium Development Goal 8" is an MDG.
bool not_after_millennium(std::string_view text, std::size_t pos) noexcept {
  std::string_view before = text.substr(0, pos);
  while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) before.remove_suffix(1);
  return !ends_with_icase(before, "Millennium Development") && !ends_with_icase(before, "MDG");
}

// "(No. 143)" closes a convention's title, not a recommendation's: ILO recommendations have
// numbers of their own ("Migration for Employment Recommendation (Revised), 1949 (No. 86)").
bool after_convention_title(std::string_view text, std::size_t pos) noexcept {
  const std::size_t from = pos > 160 ? pos - 160 : 0;
  const std::string_view before = text.substr(from, pos - from);
  const std::size_t convention = before.rfind("Convention");
  const std::size_t recommendation = before.rfind("Recommendation");
  return convention != std::string_view::npos &&
         (recommendation == std::string_view::npos || recommendation < convention);
}

// Repeats are bounded throughout: libstdc++'s matcher recurses once per character matched,
// so an unbounded one could overflow the stack on pathological text (a run of spaces).
const std::vector<Form>& forms() {
  static const std::string ws = R"(\s{1,4})";
  static const std::string ows = R"(\s{0,4})";
  // A code ends where a word or number would not go on: "10.7" but not "10.7.123",
  // "10.7a", "5,000" or "10.7" out of "10.7.1". Matches are thus whole tokens.
  static const std::string end = R"((?![A-Za-z0-9]|[.,]\d|\.[A-Za-z]))";
  static const std::string code = R"(\d{1,2}(?:\.(?:\d{1,2}|[A-Za-z])(?:\.\d{1,2})?)?)" + end;
  static const std::string ilo_code = R"(C?\d{1,3})" + end;  // "97", "189", "C189", "C097"
  static const std::string separator =
      "(?:" + ows + "," + ows + "(?:(?:and|or)" + ws + ")?|" + ws + "(?:and|or|&)" + ws + ")";
  const auto list_of = [](const std::string& c) { return "(" + c + "(?:" + separator + c + "){0,24})"; };
  static const std::string list = list_of(code);
  static const std::string ilo_list = list_of(ilo_code);
  const auto form = [](const std::string& words, const std::string& codes, const std::string& tail,
                       std::vector<std::string_view> starts, unsigned kinds, Context context,
                       Start start = Start::match, bool (*accept)(std::string_view, std::size_t) = nullptr) {
    return Form{std::regex(words + codes + tail, std::regex::ECMAScript | std::regex::optimize),
                std::move(starts), kinds, context, start, accept};
  };
  static const std::string clusters = "(?:[Cc]lusters?|CLUSTERS?)" + ws;
  static const std::string conventions = "(?:[Cc]onventions?|CONVENTIONS?)" + ws;
  static const std::string number = R"((?:\()" + ows + R"()?Nos?\.?)" + ows;  // "No. ", "(Nos. "
  static const std::vector<Form> all = {
      form(R"(\bSDGs?(?:)" + ows + "-)?" + ows + "(?:(?:[Gg]oal|[Tt]arget|[Ii]ndicator)s?" + ws + ")?", list,
           "", {"SDG"}, kGoal | kTarget | kIndicator, Context::none),
      form(R"(\b[Ss]ustainable)" + ws + "[Dd]evelopment" + ws + "[Gg]oals?" + ows + R"((?:\(SDGs?\))" +
               ows + ")?",
           list, "", {"Sustainable", "sustainable"}, kGoal | kTarget | kIndicator, Context::none),
      form(R"(\b(?:[Gg]oals?|GOALS?))" + ws, list, "", {"Goal", "goal", "GOAL"}, kGoal, Context::sdgs,
           Start::match, not_after_millennium),
      form(R"(\b(?:[Tt]argets?|TARGETS?))" + ws, list, "", {"Target", "target", "TARGET"}, kTarget,
           Context::sdg_targets),
      form(R"(\b(?:[Ii]ndicators?|INDICATORS?))" + ws, list, "", {"Indicator", "indicator", "INDICATOR"},
           kIndicator, Context::sdg_targets),
      form(R"(\()" + ows, list, ows + R"(\))", {"("}, kTarget, Context::sdg_targets, Start::list),
      form(R"(\b(?:GCM)" + ws + R"()?(?:[Oo]bjectives?|OBJECTIVES?))" + ws, list, "",
           {"GCM", "Objective", "objective", "OBJECTIVE"}, kObjective, Context::none),
      // "GCM Cluster 1", "GCM thematic cluster 6"; without "GCM" only in a paragraph about it.
      form(R"(\bGCM)" + ws + "(?:(?:[Tt]hematic|THEMATIC)" + ws + ")?" + clusters, list, "", {"GCM"},
           kCluster, Context::none),
      form(R"(\b(?:(?:[Tt]hematic|THEMATIC))" + ws + ")?" + clusters, list, "",
           {"Thematic", "thematic", "THEMATIC", "Cluster", "cluster", "CLUSTER"}, kCluster, Context::gcm),
      // ILO conventions by number: "ILO Convention No. 189", "ILO Conventions 97 and 143",
      // "ILO C189", "Convention No. 97", and "(No. 143)" after a title in a paragraph about the ILO.
      form(R"(\bILO)" + ws + "(?:" + conventions + "(?:" + number + ")?|(?=C\\d))", ilo_list, "", {"ILO"}, kIlo,
           Context::none),
      form(R"(\b)" + conventions + number, ilo_list, "", {"Convention", "convention", "CONVENTION"}, kIlo,
           Context::none),
      form(R"(\()" + ows + R"(Nos?\.?)" + ows, ilo_list, ows + R"(\))", {"("}, kIlo, Context::ilo,
           Start::after_paren, after_convention_title),
      // Segments start with a capital or a digit, so lower-case URL paths are not read as symbols.
      form(R"(\b(?:A|E|S|CRC|CEDAW|CCPR|CERD|CMW|CAT|HRI)(?:/[A-Z0-9][A-Za-z0-9.()\-]{0,24}){1,8})", "", "",
           {"A/", "E/", "S/", "CRC/", "CEDAW/", "CCPR/", "CERD/", "CMW/", "CAT/", "HRI/"}, kSymbol, Context::none),
  };
  return all;
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

bool in_range(std::string_view id, int last) noexcept {
  const int n = parse_number(id);
  return n >= 1 && n <= last;
}

// Type of a code a form may cite, or empty when it is not a valid code of such a shape.
std::string_view classify(const std::string& id, int parts, unsigned kinds) noexcept {
  if (parts == 1 && (kinds & kGoal) && is_sdg_goal(id)) return "sdg_goal";
  if (parts == 1 && (kinds & kObjective) && is_gcm_objective(id)) return "gcm_objective";
  if (parts == 1 && (kinds & kCluster) && in_range(id, kGcmClusters)) return "gcm_cluster";
  if (parts == 1 && (kinds & kIlo) && in_range(id, kIloConventions)) return "treaty";
  if (parts == 2 && (kinds & kTarget) && is_sdg_target(id)) return "sdg_target";
  if (parts == 3 && (kinds & kIndicator) && is_sdg_indicator(id)) return "sdg_indicator";
  return {};
}

// One phrase that cites one or more things ("SDGs 5 and 8") and the span of its printed words.
struct Hit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<std::pair<std::string_view, std::string>> items;  // type, id; none for words that only
                                                                // keep shorter names out ("New Mexico")
  bool nested = false;   // kept inside a longer hit: "ILO" of "ILO Convention No. 189"
  bool acronym = false;  // a name printed as an acronym, which may abbreviate the name before it
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
    const std::string_view type = classify(id, parts, kinds);
    if (type.empty() || quantity_follows(text, j)) return;
    hit.items.emplace_back(type, type == dossier::reference_type::treaty ? "ILO-C" + id : std::move(id));
    hit.end = j;
    i = j;
  }
}

// A match `m` of a list form `f` at text[at].
void list_found(const Form& f, std::string_view text, std::size_t at, const std::cmatch& m,
                std::vector<Hit>& hits) {
  if (f.accept && !f.accept(text, at)) return;
  const std::size_t list = at + static_cast<std::size_t>(m.position(1));
  Hit hit;
  hit.begin = at;
  if (f.start == Start::list) hit.begin = list;
  if (f.start == Start::after_paren) {
    hit.begin = at + 1;
    while (text[hit.begin] == ' ' || (text[hit.begin] >= '\t' && text[hit.begin] <= '\r')) ++hit.begin;
  }
  read_list(text, list, list + static_cast<std::size_t>(m.length(1)), f.kinds, hit);
  if (hit.items.empty()) return;
  // The organisation is named too: "ILO Convention No. 189" cites the ILO.
  if ((f.kinds & kIlo) && text.compare(at, 3, "ILO") == 0)
    hits.push_back({at, at + 3, {{"organisation", "ILO"}}, true});
  hits.push_back(std::move(hit));
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

// A match `m` of the symbol pattern at text[begin].
void symbol_found(std::string_view text, std::size_t begin, const std::cmatch& m, std::vector<Hit>& hits) {
  const auto symbol_char = [](char c) {
    return is_alnum(c) || c == '/' || c == '.' || c == '(' || c == ')' || c == '-';
  };
  const auto length = static_cast<std::size_t>(m.length(0));
  // "www.S/..." or "X-A/1" are parts of something else; so is a match cut short by the
  // bounds of the pattern.
  if (begin > 0 && (text[begin - 1] == '.' || text[begin - 1] == '-')) return;
  if (begin + length < text.size() && symbol_char(text[begin + length])) return;
  const std::string_view id = trim_symbol(text.substr(begin, length));
  if (!id.empty()) hits.push_back({begin, begin + id.size(), {{"un_symbol", std::string(id)}}});
}

// GFMD Platform for Partnerships practices: "https://gfmd.org/pfp/ppd/2334". Any host is
// taken, since OCR damages it ("afmd.org"), but there must be one.
void find_practices(std::string_view text, std::vector<Hit>& hits) {
  static constexpr std::string_view path = "/pfp/ppd/";
  for (std::size_t at = text.find(path); at != std::string_view::npos; at = text.find(path, at + 1)) {
    std::size_t begin = at;
    while (begin > 0 && (is_alnum(text[begin - 1]) || text[begin - 1] == '.' || text[begin - 1] == '-')) --begin;
    const std::size_t digits = at + path.size();
    std::size_t end = digits;
    while (end < text.size() && is_digit(text[end])) ++end;
    if (begin == at || end == digits || (end < text.size() && is_alpha(text[end]))) continue;
    std::size_t first = digits;
    while (first + 1 < end && text[first] == '0') ++first;
    hits.push_back({begin, end, {{"pfp_practice", std::string(text.substr(first, end - first))}}});
  }
}

// ---- Names: treaties, organisations, countries (tables in reference_tables.cpp) ----
//
// Text is read as tokens: words (runs of letters, digits and '_', UTF-8 letters included)
// and single punctuation marks, between spaces. A name is a sequence of such tokens, so it
// only ever matches whole words: "Niger" is not found in "Nigeria", nor "US" in "USAID".

// The code point at s[i] and its length in bytes (U+FFFD and 1 for a malformed sequence).
char32_t decode(std::string_view s, std::size_t i, std::size_t& length) noexcept {
  const auto lead = static_cast<unsigned char>(s[i]);
  length = 1;
  if (lead < 0x80) return lead;
  const std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return 0xFFFD;
  char32_t c = lead & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const auto next = static_cast<unsigned char>(s[i + k]);
    if ((next & 0xC0) != 0x80) return 0xFFFD;
    c = (c << 6) | (next & 0x3F);
  }
  length = n;
  return c;
}

// Letters of any script are parts of words; punctuation, symbols, superscript footnote
// numbers ("Migration¹²"), dashes and typographic quotes ("Mexico’s") are not.
bool is_word_point(char32_t c) noexcept {
  if (c < 0x80) return is_alnum(static_cast<char>(c)) || c == '_';
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  if ((c >= 0x2B0 && c < 0x300) || (c >= 0x2000 && c < 0x2C00) || (c >= 0x2E00 && c < 0x2E80) ||
      (c >= 0x3000 && c < 0x3040) || (c >= 0xE000 && c < 0xF900) || (c >= 0xFE30 && c < 0xFE70) ||
      c == 0xFEFF || c == 0xFFFD)
    return false;
  return true;
}

bool is_space_point(char32_t c) noexcept {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

bool is_ascii_word(char c) noexcept { return is_alnum(c) || c == '_'; }

// Bytes by what they can be in a word, for the pass over the words of each paragraph.
enum ByteClass : unsigned char {
  kNotWord,    // ASCII space or punctuation
  kWordLower,  // ASCII letter, digit or '_' that cannot start a name: 'a'..'z', '_'
  kWordStart,  // 'A'..'Z', '0'..'9': names start with these
  kMultibyte,  // part of a UTF-8 sequence: decode to tell
};

constexpr std::array<ByteClass, 256> byte_classes() {
  std::array<ByteClass, 256> classes{};
  for (int c = 0; c < 256; ++c)
    classes[c] = c >= 0x80                                     ? kMultibyte
                 : is_upper(char(c)) || is_digit(char(c))      ? kWordStart
                 : is_lower(char(c)) || c == '_'               ? kWordLower
                                                               : kNotWord;
  return classes;
}
constexpr std::array<ByteClass, 256> kBytes = byte_classes();

ByteClass byte_class(char c) noexcept { return kBytes[static_cast<unsigned char>(c)]; }

std::size_t word_end(std::string_view s, std::size_t i) noexcept {
  while (i < s.size()) {
    const ByteClass c = byte_class(s[i]);
    if (c == kWordLower || c == kWordStart) {
      ++i;
      continue;
    }
    std::size_t length = 1;
    if (c == kNotWord || !is_word_point(decode(s, i, length))) break;
    i += length;
  }
  return i;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) noexcept {
  while (i < s.size()) {
    std::size_t length = 1;
    if (!is_space_point(decode(s, i, length))) break;
    i += length;
  }
  return i;
}

// End of the token at s[i], which is not a space.
std::size_t token_end(std::string_view s, std::size_t i) noexcept {
  const std::size_t end = word_end(s, i);
  if (end > i) return end;
  std::size_t length = 1;
  decode(s, i, length);
  return i + length;
}

// Length of the hyphen or dash at s[i], 0 when there is none.
std::size_t dash_at(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size()) return 0;
  std::size_t length = 1;
  const char32_t c = decode(s, i, length);
  return c == '-' || (c >= 0x2010 && c <= 0x2013) ? length : 0;
}

bool is_apostrophe(std::string_view token) noexcept {
  std::size_t length = 1;
  const char32_t c = token.empty() ? 0 : decode(token, 0, length);
  return length == token.size() && (c == '\'' || c == '`' || c == 0xB4 || c == 0x2BC || c == 0x2018 || c == 0x2019);
}

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

constexpr std::size_t kMostForms = 16;

// Forms by the first byte of their starts: (start, index in forms()).
using FormStarts = std::array<std::vector<std::pair<std::string_view, std::size_t>>, 256>;

const FormStarts& form_starts() {
  static const FormStarts starts = [] {
    FormStarts by_byte;
    const std::vector<Form>& all = forms();
    if (all.size() > kMostForms) throw std::logic_error("find_references: raise kMostForms");
    for (std::size_t f = 0; f < all.size(); ++f)
      for (std::string_view start : all[f].starts) by_byte[static_cast<unsigned char>(start[0])].emplace_back(start, f);
    return by_byte;
  }();
  return starts;
}

// One pass over the paragraph: at each word (and each parenthesis) it tries the forms that
// can start there and, at capitalised words, the names.
void scan_paragraph(std::string_view text, Mentions& mentions, std::vector<Hit>& hits) {
  const std::vector<Form>& all = forms();
  const FormStarts& by_byte = form_starts();
  std::array<std::size_t, kMostForms> resume{};  // a form is tried again after its last match
  std::array<signed char, kMostForms> allowed;   // whether the paragraph has the form's context
  allowed.fill(-1);
  const char* const stop = text.data() + text.size();
  std::cmatch m;
  const auto try_forms = [&](std::size_t at) {
    for (const auto& [start, f] : by_byte[static_cast<unsigned char>(text[at])]) {
      if (at < resume[f] || text.compare(at, start.size(), start) != 0) continue;
      if (allowed[f] < 0) allowed[f] = mentions.has(all[f].context) ? 1 : 0;
      if (!allowed[f]) continue;
      auto flags = std::regex_constants::match_continuous;
      if (at > 0) flags |= std::regex_constants::match_prev_avail;  // so that \b sees text[at - 1]
      if (!std::regex_search(text.data() + at, stop, m, all[f].pattern, flags)) continue;
      if (all[f].kinds & kSymbol)
        symbol_found(text, at, m, hits);
      else
        list_found(all[f], text, at, m, hits);
      resume[f] = at + std::max<std::size_t>(1, static_cast<std::size_t>(m.length(0)));
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    const ByteClass c = byte_class(text[i]);
    std::size_t length = 1;
    if (c == kNotWord || (c == kMultibyte && !is_word_point(decode(text, i, length)))) {
      if (text[i] == '(') try_forms(i);
      i += length;
      continue;
    }
    const std::size_t end = word_end(text, i);
    if (c != kMultibyte) try_forms(i);
    if (c == kWordStart) names().try_at(text, i, end, mentions, hits);
    i = end;
  }
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

std::vector<Reference> find_references(std::string_view text, std::string_view address) {
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
