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

/// The options a plugin class declares: a public `static constexpr dossier::OptionSpec
/// options[] = {...};`. A class that declares none takes no options.
template <class T, class = void>
struct DeclaredOptions {
  static constexpr const OptionSpec* data = nullptr;
  static constexpr std::uint32_t size = 0;
};
template <class T>
struct DeclaredOptions<T, std::void_t<decltype(T::options)>> {
  static constexpr const OptionSpec* data = T::options;
  static constexpr std::uint32_t size = std::extent_v<std::remove_reference_t<decltype(T::options)>>;
};

/// The analyzers a plugin class (an exporter) needs: a public `static constexpr const char*
/// needs[] = {"sdg"};`. The host runs them, with their defaults, when a build does not.
template <class T, class = void>
struct DeclaredNeeds {
  static constexpr const char* const* data = nullptr;
  static constexpr std::uint32_t size = 0;
};
template <class T>
struct DeclaredNeeds<T, std::void_t<decltype(T::needs)>> {
  static constexpr const char* const* data = T::needs;
  static constexpr std::uint32_t size = std::extent_v<std::remove_reference_t<decltype(T::needs)>>;
};

/// An exporter class's `default_file`; null for a class that declares none.
template <class T, class = void>
struct DeclaredDefaultFile {
  static constexpr const char* value = nullptr;
};
template <class T>
struct DeclaredDefaultFile<T, std::void_t<decltype(T::default_file)>> {
  static constexpr const char* value = T::default_file;
};

/// The descriptor as text ("key=value" lines; options as name, type number, default and help
/// separated by U+001F), built at compile time into the section `.dossier_plugin`.
namespace manifest_detail {
struct Count {
  std::size_t n = 0;
  constexpr void put(char) { ++n; }
};
template <std::size_t N>
struct Text {
  char bytes[N] = {};
};
template <std::size_t N>
struct Fill {
  Text<N> text{};
  std::size_t n = 0;
  constexpr void put(char c) { text.bytes[n++] = c; }
};
template <class Out>
constexpr void put(Out& out, const char* s) {
  while (s && *s) out.put(*s++);
}
template <class Out>
constexpr void line(Out& out, const char* key, const char* value) {
  put(out, key);
  out.put('=');
  put(out, value);
  out.put('\n');
}
// `digits` digits in base `base` (0: as many as the number needs).
template <class Out>
constexpr void line(Out& out, const char* key, std::uint64_t number, unsigned base, int digits = 0) {
  put(out, key);
  out.put('=');
  char text[20] = {};
  int n = 0;
  do text[n++] = "0123456789abcdef"[number % base], number /= base;
  while (number || n < digits);
  while (n) out.put(text[--n]);
  out.put('\n');
}
template <class Out>
constexpr void write(Out& out, const PluginDescriptor& d) {
  line(out, "dossier-plugin", "1");
  line(out, "abi", d.abi_version, 10);
  line(out, "layout", d.layout, 16, 16);
  line(out, "kind", static_cast<std::uint32_t>(d.kind), 10);
  line(out, "name", d.name);
  line(out, "version", d.version);
  line(out, "description", d.description);
  if (d.default_file) line(out, "default_file", d.default_file);
  for (std::uint32_t i = 0; i < d.need_count; ++i) line(out, "need", d.needs[i]);
  for (std::uint32_t i = 0; i < d.option_count; ++i) {
    const OptionSpec& o = d.options[i];
    put(out, "option=");
    put(out, o.name);
    out.put('\x1f');
    out.put(static_cast<char>('0' + static_cast<int>(o.type)));
    out.put('\x1f');
    put(out, o.default_value);
    out.put('\x1f');
    put(out, o.help);
    out.put('\n');
  }
}
}  // namespace manifest_detail

constexpr std::size_t manifest_size(const PluginDescriptor& d) {
  manifest_detail::Count count;
  manifest_detail::write(count, d);
  return count.n + 1;  // and a NUL
}
template <std::size_t N>
constexpr manifest_detail::Text<N> manifest(const PluginDescriptor& d) {
  manifest_detail::Fill<N> fill;
  manifest_detail::write(fill, d);
  return fill.text;
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
      ::dossier::DeclaredNeeds<CLASS>::data, ::dossier::DeclaredDefaultFile<CLASS>::value};     \
  static_assert(::dossier::PluginKind::KIND != ::dossier::PluginKind::exporter ||               \
                    ::dossier::DeclaredDefaultFile<CLASS>::value != nullptr,                     \
                "an exporter declares its default file: static constexpr const char* default_file"); \
  __attribute__((used, section(".dossier_plugin"))) constexpr auto dossier_plugin_manifest_ =     \
      ::dossier::manifest<::dossier::manifest_size(dossier_plugin_descriptor_)>(dossier_plugin_descriptor_); \
  }                                                                                              \
  extern "C" __attribute__((visibility("default"))) const ::dossier::PluginDescriptor*           \
  dossier_plugin_entry() {                                                                       \
    return &dossier_plugin_descriptor_;                                                          \
  }
