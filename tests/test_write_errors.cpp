// A full disk says so, naming the file, whichever exporter and library meets it
// (dossier/domain/write_errors.hpp): every exporter writes here onto /dev/full, where every
// write fails with ENOSPC.
#include <catch2/catch.hpp>

#include <cerrno>
#include <fstream>
#include <map>
#include <memory>

#include "dossier/domain/write_errors.hpp"
#include "dossier/testing.hpp"
#include "support.hpp"

using namespace dossier;
namespace fs = std::filesystem;

namespace {

// Every file created is a link to /dev/full: libraries that write by file name (libharu,
// libxlsxwriter) meet the full disk as the stream does; their scratch files (libxlsxwriter's)
// go beside it, into a real folder.
class FullDiskSink final : public OutputSink {
 public:
  explicit FullDiskSink(fs::path dir) : dir_(std::move(dir)) {}
  const fs::path& directory() const override { return dir_; }
  OutputFile& create(std::string_view name) override {
    const fs::path link = dir_ / ("full-" + std::to_string(files_.size()));
    fs::create_symlink("/dev/full", link);
    files_.push_back(std::make_unique<File>(std::string(name), link));
    return *files_.back();
  }

 private:
  struct File final : OutputFile {
    File(std::string n, fs::path p) : file_name(std::move(n)), path(std::move(p)) {}
    const std::string& name() const override { return file_name; }
    const fs::path& temp_path() const override { return path; }
    std::ostream& stream() override {
      if (!out) out = std::make_unique<std::ofstream>(path, std::ios::binary);
      return *out;
    }
    std::string file_name;
    fs::path path;
    std::unique_ptr<std::ofstream> out;
  };
  fs::path dir_;
  std::vector<std::unique_ptr<File>> files_;
};

bool full_device_works() {
  std::ofstream full("/dev/full", std::ios::binary);
  if (!full) return false;
  full << "x";
  full.flush();
  return !full;
}

}  // namespace

TEST_CASE("a write error names the file, and says the disk is full when it is") {
  CHECK(is_disk_full(ENOSPC));
  CHECK(is_disk_full(EDQUOT));
  CHECK_FALSE(is_disk_full(EIO));
  CHECK(write_error("briefs/brief.pdf", ENOSPC) ==
        "could not write briefs/brief.pdf: the disk is full (No space left on device)");
  CHECK(write_error("corpus.json", EIO) == "could not write corpus.json: Input/output error");
  CHECK(write_error("corpus.json", 0) == "could not write corpus.json");
  CHECK_FALSE(no_space_left(test::fresh_dir("write-errors-space")));  // the build tree has room
}

TEST_CASE("every exporter's disk-full failure names its output and says the disk is full") {
  if (!full_device_works()) {
    WARN("skipped: no /dev/full here");
    return;
  }
  static host::PluginRegistry registry = [] {
    host::PluginRegistry r;
    r.discover({test::plugin_dir()});
    return r;
  }();
  const Corpus corpus = testing::sample_corpus();
  const CorpusView view(corpus);
  const std::map<std::string, std::string> outputs = {{"json", "corpus.json"},   {"xml", "feed.xml"},
                                                      {"atom", "atom.xml"},      {"akn", "akn"},
                                                      {"pdf", "briefs/brief.pdf"}, {"xlsx", "matrix.xlsx"}};
  for (const auto& [plugin, file] : outputs) {
    DYNAMIC_SECTION(plugin) {
      FullDiskSink sink(test::fresh_dir("write-errors-" + plugin));
      Context context = testing::make_context(plugin);
      try {
        registry.find(plugin)->make_exporter()->write(view, file, sink, context);
        FAIL("exporter " << plugin << " wrote onto a full disk without an error");
      } catch (const std::exception& e) {
        const std::string message = e.what();
        INFO(message);
        CHECK_THAT(message, Catch::StartsWith("could not write " + file) &&
                                Catch::Contains(": the disk is full (No space left on device)"));
      }
    }
  }
}
