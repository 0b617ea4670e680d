// An analyzer that never returns from analyze(): the host's time limit must end it.
#include <unistd.h>

#include <dossier/dossier.hpp>

namespace {
class HangingAnalyzer final : public dossier::Analyzer {
 public:
  void analyze(const dossier::Document&, const std::vector<dossier::Annotation>&,
               std::vector<dossier::Annotation>&, dossier::Context&) override {
    for (;;) ::pause();  // sleeps until a signal ends the process
  }
};
}  // namespace

DOSSIER_PLUGIN(analyzer, HangingAnalyzer, "hanging_analyzer", "1.0.0", "never finishes analysing")
