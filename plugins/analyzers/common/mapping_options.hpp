// The options the sdg and gcm analyzers both read (their `options` declarations, plugin.hpp).
#pragma once

#include <dossier/options.hpp>

/// The options the sdg and gcm analyzers both read, for their `options` declarations
/// (plugin.hpp): `MAPPING_ANALYZER_OPTIONS(sdg)`.
#define MAPPING_ANALYZER_OPTIONS(SCHEME)                                                                       \
  ::dossier::OptionSpec{"paragraphs", ::dossier::OptionType::boolean, "false",                                 \
                        "map every paragraph, not only recommendations"},                                      \
      ::dossier::OptionSpec{"threshold", ::dossier::OptionType::number, "0.5", "drop mappings scoring below"},  \
      ::dossier::OptionSpec{"vocabulary", ::dossier::OptionType::text, "",                                     \
                            "a further vocabulary file of the same format (docs/vocabulary.md)"},               \
      ::dossier::OptionSpec{"builtin_vocabulary", ::dossier::OptionType::boolean, "true",                      \
                            "false to leave the project's own vocabulary out"},                                \
      ::dossier::OptionSpec{"model", ::dossier::OptionType::text, "builtin",                                   \
                            "builtin, none (rules only) or a model file of `dossier train --scheme " #SCHEME    \
                            "`"},                                                                              \
      ::dossier::OptionSpec{"model_top", ::dossier::OptionType::integer, "3",                                  \
                            "at most this many codes from the model per passage"},                             \
      ::dossier::OptionSpec {                                                                                  \
    "passage_model", ::dossier::OptionType::text, "auto",                                                      \
        "whether the model maps paragraphs and recommendations: auto (documents not in English), true, false"  \
  }
