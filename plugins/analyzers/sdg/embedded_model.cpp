// The shipped classifier (model/sdg-goals.model, docs/classifier.md) inside the plugin:
// nothing more to install or find at run time, and since the host keys cached analyses by
// the plugin file's digest, a new model re-analyzes what the old one mapped.
#include "embedded_model.hpp"

__asm__(".pushsection .rodata\n"
        ".balign 16\n"
        ".hidden dossier_sdg_model_begin\n"
        ".globl dossier_sdg_model_begin\n"
        "dossier_sdg_model_begin:\n"
        ".incbin \"" DOSSIER_SDG_MODEL_FILE "\"\n"
        ".hidden dossier_sdg_model_end\n"
        ".globl dossier_sdg_model_end\n"
        "dossier_sdg_model_end:\n"
        ".popsection\n");

extern "C" const char dossier_sdg_model_begin[];
extern "C" const char dossier_sdg_model_end[];

std::string_view embedded_sdg_model() {
  return {dossier_sdg_model_begin, static_cast<std::size_t>(dossier_sdg_model_end - dossier_sdg_model_begin)};
}
