#pragma once

#include <string_view>

/// The bytes of the model file built into the plugin (model/sdg-goals.model).
std::string_view embedded_sdg_model();
