#include "document_codec.hpp"

#include <cstdint>
#include <stdexcept>

#include "annotation_codec.hpp"

namespace dossier::host {

namespace {

// Changed whenever the model or this encoding changes, so old bytes are refused, not misread.
constexpr std::string_view kMagic = "dossier-document/4\n";

void put_int(int v, std::string& out) { encode_u64(static_cast<std::uint64_t>(static_cast<std::int64_t>(v)), out); }

int get_int(std::string_view& in) {
  const auto v = static_cast<std::int64_t>(decode_u64(in));
  if (v < INT32_MIN || v > INT32_MAX) throw std::runtime_error("encoded document: number out of range");
  return static_cast<int>(v);
}

// A count of items that take at least `least` bytes each: a corrupt count cannot make us
// reserve much.
std::size_t get_count(std::string_view& in, std::size_t least) {
  const std::uint64_t n = decode_u64(in);
  if (n > in.size() / least) throw std::runtime_error("encoded document: truncated");
  return static_cast<std::size_t>(n);
}

void put_strings(const std::vector<std::string>& list, std::string& out) {
  encode_u64(list.size(), out);
  for (const std::string& s : list) encode_string(s, out);
}

std::vector<std::string> get_strings(std::string_view& in) {
  std::vector<std::string> list(get_count(in, 8));
  for (std::string& s : list) s = decode_string(in);
  return list;
}

void put_span(const SourceSpan& span, std::string& out) {
  encode_u64(span.first_line, out);
  encode_u64(span.last_line, out);
}

SourceSpan get_span(std::string_view& in) {
  SourceSpan span;
  span.first_line = static_cast<std::uint32_t>(decode_u64(in));
  span.last_line = static_cast<std::uint32_t>(decode_u64(in));
  return span;
}

// A document's fields, then its language versions (one level: a version has none).
void put_document(const Document& d, std::string& out, bool version) {
  for (const std::string* s : {&d.id, &d.symbol, &d.title, &d.date, &d.place, &d.body, &d.language, &d.source,
                               &d.sha256, &d.reader})
    encode_string(*s, out);
  encode_u64(d.sections.size(), out);
  for (const Section& s : d.sections) {
    encode_string(s.label, out);
    encode_string(s.title, out);
    encode_string(s.kind, out);
    put_int(s.level, out);
    put_int(s.parent, out);
  }
  encode_u64(d.blocks.size(), out);
  for (const Block& b : d.blocks) {
    encode_string(b.address, out);
    encode_string(b.number, out);
    encode_u64(static_cast<std::uint64_t>(b.kind), out);
    put_int(b.section, out);
    encode_string(b.marker, out);
    encode_string(b.text, out);
    put_strings(b.footnote_refs, out);
    encode_u64(b.cells.size(), out);
    for (const auto& row : b.cells) put_strings(row, out);
    encode_string(b.same_as, out);
    put_span(b.span, out);
  }
  encode_u64(d.footnotes.size(), out);
  for (const Footnote& f : d.footnotes) {
    encode_string(f.label, out);
    encode_string(f.text, out);
    put_strings(f.anchors, out);
  }
  encode_u64(d.recommendations.size(), out);
  for (const Recommendation& r : d.recommendations) {
    encode_string(r.address, out);
    encode_string(r.kind, out);
    encode_string(r.addressee, out);
    encode_string(r.text, out);
    put_strings(r.recommended_by, out);
    encode_string(r.position, out);
    encode_string(r.verb, out);
    encode_string(r.position_note, out);
    encode_string(r.position_source, out);
  }
  encode_u64(d.references.size(), out);
  for (const Reference& r : d.references) {
    encode_string(r.type, out);
    encode_string(r.id, out);
    encode_string(r.address, out);
    encode_string(r.text, out);
    encode_u64(r.begin, out);
    encode_u64(r.end, out);
  }
  put_strings(d.furniture, out);
  encode_u64(d.diagnostics.size(), out);
  for (const Diagnostic& g : d.diagnostics) {
    encode_u64(static_cast<std::uint64_t>(g.severity), out);
    encode_string(g.message, out);
    put_span(g.span, out);
    encode_string(g.code, out);
    encode_u64(g.lost, out);
  }
  encode_u64(d.links.size(), out);
  for (const DocumentLink& l : d.links) {
    encode_string(l.relation, out);
    encode_string(l.document, out);
  }
  encode_u64(d.metadata.size(), out);
  for (const Metadata& m : d.metadata) {
    encode_string(m.key, out);
    encode_string(m.value, out);
  }
  encode_u64(version ? 0 : d.versions.size(), out);
  if (!version)
    for (const Document& v : d.versions) put_document(v, out, true);
}

Document get_document(std::string_view& in, bool version) {
  Document d;
  for (std::string* s : {&d.id, &d.symbol, &d.title, &d.date, &d.place, &d.body, &d.language, &d.source,
                         &d.sha256, &d.reader})
    *s = decode_string(in);
  d.sections.resize(get_count(in, 40));
  for (Section& s : d.sections) {
    s.label = decode_string(in);
    s.title = decode_string(in);
    s.kind = decode_string(in);
    s.level = get_int(in);
    s.parent = get_int(in);
  }
  d.blocks.resize(get_count(in, 96));
  for (Block& b : d.blocks) {
    b.address = decode_string(in);
    b.number = decode_string(in);
    const std::uint64_t kind = decode_u64(in);
    if (kind > static_cast<std::uint64_t>(BlockKind::footnote_body))
      throw std::runtime_error("encoded document: unknown block kind");
    b.kind = static_cast<BlockKind>(kind);
    b.section = get_int(in);
    b.marker = decode_string(in);
    b.text = decode_string(in);
    b.footnote_refs = get_strings(in);
    b.cells.resize(get_count(in, 8));
    for (auto& row : b.cells) row = get_strings(in);
    b.same_as = decode_string(in);
    b.span = get_span(in);
  }
  d.footnotes.resize(get_count(in, 24));
  for (Footnote& f : d.footnotes) {
    f.label = decode_string(in);
    f.text = decode_string(in);
    f.anchors = get_strings(in);
  }
  d.recommendations.resize(get_count(in, 40));
  for (Recommendation& r : d.recommendations) {
    r.address = decode_string(in);
    r.kind = decode_string(in);
    r.addressee = decode_string(in);
    r.text = decode_string(in);
    r.recommended_by = get_strings(in);
    r.position = decode_string(in);
    r.verb = decode_string(in);
    r.position_note = decode_string(in);
    r.position_source = decode_string(in);
  }
  d.references.resize(get_count(in, 48));
  for (Reference& r : d.references) {
    r.type = decode_string(in);
    r.id = decode_string(in);
    r.address = decode_string(in);
    r.text = decode_string(in);
    r.begin = static_cast<std::size_t>(decode_u64(in));
    r.end = static_cast<std::size_t>(decode_u64(in));
  }
  d.furniture = get_strings(in);
  d.diagnostics.resize(get_count(in, 32));
  for (Diagnostic& g : d.diagnostics) {
    const std::uint64_t severity = decode_u64(in);
    if (severity > static_cast<std::uint64_t>(Diagnostic::Severity::error))
      throw std::runtime_error("encoded document: unknown severity");
    g.severity = static_cast<Diagnostic::Severity>(severity);
    g.message = decode_string(in);
    g.span = get_span(in);
    g.code = decode_string(in);
    const std::uint64_t lost = decode_u64(in);
    if (lost > UINT32_MAX) throw std::runtime_error("encoded document: number out of range");
    g.lost = static_cast<std::uint32_t>(lost);
  }
  d.links.resize(get_count(in, 16));
  for (DocumentLink& l : d.links) {
    l.relation = decode_string(in);
    l.document = decode_string(in);
  }
  d.metadata.resize(get_count(in, 16));
  for (Metadata& m : d.metadata) {
    m.key = decode_string(in);
    m.value = decode_string(in);
  }
  d.versions.resize(get_count(in, 64));
  if (version && !d.versions.empty()) throw std::runtime_error("encoded document: a version with versions");
  for (Document& v : d.versions) v = get_document(in, true);
  return d;
}

}  // namespace

void encode_document(const Document& d, std::string& out) {
  out += kMagic;
  put_document(d, out, false);
}

Document decode_document(std::string_view in) {
  if (in.substr(0, kMagic.size()) != kMagic) throw std::runtime_error("encoded document: not of this version");
  in.remove_prefix(kMagic.size());
  Document d = get_document(in, false);
  if (!in.empty()) throw std::runtime_error("encoded document: bytes after the end");
  return d;
}

}  // namespace dossier::host
