// An ordinary exporter that reads every annotation, the kind of plugin a third party writes.
// Built twice here against headers that are not this host's (CMakeLists.txt): once against
// the previous release's (tests/previous_release), once against this release's with a member
// added to Annotation and the ABI number left as it is, the mistake the layout fingerprint
// exists to catch. Were either loaded, it would read annotations at the wrong offsets.
#include <ostream>

#include <dossier/plugin.hpp>

namespace {
class AnnotationCounter final : public dossier::Exporter {
 public:
#if DOSSIER_ABI_VERSION >= 6  // exporters declare their file and are given a corpus view since ABI 6
  static constexpr const char* default_file = "count.txt";
  void write(const dossier::CorpusView& view, const std::string& file_name, dossier::OutputSink& out,
             dossier::Context&) override {
    const dossier::Corpus& corpus = view.corpus();
#else
  std::string default_file_name() const override { return "count.txt"; }
  void write(const dossier::Corpus& corpus, const std::string& file_name, dossier::OutputSink& out,
             dossier::Context&) override {
#endif
    std::size_t evidence = 0;
    for (const auto& a : corpus.annotations) evidence += a.evidence.size() + a.subject.size();
    out.create(file_name).stream() << corpus.annotations.size() << " " << evidence << "\n";
  }
};
}  // namespace

// Named by CMake (dossier_add_plugin NAME), since the two builds give it two names.
DOSSIER_PLUGIN(exporter, AnnotationCounter, DOSSIER_PLUGIN_TARGET_NAME, "1.0.0", "counts annotations")
