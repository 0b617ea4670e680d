// The commands that read sources and report on them: check and show (commands_sources.hpp).
#include "commands_sources.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include <spdlog/spdlog.h>

#include "check.hpp"
#include "dossier/domain/reference_data.hpp"
#include "dossier/version.hpp"
#include "job.hpp"
#include "logging.hpp"
#include "pipeline.hpp"
#include "search_index.hpp"
#include "show.hpp"

namespace dossier::host {

int check_command(const CheckArgs& args, const GlobalOptions& g) {
  std::optional<Catalogue> catalogue;
  if (!load_catalogue(args.catalogue, catalogue)) return exit_config;
  PluginRegistry registry = load_registry(g);
  BuildInfo build_info;
  build_info.host_version = DOSSIER_VERSION_STRING;
  return check_sources(args.sources, registry, build_info,
                       {catalogue ? &*catalogue : nullptr, args.threads.value_or(0u), g.verbose > 0, args.json,
                        args.follow_symlinks},
                       std::cout);
}

namespace {

// The non-blank lines of FILE ("-": standard input), trimmed; false, logged, when it cannot be read.
bool read_citations(const std::string& file, std::vector<std::string>& citations) {
  std::ifstream opened;
  if (file != "-") {
    opened.open(file);
    if (!opened) {
      spdlog::error("cannot read the citations file {}: {}", file, std::strerror(errno));
      return false;
    }
  }
  std::istream& in = file == "-" ? std::cin : opened;
  std::string line;
  while (std::getline(in, line)) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    citations.push_back(line.substr(first, line.find_last_not_of(" \t\r") + 1 - first));
  }
  if (in.bad()) {
    spdlog::error("cannot read the citations file {}", file);
    return false;
  }
  if (citations.empty()) {
    spdlog::error("the citations file {} holds no citation", file);
    return false;
  }
  return true;
}

}  // namespace

int show_command(const ShowArgs& args, const GlobalOptions& g) {
  // A job names the sources and the catalogue its outputs were built from; what the command
  // line gives wins.
  std::vector<std::string> sources = args.sources;
  // With --citations the first positional (CLI11 fills CITATION first) is a source.
  if (!args.citations_file.empty() && !args.address.empty()) sources.insert(sources.begin(), args.address);
  if (args.citations_file.empty() && args.address.empty()) {
    spdlog::error("show needs a CITATION, or --citations FILE with one per line");
    return exit_usage;
  }
  std::vector<std::string> citations;
  if (!args.citations_file.empty() && !read_citations(args.citations_file, citations)) return exit_input;
  std::string catalogue_file = args.catalogue;
  bool follow_symlinks = args.follow_symlinks;
  if (!args.job.empty()) {
    try {
      const Job job = load_job(args.job);
      if (sources.empty()) sources = job.spec.sources;
      if (catalogue_file.empty()) catalogue_file = job.spec.catalogue.string();
      follow_symlinks = follow_symlinks || job.spec.follow_symlinks;
    } catch (const JobError& e) {
      spdlog::error("{}", e.what());
      return exit_config;
    }
  }
  if (sources.empty()) {
    spdlog::error("show needs the sources: give SOURCE files or folders, or --job JOB.toml");
    return exit_usage;
  }
  PluginRegistry registry = load_registry(g);
  std::vector<std::string> errors;
  BuildInfo build_info;
  build_info.host_version = DOSSIER_VERSION_STRING;
  std::optional<Catalogue> catalogue;
  if (!load_catalogue(catalogue_file, catalogue)) return exit_config;
  ReadResult read = read_sources(sources, registry, build_info, errors,
                                 {nullptr, false, catalogue ? &*catalogue : nullptr, 0, 0, 0, follow_symlinks});
  if (read.corpus.documents.empty()) {
    spdlog::error("no document could be read");
    return exit_input;
  }
  if (citations.empty()) citations.push_back(args.address);
  std::size_t unresolved = 0;
  for (std::size_t i = 0; i < citations.size(); ++i) {
    if (i > 0) std::cout << '\n';
    std::string error;
    if (!show_citation(citations[i], read.corpus, std::cout, error, args.language, catalogue.has_value())) {
      // From a file, every error names its citation.
      if (error.find(citations[i]) == std::string::npos) error = "'" + citations[i] + "': " + error;
      spdlog::error("{}", error);
      ++unresolved;
    }
  }
  if (unresolved > 0) {
    if (citations.size() > 1) spdlog::error("{} of {} citations did not resolve (above)", unresolved, citations.size());
    return exit_input;
  }
  return errors.empty() ? exit_ok : exit_partial;
}

