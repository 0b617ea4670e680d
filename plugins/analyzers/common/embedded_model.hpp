#pragma once

#include <string_view>

/// The image (classifier::Model::image()) of the model file built into this plugin (its
/// model/ folder), 64-byte aligned, for classifier::Model::view().
std::string_view embedded_model_image();
