// One build as a sequence of stages (read, analyze, export, commit, record), each in its
// own file (stage_*.cpp), and the small helpers pipeline.hpp offers the rest of the host.
#include "pipeline.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>

#include <sys/resource.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include "build_record.hpp"
#include "child_process.hpp"
#include "health.hpp"
#include "stage_analyze.hpp"
#include "stage_commit.hpp"
#include "stage_export.hpp"
#include "stage_history.hpp"
#include "stage_read.hpp"
#include "stage_store.hpp"
#include "search_index.hpp"
#include "store.hpp"

namespace dossier::host {

namespace fs = std::filesystem;

void log_from_plugin(LogLevel level, std::string_view plugin, std::string_view message) {
  const auto lvl = level == LogLevel::debug  ? spdlog::level::debug
                   : level == LogLevel::info ? spdlog::level::info
                   : level == LogLevel::warn ? spdlog::level::warn
                                             : spdlog::level::err;
  spdlog::log(lvl, "[{}] {}", plugin, message);
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

namespace {

// Whether a leak checker (AddressSanitizer's) watches this process: it would report the corpus
// left to the process's end.
constexpr bool under_leak_checker() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#else
  return false;
#endif
#else
  return false;
#endif
}

// The store's search index (`dossier search`) brought to this corpus while the exporters run:
// on a large corpus it takes as long as the export stage (FTS5 over every paragraph), which
// leaves a core free. It runs in a child process forked before the exporters' (this thread is
// then alone in the process, so the child inherits no lock another thread holds), with a
// connection of its own to the store (SQLite connections do not cross fork) and the corpus's
// pages shared with this process. A failure costs the search, not the build: a warning.
class SearchIndexing {
 public:
  SearchIndexing(const RunSpec& spec, Store& store, const CorpusView& view)
      : store_(store), view_(view), job_(spec.build.job_name), started_(std::chrono::steady_clock::now()) {
    if (!store.writable()) return;
    if (!spec.isolate) {
      run_here();
      return;
    }
    // This process's connection is closed while the child has its own (stage_export.cpp does
    // not use the store), and opened again by finish().
    store_.suspend();
    const std::filesystem::path file = store_.file();
    child_ = std::make_unique<StartedChild>(
        [&](const SendFn& send) {
          Store own(file, Store::Access::second_writer);
          const SearchIndexUpdate u = update_search_index(own, view_, job_);
          send(std::to_string(u.rewritten) + ' ' + std::to_string(u.documents) + ' ' + std::to_string(u.removed));
        },
        ChildLimits{});
  }
  // Only when finish() was not called (a build that ends early): after it, the store may be gone.
  ~SearchIndexing() {
    if (!child_) return;
    child_.reset();  // waits for it
    store_.resume();
  }
  SearchIndexing(const SearchIndexing&) = delete;
  SearchIndexing& operator=(const SearchIndexing&) = delete;

  /// Waits for the index; its time goes into the record.
  void finish(BuildRecord& record) {
    if (child_) {
      const ChildOutcome outcome = child_->wait();
      child_.reset();
      seconds_ = seconds_since(started_);
      store_.resume();
      switch (outcome.status) {
        case ChildOutcome::Status::ok: {
          SearchIndexUpdate u;
          std::istringstream(outcome.payload) >> u.rewritten >> u.documents >> u.removed;
          log(u);
          break;
        }
        case ChildOutcome::Status::not_started:
          run_here();
          break;
        default:
          warn(outcome.message);
      }
      ran_ = true;
    }
    if (ran_) record.timings["search_index"] = seconds_;
  }

 private:
  void run_here() {
    try {
      log(update_search_index(store_, view_, job_));
    } catch (const std::exception& e) {
      warn(e.what());
    }
    seconds_ = seconds_since(started_);
    ran_ = true;
  }
  static void log(const SearchIndexUpdate& u) {
    spdlog::debug("search index: {} of {} document versions indexed again, {} removed", u.rewritten, u.documents,
                  u.removed);
  }
  static void warn(const std::string& why) {
    spdlog::warn("the search index could not be updated ({}); `dossier search` finds what the last build indexed",
                 why);
  }

  Store& store_;
  const CorpusView& view_;
  const std::string job_;
  const std::chrono::steady_clock::time_point started_;
  std::unique_ptr<StartedChild> child_;
  double seconds_ = 0;
  bool ran_ = false;
};

}  // namespace

void log_memory(std::string_view stage) {
  if (!spdlog::should_log(spdlog::level::debug)) return;
  std::uint64_t size = 0, resident = 0;
  std::ifstream("/proc/self/statm") >> size >> resident;
  rusage self{}, children{};
  getrusage(RUSAGE_SELF, &self);
  getrusage(RUSAGE_CHILDREN, &children);
  const auto page = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
  const std::uint64_t now = resident * page >> 20;
  // The kernel counts resident pages per CPU and folds them in late: the peak it reports
  // can lag what statm says a moment later.
  const std::uint64_t peak = std::max<std::uint64_t>(now, static_cast<std::uint64_t>(self.ru_maxrss) >> 10);
  spdlog::debug("memory after {}: {} MB resident, peak {} MB, largest child process {} MB", stage, now, peak,
                children.ru_maxrss >> 10);
}

fs::path shard_store_file(const fs::path& output_dir, std::size_t index, std::size_t count) {
  return output_dir / ".dossier" / "shards" /
         ("shard-" + std::to_string(index) + "-of-" + std::to_string(count) + ".sqlite");
}

fs::path default_cache_file(const fs::path& output_dir) { return output_dir / ".dossier" / "store.sqlite"; }

RunReport run_pipeline(const RunSpec& spec, const PluginRegistry& registry) {
  RunReport report;
  const auto started = std::chrono::steady_clock::now();
  BuildRecord record;  // manifest.json's sources, outputs, reuse and timings

  const auto read_started = std::chrono::steady_clock::now();  // opening the store counts as reading
  std::unique_ptr<Store> store;
  if (!open_store(spec, store, report) || !merge_partial_stores(spec, store.get(), report)) return report;
  // On the heap, and left there when the process ends after the build (RunSpec::process_ends_after).
  auto read_result = std::make_unique<ReadResult>();
  std::unique_ptr<CorpusView> corpus_view;
  struct LeftToExit {
    bool leave;
    std::unique_ptr<ReadResult>& read;
    std::unique_ptr<CorpusView>& view;
    ~LeftToExit() {
      if (leave) (void)view.release(), (void)read.release();
    }
  } left_to_exit{spec.process_ends_after && !under_leak_checker(), read_result, corpus_view};
  ReadResult& read = *read_result;
  CorpusHealth health;
  if (!read_stage(spec, registry, store.get(), read_started, read, health, record, report)) return report;
  Corpus& corpus = read.corpus;
  log_memory("reading");
  if (!analyze_stage(spec, registry, store.get(), corpus, health, record, report)) return report;  // a shard ends here
  log_memory("analysis");

  // Built once for the history and every exporter; the corpus is not changed after this.
  corpus_view = std::make_unique<CorpusView>(corpus);
  const CorpusView& view = *corpus_view;
  RecordedHistory history;
  Store::JobState next_state;
  bool history_known = false;
  if (!compare_history(spec, store.get(), view, history, next_state, history_known, report)) return report;

  PreparedExports prepared;
  log_memory("indexing");
  // The store is the search index's alone until it has finished.
  std::optional<SearchIndexing> search_indexing;
  if (store) search_indexing.emplace(spec, *store, view);
  const auto exporting = std::chrono::steady_clock::now();
  if (!export_stage(spec, registry, view, history, prepared, report)) return report;
  record.timings["exporters_wall"] = seconds_since(exporting);  // side by side: less than their sum
  if (search_indexing) search_indexing->finish(record);
  commit_stage(spec, prepared, record, report);
  record.timings["total"] = seconds_since(started);
  if (!prepared.generations->staging().empty())
    write_manifest(spec, prepared.generations->staging(), record, health, report);
  const bool published = publish_stage(spec, prepared, report);
  // Recorded once the outputs are published, and only when everything succeeded: after a
  // failed build, the next one still reports what changed since the last complete one. A
  // crash between publishing and recording makes the next build announce these changes
  // again, never lose them.
  if (published && history_known) record_history(spec, store.get(), next_state, report);
  store.reset();
  log_health(health, 20, "; see manifest.json");
  if (report.exit_code == exit_failure) return report;

  if (prepared.failed_exports == spec.exporters.size())
    report.exit_code = exit_failure;
  else if (!report.errors.empty())
    report.exit_code = exit_partial;
  return report;
}

}  // namespace dossier::host
