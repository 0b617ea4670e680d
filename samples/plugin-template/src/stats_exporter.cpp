// A tiny exporter: one CSV row per document with its counts.
#include <dossier/dossier.hpp>

#include <ostream>
#include <string>

namespace {

// CSV field with quotes doubled (RFC 4180).
std::string csv(const std::string& field) {
  std::string out = "\"";
  for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

class StatsExporter final : public dossier::Exporter {
 public:
  static constexpr const char* default_file = "stats.csv";

  void write(const dossier::CorpusView& view, const std::string& file_name, dossier::OutputSink& out,
             dossier::Context& context) override {
    const dossier::Corpus& corpus = view.corpus();
    // The sink writes to a temporary file and renames it into place only if we return.
    std::ostream& os = out.create(file_name).stream();
    os << "document,title,paragraphs,numbered_paragraphs,recommendations,annotations\n";
    for (const auto& doc : corpus.documents) {
      std::size_t numbered = 0;
      for (const auto& block : doc.blocks)
        if (block.kind == dossier::BlockKind::numbered_paragraph) ++numbered;
      // About the document or anything in it: the view knows which, no address matching.
      const std::size_t annotations = view.annotations_in(doc).size();
      os << csv(doc.id) << ',' << csv(doc.title) << ',' << doc.blocks.size() << ',' << numbered << ','
         << doc.recommendations.size() << ',' << annotations << '\n';
    }
    context.info("counted " + std::to_string(corpus.documents.size()) + " documents");
  }
};

}  // namespace

DOSSIER_PLUGIN(exporter, StatsExporter, "stats", "1.0.0", "Counts per document as stats.csv")
