#include "recommendations.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>

#include <dossier/domain/references.hpp>
#include <dossier/domain/white_space.hpp>

#include "pattern.hpp"
#include "text_util.hpp"

namespace dossier::readers {

std::optional<RecommendationHeading> recommendation_heading(const std::string& text) {
  static const Pattern heading(
      R"(^(?:(Political|Practical|Policy)\s+)?(recommendations?|options for practical action|policy options|outcomes and recommendations|conclusions and(?:/or)? recommendations)(?:\s+to\s+(?:the\s+)?(.+?)|\s+in relation to .*)?\s*:?$)",
      /*ignore_case=*/true, "PROC");
  Match m;
  if (text.size() >= 120 || !heading.full(text, m)) return std::nullopt;
  RecommendationHeading h;
  const std::string qualifier = m[1].str();
  std::string what = m[2].str();
  std::transform(what.begin(), what.end(), what.begin(), [](unsigned char c) { return std::tolower(c); });
  if (what == "policy options" || qualifier == "Policy") {
    h.kind = "policy_option";
  } else if (what == "options for practical action") {
    h.kind = "practical_action";
  } else if (!qualifier.empty()) {
    std::string q = qualifier;
    q[0] = static_cast<char>(std::tolower(q[0]));
    h.kind = q + "_recommendation";
  } else {
    h.kind = "recommendation";
  }
  h.addressee = m[3].matched ? normalize_addressee(m[3].str()) : "";
  h.opens_list = what.rfind("conclusions", 0) != 0;
  return h;
}

namespace {

bool contains_any(const std::string& haystack, std::initializer_list<std::string_view> needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [&](std::string_view n) { return haystack.find(n) != std::string::npos; });
}

}  // namespace

std::optional<ListIntroduction> list_introduction(const std::string& text, bool items_attributed) {
  if (text.size() > 800) return std::nullopt;
  const std::string t = ascii_lower(text);
  if (!items_attributed && !contains_any(t, {"recommendation", "recommandation", "recomendaci"})) return std::nullopt;
  // It must announce what follows: "...:" or "the following", "listed below".
  const bool announces = t.back() == ':' || contains_any(t, {"following", "below", "suivantes", "ci-dessous",
                                                             "siguientes", "a continuaci"});
  if (!announces) return std::nullopt;
  ListIntroduction intro;
  // The negative and the deferred wording first: "did not enjoy the support" contains "enjoy".
  if (contains_any(t, {"not enjoy", "not been accepted", "not accepted", "rejected", "not supported", "noted by",
                       "were noted", "are noted", "has noted", "took note", "n'ont pas recueilli", "pas l'appui",
                       "no cuentan", "no contaron", "no gozan", "no recibieron"}))
    intro.position = "noted";
  else if (contains_any(t, {"will be examined", "will examine", "to be examined", "will provide responses",
                            "will respond", "in due time", "under consideration", "will be considered", "seront examin",
                            "examinera", "examinará", "serán examinad"}))
    intro.position = "pending";
  else if (contains_any(t, {"enjoy", "supported", "accepted", "already implemented", "recueilli l'appui",
                            "recueillent l'appui", "cuentan con el apoyo", "contaron con el apoyo", "gozan del apoyo"}))
    intro.position = "supported";
  static const Pattern by(
      R"(\b(?:examined by|the support of|supported by|noted by|accepted by|examinées par|l'appui de|l\xE2\x80\x99appui de|el apoyo de|examinadas por)\s+((?:the\s+|la\s+|le\s+|l'|l\xE2\x80\x99|el\s+)?(?:[A-Z]|\xC3[\x80-\x9E])(?:[A-Za-z'\- ]|\xE2\x80\x99|\xC3[\x80-\xBF])*?(?:[a-z]|\xC3[\x9F-\xBF]))(?:\s+and\b|\s+et\b|\s+y\b|\s*[,:;.(]|\s*$))");
  Match m;
  if (by.find(text, m)) intro.state = m[1].str();
  return intro;
}

