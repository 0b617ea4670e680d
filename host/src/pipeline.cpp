#include "pipeline.hpp"

#include <glob.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "dossier/corpus_view.hpp"
#include "dossier/domain/corpus.hpp"
#include "dossier/domain/digest.hpp"
#include "dossier/domain/text_repair.hpp"

#include "analysis.hpp"
#include "atomic_sink.hpp"
#include "catalogue.hpp"
#include "child_process.hpp"
#include "crash_report.hpp"
#include "health.hpp"
#include "parallel.hpp"
#include "progress.hpp"
#include "recorded_history.hpp"
#include "store.hpp"
#include "upr_positions.hpp"

namespace dossier::host {

namespace fs = std::filesystem;

namespace {

bool has_glob_chars(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

bool hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}


// Whether `ancestor` is `p` or a folder above it (both canonical).
bool contains(const fs::path& ancestor, const fs::path& p) {
  auto a = ancestor.begin(), b = p.begin();
  for (; a != ancestor.end(); ++a, ++b)
    if (b == p.end() || *a != *b) return false;
  return true;
}

// The files below `root`, hidden entries skipped. Symbolic links to folders are not
// followed, so no link can make the walk loop; one that loops is named in a warning, and
// a folder that cannot be read is named in `problems` (its files are missing).
void walk_folder(const fs::path& root, std::vector<fs::path>& found, std::vector<std::string>& problems) {
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
      problems.push_back(dir.string() + ": folder cannot be read (" + ec.message() + "); its files are skipped");
      continue;
    }
    for (; it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      if (hidden(p)) continue;
      std::error_code sc;
      const fs::file_status own = it->symlink_status(sc);
      if (fs::is_symlink(own)) {
        const fs::file_status target = fs::status(p, sc);
        if (sc == std::errc::too_many_symbolic_link_levels) {
          spdlog::warn("source {}: symbolic link loop; skipped", p.string());
        } else if (sc) {
          spdlog::warn("source {}: symbolic link to nothing readable ({}); skipped", p.string(), sc.message());
        } else if (fs::is_directory(target)) {
          std::error_code c1, c2;
          const fs::path to = fs::canonical(p, c1), here = fs::canonical(dir, c2);
          if (!c1 && !c2 && contains(to, here))
            spdlog::warn("source {}: symbolic link loop (to a folder that contains it); not followed", p.string());
          else
            spdlog::debug("source {}: symbolic link to a folder; not followed", p.string());
        } else if (fs::is_regular_file(target)) {
          found.push_back(p);
        }
      } else if (fs::is_directory(own)) {
        pending.push_back(p);
      } else if (fs::is_regular_file(own)) {
        found.push_back(p);
      }
    }
    if (ec) problems.push_back(dir.string() + ": folder could not be read to the end (" + ec.message() + ")");
  }
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A build killed while writing leaves hidden temporary files (".NAME.dossier-tmp-PID-N");
// those of processes that no longer run are removed.
void remove_stale_temporaries(const fs::path& dir) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const auto at = name.rfind(".dossier-tmp-");
    if (name.empty() || name[0] != '.' || at == std::string::npos) continue;
    const long pid = std::strtol(name.c_str() + at + 13, nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::error_code rm;
      fs::remove(it->path(), rm);
      if (!rm) spdlog::info("removed stale temporary file {}", it->path().string());
    }
  }
}

// What an exporter's child process sends back: for each prepared file its name, temporary
// path and target path, each ended by '\0' (which no path contains).
std::string prepared_files(const AtomicSink& sink) {
  std::string out;
  for (const AtomicFile* f : sink.pending()) {
    for (const std::string& part : {f->name(), f->temp_path().string(), f->target_path().string()}) {
      out += part;
      out += '\0';
    }
  }
  return out;
}

