// An exporter that starts its output, then never returns: the host's time limit must end it.
#include <unistd.h>

#include <ostream>

#include <dossier/dossier.hpp>

namespace {
class HangingExporter final : public dossier::Exporter {
 public:
  static constexpr const char* default_file = "hang.json";
  void write(const dossier::CorpusView&, const std::string& file_name, dossier::OutputSink& out,
             dossier::Context&) override {
    std::ostream& os = out.create(file_name).stream();
    os << "{\"partial\":";
    os.flush();
    for (;;) ::pause();  // sleeps until a signal ends the process
  }
};
}  // namespace

DOSSIER_PLUGIN(exporter, HangingExporter, "hanging_exporter", "1.0.0", "never finishes writing")
