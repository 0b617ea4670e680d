// What every reader target does with one input: the plugin's own sniff() and read() on the
// bytes as a document, then checks of the model that exporters rely on.
//
// The target's executable is compiled with the reader plugin's source file itself, so the
// plugin's DOSSIER_PLUGIN entry point is linked in (and instrumented) instead of loaded.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <string>

#include <dossier/domain/json.hpp>
#include <dossier/dossier.hpp>

extern "C" const dossier::PluginDescriptor* dossier_plugin_entry();

namespace dossier::fuzz {

// A broken invariant is a bug even when nothing crashes: abort so libFuzzer keeps the input.
#define DOSSIER_FUZZ_CHECK(cond)                                                        \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)

inline void check_document(const Document& doc) {
  const int sections = static_cast<int>(doc.sections.size());
  for (int i = 0; i < sections; ++i) {
    // Parents come first: exporters walk the tree in one pass.
    DOSSIER_FUZZ_CHECK(doc.sections[i].parent >= -1 && doc.sections[i].parent < i);
    (void)doc.section_path(i);
  }
  for (const Block& block : doc.blocks) {
    DOSSIER_FUZZ_CHECK(block.section >= -1 && block.section < sections);
    DOSSIER_FUZZ_CHECK(!block.address.empty());
  }
  // What the JSON exporter and the store write must read back as the same document.
  const Document back = document_from_json(to_json(doc));
  DOSSIER_FUZZ_CHECK(back.blocks.size() == doc.blocks.size());
  DOSSIER_FUZZ_CHECK(back.sections.size() == doc.sections.size());
  DOSSIER_FUZZ_CHECK(back.footnotes.size() == doc.footnotes.size());
}

inline int read_input(const std::uint8_t* data, std::size_t size) {
  static const std::unique_ptr<Reader> reader(dynamic_cast<Reader*>(dossier_plugin_entry()->create()));
  static Context context("fuzz", Options{}, BuildInfo{}, [](LogLevel, std::string_view, std::string_view) {});
  Source source;
  source.path = "fuzz-input";
  source.content.assign(reinterpret_cast<const char*>(data), size);
  (void)reader->sniff(source);
  Document doc;
  try {
    doc = reader->read(source, context);
  } catch (const std::exception&) {
    // Readers throw, with a message, on input they cannot read at all: that is allowed.
    return 0;
  }
  check_document(doc);
  return 0;
}

}  // namespace dossier::fuzz
