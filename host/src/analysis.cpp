#include "analysis.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <exception>
#include <filesystem>
#include <iterator>
#include <memory>
#include <optional>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "annotation_codec.hpp"
#include "child_process.hpp"
#include "crash_report.hpp"
#include "document_codec.hpp"
#include "huge_pages.hpp"
#include "dossier/domain/json.hpp"
#include "dossier/domain/digest.hpp"
#include "parallel.hpp"
#include "plugin_build.hpp"
#include "progress.hpp"
#include "store.hpp"

namespace dossier::host {

namespace fs = std::filesystem;

namespace {

// CPU time of this process (all its threads) and of its reaped children: an analyzer's
// work wherever it ran.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  rusage children{};
  getrusage(RUSAGE_CHILDREN, &children);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9 +
         static_cast<double>(children.ru_utime.tv_sec + children.ru_stime.tv_sec) +
         static_cast<double>(children.ru_utime.tv_usec + children.ru_stime.tv_usec) / 1e6;
}

// Everything an analyzer's output depends on besides the document and earlier analyzers.
// An option naming a file (a vocabulary of one's own) counts by that file's content.
std::string analyzer_identity(const PluginInfo& info, const Options& options) {
  std::string id = "dossier-analysis-1\n" + info.name + "\n" + info.version + "\n" + file_digest(info.file) + "\n" +
                   domain_digest() + "\n";
  for (const auto& [key, values] : options.all()) {
    id += key + "=";
    for (const auto& v : values) {
      id += v + '\x1e';
      std::error_code ec;
      if (!v.empty() && v.size() < 4096 && fs::is_regular_file(v, ec)) id += file_digest(v) + '\x1e';
    }
    id += '\n';
  }
  return sha256_hex(id);
}

struct Slot {
  const PluginRequest* request;
  std::shared_ptr<PluginLibrary> library;
  std::shared_ptr<Analyzer> analyzer;
};

}  // namespace

