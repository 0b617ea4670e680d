#include "brief.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <stdexcept>

#include <dossier/model.hpp>
#include <dossier/domain/reference_data.hpp>

#include "similarity.hpp"

namespace dossier::pdf {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string goal_of(std::string_view code) { return std::string(code.substr(0, code.find('.'))); }

int number(std::string_view s) {
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9' || n > 1000) return 0;
    n = n * 10 + (c - '0');
  }
  return s.empty() ? 0 : n;
}

bool sdg_matches(const std::string& focus, const std::string& code) {
  return code == focus || (code.size() > focus.size() && code.compare(0, focus.size(), focus) == 0 &&
                           code[focus.size()] == '.');
}

}  // namespace

Focus parse_focus(std::string_view text) {
  Focus f;
  if (text.empty() || text == "all" || text == "corpus") return f;
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon + 1 == text.size())
    throw std::invalid_argument("focus '" + std::string(text) +
                                "' is not KIND:VALUE (sdg:10, sdg:10.7, gcm:13, addressee:States, document:A/68/283)");
  f.kind = lower(text.substr(0, colon));
  f.value = std::string(text.substr(colon + 1));
  if (f.kind == "sdg") {
    const auto& goals = sdg_goal_codes();
    const auto& targets = sdg_target_codes();
    if (std::find(goals.begin(), goals.end(), f.value) == goals.end() &&
        std::find(targets.begin(), targets.end(), f.value) == targets.end())
      throw std::invalid_argument("focus '" + std::string(text) + "': no SDG goal or target " + f.value);
  } else if (f.kind == "gcm") {
    const int n = number(f.value);
    if (n < 1 || n > gcm_objective_count())
      throw std::invalid_argument("focus '" + std::string(text) + "': GCM objectives are 1 to " +
                                  std::to_string(gcm_objective_count()));
    f.value = std::to_string(n);
  } else if (f.kind != "addressee" && f.kind != "document") {
    throw std::invalid_argument("focus '" + std::string(text) + "': unknown kind '" + f.kind +
                                "' (sdg, gcm, addressee, document)");
  }
  return f;
}

