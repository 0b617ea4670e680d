// libFuzzer target: dossier::parse_citation on what a user might type, and the helpers
// that use its result; the human citations of any address, and finding a printed citation
// in a document that holds it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <dossier/model.hpp>
#include <dossier/domain/citation.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Any text as a block's address in a document named by its first word: written in every
  // language, found again, and looked for in a message.
  {
    std::vector<dossier::Document> documents(1);
    dossier::Document& d = documents[0];
    d.id = std::string(text.substr(0, text.find(' ')));
    d.title = "T";
    d.blocks.resize(1);
    d.blocks[0].address = std::string(text);
    dossier::HumanCitationMatch match;
    for (const char* language : {"en", "fr", "es", "ru", "ar", "zh"}) {
      (void)dossier::find_human_citation(dossier::human_citation(d, text, language), documents, match);
      (void)dossier::human_place(d, text, language);
    }
    (void)dossier::cite_places_in(text, d);
    (void)dossier::find_human_citation(text, documents, match);
  }
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
