#include "pipeline.hpp"

#include <glob.h>
#include <signal.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "dossier/corpus.hpp"

#include "catalogue.hpp"
#include "crash_report.hpp"
#include "progress.hpp"
#include "store.hpp"

namespace dossier::host {

namespace fs = std::filesystem;

namespace {

bool has_glob_chars(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

bool hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

void plugin_log(LogLevel level, std::string_view plugin, std::string_view message) {
  const auto lvl = level == LogLevel::debug  ? spdlog::level::debug
                   : level == LogLevel::info ? spdlog::level::info
                   : level == LogLevel::warn ? spdlog::level::warn
                                             : spdlog::level::err;
  spdlog::log(lvl, "[{}] {}", plugin, message);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// CPU time of the calling thread: on a shared machine the fair measure of one stage's work.
double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
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

// Corpus-wide steps once every source is read: versions linked, then the catalogue (the
// user's word wins over what linking inferred), then ids made unique.
void finish_corpus(ReadResult& result, const Catalogue* catalogue) {
  Corpus& corpus = result.corpus;
  for (const auto& line : link_versions(corpus)) spdlog::info("{}", line);
  if (catalogue) {
    for (std::size_t i = 0; i < corpus.documents.size(); ++i) {
      const Document& d = corpus.documents[i];
      if (const auto* entry = catalogue->find(d.source, d.sha256)) Catalogue::apply(*entry, corpus, i);
    }
  }
  for (const auto& line : make_ids_unique(corpus)) spdlog::warn("{}", line);
  for (auto& record : result.sources)
    for (const auto& d : corpus.documents)
      if (d.source == record.path) record.document = d.id;
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
void compare_with_previous_build(const Corpus& corpus, const BuildInfo& build, const Store::JobState& previous,
                                 BuildHistory& history, Store::JobState& next) {
  std::map<std::string_view, std::set<std::string>> codes;
  for (const auto& a : corpus.annotations)
    if (a.scheme == "sdg" || a.scheme == "gcm") codes[a.subject].insert(a.scheme + ":" + a.code);
  static const std::set<std::string> none;
  const std::int64_t now = build.build_time;
  history.set_available(true);
  history.set_previous_build_time(previous.build_time);
  next.build_time = now;
  std::size_t counts[3] = {0, 0, 0};
  for (const auto& doc : corpus.documents) {
    for (const auto& r : doc.recommendations) {
      const auto c = codes.find(r.address);
      const std::string fingerprint = recommendation_fingerprint(r, c != codes.end() ? c->second : none);
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

bool read_file(const fs::path& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open";
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
      fs::recursive_directory_iterator it(source, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        if (hidden(it->path())) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec)) found.push_back(it->path());
      }
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

std::vector<std::string> validate_requests(const RunSpec& spec, const PluginRegistry& registry) {
  std::vector<std::string> problems;
  auto check = [&](const PluginRequest& r, PluginKind kind) {
    auto p = registry.find(r.plugin, kind);
    if (!p) p = registry.find(r.plugin);
    if (!p) {
      std::string known;
      for (const auto& q : registry.of_kind(kind)) known += (known.empty() ? "" : ", ") + q->info().name;
      problems.push_back("unknown " + std::string(to_string(kind)) + " '" + r.plugin + "' (available: " +
                         (known.empty() ? "none" : known) + "; see `dossier plugins list`)");
    } else if (p->info().kind != kind) {
      auto with_article = [](PluginKind k) {
        return std::string(k == PluginKind::reader ? "a " : "an ") + to_string(k);
      };
      problems.push_back("plugin '" + r.plugin + "' is " + with_article(p->info().kind) + ", not " +
                         with_article(kind));
    }
  };
  for (const auto& a : spec.analyzers) check(a, PluginKind::analyzer);
  for (const auto& e : spec.exporters) check(e, PluginKind::exporter);
  if (spec.exporters.empty()) problems.push_back("nothing to export: name at least one exporter");
  return problems;
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

fs::path default_cache_file(const fs::path& output_dir) { return output_dir / ".dossier" / "store.sqlite"; }

ReadResult read_sources(const std::vector<std::string>& sources, const PluginRegistry& registry,
                        const BuildInfo& build, std::vector<std::string>& errors, ReadOptions options) {
  ReadResult result;
  const ReaderSet readers(registry);

  std::vector<std::string> missing;
  const auto files = collect_sources(sources, missing);
  for (const auto& m : missing) {
    errors.push_back("source " + m);
    spdlog::error("source {}", m);
  }
  result.sources_found = files.size();

  std::size_t index = 0;
  for (const auto& file : files) {
    ++index;
    Source source;
    source.path = file.string();
    std::string error;
    if (!read_file(file, source.content, error)) {
      errors.push_back("source " + source.path + ": " + error);
      spdlog::error("source {}: {}", source.path, error);
      continue;
    }
    source.sha256 = sha256_hex(source.content);

    const ReaderSet::Choice best = readers.choose(source);
    if (!best.library) {
      errors.push_back("source " + source.path + ": no reader understands this file");
      spdlog::error("source {}: no reader understands this file", source.path);
      continue;
    }
    const auto& info = best.library->info();
    const DocumentKey key{source.sha256, file.filename().string(), info.name, info.version};
    if (options.store && !options.refresh) {
      std::optional<Document> cached;
      try {
        cached = options.store->find(key);
      } catch (const std::exception& e) {
        spdlog::warn("{} (parsing instead)", e.what());
      }
      if (cached) {
        cached->source = source.path;
        spdlog::info("read [{}/{}] {} -> {} (from the store)", index, files.size(), source.path, cached->id);
        result.sources.push_back({source.path, source.sha256, info.name + " " + info.version, cached->id, true});
        result.corpus.documents.push_back(std::move(*cached));
        ++result.reused;
        continue;
      }
    }
    Context context(info.name, Options{}, build, plugin_log);
    try {
      ActivityScope activity("reader " + info.name + " on " + source.path);
      Document doc = best.reader->read(source, context);
      doc.source = source.path;
      doc.sha256 = source.sha256;
      if (doc.reader.empty()) doc.reader = info.name;
      // The store keeps what the reader made; the catalogue is applied on top, every time.
      if (options.store) {
        try {
          options.store->put(key, doc);
        } catch (const std::exception& e) {
          spdlog::warn("{} (the document is not cached)", e.what());
        }
      }
      spdlog::info("read [{}/{}] {} -> {} ({} paragraphs, {} recommendations)", index, files.size(),
                   source.path, doc.id, doc.blocks.size(), doc.recommendations.size());
      result.sources.push_back({source.path, source.sha256, info.name + " " + info.version, doc.id, false});
      result.corpus.documents.push_back(std::move(doc));
    } catch (const std::exception& e) {
      const std::string line = "source " + source.path + ": reader " + info.name + " failed: " + e.what();
      errors.push_back(line);
      spdlog::error("{}", line);
    } catch (...) {
      const std::string line = "source " + source.path + ": reader " + info.name + " failed (unknown exception)";
      errors.push_back(line);
      spdlog::error("{}", line);
    }
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
    const fs::path file = spec.cache_file.empty() ? default_cache_file(spec.output_dir) : spec.cache_file;
    try {
      store = std::make_unique<Store>(file);
    } catch (const std::exception& e) {
      spdlog::warn("{}; building without the store", e.what());
    }
  }
  std::optional<Catalogue> catalogue;
  if (!spec.catalogue.empty()) catalogue = Catalogue::load(spec.catalogue);  // validated before the build
  ReadResult read =
      read_sources(spec.sources, registry, spec.build, report.errors, {store.get(), spec.force, catalogue ? &*catalogue : nullptr});
  if (!spec.keep_history) store.reset();  // otherwise kept to read and record the job's history
  report.sources_found = read.sources_found;
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

  if (corpus.documents.empty()) {
    spdlog::error("no document could be read; nothing exported");
    report.exit_code = exit_input;
    return report;
  }

  // --- Analyzers -------------------------------------------------------------------------
  stage = std::chrono::steady_clock::now();
  struct AnalyzerSlot {
    const PluginRequest* request;
    std::shared_ptr<PluginLibrary> library;
    std::shared_ptr<Analyzer> analyzer;
  };
  std::vector<AnalyzerSlot> analyzers;
  for (const auto& request : spec.analyzers) {
    auto lib = registry.find(request.plugin, PluginKind::analyzer);
    try {
      ActivityScope activity("analyzer " + request.plugin + " (factory)");
      analyzers.push_back({&request, lib, lib->make_analyzer()});
    } catch (const std::exception& e) {
      report.errors.push_back(e.what());
      spdlog::error("{}", e.what());
    }
  }
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> deps;
  for (const auto& a : analyzers) {
    names.push_back(a.library->info().name);
    try {
      ActivityScope activity("analyzer " + names.back());
      deps.push_back(a.analyzer->dependencies());
    } catch (const std::exception& e) {
      deps.push_back({"<dependencies() threw: " + std::string(e.what()) + ">"});
    } catch (...) {
      deps.push_back({"<dependencies() threw>"});
    }
  }
  std::vector<std::string> order_errors;
  // What earlier analyzers said about each document, kept per document so that handing it
  // to the next analyzer costs nothing extra (ids may prefix one another: "A/68/283 (p. 10)").
  // Moved into corpus.annotations at the end, analyzer by analyzer, document by document.
  std::vector<std::vector<Annotation>> by_document(corpus.documents.size());
  struct Made {
    std::size_t document, begin, end;  // by_document[document][begin, end)
  };
  std::vector<Made> made_in_order;
  nlohmann::ordered_json analyzer_timings = nlohmann::ordered_json::object();
  nlohmann::ordered_json analyzer_cpu_timings = nlohmann::ordered_json::object();
  for (std::size_t i : analyzer_order(names, deps, order_errors)) {
    const auto& slot = analyzers[i];
    const auto& info = slot.library->info();
    Context context(info.name, slot.request->options, spec.build, plugin_log);
    const auto analyzer_started = std::chrono::steady_clock::now();
    const double analyzer_cpu = thread_cpu_seconds();
    std::size_t made = 0;
    for (std::size_t d = 0; d < corpus.documents.size(); ++d) {
      const Document& doc = corpus.documents[d];
      const std::vector<Annotation>& earlier = by_document[d];
      std::vector<Annotation> out;
      try {
        ActivityScope activity("analyzer " + info.name + " on " + doc.id);
        slot.analyzer->analyze(doc, earlier, out, context);
      } catch (const std::exception& e) {
        const std::string line = "analyzer " + info.name + " failed on " + doc.id + ": " + e.what();
        report.errors.push_back(line);
        spdlog::error("{}", line);
        continue;
      } catch (...) {
        const std::string line = "analyzer " + info.name + " failed on " + doc.id + " (unknown exception)";
        report.errors.push_back(line);
        spdlog::error("{}", line);
        continue;
      }
      const std::size_t begin = by_document[d].size();
      for (auto& a : out) {
        if (a.analyzer.empty()) a.analyzer = info.name;
        if (a.analyzer_version.empty()) a.analyzer_version = info.version;
        by_document[d].push_back(std::move(a));
      }
      made_in_order.push_back({d, begin, by_document[d].size()});
      made += out.size();
    }
    analyzer_timings[info.name] = seconds_since(analyzer_started);
    analyzer_cpu_timings[info.name] = thread_cpu_seconds() - analyzer_cpu;
    spdlog::info("analyzer {} made {} annotations", info.name, made);
  }
  for (const auto& m : made_in_order)
    for (std::size_t k = m.begin; k < m.end; ++k) corpus.annotations.push_back(std::move(by_document[m.document][k]));
  by_document.clear();
  for (const auto& e : order_errors) {
    report.errors.push_back(e);
    spdlog::error("{}", e);
  }
  analyzers.clear();
  timings["analyze"] = seconds_since(stage);
  timings["analyzers"] = analyzer_timings;
  timings["analyzers_cpu"] = analyzer_cpu_timings;

  // --- Build history ---------------------------------------------------------------------
  BuildHistory history;
  Store::JobState next_state;
  bool history_known = false;
  if (store && spec.keep_history) {
    try {
      compare_with_previous_build(corpus, spec.build, store->job_state(spec.build.job_name), history, next_state);
      history_known = true;
    } catch (const std::exception& e) {
      spdlog::warn("{}; no build history this time", e.what());
      history = BuildHistory{};
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
  std::vector<std::unique_ptr<OutputSink>> sinks;
  auto fail_export = [&](ExportResult& result, const PluginLibrary& lib) {
    const std::string line = "plugin " + lib.info().file.string() + ": exporter " + result.plugin + " failed: " +
                             result.error + " (earlier outputs left as they were)";
    report.errors.push_back(line);
    spdlog::error("{}", line);
    ++failed_exports;
  };
  std::vector<std::shared_ptr<PluginLibrary>> export_libs;
  std::optional<Progress> export_bar(std::in_place, "export", spec.exporters.size(), "exporters");
  for (const auto& request : spec.exporters) {
    ExportResult result;
    auto lib = registry.find(request.plugin, PluginKind::exporter);
    export_libs.push_back(lib);
    result.plugin = request.plugin;
    result.version = lib->info().version;
    const auto t0 = std::chrono::steady_clock::now();
    auto sink = std::make_unique<OutputSink>(spec.output_dir);
    try {
      ActivityScope activity("exporter " + result.plugin);
      auto exporter = lib->make_exporter();
      Context context(result.plugin, request.options, spec.build, plugin_log);
      context.set_history(&history);
      const std::string file = request.file.empty() ? exporter->default_file_name() : request.file;
      exporter->write(corpus, file, *sink, context);
      sink->prepare();
      result.ok = true;
    } catch (const std::exception& e) {
      result.error = e.what();
    } catch (...) {
      result.error = "unknown exception";
    }
    if (!result.ok) {
      sink->discard();
      fail_export(result, *lib);
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
      fail_export(result, *export_libs[i]);
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
      {"timings", timings},
      {"errors", report.errors},
  };
  try {
    write_file_atomically(spec.output_dir / "manifest.json", manifest.dump(2) + "\n");
  } catch (const std::exception& e) {
    report.errors.push_back(std::string("manifest.json: ") + e.what());
    spdlog::error("could not write manifest.json: {}", e.what());
  }

  if (failed_exports == spec.exporters.size())
    report.exit_code = exit_failure;
  else if (!report.errors.empty())
    report.exit_code = exit_partial;
  return report;
}

}  // namespace dossier::host
