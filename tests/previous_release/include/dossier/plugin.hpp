// Plugin interfaces and the binary entry point every plugin library exports.
//
// A plugin library defines one class deriving from Reader, Analyzer or Exporter and names it
// once with DOSSIER_PLUGIN(...). That macro emits the descriptor and the `extern "C"` entry
// point, exported under the alias `dossier_plugin` with Boost.DLL. The host reads the
// descriptor's ABI version and size before touching anything else in it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <boost/dll/alias.hpp>

#include "dossier/context.hpp"
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

/// A source file handed to a reader: its bytes are already loaded and hashed.
struct Source {
  std::string path;     ///< as the user gave it (for messages and Document::source)
  std::string content;  ///< raw bytes
  std::string sha256;   ///< of content, lowercase hex
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

/// Writes the corpus in some format through an atomic sink. Never re-parses source text.
class DOSSIER_SDK_API Exporter : public Plugin {
 public:
  ~Exporter() override;
  /// File name used when the user names none ("corpus.json").
  virtual std::string default_file_name() const = 0;
  /// Writes everything to files created with `out.create(...)`. `file_name` is the user's
  /// choice or default_file_name(). Throwing discards every file this call created.
  virtual void write(const Corpus& corpus, const std::string& file_name, OutputSink& out,
                     Context& context) = 0;
};

/// What a plugin library says about itself. Field order is fixed for ABI version 1:
/// abi_version and struct_size come first so that any host can read them.
struct PluginDescriptor {
  std::uint32_t abi_version;   ///< DOSSIER_ABI_VERSION the plugin was built with
  std::uint32_t struct_size;   ///< sizeof(PluginDescriptor) the plugin was built with
  PluginKind kind;
  const char* name;            ///< [a-z][a-z0-9_]*, unique per kind: what users type ("json")
  const char* version;         ///< the plugin's own version ("1.0.0")
  const char* description;     ///< one line
  Plugin* (*create)();         ///< new object of the plugin's class; may throw
};

/// Signature of the entry point, exported under the alias name below.
using PluginEntryPoint = const PluginDescriptor*();

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier

/// The alias the host looks up in every plugin library.
#define DOSSIER_PLUGIN_ENTRY_ALIAS "dossier_plugin"

/// Declares the plugin of this library. Use once, at namespace scope, in one source file:
///   DOSSIER_PLUGIN(exporter, JsonExporter, "json", "1.0.0", "Whole model as corpus.json")
#define DOSSIER_PLUGIN(KIND, CLASS, NAME, VERSION, DESCRIPTION)                            \
  namespace {                                                                             \
  ::dossier::Plugin* dossier_plugin_create_() { return new CLASS(); }                     \
  const ::dossier::PluginDescriptor dossier_plugin_descriptor_ = {                        \
      DOSSIER_ABI_VERSION, sizeof(::dossier::PluginDescriptor),                            \
      ::dossier::PluginKind::KIND, NAME, VERSION, DESCRIPTION, &dossier_plugin_create_};  \
  }                                                                                       \
  extern "C" const ::dossier::PluginDescriptor* dossier_plugin_entry() {                  \
    return &dossier_plugin_descriptor_;                                                   \
  }                                                                                       \
  BOOST_DLL_ALIAS(dossier_plugin_entry, dossier_plugin)
