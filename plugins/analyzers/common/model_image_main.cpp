// dossier_model_image MODEL_FILE IMAGE: writes the image of a model file (Model::image()),
// which a plugin's build embeds so that its analyzer uses the model in place
// (dossier_embed_model in CMakeLists.txt). Run at build time on the machine that builds:
// the image is in its byte order and hash, which Model::view() checks.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "classifier.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: dossier_model_image MODEL_FILE IMAGE\n";
    return 2;
  }
  try {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) throw std::runtime_error(std::string(argv[1]) + ": cannot be read");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const auto model = dossier::classifier::Model::parse(bytes.str(), argv[1]);
    const std::string image = model.image();
    // Checked as the plugin will read it, then written whole under another name and renamed,
    // so that a failed build leaves no half image for the next one to embed.
    (void)dossier::classifier::Model::view(image, argv[2]);
    const std::filesystem::path out(argv[2]), part(out.string() + ".part");
    {
      std::ofstream file(part, std::ios::binary | std::ios::trunc);
      file.write(image.data(), static_cast<std::streamsize>(image.size()));
      file.close();
      if (!file) throw std::runtime_error(part.string() + ": cannot be written");
    }
    std::filesystem::rename(part, out);
  } catch (const std::exception& e) {
    std::cerr << "dossier_model_image: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
