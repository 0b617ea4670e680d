// Plugin interfaces and the binary entry point every plugin library exports.
//
// A plugin library defines one class deriving from Reader, Analyzer or Exporter and names it
// once with DOSSIER_PLUGIN(...). That macro emits the descriptor and the plain `extern "C"`
// entry point `dossier_plugin_entry`, the library's one exported symbol, and the same facts as
// text in the ELF section `.dossier_plugin`, which the host reads without loading the library
// (`plugins list`, `plugins info`). The host reads the descriptor's ABI version, size and
// layout fingerprint (detail/layout.hpp) before anything else in it, and creates no object of
// a plugin built against other headers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dossier/context.hpp"
#include "dossier/corpus_view.hpp"
#include "dossier/detail/declaration.hpp"
#include "dossier/detail/layout.hpp"
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
/// `static constexpr const char* default_file = "corpus.json";`.
class DOSSIER_SDK_API Exporter : public Plugin {
 public:
  ~Exporter() override;
  /// Writes everything to files created with `out.create(...)`. `file_name` is the user's
  /// choice or the class's default_file. Throwing discards every file this call created.
  virtual void write(const CorpusView& corpus, const std::string& file_name, OutputSink& out,
                     Context& context) = 0;
};

/// What a plugin library says about itself. abi_version and struct_size come first in every
/// ABI version, so that any host can read them.
struct PluginDescriptor {
  std::uint32_t abi_version;   ///< DOSSIER_ABI_VERSION the plugin was built with
  std::uint32_t struct_size;   ///< sizeof(PluginDescriptor) the plugin was built with
  std::uint64_t layout;        ///< layout_fingerprint() of the headers it was built with
  PluginKind kind;
  const char* name;            ///< [a-z][a-z0-9_]*, unique per kind: what users type ("json")
  const char* version;         ///< the plugin's own version ("1.0.0")
  const char* description;     ///< one line
  Plugin* (*create)();         ///< new object of the plugin's class; may throw
  const OptionSpec* options;   ///< the options it reads (its class's `options`); null: none
  std::uint32_t option_count;
  std::uint32_t need_count;
  const char* const* needs;    ///< analyzers whose annotations it reads (its class's `needs`)
  const char* default_file;    ///< exporters: the file written when the user names none
};

/// Signature of the entry point.
using PluginEntryPoint = const PluginDescriptor*();

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier

/// The symbol the host looks up in every plugin library: a plain C function.
#define DOSSIER_PLUGIN_ENTRY "dossier_plugin_entry"

/// Declares the plugin of this library. Use once, at namespace scope, in one source file:
///   DOSSIER_PLUGIN(exporter, JsonExporter, "json", "1.0.0", "Whole model as corpus.json")
/// The options, needs and default file JsonExporter declares go into the descriptor, and all
/// of it into the section `.dossier_plugin`.
/// A unit test that links the plugin's sources may call dossier_plugin_entry()->create().
#define DOSSIER_PLUGIN(KIND, CLASS, NAME, VERSION, DESCRIPTION)                                   \
  DOSSIER_PLUGIN_CHECK_(KIND, NAME)                                                              \
  namespace {                                                                                    \
  ::dossier::Plugin* dossier_plugin_create_() { return new CLASS(); }                            \
  constexpr ::dossier::PluginDescriptor dossier_plugin_descriptor_ = {                           \
      DOSSIER_ABI_VERSION,        sizeof(::dossier::PluginDescriptor),                            \
      ::dossier::layout_fingerprint(), ::dossier::PluginKind::KIND, NAME, VERSION, DESCRIPTION,  \
      &dossier_plugin_create_, ::dossier::DeclaredOptions<CLASS>::data,                          \
      ::dossier::DeclaredOptions<CLASS>::size, ::dossier::DeclaredNeeds<CLASS>::size,            \
      ::dossier::DeclaredNeeds<CLASS>::data, ::dossier::DeclaredDefaultFile<CLASS>::data};     \
  static_assert(::dossier::PluginKind::KIND != ::dossier::PluginKind::exporter ||               \
                    ::dossier::DeclaredDefaultFile<CLASS>::data != nullptr,                     \
                "an exporter declares its default file: static constexpr const char* default_file"); \
  __attribute__((used, section(".dossier_plugin"))) constexpr auto dossier_plugin_manifest_ =     \
      ::dossier::manifest<::dossier::manifest_size(dossier_plugin_descriptor_)>(dossier_plugin_descriptor_); \
  }                                                                                              \
  extern "C" __attribute__((visibility("default"))) const ::dossier::PluginDescriptor*           \
  dossier_plugin_entry() {                                                                       \
    return &dossier_plugin_descriptor_;                                                          \
  }
