// Job files: the TOML description of a scheduled build (see docs/jobs.md).
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

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

/// The longest job name.
inline constexpr std::size_t max_job_name_length = 64;

/// Whether `name` may name a job: 1 to 64 ASCII letters, digits, '.', '_' and '-', the first
/// a letter or digit. Never a path ("..", "/"), never a control character.
bool valid_job_name(std::string_view name);

/// Parses a job file. Relative paths in it are resolved against the job file's folder.
/// Throws JobError for syntax errors, unknown keys, wrong types and a name that is not one
/// (valid_job_name).
Job load_job(const std::filesystem::path& file);

/// Parses "name" or "name:file" as given to `dossier run --export`.
PluginRequest parse_export_argument(const std::string& argument);

}  // namespace dossier::host
