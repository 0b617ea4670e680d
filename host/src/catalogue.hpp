// Catalogue files: metadata a user supplies or corrects per source file (docs/catalogue.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
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

  /// Overrides the document's metadata with the entry's and returns the id it is to be
  /// renamed to ("" for none), for renaming many documents in one pass (rename_in_corpus).
  static std::string apply_metadata(const CatalogueEntry& entry, Document& document);

  const std::vector<CatalogueEntry>& entries() const { return entries_; }

 private:
  void index();

  std::vector<CatalogueEntry> entries_;
  // The first entry of each hash, file (device and inode, as std::filesystem::equivalent
  // compares them) and bare name: find() looks up instead of scanning every entry, which
  // made a catalogue of the whole corpus quadratic.
  std::unordered_map<std::string, const CatalogueEntry*> by_sha256_, by_name_;
  std::map<std::pair<std::uint64_t, std::uint64_t>, const CatalogueEntry*> by_file_;
};

}  // namespace dossier::host