// The parent's side: `sink` takes over the files the child prepared.
void adopt_prepared_files(AtomicSink& sink, const std::string& payload) {
  std::vector<std::string> parts;
  for (std::size_t at = 0; at < payload.size();) {
    const auto end = payload.find('\0', at);
    if (end == std::string::npos) break;
    parts.push_back(payload.substr(at, end - at));
    at = end + 1;
  }
  if (parts.size() % 3 != 0 || (!payload.empty() && payload.back() != '\0'))
    throw std::runtime_error("its child process sent a malformed list of outputs");
  for (std::size_t i = 0; i < parts.size(); i += 3) {
    const AtomicFile& f = sink.adopt(parts[i], parts[i + 1]);
    if (f.target_path() != fs::path(parts[i + 2]))
      throw std::runtime_error("output " + parts[i] + ": its child process wrote for " + parts[i + 2]);
  }
}

// Corpus-wide steps once every source is read: versions linked, then the catalogue (the
// user's word wins over what linking inferred), then ids made unique.
void finish_corpus(ReadResult& result, const Catalogue* catalogue) {
  Corpus& corpus = result.corpus;
  for (const auto& line : join_language_versions(corpus)) spdlog::debug("{}", line);
  for (const auto& line : link_versions(corpus)) spdlog::info("{}", line);
  if (catalogue) {
    for (std::size_t i = 0; i < corpus.documents.size(); ++i) {
      const Document& d = corpus.documents[i];
      if (const auto* entry = catalogue->find(d.source, d.sha256)) Catalogue::apply(*entry, corpus, i);
    }
  }
  for (const auto& line : join_upr_positions(corpus)) spdlog::info("{}", line);
  for (const auto& line : make_ids_unique(corpus)) spdlog::warn("{}", line);
  std::map<std::string_view, const std::string*> id_of_source;
  for (const auto& d : corpus.documents) {
    id_of_source.emplace(d.source, &d.id);
    for (const auto& v : d.versions) id_of_source.emplace(v.source, &d.id);
  }
  for (auto& record : result.sources)
    if (const auto it = id_of_source.find(record.path); it != id_of_source.end()) record.document = *it->second;
}

// "2 source(s) skipped (above), 3 document(s) with health warnings: A/HRC/8/43, ..." for
// --strict's final error: the log above says why, this line says which.
std::string strict_failure(std::size_t skipped, const CorpusHealth& health) {
  constexpr std::size_t named = 10;
  std::string text;
  if (skipped) text = std::to_string(skipped) + " source(s) skipped (above)";
  if (!health.unhealthy.empty()) {
    text += (text.empty() ? "" : ", ") + std::to_string(health.unhealthy.size()) + " document(s) with health warnings: ";
    for (std::size_t i = 0; i < health.unhealthy.size() && i < named; ++i)
      text += (i ? ", " : "") + health.unhealthy[i].document;
    if (health.unhealthy.size() > named) text += " and " + std::to_string(health.unhealthy.size() - named) + " more";
  }
  return text;
}

// What makes a recommendation "changed" between builds (docs/exporters/atom.md): its words, kind,
// addressee, recommending States and the SDG/GCM codes it maps to; not scores.
std::string recommendation_fingerprint(const Recommendation& r, const std::set<std::string>& codes) {
  std::string key = r.text + '\x1f' + r.kind + '\x1f' + r.addressee + '\x1f';
  for (const auto& s : r.recommended_by) key += s + '\x1e';
  key += '\x1f';
  for (const auto& c : codes) key += c + '\x1e';
  return sha256_hex(key);
}

