// Generation folders and the `current` link (output_generations.hpp).
#include "output_generations.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <optional>
#include <set>
#include <stdexcept>
#include <system_error>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <dossier/domain/files.hpp>

#include "atomic_sink.hpp"
#include "stage_export.hpp"

namespace dossier::host {

namespace fs = std::filesystem;

namespace {

constexpr const char* current_name = "current";
constexpr const char* link_prefix = "current/";  // what every top-level link of ours starts with

std::string generation_name(std::uint64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08llu", static_cast<unsigned long long>(n));
  return buf;
}

std::optional<std::uint64_t> generation_number(const std::string& name) {
  if (name.empty() || name.size() > 18 || name.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoull(name);
}

std::string pid_suffix() { return std::to_string(::getpid()); }

[[noreturn]] void throw_errno(int err, const std::string& what) { throw std::system_error(err, std::generic_category(), what); }

void make_symlink(const std::string& target, const fs::path& link) {
  if (::symlink(target.c_str(), link.c_str()) != 0) throw_errno(errno, "create link " + link.string());
}

// Every folder from `dir` down, deepest first, synced: a generation's entries are on disk
// before `current` names it.
void sync_tree(const fs::path& dir) {
  std::vector<fs::path> folders{dir};
  for (fs::recursive_directory_iterator it(dir), end; it != end; ++it)
    if (it->is_directory() && !it->is_symlink()) folders.push_back(it->path());
  std::reverse(folders.begin(), folders.end());
  for (const auto& f : folders) fsync_path(f, true);
}

// Hard link where the file system allows it (no bytes copied), else a copy.
void link_or_copy(const fs::path& from, const fs::path& to) {
  fs::create_directories(to.parent_path());
  std::error_code ec;
  fs::create_hard_link(from, to, ec);
  if (ec) fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

// The output files a manifest of an earlier release lists (relative, inside the folder).
std::vector<std::string> listed_outputs(const fs::path& manifest_file) {
  nlohmann::json manifest;
  try {
    manifest = nlohmann::json::parse(read_bytes(manifest_file));
  } catch (const std::exception& e) {
    throw std::runtime_error(manifest_file.string() + " cannot be read (" + e.what() +
                             "); is this folder the output of a Dossier build? Choose another output folder");
  }
  if (!manifest.is_object() || !manifest.contains("dossier") || !manifest.contains("outputs") ||
      !manifest["outputs"].is_array())
    throw std::runtime_error(manifest_file.string() +
                             " is not a Dossier manifest; this folder holds something else: choose another output folder");
  std::vector<std::string> files;
  for (const auto& o : manifest["outputs"]) {
    if (!o.is_object() || !o.contains("file") || !o["file"].is_string()) continue;
    const fs::path rel = fs::path(o["file"].get<std::string>()).lexically_normal();
    if (rel.empty() || rel.is_absolute() || *rel.begin() == ".." || OutputGenerations::reserved_name(rel.generic_string()))
      continue;
    files.push_back(rel.generic_string());
  }
  return files;
}

// Replaces the top-level entry `path` by `replacement` (a link) in one step where the file
// system can: a folder cannot be renamed over, so the two are exchanged and the old folder
// ends at `replacement`'s name. Returns true when that happened (the caller removes it).
bool replace_entry(const fs::path& replacement, const fs::path& path) {
  if (!fs::is_directory(fs::symlink_status(path))) {
    fs::rename(replacement, path);
    return false;
  }
  if (::renameat2(AT_FDCWD, replacement.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) == 0) return true;
  if (errno != EINVAL && errno != ENOSYS) throw_errno(errno, "exchange " + path.string());
  // A file system without exchange: a moment in which the name is missing.
  const fs::path aside = path.string() + ".dossier-old-" + pid_suffix();
  fs::rename(path, aside);
  fs::rename(replacement, path);
  fs::rename(aside, replacement);
  return true;
}

}  // namespace

bool OutputGenerations::reserved_name(const std::string& name) {
  const fs::path rel(name);
  if (rel.empty()) return false;
  const std::string first = rel.begin()->string();
  return first == current_name || first == "manifest.json" || first.rfind(".dossier", 0) == 0 ||
         first.rfind(".current", 0) == 0;
}

OutputGenerations::OutputGenerations(fs::path root)
    : root_(std::move(root)), generations_(root_ / ".dossier" / "generations") {}

OutputGenerations::~OutputGenerations() { abandon(); }

fs::path OutputGenerations::current() const {
  std::error_code ec;
  const fs::path link = root_ / current_name;
  if (!fs::is_symlink(fs::symlink_status(link, ec))) return {};
  const fs::path target = fs::read_symlink(link, ec);
  if (ec) return {};
  const fs::path expected = fs::path(".dossier") / "generations" / target.filename();
  if (target != expected || !generation_number(target.filename().string())) return {};
  return generations_ / target.filename();
}

const fs::path& OutputGenerations::begin() {
  fs::create_directories(generations_);
  const fs::path link = root_ / current_name;
  std::error_code ec;
  const bool present = fs::symlink_status(link, ec).type() != fs::file_type::not_found;
  if (present && current().empty())
    throw std::runtime_error(link.string() +
                             " is not Dossier's link to the current outputs; move it away or choose another output folder");
  if (!present && fs::is_regular_file(fs::symlink_status(root_ / "manifest.json", ec))) adopt_flat_layout();
  remove_leftovers();
  std::uint64_t next = 1;
  for (const auto& e : fs::directory_iterator(generations_))
    if (const auto n = generation_number(e.path().filename().string())) next = std::max(next, *n + 1);
  staging_number_ = next;
  staging_ = generations_ / generation_name(next);
  fs::create_directory(staging_);
  return staging_;
}

void OutputGenerations::adopt_flat_layout() {
  const std::vector<std::string> files = listed_outputs(root_ / "manifest.json");
  std::uint64_t next = 1;
  for (const auto& e : fs::directory_iterator(generations_))
    if (const auto n = generation_number(e.path().filename().string())) next = std::max(next, *n + 1);
  const std::string name = generation_name(next);
  const fs::path gen = generations_ / name;
  fs::remove_all(gen);
  fs::create_directory(gen);
  std::set<std::string> taken;  // top-level names of the adopted set
  for (const auto& f : files) {
    if (!fs::is_regular_file(fs::symlink_status(root_ / f))) continue;  // the earlier set lacked it already
    link_or_copy(root_ / f, gen / f);
    taken.insert(fs::path(f).begin()->string());
  }
  link_or_copy(root_ / "manifest.json", gen / "manifest.json");
  taken.insert("manifest.json");
  sync_tree(gen);
  switch_current(name);
  // Each old file or folder gives way to a link that reads the same bytes.
  for (const auto& top : taken) {
    const fs::path tmp = root_ / (".current-tmp-link-" + pid_suffix());
    fs::remove(tmp);
    make_symlink(link_prefix + top, tmp);
    if (!replace_entry(tmp, root_ / top)) continue;
    // `tmp` is the old folder now: its listed files live on in the generation.
    for (const auto& f : files)
      if (fs::path(f).begin()->string() == top) fs::remove(tmp / fs::path(f).lexically_relative(top));
    std::vector<fs::path> folders;
    for (fs::recursive_directory_iterator it(tmp), end; it != end; ++it)
      if (it->is_directory() && !it->is_symlink()) folders.push_back(it->path());
    for (auto f = folders.rbegin(); f != folders.rend(); ++f) {
      std::error_code ec;
      fs::remove(*f, ec);  // only if empty
    }
    std::error_code ec;
    if (!fs::remove(tmp, ec)) {
      const fs::path kept = root_ / ".dossier" / "leftovers" / (top + "-" + name);
      fs::create_directories(kept.parent_path());
      fs::rename(tmp, kept);
      spdlog::warn("{} held files no manifest listed; they are kept in {}", (root_ / top).string(), kept.string());
    }
  }
  fsync_path(root_, true);
  spdlog::info("outputs of an earlier release in {} taken over as generation {}", root_.string(), name);
}

void OutputGenerations::remove_leftovers() {
  // Generations: the current one and the one before it stay (a reader may still be reading
  // it); the rest are older ones or what killed builds left.
  const fs::path cur = current();
  // Generations are numbered from 1: 0 is "none".
  const std::uint64_t current_number = cur.empty() ? 0 : generation_number(cur.filename().string()).value_or(0);
  std::uint64_t previous = 0;
  std::vector<std::pair<std::uint64_t, fs::path>> found;
  for (const auto& e : fs::directory_iterator(generations_)) {
    const auto n = generation_number(e.path().filename().string());
    if (!n || *n == 0) continue;
    found.emplace_back(*n, e.path());
    if (*n < current_number && *n > previous) previous = *n;
  }
  for (const auto& [n, path] : found) {
    if (n == current_number || n == previous) continue;
    std::error_code ec;
    fs::remove_all(path, ec);
    if (ec) spdlog::warn("could not remove the old output generation {}: {}", path.string(), ec.message());
  }
  // The top level: links to names the current set lacks, a killed switch's link, and the
  // temporary files of a killed build of an earlier release (only those: never a walk of
  // the tree below, which may be large or not ours).
  for (const auto& e : fs::directory_iterator(root_)) {
    const std::string name = e.path().filename().string();
    std::error_code ec;
    if (name.rfind(".current-tmp-", 0) == 0) {
      fs::remove(e.path(), ec);
    } else if (e.is_symlink(ec)) {
      const std::string target = fs::read_symlink(e.path(), ec).string();
      if (!ec && target.rfind(link_prefix, 0) == 0 && !fs::exists(e.path(), ec)) fs::remove(e.path(), ec);
    }
  }
  remove_stale_temporaries(root_, false);
}

bool OutputGenerations::carry_over(const std::string& name) {
  const fs::path cur = current();
  if (cur.empty() || staging_.empty()) return false;
  const fs::path from = cur / name;
  if (!fs::is_regular_file(fs::symlink_status(from))) return false;
  link_or_copy(from, staging_ / name);
  return true;
}

void OutputGenerations::switch_current(const std::string& generation_name) {
  const fs::path tmp = root_ / (".current-tmp-" + pid_suffix());
  fs::remove(tmp);
  make_symlink((fs::path(".dossier") / "generations" / generation_name).string(), tmp);
  fs::rename(tmp, root_ / current_name);  // the one step that publishes
  fsync_path(root_, true);
}

void OutputGenerations::publish() {
  if (staging_.empty()) throw std::logic_error("publish() without begin()");
  // Temporary files of exporters that died are no part of the set.
  remove_stale_temporaries(staging_, true, true);
  sync_tree(staging_);
  fsync_path(generations_, true);
  std::vector<fs::path> created;
  try {
    for (const auto& e : fs::directory_iterator(staging_)) {
      const std::string top = e.path().filename().string();
      const fs::path link = root_ / top;
      const fs::file_status st = fs::symlink_status(link);
      if (st.type() == fs::file_type::not_found) {
        make_symlink(link_prefix + top, link);
        created.push_back(link);
      } else if (!fs::is_symlink(st) || fs::read_symlink(link).string() != link_prefix + top) {
        throw std::runtime_error(link.string() + " is in the way: it is not an output of an earlier build; move it away " +
                                 "or choose another output folder (nothing was published)");
      }
    }
    fsync_path(root_, true);
    switch_current(staging_.filename().string());
  } catch (...) {
    for (const auto& l : created) {
      std::error_code ec;
      fs::remove(l, ec);
    }
    throw;
  }
  staging_.clear();
  try {
    remove_leftovers();
  } catch (const std::exception& e) {
    spdlog::warn("outputs published; tidying {} failed: {}", root_.string(), e.what());
  }
}

void OutputGenerations::abandon() noexcept {
  if (staging_.empty()) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
  staging_.clear();
}

}  // namespace dossier::host
