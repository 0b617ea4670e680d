// Names of per-document files (document_files.hpp).
#include "document_files.hpp"

#include <dossier/domain/citation.hpp>

namespace dossier::xml_output {

std::string DocumentFileNames::next(const Document& document) {
  const std::string slug = slugify(document.id);
  std::string name = slug;
  for (int n = 2; !taken_.insert(name).second; ++n) name = slug + "-" + std::to_string(n);
  return name;
}

std::vector<std::string> document_file_names(const Corpus& corpus) {
  std::vector<std::string> out;
  out.reserve(corpus.documents.size());
  DocumentFileNames names;
  for (const Document& doc : corpus.documents) out.push_back(names.next(doc));
  return out;
}

}  // namespace dossier::xml_output
