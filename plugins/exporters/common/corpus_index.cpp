#include "corpus_index.hpp"

#include <map>

#include <dossier/domain/reference_data.hpp>

namespace dossier::xml_output {

std::vector<std::vector<const Annotation*>> annotations_by_document(const Corpus& corpus,
                                                                    std::vector<const Annotation*>* elsewhere) {
  std::map<std::string_view, std::size_t> owner;
  for (std::size_t d = 0; d < corpus.documents.size(); ++d) {
    owner.emplace(corpus.documents[d].id, d);  // the document's own profile (sdg analyzer)
    for (const auto& block : corpus.documents[d].blocks) owner.emplace(block.address, d);
    for (const auto& r : corpus.documents[d].recommendations) owner.emplace(r.address, d);
  }
  std::vector<std::vector<const Annotation*>> by_document(corpus.documents.size());
  for (const auto& a : corpus.annotations) {
    if (const auto it = owner.find(a.subject); it != owner.end())
      by_document[it->second].push_back(&a);
    else if (elsewhere)
      elsewhere->push_back(&a);
  }
  return by_document;
}

std::string mapping_label(std::string_view scheme, const std::string& code, std::string_view language) {
  std::string title;
  if (scheme == dossier::scheme::sdg) {
    title = sdg_title(code, language);
    return "SDG " + code + (title.empty() ? "" : ": " + title);
  }
  int number = 0;
  try {
    number = std::stoi(code);
  } catch (const std::exception&) {
  }
  title = gcm_objective_title(number);
  return "GCM objective " + code + (title.empty() ? "" : ": " + title);
}

std::string mapping_scheme_uri(std::string_view scheme) {
  return scheme == dossier::scheme::sdg ? "http://metadata.un.org/sdg/" : "https://undocs.org/A/RES/73/195#objective-";
}

std::string mapping_uri(std::string_view scheme, const std::string& code) { return mapping_scheme_uri(scheme) + code; }

}  // namespace dossier::xml_output
