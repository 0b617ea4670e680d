#include "dossier/history.hpp"

#include <utility>

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

const char* to_string(Change change) noexcept {
  switch (change) {
    case Change::added: return "added";
    case Change::changed: return "changed";
    case Change::unchanged: return "unchanged";
  }
  return "added";
}

ItemHistory BuildHistory::recommendation(std::string_view address) const {
  const auto it = recommendations_.find(address);
  return it != recommendations_.end() ? it->second : ItemHistory{};
}

void BuildHistory::set_recommendation(std::string address, ItemHistory history) {
  recommendations_[std::move(address)] = history;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
