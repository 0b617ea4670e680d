// Named "misnamed_in_code" here and "misnamed" in CMake: must not compile (tests/CMakeLists.txt).
#include <dossier/dossier.hpp>

namespace {
class Misnamed final : public dossier::Exporter {
 public:
  static constexpr const char* default_file = "x";
  void write(const dossier::CorpusView&, const std::string&, dossier::OutputSink&, dossier::Context&) override {}
};
}  // namespace

DOSSIER_PLUGIN(exporter, Misnamed, "misnamed_in_code", "1.0.0", "named twice, differently")
