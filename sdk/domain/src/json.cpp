#include "dossier/domain/json.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

namespace {

using json = nlohmann::ordered_json;

SourceSpan span_from(const json& j) {
  SourceSpan s;
  if (j.is_array() && j.size() == 2) {
    s.first_line = j[0].get<std::uint32_t>();
    s.last_line = j[1].get<std::uint32_t>();
  }
  return s;
}

std::string dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> strings(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? it->get<std::vector<std::string>>() : std::vector<std::string>();
}

// Compact JSON written straight into a string: a document's JSON is made for every document
// of every build (store, analysis keys, corpus.json), and building an nlohmann tree first
// cost more than parsing the document. The bytes are those nlohmann's compact dump gives
// (test_json compares them), so stored documents and analysis keys stay the same.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  void open(char c) {
    separate();
    out_ += c;
    first_ = true;
  }
  void close(char c) {
    out_ += c;
    first_ = false;
  }
  // Keys are ASCII literals of this file: nothing to escape.
  void key(const char* k) {
    separate();
    out_ += '"';
    out_ += k;
    out_ += "\":";
    first_ = true;  // the value follows without a comma
  }
  void value(std::string_view v) {
    separate();
    quote(v);
  }
  void value(long long v) {
    separate();
    out_ += std::to_string(v);
  }
  void value(unsigned long long v) {
    separate();
    out_ += std::to_string(v);
  }
  void raw(std::string_view literal) {
    separate();
    out_ += literal;
  }
  void value(const std::vector<std::string>& list) {
    open('[');
    for (const std::string& item : list) value(item);
    close(']');
  }
  void span(const SourceSpan& span) {
    open('[');
    value(static_cast<unsigned long long>(span.first_line));
    value(static_cast<unsigned long long>(span.last_line));
    close(']');
  }
  template <class T>
  void field(const char* k, const T& v) {
    key(k);
    value(v);
  }
  void field(const char* k, int v) {
    key(k);
    value(static_cast<long long>(v));
  }

 private:
  void separate() {
    if (!first_) out_ += ',';
    first_ = false;
  }

  // As nlohmann's serializer with ensure_ascii off and error_handler_t::replace: the JSON
  // escapes, other control characters as \u00xx, each broken UTF-8 sequence as U+FFFD.
  void quote(std::string_view v) {
    out_ += '"';
    static const char* const hex = "0123456789abcdef";
    std::size_t i = 0;
    while (i < v.size()) {
      // Printable ASCII but the quote and backslash, most of any text, is copied a run at a time.
      std::size_t run = i;
      while (run < v.size()) {
        const auto b = static_cast<unsigned char>(v[run]);
        if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\') break;
        ++run;
      }
      if (run > i) {
        out_.append(v.data() + i, run - i);
        i = run;
        continue;
      }
      const auto c = static_cast<unsigned char>(v[i]);
      if (c < 0x80) {
        switch (c) {
          case '"': out_ += "\\\""; break;
          case '\\': out_ += "\\\\"; break;
          case '\b': out_ += "\\b"; break;
          case '\f': out_ += "\\f"; break;
          case '\n': out_ += "\\n"; break;
          case '\r': out_ += "\\r"; break;
          case '\t': out_ += "\\t"; break;
          default:
            if (c < 0x20) {
              out_ += "\\u00";
              out_ += hex[c >> 4];
              out_ += hex[c & 15];
            } else {
              out_ += static_cast<char>(c);
            }
        }
        ++i;
        continue;
      }
      std::size_t length = 0;
      if (well_formed(v, i, length)) {
        out_.append(v.data() + i, length);
      } else {
        out_ += "\xEF\xBF\xBD";
      }
      i += length;
    }
    out_ += '"';
  }

  // The UTF-8 sequence at `i` (RFC 3629): true and its length when well formed; else false
  // and how many bytes one U+FFFD replaces: the bytes read before the one that broke the
  // sequence, which is read again as the start of the next (as nlohmann's decoder does).
  static bool well_formed(std::string_view v, std::size_t i, std::size_t& length) {
    const auto c = static_cast<unsigned char>(v[i]);
    std::size_t expected = 0;
    unsigned lo = 0x80, hi = 0xBF;  // range of the first continuation byte
    if (c >= 0xC2 && c <= 0xDF) expected = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      expected = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      expected = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      length = 1;
      return false;
    }
    for (std::size_t k = 1; k < expected; ++k) {
      const unsigned b = i + k < v.size() ? static_cast<unsigned char>(v[i + k]) : 0u;
      const bool ok = k == 1 ? b >= lo && b <= hi : (b & 0xC0u) == 0x80u;
      if (!ok) {
        length = k;
        return false;
      }
    }
    length = expected;
    return true;
  }

  std::string& out_;
  bool first_ = true;
};

