// How the XML exporters name an SDG or GCM code for people and machines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <dossier/model.hpp>

namespace dossier::xml_output {

/// "SDG 10.7: Facilitate orderly, ..." / "GCM objective 6: Foster fair and ethical ..." /
/// "GCM thematic cluster 5: Smuggling of migrants, ..." (code "cluster-5") in
/// `language` where the reference data has it; just "SDG 10.7" for an unknown code.
std::string mapping_label(std::string_view scheme, const std::string& code, std::string_view language);

/// A URI for the code: the UN's SDG concept URIs (http://metadata.un.org/sdg/10.7), and the
/// GCM objectives in their resolution (https://undocs.org/A/RES/73/195#objective-6).
std::string mapping_uri(std::string_view scheme, const std::string& code);

/// The number a code stands for ("10" -> 10), 0 for anything that is not a whole number
/// within [1, max]: goals ("10", max 17) and GCM objectives ("6", max 23).
int code_number(std::string_view code, int max);

/// The scheme URIs of which mapping_uri() adds the code ("http://metadata.un.org/sdg/").
std::string mapping_scheme_uri(std::string_view scheme);

}  // namespace dossier::xml_output
