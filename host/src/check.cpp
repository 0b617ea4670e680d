#include "check.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "dossier/domain/citation.hpp"
#include "health.hpp"
#include "logging.hpp"
#include "pipeline.hpp"

namespace dossier::host {

namespace {

std::string pad(const std::string& s, std::size_t width) {
  return s + std::string(width - std::min(width, s.size()) + 2, ' ');
}

// "    warning numbering.gap: paragraphs 12 to 15 are missing [lost 4; lines 120-140]"; the code
// only when there is one.
// The message as people read it: the addresses in it written as citations (cite_places_in).
std::string diagnostic_line(const Diagnostic& d, const std::string& message) {
  std::string line = "    " + std::string(to_string(d.severity)) + (d.code.empty() ? "" : " " + d.code) + ": " + message;
  std::string notes;
  if (d.lost > 0) notes = "lost " + std::to_string(d.lost);
  if (d.span.first_line > 0) {
    notes += (notes.empty() ? "" : "; ") + std::string(d.span.last_line > d.span.first_line ? "lines " : "line ") +
             std::to_string(d.span.first_line);
    if (d.span.last_line > d.span.first_line) notes += "-" + std::to_string(d.span.last_line);
  }
  return notes.empty() ? line : line + " [" + notes + "]";
}

void print_text(const Corpus& corpus, const std::vector<std::string>& skipped, const CorpusHealth& health,
                bool verbose, std::ostream& out) {
  std::size_t w_id = 0, w_source = 0;
  for (const Document& d : corpus.documents) {
    w_id = std::max(w_id, printable(cited_name(d)).size() + (d.versions.empty() ? 0 : 5));
    w_source = std::max(w_source, printable(d.source).size());
    for (const Document& v : d.versions) w_source = std::max(w_source, printable(v.source).size());
  }
  const auto print = [&](const Document& d, const std::string& name) {
    const bool healthy = std::none_of(d.diagnostics.begin(), d.diagnostics.end(), is_health_problem);
    // Names and messages come from the input: escaped, as in the log (logging.hpp).
    out << pad(healthy ? "ok" : "WARN", 4) << pad(printable(name), w_id) << pad(printable(d.source), w_source)
        << d.blocks.size()
        << " paragraphs, " << d.recommendations.size() << " recommendations\n";
    for (const Diagnostic& g : d.diagnostics)
      if (verbose || is_health_problem(g)) out << printable(diagnostic_line(g, cite_places_in(g.message, d))) << "\n";
  };
  for (const Document& d : corpus.documents) {
    print(d, cited_name(d));
    for (const Document& v : d.versions) print(v, cited_name(d) + " [" + v.language + "]");
  }
  for (const auto& s : skipped) out << pad("FAIL", 4) << printable(s) << "\n";
  out << health.documents << " documents: " << health.documents - health.unhealthy.size() << " ok, "
      << health.unhealthy.size() << " with warnings";
  if (!health.lost.empty()) out << "; " << lost_text(health.lost);
  if (!skipped.empty()) out << "; " << skipped.size() << " source(s) not read";
  out << "\n";
}

nlohmann::ordered_json check_json(const Corpus& corpus, const std::vector<std::string>& skipped,
                                  const CorpusHealth& health) {
  nlohmann::ordered_json out = health_json(health);
  nlohmann::ordered_json sources = nlohmann::ordered_json::array();
  const auto add = [&](const Document& d, const std::string& id) {
    const auto problems = std::count_if(d.diagnostics.begin(), d.diagnostics.end(), is_health_problem);
    sources.push_back({{"document", id},
                       {"language", d.language},
                       {"source", d.source},
                       {"reader", d.reader},
                       {"status", problems ? "warn" : "ok"},
                       {"warnings", problems},
                       {"paragraphs", d.blocks.size()},
                       {"recommendations", d.recommendations.size()},
                       {"footnotes", d.footnotes.size()},
                       {"sections", d.sections.size()}});
  };
  for (const Document& d : corpus.documents) {
    add(d, d.id);
    for (const Document& v : d.versions) add(v, d.id);
  }
  out["sources"] = std::move(sources);
  out["skipped"] = skipped;
  return out;
}

}  // namespace

int check_sources(const std::vector<std::string>& sources, const PluginRegistry& registry, const BuildInfo& build,
                  const CheckOptions& options, std::ostream& out) {
  std::vector<std::string> skipped;
  // As `run` reads them, without the store: a check writes nothing.
  const ReadResult read =
      read_sources(sources, registry, build, skipped,
                   {nullptr, false, options.catalogue, options.threads, 0, 0, options.follow_symlinks});
  const CorpusHealth health = corpus_health(read.corpus);
  if (options.json)
    // A file name need not be UTF-8; JSON must be (such bytes become U+FFFD).
    out << check_json(read.corpus, skipped, health)
               .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
        << "\n";
  else
    print_text(read.corpus, skipped, health, options.verbose, out);
  if (read.corpus.documents.empty()) return exit_input;
  return skipped.empty() && health.unhealthy.empty() ? exit_ok : exit_partial;
}

}  // namespace dossier::host
