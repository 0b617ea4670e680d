#include "plugin_manifest.hpp"

#include <elf.h>

#include <charconv>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace dossier::host {

namespace {

constexpr const char* section_name = ".dossier_plugin";
constexpr std::uint64_t max_manifest = 1 << 20;  // far more than any declaration needs

// Reads `size` bytes at `offset`, refusing ranges outside the file (a damaged or hostile file).
std::string read_at(std::ifstream& in, std::uint64_t file_size, std::uint64_t offset, std::uint64_t size) {
  if (offset > file_size || size > file_size - offset) throw std::runtime_error("ELF headers point outside the file");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.seekg(static_cast<std::streamoff>(offset));
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in) throw std::runtime_error("cannot read the file");
  return bytes;
}

bool host_is_little_endian() {
  const std::uint16_t one = 1;
  unsigned char first = 0;
  std::memcpy(&first, &one, 1);
  return first == 1;
}

std::uint64_t parse_number(std::string_view text, int base, const char* key) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (text.empty() || error != std::errc() || end != text.data() + text.size())
    throw std::runtime_error(std::string("malformed ") + key);
  return value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t at = 0;;) {
    const std::size_t end = text.find(separator, at);
    parts.push_back(text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
    if (end == std::string_view::npos) return parts;
    at = end + 1;
  }
}

}  // namespace

std::optional<std::string> read_manifest_section(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open the file");
  in.seekg(0, std::ios::end);
  const auto file_size = static_cast<std::uint64_t>(in.tellg());
  if (file_size < sizeof(Elf64_Ehdr)) return std::nullopt;
  Elf64_Ehdr header;
  std::memcpy(&header, read_at(in, file_size, 0, sizeof header).data(), sizeof header);
  const bool little = header.e_ident[EI_DATA] == ELFDATA2LSB;
  if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 || header.e_ident[EI_CLASS] != ELFCLASS64 ||
      little != host_is_little_endian())
    return std::nullopt;
  if (header.e_shnum == 0 || header.e_shentsize != sizeof(Elf64_Shdr) || header.e_shstrndx >= header.e_shnum)
    return std::nullopt;
  const std::string table = read_at(in, file_size, header.e_shoff, std::uint64_t{header.e_shnum} * sizeof(Elf64_Shdr));
  std::vector<Elf64_Shdr> sections(header.e_shnum);
  std::memcpy(sections.data(), table.data(), table.size());
  const Elf64_Shdr& names = sections[header.e_shstrndx];
  if (names.sh_size > max_manifest * 16) throw std::runtime_error("its section names are too large");
  const std::string name_bytes = read_at(in, file_size, names.sh_offset, names.sh_size);
  for (const Elf64_Shdr& s : sections) {
    if (s.sh_name >= name_bytes.size()) continue;
    if (std::strcmp(name_bytes.c_str() + s.sh_name, section_name) != 0) continue;  // c_str() ends in a NUL
    if (s.sh_type == SHT_NOBITS || s.sh_size > max_manifest) throw std::runtime_error("its .dossier_plugin section is malformed");
    std::string text = read_at(in, file_size, s.sh_offset, s.sh_size);
    text.resize(std::strlen(text.c_str()));  // up to the NUL that ends it
    return text;
  }
  return std::nullopt;
}

PluginManifest parse_manifest(std::string_view text) {
  PluginManifest m;
  bool format = false, abi = false, layout = false, kind = false;
  for (std::string_view line : split(text, '\n')) {
    if (line.empty()) continue;
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) throw std::runtime_error("a line without '='");
    const std::string_view key = line.substr(0, eq), value = line.substr(eq + 1);
    if (key == "dossier-plugin") {
      if (value != "1") throw std::runtime_error("a manifest of another format (" + std::string(value) + ")");
      format = true;
    } else if (key == "abi") {
      m.abi_version = static_cast<std::uint32_t>(parse_number(value, 10, "abi"));
      abi = true;
    } else if (key == "layout") {
      m.layout = parse_number(value, 16, "layout");
      layout = true;
    } else if (key == "kind") {
      m.kind = static_cast<std::uint32_t>(parse_number(value, 10, "kind"));
      kind = true;
    } else if (key == "name") {
      m.name = value;
    } else if (key == "version") {
      m.version = value;
    } else if (key == "description") {
      m.description = value;
    } else if (key == "default_file") {
      m.default_file = value;
    } else if (key == "file_names") {
      m.file_names = value;
    } else if (key == "need") {
      m.needs.emplace_back(value);
    } else if (key == "option") {
      const auto parts = split(value, '\x1f');
      if (parts.size() != 4 || parts[1].size() != 1) throw std::runtime_error("a malformed option");
      m.options.push_back({std::string(parts[0]), static_cast<OptionType>(parts[1][0] - '0'), std::string(parts[2]),
                           std::string(parts[3])});
    }  // other keys: from a later manifest format of the same version, ignored
  }
  if (!format || !abi || !layout || !kind) throw std::runtime_error("the manifest lacks its format, abi, layout or kind");
  return m;
}

}  // namespace dossier::host
