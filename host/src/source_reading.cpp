// Reading sources into documents: the reader chosen by bid, the store consulted first, in
// child processes (or on worker threads), the results gathered in source order.
#include "pipeline.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <mutex>
#include <new>
#include <optional>
#include <sstream>
#include <unordered_set>

#include <spdlog/spdlog.h>

#include "dossier/domain/citation.hpp"
#include "dossier/domain/digest.hpp"
#include "dossier/domain/text_repair.hpp"

#include "annotation_codec.hpp"
#include "child_process.hpp"
#include "corpus_linking.hpp"
#include "crash_report.hpp"
#include "document_codec.hpp"
#include "parallel.hpp"
#include "plugin_build.hpp"
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

ReaderSet::Choice ReaderSet::choose(const Source& source, const std::function<void(std::size_t)>& sniffing) const {
  Choice best;
  for (std::size_t i = 0; i < readers_.size(); ++i) {
    const auto& [library, reader] = readers_[i];
    if (sniffing) sniffing(i);
    int bid = 0;
    try {
      ActivityScope activity("reader " + library->info().name + " sniffing " + source.path);
      bid = reader->sniff(source);
    } catch (const std::exception& e) {
      spdlog::warn("reader {} failed to sniff {}: {}", library->info().name, source.path, e.what());
    } catch (...) {
      spdlog::warn("reader {} failed to sniff {}", library->info().name, source.path);
    }
    if (bid > best.bid) best = {library, reader.get(), bid, i};
  }
  return best;
}

namespace {

// What reading one source came to, in this process or in a reader's child process (then
// encoded, the document with the store's codec, to come back).
struct SourceOutcome {
  enum Kind : std::uint64_t { skipped = 0, cached = 1, parsed = 2 };
  std::uint64_t kind = skipped;
  std::string error;         // skipped: the line for the build's errors
  std::uint64_t reader = 0;  // cached, parsed: the reader chosen (ReaderSet::at)
  std::string sha256;
  Document document;  // parsed
};

void encode_outcome(const SourceOutcome& o, std::string& out) {
  encode_u64(o.kind, out);
  encode_string(o.error, out);
  encode_u64(o.reader, out);
  encode_string(o.sha256, out);
  if (o.kind == SourceOutcome::parsed) encode_document(o.document, out);
}

SourceOutcome decode_outcome(std::string_view in) {
  SourceOutcome o;
  o.kind = decode_u64(in);
  o.error = decode_string(in);
  o.reader = decode_u64(in);
  o.sha256 = decode_string(in);
  if (o.kind == SourceOutcome::parsed)
    o.document = decode_document(in);
  else if (o.kind != SourceOutcome::skipped && o.kind != SourceOutcome::cached)
    throw std::runtime_error("unknown outcome of reading a source");
  return o;
}

// One string per store key, to look keys up in a set.
std::string key_text(const DocumentKey& key) {
  return key.sha256 + '\n' + key.file_name + '\n' + key.reader + '\n' + key.reader_version;
}

// What a child process says it is doing (NoteFn): sniffing with reader N, or reading with it.
constexpr char note_sniffing = 's';
constexpr char note_reading = 'r';

// Reads one source: the file, its digest, the reader by bid, then that reader's document
// unless the store has it (`cached` holds the store's keys; null: parse whatever it holds).
SourceOutcome read_source(const fs::path& file, const ReaderSet& readers, const BuildInfo& build,
                          const std::unordered_set<std::string>* cached, std::uint64_t memory_limit,
                          const NoteFn& note) {
  SourceOutcome o;
  Source source;
  source.path = file.string();
  std::string error;
  if (!read_file(file, source.content, error)) {
    o.error = "source " + source.path + ": " + error;
    return o;
  }
  if (source.content.empty()) {
    o.error = "source " + source.path + ": empty file; skipped";
    return o;
  }
  source.sha256 = o.sha256 = sha256_hex(source.content);
  auto say = [&](char what, std::size_t reader) {
    if (note) note(std::string(1, what) + std::to_string(reader));
  };
  const ReaderSet::Choice best = readers.choose(source, [&](std::size_t r) { say(note_sniffing, r); });
  if (!best.library) {
    o.error = "source " + source.path + ": no reader understands this file (binary, or not text, PDF or "
              "Akoma Ntoso XML); skipped";
    return o;
  }
  o.reader = best.index;
  const auto& info = best.library->info();
  if (cached && cached->count(key_text({source.sha256, file.filename().string(), info.name, build_version(info)}))) {
    o.kind = SourceOutcome::cached;
    return o;
  }
  say(note_reading, best.index);
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
    o.document = std::move(doc);
    o.kind = SourceOutcome::parsed;
  } catch (const std::bad_alloc& e) {
    o.error = memory_limit ? "reader " + info.name + " exceeded its memory limit of " +
                                 describe_memory_limit(memory_limit) + " on " + source.path + "; the file is skipped"
                           : "source " + source.path + ": reader " + info.name + " failed: " + e.what();
  } catch (const std::exception& e) {
    o.error = "source " + source.path + ": reader " + info.name + " failed: " + e.what();
  } catch (...) {
    o.error = "source " + source.path + ": reader " + info.name + " failed (unknown exception)";
  }
  return o;
}

