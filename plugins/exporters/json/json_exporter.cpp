// Writes the whole model as corpus.json: the contract for pipelines and tests
// (schema in docs/json-schema.md).
//
// Streams one document at a time so that only one document's JSON tree exists at once, and
// reads the corpus in batches (CorpusView::for_each_batch).
#include <ostream>
#include <string>
#include <utility>

#include <dossier/domain/json.hpp>
#include <dossier/domain/write_errors.hpp>
#include <dossier/dossier.hpp>

namespace {

using namespace dossier;

class JsonExporter final : public Exporter {
 public:
  static constexpr OptionSpec options[] = {
      {"pretty", OptionType::boolean, "false", "indent the JSON for reading"},
  };

  static constexpr const char* default_file = "corpus.json";

  void write(const CorpusView& view, const std::string& file_name, OutputSink& out,
             Context& context) override {
    const bool pretty = context.options().get_bool("pretty", false);
    const int indent = pretty ? 2 : -1;
    const char* nl = pretty ? "\n" : "";
    OutputFile& file = out.create(file_name);
    std::ostream& os = output_stream(file);

    os << "{" << nl << "\"schema\":\"dossier-corpus/1\"," << nl << "\"generator\":"
       << "\"dossier " << context.build().host_version << "\"," << nl << "\"documents\":[" << nl;
    // Read in batches (docs/bounded-memory.md). Stops writing at the first failed write (a full
    // disk), while errno still says why.
    bool first = true;
    view.for_each_batch([&](const CorpusView::Batch& batch) {
      for (const Document* d = batch.begin; d != batch.end && os; ++d) {
        if (!std::exchange(first, false)) os << "," << nl;
        os << to_json(*d, indent);
      }
    });
    os << nl << "]," << nl << "\"annotations\":[" << nl;
    first = true;
    view.for_each_annotation([&](const Annotation& a) {
      if (!os) return;
      if (!std::exchange(first, false)) os << "," << nl;
      os << to_json(a, indent);
    });
    os << nl << "]" << nl << "}\n";
    finish_output(file);
    context.info("wrote " + std::to_string(view.document_count()) + " documents and " +
                 std::to_string(view.annotation_count()) + " annotations");
  }
};

}  // namespace

DOSSIER_PLUGIN(exporter, JsonExporter, "json", "0.1.0",
               "The whole model (documents, paragraphs, footnotes, recommendations, annotations) as corpus.json")
