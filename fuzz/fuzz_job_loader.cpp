// libFuzzer target: the job-file loader (host/src/job.cpp) on arbitrary bytes as a TOML job
// file. load_job reads a path, so each input is written to one file in a private folder.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "job.hpp"

namespace fs = std::filesystem;

namespace {

struct JobFile {
  fs::path dir;
  fs::path file;
  JobFile() {
    std::string templ = (fs::temp_directory_path() / "dossier-fuzz-job-XXXXXX").string();
    if (!::mkdtemp(templ.data())) std::abort();
    dir = templ;
    file = dir / "job.toml";
  }
  ~JobFile() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static JobFile job_file;
  {
    std::ofstream out(job_file.file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    const dossier::host::Job job = dossier::host::load_job(job_file.file);
    (void)job;
  } catch (const dossier::host::JobError&) {
    // The documented way to refuse a job file: a message naming file and line.
  }
  return 0;
}