// Compares this build's recommendations with the job's last recorded build; fills `history`
// for the exporters and `next` with the state to record if the build succeeds.
void compare_with_previous_build(const CorpusView& corpus, const BuildInfo& build, const Store::JobState& previous,
                                 RecordedHistory& history, Store::JobState& next) {
  const std::int64_t now = build.build_time;
  history.set_available(true);
  history.set_previous_build_time(previous.build_time);
  next.build_time = now;
  std::size_t counts[3] = {0, 0, 0};
  for (const auto& doc : corpus.documents()) {
    for (const auto& r : doc.recommendations) {
      std::set<std::string> codes;
      for (const Annotation* a : corpus.annotations_of(r.address))
        if (a->scheme == dossier::scheme::sdg || a->scheme == dossier::scheme::gcm) codes.insert(a->scheme + ":" + a->code);
      const std::string fingerprint = recommendation_fingerprint(r, codes);
      const auto before = previous.recommendations.find(r.address);
      ItemHistory h{Change::added, now, now};
      if (before != previous.recommendations.end()) {
        h.first_seen = before->second.first_seen;
        if (before->second.fingerprint == fingerprint) {
          h.change = Change::unchanged;
          h.last_changed = before->second.last_changed;
        } else {
          h.change = Change::changed;
        }
      }
      ++counts[static_cast<int>(h.change)];
      history.set_recommendation(r.address, h);
      next.recommendations[r.address] = {fingerprint, h.first_seen, h.last_changed};
    }
  }
  if (previous.build_time < 0)
    spdlog::info("first recorded build of job '{}': {} recommendations", build.job_name, counts[0]);
  else
    spdlog::info("since the previous build of job '{}': {} recommendations added, {} changed, {} unchanged",
                 build.job_name, counts[0], counts[1], counts[2]);
}

}  // namespace

void log_from_plugin(LogLevel level, std::string_view plugin, std::string_view message) {
  const auto lvl = level == LogLevel::debug  ? spdlog::level::debug
                   : level == LogLevel::info ? spdlog::level::info
                   : level == LogLevel::warn ? spdlog::level::warn
                                             : spdlog::level::err;
  spdlog::log(lvl, "[{}] {}", plugin, message);
}

bool read_file(const fs::path& path, std::string& out, std::string& error) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = errno ? std::string("cannot open (") + std::strerror(errno) + ")" : std::string("cannot open");
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return false;
  }
  out = std::move(buffer).str();
  return true;
}

std::vector<std::size_t> analyzer_order(const std::vector<std::string>& names,
                                        const std::vector<std::vector<std::string>>& deps,
                                        std::vector<std::string>& errors) {
  std::vector<std::size_t> order;
  std::vector<int> state(names.size(), 0);  // 0 new, 1 visiting, 2 done, 3 failed
  std::function<bool(std::size_t)> visit = [&](std::size_t i) -> bool {
    if (state[i] == 2) return true;
    if (state[i] == 3) return false;
    if (state[i] == 1) {
      errors.push_back("analyzer " + names[i] + ": circular dependency");
      return false;
    }
    state[i] = 1;
    for (const auto& d : deps[i]) {
      auto it = std::find(names.begin(), names.end(), d);
      if (it == names.end()) {
        errors.push_back("analyzer " + names[i] + ": needs analyzer '" + d + "', which is not requested");
        state[i] = 3;
        return false;
      }
      if (!visit(static_cast<std::size_t>(it - names.begin()))) {
        state[i] = 3;
        return false;
      }
    }
    state[i] = 2;
    order.push_back(i);
    return true;
  };
  for (std::size_t i = 0; i < names.size(); ++i) visit(i);
  return order;
}


std::int64_t build_time_now() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long v = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && v >= 0) return v;
  }
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::vector<fs::path> collect_sources(const std::vector<std::string>& sources,
                                      std::vector<std::string>& missing) {
  std::vector<fs::path> files;
  std::set<fs::path> seen;
  auto add = [&](const fs::path& p) {
    if (seen.insert(p.lexically_normal()).second) files.push_back(p);
  };
  for (const auto& source : sources) {
    std::error_code ec;
    if (fs::is_directory(source, ec)) {
      std::vector<fs::path> found;
      walk_folder(source, found, missing);
      std::sort(found.begin(), found.end());
      for (const auto& f : found) add(f);
    } else if (fs::is_regular_file(source, ec)) {
      add(source);
    } else if (has_glob_chars(source)) {
      glob_t g{};
      std::vector<fs::path> found;
      if (::glob(source.c_str(), 0, nullptr, &g) == 0)
        for (std::size_t i = 0; i < g.gl_pathc; ++i)
          if (fs::is_regular_file(g.gl_pathv[i], ec)) found.emplace_back(g.gl_pathv[i]);
      ::globfree(&g);
      if (found.empty()) missing.push_back(source + ": no file matches");
      for (const auto& f : found) add(f);  // glob(3) returns them sorted
    } else {
      missing.push_back(source + (fs::exists(source, ec) ? ": not a regular file or folder"
                                                         : ": no such file or folder"));
    }
  }
  return files;
}

