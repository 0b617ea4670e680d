// A plugin whose factory throws (e.g. a missing resource at construction).
#include <stdexcept>

#include <dossier/dossier.hpp>

namespace {
class ThrowingFactory final : public dossier::Exporter {
 public:
  ThrowingFactory() { throw std::runtime_error("cannot find my configuration"); }
  static constexpr const char* default_file = "never.txt";
  void write(const dossier::CorpusView&, const std::string&, dossier::OutputSink&, dossier::Context&) override {}
};
}  // namespace

DOSSIER_PLUGIN(exporter, ThrowingFactory, "throwing_factory", "1.0.0", "factory throws")
