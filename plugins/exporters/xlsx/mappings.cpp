#include "mappings.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <cstdint>
#include <stdexcept>
#include <unordered_map>

#include <dossier/domain/reference_data.hpp>

namespace dossier::xlsx {

namespace {

// "10" -> 10; 0 for anything that is not a whole number within [1, max].
int number_in(std::string_view code, int max) {
  int value = 0;
  const auto [end, error] = std::from_chars(code.data(), code.data() + code.size(), value);
  if (error != std::errc() || end != code.data() + code.size() || value < 1 || value > max) return 0;
  return value;
}

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

std::uint32_t MappingIndex::hash(std::string_view subject) {
  return static_cast<std::uint32_t>(std::hash<std::string_view>()(subject));
}

bool MappingIndex::before(const Entry& a, const Entry& b) const {
  // By the subject's hash, never the subject itself: the entries of one subject end up
  // together, and find() skips those of another subject with the same hash.
  if (a.hash != b.hash) return a.hash < b.hash;
  if (a.kind != b.kind) return a.kind < b.kind;
  // Targets not in the official list (order -1) go last, by code.
  const unsigned ao = static_cast<unsigned short>(a.order), bo = static_cast<unsigned short>(b.order);
  if (ao != bo) return ao < bo;
  return annotations_[a.annotation].code < annotations_[b.annotation].code;
}

MappingIndex::MappingIndex(const std::vector<Annotation>& annotations, double threshold)
    : annotations_(annotations) {
  if (annotations.size() > UINT32_MAX) throw std::length_error("more than 2^32 annotations");
  entries_.reserve(annotations.size());  // no doubling on the way
  const Annotation* last = nullptr;
  for (std::size_t i = 0; i < annotations.size(); ++i) {
    const Annotation& a = annotations[i];
    if (a.score < threshold) continue;
    Entry e{static_cast<std::uint32_t>(i), hash(a.subject), 0, goal};
    bool known;
    if (a.scheme == dossier::scheme::sdg && a.level == dossier::level::goal) {
      known = (e.order = static_cast<std::int16_t>(number_in(a.code, goal_count))) != 0;
    } else if (a.scheme == dossier::scheme::sdg && a.level == dossier::level::target) {
      e.kind = target;
      e.order = static_cast<std::int16_t>(target_order(a.code));
      // A target outside the official list still needs a goal to belong to.
      known = e.order >= 0 || number_in(std::string_view(a.code).substr(0, a.code.find('.')), goal_count);
    } else if (a.scheme == dossier::scheme::gcm && a.level == dossier::level::objective) {
      e.kind = objective;
      known = (e.order = static_cast<std::int16_t>(number_in(a.code, objective_count))) != 0;
    } else {
      continue;  // indicators, clusters, other schemes: not in this workbook
    }
    if (!known) {
      ++unknown_;
      continue;
    }
    entries_.push_back(e);
    // Annotations come in runs from one analyzer: compare with the last one seen first.
    if (last == nullptr || last->analyzer != a.analyzer || last->analyzer_version != a.analyzer_version) {
      last = &a;
      std::string name = a.analyzer.empty() ? a.scheme : a.analyzer;
      if (!a.analyzer_version.empty()) name += " " + a.analyzer_version;
      if (std::find(analyzers_.begin(), analyzers_.end(), name) == analyzers_.end()) analyzers_.push_back(name);
    }
  }
  entries_.shrink_to_fit();
  std::sort(entries_.begin(), entries_.end(), [this](const Entry& a, const Entry& b) { return before(a, b); });
}

void MappingIndex::find(std::string_view subject, Mappings& out) const {
  out.goals.fill(-1);
  out.objectives.fill(-1);
  out.target_count = 0;
  const std::uint32_t h = hash(subject);
  const auto first = std::lower_bound(entries_.begin(), entries_.end(), h,
                                      [](const Entry& e, std::uint32_t value) { return e.hash < value; });
  Mappings::Target* current = nullptr;
  for (auto it = first; it != entries_.end() && it->hash == h; ++it) {
    const Annotation& a = annotations_[it->annotation];
    if (a.subject != subject) continue;  // another subject with the same hash
    if (it->kind == goal) {
      double& s = out.goals[static_cast<std::size_t>(it->order - 1)];
      s = std::max(s, a.score);
    } else if (it->kind == objective) {
      double& s = out.objectives[static_cast<std::size_t>(it->order - 1)];
      s = std::max(s, a.score);
    } else {
      if (!current || current->code != a.code) {
        // Reuse the slots (and their strings' buffers) of earlier recommendations.
        if (out.target_count == out.targets.size()) out.targets.emplace_back();
        current = &out.targets[out.target_count++];
        current->code = a.code;
        current->order = it->order;
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
}

}  // namespace dossier::xlsx
