// Writes the model as feed.xml in Dossier's own feed vocabulary, namespace
// https://dossier.example.org/ns/feed/1, valid against schemas/dossier-feed-1.xsd
// (described in docs/exporters/xml.md).
//
// Streams: the root's start tag is written by hand, then each document is built as a small
// pugixml tree, printed and dropped, so memory holds one document's XML at a time.
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include <dossier/domain/write_errors.hpp>
#include <dossier/dossier.hpp>

#include "mapping_names.hpp"
#include "xml_output.hpp"

namespace {

using namespace dossier;
using xml_output::Builder;

constexpr const char* feed_namespace = "https://dossier.example.org/ns/feed/1";
constexpr const char* feed_version = "1.2";  // 1.1: document metadata; 1.2: position, verb, versions

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", v);
  return buffer;
}

class XmlExporter final : public Exporter {
 public:
  static constexpr const char* default_file = "feed.xml";

  void write(const CorpusView& view, const std::string& file_name, OutputSink& out, Context& context) override {
    OutputFile& file = out.create(file_name);
    std::ostream& os = output_stream(file);
    Builder b;
    const auto& build = context.build();
    xml_output::open_root(os, "feed",
                          {{"xmlns", feed_namespace},
                           {"version", feed_version},
                           {"generator", "dossier " + build.host_version},
                           {"job", build.job_name},
                           {"built", xml_output::rfc3339(build.build_time)}},
                          b);

    // Annotations go inside the document whose paragraph or recommendation they are about.
    // Read in batches (docs/bounded-memory.md).
    view.for_each_batch([&](const CorpusView::Batch& batch) {
      for (const Document* d = batch.begin; d != batch.end; ++d) {
        pugi::xml_document tree;
        write_document(tree, *d, view.annotations_in(*d), b);
        xml_output::print(tree.first_child(), os, 1);
      }
    });
    for (const Annotation* a : view.annotations_elsewhere()) {
      pugi::xml_document tree;
      write_annotation(tree, *a, b);
      xml_output::print(tree.first_child(), os, 1);
    }
    xml_output::close_root(os, "feed");
    finish_output(file);

    b.report(context, file_name);
    context.info("wrote " + std::to_string(view.document_count()) + " documents and " +
                 std::to_string(view.annotation_count()) + " annotations");
  }

