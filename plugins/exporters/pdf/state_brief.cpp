#include "state_brief.hpp"

#include <algorithm>
#include <set>

#include <dossier/domain/reference_data.hpp>

namespace dossier::pdf {

namespace {

int goal_number(std::string_view code) {
  const std::string goal(code.substr(0, code.find('.')));
  for (int g = 1; g <= 17; ++g)
    if (goal == std::to_string(g)) return g;
  return 0;
}

// "16.3.1" -> "16.3"; "16" -> "".
std::string target_of(std::string_view code) {
  const auto first = code.find('.');
  if (first == std::string_view::npos) return "";
  return std::string(code.substr(0, code.find('.', first + 1)));
}

// The item with its SDG goals and targets, strongest first; ties go to the lower goal and
// the target first in official order, so the same corpus always gives the same brief.
StateItem item_of(const CorpusView& corpus, const Document& d, const Recommendation& r,
                  const std::map<std::string, std::string>& numbers) {
  StateItem item;
  item.document = &d;
  item.recommendation = &r;
  if (const auto n = numbers.find(r.address); n != numbers.end()) item.number = n->second;
  std::map<int, double> goals;
  std::map<std::string, double> targets;
  for (const Annotation* a : corpus.annotations_of(r.address)) {
    if (a->scheme != scheme::sdg) continue;
    const int g = goal_number(a->code);
    if (g == 0) continue;
    goals[g] = std::max(goals[g], a->score);
    if (const std::string t = target_of(a->code); !t.empty()) targets[t] = std::max(targets[t], a->score);
  }
  std::vector<std::pair<double, int>> ranked;
  for (const auto& [g, score] : goals) ranked.emplace_back(-score, g);
  std::sort(ranked.begin(), ranked.end());
  for (const auto& [score, g] : ranked) item.goals.push_back(g);
  double best = -1;
  for (const auto& t : sdg_target_codes()) {
    const auto it = targets.find(t);
    if (it == targets.end()) continue;
    item.targets.push_back(t);
    if (goal_number(t) == item.goal() && it->second > best) best = it->second, item.theme = t;
  }
  if (!r.position_source.empty()) {
    const Document* response = corpus.document_of(r.position_source);
    if (response != &d) item.position_document = response;
  }
  return item;
}

// Words every recommendation uses, which say nothing of its subject.
const std::set<std::string>& common_words() {
  static const std::set<std::string> words{
      "the",     "and",        "for",       "its",      "with",    "that",      "this",    "all",     "any",
      "are",     "into",       "from",      "such",     "which",   "their",     "other",   "those",   "also",
      "well",    "including",  "order",     "ensure",   "take",    "continue",  "efforts", "measures", "necessary",
      "further", "steps",      "appropriate", "consider", "relevant", "particular", "regard", "view",    "has",
      "have",    "been",       "not",       "yet",      "more",    "make",      "made",    "effective", "adopt",
      "strengthen", "pursue", "promote",   "step",     "up",      "in",        "of",      "to",      "on"};
  return words;
}

std::set<std::string> content_words(const Recommendation& r) {
  std::string text = r.text;
  // The recommending States name who asked, not what.
  for (const auto& state : r.recommended_by)
    for (auto at = text.find(state); at != std::string::npos && !state.empty(); at = text.find(state, at))
      text.erase(at, state.size());
  std::set<std::string> out;
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        (static_cast<unsigned char>(c) & 0x80);
    if (letter) {
      word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      continue;
    }
    if (word.size() >= 3 && !common_words().count(word)) out.insert(word);
    word.clear();
  }
  return out;
}

// Dice's coefficient of two sets of words.
double dice(const std::set<std::string>& x, const std::set<std::string>& y) {
  std::size_t shared = 0;
  for (const auto& w : x) shared += y.count(w);
  return x.empty() && y.empty() ? 0 : 2.0 * static_cast<double>(shared) / static_cast<double>(x.size() + y.size());
}

// The latest review against the previous one: repeated recommendations (each matched to the
// most alike earlier one), and the States that joined or left the recommending States.
StateChange compare(const StateReview& previous, const StateReview& latest) {
  StateChange change;
  std::vector<std::set<std::string>> earlier;
  for (const auto& item : previous.items) earlier.push_back(content_words(*item.recommendation));
  for (std::size_t i = 0; i < latest.items.size(); ++i) {
    const auto words = content_words(*latest.items[i].recommendation);
    double best = 0;
    std::size_t match = 0;
    for (std::size_t k = 0; k < earlier.size(); ++k)
      if (const double d = dice(words, earlier[k]); d > best) best = d, match = k;
    if (best >= repeated_likeness) change.repeated.push_back({i, match});
  }
  for (const auto& [key, name] : latest.recommending)
    if (!previous.recommending.count(key)) change.new_states.push_back(name);
  for (const auto& [key, name] : previous.recommending)
    if (!latest.recommending.count(key)) change.former_states.push_back(name);
  std::sort(change.new_states.begin(), change.new_states.end());
  std::sort(change.former_states.begin(), change.former_states.end());
  return change;
}

// The reports in date order (ISO dates sort as text), corpus order among equals.
void by_date(std::vector<UprReport>& reports) {
  std::stable_sort(reports.begin(), reports.end(),
                   [](const UprReport& a, const UprReport& b) { return a.document->date < b.document->date; });
}

}  // namespace

