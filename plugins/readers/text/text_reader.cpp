// Reader for plain text converted from PDF or Word (the sample corpus).
//
// The parsing itself is in ../common/structure.cpp; this file is the plugin around it.
#include <algorithm>
#include <string>

#include <dossier/dossier.hpp>

#include "structure.hpp"

namespace {

using namespace dossier;

class TextReader final : public Reader {
 public:
  int sniff(const Source& source) const override {
    const std::size_t n = std::min<std::size_t>(source.content.size(), 1 << 16);
    if (n == 0) return 0;
    std::size_t control = 0;
    // NUL bytes count as control characters: a few in text are damage (dropped when read),
    // many are a binary file. Counted without a branch, so that the loop is vectorized: every
    // file of a build is sniffed, 64 KB each.
    const auto* bytes = reinterpret_cast<const unsigned char*>(source.content.data());
    for (std::size_t i = 0; i < n; ++i) {
      const unsigned char c = bytes[i];
      control += static_cast<std::size_t>((c < 0x20) & (c != '\n') & (c != '\r') & (c != '\t') & (c != '\f'));
    }
    // Plain text at all: a low bid that richer readers outbid.
    return control * 100 < n ? 10 : 0;
  }

  Document read(const Source& source, Context& context) override {
    std::string text = source.content;
    Document doc =
        readers::parse_repaired(text, [&](std::string_view t) { return readers::parse_converted_text(t, source.path); });
    if (doc.blocks.empty()) doc.diagnostics.push_back({Diagnostic::Severity::warning, "no text found", {}});
    context.debug(source.path + ": " + std::to_string(doc.blocks.size()) + " blocks, " +
                  std::to_string(doc.sections.size()) + " sections, " + std::to_string(doc.footnotes.size()) +
                  " footnotes");
    return doc;
  }
};

}  // namespace

DOSSIER_PLUGIN(reader, TextReader, "text", "0.5.0",
               "Plain text converted from PDF or Word: sections, numbered paragraphs, lists, tables")