std::string document_json(const Document& d) {
  std::string out;
  out.reserve(1024 + d.blocks.size() * 400);
  Writer w(out);
  w.open('{');
  w.field("id", d.id);
  w.field("symbol", d.symbol);
  w.field("title", d.title);
  w.field("date", d.date);
  w.field("place", d.place);
  w.field("body", d.body);
  w.field("language", d.language);
  w.field("source", d.source);
  w.field("sha256", d.sha256);
  w.field("reader", d.reader);
  if (!d.metadata.empty()) {  // optional: absent when the reader found none
    w.key("metadata");
    w.open('[');
    for (const Metadata& m : d.metadata) {
      w.open('{');
      w.field("key", m.key);
      w.field("value", m.value);
      w.close('}');
    }
    w.close(']');
  }

  // Each section's path once, not once per paragraph.
  std::vector<std::string> paths(d.sections.size());
  for (std::size_t i = 0; i < d.sections.size(); ++i) paths[i] = d.section_path(static_cast<int>(i));
  const auto path_of = [&](int section) {
    return section >= 0 && static_cast<std::size_t>(section) < paths.size() ? paths[static_cast<std::size_t>(section)]
                                                                             : d.section_path(section);
  };

  w.key("sections");
  w.open('[');
  for (std::size_t i = 0; i < d.sections.size(); ++i) {
    const Section& s = d.sections[i];
    w.open('{');
    w.field("path", paths[i]);
    w.field("label", s.label);
    w.field("title", s.title);
    w.field("kind", s.kind);
    w.field("level", s.level);
    w.field("parent", s.parent);
    w.close('}');
  }
  w.close(']');

  w.key("paragraphs");
  w.open('[');
  for (const Block& b : d.blocks) {
    w.open('{');
    w.field("address", b.address);
    w.field("number", b.number);
    w.field("kind", to_string(b.kind));
    w.field("section", path_of(b.section));
    w.field("section_index", b.section);
    w.field("text", b.text);
    if (!b.marker.empty()) w.field("marker", b.marker);
    if (!b.footnote_refs.empty()) w.field("footnotes", b.footnote_refs);
    if (!b.cells.empty()) {
      w.key("cells");
      w.open('[');
      for (const auto& row : b.cells) w.value(row);
      w.close(']');
    }
    if (!b.same_as.empty()) w.field("same_as", b.same_as);
    w.key("lines");
    w.span(b.span);
    w.close('}');
  }
  w.close(']');

  w.key("footnotes");
  w.open('[');
  for (const Footnote& f : d.footnotes) {
    w.open('{');
    w.field("label", f.label);
    w.field("text", f.text);
    w.field("anchors", f.anchors);
    w.close('}');
  }
  w.close(']');

  w.key("recommendations");
  w.open('[');
  for (const Recommendation& r : d.recommendations) {
    w.open('{');
    w.field("address", r.address);
    w.field("kind", r.kind);
    w.field("addressee", r.addressee);
    w.field("text", r.text);
    if (!r.recommended_by.empty()) w.field("recommended_by", r.recommended_by);
    if (!r.position.empty()) w.field("position", r.position);
    if (!r.position_note.empty()) w.field("position_note", r.position_note);
    if (!r.position_source.empty()) w.field("position_source", r.position_source);
    if (!r.verb.empty()) w.field("verb", r.verb);
    w.close('}');
  }
  w.close(']');

  w.key("references");
  w.open('[');
  for (const Reference& r : d.references) {
    w.open('{');
    w.field("type", r.type);
    w.field("id", r.id);
    w.field("address", r.address);
    w.field("text", r.text);
    if (r.end > 0) {  // absent when unknown
      w.key("span");
      w.open('[');
      w.value(static_cast<unsigned long long>(r.begin));
      w.value(static_cast<unsigned long long>(r.end));
      w.close(']');
    }
    w.close('}');
  }
  w.close(']');

  w.key("links");
  w.open('[');
  for (const DocumentLink& l : d.links) {
    w.open('{');
    w.field("relation", l.relation);
    w.field("document", l.document);
    w.close('}');
  }
  w.close(']');

  w.field("furniture", d.furniture);
  w.key("diagnostics");
  w.open('[');
  for (const Diagnostic& g : d.diagnostics) {
    w.open('{');
    w.field("severity", to_string(g.severity));
    w.field("message", g.message);
    w.key("lines");
    w.span(g.span);
    if (!g.code.empty()) w.field("code", g.code);
    if (g.lost > 0) w.field("lost", static_cast<unsigned long long>(g.lost));
    w.close('}');
  }
  w.close(']');
  if (!d.versions.empty()) {  // optional: only a document read in several languages has them
    w.key("versions");
    w.open('[');
    for (const Document& v : d.versions) w.raw(document_json(v));
    w.close(']');
  }
  w.close('}');
  return out;
}

}  // namespace

