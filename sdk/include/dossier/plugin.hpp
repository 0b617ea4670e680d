// Plugin interfaces and the binary entry point every plugin library exports.
//
// A plugin library defines one class deriving from Reader, Analyzer or Exporter and names it
// once with DOSSIER_PLUGIN(...). That macro emits the descriptor and the plain `extern "C"`
// entry point `dossier_plugin_entry`, the library's one exported symbol, and the same facts as
// text in the ELF section `.dossier_plugin`, which the host reads without loading the library
// (`plugins list`, `plugins info`). The host reads the descriptor's ABI version, size and
// layout fingerprint (abi.hpp) before anything else in it, and creates no object of a plugin
// built against other headers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "dossier/abi.hpp"
#include "dossier/context.hpp"
#include "dossier/corpus_view.hpp"
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

/// What a plugin class declares as public static members, found at compile time:
/// `static constexpr dossier::OptionSpec options[] = {...};` (the options it reads),
/// `static constexpr const char* needs[] = {"sdg"};` (analyzers an exporter needs; the host runs
/// them with their defaults when a build does not), `static constexpr const char* default_file
/// = "corpus.json";` (an exporter's). `data` is null and `size` 0 when the class declares none.
#define DOSSIER_DECLARED_(TRAIT, MEMBER)                                                         \
  template <class T, class = void>                                                               \
  struct TRAIT {                                                                                 \
    static constexpr std::nullptr_t data = nullptr;                                              \
    static constexpr std::uint32_t size = 0;                                                     \
  };                                                                                             \
  template <class T>                                                                             \
  struct TRAIT<T, std::void_t<decltype(T::MEMBER)>> {                                            \
    static constexpr auto data = T::MEMBER;                                                      \
    static constexpr std::uint32_t size = sizeof(T::MEMBER) / sizeof(*T::MEMBER);               \
  };
DOSSIER_DECLARED_(DeclaredOptions, options)
DOSSIER_DECLARED_(DeclaredNeeds, needs)
DOSSIER_DECLARED_(DeclaredDefaultFile, default_file)
#undef DOSSIER_DECLARED_

/// Writes the descriptor as text, at compile time, for the section `.dossier_plugin`:
/// "key=value" lines; an option as name, type number, default and help separated by U+001F.
/// With no `out` it only counts.
struct ManifestWriter {
  char* out = nullptr;
  std::size_t n = 0;
  constexpr void put(char c) {
    if (out) out[n] = c;
    ++n;
  }
  constexpr void put(const char* s) {
    while (s && *s) put(*s++);
  }
  constexpr void line(const char* key, const char* a, const char* b = nullptr, const char* c = nullptr,
                      const char* d = nullptr) {
    put(key), put('='), put(a);
    for (const char* more : {b, c, d})
      if (more) put('\x1f'), put(more);
    put('\n');
  }
  constexpr void line(const char* key, std::uint64_t number, unsigned base, int digits = 1) {
    char text[21] = {};
    int k = 20;
    do text[--k] = "0123456789abcdef"[number % base], number /= base;
    while (number || 20 - k < digits);
    line(key, text + k);
  }
  constexpr void write(const PluginDescriptor& d) {
    line("dossier-plugin", "1");
    line("abi", d.abi_version, 10);
    line("layout", d.layout, 16, 16);
    line("kind", static_cast<std::uint32_t>(d.kind), 10);
    line("name", d.name), line("version", d.version), line("description", d.description);
    if (d.default_file) line("default_file", d.default_file);
    for (std::uint32_t i = 0; i < d.need_count; ++i) line("need", d.needs[i]);
    for (std::uint32_t i = 0; i < d.option_count; ++i) {
      const char type[2] = {static_cast<char>('0' + static_cast<int>(d.options[i].type)), 0};
      line("option", d.options[i].name, type, d.options[i].default_value, d.options[i].help);
    }
  }
};
template <std::size_t N>
struct ManifestText {
  char bytes[N];
};
constexpr std::size_t manifest_size(const PluginDescriptor& d) {
  ManifestWriter count;
  count.write(d);
  return count.n + 1;  // and a NUL
}
template <std::size_t N>
constexpr ManifestText<N> manifest(const PluginDescriptor& d) {
  ManifestText<N> text{};
  ManifestWriter{text.bytes}.write(d);
  return text;
}

/// Whether two names are the same, at compile time (DOSSIER_PLUGIN's check of its name).
constexpr bool same_name(const char* a, const char* b) {
  while (*a && *a == *b) ++a, ++b;
  return *a == *b;
}

/// Signature of the entry point.
using PluginEntryPoint = const PluginDescriptor*();

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier

/// The symbol the host looks up in every plugin library: a plain C function.
#define DOSSIER_PLUGIN_ENTRY "dossier_plugin_entry"

// dossier_add_plugin() (CMake) defines the name and kind it was given, so that the two
// places a plugin is named cannot disagree unnoticed.
#if defined(DOSSIER_PLUGIN_TARGET_NAME) && defined(DOSSIER_PLUGIN_TARGET_KIND)
#define DOSSIER_PLUGIN_CHECK_(KIND, NAME)                                                        \
  static_assert(::dossier::same_name(NAME, DOSSIER_PLUGIN_TARGET_NAME),                           \
                "DOSSIER_PLUGIN names the plugin otherwise than NAME in dossier_add_plugin()");  \
  static_assert(::dossier::same_name(#KIND, DOSSIER_PLUGIN_TARGET_KIND),                          \
                "DOSSIER_PLUGIN gives another kind than KIND in dossier_add_plugin()");
#else
#define DOSSIER_PLUGIN_CHECK_(KIND, NAME)
#endif

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
