#include "dossier/context.hpp"

#include <ctime>

#include <utility>

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

Context::Context(std::string plugin_name, Options options, BuildInfo build, LogSink log,
                 const BuildHistory* history)
    : plugin_name_(std::move(plugin_name)),
      options_(std::move(options)),
      build_(std::move(build)),
      log_(std::move(log)),
      history_(history) {}

void Context::log(LogLevel level, std::string_view message) const {
  if (log_) log_(level, plugin_name_, message);
}

const BuildHistory& Context::history() const {
  static const BuildHistory none;
  return history_ ? *history_ : none;
}

std::string format_utc(std::int64_t seconds, const char* format) {
  const auto t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[128];
  const std::size_t n = std::strftime(text, sizeof text, format, &tm);
  return std::string(text, n);
}

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
