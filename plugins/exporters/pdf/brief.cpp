#include "brief.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <unordered_map>
#include <stdexcept>

#include <dossier/model.hpp>
#include <dossier/domain/reference_data.hpp>

#include "bytes_hash.hpp"
#include "memory_arena.hpp"
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
  const bool sdg_focus = focus.kind == "sdg", gcm_focus = focus.kind == "gcm";
  // Targets in official order by their index; a code outside the list counts in
  // brief.targets only (as before), not in an item's targets.
  const std::vector<std::string>& official = sdg_target_codes();
  std::unordered_map<std::string_view, std::uint32_t> target_index;
  for (std::size_t t = 0; t < official.size(); ++t) target_index.emplace(official[t], static_cast<std::uint32_t>(t));
  std::vector<bool> any_target(official.size(), false), any_objective(gcm_objective_count() + 1, false);

  // The working tables in one arena (memory_arena.hpp): in the exporter child, first touching
  // memory is most of what selecting costs.
  MemoryArena memory;
  const MemoryArena::Allocator<char> in_arena(memory);
  // The recommendations that can be in focus (by document and addressee), in corpus order.
  struct Slot {
    const Document* document;
    const Recommendation* recommendation;
    double score;
    std::uint32_t goals;  // bit g: SDG goal g
    bool in_focus;
  };
  ArenaVector<Slot> slots(in_arena);
  std::size_t all = 0;
  for (const auto& d : corpus.documents()) all += d.recommendations.size();
  slots.reserve(all);
  for (const auto& d : corpus.documents()) {
    brief.recommendations_total += d.recommendations.size();
    if (focus.kind == "document" && d.id != focus.value && d.symbol != focus.value) continue;
    for (const auto& r : d.recommendations) {
      if (focus.kind == "addressee" && lower(r.addressee) != focus_value) continue;
      slots.push_back({&d, &r, 0, 0, !sdg_focus && !gcm_focus});
    }
  }
  // Their addresses in an open-addressing table (slot + 1, 0 = empty); `same_address` chains
  // the slots of an address said twice. Each sdg and gcm annotation of the corpus, read once in
  // corpus order, goes to every slot its subject names: what CorpusView::annotations_of() of
  // each recommendation gives, without a look-up per recommendation in the view's tables.
  std::size_t size = 16;
  while (size < 2 * slots.size()) size *= 2;
  ArenaVector<std::uint32_t> table(size, 0, in_arena), same_address(slots.size(), 0, in_arena);
  const auto slot_of = [&](std::string_view address) {
    std::size_t at = analyzers::hash_bytes(address) & (size - 1);
    while (table[at] != 0 && slots[table[at] - 1].recommendation->address != address) at = (at + 1) & (size - 1);
    return at;
  };
  for (std::size_t k = 0; k < slots.size(); ++k) {
    const std::size_t at = slot_of(slots[k].recommendation->address);
    same_address[k] = table[at];
    table[at] = static_cast<std::uint32_t>(k + 1);
  }
  // (slot, target index), (slot, objective) and (slot, unofficial target), in any order.
  ArenaVector<std::pair<std::uint32_t, std::uint32_t>> targets_of(in_arena), objectives_of(in_arena);
  std::vector<std::pair<std::uint32_t, std::string_view>> unofficial_of;
  std::string_view subject;
  std::uint32_t head = 0;
  bool looked_up = false;
  for (const Annotation& a : corpus.annotations()) {
    const bool sdg = a.scheme == dossier::scheme::sdg;
    if (!sdg && a.scheme != dossier::scheme::gcm) continue;
    if (!looked_up || a.subject != subject) {  // an analyzer's annotations of one subject follow each other
      subject = a.subject;
      head = table[slot_of(subject)];
      looked_up = true;
    }
    if (head == 0) continue;
    const std::string_view code = a.code;
    std::uint32_t goal = 0, target = 0, objective = 0;
    std::string_view unofficial;
    bool has_target = false, counts;
    if (sdg) {
      const int g = number(code.substr(0, code.find('.')));
      if (g >= 1 && g <= 17) goal = std::uint32_t{1} << g;
      const auto first = code.find('.');
      if (first != std::string_view::npos) {
        const std::string_view t = code.substr(0, code.find('.', first + 1));
        const auto found = target_index.find(t);
        if (found != target_index.end())
          target = found->second, has_target = true;
        else
          unofficial = t;
      }
      counts = !gcm_focus && (!sdg_focus || sdg_matches(focus.value, a.code));
    } else {
      const int o = number(code);
      if (o >= 1 && o <= gcm_objective_count()) objective = static_cast<std::uint32_t>(o);
      counts = !sdg_focus && (!gcm_focus || a.code == focus.value);
    }
    for (std::uint32_t k = head; k != 0; k = same_address[k - 1]) {
      Slot& slot = slots[k - 1];
      slot.goals |= goal;
      if (has_target) targets_of.emplace_back(k - 1, target);
      if (!unofficial.empty()) unofficial_of.emplace_back(k - 1, unofficial);
      if (objective) objectives_of.emplace_back(k - 1, objective);
      if (counts) {
        slot.in_focus = true;
        slot.score = std::max(slot.score, a.score);
      }
    }
  }
  std::sort(targets_of.begin(), targets_of.end());
  targets_of.erase(std::unique(targets_of.begin(), targets_of.end()), targets_of.end());
  std::sort(objectives_of.begin(), objectives_of.end());
  objectives_of.erase(std::unique(objectives_of.begin(), objectives_of.end()), objectives_of.end());
  std::sort(unofficial_of.begin(), unofficial_of.end());

  // The items in focus, in corpus order: what each has, and the figures per document.
  struct InFocus {
    std::uint32_t slot, targets, targets_end, objectives, objectives_end;
  };
  ArenaVector<InFocus> in_focus(in_arena);
  in_focus.reserve(slots.size());
  std::size_t t_at = 0, o_at = 0, u_at = 0;
  for (std::size_t k = 0; k < slots.size();) {
    const Document* d = slots[k].document;
    std::array<int, 17> doc_goals{};
    bool any = false;
    for (; k < slots.size() && slots[k].document == d; ++k) {
      const auto key = static_cast<std::uint32_t>(k);
      InFocus f{key, 0, 0, 0, 0};
      while (t_at < targets_of.size() && targets_of[t_at].first < key) ++t_at;
      f.targets = static_cast<std::uint32_t>(t_at);
      while (t_at < targets_of.size() && targets_of[t_at].first == key) ++t_at;
      f.targets_end = static_cast<std::uint32_t>(t_at);
      while (o_at < objectives_of.size() && objectives_of[o_at].first < key) ++o_at;
      f.objectives = static_cast<std::uint32_t>(o_at);
      while (o_at < objectives_of.size() && objectives_of[o_at].first == key) ++o_at;
      f.objectives_end = static_cast<std::uint32_t>(o_at);
      while (u_at < unofficial_of.size() && unofficial_of[u_at].first < key) ++u_at;
      const std::size_t u_begin = u_at;
      while (u_at < unofficial_of.size() && unofficial_of[u_at].first == key) ++u_at;
      if (!slots[k].in_focus) continue;
      for (std::size_t u = u_begin; u < u_at; ++u) brief.targets.emplace(unofficial_of[u].second);
      for (std::uint32_t t = f.targets; t < f.targets_end; ++t) any_target[targets_of[t].second] = true;
      for (std::uint32_t o = f.objectives; o < f.objectives_end; ++o) any_objective[objectives_of[o].second] = true;
      for (int g = 1; g <= 17; ++g)
        if (slots[k].goals & (std::uint32_t{1} << g)) ++doc_goals[static_cast<std::size_t>(g - 1)];
      in_focus.push_back(f);
      any = true;
    }
    if (!any) continue;
    brief.per_document.emplace_back(d, doc_goals);
    auto& profile = brief.profiles[d];
    for (const Annotation* a : corpus.annotations_of(d->id))
      if (a->scheme == dossier::scheme::sdg && a->level == dossier::level::goal && number(a->code) >= 1 && number(a->code) <= 17)
        profile.insert(number(a->code));
  }
  for (std::size_t t = 0; t < official.size(); ++t)
    if (any_target[t]) brief.targets.insert(official[t]);
  for (std::size_t o = 1; o < any_objective.size(); ++o)
    if (any_objective[o]) brief.objectives.insert(static_cast<int>(o));
  for (const auto& [doc, goals] : brief.per_document)
    for (std::size_t g = 0; g < 17; ++g) brief.per_goal[g] += goals[g];
  // Better mapped first; among equals, more targets and objectives, then corpus order: the
  // order found first, and each item made once in its place.
  std::stable_sort(in_focus.begin(), in_focus.end(), [&](const InFocus& x, const InFocus& y) {
    const double a = slots[x.slot].score, b = slots[y.slot].score;
    if (a != b) return a > b;
    return x.targets_end - x.targets + x.objectives_end - x.objectives >
           y.targets_end - y.targets + y.objectives_end - y.objectives;
  });
  brief.items.reserve(in_focus.size());
  for (const InFocus& f : in_focus) {
    const Slot& slot = slots[f.slot];
    Item item{slot.document, slot.recommendation, slot.score, {}, {}, {}};
    for (int g = 1; g <= 17; ++g)
      if (slot.goals & (std::uint32_t{1} << g)) item.goals.insert(item.goals.end(), g);
    item.targets.reserve(f.targets_end - f.targets);
    for (std::uint32_t t = f.targets; t < f.targets_end; ++t) item.targets.push_back(official[targets_of[t].second]);
    item.objectives.reserve(f.objectives_end - f.objectives);
    for (std::uint32_t o = f.objectives; o < f.objectives_end; ++o)
      item.objectives.push_back(static_cast<int>(objectives_of[o].second));
    brief.items.push_back(std::move(item));
  }
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
template <typename Out>
void themes_of(const Item& item, const Focus& focus, std::unordered_map<std::string_view, int>& targets, Out& themes) {
  std::string focus_goal, focus_target;
  if (focus.kind == "sdg") {
    focus_goal = goal_of(focus.value);
    focus_target = focus.value;
  }
  for (int g : item.goals)
    if (std::to_string(g) != focus_goal) themes.push_back(g - 1);
  for (const auto& t : item.targets)
    if (t != focus_target) themes.push_back(17 + targets.emplace(t, static_cast<int>(targets.size())).first->second);
}

}  // namespace

