// The name each document's own file gets in exporters that write one file per document (the
// akn exporter), so that other exporters (the atom feed) can link to that file.
#pragma once

#include <string>
#include <vector>

#include <dossier/model.hpp>

namespace dossier::xml_output {

/// One name per document of `corpus`, in order: the slug of its id ("A/68/283" ->
/// "a-68-283"), with "-2", "-3" ... when an earlier document's id gives the same slug.
std::vector<std::string> document_file_names(const Corpus& corpus);

}  // namespace dossier::xml_output
