// Writes the whole model as corpus.json: the contract for pipelines and tests
// (schema in docs/json-schema.md).
//
// Streams one document at a time so that only one document's JSON tree exists at once.
#include <ostream>
#include <string>

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
    const Corpus& corpus = view.corpus();
    const bool pretty = context.options().get_bool("pretty", false);
    const int indent = pretty ? 2 : -1;
    const char* nl = pretty ? "\n" : "";
    OutputFile& file = out.create(file_name);
    std::ostream& os = output_stream(file);

    os << "{" << nl << "\"schema\":\"dossier-corpus/1\"," << nl << "\"generator\":"
       << "\"dossier " << context.build().host_version << "\"," << nl << "\"documents\":[" << nl;
    // Stops at the first failed write (a full disk), while errno still says why.
    for (std::size_t i = 0; i < corpus.documents.size() && os; ++i) {
      if (i) os << "," << nl;
      os << to_json(corpus.documents[i], indent);
    }
    os << nl << "]," << nl << "\"annotations\":[" << nl;
    for (std::size_t i = 0; i < corpus.annotations.size() && os; ++i) {
      if (i) os << "," << nl;
      os << to_json(corpus.annotations[i], indent);
    }
    os << nl << "]" << nl << "}\n";
    finish_output(file);
    context.info("wrote " + std::to_string(corpus.documents.size()) + " documents and " +
                 std::to_string(corpus.annotations.size()) + " annotations");
  }
};

}  // namespace

DOSSIER_PLUGIN(exporter, JsonExporter, "json", "0.1.0",
               "The whole model (documents, paragraphs, footnotes, recommendations, annotations) as corpus.json")
