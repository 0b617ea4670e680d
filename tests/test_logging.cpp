// Names from input in the log and on the terminal: escaped, so that they cannot forge lines
// or drive the terminal.
#include <catch2/catch.hpp>

#include "logging.hpp"

using dossier::host::printable;

TEST_CASE("printable keeps text and UTF-8 and escapes control characters and broken bytes") {
  CHECK(printable("source corpus/a.txt: read") == "source corpus/a.txt: read");
  CHECK(printable("Côte d'Ivoire, 中国, العربية") == "Côte d'Ivoire, 中国, العربية");
  CHECK(printable("C:\\path") == "C:\\path");  // a backslash stays
  CHECK(printable("a\nb\rc\td") == "a\\nb\\rc\\td");
  CHECK(printable("x\x1b[2Jy") == "x\\x1b[2Jy");
  CHECK(printable(std::string("n\0ul", 4)) == "n\\x00ul");
  CHECK(printable("del\x7f") == "del\\x7f");
  CHECK(printable("csi\xc2\x9b" "31m") == "csi\\xc2\\x9b31m");  // U+009B, CSI
  CHECK(printable("nbsp\xc2\xa0") == "nbsp\xc2\xa0");           // U+00A0 is text
  CHECK(printable("latin1 caf\xe9.txt") == "latin1 caf\\xe9.txt");
  CHECK(printable("cut \xe4\xb8") == "cut \\xe4\\xb8");
  CHECK(printable("") == "");
}

TEST_CASE("a forged log line stays on the line it was logged on") {
  const std::string name = "x.txt\ndossier: error: all sources lost\x1b[0m";
  const std::string shown = printable("source " + name + ": read");
  CHECK(shown.find('\n') == std::string::npos);
  CHECK(shown.find('\x1b') == std::string::npos);
  CHECK(shown == "source x.txt\\ndossier: error: all sources lost\\x1b[0m: read");
}
