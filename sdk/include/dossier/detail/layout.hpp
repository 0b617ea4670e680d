// Machinery behind the plugin ABI check, not API. The layout fingerprint: a number computed
// by the compiler from the model's types, which every plugin's descriptor carries (plugin.hpp). The host computes its own and refuses a
// plugin whose number differs: it was built against headers in which some type the host and
// the plugin share has another size or another member at another place, and would read
// and write the model wrongly. DOSSIER_ABI_VERSION is the announced version; this is the
// check a machine keeps, so a change nobody announced cannot reach a user as a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dossier/context.hpp"
#include "dossier/corpus_view.hpp"
#include "dossier/model.hpp"
#include "dossier/sink.hpp"
#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// Where one member lies in its type.
struct FieldLayout {
  std::size_t offset, size, align;
};

/// The members of each model type shared with plugins, in declaration order. The SDK's test
/// checks that every byte of each type is a listed member or padding, so a member added
/// without being listed here fails the build's tests rather than escaping the fingerprint.
template <class T>
struct ModelLayout;

#define DOSSIER_FIELD_LAYOUT_(T, member) \
  ::dossier::FieldLayout { offsetof(T, member), sizeof(T::member), alignof(decltype(T::member)) }
#define DOSSIER_MODEL_LAYOUT_(T, ...)                                \
  template <>                                                        \
  struct ModelLayout<T> {                                            \
    static constexpr FieldLayout fields[] = {__VA_ARGS__};           \
  }
#define F_(T, m) DOSSIER_FIELD_LAYOUT_(T, m)

DOSSIER_MODEL_LAYOUT_(SourceSpan, F_(SourceSpan, first_line), F_(SourceSpan, last_line));
DOSSIER_MODEL_LAYOUT_(Section, F_(Section, label), F_(Section, title), F_(Section, kind), F_(Section, level),
                      F_(Section, parent));
DOSSIER_MODEL_LAYOUT_(Block, F_(Block, address), F_(Block, number), F_(Block, kind), F_(Block, section),
                      F_(Block, marker), F_(Block, text), F_(Block, footnote_refs), F_(Block, cells),
                      F_(Block, same_as), F_(Block, span));
DOSSIER_MODEL_LAYOUT_(Footnote, F_(Footnote, label), F_(Footnote, text), F_(Footnote, anchors));
DOSSIER_MODEL_LAYOUT_(Recommendation, F_(Recommendation, address), F_(Recommendation, kind),
                      F_(Recommendation, addressee), F_(Recommendation, text), F_(Recommendation, recommended_by),
                      F_(Recommendation, position), F_(Recommendation, position_note),
                      F_(Recommendation, position_source), F_(Recommendation, verb));
DOSSIER_MODEL_LAYOUT_(Reference, F_(Reference, type), F_(Reference, id), F_(Reference, address),
                      F_(Reference, text), F_(Reference, begin), F_(Reference, end));
DOSSIER_MODEL_LAYOUT_(Diagnostic, F_(Diagnostic, severity), F_(Diagnostic, message), F_(Diagnostic, span),
                      F_(Diagnostic, code), F_(Diagnostic, lost));
DOSSIER_MODEL_LAYOUT_(Metadata, F_(Metadata, key), F_(Metadata, value));
DOSSIER_MODEL_LAYOUT_(DocumentLink, F_(DocumentLink, relation), F_(DocumentLink, document));
DOSSIER_MODEL_LAYOUT_(Document, F_(Document, id), F_(Document, symbol), F_(Document, title), F_(Document, date),
                      F_(Document, place), F_(Document, body), F_(Document, language), F_(Document, source),
                      F_(Document, sha256), F_(Document, reader), F_(Document, sections), F_(Document, blocks),
                      F_(Document, footnotes), F_(Document, recommendations), F_(Document, references),
                      F_(Document, furniture), F_(Document, diagnostics), F_(Document, links),
                      F_(Document, metadata), F_(Document, versions));
DOSSIER_MODEL_LAYOUT_(Annotation, F_(Annotation, subject), F_(Annotation, scheme), F_(Annotation, code),
                      F_(Annotation, level), F_(Annotation, score), F_(Annotation, evidence),
                      F_(Annotation, analyzer), F_(Annotation, analyzer_version));
DOSSIER_MODEL_LAYOUT_(Corpus, F_(Corpus, documents), F_(Corpus, annotations));
DOSSIER_MODEL_LAYOUT_(Source, F_(Source, path), F_(Source, content), F_(Source, sha256));
DOSSIER_MODEL_LAYOUT_(BuildInfo, F_(BuildInfo, job_name), F_(BuildInfo, language), F_(BuildInfo, build_time),
                      F_(BuildInfo, host_version));
DOSSIER_MODEL_LAYOUT_(OptionSpec, F_(OptionSpec, name), F_(OptionSpec, type), F_(OptionSpec, default_value),
                      F_(OptionSpec, help));

#undef F_
#undef DOSSIER_MODEL_LAYOUT_
#undef DOSSIER_FIELD_LAYOUT_

namespace abi_detail {
// FNV-1a over the eight bytes of each value.
constexpr std::uint64_t mix(std::uint64_t hash, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) {
    hash ^= (value >> (8 * i)) & 0xFF;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}
template <class T>
constexpr std::uint64_t with_size(std::uint64_t hash) {
  return mix(mix(hash, sizeof(T)), alignof(T));
}
template <class T>
constexpr std::uint64_t with_members(std::uint64_t hash) {
  hash = with_size<T>(hash);
  for (const FieldLayout& f : ModelLayout<T>::fields) hash = mix(mix(mix(hash, f.offset), f.size), f.align);
  return hash;
}
template <class... T>
constexpr std::uint64_t with_all_members(std::uint64_t hash) {
  ((hash = with_members<T>(hash)), ...);
  return hash;
}
}  // namespace abi_detail

/// The fingerprint of the headers this is compiled with: the ABI version, each model type's
/// size, alignment and members (ModelLayout), and the size of the library types and SDK
/// classes whose inline members a plugin compiles in (a standard library built with another
/// string ABI, a class with a member added).
constexpr std::uint64_t layout_fingerprint() {
  using namespace abi_detail;
  std::uint64_t hash = mix(0xcbf29ce484222325ULL, DOSSIER_ABI_VERSION);
  hash = with_all_members<SourceSpan, Section, Block, Footnote, Recommendation, Reference, Diagnostic, Metadata,
                          DocumentLink, Document, Annotation, Corpus, Source, BuildInfo, OptionSpec>(hash);
  hash = with_size<std::string>(hash);
  hash = with_size<std::vector<std::string>>(hash);
  hash = with_size<std::function<void()>>(hash);
  hash = with_size<Options>(hash);
  hash = with_size<Context>(hash);
  hash = with_size<OutputFile>(hash);
  hash = with_size<OutputSink>(hash);
  hash = with_size<BuildHistory>(hash);
  hash = with_size<CorpusView>(hash);
  return hash;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