namespace {

// The store a build of the job (or into that folder) wrote; empty, with a message, for none.
// With --job, `job_name` is the job's: its index only, in a store several jobs may share.
std::filesystem::path store_of(const SearchArgs& args, std::string& job_name, std::string& error) {
  std::optional<Job> job;
  if (!args.job.empty()) {
    job = load_job(args.job);
    job_name = job->spec.build.job_name;
  }
  if (!args.store.empty()) return args.store;
  if (!args.out.empty()) return default_cache_file(args.out);
  if (!job) {
    error = "search needs a build's store: give --job JOB.toml (the job that was built), --out DIR (the folder it was "
            "built into) or --store FILE";
    return {};
  }
  return job->spec.cache_file.empty() ? default_cache_file(job->spec.output_dir) : job->spec.cache_file;
}

// The match markers of a snippet made bold on a terminal, else «…».
std::string marked(const std::string& snippet, bool terminal) {
  std::string out;
  for (char c : snippet) {
    if (c == '\x02')
      out += terminal ? "\033[1m" : "\u00ab";
    else if (c == '\x03')
      out += terminal ? "\033[0m" : "\u00bb";
    else
      out += c;
  }
  return out;
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

// "  SDG 8 Decent work and economic growth (targets 8.7, 8.8); SDG 10 Reduced inequalities"
// and "  GCM objective 6 Facilitate fair…; GCM objective 7 …": a goal with its targets.
std::string mappings_in_words(const std::vector<SearchMapping>& mappings) {
  std::vector<std::string> sdg, gcm;
  std::vector<std::vector<std::string>> targets;  // by entry of sdg
  std::vector<std::string> goals;
  for (const SearchMapping& m : mappings) {
    if (m.scheme != "sdg") {
      gcm.push_back(m.words);
      continue;
    }
    const std::string goal = m.code.substr(0, m.code.find('.'));
    auto it = std::find(goals.begin(), goals.end(), goal);
    if (it == goals.end()) {
      goals.push_back(goal);
      sdg.push_back(m.code == goal ? m.words : "SDG " + goal + " " + sdg_short_title(goal));
      targets.emplace_back();
      it = goals.end() - 1;
    }
    if (m.code != goal) targets[static_cast<std::size_t>(it - goals.begin())].push_back(m.code);
  }
  for (std::size_t i = 0; i < sdg.size(); ++i)
    if (!targets[i].empty())
      sdg[i] += std::string(targets[i].size() == 1 ? " (target " : " (targets ") + joined(targets[i], ", ") + ")";
  std::string out;
  if (!sdg.empty()) out += "  " + joined(sdg, "; ") + "\n";
  if (!gcm.empty()) out += "  " + joined(gcm, "; ") + "\n";
  return out;
}

void print_json(const SearchQuery& query, const std::vector<SearchHit>& hits) {
  nlohmann::json results = nlohmann::json::array();
  for (const SearchHit& hit : hits) {
    nlohmann::json mappings = nlohmann::json::array();
    for (const SearchMapping& m : hit.mappings) mappings.push_back({{"scheme", m.scheme}, {"code", m.code}, {"words", m.words}});
    results.push_back({{"citation", hit.citation}, {"document", hit.document}, {"title", hit.title},
                       {"language", hit.language}, {"kind", hit.kind}, {"address", hit.address},
                       {"snippet", marked(hit.snippet, false)}, {"mappings", mappings},
                       {"state_under_review", hit.state_under_review}, {"recommended_by", hit.recommended_by},
                       {"position", hit.position}, {"rank", hit.rank}});
  }
  std::cout << nlohmann::json({{"query", query.text}, {"results", results}})
                   .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << "\n";
}

void print_text(const std::vector<SearchHit>& hits) {
  const bool terminal = ::isatty(STDOUT_FILENO);
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const SearchHit& hit = hits[i];
    if (i) std::cout << "\n";
    std::cout << printable(hit.citation) << "\n  " << printable(hit.title.empty() ? hit.document : hit.title) << " ("
              << (hit.language.empty() ? "language unknown" : hit.language) << ", " << hit.kind << ")\n  "
              << marked(hit.snippet, terminal) << "\n";
    std::cout << mappings_in_words(hit.mappings);
    if (!hit.recommended_by.empty() || !hit.position.empty()) {
      std::string about = hit.recommended_by.empty() ? "" : "recommended by " + joined(hit.recommended_by, ", ");
      if (!hit.state_under_review.empty()) about += " to " + hit.state_under_review;
      if (!hit.position.empty()) about += (about.empty() ? "" : "; ") + hit.position;
      std::cout << "  " << printable(about) << "\n";
    }
  }
}

}  // namespace

int search_command(const SearchArgs& args) {
  std::string error;
  std::filesystem::path file;
  std::string job_name;
  try {
    file = store_of(args, job_name, error);
  } catch (const JobError& e) {
    spdlog::error("{}", e.what());
    return exit_config;
  }
  if (file.empty()) {
    spdlog::error("{}", error);
    return exit_usage;
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    spdlog::error("no store at {}: build first ({}), then search", file.string(),
                  args.job.empty() ? "dossier build JOB.toml --out DIR, or dossier run SOURCE... --out DIR"
                                   : "dossier build " + args.job + (args.out.empty() ? "" : " --out " + args.out));
    return exit_input;
  }
  SearchQuery query{args.query, args.sdg,  args.gcm, args.state, args.document, args.language,
                    args.kind,  job_name, args.limit};
  std::vector<SearchHit> hits;
  try {
    Store store(file, Store::Access::read_only);
    hits = search(store, query);
  } catch (const SearchError& e) {
    spdlog::error("{}", e.what());
    return e.kind() == SearchError::Kind::bad_query ? exit_usage : exit_input;
  } catch (const StoreError& e) {
    spdlog::error("{}", e.what());
    return exit_failure;
  }
  if (args.json) {
    print_json(query, hits);
  } else if (hits.empty()) {
    std::cout << "Nothing found for " << printable(args.query) << (args.sdg.empty() && args.gcm.empty() && args.state.empty() &&
                                                     args.document.empty() && args.language.empty() && args.kind.empty()
                                                 ? ""
                                                 : " with these filters")
              << ".\n";
  } else {
    print_text(hits);
  }
  return exit_ok;
}

}  // namespace dossier::host