Brief select_brief(const CorpusView& corpus, const Focus& focus, std::size_t key_recommendations,
                   CorpusWords* words) {
  Brief brief;
  brief.focus = focus;
  brief.documents_total = corpus.documents().size();
  const std::string focus_value = lower(focus.value);
  // Targets in official order by their index; a code outside the list counts in
  // brief.targets only (as before), not in an item's targets.
  const std::vector<std::string>& official = sdg_target_codes();
  std::unordered_map<std::string_view, std::size_t> target_index;
  for (std::size_t t = 0; t < official.size(); ++t) target_index.emplace(official[t], t);
  std::vector<bool> any_target(official.size(), false), any_objective(gcm_objective_count() + 1, false);
  std::vector<std::size_t> targets;  // of one item, reused
  std::vector<int> objectives;
  std::vector<std::string_view> unofficial;

  std::size_t all = 0;
  for (const auto& d : corpus.documents()) all += d.recommendations.size();
  brief.items.reserve(all);
  for (const auto& d : corpus.documents()) {
    brief.recommendations_total += d.recommendations.size();
    if (focus.kind == "document" && d.id != focus.value && d.symbol != focus.value) continue;
    std::array<int, 17> doc_goals{};
    bool any = false;
    for (const auto& r : d.recommendations) {
      if (focus.kind == "addressee" && lower(r.addressee) != focus_value) continue;
      Item item{&d, &r, 0, {}, {}, {}};
      bool in_focus = focus.kind != "sdg" && focus.kind != "gcm";
      targets.clear();
      objectives.clear();
      unofficial.clear();
      for (const Annotation* a : corpus.annotations_of(r.address)) {
        if (a->scheme != dossier::scheme::sdg && a->scheme != dossier::scheme::gcm) continue;
        bool counts = true;
        if (a->scheme == dossier::scheme::sdg) {
          const std::string_view code = a->code;
          const int g = number(code.substr(0, code.find('.')));
          if (g >= 1 && g <= 17) item.goals.insert(g);
          const auto first = code.find('.');
          if (first != std::string_view::npos) {
            const std::string_view target = code.substr(0, code.find('.', first + 1));
            const auto t = target_index.find(target);
            if (t != target_index.end())
              targets.push_back(t->second);
            else if (!target.empty())
              unofficial.push_back(target);
          }
          counts = focus.kind != "sdg" || sdg_matches(focus.value, a->code);
          if (focus.kind == "gcm") counts = false;
        } else {
          const int o = number(a->code);
          if (o >= 1 && o <= gcm_objective_count()) objectives.push_back(o);
          counts = focus.kind != "gcm" || a->code == focus.value;
          if (focus.kind == "sdg") counts = false;
        }
        if (counts) {
          in_focus = true;
          item.score = std::max(item.score, a->score);
        }
      }
      if (!in_focus) continue;
      brief.targets.insert(unofficial.begin(), unofficial.end());
      std::sort(targets.begin(), targets.end());
      targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
      for (const std::size_t t : targets) {
        item.targets.push_back(official[t]);
        any_target[t] = true;
      }
      std::sort(objectives.begin(), objectives.end());
      objectives.erase(std::unique(objectives.begin(), objectives.end()), objectives.end());
      item.objectives = objectives;
      for (const int o : objectives) any_objective[static_cast<std::size_t>(o)] = true;
      for (int g : item.goals) ++doc_goals[static_cast<std::size_t>(g - 1)];
      brief.items.push_back(std::move(item));
      any = true;
    }
    if (!any) continue;
    brief.per_document.emplace_back(&d, doc_goals);
    auto& profile = brief.profiles[&d];
    for (const Annotation* a : corpus.annotations_of(d.id))
      if (a->scheme == dossier::scheme::sdg && a->level == dossier::level::goal && number(a->code) >= 1 && number(a->code) <= 17)
        profile.insert(number(a->code));
  }
  for (std::size_t t = 0; t < official.size(); ++t)
    if (any_target[t]) brief.targets.insert(official[t]);
  for (std::size_t o = 1; o < any_objective.size(); ++o)
    if (any_objective[o]) brief.objectives.insert(static_cast<int>(o));
  for (const auto& [doc, goals] : brief.per_document)
    for (std::size_t g = 0; g < 17; ++g) brief.per_goal[g] += goals[g];
  // Better mapped first; among equals, more targets and objectives, then corpus order.
  // (Indexes sorted, then the items moved once: an item holds a set and vectors.)
  std::vector<std::size_t> order(brief.items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const Item& a = brief.items[x];
    const Item& b = brief.items[y];
    if (a.score != b.score) return a.score > b.score;
    return a.targets.size() + a.objectives.size() > b.targets.size() + b.objectives.size();
  });
  std::vector<Item> sorted;
  sorted.reserve(order.size());
  for (const std::size_t i : order) sorted.push_back(std::move(brief.items[i]));
  brief.items = std::move(sorted);
  choose_keys(corpus, brief, key_recommendations, words);
  return brief;
}

namespace {

// The discounts of choose_keys(): a document's share of the keys and themes already covered
// weigh less than a recommendation's own mapping score, so that a weak recommendation is not
// chosen only for being elsewhere.
constexpr double kPerKeyFromDocument = 0.8;
constexpr double kThemesCovered = 0.3;

// What an item adds to the themes of the keys: its SDG goals (0..16) and targets (17 and on,
// numbered by `targets`), less the focus (which every item shares) and, for a target in
// focus, its goal.
std::vector<int> themes_of(const Item& item, const Focus& focus, std::unordered_map<std::string_view, int>& targets) {
  std::string focus_goal, focus_target;
  if (focus.kind == "sdg") {
    focus_goal = goal_of(focus.value);
    focus_target = focus.value;
  }
  std::vector<int> themes;
  for (int g : item.goals)
    if (std::to_string(g) != focus_goal) themes.push_back(g - 1);
  for (const auto& t : item.targets)
    if (t != focus_target) themes.push_back(17 + targets.emplace(t, static_cast<int>(targets.size())).first->second);
  return themes;
}

}  // namespace

