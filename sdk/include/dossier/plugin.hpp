// The three plugin interfaces. A plugin library defines one class deriving from Reader,
// Analyzer or Exporter and names it once with DOSSIER_PLUGIN (below), which exports its
// descriptor through the library's one symbol, `dossier_plugin_entry`, and writes the same
// facts as text into the ELF section `.dossier_plugin`, which the host reads without loading
// the library. The host checks the ABI version and layout fingerprint before anything else,
// and creates no object of a plugin built against other headers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dossier/context.hpp"
#include "dossier/corpus_view.hpp"
#include "dossier/detail/descriptor.hpp"
#include "dossier/model.hpp"
#include "dossier/sink.hpp"
#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

enum class PluginKind : std::uint32_t { reader = 1, analyzer = 2, exporter = 3 };

/// "reader", "analyzer", "exporter"; "unknown" for any other value.
DOSSIER_SDK_API const char* to_string(PluginKind kind) noexcept;

/// Base of every plugin object. Objects are created by the descriptor's factory and
/// destroyed by the host before it unloads the library that made them.
class DOSSIER_SDK_API Plugin {
 public:
  virtual ~Plugin();
};

/// Builds a Document from one source file. The host reads several sources at once: sniff()
/// and read() are called from several threads for different sources, so a reader keeps its
/// per-source state on the stack, not in members (or guards shared state itself).
class DOSSIER_SDK_API Reader : public Plugin {
 public:
  ~Reader() override;
  /// How sure this reader is that it understands `source`, from 0 (not at all) to 100.
  /// Readers are chosen by content; the highest bid wins.
  virtual int sniff(const Source& source) const = 0;
  /// Reads the whole document. Throws on input it cannot read at all; recoverable problems
  /// go to Document::diagnostics.
  virtual Document read(const Source& source, Context& context) = 0;
};

/// Adds annotations about one document. Never writes files. The host analyses several
/// documents at once: analyze() is called from several threads for different documents
/// (one Context shared by them), so shared state must be read-only or guarded. The host may
/// run an analyzer in a child process and caches its annotations by the document's content,
/// its name, version, library file and options: the result must depend on nothing else.
class DOSSIER_SDK_API Analyzer : public Plugin {
 public:
  ~Analyzer() override;
  /// Names of analyzers whose annotations this one reads; they run first.
  virtual std::vector<std::string> dependencies() const;
  /// Appends annotations about `document` to `out`. `earlier` holds the annotations other
  /// analyzers made about the same document.
  virtual void analyze(const Document& document, const std::vector<Annotation>& earlier,
                       std::vector<Annotation>& out, Context& context) = 0;
};

/// Writes the corpus in some format through an atomic sink. Never re-parses source text. Its
/// class declares the file it writes when the user names none: a public
/// `static constexpr const char* default_file = "corpus.json";`; one that writes under other
/// names also declares how it names them (`file_names`, detail/declaration.hpp).
class DOSSIER_SDK_API Exporter : public Plugin {
 public:
  ~Exporter() override;
  /// Writes everything to files created with `out.create(...)`. `file_name` is the user's
  /// choice or the class's default_file. Throwing discards every file this call created.
  virtual void write(const CorpusView& corpus, const std::string& file_name, OutputSink& out,
                     Context& context) = 0;
};

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier

/// Declares the plugin of this library. Use once, at namespace scope, in one source file:
///   DOSSIER_PLUGIN(exporter, JsonExporter, "json", "1.0.0", "Whole model as corpus.json")
/// It fills the descriptor the host reads (detail/descriptor.hpp) with the kind, name (what
/// users type: [a-z][a-z0-9_]*, unique per kind), version, one-line description and what the
/// class declares (options, needs, default_file), and exports it through the plain C function
/// `dossier_plugin_entry`. A unit test that links the plugin's sources may call
/// dossier_plugin_entry()->create().
