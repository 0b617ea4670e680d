#include "catalogue.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "dossier/domain/corpus.hpp"

namespace dossier::host {

namespace fs = std::filesystem;

Catalogue Catalogue::load(const fs::path& file) {
  TomlFile toml(file);
  const toml::table root = toml.parse();
  toml.only_keys(root, {"document"}, "the catalogue");
  Catalogue catalogue;
  const toml::node* documents = root.get("document");
  if (!documents) return catalogue;
  const toml::array* array = documents->as_array();
  if (!array) toml.fail(documents, "write each entry as a [[document]] table");
  for (const auto& node : *array) {
    const toml::table* t = node.as_table();
    if (!t) toml.fail(&node, "each [[document]] entry must be a table");
    toml.only_keys(*t, {"file", "sha256", "id", "symbol", "title", "short_title", "date", "place", "body", "language", "url"},
                   "a [[document]] entry");
    CatalogueEntry e;
    const std::string path = toml.string_at(*t, "file", "");
    if (!path.empty()) e.file = toml.resolve(path);
    e.bare_name = !path.empty() && fs::path(path).filename() == fs::path(path);
    e.sha256 = toml.string_at(*t, "sha256", "");
    for (auto& ch : e.sha256) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (path.empty() && e.sha256.empty()) toml.fail(&node, "a [[document]] entry needs 'file' or 'sha256'");
    e.id = toml.string_at(*t, "id", "");
    e.symbol = toml.string_at(*t, "symbol", "");
    e.title = toml.string_at(*t, "title", "");
    e.date = toml.string_at(*t, "date", "");
    e.place = toml.string_at(*t, "place", "");
    e.body = toml.string_at(*t, "body", "");
    e.language = toml.string_at(*t, "language", "");
    e.short_title = toml.string_at(*t, "short_title", "");
    e.url = toml.string_at(*t, "url", "");
    if (!e.url.empty() && e.url.rfind("https://", 0) != 0 && e.url.rfind("http://", 0) != 0)
      toml.fail(t->get("url"), "'url' must be a web address (https://...)");
    e.line = node.source().begin.line;
    catalogue.entries_.push_back(std::move(e));
  }
  catalogue.index();
  return catalogue;
}

namespace {

// A file's device and inode, as std::filesystem::equivalent compares them; nothing for a
// file that cannot be looked at.
std::optional<std::pair<std::uint64_t, std::uint64_t>> file_identity(const fs::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return std::nullopt;
  return std::make_pair(static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino));
}

}  // namespace

void Catalogue::index() {
  for (const auto& e : entries_) {
    if (!e.sha256.empty()) by_sha256_.emplace(e.sha256, &e);
    if (e.file.empty()) continue;
    if (const auto id = file_identity(e.file)) by_file_.emplace(*id, &e);
    if (e.bare_name) by_name_.emplace(e.file.filename().string(), &e);
  }
}

const CatalogueEntry* Catalogue::find(const fs::path& source, const std::string& sha256) const {
  std::string lower = sha256;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (const auto it = by_sha256_.find(lower); it != by_sha256_.end()) return it->second;
  if (!by_file_.empty())
    if (const auto id = file_identity(source))
      if (const auto it = by_file_.find(*id); it != by_file_.end()) return it->second;
  // A bare file name ("report.txt", no folder) matches that name in any folder.
  if (const auto it = by_name_.find(source.filename().string()); it != by_name_.end()) return it->second;
  return nullptr;
}

void Catalogue::apply(const CatalogueEntry& e, Corpus& corpus, std::size_t index) {
  const std::string id = apply_metadata(e, corpus.documents.at(index));
  if (!id.empty()) rename_in_corpus(corpus, index, id);
}

std::string Catalogue::apply_metadata(const CatalogueEntry& e, Document& d) {
  if (!e.symbol.empty()) d.symbol = e.symbol;
  if (!e.title.empty()) d.title = e.title;
  if (!e.date.empty()) d.date = e.date;
  if (!e.place.empty()) d.place = e.place;
  if (!e.body.empty()) d.body = e.body;
  if (!e.language.empty()) d.language = e.language;
  // No field of their own in the model: metadata, which citations and links read (citation.hpp).
  for (const auto& field : {std::pair<const char*, const std::string&>{"short_title", e.short_title},
                            {"url", e.url}}) {
    const char* key = field.first;
    const std::string& value = field.second;
    if (value.empty()) continue;
    const auto it = std::find_if(d.metadata.begin(), d.metadata.end(), [&](const Metadata& m) { return m.key == key; });
    if (it != d.metadata.end())
      it->value = value;
    else
      d.metadata.push_back({key, value});
  }
  return !e.id.empty() ? e.id : e.symbol;
}

}  // namespace dossier::host
