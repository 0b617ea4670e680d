#include "health.hpp"

#include <spdlog/spdlog.h>

#include "dossier/domain/citation.hpp"

namespace dossier::host {

namespace {

// How many of a document's problems its summary line quotes; the manifest has them all.
constexpr std::size_t quoted_per_document = 3;

std::string file_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

bool is_health_problem(const Diagnostic& d) noexcept {
  return d.severity != Diagnostic::Severity::info || d.lost > 0;
}

CorpusHealth corpus_health(const Corpus& corpus) {
  CorpusHealth health;
  health.documents = corpus.documents.size();
  const auto add = [&](const Document& doc, const std::string& id, const std::string& name) {
    DocumentHealth entry{id, doc.source, {}, name, {}};
    for (const Diagnostic& d : doc.diagnostics) {
      if (!is_health_problem(d)) continue;
      entry.problems.push_back(d);
      entry.messages.push_back(cite_places_in(d.message, doc));
      if (d.lost > 0) health.lost[d.code.empty() ? "other" : d.code] += d.lost;
    }
    if (!entry.problems.empty()) health.unhealthy.push_back(std::move(entry));
  };
  for (const Document& doc : corpus.documents) {
    add(doc, doc.id, cited_name(doc));
    // A language version is read from a file of its own, which may be damaged on its own.
    for (const Document& version : doc.versions)
      add(version, doc.id + " [" + version.language + "]", cited_name(doc) + " [" + version.language + "]");
  }
  return health;
}

nlohmann::ordered_json diagnostic_json(const Diagnostic& d) {
  return {{"code", d.code},
          {"severity", std::string(to_string(d.severity))},
          {"message", d.message},
          {"lost", d.lost},
          {"lines", {d.span.first_line, d.span.last_line}}};
}

nlohmann::ordered_json health_json(const CorpusHealth& health) {
  nlohmann::ordered_json problems = nlohmann::ordered_json::array();
  for (const DocumentHealth& doc : health.unhealthy) {
    nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
    for (const Diagnostic& d : doc.problems) diagnostics.push_back(diagnostic_json(d));
    problems.push_back({{"document", doc.document},
                        {"source", doc.source},
                        {"warnings", doc.problems.size()},
                        {"diagnostics", std::move(diagnostics)}});
  }
  nlohmann::ordered_json lost = nlohmann::ordered_json::object();
  for (const auto& [code, count] : health.lost) lost[code] = count;
  return {{"documents", health.documents},
          {"with_warnings", health.unhealthy.size()},
          {"lost", std::move(lost)},
          {"problems", std::move(problems)}};
}

std::string lost_text(const std::map<std::string, std::uint64_t>& lost) {
  std::string text;
  for (const auto& [code, count] : lost)
    text += (text.empty() ? "looks lost: " : ", ") + std::to_string(count) + " " + code;
  return text;
}

std::vector<std::string> health_summary(const CorpusHealth& health, std::size_t max_documents,
                                        std::string_view more) {
  std::vector<std::string> lines;
  std::string head = "corpus health: " + std::to_string(health.documents) + " documents, ";
  if (health.unhealthy.empty()) {
    lines.push_back(head + "none with warnings");
    return lines;
  }
  head += std::to_string(health.unhealthy.size()) + " with warnings";
  if (!health.lost.empty()) head += "; " + lost_text(health.lost);
  lines.push_back(std::move(head));
  for (std::size_t i = 0; i < health.unhealthy.size() && i < max_documents; ++i) {
    const DocumentHealth& doc = health.unhealthy[i];
    // Named as people cite it, then by its file unless that is the name already.
    const std::string name = doc.name.empty() ? doc.document : doc.name, file = file_name(doc.source);
    std::string line = "  " + name + (name == file ? "" : " (" + file + ")") + ": ";
    for (std::size_t k = 0; k < doc.problems.size() && k < quoted_per_document; ++k) {
      const Diagnostic& d = doc.problems[k];
      line += (k ? "; " : "") + (d.code.empty() ? std::string() : d.code + ": ") +
              (k < doc.messages.size() ? doc.messages[k] : d.message);
    }
    if (doc.problems.size() > quoted_per_document)
      line += "; and " + std::to_string(doc.problems.size() - quoted_per_document) + " more";
    lines.push_back(std::move(line));
  }
  if (health.unhealthy.size() > max_documents)
    lines.push_back("  and " + std::to_string(health.unhealthy.size() - max_documents) + " more" + std::string(more));
  return lines;
}

void log_health(const CorpusHealth& health, std::size_t max_documents, std::string_view more) {
  const auto level = health.unhealthy.empty() ? spdlog::level::info : spdlog::level::warn;
  for (const auto& line : health_summary(health, max_documents, more)) spdlog::log(level, "{}", line);
}

}  // namespace dossier::host
