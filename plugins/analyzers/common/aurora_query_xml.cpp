// load_queries(): the Aurora query files (query_SDGn.xml) read into TargetQuery records.
#include "aurora.hpp"
#include "aurora_parser.hpp"

#include <stdexcept>
#include <utility>

#include <dossier/domain/white_space.hpp>
#include <pugixml.hpp>

namespace dossier::aurora {

using detail::field_code;
using detail::iequals;
using detail::proximity;

namespace {

std::string_view local_name(const char* name) {
  std::string_view n(name);
  const auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

std::vector<pugi::xml_node> children(pugi::xml_node parent, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (auto c : parent.children())
    if (c.type() == pugi::node_element && local_name(c.name()) == name) out.push_back(c);
  return out;
}

pugi::xml_node child(pugi::xml_node parent, std::string_view name) {
  for (auto c : parent.children())
    if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
  return {};
}

// The text of a node with runs of white space collapsed to one space, trimmed.
std::string collapsed_text(pugi::xml_node n) {
  std::string raw;
  for (auto c : n.children())
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) raw += c.value();
  return normalise_space(raw);
}

bool starts_with_binary_operator(const std::string& line) {
  const auto end = line.find_first_of(" (\"{");
  const std::string_view w = std::string_view(line).substr(0, end);
  std::uint32_t n = 0;
  return iequals(w, "and") || iequals(w, "or") || iequals(w, "not") || proximity(w, "w", n) ||
         proximity(w, "pre", n);
}

}  // namespace

std::vector<TargetQuery> load_queries(const std::string& xml_content) {
  pugi::xml_document doc;
  const auto res = doc.load_buffer(xml_content.data(), xml_content.size());
  if (!res) {
    throw std::runtime_error(std::string("aurora: malformed query XML: ") + res.description() + " at offset " +
                             std::to_string(res.offset));
  }
  const auto root = doc.document_element();
  std::vector<pugi::xml_node> query_elements;
  if (local_name(root.name()) == "query") {
    query_elements.push_back(root);
  } else if (local_name(root.name()) == "querySet") {
    query_elements = children(root, "query");
  } else {
    throw std::runtime_error(std::string("aurora: not an Aurora query file (root element <") + root.name() + ">)");
  }

  std::vector<TargetQuery> out;
  for (const auto& q : query_elements) {
    std::string goal;
    for (const auto& id : children(q, "identifier"))
      if (std::string_view(id.attribute("type").value()) == "sdg") goal = collapsed_text(id);
    if (goal.empty()) throw std::runtime_error("aurora: query without an SDG identifier (<dc:identifier type=\"sdg\">)");

    for (const auto& def : children(child(q, "query-definitions"), "query-definition")) {
      const std::string sub = collapsed_text(child(def, "subquery-identifier"));
      TargetQuery tq;
      tq.goal = goal;
      // "0" (SDG13) and a missing identifier mark a goal-level query.
      tq.target = sub.empty() || sub == "0" ? goal : sub.find('.') != std::string::npos ? sub : goal + "." + sub;

      // Query lines, a line starting with a binary operator continuing the one before.
      std::vector<std::pair<std::string, std::string>> parts;  // field code, text
      for (const auto& lines : children(def, "query-lines")) {
        for (const auto& line : children(lines, "query-line")) {
          std::string text = collapsed_text(line);
          if (text.empty()) continue;
          if (!parts.empty() && starts_with_binary_operator(text)) {
            parts.back().second += " " + text;
          } else {
            std::string field = line.attribute("field").value();
            if (!field_code(field)) field.clear();
            parts.emplace_back(std::move(field), std::move(text));
          }
        }
      }
      if (parts.empty()) continue;
      for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) tq.text += " OR ";
        if (!parts[i].first.empty()) tq.text += parts[i].first + " ";
        tq.text += "( " + parts[i].second + " )";
      }
      out.push_back(std::move(tq));
    }
  }
  return out;
}

}  // namespace dossier::aurora
