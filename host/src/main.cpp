// dossier: the command-line host. Loads plugins and runs builds.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <optional>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "build_lock.hpp"
#include "catalogue.hpp"
#include "check.hpp"
#include "crash_report.hpp"
#include "dry_run.hpp"
#include "eval.hpp"
#include "train.hpp"
#include "dossier/domain/citation.hpp"
#include "dossier/version.hpp"
#include "job.hpp"
#include "logging.hpp"
#include "pipeline.hpp"
#include "plugin_registry.hpp"
#include "progress.hpp"
#include "requests.hpp"
#include "shard.hpp"
#include "show.hpp"

namespace fs = std::filesystem;
using namespace dossier;
using namespace dossier::host;

namespace {

struct GlobalOptions {
  int verbose = 0;
  int quiet = 0;
  std::vector<std::string> plugin_paths;
  LogFormat log_format = LogFormat::text;
};

void setup_logging(const GlobalOptions& g) {
  spdlog::level::level_enum level = spdlog::level::info;
  if (g.verbose > 0) level = spdlog::level::debug;
  if (g.quiet == 1) level = spdlog::level::warn;
  if (g.quiet > 1) level = spdlog::level::err;
  setup_logging(level, g.log_format);
  // Bars only for a person watching: never in a pipe, a log file or JSON logs, nor with -q.
  Progress::set_enabled(::isatty(STDERR_FILENO) && g.log_format == LogFormat::text && level <= spdlog::level::info);
}

PluginRegistry load_registry(const GlobalOptions& g, bool report_problems = true) {
  std::vector<fs::path> extra(g.plugin_paths.begin(), g.plugin_paths.end());
  PluginRegistry registry;
  for (const auto& dir : PluginRegistry::search_path(extra)) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      spdlog::debug("plugin folder {} does not exist", dir.string());
      continue;
    }
    spdlog::debug("looking for plugins in {}", dir.string());
    registry.discover({dir});
  }
  if (report_problems)
    for (const auto& p : registry.problems()) spdlog::warn("{}", p.one_line());
  return registry;
}

// The catalogue named by --catalogue, if any, into `out`; false (logged) when it is wrong.
bool load_catalogue(const std::string& file, std::optional<Catalogue>& out) {
  if (file.empty()) return true;
  try {
    out = Catalogue::load(file);
    return true;
  } catch (const ConfigError& e) {
    spdlog::error("{}", e.what());
    return false;
  }
}

int run_spec(RunSpec spec, const GlobalOptions& g, bool dry_run) {
  std::optional<Catalogue> catalogue;  // checked here, before anything is read; the build loads it again
  if (!load_catalogue(spec.catalogue.string(), catalogue)) return exit_config;
  PluginRegistry registry = load_registry(g);
  for (const auto& line : add_needed_analyzers(spec, registry)) spdlog::info("{}", line);
  auto problems = validate_requests(spec, registry);
  if (!problems.empty()) {
    for (const auto& p : problems) spdlog::error("{}", p);
    return exit_config;
  }
  if (dry_run) return describe_build(spec, registry, std::cout);
  spec.build.host_version = DOSSIER_VERSION_STRING;
  spec.build.build_time = build_time_now();
  // Shards of one job run at once, each with its own lock; a build or merge takes the job's.
  BuildLock lock(spec.output_dir, spec.shard_count ? "lock-shard-" + std::to_string(spec.shard_index) + "-of-" +
                                                         std::to_string(spec.shard_count)
                                                   : std::string("lock"));
  if (!lock.held()) {
    spdlog::error("{}", lock.error());
    return lock.busy() ? exit_locked : exit_failure;
  }
  RunReport report = run_pipeline(spec, registry);
  std::size_t files = 0;
  for (const auto& e : report.exports) files += e.files.size();
  if (report.exit_code == exit_ok)
    spdlog::info("done: {} documents, {} file(s) in {}", report.documents_read, files, spec.output_dir.string());
  else
    spdlog::warn("finished with {} problem(s): {} documents, {} file(s) in {}",
                 report.errors.size() + (spec.strict ? report.unhealthy_documents : 0),
                 report.documents_read, files, spec.output_dir.string());
  return report.exit_code;
}

