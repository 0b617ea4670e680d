// An exporter that crashes the process outright after writing part of its output.
#include <csignal>
#include <ostream>

#include <dossier/dossier.hpp>

namespace {
class CrashingExporter final : public dossier::Exporter {
 public:
  static constexpr const char* default_file = "crash.json";
  void write(const dossier::CorpusView&, const std::string& file_name, dossier::OutputSink& out,
             dossier::Context&) override {
    std::ostream& os = out.create(file_name).stream();
    os << "{\"partial\":";
    os.flush();
    std::raise(SIGSEGV);
  }
};
}  // namespace

DOSSIER_PLUGIN(exporter, CrashingExporter, "crashing_exporter", "1.0.0", "segfaults while writing")
