#include "dossier/context.hpp"

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

BuildHistory::~BuildHistory() = default;
bool BuildHistory::available() const { return false; }
std::int64_t BuildHistory::previous_build_time() const { return -1; }
ItemHistory BuildHistory::recommendation(std::string_view) const { return {}; }

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
