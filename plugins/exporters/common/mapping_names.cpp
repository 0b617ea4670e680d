#include "mapping_names.hpp"

#include <charconv>

#include <dossier/domain/reference_data.hpp>

namespace dossier::xml_output {

std::string mapping_label(std::string_view scheme, const std::string& code, std::string_view language) {
  std::string title;
  if (scheme == dossier::scheme::sdg) {
    title = sdg_title(code, language);
    return "SDG " + code + (title.empty() ? "" : ": " + title);
  }
  // The gcm analyzer's "cluster-5" is the GCM's thematic cluster 5, not an objective.
  const bool cluster = code.rfind("cluster-", 0) == 0;
  const std::string number_text = cluster ? code.substr(8) : code;
  int number = 0;
  try {
    number = std::stoi(number_text);
  } catch (const std::exception&) {
  }
  title = cluster ? gcm_cluster_title(number) : gcm_objective_title(number);
  return (cluster ? "GCM thematic cluster " : "GCM objective ") + number_text + (title.empty() ? "" : ": " + title);
}

int code_number(std::string_view code, int max) {
  int value = 0;
  const auto [end, error] = std::from_chars(code.data(), code.data() + code.size(), value);
  if (error != std::errc() || end != code.data() + code.size() || value < 1 || value > max) return 0;
  return value;
}

std::string mapping_scheme_uri(std::string_view scheme) {
  return scheme == dossier::scheme::sdg ? "http://metadata.un.org/sdg/" : "https://undocs.org/A/RES/73/195#objective-";
}

std::string mapping_uri(std::string_view scheme, const std::string& code) { return mapping_scheme_uri(scheme) + code; }

}  // namespace dossier::xml_output
