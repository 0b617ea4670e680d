// An exporter that writes half of its output, then throws: the partial file must never
// replace an earlier good one.
#include <ostream>
#include <stdexcept>

#include <dossier/dossier.hpp>

namespace {
class ThrowingExporter final : public dossier::Exporter {
 public:
  static constexpr const char* default_file = "partial.json";
  void write(const dossier::CorpusView&, const std::string& file_name, dossier::OutputSink& out,
             dossier::Context&) override {
    std::ostream& os = out.create(file_name).stream();
    os << "{\"documents\":[ PARTIAL";
    os.flush();
    throw std::runtime_error("disk quota exceeded halfway (simulated)");
  }
};
}  // namespace

DOSSIER_PLUGIN(exporter, ThrowingExporter, "throwing_exporter", "1.0.0", "throws while writing")
