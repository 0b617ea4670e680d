// The citation forms find_references() tries ("SDG 10", "Goal 10" in a paragraph about the
// SDGs, "objective 13", "ILO Convention No. 189", "A/RES/73/195", ...) as anchored patterns,
// with the tests of context that some of them need.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reference_finder.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN
namespace detail {

namespace {

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

}  // namespace

// "SDG" or "SDGs" as a word of its own or glued to a number ("SDG10"), not inside "XSDG".
bool mentions_sdg(std::string_view text) noexcept {
  for (std::size_t at = text.find("SDG"); at != std::string_view::npos; at = text.find("SDG", at + 1))
    if (at == 0 || !is_alnum(text[at - 1])) return true;
  return false;
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
}  // namespace detail
DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
