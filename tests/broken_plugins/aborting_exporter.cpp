// An exporter that aborts the process (a failed assertion, std::terminate) while writing.
#include <cstdlib>
#include <ostream>

#include <dossier/dossier.hpp>

namespace {
class AbortingExporter final : public dossier::Exporter {
 public:
  static constexpr const char* default_file = "abort.json";
  void write(const dossier::CorpusView&, const std::string& file_name, dossier::OutputSink& out,
             dossier::Context&) override {
    std::ostream& os = out.create(file_name).stream();
    os << "{\"partial\":";
    os.flush();
    std::abort();
  }
};
}  // namespace

DOSSIER_PLUGIN(exporter, AbortingExporter, "aborting_exporter", "1.0.0", "aborts while writing")
