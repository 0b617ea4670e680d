#include "dossier/json.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

namespace {

using json = nlohmann::ordered_json;

json span_json(const SourceSpan& span) { return json::array({span.first_line, span.last_line}); }

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

json document_json(const Document& d) {
  json doc = {{"id", d.id},         {"symbol", d.symbol}, {"title", d.title},     {"date", d.date},
              {"place", d.place},   {"body", d.body},     {"language", d.language},
              {"source", d.source}, {"sha256", d.sha256}, {"reader", d.reader}};

  json sections = json::array();
  for (std::size_t i = 0; i < d.sections.size(); ++i) {
    const Section& s = d.sections[i];
    sections.push_back({{"path", d.section_path(static_cast<int>(i))},
                        {"label", s.label},
                        {"title", s.title},
                        {"kind", s.kind},
                        {"level", s.level},
                        {"parent", s.parent}});
  }
  doc["sections"] = std::move(sections);

  json paragraphs = json::array();
  for (const Block& b : d.blocks) {
    json p = {{"address", b.address},
              {"number", b.number},
              {"kind", std::string(to_string(b.kind))},
              {"section", d.section_path(b.section)},
              {"section_index", b.section},
              {"text", b.text}};
    if (!b.marker.empty()) p["marker"] = b.marker;
    if (!b.footnote_refs.empty()) p["footnotes"] = b.footnote_refs;
    if (!b.cells.empty()) p["cells"] = b.cells;
    if (!b.same_as.empty()) p["same_as"] = b.same_as;
    p["lines"] = span_json(b.span);
    paragraphs.push_back(std::move(p));
  }
  doc["paragraphs"] = std::move(paragraphs);

  json footnotes = json::array();
  for (const Footnote& f : d.footnotes)
    footnotes.push_back({{"label", f.label}, {"text", f.text}, {"anchors", f.anchors}});
  doc["footnotes"] = std::move(footnotes);

  json recommendations = json::array();
  for (const Recommendation& r : d.recommendations) {
    json j = {{"address", r.address}, {"kind", r.kind}, {"addressee", r.addressee}, {"text", r.text}};
    if (!r.recommended_by.empty()) j["recommended_by"] = r.recommended_by;
    recommendations.push_back(std::move(j));
  }
  doc["recommendations"] = std::move(recommendations);

  json references = json::array();
  for (const Reference& r : d.references) {
    json ref = {{"type", r.type}, {"id", r.id}, {"address", r.address}, {"text", r.text}};
    if (r.end > 0) ref["span"] = json::array({r.begin, r.end});  // absent when unknown
    references.push_back(std::move(ref));
  }
  doc["references"] = std::move(references);

  json links = json::array();
  for (const DocumentLink& l : d.links) links.push_back({{"relation", l.relation}, {"document", l.document}});
  doc["links"] = std::move(links);

  doc["furniture"] = d.furniture;
  json diagnostics = json::array();
  for (const Diagnostic& g : d.diagnostics)
    diagnostics.push_back({{"severity", std::string(to_string(g.severity))},
                           {"message", g.message},
                           {"lines", span_json(g.span)}});
  doc["diagnostics"] = std::move(diagnostics);
  return doc;
}

}  // namespace

std::string to_json(const Document& document, int indent) { return dump(document_json(document), indent); }

std::string to_json(const Annotation& a, int indent) {
  return dump(json{{"subject", a.subject},
                   {"scheme", a.scheme},
                   {"code", a.code},
                   {"level", a.level},
                   {"score", a.score},
                   {"evidence", a.evidence},
                   {"analyzer", a.analyzer},
                   {"analyzer_version", a.analyzer_version}},
              indent);
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
      d.recommendations.push_back(
          {str(r, "address"), str(r, "kind"), str(r, "addressee"), str(r, "text"), strings(r, "recommended_by")});
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
      d.diagnostics.push_back(std::move(diag));
    }
    return d;
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("malformed document JSON: ") + e.what());
  }
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
