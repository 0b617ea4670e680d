// The model as bytes, field by field: each struct's fields listed once, in the order they are
// encoded, for the encoder and the decoder alike (document_codec.cpp, annotation_codec.cpp),
// so that what is written and what is read back cannot disagree.
//
// Each number, count and string length is 8 bytes, little endian (annotation_codec.hpp).
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "annotation_codec.hpp"
#include "dossier/model.hpp"

namespace dossier::host::binary_fields {

// One list serves both sides: `S` is const for the encoder.
template <class S, class T>
using if_struct = std::enable_if_t<std::is_same_v<std::remove_const_t<S>, T>>;

template <class V, class S>
if_struct<S, SourceSpan> fields(V& v, S& s) {
  v(s.first_line); v(s.last_line);
}

template <class V, class S>
if_struct<S, Section> fields(V& v, S& s) {
  v(s.label); v(s.title); v(s.kind); v(s.level); v(s.parent);
}

template <class V, class S>
if_struct<S, Block> fields(V& v, S& b) {
  v(b.address); v(b.number); v(b.kind); v(b.section); v(b.marker); v(b.text);
  v(b.footnote_refs); v(b.cells); v(b.same_as); v(b.span);
}

template <class V, class S>
if_struct<S, Footnote> fields(V& v, S& f) {
  v(f.label); v(f.text); v(f.anchors);
}

template <class V, class S>
if_struct<S, Recommendation> fields(V& v, S& r) {
  v(r.address); v(r.kind); v(r.addressee); v(r.text); v(r.recommended_by);
  v(r.position); v(r.verb); v(r.position_note); v(r.position_source);
}

template <class V, class S>
if_struct<S, Reference> fields(V& v, S& r) {
  v(r.type); v(r.id); v(r.address); v(r.text); v(r.begin); v(r.end);
}

template <class V, class S>
if_struct<S, Diagnostic> fields(V& v, S& g) {
  v(g.severity); v(g.message); v(g.span); v(g.code); v(g.lost);
}

template <class V, class S>
if_struct<S, DocumentLink> fields(V& v, S& l) {
  v(l.relation); v(l.document);
}

template <class V, class S>
if_struct<S, Metadata> fields(V& v, S& m) {
  v(m.key); v(m.value);
}

template <class V, class S>
if_struct<S, Document> fields(V& v, S& d) {
  v(d.id); v(d.symbol); v(d.title); v(d.date); v(d.place); v(d.body); v(d.language); v(d.source);
  v(d.sha256); v(d.reader);
  v(d.sections); v(d.blocks); v(d.footnotes); v(d.recommendations); v(d.references); v(d.furniture);
  v(d.diagnostics); v(d.links); v(d.metadata);
  v(d.versions);  // one level: a version has none
}

template <class V, class S>
if_struct<S, Annotation> fields(V& v, S& a) {
  v(a.subject); v(a.scheme); v(a.code); v(a.level); v(a.score); v(a.evidence); v(a.analyzer);
  v(a.analyzer_version);
}

// Appends what it is shown to `out`.
class Encoder {
 public:
  explicit Encoder(std::string& out) : out_(out) {}

  void operator()(const std::string& s) { encode_string(s, out_); }
  void operator()(int v) { encode_u64(static_cast<std::uint64_t>(static_cast<std::int64_t>(v)), out_); }
  void operator()(std::uint32_t v) { encode_u64(v, out_); }
  void operator()(std::size_t v) { encode_u64(v, out_); }
  void operator()(double v) {
    std::uint64_t bits = 0;
    static_assert(sizeof bits == sizeof v, "double is 64 bits");
    std::memcpy(&bits, &v, sizeof bits);
    encode_u64(bits, out_);
  }
  void operator()(BlockKind kind) { encode_u64(static_cast<std::uint64_t>(kind), out_); }
  void operator()(Diagnostic::Severity severity) { encode_u64(static_cast<std::uint64_t>(severity), out_); }
  void operator()(const std::vector<Document>& versions) {
    encode_u64(version_ ? 0 : versions.size(), out_);
    if (version_) return;
    version_ = true;
    for (const Document& v : versions) (*this)(v);
    version_ = false;
  }
  template <class T>
  void operator()(const std::vector<T>& list) {
    encode_u64(list.size(), out_);
    for (const T& item : list) (*this)(item);
  }
  template <class S>
  std::enable_if_t<std::is_class_v<S>> operator()(const S& s) {
    fields(*this, s);
  }

