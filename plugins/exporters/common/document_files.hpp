// The name each document's own file gets in exporters that write one file per document (the
// akn exporter), so that other exporters (the atom feed) can link to that file.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <dossier/model.hpp>

namespace dossier::xml_output {

/// One name per document of `corpus`, in order: the slug of its id ("A/68/283" ->
/// "a-68-283"), with "-2", "-3" ... when an earlier document's id gives the same slug.
std::vector<std::string> document_file_names(const Corpus& corpus);

/// The same names made one document at a time, in corpus order (for an exporter that reads
/// the corpus in batches): remembers the names given, not the documents.
class DocumentFileNames {
 public:
  /// The name of `document`, the next document in corpus order.
  std::string next(const Document& document);

 private:
  std::set<std::string> taken_;
};

}  // namespace dossier::xml_output