int plugins_list(const GlobalOptions& g, bool json) {
  PluginRegistry registry = load_registry(g, !json);
  if (json) {
    nlohmann::ordered_json out = {{"plugins", nlohmann::ordered_json::array()},
                                  {"problems", nlohmann::ordered_json::array()}};
    for (const auto& p : registry.plugins()) {
      const auto& i = p->info();
      nlohmann::ordered_json options = nlohmann::ordered_json::array();
      for (const auto& o : i.options)
        options.push_back(
            {{"name", o.name}, {"type", to_string(o.type)}, {"default", o.default_value}, {"help", o.help}});
      out["plugins"].push_back({{"name", i.name},
                                {"kind", to_string(i.kind)},
                                {"version", i.version},
                                {"description", i.description},
                                {"file", i.file.string()},
                                {"needs", i.needs},
                                {"options", std::move(options)}});
    }
    for (const auto& p : registry.problems())
      out["problems"].push_back({{"file", p.file.string()}, {"message", p.message}});
    std::cout << out.dump(2) << "\n";
    return exit_ok;
  }
  if (registry.plugins().empty()) {
    std::cout << "no plugins found (searched: ";
    bool first = true;
    for (const auto& d : PluginRegistry::search_path({g.plugin_paths.begin(), g.plugin_paths.end()}))
      std::cout << (first ? "" : ", ") << d.string(), first = false;
    std::cout << ")\n";
    return exit_ok;
  }
  std::size_t w_name = 4, w_version = 7;
  for (const auto& p : registry.plugins()) {
    w_name = std::max(w_name, p->info().name.size());
    w_version = std::max(w_version, p->info().version.size());
  }
  auto pad = [](const std::string& s, std::size_t w) { return s + std::string(w - std::min(w, s.size()) + 2, ' '); };
  std::cout << pad("NAME", w_name) << pad("KIND", 8) << pad("VERSION", w_version) << "FILE\n";
  for (const auto& p : registry.plugins()) {
    const auto& i = p->info();
    std::cout << pad(i.name, w_name) << pad(to_string(i.kind), 8) << pad(i.version, w_version)
              << i.file.string() << "\n";
  }
  return exit_ok;
}

int plugins_info(const GlobalOptions& g, const std::string& name) {
  PluginRegistry registry = load_registry(g);
  // Names are unique per kind, so "pdf" may be both a reader and an exporter: show each.
  bool found = false;
  for (const auto& p : registry.plugins()) {
    const auto& i = p->info();
    if (i.name != name) continue;
    if (found) std::cout << "\n";
    found = true;
    std::cout << "name:        " << i.name << "\n"
              << "kind:        " << to_string(i.kind) << "\n"
              << "version:     " << i.version << "\n"
              << "description: " << i.description << "\n"
              << "file:        " << i.file.string() << "\n";
    if (i.kind == PluginKind::exporter) {
      try {
        std::cout << "writes:      " << p->make_exporter()->default_file_name() << " (by default)\n";
      } catch (const std::exception& e) {
        spdlog::error("{}", e.what());
        return exit_plugin_invalid;
      }
    }
    if (!i.needs.empty()) {
      std::cout << "needs:      ";
      for (const auto& n : i.needs) std::cout << " " << n;
      std::cout << " (analyzers; run with their defaults when a build does not)\n";
    }
    if (i.options.empty()) std::cout << "options:     none\n";
    else std::cout << "options:\n";
    for (const auto& o : i.options) {
      std::cout << "  " << o.name << " (" << to_string(o.type);
      if (!o.default_value.empty()) std::cout << ", default " << o.default_value;
      std::cout << ")" << (o.help.empty() ? "" : ": " + o.help) << "\n";
    }
  }
  if (!found) {
    spdlog::error("no plugin named '{}' (see `dossier plugins list`)", name);
    return exit_config;
  }
  return exit_ok;
}

int plugins_check(const std::string& file) {
  PluginProblem problem;
  auto p = PluginLibrary::load(file, &problem);
  if (!p) {
    spdlog::error("{}", problem.one_line());
    return exit_plugin_invalid;
  }
  // A descriptor can be right while the factory is not: make one object to be sure.
  try {
    switch (p->info().kind) {
      case PluginKind::reader: p->make_reader(); break;
      case PluginKind::analyzer: p->make_analyzer(); break;
      case PluginKind::exporter: p->make_exporter(); break;
    }
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return exit_plugin_invalid;
  }
  const auto& i = p->info();
  std::cout << "ok: " << file << ": " << to_string(i.kind) << " '" << i.name << "' version " << i.version
            << ", plugin ABI " << DOSSIER_ABI_VERSION << "\n";
  return exit_ok;
}

