// Generation folders and the `current` link (output_generations.hpp).
#include "output_generations.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdint>
#include <iterator>
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
constexpr const char* adopting_marker = "adopting";  // in .dossier/, while a takeover is unfinished

std::string generation_name(std::uint64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08llu", static_cast<unsigned long long>(n));
  return buf;
}

// Only names Dossier writes (8 to 20 digits, within 64 bits): nothing else in the folder is
// ever taken for a generation, or removed as one.
std::optional<std::uint64_t> generation_number(const std::string& name) {
  if (name.size() < 8 || name.size() > 20 || name.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), n);
  if (ec != std::errc() || end != name.data() + name.size() || n == 0) return std::nullopt;
  return n;
}

std::string pid_suffix() { return std::to_string(::getpid()); }

[[noreturn]] void throw_errno(int err, const std::string& what) { throw std::system_error(err, std::generic_category(), what); }

void make_symlink(const std::string& target, const fs::path& link) {
  if (::symlink(target.c_str(), link.c_str()) != 0) throw_errno(errno, "create link " + link.string());
}

bool real_directory(const fs::path& p) {
  std::error_code ec;
  return fs::symlink_status(p, ec).type() == fs::file_type::directory;
}

// Whether `base`/`rel` is a regular file reached without any symbolic link on the way: a
// planted link must not make Dossier publish, move or delete what lies elsewhere.
bool plain_file_beneath(const fs::path& base, const fs::path& rel) {
  if (!real_directory(base) || rel.empty() || rel.is_absolute()) return false;
  fs::path at = base;
  const fs::path normal = rel.lexically_normal();
  for (auto part = normal.begin(); part != normal.end(); ++part) {
    if (*part == ".." || *part == ".") return false;
    at /= *part;
    std::error_code ec;
    const fs::file_type type = fs::symlink_status(at, ec).type();
    const bool last = std::next(part) == normal.end();
    if (type != (last ? fs::file_type::regular : fs::file_type::directory)) return false;
  }
  return true;
}

