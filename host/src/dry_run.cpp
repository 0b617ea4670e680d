#include "dry_run.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <dossier/domain/digest.hpp>
#include <dossier/domain/file_names.hpp>

#include "logging.hpp"
#include "plugin_manifest.hpp"

namespace fs = std::filesystem;

namespace dossier::host {

namespace {

std::string size_text(std::uintmax_t bytes) {
  if (bytes < 10 * 1024) return std::to_string(bytes) + " B";
  if (bytes < 10 * 1024 * 1024) return std::to_string(bytes / 1024) + " KB";
  return std::to_string(bytes / (1024 * 1024)) + " MB";
}

std::string plugin_text(const PluginLibrary& lib) { return printable(lib.info().name + " " + lib.info().version); }

// What this prints may hold names from input (paths, options, messages): each is escaped
// with printable(), as in the log.

// "  (focus=sdg:10, language=fr)": the options, which may change what an exporter writes
// (a brief's file name carries its focus and language).
std::string options_text(const Options& options) {
  std::string text;
  for (const auto& [key, values] : options.all()) {
    std::string value;
    for (const auto& v : values) value += (value.empty() ? "" : ",") + v;
    // At most 40 characters, cut between UTF-8 sequences.
    std::size_t chars = 0, cut = 0;
    for (; cut < value.size() && chars < 40; ++cut)
      if ((static_cast<unsigned char>(value[cut]) & 0xC0) != 0x80) ++chars;
    while (cut < value.size() && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) ++cut;
    if (cut < value.size()) value = value.substr(0, cut) + "...";
    text += (text.empty() ? "" : ", ") + key + "=" + value;
  }
  return text.empty() ? text : "  (" + printable(text) + ")";
}

// How an exporter names its files (its `file_names` declaration, dossier/detail/declaration.hpp),
// read from its file; empty when it declares none or the file cannot say.
std::string declared_file_names(const PluginLibrary& lib) {
  try {
    if (const auto text = read_manifest_section(lib.info().file)) return parse_manifest(*text).file_names;
  } catch (const std::exception&) {
    // The library loaded, so its manifest is no problem of this build: the file as named.
  }
  return "";
}

}  // namespace

std::vector<std::string> planned_files(const std::string& pattern, const std::string& file,
                                       const std::string& default_file, const Options& options,
                                       const std::string& build_language) {
  if (pattern.empty()) return {file};
  // One file per combination of the values of the options the pattern names.
  std::vector<std::map<std::string, std::string, std::less<>>> combinations(1);
  for (std::size_t open = pattern.find("{-"); open != std::string::npos; open = pattern.find("{-", open + 1)) {
    const std::size_t close = pattern.find('}', open);
    if (close == std::string::npos) break;
    const std::string name = pattern.substr(open + 2, close - open - 2);
    std::vector<std::string> values = options.get_list(name);
    if (name == "language" && !values.empty() && values.front() == build_language) values.clear();
    if (values.empty()) continue;
    std::vector<std::map<std::string, std::string, std::less<>>> more;
    for (const auto& c : combinations)
      for (const auto& v : values) {
        more.push_back(c);
        more.back()[name] = v;
      }
    combinations = std::move(more);
  }
  std::vector<std::string> names;
  for (const auto& c : combinations) {
    std::string name = file_name_from(pattern, file, default_file, c);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
  }
  return names;
}

int describe_build(const RunSpec& spec, const PluginRegistry& registry, std::ostream& out) {
  int code = exit_ok;
  out << "dry run: nothing is parsed, stored or written\n";
  out << "output folder: " << printable(spec.output_dir.string()) << "\n";
  const fs::path store = spec.cache_file.empty() ? default_cache_file(spec.output_dir) : spec.cache_file;
  std::error_code ec;
  if (!spec.use_cache)
    out << "store: not used (--no-cache)\n";
  else
    out << "store: " << printable(store.string())
        << (fs::exists(store, ec) ? (spec.force ? " (exists; every source parsed again: --force)"
                                                 : " (exists: unchanged sources are taken from it)")
                                  : " (would be created)")
        << "\n";
  if (!spec.catalogue.empty()) out << "catalogue: " << printable(spec.catalogue.string()) << "\n";

  const SourceList listed = collect_sources(spec.sources, spec.follow_symlinks);
  const auto& files = listed.files;
  out << "sources (" << files.size() << "):\n";
  const ReaderSet readers(registry);
  std::size_t readable = 0;
  for (const auto& file : files) {
    Source source;
    source.path = file.string();
    std::string error;
    out << "  " << printable(source.path);
    if (!read_file(file, source.content, error)) {
      out << "  cannot be read: " << error << "\n";
      continue;
    }
    source.sha256 = sha256_hex(source.content);
    const auto choice = readers.choose(source);
    out << "  " << size_text(source.content.size()) << "  ";
    if (!choice.library) {
      out << "no reader understands this file\n";
      continue;
    }
    ++readable;
    out << "reader " << plugin_text(*choice.library) << "\n";
  }
  for (const auto& m : listed.skipped) out << "  " << printable(m) << "\n";
  for (const auto& n : listed.notes) out << "  " << printable(n) << "\n";
  if (!readable) code = exit_input;

  out << "analyzers (in the order they run):";
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> deps;
  std::vector<std::shared_ptr<PluginLibrary>> libs;
  std::vector<std::string> problems;
  for (const auto& request : spec.analyzers) {
    auto lib = registry.find(request.plugin, PluginKind::analyzer);
    if (!lib) continue;  // validate_requests has reported it
    try {
      deps.push_back(lib->make_analyzer()->dependencies());
      names.push_back(request.plugin);
      libs.push_back(lib);
    } catch (const std::exception& e) {
      problems.push_back(e.what());
    }
  }
  const auto order = analyzer_order(names, deps, problems);
  if (order.empty()) out << " none";
  for (std::size_t k = 0; k < order.size(); ++k) out << (k ? ", " : " ") << plugin_text(*libs[order[k]]);
  out << "\n";

  out << "exporters:\n";
  std::map<std::string, std::string> writers;  // file -> the exporter that writes it first
  for (const auto& request : spec.exporters) {
    auto lib = registry.find(request.plugin, PluginKind::exporter);
    if (!lib) continue;
    out << "  " << plugin_text(*lib) << " -> ";
    try {
      lib->make_exporter();  // its factory works: the build would get this far
      const std::string& default_file = lib->info().default_file;
      const auto files = planned_files(declared_file_names(*lib), request.file.empty() ? default_file : request.file,
                                       default_file, request.options, spec.build.language);
      for (std::size_t k = 0; k < files.size(); ++k) {
        out << (k ? ", " : "") << printable((spec.output_dir / files[k]).string());
        const std::string who = plugin_text(*lib) + options_text(request.options);
        if (const auto [first, fresh] = writers.emplace(files[k], who); !fresh)
          problems.push_back("two exporters would write " + files[k] + " (" + first->second + "; " + who +
                             "): the second fails; give them different file names");
      }
    } catch (const std::exception& e) {
      out << "(cannot be made: " << printable(e.what()) << ")";
      problems.push_back(e.what());
    }
    out << options_text(request.options) << "\n";
  }
  out << "  and " << printable((spec.output_dir / "manifest.json").string()) << "\n";
  for (const auto& p : problems) out << "problem: " << printable(p) << "\n";
  if (!problems.empty() && code == exit_ok) code = exit_config;
  return code;
}

}  // namespace dossier::host