 private:
  static void write_document(pugi::xml_node parent, const Document& doc, const std::vector<const Annotation*>& annotations,
                             Builder& b, const char* element = "document") {
    pugi::xml_node d = parent.append_child(element);
    b.attr(d, "id", doc.id, true);
    b.attr(d, "symbol", doc.symbol);
    b.attr(d, "date", doc.date);
    b.attr(d, "language", doc.language);
    b.attr(d, "reader", doc.reader);
    b.attr(d, "source", doc.source);
    b.attr(d, "sha256", doc.sha256);
    if (!doc.title.empty()) b.element(d, "title", doc.title);
    if (!doc.place.empty()) b.element(d, "place", doc.place);
    if (!doc.body.empty()) b.element(d, "body", doc.body);
    for (const auto& m : doc.metadata) {
      pugi::xml_node e = d.append_child("metadata");
      b.attr(e, "key", m.key, true);
      b.attr(e, "value", m.value, true);
    }
    for (const auto& link : doc.links) {
      pugi::xml_node l = d.append_child("link");
      b.attr(l, "relation", link.relation, true);
      b.attr(l, "document", link.document, true);
    }

    for (std::size_t i = 0; i < doc.sections.size(); ++i) {
      const Section& s = doc.sections[i];
      pugi::xml_node e = d.append_child("section");
      b.attr(e, "index", std::to_string(i), true);
      b.attr(e, "path", doc.section_path(static_cast<int>(i)), true);
      b.attr(e, "level", std::to_string(s.level), true);
      if (s.parent >= 0) b.attr(e, "parent", std::to_string(s.parent));
      b.attr(e, "label", s.label);
      b.attr(e, "kind", s.kind);
      if (!s.title.empty()) b.element(e, "title", s.title);
    }

    for (const Block& block : doc.blocks) {
      pugi::xml_node p = d.append_child("paragraph");
      b.attr(p, "address", block.address, true);
      b.attr(p, "kind", to_string(block.kind), true);
      b.attr(p, "number", block.number);
      b.attr(p, "marker", block.marker);
      if (block.section >= 0) b.attr(p, "section", std::to_string(block.section));
      b.attr(p, "same-as", block.same_as);
      if (block.span.first_line) {
        b.attr(p, "first-line", std::to_string(block.span.first_line));
        b.attr(p, "last-line", std::to_string(block.span.last_line));
      }
      b.element(p, "text", block.text);
      for (const auto& label : block.footnote_refs) b.attr(p.append_child("footnote-ref"), "label", label, true);
      for (const auto& row : block.cells) {
        pugi::xml_node r = p.append_child("row");
        for (const auto& cell : row) b.element(r, "cell", cell);
      }
    }

    for (const Footnote& f : doc.footnotes) {
      pugi::xml_node e = d.append_child("footnote");
      b.attr(e, "label", f.label, true);
      b.element(e, "text", f.text);
      for (const auto& anchor : f.anchors) b.attr(e.append_child("anchor"), "address", anchor, true);
    }

    for (const Recommendation& r : doc.recommendations) {
      pugi::xml_node e = d.append_child("recommendation");
      b.attr(e, "address", r.address, true);
      b.attr(e, "kind", r.kind);
      b.attr(e, "addressee", r.addressee);
      if (!r.position.empty()) b.attr(e, "position", r.position);
      if (!r.verb.empty()) b.attr(e, "verb", r.verb);
      if (!r.position_source.empty()) b.attr(e, "position-source", r.position_source);
      b.element(e, "text", r.text);
      for (const auto& state : r.recommended_by) b.element(e, "recommended-by", state);
      if (!r.position_note.empty()) b.element(e, "position-note", r.position_note);
    }

    for (const Reference& r : doc.references) {
      pugi::xml_node e = d.append_child("reference");
      b.attr(e, "type", r.type, true);
      b.attr(e, "id", r.id, true);
      b.attr(e, "address", r.address);
      if (r.end > r.begin) {
        b.attr(e, "begin", std::to_string(r.begin));
        b.attr(e, "end", std::to_string(r.end));
      }
      b.text(e, r.text);
    }

    for (const auto& diag : doc.diagnostics) {
      pugi::xml_node e = b.element(d, "diagnostic", diag.message);
      b.attr(e, "severity", to_string(diag.severity), true);
      if (diag.span.first_line) b.attr(e, "line", std::to_string(diag.span.first_line));
    }

    for (const Annotation* a : annotations) write_annotation(d, *a, b);
    // The document in other languages: the same addresses, so the annotations above are theirs too.
    for (const Document& version : doc.versions) write_document(d, version, {}, b, "version");
  }

  static void write_annotation(pugi::xml_node parent, const Annotation& a, Builder& b) {
    pugi::xml_node e = parent.append_child("annotation");
    b.attr(e, "subject", a.subject, true);
    b.attr(e, "scheme", a.scheme, true);
    b.attr(e, "code", a.code, true);
    b.attr(e, "level", a.level);
    b.attr(e, "score", number(a.score), true);
    b.attr(e, "analyzer", a.analyzer);
    b.attr(e, "analyzer-version", a.analyzer_version);
    for (const auto& line : a.evidence) b.element(e, "evidence", line);
  }
};

}  // namespace

DOSSIER_PLUGIN(exporter, XmlExporter, "xml", "0.1.0",
               "Documents, sections, paragraphs, recommendations, references and annotations as feed.xml "
               "(namespace https://dossier.example.org/ns/feed/1, schema dossier-feed-1.xsd)")