bool same_file(const fs::path& a, const fs::path& b) {
  struct stat sa {}, sb {};
  return ::lstat(a.c_str(), &sa) == 0 && ::lstat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
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

// Hard link where the file system allows it (no bytes copied), else a copy, synced.
void link_or_copy(const fs::path& from, const fs::path& to) {
  fs::create_directories(to.parent_path());
  std::error_code ec;
  fs::create_hard_link(from, to, ec);
  if (!ec) return;
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
  fsync_path(to, false);
}

// The output files a manifest of an earlier release lists (relative, inside the folder).
std::vector<std::string> listed_outputs(const nlohmann::json& manifest) {
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

nlohmann::json read_flat_manifest(const fs::path& manifest_file) {
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
  return manifest;
}

// Exchanges the top-level folder `path` with the link `replacement` in one step where the
// file system can; the old folder ends at `replacement`'s name.
void exchange_with_link(const fs::path& replacement, const fs::path& path) {
  if (::renameat2(AT_FDCWD, replacement.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) == 0) return;
  if (errno != EINVAL && errno != ENOSYS) throw_errno(errno, "exchange " + path.string());
  // A file system without exchange: a moment in which the name is missing.
  const fs::path aside = path.string() + ".dossier-old-" + pid_suffix();
  fs::rename(path, aside);
  fs::rename(replacement, path);
  fs::rename(aside, replacement);
}

// A folder of an earlier release's outputs, moved out of the way into `kept`: the files that
// are also in `generation_dir` (the same inode: hard-linked there) are removed, and so are the
// folders left empty; anything else stays in `kept`, with a warning.
void clear_old_folder(const fs::path& kept, const fs::path& generation_dir, const fs::path& shown_as) {
  std::vector<fs::path> folders;
  for (fs::recursive_directory_iterator it(kept), end; it != end; ++it) {
    if (it->is_symlink()) continue;
    if (it->is_directory()) {
      folders.push_back(it->path());
    } else if (same_file(it->path(), generation_dir / it->path().lexically_relative(kept))) {
      fs::remove(it->path());
    }
  }
  for (auto f = folders.rbegin(); f != folders.rend(); ++f) {
    std::error_code ec;
    fs::remove(*f, ec);  // only if empty
  }
  std::error_code ec;
  if (!fs::remove(kept, ec))
    spdlog::warn("{} held files no manifest listed; they are kept in {}", shown_as.string(), kept.string());
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
  if (!real_directory(root_ / ".dossier") || !real_directory(generations_) || !real_directory(generations_ / target.filename()))
    return {};
  return generations_ / target.filename();
}

void OutputGenerations::make_state_folders() {
  // Created here, and refused when they are anything but folders: the generations are
  // written and deleted below them, so a link there would point that elsewhere.
  for (const fs::path& dir : {root_ / ".dossier", generations_}) {
    std::error_code ec;
    const fs::file_type type = fs::symlink_status(dir, ec).type();
    if (type == fs::file_type::not_found) {
      fs::create_directory(dir);
      fsync_path(dir.parent_path(), true);
    } else if (type != fs::file_type::directory) {
      throw std::runtime_error(dir.string() + " is " + (type == fs::file_type::symlink ? "a symbolic link" : "not a folder") +
                               "; Dossier keeps its output generations there and will not follow it: make it a folder");
    }
  }
}

std::uint64_t OutputGenerations::next_number() const {
  std::uint64_t last = 0;
  for (const auto& e : fs::directory_iterator(generations_))
    if (const auto n = generation_number(e.path().filename().string())) last = std::max(last, *n);
  if (last == UINT64_MAX) throw std::runtime_error("no generation number is left after " + generation_name(last));
  return last + 1;
}

const fs::path& OutputGenerations::begin() {
  make_state_folders();
  const fs::path link = root_ / current_name;
  std::error_code ec;
  const bool present = fs::symlink_status(link, ec).type() != fs::file_type::not_found;
  if (present && current().empty())
    throw std::runtime_error(link.string() +
                             " is not Dossier's link to the current outputs; move it away or choose another output folder");
  if (present && fs::exists(fs::symlink_status(root_ / ".dossier" / adopting_marker, ec)))
    finish_takeover();  // a takeover that was interrupted
  else if (!present && fs::is_regular_file(fs::symlink_status(root_ / "manifest.json", ec)))
    adopt_flat_layout();
  remove_leftovers();
  staging_number_ = next_number();
  staging_ = generations_ / generation_name(staging_number_);
  fs::create_directory(staging_);
  return staging_;
}

void OutputGenerations::adopt_flat_layout() {
  const nlohmann::json manifest = read_flat_manifest(root_ / "manifest.json");
  const std::vector<std::string> files = listed_outputs(manifest);
  std::vector<std::string> adopted;  // those that are there, as plain files of the folder
  for (const auto& f : files)
    if (plain_file_beneath(root_, f)) adopted.push_back(f);
  // A folder that cannot be exchanged for a link (a mount point) stops the takeover before
  // anything changes.
  struct stat root_st {};
  if (::lstat(root_.c_str(), &root_st) != 0) throw_errno(errno, "stat " + root_.string());
  for (const auto& f : adopted) {
    const fs::path top = root_ / *fs::path(f).begin();
    struct stat st {};
    if (::lstat(top.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_dev != root_st.st_dev)
      throw std::runtime_error(top.string() + " is a mount point: its outputs cannot be taken over into " +
                               generations_.string() + "; unmount it or choose another output folder");
  }
  const std::string name = generation_name(next_number());
  const fs::path gen = generations_ / name;
  fs::create_directory(gen);
  for (const auto& f : adopted) link_or_copy(root_ / f, gen / f);
  if (adopted.size() == files.size()) {
    link_or_copy(root_ / "manifest.json", gen / "manifest.json");
  } else {
    // The set lists exactly what it holds: the files that were missing are left out.
    nlohmann::json kept = manifest;
    kept["outputs"] = nlohmann::json::array();
    for (const auto& o : manifest["outputs"])
      if (o.is_object() && o.contains("file") && o["file"].is_string() &&
          std::find(adopted.begin(), adopted.end(), fs::path(o["file"].get<std::string>()).lexically_normal().generic_string()) !=
              adopted.end())
        kept["outputs"].push_back(o);
    write_file_atomically(gen / "manifest.json", kept.dump(2) + "\n");
    spdlog::warn("{} listed {} file(s) that are not there as plain files; the taken-over set leaves them out",
                 (root_ / "manifest.json").string(), files.size() - adopted.size());
  }
  sync_tree(gen);
  fsync_path(generations_, true);
  // Until the old names are links, the next build must finish the takeover, whatever stops
  // this one.
  write_file_atomically(root_ / ".dossier" / adopting_marker, name + "\n");
  point_current_at(name);
  fsync_path(root_, true);
  finish_takeover();
  spdlog::info("outputs of an earlier release in {} taken over as generation {}", root_.string(), name);
}

void OutputGenerations::finish_takeover() {
  const fs::path gen = current();
  // Each old file or folder gives way to a link that reads the same bytes.
  for (const auto& e : fs::directory_iterator(gen)) {
    const std::string top = e.path().filename().string();
    const fs::path path = root_ / top;
    std::error_code ec;
    const fs::file_type type = fs::symlink_status(path, ec).type();
    if (type == fs::file_type::symlink && fs::read_symlink(path, ec).string() == link_prefix + top) continue;
    const fs::path tmp = root_ / (".current-tmp-link-" + pid_suffix());
    fs::remove(tmp);
    if (type == fs::file_type::not_found) {
      make_symlink(link_prefix + top, path);
    } else if (type == fs::file_type::regular && (same_file(path, gen / top) || top == "manifest.json")) {
      // The earlier release's own file (its manifest is Dossier's even when the set lists less).
      make_symlink(link_prefix + top, tmp);
      fs::rename(tmp, path);
    } else if (type == fs::file_type::directory) {
      make_symlink(link_prefix + top, tmp);
      exchange_with_link(tmp, path);
      const fs::path kept = root_ / ".dossier" / "leftovers" / (top + "-" + gen.filename().string() + "-" + pid_suffix());
      fs::create_directories(kept.parent_path());
      fs::rename(tmp, kept);  // the old folder, out of the way
      clear_old_folder(kept, gen / top, path);
    }  // anything else is not the earlier release's: publishing will say it is in the way
  }
  fsync_path(root_, true);
  fs::remove(root_ / ".dossier" / adopting_marker);
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
    if (!n) continue;
    found.emplace_back(*n, e.path());
    if (*n < current_number && *n > previous) previous = *n;
  }
  for (const auto& [n, path] : found) {
    if (n == current_number || n == previous) continue;
    std::error_code ec;
    fs::remove_all(path, ec);  // a link in its place is removed, not followed
    if (ec) spdlog::warn("could not remove the old output generation {}: {}", path.string(), ec.message());
  }
  // The top level: links to names the current set lacks, a killed switch's link, and the
  // temporary files of a killed build of an earlier release (only those: never a walk of
  // the tree below, which may be large or not ours).
  for (const auto& e : fs::directory_iterator(root_)) {
    const std::string name = e.path().filename().string();
    std::error_code ec;
    if (name.rfind(".current-tmp-", 0) == 0) {
      if (e.is_directory(ec) && !e.is_symlink(ec)) {
        // An earlier release's folder a killed takeover had exchanged: kept, never deleted.
        const fs::path kept = root_ / ".dossier" / "leftovers" / name;
        fs::create_directories(kept.parent_path());
        fs::rename(e.path(), kept, ec);
        spdlog::warn("an interrupted takeover left {}; it is kept in {}", e.path().string(), kept.string());
      } else {
        fs::remove(e.path(), ec);
      }
    } else if (e.is_symlink(ec)) {
      const std::string target = fs::read_symlink(e.path(), ec).string();
      if (!ec && target.rfind(link_prefix, 0) == 0 && !fs::exists(e.path(), ec)) fs::remove(e.path(), ec);
    }
  }
  remove_stale_temporaries(root_, false);
}

bool OutputGenerations::carry_over(const std::string& name) {
  const fs::path cur = current();
  if (cur.empty() || staging_.empty() || !plain_file_beneath(cur, name)) return false;
  link_or_copy(cur / name, staging_ / name);
  return true;
}

void OutputGenerations::point_current_at(const std::string& generation_name) {
  const fs::path tmp = root_ / (".current-tmp-" + pid_suffix());
  fs::remove(tmp);
  make_symlink((fs::path(".dossier") / "generations" / generation_name).string(), tmp);
  fs::rename(tmp, root_ / current_name);  // the one step that publishes
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
    point_current_at(staging_.filename().string());
  } catch (...) {
    for (const auto& l : created) {
      std::error_code ec;
      fs::remove(l, ec);
    }
    throw;
  }
  // Published: from here on nothing may undo it, whatever fails.
  staging_.clear();
  try {
    fsync_path(root_, true);
  } catch (const std::exception& e) {
    spdlog::warn("outputs published in {}, but whether the switch is on disk could not be confirmed: {}", root_.string(),
                 e.what());
  }
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
