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

// What a file that is neither a regular file, a folder nor a link is, for a message.
std::string special_kind(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo: return "a FIFO (named pipe)";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    default: return "not a regular file or folder";
  }
}

// The folder a glob pattern cannot leave: its components before the first with a wildcard.
fs::path glob_root(const std::string& pattern) {
  fs::path root;
  for (const auto& part : fs::path(pattern).parent_path()) {
    if (has_glob_chars(part.string())) break;
    root /= part;
  }
  return root.empty() ? fs::path(".") : root;
}

// What the sources name, canonical (wherever a link among them leads: naming a link is
// choosing it), and whether each is a folder that is walked. A glob pattern names the folder
// before its first wildcard. Sources that do not exist name nothing.
struct Root {
  fs::path path;
  bool walked = false;
};
std::vector<Root> source_roots(const std::vector<std::string>& sources) {
  std::vector<Root> roots;
  for (const auto& source : sources) {
    std::error_code ec;
    const bool pattern = has_glob_chars(source) && !fs::exists(source, ec);
    fs::path root = fs::canonical(pattern ? glob_root(source) : fs::path(source), ec);
    if (!ec) roots.push_back({std::move(root), !pattern && fs::is_directory(source, ec)});
  }
  return roots;
}

// One pass over the sources. Only types are examined (lstat, stat): nothing is opened here,
// so a FIFO cannot block the walk.
class Collector {
 public:
  // Links found below the sources may lead only inside them (source_roots), unless followed.
  Collector(const std::vector<std::string>& sources, bool follow_symlinks)
      : follow_(follow_symlinks), roots_(source_roots(sources)) {}

  SourceList collect(const std::vector<std::string>& sources) {
    std::set<fs::path> seen;
    auto add = [&](const fs::path& p) {
      if (seen.insert(p.lexically_normal()).second) list_.files.push_back(p);
    };
    for (const auto& source : sources) {
      std::error_code ec, sc;
      const fs::file_status status = fs::status(source, ec);
      if (fs::is_directory(status)) {
        std::vector<fs::path> found;
        const std::size_t skipped = list_.skipped.size(), noted = list_.notes.size();
        walk_folder(source, found);
        // In the order of the files, whatever the order of the folder's entries.
        std::sort(list_.skipped.begin() + static_cast<std::ptrdiff_t>(skipped), list_.skipped.end());
        std::sort(list_.notes.begin() + static_cast<std::ptrdiff_t>(noted), list_.notes.end());
        std::sort(found.begin(), found.end());
        for (const auto& f : found) add(f);
      } else if (fs::is_regular_file(status)) {
        add(source);
      } else if (has_glob_chars(source)) {
        glob_t g{};
        std::vector<fs::path> found;
        const std::size_t skipped_before = list_.skipped.size();  // matches skipped say why themselves
        if (::glob(source.c_str(), 0, nullptr, &g) == 0)
          for (std::size_t i = 0; i < g.gl_pathc; ++i) {
            const fs::path p = g.gl_pathv[i];
            std::error_code sc;
            const fs::file_status own = fs::symlink_status(p, sc);
            if (sc)
              skip(p, "cannot be examined (" + sc.message() + ")");
            else if (fs::is_directory(own))
              spdlog::debug("source {}: a folder; a glob pattern takes only files", p.string());
            else if (examine(p, own, fs::path()) == Found::file)
              found.push_back(p);
          }
        ::globfree(&g);
        if (found.empty() && list_.skipped.size() == skipped_before) skip(source, "no file matches");
        for (const auto& f : found) add(f);  // glob(3) returns them sorted
      } else if (fs::is_symlink(fs::symlink_status(source, sc))) {
        skip(source, "symbolic link to nothing readable (" + ec.message() + ")");
      } else {
        skip(source, fs::exists(status) ? special_kind(status.type()) + "; not read" : "no such file or folder");
      }
    }
    return std::move(list_);
  }

 private:
  enum class Found { nothing, file, folder };

  void skip(const fs::path& p, const std::string& why) { list_.skipped.push_back(p.string() + ": " + why); }
  void note(const fs::path& p, const std::string& why) { list_.notes.push_back(p.string() + ": " + why); }

  bool inside_roots(const fs::path& canonical) const {
    return std::any_of(roots_.begin(), roots_.end(), [&](const Root& r) { return contains(r.path, canonical); });
  }

