#include "dossier/context.hpp"

#include <utility>

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

Context::Context(std::string plugin_name, Options options, BuildInfo build, LogSink log)
    : plugin_name_(std::move(plugin_name)),
      options_(std::move(options)),
      build_(std::move(build)),
      log_(std::move(log)) {}

void Context::log(LogLevel level, std::string_view message) const {
  if (log_) log_(level, plugin_name_, message);
}

const BuildHistory& Context::history() const {
  static const BuildHistory none;
  return history_ ? *history_ : none;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
