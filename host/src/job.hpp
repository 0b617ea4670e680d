// Job files: the TOML description of a scheduled build (see docs/jobs.md).
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

#include "pipeline.hpp"

namespace dossier::host {

/// A job file error, already formatted as "FILE:LINE: message".
class JobError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Job {
  std::string name;
  RunSpec spec;
};

/// Parses a job file. Relative paths in it are resolved against the job file's folder.
/// Throws JobError for syntax errors, unknown keys and wrong types.
Job load_job(const std::filesystem::path& file);

/// Parses "name" or "name:file" as given to `dossier run --export`.
PluginRequest parse_export_argument(const std::string& argument);

}  // namespace dossier::host
