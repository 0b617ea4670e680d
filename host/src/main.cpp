// dossier: the command-line host. Loads plugins and runs builds. This file sets up the
// command line and dispatches to the commands (commands_*.cpp).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "commands_build.hpp"
#include "commands_common.hpp"
#include "commands_models.hpp"
#include "commands_plugins.hpp"
#include "commands_sources.hpp"
#include "crash_report.hpp"
#include "dossier/version.hpp"
#include "huge_page_restart.hpp"
#include "logging.hpp"
#include "pipeline.hpp"
#include "plugin_options.hpp"
#include "plugin_registry.hpp"
#include "progress.hpp"

using namespace dossier;
using namespace dossier::host;

namespace {

// An empty value (`--out ""`) would read as "not given" and be ignored: refused instead,
// saying what the option needs.
CLI::Validator needs(const std::string& what) {
  return CLI::Validator([what](std::string& value) { return value.empty() ? "needs " + what : std::string(); },
                        "");
}

// Every command-line error in the house style, its text escaped like a log line (it may
// quote an argument).
std::string usage_error(const std::string& text) {
  return "dossier: error: " + printable(text) + "\nRun with --help for more information.\n";
}
std::string failure_message(const CLI::App*, const CLI::Error& e) { return usage_error(e.what()); }

// What a mistyped command line meant, from what CLI11 left unparsed and the commands and
// options actually registered: "unknown command 'buidl'; did you mean 'build'?", "unknown
// option '--exprot'; did you mean '--export'?". Empty when nothing was left over: CLI11's own
// message then says what is wrong.
std::string typo_message(CLI::App& app) {
  CLI::App* command = &app;  // the (sub)command being parsed: the last one given
  while (!command->get_subcommands().empty()) command = command->get_subcommands().back();
  const std::vector<std::string> left = app.remaining(true);
  const auto nearest = [](const std::string& word, const std::vector<std::string>& names) {
    const std::string near = closest_name(word, names);
    return near.empty() ? std::string() : "; did you mean '" + near + "'?";
  };
  // A word where a command was expected, or none.
  const std::vector<CLI::App*> commands = command->get_subcommands([](CLI::App*) { return true; });
  if (!commands.empty() && command->get_require_subcommand_min() > 0) {
    std::vector<std::string> names;
    std::string list;
    for (const CLI::App* c : commands) {
      names.push_back(c->get_name());
      list += (list.empty() ? "" : ", ") + c->get_name();
    }
    const std::string which = command == &app ? std::string() : command->get_name() + " ";
    for (const std::string& word : left) {
      if (word.empty() || word[0] == '-') continue;
      const std::string says = "unknown " + which + "command '" + word + "'";
      const std::string near = nearest(word, names);
      return says + (near.empty() ? " (commands: " + list + ")" : near);
    }
    if (left.empty()) return "no " + which + "command given (commands: " + list + ")";
  }
  // An option that neither the command nor those around it (global options also come after
  // the command) know.
  for (const std::string& arg : left) {
    if (arg.size() < 2 || arg[0] != '-' || arg == "--" || (arg[1] >= '0' && arg[1] <= '9')) continue;
    const std::string option = arg.substr(0, arg.find('='));
    std::vector<std::string> names;
    for (const CLI::App* a = command; a; a = a->get_parent())
      for (const CLI::Option* o : a->get_options()) {
        for (const auto& n : o->get_lnames()) names.push_back("--" + n);
        for (const auto& n : o->get_snames()) names.push_back("-" + n);
      }
    return "unknown option '" + option + "'" + nearest(option, names);
  }
  return "";
}

void setup_logging(const GlobalOptions& g) {
  spdlog::level::level_enum level = spdlog::level::info;
  if (g.verbose > 0) level = spdlog::level::debug;
  if (g.quiet == 1) level = spdlog::level::warn;
  if (g.quiet > 1) level = spdlog::level::err;
  setup_logging(level, g.log_format);
  // Bars only for a person watching: never in a pipe, a log file or JSON logs, nor with -q.
  Progress::set_enabled(::isatty(STDERR_FILENO) && g.log_format == LogFormat::text && level <= spdlog::level::info);
}

}  // namespace