namespace {

// The words a State's name may have in lower case ("Saint Vincent and the Grenadines",
// "Iran (Islamic Republic of)", "Democratic People's Republic of Korea").
bool name_connector(std::string_view w) {
  static const std::array<std::string_view, 14> words = {"of", "and", "the", "da", "de", "del", "des",
                                                         "du", "la", "le", "y", "et", "d'", "los"};
  return std::find(words.begin(), words.end(), w) != words.end();
}

// Whether `s` reads as the name of a State: capitalised words and connectors, no digits,
// not an acronym, at most eight words.
bool state_name(std::string_view s) {
  if (s.empty() || s.size() > 70 || !starts_upper(s)) return false;
  std::size_t words = 0, lower_letters = 0;
  for (std::size_t i = 0; i < s.size();) {
    while (i < s.size() && (is_ascii_space(s[i]) || s[i] == '(' || s[i] == ')')) ++i;
    const std::size_t start = i;
    while (i < s.size() && !is_ascii_space(s[i]) && s[i] != '(' && s[i] != ')') ++i;
    if (start == i) break;
    const std::string_view w = s.substr(start, i - start);
    ++words;
    for (const char c : w) {
      if (std::isdigit(static_cast<unsigned char>(c))) return false;
      lower_letters += std::islower(static_cast<unsigned char>(c)) != 0;
    }
    const auto first = static_cast<unsigned char>(w[0]);
    // "d'Ivoire", "d’Ivoire", "l'Union": an elided article before a capital.
    const bool elided = w.size() > 2 && (w[0] == 'd' || w[0] == 'l') &&
                        (w[1] == '\'' || w.substr(1, 3) == "\xE2\x80\x99");
    if (std::islower(first) && !name_connector(w) && !elided) return false;
  }
  return words >= 1 && words <= 8 && lower_letters > 0;
}

// The content of the balanced parenthesised group that ends at `close` (the index of its
// ")"), or npos when it is not balanced. `open` is set to the index of its "(".
std::size_t group_start(std::string_view text, std::size_t close) {
  int depth = 0;
  for (std::size_t i = close + 1; i-- > 0;) {
    if (text[i] == ')') ++depth;
    else if (text[i] == '(' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// Whether the reference tables know `name` as a country, whole ("the Netherlands",
// "Libyan Arab Jamahiriya", "Iran (Islamic Republic of)").
bool known_country(const std::string& key) {
  // The same few hundred names come back in every list: each is looked up once per thread.
  thread_local std::unordered_map<std::string, bool> known;
  if (const auto it = known.find(key); it != known.end()) return it->second;
  std::string name = key;
  // Typographic apostrophes ("People‟s", "People’s") as the tables spell them.
  for (const std::string_view quote : {"\xE2\x80\x9F", "\xE2\x80\x99"})
    for (std::size_t at; (at = name.find(quote)) != std::string::npos;) name.replace(at, quote.size(), "'");
  // The name whole, or before its qualifier: "Netherlands (Kingdom of the)".
  const std::size_t paren = name.find(" (");
  const std::size_t core = paren == std::string::npos ? name.size() : paren;
  bool found = false;
  for (const Reference& r : find_references(name, {}))
    if (r.type == dossier::reference_type::country && (r.text.size() + 4 >= name.size() || (r.begin == 0 && r.end >= core))) found = true;
  if (known.size() < 100000) known.emplace(key, found);  // bounded: hostile input names anything
  return found;
}

// The States a group names. Names the tables know are taken; "Mexico and Brazil",
// "Brazil/Spain" are taken as their parts when the tables know those; a name the tables
// do not know is taken only when it is the group's one name and reads as a State's
// ("Russia Federation"), so that "(Defensor del Pueblo) (Peru)" gives Peru alone.
void add_names(std::string_view content, bool alone, std::vector<std::string>& states) {
  auto take = [&](std::string name) {
    if (std::find(states.begin(), states.end(), name) == states.end()) states.push_back(std::move(name));
  };
  int depth = 0;
  std::size_t from = 0;
  std::vector<std::string> names;
  for (std::size_t i = 0; i <= content.size(); ++i) {
    if (i < content.size() && content[i] == '(') ++depth;
    if (i < content.size() && content[i] == ')') --depth;
    if (i == content.size() || ((content[i] == ',' || content[i] == ';') && depth == 0)) {
      names.push_back(trim(content.substr(from, i - from)));
      from = i + 1;
    }
  }
  for (const std::string& name : names) {
    if (!state_name(name)) continue;
    if (known_country(name)) {
      take(name);
      continue;
    }
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t at = 0; at <= name.size(); ++at) {
      const bool slash = at < name.size() && name[at] == '/';
      const bool and_word = name.compare(at, 5, " and ") == 0;
      if (at == name.size() || slash || and_word) {
        parts.push_back(trim(std::string_view(name).substr(start, at - start)));
        start = at + (slash ? 1 : and_word ? 5 : 0);
        if (and_word) at += 4;
      }
    }
    const bool all_known = parts.size() > 1 && std::all_of(parts.begin(), parts.end(), known_country);
    if (all_known) {
      for (auto& part : parts) take(part);
    } else if (alone && names.size() == 1) {
      take(name);
    }
  }
}

}  // namespace

std::vector<std::string> recommending_states(std::string_view text) {
  std::vector<std::string> states;
  // Each clause ends at ";" or "." or the end; the groups right before its end are the States.
  for (std::size_t end = 0; end <= text.size(); ++end) {
    if (end < text.size() && text[end] != ';' && text[end] != '.') continue;
    std::size_t at = end;
    while (at > 0 && is_ascii_space(text[at - 1])) --at;
    std::vector<std::string_view> groups;
    while (at > 0 && text[at - 1] == ')') {
      const std::size_t open = group_start(text, at - 1);
      if (open == std::string_view::npos) break;
      groups.push_back(text.substr(open + 1, at - 1 - open - 1));
      at = open;
      while (at > 0 && is_ascii_space(text[at - 1])) --at;
    }
    for (auto g = groups.rbegin(); g != groups.rend(); ++g) add_names(*g, groups.size() == 1, states);
  }
  return states;
}

std::size_t count_attributions(std::string_view text) {
  std::vector<std::string> names;  // each State once: "(Spain) ... (Spain)" is one recommendation
  for (std::size_t close = text.find(')'); close != std::string_view::npos; close = text.find(')', close + 1)) {
    const std::size_t open = group_start(text, close);
    if (open == std::string_view::npos) continue;
    // Only outermost groups: "(Iran (Islamic Republic of))" is one name.
    int depth = 0;
    for (std::size_t i = 0; i < open; ++i) depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
    if (depth > 0) continue;
    add_names(text.substr(open + 1, close - open - 1), false, names);
  }
  return names.size();
}

std::vector<std::string> attributed_clauses(const std::string& text) {
  std::vector<std::string> clauses;
  std::size_t from = 0;
  for (std::size_t end = 0; end < text.size(); ++end) {
    if (text[end] != ';' && text[end] != '.') continue;
    // What follows must be another recommendation: three words or more, after ";" (the
    // Working Group's clusters go on in lower case: "...(Nigeria); to ratify ...") or after
    // "." with a capital.
    std::size_t next = end + 1;
    while (next < text.size() && is_ascii_space(text[next])) ++next;
    if (next >= text.size() || !std::isalpha(static_cast<unsigned char>(text[next])) ||
        (text[end] == '.' && !std::isupper(static_cast<unsigned char>(text[next]))) ||
        word_count(std::string_view(text).substr(next)) < 3)
      continue;
    std::size_t close = end;
    while (close > from && is_ascii_space(text[close - 1])) --close;
    if (close == from || text[close - 1] != ')') continue;
    const std::string_view clause = std::string_view(text).substr(from, end + 1 - from);
    if (recommending_states(clause).empty()) continue;
    clauses.push_back(trim(clause));
    from = next;
  }
  if (clauses.empty()) return {text};
  clauses.push_back(trim(std::string_view(text).substr(from)));
  return clauses;
}

std::string normalize_addressee(std::string name) {
  name = trim(name);
  while (!name.empty() && (name.back() == ':' || name.back() == '.')) name.pop_back();
  for (const char* prefix : {"the ", "The ", "la ", "La ", "le ", "Le ", "l'", "l\xE2\x80\x99", "el ", "El ",
                             "United Nations ", "UN "})
    if (name.rfind(prefix, 0) == 0) name = name.substr(std::string(prefix).size());
  if (name == "Secretary General") name = "Secretary-General";
  if (name == "HRC") name = "Human Rights Council";
  return name;
}

}  // namespace dossier::readers
