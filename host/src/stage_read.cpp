// Reads the sources of a build and decides whether it goes on (stage_read.hpp).
#include "stage_read.hpp"

#include <optional>

#include <spdlog/spdlog.h>

#include "catalogue.hpp"

namespace dossier::host {

namespace {

// "2 source(s) skipped (above), 3 document(s) with health warnings: A/HRC/8/43, ..." for
// --strict's final error: the log above says why, this line says which.
std::string strict_failure(std::size_t skipped, const CorpusHealth& health) {
  constexpr std::size_t named = 10;
  std::string text;
  if (skipped) text = std::to_string(skipped) + " source(s) skipped (above)";
  if (!health.unhealthy.empty()) {
    text += (text.empty() ? "" : ", ") + std::to_string(health.unhealthy.size()) + " document(s) with health warnings: ";
    for (std::size_t i = 0; i < health.unhealthy.size() && i < named; ++i)
      text += (i ? ", " : "") + (health.unhealthy[i].name.empty() ? health.unhealthy[i].document : health.unhealthy[i].name);
    if (health.unhealthy.size() > named) text += " and " + std::to_string(health.unhealthy.size() - named) + " more";
  }
  return text;
}

}  // namespace

bool read_stage(const RunSpec& spec, const PluginRegistry& registry, Store* store,
                std::chrono::steady_clock::time_point started, ReadResult& read, CorpusHealth& health,
                BuildRecord& record, RunReport& report) {
  std::optional<Catalogue> catalogue;
  if (!spec.catalogue.empty()) catalogue = Catalogue::load(spec.catalogue);  // validated before the build
  read = read_sources(spec.sources, registry, spec.build, report.errors,
                      {store, spec.force, catalogue ? &*catalogue : nullptr, spec.threads, spec.shard_index,
                       spec.shard_count, spec.follow_symlinks, spec.isolate,
                       plugin_limits(spec)});
  report.sources_found = read.sources_found;
  report.warnings = read.warnings;
  health = corpus_health(read.corpus);
  report.unhealthy_documents = health.unhealthy.size();
  // An altered document carries its alteration as a warning, so health covers alterations.
  if (spec.strict && (!report.errors.empty() || !health.unhealthy.empty())) {
    log_health(health, 20, "; run `dossier check` on the sources for all");
    spdlog::error("--strict: {}; nothing exported, {} left as it was", strict_failure(report.errors.size(), health),
                  spec.output_dir.string());
    report.exit_code = exit_input;
    return false;
  }
  report.documents_reused = read.reused;
  if (read.reused)
    spdlog::info("reused {} of {} documents from the store; parsed {}", read.reused, read.sources.size(),
                 read.sources.size() - read.reused);
  Corpus& corpus = read.corpus;
  for (const auto& r : read.sources)
    record.sources.push_back(
        {{"path", r.path}, {"sha256", r.sha256}, {"reader", r.reader}, {"document", r.document}, {"reused", r.reused}});
  report.documents_read = corpus.documents.size();
  record.timings["read"] = seconds_since(started);
  // Counted in files read: language versions joined make fewer documents than files.
  record.reuse = {{"documents", {{"reused", read.reused}, {"parsed", read.sources.size() - read.reused}}}};

  if (corpus.documents.empty() && spec.shard_count > 0) {
    spdlog::info("shard {} of {} has no sources", spec.shard_index, spec.shard_count);
    report.exit_code = report.errors.empty() ? exit_ok : exit_partial;
    return false;
  }
  if (corpus.documents.empty()) {
    spdlog::error("no document could be read; nothing exported");
    report.exit_code = exit_input;
    return false;
  }
  return true;
}

}  // namespace dossier::host
