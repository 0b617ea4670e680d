// A plugin's shipped classifier (docs/classifier.md) inside the plugin, as the image
// Model::view() uses in place: nothing more to install or find at run time, nothing to parse
// or index when an analyzer's child starts, and its pages are the plugin file's, shared by
// every child. Since the host keys cached analyses by the plugin file's digest, a new model
// re-analyzes what the old one mapped. Compiled into each plugin that ships a model, with
// DOSSIER_MODEL_IMAGE naming the image its build made from the model file
// (dossier_embed_model in CMakeLists.txt); the symbols are hidden, so each plugin sees its own.
#include "embedded_model.hpp"

__asm__(".pushsection .rodata\n"
        ".balign 64\n"
        ".hidden dossier_model_begin\n"
        ".globl dossier_model_begin\n"
        "dossier_model_begin:\n"
        ".incbin \"" DOSSIER_MODEL_IMAGE "\"\n"
        ".hidden dossier_model_end\n"
        ".globl dossier_model_end\n"
        "dossier_model_end:\n"
        ".popsection\n");

extern "C" const char dossier_model_begin[];
extern "C" const char dossier_model_end[];

std::string_view embedded_model_image() {
  return {dossier_model_begin, static_cast<std::size_t>(dossier_model_end - dossier_model_begin)};
}