CorpusWords::CorpusWords(const CorpusView& corpus) : corpus_(corpus) {}
CorpusWords::~CorpusWords() = default;

void CorpusWords::split() {
  if (wording_) return;
  std::vector<std::string_view> texts;
  for (const auto& d : corpus_.documents())
    for (const auto& r : d.recommendations) {
      text_of_.emplace_back(&r, texts.size());
      texts.push_back(r.text);
    }
  std::sort(text_of_.begin(), text_of_.end());
  wording_ = std::make_unique<Wording>(texts);
}

Wording& CorpusWords::wording() {
  split();
  return *wording_;
}

std::size_t CorpusWords::text_of(const Recommendation* r) {
  split();
  const auto t = std::lower_bound(text_of_.begin(), text_of_.end(), std::make_pair(r, std::size_t{0}));
  return t != text_of_.end() && t->first == r ? t->second : std::string_view::npos;
}

void choose_keys(const CorpusView& corpus, Brief& brief, std::size_t count, CorpusWords* shared) {
  brief.keys.clear();
  const std::vector<Item>& items = brief.items;
  const std::size_t n = items.size();
  if (n == 0 || count == 0) return;
  // Items not among the corpus's recommendations (none in a build) add words to the Wording:
  // they get one of their own, so that no brief's words depend on another's.
  std::unique_ptr<CorpusWords> own;
  bool outside_items = false;
  if (shared)
    for (std::size_t i = 0; i < n && !outside_items; ++i)
      outside_items = shared->text_of(items[i].recommendation) == std::string_view::npos;
  if (!shared || outside_items) {
    own = std::make_unique<CorpusWords>(corpus);
    shared = own.get();
  }
  Wording& wording = shared->wording();
  std::vector<Wording::Span> words(n);
  std::vector<Wording::Words> outside;
  outside.reserve(n);
  std::vector<std::vector<int>> themes(n);
  std::unordered_map<std::string_view, int> target_themes;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t t = shared->text_of(items[i].recommendation);
    if (t != std::string_view::npos) {
      words[i] = wording.words_of(t);
    } else {
      outside.push_back(wording.words(items[i].recommendation->text));
      words[i] = outside.back();
    }
    themes[i] = themes_of(items[i], brief.focus, target_themes);
  }
  std::vector<bool> covered(17 + target_themes.size(), false);
  std::vector<bool> taken(n, false);
  // likeness[j]: to the closest item of the keys chosen, brought up to date lazily. An item's
  // value only falls as keys are chosen, so its value with the likeness it had is a bound:
  // only items whose bound can still beat the best exact value found are compared with the
  // members added since (members[seen[j]..]). The choice is the one a full pass makes.
  std::vector<double> likeness(n, 0), base(n, 0), bound(n, 0);
  std::vector<std::size_t> seen(n, 0), members, order;
  // Sum of the weights of each item's words: similarity(a, b) <= min / max of the two sums,
  // which spares comparing items of very different lengths word by word.
  std::vector<double> total(n);
  for (std::size_t i = 0; i < n; ++i) total[i] = wording.total(words[i]);
  const auto at_most = [&](std::size_t a, std::size_t b) {
    const double lo = std::min(total[a], total[b]), hi = std::max(total[a], total[b]);
    return hi > 0 ? lo / hi + 1e-9 : 1.0;  // the margin covers rounding in the sums
  };
  const auto update = [&](std::size_t j) {
    for (; seen[j] < members.size(); ++seen[j]) {
      const std::size_t m = members[seen[j]];
      if (at_most(m, j) > likeness[j]) likeness[j] = std::max(likeness[j], wording.similarity(words[m], words[j]));
    }
  };
  // Keys chosen from each item's document (documents numbered in item order).
  std::vector<std::size_t> document_of(n);
  std::vector<int> keys_from;
  {
    std::map<const Document*, std::size_t> numbers;
    for (std::size_t i = 0; i < n; ++i) document_of[i] = numbers.emplace(items[i].document, numbers.size()).first->second;
    keys_from.assign(numbers.size(), 0);
  }
  std::vector<double> discount;  // kPerKeyFromDocument to the power of keys from the document
  // Candidates in a heap by bound, highest first, then lowest index: only as many are taken
  // out as can still win.
  const auto below = [&](std::size_t a, std::size_t b) { return bound[a] != bound[b] ? bound[a] < bound[b] : a > b; };
  while (brief.keys.size() < count) {
    order.clear();
    for (std::size_t i = 0; i < n; ++i) {
      if (taken[i]) continue;
      std::size_t known = 0;
      for (const int t : themes[i]) known += covered[static_cast<std::size_t>(t)];
      const double share = themes[i].empty() ? 0 : static_cast<double>(known) / themes[i].size();
      const auto from = static_cast<std::size_t>(keys_from[document_of[i]]);
      while (discount.size() <= from) discount.push_back(std::pow(kPerKeyFromDocument, discount.size()));
      // Unscored items (a document or addressee focus without mappings) still differ by the rest.
      base[i] = std::max(items[i].score, 1e-3) * discount[from] * (1 - kThemesCovered * share);
      bound[i] = base[i] * (1 - likeness[i]);
      order.push_back(i);
    }
    std::make_heap(order.begin(), order.end(), below);
    // The highest value, the first item of those that have it, as a full pass in item order.
    std::size_t best = n;
    double best_value = -1;
    for (auto end = order.end(); end != order.begin(); --end) {
      std::pop_heap(order.begin(), end, below);
      const std::size_t i = *(end - 1);
      if (bound[i] < best_value || (bound[i] == best_value && i > best)) break;
      update(i);
      const double value = base[i] * (1 - likeness[i]);
      if (value > best_value || (value == best_value && i < best)) {
        best = i;
        best_value = value;
      }
    }
    if (best == n) break;
    Key key;
    key.item = best;
    taken[best] = true;
    // similarity >= same needs shared >= same / (1 + same) of both totals: the weight the
    // item shares with `best`, summed through marks, spares the full comparison of most.
    wording.mark(words[best]);
    const double share_needed = Wording::same / (1 + Wording::same);
    for (std::size_t j = 0; j < n; ++j)
      if (!taken[j] && at_most(best, j) >= Wording::same &&
          wording.shared_with_marked(words[j]) + 1e-9 >= share_needed * (total[best] + total[j]) &&
          wording.similarity(words[best], words[j]) >= Wording::same) {
        key.same.push_back(j);
        taken[j] = true;
      }
    wording.unmark(words[best]);
    std::set<std::size_t> documents;
    const std::size_t first = members.size();
    members.push_back(best);
    members.insert(members.end(), key.same.begin(), key.same.end());
    for (std::size_t k = first; k < members.size(); ++k) {
      documents.insert(document_of[members[k]]);
      for (const int t : themes[members[k]]) covered[static_cast<std::size_t>(t)] = true;
    }
    for (const std::size_t d : documents) ++keys_from[d];
    brief.keys.push_back(std::move(key));
  }
}

void quote_keys(Brief& brief, const std::string& language) {
  Quotes quotes(language);
  for (Key& key : brief.keys) {
    const Item& item = brief.items[key.item];
    key.quote = quotes.of(*item.document, *item.recommendation);
  }
}

}  // namespace dossier::pdf
