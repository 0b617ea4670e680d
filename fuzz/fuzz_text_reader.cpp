// libFuzzer target: the text reader plugin on arbitrary bytes as a source document.
#include "reader_harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return dossier::fuzz::read_input(data, size);
}
