// libFuzzer target: dossier::parse_citation on what a user might type, and the helpers
// that use its result.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <dossier/model.hpp>
#include <dossier/domain/citation.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  dossier::Citation citation;
  if (!dossier::parse_citation(text, citation)) return 0;
  (void)dossier::citation_covers(citation, citation.first);
  (void)dossier::citation_covers(citation, citation.last);
  (void)dossier::citation_covers(citation, "121.1");
  (void)dossier::slugify(citation.document);
  // What the address functions print must parse again (users paste addresses back).
  if (!citation.first.empty())
    (void)dossier::parse_citation(dossier::paragraph_address(citation.document, citation.first), citation);
  else
    (void)dossier::parse_citation(
        dossier::block_address(citation.document, citation.section_path, citation.ordinal), citation);
  return 0;
}
