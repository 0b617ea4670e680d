// An analyzer that crashes the process outright while analysing a document.
#include <csignal>

#include <dossier/dossier.hpp>

namespace {
class CrashingAnalyzer final : public dossier::Analyzer {
 public:
  void analyze(const dossier::Document&, const std::vector<dossier::Annotation>&,
               std::vector<dossier::Annotation>&, dossier::Context&) override {
    std::raise(SIGSEGV);
  }
};
}  // namespace

DOSSIER_PLUGIN(analyzer, CrashingAnalyzer, "crashing_analyzer", "1.0.0", "segfaults while analysing")
