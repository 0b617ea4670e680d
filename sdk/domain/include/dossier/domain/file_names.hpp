// The names of the files an exporter writes, from the naming pattern its class declares
// (`file_names`, dossier/detail/declaration.hpp): one function for the exporter that writes
// them and for `dossier --dry-run`, which says them without running it.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// One file name from a naming pattern: `{stem}` is `file` up to its extension, `{ext}` its
/// extension (`default_file`'s when `file` has none), `{-NAME}` a dash and the slug
/// (slugify(), citation.hpp) of `values[NAME]`, or nothing when that is empty or not given;
/// a value "*" (one file per value found at run time) gives "-*"; any other text is kept.
/// ("{stem}{-focus}{-language}{ext}", "briefs/brief.pdf", "brief.pdf", {{"focus", "sdg:10"},
/// {"language", "fr"}}) -> "briefs/brief-sdg-10-fr.pdf".
DOSSIER_SDK_API std::string file_name_from(std::string_view pattern, std::string_view file,
                                           std::string_view default_file,
                                           const std::map<std::string, std::string, std::less<>>& values);

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