  // What the entry `p` (its own status `own`, found in folder `dir`; empty for a glob match)
  // adds: a file to read, a folder to walk, or nothing (then said why, unless harmless).
  Found examine(const fs::path& p, const fs::file_status& own, const fs::path& dir) {
    if (fs::is_regular_file(own)) return Found::file;
    if (fs::is_directory(own)) return Found::folder;
    if (!fs::is_symlink(own)) {
      skip(p, special_kind(own.type()) + "; not read");
      return Found::nothing;
    }
    std::error_code sc;
    const fs::file_status target = fs::status(p, sc);
    if (sc == std::errc::too_many_symbolic_link_levels) {
      note(p, "symbolic link loop; skipped");
      return Found::nothing;
    }
    const fs::path to = sc ? fs::path() : fs::canonical(p, sc);
    if (sc) {
      skip(p, "symbolic link to nothing readable (" + sc.message() + ")");
      return Found::nothing;
    }
    const bool inside = inside_roots(to);
    if (fs::is_directory(target)) {
      std::error_code hc;
      const fs::path here = dir.empty() ? fs::path() : fs::canonical(dir, hc);
      if (!dir.empty() && !hc && contains(to, here)) {
        note(p, "symbolic link loop (to a folder that contains it); not followed");
        return Found::nothing;
      }
      if (inside) {  // its files are read where they are
        spdlog::debug("source {}: symbolic link to a folder inside the sources; not followed", p.string());
        return Found::nothing;
      }
      if (!follow_) {
        skip(p, "symbolic link to " + to.string() +
                    ", a folder outside the sources; not followed (follow_symlinks = true, or --follow-symlinks, "
                    "follows it)");
        return Found::nothing;
      }
      if (!walked_.insert(to).second) {
        spdlog::debug("source {}: symbolic link to {}, already read; not followed again", p.string(), to.string());
        return Found::nothing;
      }
      return Found::folder;
    }
    if (!inside && !follow_) {
      skip(p, "symbolic link to " + to.string() +
                  ", outside the sources; not read (follow_symlinks = true, or --follow-symlinks, reads it)");
      return Found::nothing;
    }
    if (fs::is_regular_file(target)) return Found::file;
    skip(p, "symbolic link to " + to.string() + ", " + special_kind(target.type()) + "; not read");
    return Found::nothing;
  }

  // The files below `root`, hidden entries skipped. Links to folders are followed only when
  // they lead outside the sources and follow_symlinks is on, each such folder once, so no
  // link can make the walk loop; a folder that cannot be read is skipped (its files are
  // missing), and said so.
  void walk_folder(const fs::path& root, std::vector<fs::path>& found) {
    std::vector<fs::path> pending{root};
    while (!pending.empty()) {
      const fs::path dir = std::move(pending.back());
      pending.pop_back();
      std::error_code ec;
      fs::directory_iterator it(dir, ec), end;
      if (ec) {
        skip(dir, "folder cannot be read (" + ec.message() + "); its files are skipped");
        continue;
      }
      for (; it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (hidden(p)) continue;
        std::error_code sc;
        const fs::file_status own = it->symlink_status(sc);
        if (sc) {
          skip(p, "cannot be examined (" + sc.message() + ")");
          continue;
        }
        switch (examine(p, own, dir)) {
          case Found::file: found.push_back(p); break;
          case Found::folder: pending.push_back(p); break;
          case Found::nothing: break;
        }
      }
      if (ec) skip(dir, "folder could not be read to the end (" + ec.message() + ")");
    }
  }

  bool follow_;
  std::vector<Root> roots_;
  std::set<fs::path> walked_;  // folders outside the sources reached through links
  SourceList list_;
};

}  // namespace

SourceList collect_sources(const std::vector<std::string>& sources, bool follow_symlinks) {
  return Collector(sources, follow_symlinks).collect(sources);
}

std::string output_folder_problem(const fs::path& output_dir, const std::vector<std::string>& sources) {
  if (output_dir.empty()) return "no output folder given";
  std::error_code ec;
  const fs::path out = fs::weakly_canonical(fs::absolute(output_dir, ec), ec);
  if (ec) return "output folder " + output_dir.string() + " cannot be resolved (" + ec.message() + ")";
  if (out == out.root_path())
    return "output folder " + output_dir.string() + " is the root of the file system (" + out.string() +
           "); give the outputs a folder of their own, e.g. /srv/dossier/NAME";
  const std::string why = ": outputs would be read as sources by the next build; choose a folder outside the sources";
  for (const Root& root : source_roots(sources)) {
    if (contains(out, root.path))
      return "output folder " + output_dir.string() + (out == root.path ? " is" : " contains") +
             " a source of the build (" + root.path.string() + ")" + why;
    // Hidden folders are not walked, so outputs in one below a source folder are never read.
    if (root.walked && contains(root.path, out)) {
      const fs::path below = out.lexically_relative(root.path);
      if (std::none_of(below.begin(), below.end(), [](const fs::path& part) { return hidden(part); }))
        return "output folder " + output_dir.string() + " is inside the source folder " + root.path.string() + why +
               " (or a hidden one, .NAME, which the walk of the sources skips)";
    }
  }
  return {};
}

std::vector<fs::path> shard_of(const std::vector<fs::path>& files, std::size_t index, std::size_t count) {
  if (count == 0) return files;
  std::vector<fs::path> share;
  for (std::size_t i = index - 1; i < files.size(); i += count) share.push_back(files[i]);
  return share;
}

}  // namespace dossier::host
