#include "brief.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <dossier/model.hpp>
#include <dossier/domain/reference_data.hpp>

namespace dossier::pdf {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string goal_of(std::string_view code) { return std::string(code.substr(0, code.find('.'))); }

// "10.7.1" -> "10.7"; "10" -> "".
std::string target_of(std::string_view code) {
  const auto first = code.find('.');
  if (first == std::string_view::npos) return "";
  return std::string(code.substr(0, code.find('.', first + 1)));
}

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

Brief select_brief(const CorpusView& corpus, const Focus& focus, std::size_t key_recommendations) {
  Brief brief;
  brief.focus = focus;
  brief.documents_total = corpus.documents().size();
  const std::string focus_value = lower(focus.value);

  for (const auto& d : corpus.documents()) {
    brief.recommendations_total += d.recommendations.size();
    if (focus.kind == "document" && d.id != focus.value && d.symbol != focus.value) continue;
    std::array<int, 17> doc_goals{};
    bool any = false;
    for (const auto& r : d.recommendations) {
      if (focus.kind == "addressee" && lower(r.addressee) != focus_value) continue;
      Item item{&d, &r, 0, {}, {}, {}};
      bool in_focus = focus.kind != "sdg" && focus.kind != "gcm";
      std::set<std::string> targets;
      std::set<int> objectives;
      for (const Annotation* a : corpus.annotations_of(r.address)) {
        if (a->scheme != dossier::scheme::sdg && a->scheme != dossier::scheme::gcm) continue;
        bool counts = true;
        if (a->scheme == dossier::scheme::sdg) {
          const int g = number(goal_of(a->code));
          if (g >= 1 && g <= 17) item.goals.insert(g);
          if (!target_of(a->code).empty()) targets.insert(target_of(a->code));
          counts = focus.kind != "sdg" || sdg_matches(focus.value, a->code);
          if (focus.kind == "gcm") counts = false;
        } else {
          const int o = number(a->code);
          if (o >= 1 && o <= gcm_objective_count()) objectives.insert(o);
          counts = focus.kind != "gcm" || a->code == focus.value;
          if (focus.kind == "sdg") counts = false;
        }
        if (counts) {
          in_focus = true;
          item.score = std::max(item.score, a->score);
        }
      }
      if (!in_focus) continue;
      for (const auto& t : sdg_target_codes())
        if (targets.count(t)) item.targets.push_back(t);
      item.objectives.assign(objectives.begin(), objectives.end());
      for (int g : item.goals) ++doc_goals[static_cast<std::size_t>(g - 1)];
      brief.targets.insert(targets.begin(), targets.end());
      brief.objectives.insert(objectives.begin(), objectives.end());
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
  for (const auto& [doc, goals] : brief.per_document)
    for (std::size_t g = 0; g < 17; ++g) brief.per_goal[g] += goals[g];
  // Better mapped first; among equals, more targets and objectives, then corpus order.
  std::stable_sort(brief.items.begin(), brief.items.end(), [](const Item& a, const Item& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.targets.size() + a.objectives.size() > b.targets.size() + b.objectives.size();
  });
  brief.key_count = std::min(key_recommendations, brief.items.size());
  return brief;
}

}  // namespace dossier::pdf
