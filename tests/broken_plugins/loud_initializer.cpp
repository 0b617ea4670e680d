// A working exporter whose library runs code as soon as it is loaded (a static constructor
// that prints a line): `plugins list` and `plugins info` must not load it, `plugins check` does.
#include <cstdio>

#include <dossier/plugin.hpp>

namespace {
struct Loud {
  Loud() { std::fprintf(stderr, "LOUD: the plugin's code ran\n"); }
} loud;

class LoudExporter final : public dossier::Exporter {
 public:
  static constexpr const char* default_file = "loud.txt";
  static constexpr dossier::OptionSpec options[] = {
      {"volume", dossier::OptionType::integer, "11", "how loud"},
  };
  static constexpr const char* needs[] = {"sdg"};
  void write(const dossier::CorpusView&, const std::string& file_name, dossier::OutputSink& out,
             dossier::Context&) override {
    out.create(file_name).stream() << "loud\n";
  }
};
}  // namespace

DOSSIER_PLUGIN(exporter, LoudExporter, "loud", "1.2.3", "prints a line when loaded")