 private:
  std::string& out_;
  bool version_ = false;  // within a language version
};

// How many bytes Encoder writes for what it is shown (no language versions within), so that
// the buffer it writes into grows once rather than by doubling, copying as it goes. With
// `fewest`, what any value of its type takes at least (every string and list empty).
class EncodedSize {
 public:
  explicit EncodedSize(bool fewest = false) : fewest_(fewest) {}

  /// The fewest bytes a T takes encoded (every field 8 bytes at least), so that a corrupt
  /// count of Ts cannot make the decoder reserve much.
  template <class T>
  static std::size_t fewest() {
    static const std::size_t bytes = [] {
      EncodedSize m(true);
      m(T{});
      return m.bytes;
    }();
    return bytes;
  }

  void operator()(const std::string& s) { bytes += 8 + (fewest_ ? 0 : s.size()); }
  template <class T>
  void operator()(const std::vector<T>& list) {
    bytes += 8;
    if (!fewest_)
      for (const T& item : list) (*this)(item);
  }
  template <class T>
  std::enable_if_t<!std::is_class_v<T>> operator()(T) {
    bytes += 8;
  }
  template <class S>
  std::enable_if_t<std::is_class_v<S>> operator()(const S& s) {
    fields(*this, s);
  }

  std::size_t bytes = 0;

 private:
  bool fewest_;
};

// Reads what it is shown from the front of `in`, which it advances. Throws
// std::runtime_error("<what>: ...") for bytes no encoder wrote.
class Decoder {
 public:
  Decoder(std::string_view& in, const char* what) : in_(in), what_(what) {}

  void operator()(std::string& s) {  // straight into place: no string made and moved
    const std::uint64_t n = decode_u64(in_);
    if (n > in_.size()) fail("truncated");
    s.assign(in_.data(), static_cast<std::size_t>(n));
    in_.remove_prefix(static_cast<std::size_t>(n));
  }
  void operator()(int& v) {
    const auto n = static_cast<std::int64_t>(decode_u64(in_));
    if (n < INT32_MIN || n > INT32_MAX) fail("number out of range");
    v = static_cast<int>(n);
  }
  void operator()(std::uint32_t& v) {
    const std::uint64_t n = decode_u64(in_);
    if (n > UINT32_MAX) fail("number out of range");
    v = static_cast<std::uint32_t>(n);
  }
  void operator()(std::size_t& v) { v = static_cast<std::size_t>(decode_u64(in_)); }
  void operator()(double& v) {
    const std::uint64_t bits = decode_u64(in_);
    std::memcpy(&v, &bits, sizeof bits);
  }
  void operator()(BlockKind& kind) {
    const std::uint64_t n = decode_u64(in_);
    if (n > static_cast<std::uint64_t>(BlockKind::footnote_body)) fail("unknown block kind");
    kind = static_cast<BlockKind>(n);
  }
  void operator()(Diagnostic::Severity& severity) {
    const std::uint64_t n = decode_u64(in_);
    if (n > static_cast<std::uint64_t>(Diagnostic::Severity::error)) fail("unknown severity");
    severity = static_cast<Diagnostic::Severity>(n);
  }
  void operator()(std::vector<Document>& versions) {
    versions.resize(count<Document>());
    if (version_ && !versions.empty()) fail("a version with versions");
    version_ = true;
    for (Document& v : versions) (*this)(v);
    version_ = false;
  }
  template <class T>
  void operator()(std::vector<T>& list) {
    list.resize(count<T>());
    for (T& item : list) (*this)(item);
  }
  template <class S>
  std::enable_if_t<std::is_class_v<S>> operator()(S& s) {
    fields(*this, s);
  }

 private:
  template <class T>
  std::size_t count() {
    const std::uint64_t n = decode_u64(in_);
    if (n > in_.size() / EncodedSize::fewest<T>()) fail("truncated");
    return static_cast<std::size_t>(n);
  }
  [[noreturn]] void fail(const char* problem) const { throw std::runtime_error(std::string(what_) + ": " + problem); }

  std::string_view& in_;
  const char* what_;
  bool version_ = false;  // within a language version
};

}  // namespace dossier::host::binary_fields