std::string to_json(const Document& document, int indent) {
  std::string compact = document_json(document);
  return indent < 0 ? compact : dump(json::parse(compact), indent);
}

std::string to_json(const Annotation& a, int indent) {
  std::string out;
  out.reserve(256);
  Writer w(out);
  w.open('{');
  w.field("subject", a.subject);
  w.field("scheme", a.scheme);
  w.field("code", a.code);
  w.field("level", a.level);
  w.key("score");
  w.raw(json(a.score).dump());  // nlohmann's shortest form of a double ("0.85", "1.0")
  w.field("evidence", a.evidence);
  w.field("analyzer", a.analyzer);
  w.field("analyzer_version", a.analyzer_version);
  w.close('}');
  return indent < 0 ? out : dump(json::parse(out), indent);
}

Document document_from_json(std::string_view text) {
  json j;
  try {
    j = json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("malformed document JSON: ") + e.what());
  }
  if (!j.is_object()) throw std::runtime_error("malformed document JSON: not an object");
  try {
    Document d;
    d.id = str(j, "id");
    d.symbol = str(j, "symbol");
    d.title = str(j, "title");
    d.date = str(j, "date");
    d.place = str(j, "place");
    d.body = str(j, "body");
    d.language = str(j, "language");
    d.source = str(j, "source");
    d.sha256 = str(j, "sha256");
    d.reader = str(j, "reader");
    for (const auto& m : j.value("metadata", json::array())) d.metadata.push_back({str(m, "key"), str(m, "value")});
    for (const auto& s : j.value("sections", json::array()))
      d.sections.push_back({str(s, "label"), str(s, "title"), str(s, "kind"), s.value("level", 1), s.value("parent", -1)});
    for (const auto& p : j.value("paragraphs", json::array())) {
      Block b;
      b.address = str(p, "address");
      b.number = str(p, "number");
      if (!parse_block_kind(str(p, "kind"), b.kind)) b.kind = BlockKind::text;
      b.section = p.value("section_index", -1);
      b.marker = str(p, "marker");
      b.text = str(p, "text");
      b.footnote_refs = strings(p, "footnotes");
      if (p.contains("cells")) b.cells = p["cells"].get<std::vector<std::vector<std::string>>>();
      b.same_as = str(p, "same_as");
      b.span = span_from(p.value("lines", json::array()));
      d.blocks.push_back(std::move(b));
    }
    for (const auto& f : j.value("footnotes", json::array()))
      d.footnotes.push_back({str(f, "label"), str(f, "text"), strings(f, "anchors")});
    for (const auto& r : j.value("recommendations", json::array()))
      d.recommendations.push_back({str(r, "address"), str(r, "kind"), str(r, "addressee"), str(r, "text"),
                                   strings(r, "recommended_by"), str(r, "position"),
                                   str(r, "position_note"), str(r, "position_source"), str(r, "verb")});
    for (const auto& r : j.value("references", json::array())) {
      Reference ref{str(r, "type"), str(r, "id"), str(r, "address"), str(r, "text")};
      const json span = r.value("span", json::array());
      if (span.size() == 2 && span[0].is_number_unsigned() && span[1].is_number_unsigned()) {
        ref.begin = span[0].get<std::size_t>();
        ref.end = span[1].get<std::size_t>();
      }
      d.references.push_back(std::move(ref));
    }
    for (const auto& l : j.value("links", json::array())) d.links.push_back({str(l, "relation"), str(l, "document")});
    d.furniture = strings(j, "furniture");
    for (const auto& g : j.value("diagnostics", json::array())) {
      Diagnostic diag;
      const std::string severity = str(g, "severity");
      diag.severity = severity == "info"    ? Diagnostic::Severity::info
                      : severity == "error" ? Diagnostic::Severity::error
                                            : Diagnostic::Severity::warning;
      diag.message = str(g, "message");
      diag.span = span_from(g.value("lines", json::array()));
      diag.code = str(g, "code");
      diag.lost = g.value("lost", 0u);
      d.diagnostics.push_back(std::move(diag));
    }
    for (const auto& v : j.value("versions", json::array())) d.versions.push_back(document_from_json(v.dump()));
    return d;
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("malformed document JSON: ") + e.what());
  }
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
