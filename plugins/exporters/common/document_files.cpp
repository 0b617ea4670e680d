// Names of per-document files (document_files.hpp).
#include "document_files.hpp"

#include <set>

#include <dossier/domain/citation.hpp>

namespace dossier::xml_output {

std::vector<std::string> document_file_names(const Corpus& corpus) {
  std::vector<std::string> out;
  std::set<std::string> taken;
  out.reserve(corpus.documents.size());
  for (const Document& doc : corpus.documents) {
    const std::string slug = slugify(doc.id);
    std::string name = slug;
    for (int n = 2; !taken.insert(name).second; ++n) name = slug + "-" + std::to_string(n);
    out.push_back(std::move(name));
  }
  return out;
}

}  // namespace dossier::xml_output
