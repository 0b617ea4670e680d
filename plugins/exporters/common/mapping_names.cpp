#include "mapping_names.hpp"

#include <dossier/domain/reference_data.hpp>

namespace dossier::xml_output {

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