void PositionCounts::add(const std::string& position) {
  if (position == "supported") ++supported;
  else if (position == "noted") ++noted;
  else if (position == "pending") ++pending;
  else ++unknown;
}

double likeness(const Recommendation& a, const Recommendation& b) { return dice(content_words(a), content_words(b)); }

std::vector<std::string> states_under_review(const CorpusView& corpus) {
  std::vector<UprReport> reports = upr_reports(corpus.documents());
  std::vector<std::string> keys;
  std::map<std::string, std::string> names;  // key -> the name of its latest report
  std::map<std::string, std::string> dates;
  for (const auto& r : reports) {
    if (!names.count(r.key)) keys.push_back(r.key);
    if (!dates.count(r.key) || r.document->date >= dates[r.key]) {
      dates[r.key] = r.document->date;
      names[r.key] = r.state;
    }
  }
  std::vector<std::string> out;
  for (const auto& k : keys) out.push_back(names[k]);
  return out;
}

StateBrief select_state_brief(const CorpusView& corpus, std::string_view state) {
  StateBrief brief;
  brief.state = std::string(state);
  brief.key = state_key(state);
  brief.documents_total = corpus.documents().size();
  std::vector<UprReport> reports = upr_reports(corpus.documents());
  by_date(reports);
  std::set<const Document*> cited;

  for (const UprReport& report : reports) {
    const Document& d = *report.document;
    const auto numbers = printed_numbers(d);
    if (report.key == brief.key) {
      StateReview review;
      review.report = report;
      for (const Recommendation& r : d.recommendations) {
        if (r.recommended_by.empty()) continue;
        review.items.push_back(item_of(corpus, d, r, numbers));
        const StateItem& item = review.items.back();
        review.positions.add(r.position);
        review.per_goal[static_cast<std::size_t>(item.goal())].add(r.position);
        for (const auto& s : r.recommended_by) review.recommending.emplace(state_key(s), s);
        if (item.position_document) cited.insert(item.position_document);
      }
      brief.state = report.state;
      cited.insert(&d);
      brief.reviews.push_back(std::move(review));
      continue;
    }
    MadeTo made;
    made.report = report;
    for (const Recommendation& r : d.recommendations)
      if (recommended_by_state(r, brief.key)) {
        made.items.push_back(item_of(corpus, d, r, numbers));
        if (made.items.back().position_document) cited.insert(made.items.back().position_document);
      }
    if (made.items.empty()) continue;
    brief.made_count += made.items.size();
    cited.insert(&d);
    brief.made.push_back(std::move(made));
  }
  std::reverse(brief.made.begin(), brief.made.end());
  // A State's name as the others' reports print it when it has no report of its own.
  if (brief.reviews.empty())
    for (const MadeTo& m : brief.made)
      for (const StateItem& item : m.items)
        for (const auto& s : item.recommendation->recommended_by)
          if (state_key(s) == brief.key) brief.state = s;

  if (const StateReview* latest = brief.latest()) {
    std::map<int, GoalGroup> groups;
    for (std::size_t i = 0; i < latest->items.size(); ++i) {
      GoalGroup& g = groups[latest->items[i].goal()];
      g.goal = latest->items[i].goal();
      g.items.push_back(i);
    }
    // Within a goal by theme (official order of targets, those without last), then as printed.
    const auto& order = sdg_target_codes();
    auto rank = [&](const StateItem& item) {
      const auto it = std::find(order.begin(), order.end(), item.theme);
      return static_cast<std::size_t>(it - order.begin());
    };
    for (auto& [goal, group] : groups) {
      std::stable_sort(group.items.begin(), group.items.end(), [&](std::size_t a, std::size_t b) {
        return rank(latest->items[a]) < rank(latest->items[b]);
      });
      if (goal != 0) brief.groups.push_back(std::move(group));
    }
    if (groups.count(0)) brief.groups.push_back(std::move(groups[0]));
  }
  if (const StateReview* previous = brief.previous()) {
    brief.has_change = true;
    brief.change = compare(*previous, *brief.latest());
  }
  for (const Document& d : corpus.documents())
    if (cited.count(&d)) brief.sources.push_back(&d);
  return brief;
}

}  // namespace dossier::pdf
