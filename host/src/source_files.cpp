// Which files a build reads: its sources (files, folders, glob patterns) expanded into a
// sorted list, and a shard's share of them.
#include "pipeline.hpp"

#include <glob.h>

#include <algorithm>
#include <set>

#include <spdlog/spdlog.h>

namespace dossier::host {

namespace fs = std::filesystem;

namespace {

bool has_glob_chars(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

bool hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}


// Whether `ancestor` is `p` or a folder above it (both canonical).
bool contains(const fs::path& ancestor, const fs::path& p) {
  auto a = ancestor.begin(), b = p.begin();
  for (; a != ancestor.end(); ++a, ++b)
    if (b == p.end() || *a != *b) return false;
  return true;
}

// The files below `root`, hidden entries skipped. Symbolic links to folders are not
// followed, so no link can make the walk loop; one that loops is named in a warning, and
// a folder that cannot be read is named in `problems` (its files are missing).
void walk_folder(const fs::path& root, std::vector<fs::path>& found, std::vector<std::string>& problems) {
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
      problems.push_back(dir.string() + ": folder cannot be read (" + ec.message() + "); its files are skipped");
      continue;
    }
    for (; it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      if (hidden(p)) continue;
      std::error_code sc;
      const fs::file_status own = it->symlink_status(sc);
      if (fs::is_symlink(own)) {
        const fs::file_status target = fs::status(p, sc);
        if (sc == std::errc::too_many_symbolic_link_levels) {
          spdlog::warn("source {}: symbolic link loop; skipped", p.string());
        } else if (sc) {
          spdlog::warn("source {}: symbolic link to nothing readable ({}); skipped", p.string(), sc.message());
        } else if (fs::is_directory(target)) {
          std::error_code c1, c2;
          const fs::path to = fs::canonical(p, c1), here = fs::canonical(dir, c2);
          if (!c1 && !c2 && contains(to, here))
            spdlog::warn("source {}: symbolic link loop (to a folder that contains it); not followed", p.string());
          else
            spdlog::debug("source {}: symbolic link to a folder; not followed", p.string());
        } else if (fs::is_regular_file(target)) {
          found.push_back(p);
        }
      } else if (fs::is_directory(own)) {
        pending.push_back(p);
      } else if (fs::is_regular_file(own)) {
        found.push_back(p);
      }
    }
    if (ec) problems.push_back(dir.string() + ": folder could not be read to the end (" + ec.message() + ")");
  }
}

}  // namespace

std::vector<fs::path> collect_sources(const std::vector<std::string>& sources,
                                      std::vector<std::string>& missing) {
  std::vector<fs::path> files;
  std::set<fs::path> seen;
  auto add = [&](const fs::path& p) {
    if (seen.insert(p.lexically_normal()).second) files.push_back(p);
  };
  for (const auto& source : sources) {
    std::error_code ec;
    if (fs::is_directory(source, ec)) {
      std::vector<fs::path> found;
      walk_folder(source, found, missing);
      std::sort(found.begin(), found.end());
      for (const auto& f : found) add(f);
    } else if (fs::is_regular_file(source, ec)) {
      add(source);
    } else if (has_glob_chars(source)) {
      glob_t g{};
      std::vector<fs::path> found;
      if (::glob(source.c_str(), 0, nullptr, &g) == 0)
        for (std::size_t i = 0; i < g.gl_pathc; ++i)
          if (fs::is_regular_file(g.gl_pathv[i], ec)) found.emplace_back(g.gl_pathv[i]);
      ::globfree(&g);
      if (found.empty()) missing.push_back(source + ": no file matches");
      for (const auto& f : found) add(f);  // glob(3) returns them sorted
    } else {
      missing.push_back(source + (fs::exists(source, ec) ? ": not a regular file or folder"
                                                         : ": no such file or folder"));
    }
  }
  return files;
}

std::vector<fs::path> shard_of(const std::vector<fs::path>& files, std::size_t index, std::size_t count) {
  if (count == 0) return files;
  std::vector<fs::path> share;
  for (std::size_t i = index - 1; i < files.size(); i += count) share.push_back(files[i]);
  return share;
}

}  // namespace dossier::host