ReaderSet::ReaderSet(const PluginRegistry& registry) {
  for (const auto& lib : registry.of_kind(PluginKind::reader)) {
    try {
      ActivityScope activity("reader " + lib->info().name + " (factory)");
      readers_.push_back({lib, lib->make_reader()});
    } catch (const std::exception& e) {
      // Only a source that then finds no reader is an error.
      spdlog::warn("{} (reader unavailable)", e.what());
    }
  }
}

ReaderSet::Choice ReaderSet::choose(const Source& source) const {
  Choice best;
  for (const auto& [library, reader] : readers_) {
    int bid = 0;
    try {
      ActivityScope activity("reader " + library->info().name + " sniffing " + source.path);
      bid = reader->sniff(source);
    } catch (const std::exception& e) {
      spdlog::warn("reader {} failed to sniff {}: {}", library->info().name, source.path, e.what());
    } catch (...) {
      spdlog::warn("reader {} failed to sniff {}", library->info().name, source.path);
    }
    if (bid > best.bid) best = {library, reader.get(), bid};
  }
  return best;
}

fs::path shard_store_file(const fs::path& output_dir, std::size_t index, std::size_t count) {
  return output_dir / ".dossier" / "shards" /
         ("shard-" + std::to_string(index) + "-of-" + std::to_string(count) + ".sqlite");
}

fs::path default_cache_file(const fs::path& output_dir) { return output_dir / ".dossier" / "store.sqlite"; }

std::vector<fs::path> shard_of(const std::vector<fs::path>& files, std::size_t index, std::size_t count) {
  if (count == 0) return files;
  std::vector<fs::path> share;
  for (std::size_t i = index - 1; i < files.size(); i += count) share.push_back(files[i]);
  return share;
}

