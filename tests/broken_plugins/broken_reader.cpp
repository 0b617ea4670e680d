// A reader that misbehaves on files that ask for it, and bids for nothing else. A file whose
// first line is "DOSSIER-BROKEN-READER: WHAT" makes it:
//   segfault          crash with SIGSEGV while reading the file
//   segfault-sniffing crash with SIGSEGV while sniffing it
//   hang              never finish reading it
//   allocate          allocate (and touch) memory until an allocation fails
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <vector>

#include <dossier/dossier.hpp>

namespace {

constexpr std::string_view marker = "DOSSIER-BROKEN-READER: ";

// What the file asks for; empty when it asks for nothing.
std::string_view request(const dossier::Source& source) {
  std::string_view text = source.content;
  if (text.substr(0, marker.size()) != marker) return {};
  text.remove_prefix(marker.size());
  return text.substr(0, text.find('\n'));
}

class BrokenReader final : public dossier::Reader {
 public:
  int sniff(const dossier::Source& source) const override {
    const std::string_view what = request(source);
    if (what == "segfault-sniffing") std::raise(SIGSEGV);
    return what.empty() ? 0 : 100;
  }

  dossier::Document read(const dossier::Source& source, dossier::Context&) override {
    const std::string_view what = request(source);
    if (what == "segfault") std::raise(SIGSEGV);
    if (what == "hang")
      for (;;) ::pause();  // sleeps until a signal ends the process
    if (what == "allocate") {
      std::vector<std::unique_ptr<char[]>> held;
      for (;;) {
        held.emplace_back(new char[64 << 20]);
        std::memset(held.back().get(), 1, 64 << 20);
      }
    }
    throw std::runtime_error("asked for nothing this reader does");
  }
};

}  // namespace

DOSSIER_PLUGIN(reader, BrokenReader, "broken_reader", "1.0.0", "crashes, hangs or eats memory on files that ask")
