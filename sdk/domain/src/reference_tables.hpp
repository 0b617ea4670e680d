// Names that find_references() recognises for treaties, organisations and countries: data
// only, kept apart from the matcher (reference_names.cpp) so that the lists can be reviewed and
// extended without reading code.
#pragma once

#include <cstddef>
#include <string_view>

#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN
namespace detail {

/// One thing with a stable id and the ways it is printed, separated by '|'.
///
/// - Each name must start with an upper-case ASCII letter or a digit: the matcher only looks
///   names up at such words.
/// - Words are compared with the case rules of the matcher (see reference_names.cpp); "-" also
///   matches a space or a dash, "'" any apostrophe.
/// - A leading '~' marks a name that is also an ordinary word or a given name ("Chad",
///   "WHO", "US"): it is only taken where its neighbours do not suggest otherwise.
/// - An empty id marks longer names that are something else and must keep their words from
///   the shorter ones ("New Mexico" is not Mexico).
struct NameRow {
  std::string_view id;
  std::string_view names;
};

/// A table and the reference type its rows give.
struct NameTable {
  std::string_view type;
  const NameRow* rows;
  std::size_t size;
};

const NameTable& treaty_table() noexcept;
const NameTable& organisation_table() noexcept;
const NameTable& country_table() noexcept;

}  // namespace detail
DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