ReadResult read_sources(const std::vector<std::string>& sources, const PluginRegistry& registry,
                        const BuildInfo& build, std::vector<std::string>& errors, ReadOptions options) {
  ReadResult result;
  const ReaderSet readers(registry);

  std::vector<std::string> missing;
  const auto files = shard_of(collect_sources(sources, missing), options.shard_index, options.shard_count);
  for (const auto& m : missing) {
    errors.push_back("source " + m);
    spdlog::error("source {}", m);
  }
  result.sources_found = files.size();

  // Each source is read into its own slot by whichever worker thread takes it; the slots are
  // then gathered in source order, so the corpus does not depend on the number of threads.
  struct Slot {
    std::optional<Document> document;
    SourceRecord record;
    std::string error;
    std::vector<std::string> warnings;  // the document was altered to be read (--strict fails)
  };
  std::vector<Slot> slots(files.size());
  std::atomic<std::size_t> done{0};
  std::optional<Progress> bar(std::in_place, "read", files.size(), "documents");
  parallel_for(files.size(), worker_count(options.threads), [&](std::size_t i) {
    struct Advance {  // however this source ends
      Progress& bar;
      ~Advance() { bar.advance(); }
    } advance{*bar};
    Slot& slot = slots[i];
    const fs::path& file = files[i];
    Source source;
    source.path = file.string();
    std::string error;
    if (!read_file(file, source.content, error)) {
      slot.error = "source " + source.path + ": " + error;
      spdlog::error("{}", slot.error);
      return;
    }
    if (source.content.empty()) {
      slot.error = "source " + source.path + ": empty file; skipped";
      spdlog::error("{}", slot.error);
      return;
    }
    source.sha256 = sha256_hex(source.content);
    // One warning per alteration, on every build (from the store too), naming the file.
    auto report_alterations = [&](const Document& doc) {
      for (const auto& d : doc.diagnostics) {
        if (!is_alteration(d)) continue;
        slot.warnings.push_back("source " + source.path + ": " + d.message);
        spdlog::warn("{}", slot.warnings.back());
      }
    };

    const ReaderSet::Choice best = readers.choose(source);
    if (!best.library) {
      slot.error = "source " + source.path + ": no reader understands this file (binary, or not text, PDF or "
                   "Akoma Ntoso XML); skipped";
      spdlog::error("{}", slot.error);
      return;
    }
    const auto& info = best.library->info();
    const DocumentKey key{source.sha256, file.filename().string(), info.name, info.version};
    slot.record = {source.path, source.sha256, info.name + " " + info.version, "", false};
    if (options.store && !options.refresh) {
      std::optional<Document> cached;
      try {
        cached = options.store->find(key);
      } catch (const std::exception& e) {
        spdlog::warn("{} (parsing instead)", e.what());
      }
      if (cached) {
        cached->source = source.path;
        spdlog::info("read [{}/{}] {} -> {} (from the store)", ++done, files.size(), source.path, cached->id);
        slot.record.reused = true;
        report_alterations(*cached);
        slot.document = std::move(*cached);
        return;
      }
    }
    Context context(info.name, Options{}, build, log_from_plugin);
    try {
      ActivityScope activity("reader " + info.name + " on " + source.path);
      Document doc = best.reader->read(source, context);
      doc.source = source.path;
      doc.sha256 = source.sha256;
      if (doc.reader.empty()) doc.reader = info.name;
      // Exporters need valid UTF-8: whatever a reader let through stops here.
      if (const TextRepairs repairs = repair_document_text(doc); repairs.any()) {
        Diagnostic d = repair_diagnostic(repairs);
        d.message += " in what reader " + info.name + " made";
        doc.diagnostics.push_back(std::move(d));
      }
      report_alterations(doc);
      // The store keeps what the reader made; the catalogue is applied on top, every time.
      if (options.store) {
        try {
          options.store->put(key, doc);
        } catch (const std::exception& e) {
          spdlog::warn("{} (the document is not cached)", e.what());
        }
      }
      spdlog::info("read [{}/{}] {} -> {} ({} paragraphs, {} recommendations)", ++done, files.size(),
                   source.path, doc.id, doc.blocks.size(), doc.recommendations.size());
      slot.document = std::move(doc);
    } catch (const std::exception& e) {
      slot.error = "source " + source.path + ": reader " + info.name + " failed: " + e.what();
      spdlog::error("{}", slot.error);
    } catch (...) {
      slot.error = "source " + source.path + ": reader " + info.name + " failed (unknown exception)";
      spdlog::error("{}", slot.error);
    }
  });
  bar.reset();
  for (auto& slot : slots) {
    if (!slot.error.empty()) errors.push_back(std::move(slot.error));
    for (auto& w : slot.warnings) result.warnings.push_back(std::move(w));
    if (!slot.document) continue;
    slot.record.document = slot.document->id;
    if (slot.record.reused) ++result.reused;
    result.sources.push_back(std::move(slot.record));
    result.corpus.documents.push_back(std::move(*slot.document));
  }
  finish_corpus(result, options.catalogue);
  return result;
}

