// Reader for PDF files, through poppler: each page's text in physical layout, the same
// text `pdftotext -layout` gives, then the layout front end and the shared structure
// parser, so a PDF and its layout text give the same model.
#include <memory>
#include <stdexcept>
#include <string>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <dossier/dossier.hpp>

#include "layout.hpp"
#include "structure.hpp"

namespace {

using namespace dossier;

// Poppler reports damage on stderr by default; a reader reports through its diagnostics.
void quiet(const std::string&, void*) {}

std::string layout_text(const Source& source) {
  poppler::set_debug_error_function(quiet, nullptr);
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(source.content.data(), static_cast<int>(source.content.size())));
  if (!pdf) throw std::runtime_error("not a readable PDF (poppler could not open it)");
  if (pdf->is_locked()) throw std::runtime_error("the PDF is encrypted and needs a password");
  std::string text;
  for (int i = 0; i < pdf->pages(); ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) continue;
    const poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    text.append(utf8.begin(), utf8.end());
    // Every page ends with a form feed, as pdftotext's do (poppler's text has one already);
    // the layout front end splits pages there.
    if (text.empty() || text.back() != '\f') {
      if (text.empty() || text.back() != '\n') text += '\n';
      text += '\f';
    }
  }
  return text;
}

class PdfReader final : public Reader {
 public:
  int sniff(const Source& source) const override {
    // "%PDF-" within the first KB (the header may follow a few junk bytes).
    return source.content.substr(0, 1024).find("%PDF-") != std::string::npos ? 80 : 0;
  }

  Document read(const Source& source, Context& context) override {
    std::string text = layout_text(source);
    Document doc = readers::parse_repaired(
        text, [&](std::string_view t) { return readers::parse_structure(readers::unwrap_layout(t), source.path); });
    if (doc.blocks.empty())
      doc.diagnostics.push_back({Diagnostic::Severity::warning, "the PDF has no text layer (scanned?)", {}});
    context.debug(source.path + ": " + std::to_string(text.size()) + " bytes of text, " +
                  std::to_string(doc.blocks.size()) + " blocks");
    return doc;
  }
};

}  // namespace

DOSSIER_PLUGIN(reader, PdfReader, "pdf", "0.5.0", "PDF through poppler, read like its pdftotext -layout text")
