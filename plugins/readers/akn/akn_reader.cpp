// Reader for Akoma Ntoso 3.0 XML, as the UN publishes General Assembly resolutions (AKN4UN).
//
// The parsing itself is in akn_parser.cpp; this file is the plugin around it.
#include <string>

#include <dossier/domain/text_repair.hpp>
#include <dossier/dossier.hpp>

#include "akn_parser.hpp"

namespace {

using namespace dossier;

class AknReader final : public Reader {
 public:
  int sniff(const Source& source) const override {
    // The root element and its namespace settle it; any other XML is for other readers.
    return akn_reader::is_akoma_ntoso(source.content) ? 90 : 0;
  }

  Document read(const Source& source, Context& context) override {
    // Bytes that are not UTF-8 pass through pugixml untouched; repaired first (same lines).
    std::string xml = source.content;
    const TextRepairs repairs = repair_text(xml);
    Document doc = akn_reader::parse_akoma_ntoso(xml, source.path);
    if (repairs.any()) doc.diagnostics.push_back(repair_diagnostic(repairs));
    if (doc.blocks.empty()) doc.diagnostics.push_back({Diagnostic::Severity::warning, "no text found", {}});
    context.debug(source.path + ": " + std::to_string(doc.blocks.size()) + " blocks, " +
                  std::to_string(doc.sections.size()) + " sections, " + std::to_string(doc.footnotes.size()) +
                  " footnotes, " + std::to_string(doc.references.size()) + " references");
    return doc;
  }
};

}  // namespace

DOSSIER_PLUGIN(reader, AknReader, "akn", "0.6.0",
               "Akoma Ntoso 3.0 XML (UN AKN4UN resolutions): paragraphs, sub-paragraphs, footnotes, metadata")
