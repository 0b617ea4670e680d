// The model's fields as corpus.json has them (docs/json-schema.md): names, order, which are
// left out when empty. Listed once per struct, for json.cpp's writer and its reader alike,
// so that what is written and what is read back cannot disagree.
#pragma once

#include <type_traits>

#include "dossier/model.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN
namespace detail::json_fields {

// One list serves both sides: `S` is const for the writer.
template <class S, class T>
using if_struct = std::enable_if_t<std::is_same_v<std::remove_const_t<S>, T>>;

// What a visitor `v` is shown, in the order written:
//   v(key, field)                 always written
//   v.optional(key, field)        written only when not empty (not zero)
//   v.section_path(key, of)       the section's path ("IV.B"): written for readers of the
//                                 file, not read back (the section tree holds it)
//   v.offsets(key, begin, end)    [begin, end], written only when end > 0 (known)

template <class V, class S>
if_struct<S, Metadata> fields(V& v, S& m) {
  v("key", m.key); v("value", m.value);
}

template <class V, class S>
if_struct<S, Section> fields(V& v, S& s) {
  v.section_path("path", s);
  v("label", s.label); v("title", s.title); v("kind", s.kind);
  v("level", s.level); v("parent", s.parent);
}

template <class V, class S>
if_struct<S, Block> fields(V& v, S& b) {
  v("address", b.address); v("number", b.number); v("kind", b.kind);
  v.section_path("section", b.section);
  v("section_index", b.section); v("text", b.text);
  v.optional("marker", b.marker); v.optional("footnotes", b.footnote_refs);
  v.optional("cells", b.cells); v.optional("same_as", b.same_as);
  v("lines", b.span);
}

template <class V, class S>
if_struct<S, Footnote> fields(V& v, S& f) {
  v("label", f.label); v("text", f.text); v("anchors", f.anchors);
}

template <class V, class S>
if_struct<S, Recommendation> fields(V& v, S& r) {
  v("address", r.address); v("kind", r.kind); v("addressee", r.addressee); v("text", r.text);
  v.optional("recommended_by", r.recommended_by); v.optional("position", r.position);
  v.optional("position_note", r.position_note); v.optional("position_source", r.position_source);
  v.optional("verb", r.verb);
}

template <class V, class S>
if_struct<S, Reference> fields(V& v, S& r) {
  v("type", r.type); v("id", r.id); v("address", r.address); v("text", r.text);
  v.offsets("span", r.begin, r.end);
}

template <class V, class S>
if_struct<S, DocumentLink> fields(V& v, S& l) {
  v("relation", l.relation); v("document", l.document);
}

template <class V, class S>
if_struct<S, Diagnostic> fields(V& v, S& g) {
  v("severity", g.severity); v("message", g.message); v("lines", g.span);
  v.optional("code", g.code); v.optional("lost", g.lost);
}

template <class V, class S>
if_struct<S, Document> fields(V& v, S& d) {
  v("id", d.id); v("symbol", d.symbol); v("title", d.title); v("date", d.date); v("place", d.place);
  v("body", d.body); v("language", d.language); v("source", d.source); v("sha256", d.sha256);
  v("reader", d.reader);
  v.optional("metadata", d.metadata);  // absent when the reader found none
  v("sections", d.sections); v("paragraphs", d.blocks); v("footnotes", d.footnotes);
  v("recommendations", d.recommendations); v("references", d.references); v("links", d.links);
  v("furniture", d.furniture); v("diagnostics", d.diagnostics);
  v.optional("versions", d.versions);  // only a document read in several languages has them
}

template <class V, class S>
if_struct<S, Annotation> fields(V& v, S& a) {
  v("subject", a.subject); v("scheme", a.scheme); v("code", a.code); v("level", a.level);
  v("score", a.score); v("evidence", a.evidence); v("analyzer", a.analyzer);
  v("analyzer_version", a.analyzer_version);
}

}  // namespace detail::json_fields
DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