CorpusWords::CorpusWords(const CorpusView& corpus) : corpus_(corpus) {}
CorpusWords::~CorpusWords() = default;

void CorpusWords::split() {
  if (wording_) return;
  std::vector<std::string_view> texts;
  for (const auto& d : corpus_.documents()) {
    first_text_.push_back(texts.size());
    for (const auto& r : d.recommendations) texts.push_back(r.text);
  }
  wording_ = std::make_unique<Wording>(texts);
}

Wording& CorpusWords::wording() {
  split();
  return *wording_;
}

std::size_t CorpusWords::text_of(const Document* d, const Recommendation* r) {
  split();
  // The corpus's documents and each one's recommendations are arrays: positions, not a search.
  const auto& documents = corpus_.documents();
  if (documents.empty() || d < documents.data() || d >= documents.data() + documents.size()) return std::string_view::npos;
  const auto& recommendations = d->recommendations;
  if (recommendations.empty() || r < recommendations.data() || r >= recommendations.data() + recommendations.size())
    return std::string_view::npos;
  return first_text_[static_cast<std::size_t>(d - documents.data())] + static_cast<std::size_t>(r - recommendations.data());
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
      outside_items = shared->text_of(items[i].document, items[i].recommendation) == std::string_view::npos;
  if (!shared || outside_items) {
    own = std::make_unique<CorpusWords>(corpus);
    shared = own.get();
  }
  Wording& wording = shared->wording();
  // The working tables in one arena (memory_arena.hpp), as select_brief()'s.
  MemoryArena memory;
  using Index = std::size_t;
  const MemoryArena::Allocator<char> in_arena(memory);
  ArenaVector<Wording::Span> words(n, Wording::Span(), in_arena);
  std::vector<Wording::Words> outside;
  outside.reserve(n);
  // Item i's themes: themes[theme_start[i]..theme_start[i + 1]).
  ArenaVector<int> themes(in_arena);
  ArenaVector<Index> theme_start(in_arena);
  theme_start.reserve(n + 1);
  theme_start.push_back(0);
  const auto themes_of_item = [&](std::size_t i) {
    return std::make_pair(themes.data() + theme_start[i], themes.data() + theme_start[i + 1]);
  };
  std::unordered_map<std::string_view, int> target_themes;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t t = shared->text_of(items[i].document, items[i].recommendation);
    if (t != std::string_view::npos) {
      words[i] = wording.words_of(t);
    } else {
      outside.push_back(wording.words(items[i].recommendation->text));
      words[i] = outside.back();
    }
    themes_of(items[i], brief.focus, target_themes, themes);
    theme_start.push_back(themes.size());
  }
  std::vector<bool> covered(17 + target_themes.size(), false);
  std::vector<bool> taken(n, false);
  // likeness[j]: to the closest item of the keys chosen, brought up to date lazily. An item's
  // value only falls as keys are chosen, so its value with the likeness it had is a bound:
  // only items whose bound can still beat the best exact value found are compared with the
  // members added since (members[seen[j]..]). The choice is the one a full pass makes.
  using Numbers = ArenaVector<double>;
  using Indexes = ArenaVector<Index>;
  Numbers likeness(n, 0, in_arena), base(n, 0, in_arena), bound(n, 0, in_arena);
  Indexes seen(n, 0, in_arena), members(in_arena), order(in_arena);
  // Sum of the weights of each item's words: similarity(a, b) <= min / max of the two sums,
  // which spares comparing items of very different lengths word by word.
  Numbers total(n, 0, in_arena);
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
  Indexes document_of(n, 0, in_arena);
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
      const auto mine = themes_of_item(i);
      for (const int* t = mine.first; t != mine.second; ++t) known += covered[static_cast<std::size_t>(*t)];
      const auto count = static_cast<std::size_t>(mine.second - mine.first);
      const double share = count == 0 ? 0 : static_cast<double>(known) / count;
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
      const auto added = themes_of_item(members[k]);
      for (const int* t = added.first; t != added.second; ++t) covered[static_cast<std::size_t>(*t)] = true;
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
