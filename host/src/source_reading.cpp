// Reading sources into documents: the reader chosen by bid, the store consulted first, on
// worker threads, the results gathered in source order.
#include "pipeline.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <optional>

#include <spdlog/spdlog.h>

#include "dossier/domain/digest.hpp"
#include "dossier/domain/text_repair.hpp"

#include "corpus_linking.hpp"
#include "crash_report.hpp"
#include "parallel.hpp"
#include "progress.hpp"
#include "store.hpp"

namespace dossier::host {

namespace fs = std::filesystem;

bool read_file(const fs::path& path, std::string& out, std::string& error) {
  // O_NONBLOCK: a FIFO put where a listed file was does not block the open, and is refused
  // below; on a regular file the flag changes nothing.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    error = std::string("cannot open (") + std::strerror(errno) + ")";
    return false;
  }
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (!ok) error = "not a regular file; not read";
  std::string content;
  char buffer[1 << 16];
  while (ok) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      content.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0) {
      break;
    } else if (errno != EINTR) {
      error = std::string("read error (") + std::strerror(errno) + ")";
      ok = false;
    }
  }
  ::close(fd);
  if (ok) out = std::move(content);
  return ok;
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


ReadResult read_sources(const std::vector<std::string>& sources, const PluginRegistry& registry,
                        const BuildInfo& build, std::vector<std::string>& errors, ReadOptions options) {
  ReadResult result;
  const ReaderSet readers(registry);

  const SourceList listed = collect_sources(sources, options.follow_symlinks);
  const auto files = shard_of(listed.files, options.shard_index, options.shard_count);
  for (const auto& m : listed.skipped) {
    errors.push_back("source " + m);
    spdlog::error("source {}", m);
  }
  for (const auto& n : listed.notes) {
    result.warnings.push_back("source " + n);
    spdlog::warn("source {}", n);
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

}  // namespace dossier::host
