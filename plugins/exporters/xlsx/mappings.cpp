#include "mappings.hpp"

#include <algorithm>
#include <unordered_map>

#include <dossier/domain/reference_data.hpp>

#include "mapping_names.hpp"

namespace dossier::xlsx {

namespace {

const auto number_in = xml_output::code_number;

// Whether `lines` (lines joined by '\n') holds `line` as one of its lines.
bool has_line(const std::string& lines, const std::string& line) {
  for (std::size_t at = lines.find(line); at != std::string::npos; at = lines.find(line, at + 1)) {
    const std::size_t end = at + line.size();
    if ((at == 0 || lines[at - 1] == '\n') && (end == lines.size() || lines[end] == '\n')) return true;
  }
  return false;
}

}  // namespace

int target_order(std::string_view code) {
  static const std::unordered_map<std::string_view, int> order = [] {
    std::unordered_map<std::string_view, int> m;
    const auto& codes = sdg_target_codes();  // static storage: views stay valid
    for (std::size_t i = 0; i < codes.size(); ++i) m.emplace(codes[i], static_cast<int>(i));
    return m;
  }();
  const auto it = order.find(code);
  return it == order.end() ? -1 : it->second;
}

bool Mappings::any_goal() const {
  return std::any_of(goals.begin(), goals.end(), [](double s) { return s >= 0; });
}

bool Mappings::any_objective() const {
  return std::any_of(objectives.begin(), objectives.end(), [](double s) { return s >= 0; });
}

namespace {

enum class Kind { goal, target, objective, other, unknown };

// What the workbook makes of an annotation, and its number: the goal or objective, or the
// target's position in the official list (-1 for a target not in it).
Kind kind_of(const Annotation& a, int& order) {
  if (a.scheme == dossier::scheme::sdg && a.level == dossier::level::goal)
    return (order = number_in(a.code, goal_count)) != 0 ? Kind::goal : Kind::unknown;
  if (a.scheme == dossier::scheme::sdg && a.level == dossier::level::target) {
    order = target_order(a.code);
    // A target outside the official list still needs a goal to belong to.
    const bool known = order >= 0 || number_in(std::string_view(a.code).substr(0, a.code.find('.')), goal_count);
    return known ? Kind::target : Kind::unknown;
  }
  if (a.scheme == dossier::scheme::gcm && a.level == dossier::level::objective)
    return (order = number_in(a.code, objective_count)) != 0 ? Kind::objective : Kind::unknown;
  return Kind::other;  // indicators, clusters, other schemes: not in this workbook
}

}  // namespace

MappingIndex::MappingIndex(const CorpusView& corpus, double threshold) : corpus_(corpus), threshold_(threshold) {
  // Read one at a time (docs/bounded-memory.md): what is kept of an annotation is copied.
  bool any = false;
  std::string last_analyzer, last_version;
  corpus.for_each_annotation([&](const Annotation& a) {
    if (a.score < threshold) return;
    int order = 0;
    const Kind kind = kind_of(a, order);
    if (kind == Kind::other) return;
    if (kind == Kind::unknown) {
      ++unknown_;
      return;
    }
    // Annotations come in runs from one analyzer: compare with the last one seen first.
    if (!any || last_analyzer != a.analyzer || last_version != a.analyzer_version) {
      any = true;
      last_analyzer = a.analyzer;
      last_version = a.analyzer_version;
      std::string name = a.analyzer.empty() ? a.scheme : a.analyzer;
      if (!a.analyzer_version.empty()) name += " " + a.analyzer_version;
      if (std::find(analyzers_.begin(), analyzers_.end(), name) == analyzers_.end()) analyzers_.push_back(name);
    }
  });
}

void MappingIndex::find(std::string_view subject, Mappings& out) const {
  out.goals.fill(-1);
  out.objectives.fill(-1);
  out.target_count = 0;
  std::vector<FoundTarget>& targets = targets_;  // reused: no allocation per recommendation
  targets.clear();
  for (const Annotation* a : corpus_.annotations_of(subject)) {
    if (a->score < threshold_) continue;
    int order = 0;
    switch (kind_of(*a, order)) {
      case Kind::goal: {
        double& s = out.goals[static_cast<std::size_t>(order - 1)];
        s = std::max(s, a->score);
        break;
      }
      case Kind::objective: {
        double& s = out.objectives[static_cast<std::size_t>(order - 1)];
        s = std::max(s, a->score);
        break;
      }
      case Kind::target: targets.push_back({static_cast<unsigned short>(order), a}); break;
      default: break;
    }
  }
  std::stable_sort(targets.begin(), targets.end(), [](const FoundTarget& a, const FoundTarget& b) {
    return a.order != b.order ? a.order < b.order : a.annotation->code < b.annotation->code;
  });
  Mappings::Target* current = nullptr;
  for (const FoundTarget& t : targets) {
    const Annotation& a = *t.annotation;
    if (!current || current->code != a.code) {
      // Reuse the slots (and their strings' buffers) of earlier recommendations.
      if (out.target_count == out.targets.size()) out.targets.emplace_back();
      current = &out.targets[out.target_count++];
      current->code = a.code;
      current->order = t.order == 0xFFFF ? -1 : static_cast<int>(t.order);
      current->goal = number_in(std::string_view(a.code).substr(0, a.code.find('.')), goal_count);
      current->score = a.score;
      current->evidence.clear();
    }
    current->score = std::max(current->score, a.score);
    for (const std::string& line : a.evidence) {
      if (has_line(current->evidence, line)) continue;  // said already
      if (!current->evidence.empty()) current->evidence += '\n';
      current->evidence += line;
    }
  }
}

}  // namespace dossier::xlsx