AnalysisReport analyze_corpus(Corpus& corpus, const RunSpec& spec, const PluginRegistry& registry, Store* store,
                              std::vector<std::string>& errors) {
  AnalysisReport report;
  std::vector<Slot> slots;
  for (const auto& request : spec.analyzers) {
    auto lib = registry.find(request.plugin, PluginKind::analyzer);
    try {
      ActivityScope activity("analyzer " + request.plugin + " (factory)");
      slots.push_back({&request, lib, lib->make_analyzer()});
    } catch (const std::exception& e) {
      errors.push_back(e.what());
      spdlog::error("{}", e.what());
    }
  }
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> deps;
  for (const auto& a : slots) {
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
  const auto order = analyzer_order(names, deps, order_errors);

  const std::size_t documents = corpus.documents.size();
  const unsigned threads = worker_count(spec.threads);
  // What each analyzer's key builds on, per document: the document's content, then the key
  // of each analyzer before. Empty once an analyzer failed on the document: what follows
  // saw incomplete input and is not cached.
  // The content is hashed in the store's own encoding (lossless, several times quicker to
  // make than JSON: on an unchanged rebuild this hashing was most of the analyze stage).
  std::vector<std::string> chain(documents);
  if (store && !slots.empty())
    parallel_for(documents, threads, [&](std::size_t d) {
      thread_local std::string bytes;
      bytes.clear();
      encode_document(corpus.documents[d], bytes);
      chain[d] = sha256_hex(bytes);
    });

  // What earlier analyzers said about each document, handed to the next one.
  std::vector<std::vector<Annotation>> by_document(documents);
  // The last analyzer's annotations stay where they were decoded: none comes after it to be
  // handed them, and they are moved once, into the corpus.
  std::vector<std::optional<std::vector<Annotation>>> last_results;
  struct Made {
    std::vector<Annotation>* annotations;  // by_document[d] or *last_results[d]
    std::size_t begin, end;                // annotations[begin, end)
  };
  std::vector<Made> made_in_order;
  for (std::size_t i : order) {
    const bool last = i == order.back();
    const Slot& slot = slots[i];
    const PluginInfo& info = slot.library->info();
    const auto started = std::chrono::steady_clock::now();
    const double cpu_started = cpu_seconds();
    Context context(info.name, slot.request->options, spec.build, log_from_plugin);
    const std::string identity = store ? analyzer_identity(info, slot.request->options) : std::string();

    std::vector<std::optional<std::vector<Annotation>>> results(documents);
    std::vector<std::string> keys(documents);
    std::vector<std::size_t> to_run;
    std::vector<bool> computed(documents, false);
    for (std::size_t d = 0; d < documents; ++d) {
      if (store && !chain[d].empty()) {
        keys[d] = sha256_hex(identity + chain[d]);
        if (!spec.force) {
          try {
            if (auto cached = store->find_analysis(keys[d])) {
              std::string_view bytes = *cached;
              results[d] = decode_annotations(bytes);
              continue;
            }
          } catch (const std::exception& e) {
            spdlog::warn("{} (analysing again)", e.what());
          }
        }
      }
      to_run.push_back(d);
      computed[d] = true;
    }
    const std::size_t reused = documents - to_run.size();

    std::vector<std::string> failures(documents);
    // Runs the analyzer on the documents to run, on the worker threads: fills failures, and
    // hands each document's annotations to `keep` (on the worker thread that made them).
    // Made here, not in a child process: a bar made in a child only counts, never draws.
    std::optional<Progress> bar;
    if (!to_run.empty()) bar.emplace("analyze " + info.name, to_run.size(), "documents");
    auto compute = [&](const auto& keep) {
      parallel_for(to_run.size(), threads, [&](std::size_t k) {
        struct Advance {  // however this document ends
          Progress& bar;
          ~Advance() { bar.advance(); }
        } advance{*bar};
        const std::size_t d = to_run[k];
        const Document& doc = corpus.documents[d];
        std::vector<Annotation> out;
        try {
          ActivityScope activity("analyzer " + info.name + " on " + doc.id);
          slot.analyzer->analyze(doc, by_document[d], out, context);
        } catch (const std::exception& e) {
          failures[d] = "analyzer " + info.name + " failed on " + doc.id + ": " + e.what();
          return;
        } catch (...) {
          failures[d] = "analyzer " + info.name + " failed on " + doc.id + " (unknown exception)";
          return;
        }
        for (auto& a : out) {
          if (a.analyzer.empty()) a.analyzer = info.name;
          if (a.analyzer_version.empty()) a.analyzer_version = info.version;
        }
        keep(d, std::move(out));
      });
    };
    const auto keep_in_results = [&](std::size_t d, std::vector<Annotation>&& out) { results[d] = std::move(out); };
    bool in_process = !spec.isolate;
    if (spec.isolate && !to_run.empty()) {
      // In a child process, so that a crash or a hang takes this analyzer's annotations
      // only; the child hands back, per document run, its failure and its annotations.
      // Pieces of about a megabyte, each holding whole documents, go through one reused
      // buffer on either side (it stays in the cache) and are decoded as they arrive, rather
      // than gathered into the whole result (tens of MB) by copy after copy.
      std::size_t received = 0;  // documents of to_run decoded so far
      const auto receive = [&](std::string_view bytes) {
        while (!bytes.empty()) {
          if (received == to_run.size()) throw std::runtime_error("more results than documents");
          const std::size_t d = to_run[received++];
          failures[d] = decode_string(bytes);
          if (decode_u64(bytes)) results[d] = decode_annotations(bytes);
        }
      };
      const ChildOutcome child = run_in_child(
          [&](const SendFn& send) {
            // Each document's annotations are encoded as soon as they are made, while in the
            // cache, and freed: the next document's reuse their memory instead of this
            // short-lived process touching (and faulting in) fresh pages for all of them.
            std::vector<std::string> encoded(documents);
            std::vector<char> made(documents, 0);
            compute([&](std::size_t d, std::vector<Annotation>&& out) {
              encode_annotations(out, encoded[d]);
              made[d] = 1;
            });
            std::string bytes;
            for (std::size_t d : to_run) {
              encode_string(failures[d], bytes);
              encode_u64(made[d], bytes);
              bytes += encoded[d];
              std::string().swap(encoded[d]);
              if (bytes.size() >= (std::size_t{1} << 20)) {
                send(bytes);
                bytes.clear();
              }
            }
            if (!bytes.empty()) send(bytes);
          },
          plugin_limits(spec, slot.request->time_limit, threads), receive);
      const bool complete = child.status == ChildOutcome::Status::ok && received == to_run.size();
      if (!complete)  // nothing half-received is kept
        for (std::size_t d : to_run) results[d].reset(), failures[d].clear();
      if (child.status == ChildOutcome::Status::ok) {
        if (!complete) errors.push_back("analyzer " + info.name + ": its result is incomplete");
      } else if (child.status == ChildOutcome::Status::not_started) {
        spdlog::warn("{}; running analyzer {} in this process", child.message, info.name);
        in_process = true;
      } else {
        const std::string line = "analyzer " + info.name + " (plugin " + info.file.string() + ") " +
                                 (child.status == ChildOutcome::Status::failed ? "failed: " : "") + child.message +
                                 "; its annotations of " + std::to_string(to_run.size()) + " document(s) are left out";
        errors.push_back(line);
        spdlog::error("{}", line);
      }
    }
    if (in_process) compute(keep_in_results);
    bar.reset();

    std::size_t made = 0;
    for (std::size_t d = 0; d < documents; ++d) {
      if (!failures[d].empty()) {
        errors.push_back(failures[d]);
        spdlog::error("{}", failures[d]);
      }
      if (!results[d]) {
        chain[d].clear();
        continue;
      }
      if (store && !keys[d].empty()) {
        if (computed[d]) {
          std::string encoded;
          encode_annotations(*results[d], encoded);
          try {
            store->put_analysis(keys[d], encoded);
          } catch (const std::exception& e) {
            spdlog::warn("{} (the analysis is not cached)", e.what());
          }
        }
        chain[d] = keys[d];
      }
      made += results[d]->size();
      if (last) {
        made_in_order.push_back({&*results[d], 0, results[d]->size()});
        continue;
      }
      const std::size_t begin = by_document[d].size();
      if (by_document[d].empty()) {
        by_document[d] = std::move(*results[d]);  // the first analyzer's: no annotation moved one by one
      } else {
        by_document[d].reserve(begin + results[d]->size());
        std::move(results[d]->begin(), results[d]->end(), std::back_inserter(by_document[d]));
      }
      made_in_order.push_back({&by_document[d], begin, by_document[d].size()});
    }
    if (last) last_results = std::move(results);  // the vectors made_in_order points into stay put
    report.seconds[info.name] = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report.cpu_seconds[info.name] = cpu_seconds() - cpu_started;
    report.reuse[info.name] = {{"reused", reused}, {"analysed", to_run.size()}};
    if (reused)
      spdlog::info("analyzer {} made {} annotations ({} of {} documents' from the store)", info.name, made, reused,
                   documents);
    else
      spdlog::info("analyzer {} made {} annotations", info.name, made);
  }
  std::size_t total = corpus.annotations.size();
  for (const auto& m : made_in_order) total += m.end - m.begin;
  // Tens of thousands (10 MB for a GA session): moved once each, not again at every growth,
  // into memory on huge pages where the system gives them (a page fault per 2 MB, not per 4 KB).
  if (corpus.annotations.capacity() < total) {
    std::vector<Annotation> all;
    all.reserve(total);
    analyzers::advise_huge_pages(all.data(), total * sizeof(Annotation));
    std::move(corpus.annotations.begin(), corpus.annotations.end(), std::back_inserter(all));
    corpus.annotations.swap(all);
  }
  for (const auto& m : made_in_order)
    for (std::size_t k = m.begin; k < m.end; ++k) corpus.annotations.push_back(std::move((*m.annotations)[k]));
  for (const auto& e : order_errors) {
    errors.push_back(e);
    spdlog::error("{}", e);
  }
  return report;
}

}  // namespace dossier::host
