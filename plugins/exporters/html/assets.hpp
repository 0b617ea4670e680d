// The site's CSS and JavaScript, kept as files in assets/ and compiled in by embed.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace dossier::html {

struct Asset {
  std::string_view name;   ///< "site.css": written as assets/site.css
  std::string_view bytes;
};

const std::vector<Asset>& embedded_assets();

}  // namespace dossier::html
