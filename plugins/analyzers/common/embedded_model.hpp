#pragma once

#include <string_view>

/// The bytes of the model file built into this plugin (its model/ folder).
std::string_view embedded_model();
