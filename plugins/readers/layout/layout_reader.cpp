// Reader for `pdftotext -layout` text of UN documents: pages with running heads, page and
// job numbers, indented numbered paragraphs wrapped over lines, endnotes.
#include <string>

#include <dossier/dossier.hpp>

#include "layout.hpp"
#include "structure.hpp"

namespace {

using namespace dossier;

class LayoutReader final : public Reader {
 public:
  int sniff(const Source& source) const override {
    if (source.content.find('\0') != std::string::npos) return 0;
    // Above the converted-text reader's bid, below format-specific ones (PDF, XML).
    return readers::looks_like_layout_text(source.content) ? 40 : 0;
  }

  Document read(const Source& source, Context& context) override {
    std::string text = source.content;
    Document doc = readers::parse_repaired(
        text, [&](std::string_view t) { return readers::parse_structure(readers::unwrap_layout(t), source.path); });
    context.debug(source.path + ": " + std::to_string(doc.blocks.size()) + " blocks, " +
                  std::to_string(doc.footnotes.size()) + " notes, " + std::to_string(doc.furniture.size()) +
                  " furniture lines removed");
    return doc;
  }
};

}  // namespace

DOSSIER_PLUGIN(reader, LayoutReader, "layout", "0.5.0",
               "pdftotext -layout text of UN documents: pages, running heads, wrapped paragraphs, endnotes")
