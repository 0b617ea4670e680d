// A whole file read into memory, for the programs around the plugins (the test kit, the
// benchmarks) that take their inputs from files. Inline: nothing to link.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace dossier {

/// The bytes of the file at `path`; throws std::runtime_error when it cannot be opened.
inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace dossier
