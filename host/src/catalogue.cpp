#include "catalogue.hpp"

#include <algorithm>
#include <cctype>
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
  return catalogue;
}

const CatalogueEntry* Catalogue::find(const fs::path& source, const std::string& sha256) const {
  std::string lower = sha256;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (const auto& e : entries_)
    if (!e.sha256.empty() && e.sha256 == lower) return &e;
  std::error_code ec;
  for (const auto& e : entries_)
    if (!e.file.empty() && fs::equivalent(e.file, source, ec)) return &e;
  // A bare file name ("report.txt", no folder) matches that name in any folder.
  for (const auto& e : entries_)
    if (e.bare_name && e.file.filename() == source.filename()) return &e;
  return nullptr;
}

void Catalogue::apply(const CatalogueEntry& e, Corpus& corpus, std::size_t index) {
  Document& d = corpus.documents.at(index);
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
  const std::string id = !e.id.empty() ? e.id : e.symbol;
  if (!id.empty()) rename_in_corpus(corpus, index, id);
}

}  // namespace dossier::host
