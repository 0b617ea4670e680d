// Links the documents of a corpus once every source is read (corpus_linking.hpp).
#include "corpus_linking.hpp"

#include <ctime>
#include <map>
#include <string_view>

#include <spdlog/spdlog.h>

#include "dossier/domain/corpus.hpp"

#include "catalogue.hpp"
#include "upr_positions.hpp"

namespace dossier::host {

void finish_corpus(ReadResult& result, const Catalogue* catalogue) {
  Corpus& corpus = result.corpus;
  for (const auto& line : join_language_versions(corpus)) spdlog::debug("{}", line);
  const std::clock_t linking = std::clock();  // its CPU is in -v logs: it once grew as the square of the corpus
  for (const auto& line : link_versions(corpus)) spdlog::info("{}", line);
  spdlog::debug("excerpts and versions linked in {:.2f} s of CPU",
                static_cast<double>(std::clock() - linking) / CLOCKS_PER_SEC);
  if (catalogue) {
    std::vector<DocumentRename> renames;  // in one pass: a catalogue may rename every document
    for (std::size_t i = 0; i < corpus.documents.size(); ++i) {
      Document& d = corpus.documents[i];
      if (const auto* entry = catalogue->find(d.source, d.sha256))
        if (std::string id = Catalogue::apply_metadata(*entry, d); !id.empty()) renames.push_back({i, std::move(id)});
    }
    rename_in_corpus(corpus, renames);
  }
  for (const auto& line : join_upr_positions(corpus)) spdlog::info("{}", line);
  for (const auto& line : make_ids_unique(corpus)) spdlog::warn("{}", line);
  std::map<std::string_view, const std::string*> id_of_source;
  for (const auto& d : corpus.documents) {
    id_of_source.emplace(d.source, &d.id);
    for (const auto& v : d.versions) id_of_source.emplace(v.source, &d.id);
  }
  for (auto& record : result.sources)
    if (const auto it = id_of_source.find(record.path); it != id_of_source.end()) record.document = *it->second;
}

}  // namespace dossier::host
