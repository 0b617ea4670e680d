// Helpers shared by the tests: paths of the build, temporary folders, running the host.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "dossier/context.hpp"
#include "dossier/domain/digest.hpp"
#include "dossier/plugin.hpp"
#include "dossier/sink.hpp"
#include "plugin_registry.hpp"

namespace test {

namespace fs = std::filesystem;

inline fs::path source_dir() { return DOSSIER_SOURCE_DIR; }
inline fs::path corpus_dir() { return source_dir() / "samples" / "corpus"; }
inline fs::path dossier_exe() { return DOSSIER_EXE; }
inline fs::path plugin_dir() { return DOSSIER_PLUGIN_DIR; }
inline fs::path broken_plugin_dir() { return DOSSIER_BROKEN_PLUGIN_DIR; }
/// The reader that crashes, hangs or eats memory on files asking for it (broken_reader.cpp).
inline fs::path broken_reader_dir() { return DOSSIER_BROKEN_READER_DIR; }

/// The built-in and the deliberately broken plugins, discovered once.
inline const dossier::host::PluginRegistry& all_plugins() {
  static const dossier::host::PluginRegistry registry = [] {
    dossier::host::PluginRegistry r;
    r.discover({DOSSIER_PLUGIN_DIR, DOSSIER_BROKEN_PLUGIN_DIR});
    return r;
  }();
  return registry;
}

/// A fresh, empty folder for one test, under the build tree.
inline fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::path(DOSSIER_TEST_TMP) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

/// Single-quotes an argument for /bin/sh.
inline std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Result {
  int exit_code = -1;
  std::string output;  ///< stdout and stderr together
};

/// Runs a shell command line with stderr merged into stdout.
inline Result run(const std::string& command) {
  Result r;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buffer{};
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

/// Runs the built `dossier` with the given (already quoted) arguments.
inline Result dossier(const std::string& args) { return run(quote(dossier_exe().string()) + " " + args); }

inline std::size_t count_lines_containing(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find(needle) != std::string::npos) ++count;
  return count;
}

/// The built-in plugins of the build tree, loaded once per test program.
inline dossier::host::PluginRegistry& builtin_plugins() {
  static dossier::host::PluginRegistry registry = [] {
    dossier::host::PluginRegistry r;
    r.discover({plugin_dir()});
    return r;
  }();
  return registry;
}

/// A source as the host hands it to readers: bytes loaded and hashed.
inline dossier::Source source_of(const fs::path& path) {
  dossier::Source s;
  s.path = path.string();
  s.content = read_file(path);
  s.sha256 = dossier::sha256_hex(s.content);
  return s;
}

/// Reads one source with the named reader plugin, as the host would.
inline dossier::Document read_with(const std::string& reader_name, const dossier::Source& source) {
  auto reader = builtin_plugins().find(reader_name, dossier::PluginKind::reader)->make_reader();
  dossier::Context context(reader_name, {}, {}, nullptr);
  return reader->read(source, context);
}

/// Reads one file with the named reader plugin, as the host would.
inline dossier::Document read_with(const std::string& reader_name, const fs::path& path) {
  return read_with(reader_name, source_of(path));
}

/// Reads bytes a test made (`path` only names them) with the named reader plugin.
inline dossier::Document read_with(const std::string& reader_name, const std::string& path,
                                   const std::string& content) {
  dossier::Source s;
  s.path = path;
  s.content = content;
  s.sha256 = dossier::sha256_hex(s.content);
  return read_with(reader_name, s);
}

}  // namespace test