RunReport run_pipeline(const RunSpec& spec, const PluginRegistry& registry) {
  RunReport report;
  const auto started = std::chrono::steady_clock::now();
  nlohmann::ordered_json manifest_sources = nlohmann::ordered_json::array();
  nlohmann::ordered_json timings = nlohmann::ordered_json::object();

  auto stage = std::chrono::steady_clock::now();
  std::unique_ptr<Store> store;
  if (spec.use_cache) {
    fs::path file = spec.cache_file.empty() ? default_cache_file(spec.output_dir) : spec.cache_file;
    if (spec.shard_count > 0) file = shard_store_file(spec.output_dir, spec.shard_index, spec.shard_count);
    try {
      store = std::make_unique<Store>(file);
    } catch (const std::exception& e) {
      spdlog::warn("{}; building without the store", e.what());
    }
  }
  if (!spec.merge_stores.empty()) {
    if (!store) {
      report.errors.push_back("merge: the store " + default_cache_file(spec.output_dir).string() + " cannot be used");
      report.exit_code = exit_failure;
      return report;
    }
    for (const auto& part : spec.merge_stores) {
      try {
        const auto [documents, analyses] = store->merge_from(part);
        spdlog::info("merged {}: {} documents, {} analyses", part.string(), documents, analyses);
      } catch (const std::exception& e) {
        report.errors.push_back(std::string("merge: ") + e.what());
        spdlog::error("merge: {} (nothing built; the partial stores are kept)", e.what());
        report.exit_code = exit_input;
        return report;
      }
    }
    // Their content is in the store now: a later merge must not pick up stale shards.
    if (spec.remove_merged)
      for (const auto& part : spec.merge_stores)
        for (const char* suffix : {"", "-wal", "-shm"}) {
          std::error_code ec;
          fs::remove(part.string() + suffix, ec);
        }
  }
  std::optional<Catalogue> catalogue;
  if (!spec.catalogue.empty()) catalogue = Catalogue::load(spec.catalogue);  // validated before the build
  ReadResult read = read_sources(spec.sources, registry, spec.build, report.errors,
                                 {store.get(), spec.force, catalogue ? &*catalogue : nullptr, spec.threads,
                                  spec.shard_index, spec.shard_count});
  report.sources_found = read.sources_found;
  report.warnings = read.warnings;
  const CorpusHealth health = corpus_health(read.corpus);
  report.unhealthy_documents = health.unhealthy.size();
  // An altered document carries its alteration as a warning, so health covers alterations.
  if (spec.strict && (!report.errors.empty() || !health.unhealthy.empty())) {
    log_health(health, 20, "; run `dossier check` on the sources for all");
    spdlog::error("--strict: {}; nothing exported, {} left as it was", strict_failure(report.errors.size(), health),
                  spec.output_dir.string());
    report.exit_code = exit_input;
    return report;
  }
  report.documents_reused = read.reused;
  if (read.reused)
    spdlog::info("reused {} of {} documents from the store; parsed {}", read.reused, read.corpus.documents.size(),
                 read.corpus.documents.size() - read.reused);
  Corpus& corpus = read.corpus;
  for (const auto& r : read.sources)
    manifest_sources.push_back(
        {{"path", r.path}, {"sha256", r.sha256}, {"reader", r.reader}, {"document", r.document}, {"reused", r.reused}});
  report.documents_read = corpus.documents.size();
  timings["read"] = seconds_since(stage);
  nlohmann::ordered_json reuse = {{"documents", {{"reused", read.reused}, {"parsed", corpus.documents.size() - read.reused}}}};

  if (corpus.documents.empty() && spec.shard_count > 0) {
    spdlog::info("shard {} of {} has no sources", spec.shard_index, spec.shard_count);
    report.exit_code = report.errors.empty() ? exit_ok : exit_partial;
    return report;
  }
  if (corpus.documents.empty()) {
    spdlog::error("no document could be read; nothing exported");
    report.exit_code = exit_input;
    return report;
  }

  // --- Analyzers -------------------------------------------------------------------------
  stage = std::chrono::steady_clock::now();
  AnalysisReport analysis = analyze_corpus(corpus, spec, registry, store.get(), report.errors);
  timings["analyze"] = seconds_since(stage);
  timings["analyzers"] = analysis.seconds;
  timings["analyzers_cpu"] = analysis.cpu_seconds;
  reuse["analyses"] = analysis.reuse;
  if (spec.shard_count > 0) {
    spdlog::info("shard {} of {}: {} documents parsed and analysed into {}", spec.shard_index, spec.shard_count,
                 corpus.documents.size(), store ? store->file().string() : std::string("(no store)"));
    log_health(health, 20, "; see manifest.json after the merge");
    report.exit_code = report.errors.empty() ? exit_ok : exit_partial;
    return report;
  }

  // Built once for every exporter and the history; the corpus is not changed after this.
  const CorpusView view(corpus);

  // --- Build history ---------------------------------------------------------------------
  RecordedHistory history;
  Store::JobState next_state;
  bool history_known = false;
  if (store && spec.keep_history) {
    try {
      compare_with_previous_build(view, spec.build, store->job_state(spec.build.job_name), history, next_state);
      history_known = true;
    } catch (const std::exception& e) {
      spdlog::warn("{}; no build history this time", e.what());
      history = RecordedHistory{};
    }
  }

  // --- Exporters -------------------------------------------------------------------------
  std::error_code ec;
  fs::create_directories(spec.output_dir, ec);
  if (ec) {
    spdlog::error("cannot create output folder {}: {}", spec.output_dir.string(), ec.message());
    report.errors.push_back("output folder " + spec.output_dir.string() + ": " + ec.message());
    report.exit_code = exit_failure;
    return report;
  }
  remove_stale_temporaries(spec.output_dir);
  nlohmann::ordered_json manifest_outputs = nlohmann::ordered_json::array();
  nlohmann::ordered_json export_timings = nlohmann::ordered_json::object();
  std::size_t failed_exports = 0;
  // Every exporter's files are finished and on disk before any of them replaces an earlier
  // output: a build killed while exporting (kill -9 included) leaves the previous outputs
  // byte for byte; only the renames at the end remain, one quick step per file.
  std::vector<std::unique_ptr<AtomicSink>> sinks;
  // `reason` follows the exporter's name: "failed: ...", "crashed: ...", "exceeded ...".
  auto fail_export = [&](ExportResult& result, const PluginLibrary& lib, const std::string& reason) {
    const std::string line = "plugin " + lib.info().file.string() + ": exporter " + result.plugin + " " + reason +
                             "; earlier outputs left as they were";
    report.errors.push_back(line);
    spdlog::error("{}", line);
    ++failed_exports;
  };
  std::vector<std::shared_ptr<PluginLibrary>> export_libs;
  bool sweep_temporaries = false;  // a child process may have died with temporary files open
  std::optional<Progress> export_bar(std::in_place, "export", spec.exporters.size(), "exporters");
  for (const auto& request : spec.exporters) {
    ExportResult result;
    auto lib = registry.find(request.plugin, PluginKind::exporter);
    export_libs.push_back(lib);
    result.plugin = request.plugin;
    result.version = lib->info().version;
    const auto t0 = std::chrono::steady_clock::now();
    auto sink = std::make_unique<AtomicSink>(spec.output_dir);
    // The exporter writes and prepares its files in `sink`; throws what the exporter throws.
    auto write_outputs = [&] {
      ActivityScope activity("exporter " + result.plugin);
      auto exporter = lib->make_exporter();
      Context context(result.plugin, request.options, spec.build, log_from_plugin, &history);
      const std::string file = request.file.empty() ? exporter->default_file_name() : request.file;
      exporter->write(view, file, *sink, context);
      sink->prepare();
    };
    bool in_process = !spec.isolate;
    if (spec.isolate) {
      // The child prepares the files and names them; this process renames them into place
      // with the others' at the end. The child's copy of `sink` is never destroyed (it ends
      // with _exit), so its prepared files stay for this process to adopt.
      const ChildOutcome child = run_in_child(
          [&](const SendFn& send) {
            try {
              write_outputs();
            } catch (...) {
              sink->discard();
              throw;
            }
            send(prepared_files(*sink));
          },
          request.time_limit.value_or(spec.plugin_time_limit));
      switch (child.status) {
        case ChildOutcome::Status::ok:
          try {
            adopt_prepared_files(*sink, child.payload);
            result.ok = true;
          } catch (const std::exception& e) {
            result.error = e.what();
            sink->discard();
            sweep_temporaries = true;
            fail_export(result, *lib, "failed: " + result.error);
          }
          break;
        case ChildOutcome::Status::not_started:
          spdlog::warn("{}; running exporter {} in this process", child.message, result.plugin);
          in_process = true;
          break;
        case ChildOutcome::Status::failed:
          result.error = child.message;
          sweep_temporaries = true;
          fail_export(result, *lib, "failed: " + result.error);
          break;
        case ChildOutcome::Status::crashed:
        case ChildOutcome::Status::timed_out:
          result.error = child.message;
          sweep_temporaries = true;
          fail_export(result, *lib, result.error);
          break;
      }
    }
    if (in_process) {
      try {
        write_outputs();
        result.ok = true;
      } catch (const std::exception& e) {
        result.error = e.what();
      } catch (...) {
        result.error = "unknown exception";
      }
      if (!result.ok) {
        sink->discard();
        fail_export(result, *lib, "failed: " + result.error);
      }
    }
    result.seconds = seconds_since(t0);
    // A job may list one exporter several times (a brief per language): "pdf", "pdf#2", ...
    std::string key = result.plugin;
    for (int n = 2; export_timings.contains(key); ++n) key = result.plugin + "#" + std::to_string(n);
    export_timings[key] = result.seconds;
    sinks.push_back(std::move(sink));
    report.exports.push_back(std::move(result));
    export_bar->advance();
  }
  export_bar.reset();  // off the screen before the "wrote ..." lines
  for (std::size_t i = 0; i < sinks.size(); ++i) {
    ExportResult& result = report.exports[i];
    if (!result.ok) continue;
    try {
      sinks[i]->commit();
      result.files = sinks[i]->written();
    } catch (const std::exception& e) {
      result.ok = false;
      result.error = e.what();
      fail_export(result, *export_libs[i], "failed: " + result.error);
    }
    for (const auto& w : result.files) {
      spdlog::info("wrote {} ({} bytes)", w.path.string(), w.bytes);
      manifest_outputs.push_back({{"file", w.name},
                                  {"bytes", w.bytes},
                                  {"sha256", w.sha256},
                                  {"plugin", result.plugin},
                                  {"version", result.version}});
    }
  }
  sinks.clear();
  // Those of a child that crashed or was killed: its pid is dead now, so they count as stale.
  if (sweep_temporaries) remove_stale_temporaries(spec.output_dir);
  timings["export"] = export_timings;

  // Recorded only when everything succeeded: after a failed build, the next one still
  // reports what changed since the last complete one.
  if (history_known) {
    if (report.errors.empty()) {
      try {
        store->record_job_state(spec.build.job_name, next_state);
      } catch (const std::exception& e) {
        spdlog::warn("{} (build history not recorded)", e.what());
      }
    } else {
      spdlog::warn("build history of job '{}' not recorded: the build had errors", spec.build.job_name);
    }
  }
  store.reset();
  timings["total"] = seconds_since(started);

  nlohmann::ordered_json manifest = {
      {"dossier", spec.build.host_version},
      {"job", spec.build.job_name},
      {"build_time", spec.build.build_time},
      {"sources", manifest_sources},
      {"outputs", manifest_outputs},
      {"reuse", reuse},
      {"timings", timings},
      {"errors", report.errors},
      {"warnings", report.warnings},
      {"health", health_json(health)},
  };
  try {
    // A file name need not be UTF-8; JSON must be (such bytes become U+FFFD).
    write_file_atomically(spec.output_dir / "manifest.json",
                          manifest.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
  } catch (const std::exception& e) {
    report.errors.push_back(std::string("manifest.json: ") + e.what());
    spdlog::error("could not write manifest.json: {}", e.what());
  }

  log_health(health, 20, "; see manifest.json");

  if (failed_exports == spec.exporters.size())
    report.exit_code = exit_failure;
  else if (!report.errors.empty())
    report.exit_code = exit_partial;
  return report;
}

}  // namespace dossier::host