std::vector<std::string> split_commas(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    std::size_t start = 0;
    while (start <= item.size()) {
      const auto comma = item.find(',', start);
      const auto part = item.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!part.empty()) out.push_back(part);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  install_crash_report();

  CLI::App app{"Dossier: turns UN and GFMD policy documents into recommendation-to-SDG "
               "matrices, PDF briefs and XML feeds, through plugins."};
  app.name("dossier");
  char layout[17];
  std::snprintf(layout, sizeof layout, "%016llx", static_cast<unsigned long long>(layout_fingerprint()));
  app.set_version_flag("--version", std::string("dossier ") + DOSSIER_VERSION_STRING + " (plugin ABI " +
                                        std::to_string(DOSSIER_ABI_VERSION) + ", model layout " + layout + ")");
  app.require_subcommand(1);
  app.fallthrough();  // global options also after the subcommand
  app.footer("Exit codes: 0 ok, 1 failure, 2 usage, 3 partial success, 4 configuration error,\n"
             "5 input error, 6 invalid plugin, 7 another build holds the output folder. See docs/cli.md.");

  GlobalOptions g;
  app.add_flag("-v,--verbose", g.verbose, "More log output (debug)");
  app.add_flag("-q,--quiet", g.quiet, "Less log output (-q warnings, -qq errors only)");
  std::string log_format = "text";
  app.add_option("--log-format", log_format, "Log lines on stderr: text, or json (one object per line)")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("text|json");
  bool allow_untrusted = false;
  app.add_flag("--allow-untrusted-plugins", allow_untrusted,
               "Load plugin files even if other users could have replaced them (docs/plugins.md)");
  app.add_option("--plugin-path", g.plugin_paths,
                 "Also look for plugins in DIR (repeatable; searched before DOSSIER_PLUGIN_PATH "
                 "and the built-in folder)")
      ->type_name("DIR")
      ->allow_extra_args(false);  // one folder per --plugin-path, so sources can follow

  // plugins
  auto* plugins = app.add_subcommand("plugins", "List, describe and check plugins");
  plugins->require_subcommand(1);
  bool list_json = false;
  auto* list = plugins->add_subcommand("list", "List every plugin found in the search path");
  list->add_flag("--json", list_json, "Machine-readable output");
  std::string info_name;
  auto* info = plugins->add_subcommand("info", "Describe one plugin");
  info->add_option("NAME", info_name, "Plugin name")->required();
  std::string check_file;
  auto* plugin_check = plugins->add_subcommand("check", "Load and validate one plugin library, saying what is wrong");
  plugin_check->add_option("FILE", check_file, "Path to a plugin library (.so)")->required();

  // run
  std::vector<std::string> run_sources, run_analyze, run_export;
  std::string run_out, run_lang = "en";
  auto* run = app.add_subcommand("run", "Ad-hoc build over files and folders");
  run->add_option("SOURCE", run_sources, "Files, folders (read recursively) or glob patterns")->required();
  run->add_option("--analyze,-a", run_analyze, "Analyzers to run (comma-separated or repeated)")
      ->type_name("NAME,...")
      ->allow_extra_args(false);
  run->add_option("--export,-e", run_export, "Exporters to run, each with an optional output file name (comma-separated or repeated)")
      ->type_name("NAME[:FILE],...")
      ->allow_extra_args(false)
      ->required();
  run->add_option("--out,-o", run_out, "Output folder")->type_name("DIR")->required();
  run->add_option("--lang", run_lang, "Language of labels and titles in outputs (en, fr, es, ru, ar, zh)")
      ->capture_default_str();
  struct CacheOptions {
    std::string file;
    bool off = false;
    bool force = false;
    bool dry_run = false;
    std::optional<unsigned> threads;
  } run_cache, build_cache, merge_cache;
  auto add_cache_options = [](CLI::App* cmd, CacheOptions& c) {
    cmd->add_flag("--dry-run,-n", c.dry_run,
                  "Print what would be read (and by which reader), run and written; write nothing");
    cmd->add_option("--cache", c.file, "Store of parsed documents (default: OUT/.dossier/store.sqlite)")
        ->type_name("FILE");
    cmd->add_flag("--no-cache", c.off, "Neither read nor write the store");
    cmd->add_flag("--force", c.force, "Parse and analyse everything again, ignoring (and refreshing) the store");
    cmd->add_option("--threads,-j", c.threads, "Worker threads for parsing and analysis (default: every core; "
                                               "outputs are the same whatever the number)")
        ->type_name("N")
        ->check(CLI::Range(1u, 1024u));
  };
  add_cache_options(run, run_cache);
  // Crash isolation (docs/cli.md): a time limit per plugin, or plugins in this process.
  struct IsolationOptions {
    long long time_limit = -1;  // not given: the job's, or RunSpec's default
    bool off = false;
  } run_isolation, build_isolation, merge_isolation;
  auto add_isolation_options = [](CLI::App* cmd, IsolationOptions& o) {
    cmd->add_option("--plugin-time-limit", o.time_limit,
                    "Kill a plugin still running after SECONDS and report it (0: no limit; default 3600)")
        ->type_name("SECONDS")
        ->check(CLI::Range(0LL, 1000000000LL));
    cmd->add_flag("--no-isolation", o.off,
                  "Run plugins inside this process, for a debugger: a crash then ends the whole build");
  };
  auto apply_isolation = [](RunSpec& spec, const IsolationOptions& o) {
    if (o.time_limit >= 0) spec.plugin_time_limit = std::chrono::seconds(o.time_limit);
    spec.isolate = !o.off;
  };
  add_isolation_options(run, run_isolation);
  bool run_strict = false, build_strict = false;
  const char* strict_help =
      "Fail (exit 5, nothing exported) if any source is skipped, or any document has a health warning "
      "(altered to be read, or something looks lost; docs/cli.md)";
  run->add_flag("--strict", run_strict, strict_help);
  std::string run_catalogue;
  run->add_option("--catalogue", run_catalogue, "Metadata per source file (docs/catalogue.md)")->type_name("FILE");

  // build
  std::string job_file, build_out;
  auto* build = app.add_subcommand("build", "Run a job file (scheduled builds)");
  build->add_option("JOB", job_file, "Job file (TOML), e.g. samples/jobs/gfmd.toml")->required();
  build->add_option("--out,-o", build_out, "Output folder (overrides the job's 'output')")->type_name("DIR");
  add_cache_options(build, build_cache);
  std::string shard_text;
  build->add_option("--shard", shard_text,
                    "Parse and analyse only share K of N of the sources into a partial store, export nothing; "
                    "'auto' reads a Kubernetes Indexed Job's or Slurm array's environment (docs/scale-out.md)")
      ->type_name("K/N|auto");
  add_isolation_options(build, build_isolation);
  build->add_flag("--strict", build_strict, std::string(strict_help) + "; also the job key 'strict'");
  auto apply_cache = [](RunSpec& spec, const CacheOptions& c) {
    if (!c.file.empty()) spec.cache_file = c.file;
    spec.use_cache = !c.off;
    spec.force = c.force;
    if (c.threads) spec.threads = *c.threads;
  };

  // merge
  std::string merge_job, merge_out;
  std::vector<std::string> merge_parts;
  auto* merge = app.add_subcommand("merge", "Merge the partial stores of a sharded build, then build the job's outputs");
  merge->add_option("JOB", merge_job, "Job file (TOML) the shards were built from")->required();
  merge->add_option("PARTIAL_STORE", merge_parts,
                    "Partial stores to merge (default: every OUT/.dossier/shards/shard-K-of-N.sqlite, all N present)");
  merge->add_option("--out,-o", merge_out, "Output folder (overrides the job's 'output')")->type_name("DIR");
  merge->add_option("--cache", merge_cache.file, "The job's store (default: OUT/.dossier/store.sqlite)")->type_name("FILE");
  add_isolation_options(merge, merge_isolation);
  merge->add_option("--threads,-j", merge_cache.threads, "Worker threads for what is not in the partial stores")
      ->type_name("N")
      ->check(CLI::Range(1u, 1024u));

  // show
  std::string show_address;
  std::vector<std::string> show_sources;
  auto* show = app.add_subcommand("show", "Print the text a citation points at, with its section and footnotes");
  show->add_option("ADDRESS", show_address, "Citation: \"A/68/283 ¶135\", \"A/68/283 para 50-54\", \"A/RES/76/172 ¶4(a)\", \"ID §6.1 #3\"")
      ->required();
  show->add_option("SOURCE", show_sources, "Files, folders or glob patterns to read")->required();
  std::string show_catalogue;
  show->add_option("--catalogue", show_catalogue, "Metadata per source file (docs/catalogue.md)")->type_name("FILE");
  std::string show_language;
  show->add_option("--lang", show_language, "The document's version in this language (\"fr\"), when the sources hold it")
      ->type_name("LANG");

  // check
  std::vector<std::string> check_sources_args;
  std::string check_catalogue;
  std::optional<unsigned> check_threads;
  bool check_json = false;
  auto* source_check = app.add_subcommand(
      "check", "Read sources and report each document's health (what looks lost); build and write nothing");
  source_check->add_option("SOURCE", check_sources_args, "Files, folders (read recursively) or glob patterns")
      ->required();
  source_check->add_option("--catalogue", check_catalogue, "Metadata per source file (docs/catalogue.md)")
      ->type_name("FILE");
  source_check->add_option("--threads,-j", check_threads, "Worker threads for reading (default: every core)")
      ->type_name("N")
      ->check(CLI::Range(1u, 1024u));
  source_check->add_flag("--json", check_json, "Machine-readable output (manifest.json's \"health\" and more)");
  source_check->footer("Info diagnostics too with -v. Exit codes: 0 every document healthy, 3 some with warnings "
                       "or some sources not read, 4 bad catalogue, 5 no source could be read.");

  // eval
  std::string eval_corpus, eval_labels, eval_metadata_key;
  EvalOptions eval_options;
  bool eval_json = false;
  auto* eval = app.add_subcommand(
      "eval", "Score goal-level mappings in corpus.json against a labels file, or documents' profiles against "
              "their metadata");
  eval->add_option("CORPUS", eval_corpus, "corpus.json written by the json exporter")->required();
  auto* eval_labels_option =
      eval->add_option("LABELS", eval_labels, "CSV with a header: paragraph numbers and ';'-separated codes");
  eval->add_option("--documents-by", eval_metadata_key,
                   "Score each document's own annotations (its profile) against its metadata KEY instead "
                   "(un_sdg_goal: the UN Library's SDG goals of a resolution)")
      ->excludes(eval_labels_option);
  eval->footer("Give LABELS or --documents-by.");
  eval->add_option("--document", eval_options.document, "Only this document id (e.g. A/HRC/43/15)");
  eval->add_option("--scheme", eval_options.scheme, "Annotation scheme")->capture_default_str();
  eval->add_option("--level", eval_options.level, "Annotation level")->capture_default_str();
  eval->add_option("--threshold", eval_options.threshold, "Ignore annotations scoring below")
      ->capture_default_str();
  eval->add_option("--id-column", eval_options.id_column, "Labels column with paragraph numbers")
      ->capture_default_str();
  eval->add_option("--labels-column", eval_options.labels_column, "Labels column with the codes")
      ->capture_default_str();
  eval->add_flag("--json", eval_json, "Machine-readable output");

  // train
  TrainSpec train_spec;
  std::optional<unsigned> train_threads;
  bool train_no_reference_texts = false;
  auto* train = app.add_subcommand(
      "train", "Rebuild the sdg or gcm analyzer's classifier from labelled data and report its cross-validated scores");
  train->add_option("SOURCE", train_spec.sources,
                    "Documents labelled by their publisher's metadata (AKN resolutions: the UN Library's SDG goals)");
  train->add_option("--examples", train_spec.examples,
                    "CSV of labelled passages (repeatable): one row each, codes separated by ';'")
      ->type_name("CSV");
  train->add_option("--text-column", train_spec.text_column, "Examples' column with the text")->capture_default_str();
  train->add_option("--labels-column", train_spec.labels_column, "Examples' column with the codes")
      ->capture_default_str();
  train->add_option("--examples-language", train_spec.examples_language, "Language of the examples (for the report)");
  train->add_option("--label-key", train_spec.label_key, "Document metadata key holding the labels")
      ->capture_default_str();
  train->add_flag("--no-reference-texts", train_no_reference_texts,
                  "Do not learn from the SDG goal and target titles in the six UN languages");
  train->add_option("--scheme", train_spec.scheme,
                    "sdg (goals, documents labelled by their metadata) or gcm (objectives, paragraphs labelled by "
                    "the objectives their heading names)")
      ->check(CLI::IsMember({"sdg", "gcm"}))
      ->capture_default_str();
  train->add_option("--init", train_spec.init,
                    "Fine-tune: start from this model file (its terms, labels and weights; e.g. the shipped one, "
                    "installed in share/dossier/models/sdg/) instead of from scratch; give few --epochs");
  train->add_option("--out,-o", train_spec.output, "Model file to write")->required();
  train->add_option("--name", train_spec.name, "Model name (default: sdg-goals or gcm-objectives)");
  train->add_option("--model-version", train_spec.version, "Model version (default: today's date)");
  train->add_option("--licence", train_spec.licence, "Licence or terms of the model file, recorded in it");
  train->add_option("--min-df", train_spec.options.min_df, "Keep terms found in at least N examples")
      ->capture_default_str();
  train->add_option("--max-terms", train_spec.options.max_terms, "Keep at most N terms, the most widespread")
      ->capture_default_str();
  train->add_option("--stems", train_spec.options.stems,
                    "Also learn each word's first N letters, so that inflected forms (Russian cases, Arabic "
                    "with its article) share a term; 0: whole words only")
      ->check(CLI::Range(0u, 32u))
      ->capture_default_str();
  train->add_option("--l2", train_spec.options.l2, "L2 penalty")->capture_default_str();
  train->add_option("--epochs", train_spec.options.epochs, "Passes over the examples")->capture_default_str();
  train->add_option("--threads,-j", train_threads, "Worker threads for reading (default: every core)")
      ->type_name("N")
      ->check(CLI::Range(1u, 1024u));
  train->footer("Needs at least one SOURCE or --examples. docs/classifier.md says how the shipped model is built.");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? exit_ok : exit_usage;
  }
  g.log_format = log_format == "json" ? LogFormat::json : LogFormat::text;
  PluginLibrary::allow_untrusted(allow_untrusted);
  setup_logging(g);

  try {
    if (*list) return plugins_list(g, list_json);
    if (*info) return plugins_info(g, info_name);
    if (*plugin_check) return plugins_check(check_file);
    if (*run) {
      RunSpec spec;
      spec.sources = run_sources;
      for (const auto& name : split_commas(run_analyze)) spec.analyzers.push_back({name, {}, {}});
      for (const auto& e : split_commas(run_export)) spec.exporters.push_back(parse_export_argument(e));
      spec.output_dir = run_out;
      spec.build.job_name = "run";
      spec.build.language = run_lang;
      apply_cache(spec, run_cache);
      apply_isolation(spec, run_isolation);
      spec.catalogue = run_catalogue;
      spec.strict = run_strict;
      return run_spec(std::move(spec), g, run_cache.dry_run);
    }
    if (*eval) {
      const auto read_text = [](const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error(path + ": cannot open");
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
      };
      if (eval_labels.empty() == eval_metadata_key.empty()) {
        spdlog::error("eval: give a LABELS file or --documents-by KEY");
        return exit_usage;
      }
      EvalResult r;
      try {
        r = eval_labels.empty() ? evaluate_documents(read_text(eval_corpus), eval_metadata_key, eval_options)
                                : evaluate(read_text(eval_corpus), read_text(eval_labels), eval_options);
      } catch (const std::exception& e) {
        spdlog::error("{}", e.what());
        return exit_input;
      }
      if (eval_json) {
        nlohmann::ordered_json out = {{"items", r.items},
                                      {"unmatched", r.unmatched},
                                      {"micro", {{"precision", r.micro.precision()}, {"recall", r.micro.recall()}, {"f1", r.micro.f1()}}},
                                      {"macro", {{"precision", r.macro_precision}, {"recall", r.macro_recall}, {"f1", r.macro_f1}}},
                                      {"codes", nlohmann::ordered_json::array()}};
        for (const auto& c : r.per_code)
          out["codes"].push_back({{"code", c.code}, {"tp", c.tp}, {"fp", c.fp}, {"fn", c.fn},
                                  {"precision", c.precision()}, {"recall", c.recall()}, {"f1", c.f1()}});
        std::cout << out.dump(2) << "\n";
        return exit_ok;
      }
      std::printf("%-6s %5s %5s %5s %9s %7s %6s\n", "code", "tp", "fp", "fn", "precision", "recall", "f1");
      for (const auto& c : r.per_code)
        std::printf("%-6s %5d %5d %5d %9.3f %7.3f %6.3f\n", c.code.c_str(), c.tp, c.fp, c.fn, c.precision(),
                    c.recall(), c.f1());
      std::printf("\nmicro  precision %.3f  recall %.3f  F1 %.3f\n", r.micro.precision(), r.micro.recall(),
                  r.micro.f1());
      std::printf("macro  precision %.3f  recall %.3f  F1 %.3f   (mean over the %s codes in the labels)\n",
                  r.macro_precision, r.macro_recall, r.macro_f1, eval_options.scheme.c_str());
      if (eval_labels.empty())
        std::printf("%zu labelled documents scored, %zu without %s metadata left out\n", r.items, r.unmatched,
                    eval_metadata_key.c_str());
      else
        std::printf("%zu labelled items scored, %zu not found in the corpus\n", r.items, r.unmatched);
      return exit_ok;
    }
    if (*train) {
      PluginRegistry registry = load_registry(g);
      BuildInfo build_info;
      build_info.host_version = DOSSIER_VERSION_STRING;
      train_spec.reference_texts = !train_no_reference_texts;
      train_spec.threads = train_threads.value_or(0u);
      for (int i = 0; i < argc; ++i) train_spec.command += (i ? " " : "") + std::string(argv[i]);
      if (train_spec.sources.empty() && train_spec.examples.empty()) {
        spdlog::error("train: give documents (SOURCE) or --examples to learn from");
        return exit_usage;
      }
      return train_model(train_spec, registry, build_info, std::cout);
    }
    if (*source_check) {
      std::optional<Catalogue> catalogue;
      if (!load_catalogue(check_catalogue, catalogue)) return exit_config;
      PluginRegistry registry = load_registry(g);
      BuildInfo build_info;
      build_info.host_version = DOSSIER_VERSION_STRING;
      return check_sources(check_sources_args, registry, build_info,
                           {catalogue ? &*catalogue : nullptr, check_threads.value_or(0u), g.verbose > 0, check_json},
                           std::cout);
    }
    if (*show) {
      PluginRegistry registry = load_registry(g);
      std::vector<std::string> errors;
      BuildInfo build_info;
      build_info.host_version = DOSSIER_VERSION_STRING;
      std::optional<Catalogue> catalogue;
      if (!load_catalogue(show_catalogue, catalogue)) return exit_config;
      ReadResult read = read_sources(show_sources, registry, build_info, errors,
                                     {nullptr, false, catalogue ? &*catalogue : nullptr});
      if (read.corpus.documents.empty()) {
        spdlog::error("no document could be read");
        return exit_input;
      }
      std::string error;
      if (!show_citation(show_address, read.corpus, std::cout, error, show_language)) {
        spdlog::error("{}", error);
        return exit_input;
      }
      return errors.empty() ? exit_ok : exit_partial;
    }
    if (*build || *merge) {
      Job job;
      try {
        job = load_job(*build ? job_file : merge_job);
      } catch (const JobError& e) {
        spdlog::error("{}", e.what());
        return exit_config;
      }
      const std::string& out = *build ? build_out : merge_out;
      if (!out.empty()) job.spec.output_dir = out;
      apply_cache(job.spec, *build ? build_cache : merge_cache);
      if (*build && build_strict) job.spec.strict = true;
      if (*merge) {
        std::string error;
        if (!partial_stores(job.spec.output_dir, merge_parts, job.spec.merge_stores, error)) {
          spdlog::error("{}", error);
          return exit_input;
        }
        job.spec.remove_merged = merge_parts.empty();
      }
      if (!shard_text.empty()) {
        Shard shard;
        std::string error;
        if (!parse_shard(shard_text, shard, error)) {
          spdlog::error("{}", error);
          return exit_usage;
        }
        if (build_cache.off) {
          spdlog::error("--shard needs the store: its partial store is what it builds (drop --no-cache)");
          return exit_usage;
        }
        job.spec.shard_index = shard.index;
        job.spec.shard_count = shard.count;
        job.spec.keep_history = false;
        spdlog::info("job {}: shard {} of {}, into {}", job.name, shard.index, shard.count,
                     shard_store_file(job.spec.output_dir, shard.index, shard.count).string());
        apply_isolation(job.spec, build_isolation);
        return run_spec(std::move(job.spec), g, build_cache.dry_run);
      }
      apply_isolation(job.spec, *build ? build_isolation : merge_isolation);
      spdlog::info("job {}: {} exporter(s) into {}", job.name, job.spec.exporters.size(),
                   job.spec.output_dir.string());
      return run_spec(std::move(job.spec), g, *build && build_cache.dry_run);
    }
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return exit_failure;
  }
  return exit_usage;
}
