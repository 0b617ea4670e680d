// Catalogue files: metadata a user supplies or corrects per source file (docs/catalogue.md).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "dossier/model.hpp"
#include "toml_file.hpp"

namespace dossier::host {

struct CatalogueEntry {
  std::filesystem::path file;  ///< resolved against the catalogue's folder; may be empty
  bool bare_name = false;      ///< written without a folder: matches that name anywhere
  std::string sha256;          ///< identifies the source by content instead; may be empty
  std::string id, symbol, title, date, place, body, language;
  std::string short_title;  ///< the name citations use ("GFMD Thematic Recollection 2017")
  std::string url;          ///< where the public can read it, for documents without a UN symbol
  std::uint32_t line = 0;      ///< where the entry starts, for messages
};

class Catalogue {
 public:
  /// Reads a catalogue; throws ConfigError ("FILE:LINE: message") on any mistake.
  static Catalogue load(const std::filesystem::path& file);

  /// The entry for a source, by content hash first, then by path, then by file name.
  const CatalogueEntry* find(const std::filesystem::path& source, const std::string& sha256) const;

  /// Overrides the metadata of corpus.documents[index] with the entry's; a new id or
  /// symbol renames it (and what other documents say about it).
  static void apply(const CatalogueEntry& entry, Corpus& corpus, std::size_t index);

  const std::vector<CatalogueEntry>& entries() const { return entries_; }

 private:
  std::vector<CatalogueEntry> entries_;
};

}  // namespace dossier::host
