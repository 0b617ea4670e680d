// Puts the exporters' prepared files into the new generation, with what earlier builds made
// that this one did not rewrite, and publishes it (stage_commit.hpp).
#include "stage_commit.hpp"

#include <map>
#include <set>

#include <spdlog/spdlog.h>

#include <dossier/domain/files.hpp>

namespace dossier::host {

namespace fs = std::filesystem;

namespace {

// The names of the new set so far: each file, and each folder a file is in.
struct ClaimedNames {
  std::map<std::string, std::string> files;  ///< name -> the exporter that writes it
  std::set<std::string> folders;

  // Why `name` cannot join the set, or "" when it can.
  std::string clash(const std::string& name) const {
    if (OutputGenerations::reserved_name(name))
      return "output " + name + " is a name Dossier keeps for its own files (current, manifest.json, .dossier*)";
    if (const auto it = files.find(name); it != files.end())
      return "output " + name + " is also written by exporter " + it->second;
    if (folders.count(name)) return "output " + name + " is a folder of another exporter's outputs";
    for (fs::path p = fs::path(name).parent_path(); !p.empty(); p = p.parent_path())
      if (const auto it = files.find(p.generic_string()); it != files.end())
        return "output " + name + " needs " + it->first + " as a folder, which exporter " + it->second + " writes as a file";
    return {};
  }
  void claim(const std::string& name, const std::string& exporter) {
    files.emplace(name, exporter);
    for (fs::path p = fs::path(name).parent_path(); !p.empty(); p = p.parent_path()) folders.insert(p.generic_string());
  }
};

// Files of the current generation this build did not rewrite stay in the set: a failed
// exporter's earlier outputs, and those of exporters no longer asked for (docs/guarantees.md).
void carry_over_earlier_outputs(OutputGenerations& generations, ClaimedNames& claimed, BuildRecord& record) {
  const fs::path current = generations.current();
  if (current.empty()) return;
  nlohmann::ordered_json earlier;
  try {
    earlier = nlohmann::ordered_json::parse(read_bytes((current / "manifest.json").string()));
  } catch (const std::exception& e) {
    spdlog::warn("the earlier outputs' manifest cannot be read ({}); only this build's files are published", e.what());
    return;
  }
  if (!earlier.contains("outputs") || !earlier["outputs"].is_array()) return;
  for (const auto& entry : earlier["outputs"]) {
    if (!entry.is_object() || !entry.contains("file") || !entry["file"].is_string()) continue;
    const std::string name = entry["file"].get<std::string>();
    const fs::path rel = fs::path(name).lexically_normal();
    if (rel.is_absolute() || rel.empty() || *rel.begin() == ".." || !claimed.clash(name).empty()) continue;
    if (!generations.carry_over(name)) continue;
    claimed.claim(name, entry.value("plugin", std::string("?")));
    nlohmann::ordered_json kept = entry;
    kept["carried_over"] = true;
    for (const char* when : {"build_time", "built"})
      if (!kept.contains(when) && earlier.contains(when)) kept[when] = earlier[when];
    record.outputs.push_back(std::move(kept));
  }
}

}  // namespace

void commit_stage(const RunSpec& spec, PreparedExports& prepared, BuildRecord& record, RunReport& report) {
  ClaimedNames claimed;
  for (std::size_t i = 0; i < prepared.sinks.size(); ++i) {
    ExportResult& result = report.exports[i];
    if (!result.ok) continue;
    AtomicSink& sink = *prepared.sinks[i];
    std::string clash;
    for (const AtomicFile* f : sink.pending())
      if (clash = claimed.clash(f->name()); !clash.empty()) break;
    const fs::path part = export_part_folder(prepared, i);
    std::vector<fs::path> moved;
    try {
      if (!clash.empty()) throw std::runtime_error(clash);
      sink.commit();  // inside the exporter's part of the staging generation
      result.files = sink.written();
      for (const auto& w : result.files) {
        const fs::path into = prepared.generations->staging() / w.name;
        fs::create_directories(into.parent_path());
        fs::rename(part / w.name, into);
        moved.push_back(into);
      }
    } catch (const std::exception& e) {
      sink.discard();
      for (const auto& m : moved) {
        std::error_code ec;
        fs::remove(m, ec);
      }
      result.files.clear();
      result.ok = false;
      result.error = failure_message(e);
      fail_export(report, prepared, result, *prepared.export_libs[i], "failed: " + result.error);
      continue;
    }
    for (const auto& w : result.files) {
      claimed.claim(w.name, result.plugin);
      record.outputs.push_back({{"file", w.name},
                                {"bytes", w.bytes},
                                {"sha256", w.sha256},
                                {"plugin", result.plugin},
                                {"version", result.version}});
    }
  }
  // What failed or crashed exporters left in their parts is no part of the set.
  for (std::size_t i = 0; i < prepared.sinks.size(); ++i) {
    std::error_code ec;
    fs::remove_all(export_part_folder(prepared, i), ec);
  }
  prepared.sinks.clear();
  try {
    if (!spec.prune || prepared.failed_exports > 0) carry_over_earlier_outputs(*prepared.generations, claimed, record);
  } catch (const std::exception& e) {
    // Publishing without them would take them away: nothing is published (publish_stage).
    report.errors.push_back("earlier outputs could not be kept: " + failure_message(e));
    prepared.generations->abandon();
  }
  record.timings["export"] = prepared.export_timings;
}

bool publish_stage(const RunSpec& spec, PreparedExports& prepared, RunReport& report) {
  OutputGenerations& generations = *prepared.generations;
  const auto fail = [&](const std::string& why) {
    generations.abandon();
    const std::string line = "could not publish the outputs in " + spec.output_dir.string() + ": " + why +
                             "; the earlier outputs are unchanged";
    spdlog::error("{}", line);
    report.errors.push_back(line);
    report.exit_code = exit_failure;
    for (auto& result : report.exports) result.files.clear();  // none of them landed
    return false;
  };
  if (generations.staging().empty()) return fail("the new set could not be completed");
  if (!fs::exists(generations.staging() / "manifest.json")) return fail("its manifest.json could not be written");
  try {
    generations.publish();
  } catch (const std::exception& e) {
    return fail(failure_message(e));
  }
  for (auto& result : report.exports)
    for (auto& w : result.files) {
      w.path = spec.output_dir / w.name;
      spdlog::info("wrote {} ({} bytes)", w.path.string(), w.bytes);
    }
  return true;
}

}  // namespace dossier::host