int main(int argc, char** argv) {
  restart_with_huge_pages(argc, argv);  // first: it may start this program again
  install_crash_report();

  CLI::App app{"Dossier: turns UN and GFMD policy documents into recommendation-to-SDG "
               "matrices, PDF briefs and XML feeds, through plugins."};
  app.name("dossier");
  char layout[17];
  std::snprintf(layout, sizeof layout, "%016llx", static_cast<unsigned long long>(layout_fingerprint()));
  app.set_version_flag("--version", std::string("dossier ") + DOSSIER_VERSION_STRING + " (plugin ABI " +
                                        std::to_string(DOSSIER_ABI_VERSION) + ", model layout " + layout + ")");
  app.require_subcommand(1);
  app.failure_message(failure_message);
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
      ->check(needs("a folder"))
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
  RunArgs run_args;
  auto* run = app.add_subcommand("run", "Ad-hoc build over files and folders");
  run->add_option("SOURCE", run_args.sources, "Files, folders (read recursively) or glob patterns")->required();
  run->add_option("--analyze,-a", run_args.analyze, "Analyzers to run (comma-separated or repeated)")
      ->type_name("NAME,...")
      ->allow_extra_args(false);
  run->add_option("--export,-e", run_args.exports, "Exporters to run, each with an optional output file name (comma-separated or repeated)")
      ->type_name("NAME[:FILE],...")
      ->allow_extra_args(false)
      ->required();
  run->add_option("--out,-o", run_args.out, "Output folder")->type_name("DIR")->required()->check(needs("a folder"));
  run->add_option("--lang", run_args.lang, "Language of labels and titles in outputs (en, fr, es, ru, ar, zh)")
      ->capture_default_str();
  auto add_cache_options = [](CLI::App* cmd, CacheOptions& c) {
    cmd->add_flag("--dry-run,-n", c.dry_run,
                  "Print what would be read (and by which reader), run and written; write nothing");
    cmd->add_option("--cache", c.file, "Store of parsed documents (default: OUT/.dossier/store.sqlite)")
        ->type_name("FILE")
        ->check(needs("a file"));
    cmd->add_flag("--no-cache", c.off, "Neither read nor write the store");
    cmd->add_flag("--force", c.force, "Parse and analyse everything again, ignoring (and refreshing) the store");
    cmd->add_option("--threads,-j", c.threads, "Worker threads for parsing and analysis (default: every core; "
                                               "outputs are the same whatever the number)")
        ->type_name("N")
        ->check(CLI::Range(1u, 1024u));
  };
  add_cache_options(run, run_args.cache);
  auto add_isolation_options = [](CLI::App* cmd, IsolationOptions& o) {
    cmd->add_option("--plugin-time-limit", o.time_limit,
                    "Kill a plugin (a reader: on one file) still running after SECONDS and report it (0: no limit; default 3600)")
        ->type_name("SECONDS")
        ->check(CLI::Range(0LL, 1000000000LL));
    cmd->add_option("--plugin-memory-limit", o.memory_limit,
                    "Let a plugin's child process take at most MIB more address space than dossier "
                    "(0: no limit; default " + std::to_string(default_plugin_memory_limit_mib) + ")")
        ->type_name("MIB")
        ->check(CLI::Range(0LL, static_cast<long long>(max_plugin_memory_limit_mib)));
    cmd->add_flag("--no-isolation", o.off,
                  "Run plugins (readers included) inside this process, for a debugger: a crash then ends the whole build");
  };
  add_isolation_options(run, run_args.isolation);
  const char* strict_help =
      "Fail (exit 5, nothing exported) if any source is skipped, or any document has a health warning "
      "(altered to be read, or something looks lost; docs/cli.md)";
  run->add_flag("--strict", run_args.strict, strict_help);
  const char* follow_help =
      "Follow symbolic links in source folders wherever they lead; without it only links leading inside the "
      "sources are read, the others named and skipped (docs/cli.md)";
  run->add_flag("--follow-symlinks", run_args.follow_symlinks, follow_help);
  const char* prune_help =
      "Publish only the files this build writes; without it, files of the earlier outputs that no exporter "
      "rewrote are kept (marked carried_over in manifest.json), and they are kept anyway if an exporter fails";
  run->add_flag("--prune", run_args.prune, prune_help);
  run->add_option("--catalogue", run_args.catalogue, "Metadata per source file (docs/catalogue.md)")
      ->type_name("FILE")
      ->check(needs("a file"));

  // build
  JobArgs build_args;
  auto* build = app.add_subcommand("build", "Run a job file (scheduled builds)");
  build->add_option("JOB", build_args.job_file, "Job file (TOML), e.g. samples/jobs/gfmd.toml")->required();
  build->add_option("--out,-o", build_args.out, "Output folder (overrides the job's 'output')")
      ->type_name("DIR")
      ->check(needs("a folder"));
  add_cache_options(build, build_args.cache);
  build->add_option("--shard", build_args.shard,
                    "Parse and analyse only share K of N of the sources into a partial store, export nothing; "
                    "'auto' reads a Kubernetes Indexed Job's or Slurm array's environment (docs/scale-out.md)")
      ->type_name("K/N|auto")
      ->check(needs("K/N or auto"));
  add_isolation_options(build, build_args.isolation);
  build->add_flag("--strict", build_args.strict, std::string(strict_help) + "; also the job key 'strict'");
  build->add_flag("--follow-symlinks", build_args.follow_symlinks,
                  std::string(follow_help) + "; also the job key 'follow_symlinks'");
  build->add_flag("--prune", build_args.prune, std::string(prune_help) + "; also the job key 'prune'");

  // merge
  JobArgs merge_args;
  auto* merge = app.add_subcommand("merge", "Merge the partial stores of a sharded build, then build the job's outputs");
  merge->add_option("JOB", merge_args.job_file, "Job file (TOML) the shards were built from")->required();
  merge->add_option("PARTIAL_STORE", merge_args.partial_stores,
                    "Partial stores to merge (default: every OUT/.dossier/shards/shard-K-of-N.sqlite, all N present)");
  merge->add_option("--out,-o", merge_args.out, "Output folder (overrides the job's 'output')")
      ->type_name("DIR")
      ->check(needs("a folder"));
  merge->add_option("--cache", merge_args.cache.file, "The job's store (default: OUT/.dossier/store.sqlite)")
      ->type_name("FILE")
      ->check(needs("a file"));
  add_isolation_options(merge, merge_args.isolation);
  merge->add_option("--threads,-j", merge_args.cache.threads, "Worker threads for what is not in the partial stores")
      ->type_name("N")
      ->check(CLI::Range(1u, 1024u));

  // show
  ShowArgs show_args;
  auto* show = app.add_subcommand("show", "Print the text a citation points at, with its section and footnotes");
  show->add_option("CITATION", show_args.address,
                   "As the outputs print it (\"A/68/283, para. 135\", \"A/68/283, par. 135\", \"GFMD Thematic "
                   "Recollection 2017, II.2.(1), item 11\") or an address (\"A/68/283 ¶135\", \"A/68/283 para 50-54\")");
  show->add_option("SOURCE", show_args.sources, "Files, folders or glob patterns to read (default: the job's)");
  show->add_option("--job", show_args.job, "Read the sources and catalogue of this job file")
      ->type_name("JOB.toml")
      ->check(needs("a file"));
  show->add_option("--catalogue", show_args.catalogue, "Metadata per source file (docs/catalogue.md)")
      ->type_name("FILE")
      ->check(needs("a file"));
  show->add_flag("--follow-symlinks", show_args.follow_symlinks, follow_help);
  show->add_option("--citations", show_args.citations_file,
                   "Show every citation in FILE, one per line (- for standard input), the sources read once; "
                   "then CITATION is not given and every argument is a SOURCE")
      ->type_name("FILE");
  show->add_option("--lang", show_args.language, "The document's version in this language (\"fr\"), when the sources hold it")
      ->type_name("LANG");

  // search
  SearchArgs search_args;
  auto* search = app.add_subcommand("search", "Search a build's paragraphs and recommendations, with citations");
  search->add_option("QUERY", search_args.query,
                     "Words (\"domestic workers\" in double quotes for the phrase; AND, OR, NOT, prefix*)")
      ->required();
  search->add_option("--job", search_args.job, "Search the store of this job's build")
      ->type_name("JOB.toml")
      ->check(needs("a file"));
  search->add_option("--out", search_args.out, "Search the store of the build into this folder")->type_name("DIR");
  search->add_option("--store", search_args.store, "Search this store file")->type_name("FILE");
  search->add_option("--sdg", search_args.sdg, "Only passages mapped to this SDG goal (\"8\") or target (\"8.7\")")
      ->type_name("CODE");
  search->add_option("--gcm", search_args.gcm, "Only passages mapped to this GCM objective (\"6\")")->type_name("N");
  search->add_option("--state", search_args.state, "Only UPR recommendations to or by this State")->type_name("NAME");
  search->add_option("--document", search_args.document, "Only this document (its symbol or the name it is cited by)")
      ->type_name("ID");
  search->add_option("--lang", search_args.language, "Only text in this language (\"fr\")")->type_name("LANG");
  search->add_option("--kind", search_args.kind, "Only recommendations or only other paragraphs")
      ->check(CLI::IsMember({"recommendation", "paragraph"}));
  search->add_option("--limit", search_args.limit, "At most N results (default 20)")
      ->type_name("N")
      ->check(CLI::Range(1, 10000));
  search->add_flag("--json", search_args.json, "Print the results as JSON (docs/cli.md#search)");

  // check
  CheckArgs check_args;
  auto* source_check = app.add_subcommand(
      "check", "Read sources and report each document's health (what looks lost); build and write nothing");
  source_check->add_option("SOURCE", check_args.sources, "Files, folders (read recursively) or glob patterns")
      ->required();
  source_check->add_option("--catalogue", check_args.catalogue, "Metadata per source file (docs/catalogue.md)")
      ->type_name("FILE")
      ->check(needs("a file"));
  source_check->add_option("--threads,-j", check_args.threads, "Worker threads for reading (default: every core)")
      ->type_name("N")
      ->check(CLI::Range(1u, 1024u));
  source_check->add_flag("--follow-symlinks", check_args.follow_symlinks, follow_help);
  source_check->add_flag("--json", check_args.json, "Machine-readable output (manifest.json's \"health\" and more)");
  source_check->footer("Info diagnostics too with -v. Exit codes: 0 every document healthy, 3 some with warnings "
                       "or some sources not read, 4 bad catalogue, 5 no source could be read.");

  // eval
  EvalArgs eval_args;
  auto* eval = app.add_subcommand(
      "eval", "Score goal-level mappings in corpus.json against a labels file, or documents' profiles against "
              "their metadata");
  eval->add_option("CORPUS", eval_args.corpus, "corpus.json written by the json exporter")->required();
  auto* eval_labels_option =
      eval->add_option("LABELS", eval_args.labels, "CSV with a header: paragraph numbers and ';'-separated codes");
  eval->add_option("--documents-by", eval_args.metadata_key,
                   "Score each document's own annotations (its profile) against its metadata KEY instead "
                   "(un_sdg_goal: the UN Library's SDG goals of a resolution)")
      ->excludes(eval_labels_option);
  eval->footer("Give LABELS or --documents-by.");
  eval->add_option("--document", eval_args.options.document, "Only this document id (e.g. A/HRC/43/15)");
  eval->add_option("--scheme", eval_args.options.scheme, "Annotation scheme")->capture_default_str();
  eval->add_option("--level", eval_args.options.level, "Annotation level")->capture_default_str();
  eval->add_option("--threshold", eval_args.options.threshold, "Ignore annotations scoring below")
      ->capture_default_str();
  eval->add_option("--id-column", eval_args.options.id_column, "Labels column with paragraph numbers")
      ->capture_default_str();
  eval->add_option("--labels-column", eval_args.options.labels_column, "Labels column with the codes")
      ->capture_default_str();
  eval->add_flag("--json", eval_args.json, "Machine-readable output");

  // train
  TrainArgs train_args;
  auto* train = app.add_subcommand(
      "train", "Rebuild the sdg or gcm analyzer's classifier from labelled data and report its cross-validated scores");
  train->add_option("SOURCE", train_args.spec.sources,
                    "Documents labelled by their publisher's metadata (AKN resolutions: the UN Library's SDG goals)");
  train->add_option("--examples", train_args.spec.examples,
                    "CSV of labelled passages (repeatable): one row each, codes separated by ';'")
      ->type_name("CSV");
  train->add_option("--text-column", train_args.spec.text_column, "Examples' column with the text")->capture_default_str();
  train->add_option("--labels-column", train_args.spec.labels_column, "Examples' column with the codes")
      ->capture_default_str();
  train->add_option("--examples-language", train_args.spec.examples_language, "Language of the examples (for the report)");
  train->add_option("--label-key", train_args.spec.label_key, "Document metadata key holding the labels")
      ->capture_default_str();
  train->add_flag("--no-reference-texts", train_args.no_reference_texts,
                  "Do not learn from the SDG goal and target titles in the six UN languages");
  train->add_option("--scheme", train_args.spec.scheme,
                    "sdg (goals, documents labelled by their metadata) or gcm (objectives, paragraphs labelled by "
                    "the objectives their heading names)")
      ->check(CLI::IsMember({"sdg", "gcm"}))
      ->capture_default_str();
  train->add_option("--init", train_args.spec.init,
                    "Fine-tune: start from this model file (its terms, labels and weights; e.g. the shipped one, "
                    "installed in share/dossier/models/sdg/) instead of from scratch; give few --epochs");
  train->add_option("--out,-o", train_args.spec.output, "Model file to write")->required()->check(needs("a file"));
  train->add_option("--name", train_args.spec.name, "Model name (default: sdg-goals or gcm-objectives)");
  train->add_option("--model-version", train_args.spec.version, "Model version (default: today's date)");
  train->add_option("--licence", train_args.spec.licence, "Licence or terms of the model file, recorded in it");
  // Unsigned counts: CLI11 would take "-3" as 2^64 - 3 epochs; ranges refuse it.
  train->add_option("--min-df", train_args.spec.options.min_df, "Keep terms found in at least N examples")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000000}))
      ->capture_default_str();
  train->add_option("--max-terms", train_args.spec.options.max_terms, "Keep at most N terms, the most widespread")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000000}))
      ->capture_default_str();
  train->add_option("--stems", train_args.spec.options.stems,
                    "Also learn each word's first N letters, so that inflected forms (Russian cases, Arabic "
                    "with its article) share a term; 0: whole words only")
      ->check(CLI::Range(0u, 32u))
      ->capture_default_str();
  train->add_option("--l2", train_args.spec.options.l2, "L2 penalty")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  train->add_option("--epochs", train_args.spec.options.epochs, "Passes over the examples")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10000}))
      ->capture_default_str();
  train->add_option("--threads,-j", train_args.threads, "Worker threads for reading (default: every core)")
      ->type_name("N")
      ->check(CLI::Range(1u, 1024u));
  train->footer("Needs at least one SOURCE or --examples. docs/classifier.md says how the shipped model is built.");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() != 0)  // not --help or --version
      if (const std::string typo = typo_message(app); !typo.empty()) {
        std::fputs(usage_error(typo).c_str(), stderr);
        return exit_usage;
      }
    const int code = app.exit(e);
    return code == 0 ? exit_ok : exit_usage;
  }
  g.log_format = log_format == "json" ? LogFormat::json : LogFormat::text;
  PluginLibrary::allow_untrusted(allow_untrusted);
  setup_logging(g);
  if (restarted_with_huge_pages())
    spdlog::debug("malloc on transparent huge pages (restarted with GLIBC_TUNABLES={}; DOSSIER_HUGE_PAGES=0 to not)",
                  std::getenv("GLIBC_TUNABLES"));

  try {
    if (*list) return plugins_list(g, list_json);
    if (*info) return plugins_info(g, info_name);
    if (*plugin_check) return plugins_check(check_file);
    if (*run) return run_command(run_args, g);
    if (*eval) return eval_command(eval_args);
    if (*train) return train_command(train_args, g, argc, argv);
    if (*source_check) return check_command(check_args, g);
    if (*show) return show_command(show_args, g);
    if (*search) return search_command(search_args);
    if (*build) return job_command(build_args, false, g);
    if (*merge) return job_command(merge_args, true, g);
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return exit_failure;
  }
  return exit_usage;
}
