// Machinery behind DOSSIER_PLUGIN (plugin.hpp), not API: what a plugin class declares as
// static members, found at compile time; the descriptor written as text into the ELF section
// `.dossier_plugin` at compile time; the compile-time check of the plugin's name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "dossier/options.hpp"
#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// What a plugin class declares as public static members, found at compile time:
/// `static constexpr dossier::OptionSpec options[] = {...};` (the options it reads),
/// `static constexpr const char* needs[] = {"sdg"};` (analyzers an exporter needs; the host runs
/// them with their defaults when a build does not), `static constexpr const char* default_file
/// = "corpus.json";` (an exporter's), `static constexpr const char* file_names =
/// "{stem}{-focus}{-language}{ext}";` (an exporter that writes its file under other names: how
/// it names them, below). `data` is null and `size` 0 when the class declares none.
///
/// `file_names` is text only, in the section `.dossier_plugin` (not in the descriptor), so that
/// `dossier --dry-run` can say which files an exporter will write without running it:
/// `{stem}` is the file name the user gave (or default_file) up to its extension, `{ext}` its
/// extension, `{-NAME}` a dash and the slug of the value of the exporter's option NAME, once
/// per value of a list (one file each), nothing when the option is not given; for the option
/// `language`, also nothing when it is the build's language. An exporter that declares it names
/// its files with dossier::file_name_from() (dossier/domain/file_names.hpp), so that what the
/// dry run says is what it writes.
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
DOSSIER_DECLARED_(DeclaredFileNames, file_names)
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
  template <class Descriptor>
  constexpr void write(const Descriptor& d, const char* file_names) {
    line("dossier-plugin", "1");
    line("abi", d.abi_version, 10);
    line("layout", d.layout, 16, 16);
    line("kind", static_cast<std::uint32_t>(d.kind), 10);
    line("name", d.name), line("version", d.version), line("description", d.description);
    if (d.default_file) line("default_file", d.default_file);
    if (file_names) line("file_names", file_names);
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
template <class Descriptor>
constexpr std::size_t manifest_size(const Descriptor& d, const char* file_names) {
  ManifestWriter count;
  count.write(d, file_names);
  return count.n + 1;  // and a NUL
}
template <std::size_t N, class Descriptor>
constexpr ManifestText<N> manifest(const Descriptor& d, const char* file_names) {
  ManifestText<N> text{};
  ManifestWriter{text.bytes}.write(d, file_names);
  return text;
}

/// Whether two names are the same, at compile time (DOSSIER_PLUGIN's check of its name).
constexpr bool same_name(const char* a, const char* b) {
  while (*a && *a == *b) ++a, ++b;
  return *a == *b;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier

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