// "reader pdf crashed (SIGSEGV) on corpus/x.pdf; the file is skipped": a reader's child
// process that did not finish the file, named by what it last said it was doing.
std::string child_failure(const ChildOutcome& outcome, std::string_view note, const ReaderSet& readers,
                          const std::string& path) {
  std::string what;
  if (outcome.status == ChildOutcome::Status::crashed)
    what = "crashed (" + signal_abbreviation(outcome.signal) + ")";
  else if (outcome.status == ChildOutcome::Status::timed_out || outcome.message.rfind("exceeded ", 0) == 0)
    what = outcome.message;
  else
    what = "failed (" + outcome.message + ")";
  std::size_t reader = 0;
  const bool named = note.size() > 1 && (note[0] == note_sniffing || note[0] == note_reading) &&
                     std::from_chars(note.data() + 1, note.data() + note.size(), reader).ec == std::errc();
  if (!named) return "source " + path + ": reading it " + what + "; the file is skipped";
  return "reader " + readers.at(reader).info().name + " " + what +
         (note[0] == note_sniffing ? " while sniffing " : " on ") + path + "; the file is skipped";
}

constexpr std::size_t no_reader = std::size_t(-1);

// What stat(2) says of each file; none where it fails or is no regular file (read_file says why).
std::vector<std::optional<SourceStat>> stat_sources(const std::vector<fs::path>& files) {
  std::vector<std::optional<SourceStat>> found(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    struct stat st {};
    if (::stat(files[i].c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    const auto ns = [](const timespec& t) { return std::int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec; };
    found[i] = SourceStat{files[i].string(), std::int64_t(st.st_dev), std::int64_t(st.st_ino), std::int64_t(st.st_size),
                          ns(st.st_mtim), ns(st.st_ctim), {}, {}};
  }
  return found;
}

bool same_file_state(const SourceStat& a, const SourceStat& b) {
  return a.device == b.device && a.inode == b.inode && a.size == b.size && a.mtime_ns == b.mtime_ns &&
         a.ctime_ns == b.ctime_ns;
}

// The reader (index) that read the file when it was recorded, if it is unchanged since and the
// same readers are here; else no_reader.
std::size_t unchanged_reader(const SourceStat& now, const std::unordered_map<std::string, SourceStat>& recorded,
                             const std::string& reader_set, const ReaderSet& readers) {
  const auto it = recorded.find(now.path);
  if (it == recorded.end() || it->second.readers != reader_set || !same_file_state(it->second, now)) return no_reader;
  for (std::size_t r = 0; r < readers.size(); ++r)
    if (readers.at(r).info().name == it->second.key.reader) return r;
  return no_reader;
}

// Records in the store what each source read into a document was (`key_of(i)`: its store key,
// or null) where that changed. Not a file changed in the last seconds: a change within the
// same tick of its clock would leave its times as recorded (git's "racily clean" entries).
void record_sources(Store& store, const std::vector<fs::path>& files, const std::vector<std::optional<SourceStat>>& found,
                    const std::unordered_map<std::string, SourceStat>& recorded, const std::string& reader_set,
                    const std::function<const DocumentKey*(std::size_t)>& key_of) {
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  const std::int64_t settled = (std::int64_t(now.tv_sec) - 2) * 1'000'000'000 + now.tv_nsec;
  std::vector<SourceStat> changed;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const DocumentKey* key = key_of(i);
    if (!key || !found[i] || found[i]->ctime_ns >= settled) continue;
    SourceStat stat = *found[i];
    stat.key = *key;
    stat.readers = reader_set;
    const auto it = recorded.find(stat.path);
    if (it != recorded.end() && same_file_state(it->second, stat) && it->second.readers == reader_set &&
        it->second.key.sha256 == key->sha256 && it->second.key.reader == key->reader &&
        it->second.key.reader_version == key->reader_version)
      continue;
    changed.push_back(std::move(stat));
  }
  try {
    store.put_source_stats(changed);
  } catch (const std::exception& e) {
    spdlog::warn("{} (the next build reads every source again)", e.what());
  }
}

}  // namespace

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

  // Each source is read into its own slot, by whichever child process or worker thread takes
  // it; the slots are then gathered in source order, so the corpus does not depend on the
  // number of threads, nor on isolation.
  struct Slot {
    std::optional<Document> document;
    SourceRecord record;
    std::string error;
    std::vector<std::string> warnings;  // the document was altered to be read (--strict fails)
    std::optional<DocumentKey> key;     // its document's in the store
    bool stored = false;                // the store holds it: decoded from there
  };
  std::vector<Slot> slots(files.size());
  std::atomic<std::size_t> done{0};
  std::optional<Progress> bar(std::in_place, "read", files.size(), "documents");
  // The store's keys, for the children to tell what they need not parse.
  std::unordered_set<std::string> store_keys;
  const bool use_store = options.store && !options.refresh;
  if (use_store) {
    try {
      for (const auto& key : options.store->document_keys()) store_keys.insert(key_text(key));
    } catch (const std::exception& e) {
      spdlog::warn("{} (parsing instead)", e.what());
    }
  }
  std::mutex retry_mutex;
  std::vector<std::size_t> retry;  // in the store's keys but not found there after all: parsed again
  std::vector<std::size_t> from_store;  // the sources whose documents the store holds

  // One warning per alteration, on every build (from the store too), naming the file.
  const auto report_alterations = [](Slot& slot, const std::string& path, const Document& doc) {
    for (const auto& d : doc.diagnostics) {
      if (!is_alteration(d)) continue;
      slot.warnings.push_back("source " + path + ": " + cite_places_in(d.message, doc));
      spdlog::warn("{}", slot.warnings.back());
    }
  };

  // Takes what reading source i came to (on the thread that read it, or this one).
  auto accept = [&](std::size_t i, SourceOutcome&& o) {
    Slot& slot = slots[i];
    const std::string path = files[i].string();
    if (o.kind == SourceOutcome::skipped) {
      slot.error = std::move(o.error);
      spdlog::error("{}", slot.error);
      bar->advance();
      return;
    }
    const auto& info = readers.at(o.reader).info();
    const DocumentKey key{o.sha256, files[i].filename().string(), info.name, build_version(info)};
    slot.record = {path, o.sha256, info.name + " " + info.version, "", false};
    slot.key = key;
    if (o.kind == SourceOutcome::cached) {
      // Decoded after the children are done, by every worker (here, one thread would decode
      // what all the children only hashed).
      slot.stored = true;
      std::lock_guard<std::mutex> guard(retry_mutex);
      from_store.push_back(i);
      return;
    }
    Document& doc = o.document;
    report_alterations(slot, path, doc);
    // The store keeps what the reader made; the catalogue is applied on top, every time.
    if (options.store) {
      try {
        options.store->put(key, doc);
      } catch (const std::exception& e) {
        spdlog::warn("{} (the document is not cached)", e.what());
      }
    }
    // The name people cite it by: its symbol or title, not the id a file name gave it.
    spdlog::info("read [{}/{}] {} -> {} ({} paragraphs, {} recommendations)", ++done, files.size(), path, cited_name(doc),
                 doc.blocks.size(), doc.recommendations.size());
    slot.document = std::move(doc);
    bar->advance();
  };

  // Reads the sources `which` (indexes into files), consulting the store's keys if `cached`.
  auto read_all = [&](const std::vector<std::size_t>& which, const std::unordered_set<std::string>* cached) {
    std::vector<std::size_t> here;  // no child process could start for these
    if (options.isolate) {
      std::string not_started;
      run_items_in_children(
          which.size(), worker_count(options.threads), options.limits,
          [&](std::size_t k, const SendFn& send, const NoteFn& note) {
            std::string bytes;
            encode_outcome(read_source(files[which[k]], readers, build, cached, options.limits.memory, note), bytes);
            send(bytes);
          },
          [&](std::size_t k, std::string_view bytes) { accept(which[k], decode_outcome(bytes)); },
          [&](std::size_t k, const ChildOutcome& outcome, std::string_view note) {
            if (outcome.status == ChildOutcome::Status::not_started) {
              not_started = outcome.message;
              here.push_back(which[k]);
              return;
            }
            Slot& slot = slots[which[k]];
            slot.error = child_failure(outcome, note, readers, files[which[k]].string());
            spdlog::error("{}", slot.error);
            bar->advance();
          });
      if (here.empty()) return;
      spdlog::warn("{}; reading {} source(s) in this process", not_started, here.size());
    } else {
      here = which;
    }
    parallel_for(here.size(), worker_count(options.threads), [&](std::size_t k) {
      accept(here[k], read_source(files[here[k]], readers, build, cached, 0, {}));
    });
  };

  // A source unchanged since a build recorded it comes from the store as it is: no child
  // opens, hashes and sniffs it (a rebuild's read stage was mostly that).
  std::string reader_set;
  for (std::size_t r = 0; r < readers.size(); ++r)
    reader_set += readers.at(r).info().name + ' ' + build_version(readers.at(r).info()) + '\n';
  std::unordered_map<std::string, SourceStat> recorded;
  if (use_store) {
    try {
      recorded = options.store->source_stats();
    } catch (const std::exception& e) {
      spdlog::warn("{} (reading every source)", e.what());
    }
  }
  const std::vector<std::optional<SourceStat>> found = stat_sources(files);
  std::vector<std::size_t> to_read;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::size_t reader = use_store && found[i] ? unchanged_reader(*found[i], recorded, reader_set, readers) : no_reader;
    if (reader == no_reader || !store_keys.count(key_text(recorded.at(found[i]->path).key))) {
      to_read.push_back(i);
      continue;
    }
    SourceOutcome unchanged;
    unchanged.kind = SourceOutcome::cached;
    unchanged.reader = reader;
    unchanged.sha256 = recorded.at(found[i]->path).key.sha256;
    accept(i, std::move(unchanged));
    ++result.unopened;
  }
  if (result.unopened > 0)
    spdlog::info("{} of {} sources unchanged since the last build (size, times, inode): not opened", result.unopened,
                 files.size());
  read_all(to_read, use_store ? &store_keys : nullptr);
  parallel_for(from_store.size(), worker_count(options.threads), [&](std::size_t k) {
    const std::size_t i = from_store[k];
    Slot& slot = slots[i];
    std::optional<Document> cached;
    try {
      cached = options.store->find(*slot.key);
    } catch (const std::exception& e) {
      spdlog::warn("{} (parsing instead)", e.what());
    }
    if (!cached) {
      std::lock_guard<std::mutex> guard(retry_mutex);
      retry.push_back(i);
      return;
    }
    const std::string path = files[i].string();
    cached->source = path;
    spdlog::info("read [{}/{}] {} -> {} (from the store)", ++done, files.size(), path, cited_name(*cached));
    slot.record.reused = true;
    report_alterations(slot, path, *cached);
    slot.document = std::move(*cached);
    bar->advance();
  });
  std::sort(retry.begin(), retry.end());
  if (!retry.empty()) read_all(retry, nullptr);
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
  if (use_store) record_sources(*options.store, files, found, recorded, reader_set, [&](std::size_t i) {
    return slots[i].document ? &*slots[i].key : nullptr;
  });
  finish_corpus(result, options.catalogue);
  return result;
}

}  // namespace dossier::host
