// Numbered codes: SDG goals, targets and indicators (checked against the official list), GCM
// objectives and clusters, ILO conventions, and the lists of them that the citation forms match.
#include "dossier/domain/references.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reference_finder.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN
namespace detail {

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

}  // namespace

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

}  // namespace detail

bool is_sdg_goal(std::string_view code) noexcept {
  const int n = detail::parse_number(code);
  return n >= 1 && n <= detail::kSdgGoals;
}

bool is_sdg_target(std::string_view code) noexcept { return detail::find_target(code) != nullptr; }

bool is_sdg_indicator(std::string_view code) noexcept {
  const std::size_t dot = code.rfind('.');
  if (dot == std::string_view::npos) return false;
  const detail::TargetRow* row = detail::find_target(code.substr(0, dot));
  const int n = detail::parse_number(code.substr(dot + 1));
  return row && n >= 1 && n <= row->indicators;
}

bool is_gcm_objective(std::string_view code) noexcept {
  const int n = detail::parse_number(code);
  return n >= 1 && n <= detail::kGcmObjectives;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
