// Writes the whole model as corpus.json: the contract for pipelines and tests
// (schema in docs/json-schema.md).
//
// Streams one document at a time so that only one document's JSON tree exists at once.
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include <dossier/dossier.hpp>

namespace {

using namespace dossier;
using json = nlohmann::ordered_json;

json span_json(const SourceSpan& span) { return json::array({span.first_line, span.last_line}); }

json document_json(const Document& d) {
  json doc = {{"id", d.id},         {"symbol", d.symbol}, {"title", d.title},     {"date", d.date},
              {"place", d.place},   {"body", d.body},     {"language", d.language},
              {"source", d.source}, {"sha256", d.sha256}, {"reader", d.reader}};

  json sections = json::array();
  for (std::size_t i = 0; i < d.sections.size(); ++i) {
    const Section& s = d.sections[i];
    sections.push_back({{"path", d.section_path(static_cast<int>(i))},
                        {"label", s.label},
                        {"title", s.title},
                        {"kind", s.kind},
                        {"level", s.level},
                        {"parent", s.parent}});
  }
  doc["sections"] = std::move(sections);

  json paragraphs = json::array();
  for (const Block& b : d.blocks) {
    json p = {{"address", b.address},
              {"number", b.number},
              {"kind", std::string(to_string(b.kind))},
              {"section", d.section_path(b.section)},
              {"text", b.text}};
    if (!b.marker.empty()) p["marker"] = b.marker;
    if (!b.footnote_refs.empty()) p["footnotes"] = b.footnote_refs;
    if (!b.cells.empty()) p["cells"] = b.cells;
    p["lines"] = span_json(b.span);
    paragraphs.push_back(std::move(p));
  }
  doc["paragraphs"] = std::move(paragraphs);

  json footnotes = json::array();
  for (const Footnote& f : d.footnotes)
    footnotes.push_back({{"label", f.label}, {"text", f.text}, {"anchors", f.anchors}});
  doc["footnotes"] = std::move(footnotes);

  json recommendations = json::array();
  for (const Recommendation& r : d.recommendations) {
    json j = {{"address", r.address}, {"kind", r.kind}, {"addressee", r.addressee}, {"text", r.text}};
    if (!r.recommended_by.empty()) j["recommended_by"] = r.recommended_by;
    recommendations.push_back(std::move(j));
  }
  doc["recommendations"] = std::move(recommendations);

  json references = json::array();
  for (const Reference& r : d.references)
    references.push_back({{"type", r.type}, {"id", r.id}, {"address", r.address}, {"text", r.text}});
  doc["references"] = std::move(references);

  doc["furniture"] = d.furniture;
  json diagnostics = json::array();
  for (const Diagnostic& g : d.diagnostics)
    diagnostics.push_back({{"severity", std::string(to_string(g.severity))},
                           {"message", g.message},
                           {"lines", span_json(g.span)}});
  doc["diagnostics"] = std::move(diagnostics);
  return doc;
}

json annotation_json(const Annotation& a) {
  return {{"subject", a.subject},   {"scheme", a.scheme},     {"code", a.code},
          {"level", a.level},       {"score", a.score},       {"evidence", a.evidence},
          {"analyzer", a.analyzer}, {"analyzer_version", a.analyzer_version}};
}

// Damaged input can hold invalid UTF-8; replace it rather than fail the whole export.
std::string dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

class JsonExporter final : public Exporter {
 public:
  std::string default_file_name() const override { return "corpus.json"; }

  void write(const Corpus& corpus, const std::string& file_name, OutputSink& out,
             Context& context) override {
    const bool pretty = context.options().get_bool("pretty", false);
    const int indent = pretty ? 2 : -1;
    const char* nl = pretty ? "\n" : "";
    std::ostream& os = out.create(file_name).stream();

    os << "{" << nl << "\"schema\":\"dossier-corpus/1\"," << nl << "\"generator\":"
       << dump(json("dossier " + context.build().host_version), -1) << "," << nl << "\"documents\":[" << nl;
    for (std::size_t i = 0; i < corpus.documents.size(); ++i) {
      if (i) os << "," << nl;
      os << dump(document_json(corpus.documents[i]), indent);
    }
    os << nl << "]," << nl << "\"annotations\":[" << nl;
    for (std::size_t i = 0; i < corpus.annotations.size(); ++i) {
      if (i) os << "," << nl;
      os << dump(annotation_json(corpus.annotations[i]), indent);
    }
    os << nl << "]" << nl << "}\n";
    context.info("wrote " + std::to_string(corpus.documents.size()) + " documents and " +
                 std::to_string(corpus.annotations.size()) + " annotations");
  }
};

}  // namespace

DOSSIER_PLUGIN(exporter, JsonExporter, "json", "0.1.0",
               "The whole model (documents, paragraphs, footnotes, recommendations, annotations) as corpus.json")
