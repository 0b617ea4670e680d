// How a build's outputs become visible all at once: each build writes a complete new
// generation folder, and one rename of the `current` link publishes it (docs/guarantees.md).
//
//   OUT/current        -> .dossier/generations/00000042     the set readers should resolve once
//   OUT/corpus.json    -> current/corpus.json               stable names, switched with `current`
//   OUT/manifest.json  -> current/manifest.json
//   OUT/.dossier/      store, lock, generations (the current one and the one before it)
//
// A crash at any instruction leaves `current` naming either the old complete set or the new
// complete set; a killed build's unfinished generation is removed by the next build.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dossier::host {

class OutputGenerations {
 public:
  explicit OutputGenerations(std::filesystem::path root);
  ~OutputGenerations();  ///< abandons a staging folder that was not published
  OutputGenerations(const OutputGenerations&) = delete;
  OutputGenerations& operator=(const OutputGenerations&) = delete;

  /// The folder `current` names (absolute), or empty before the first build.
  std::filesystem::path current() const;

  /// Prepares publishing into `root`: refuses a `current` that is not Dossier's link, takes
  /// over a folder written by a release before generations (its files, listed by its
  /// manifest.json, become the current generation without changing a byte anyone reads),
  /// removes what killed builds left, and creates an empty staging folder, returned. Must
  /// be called with the build lock held. Throws std::runtime_error / std::system_error.
  const std::filesystem::path& begin();
  const std::filesystem::path& staging() const { return staging_; }

  /// Puts the current generation's file `name` (relative) into the staging folder as well,
  /// as a hard link (a copy where links are refused). False if the current generation has
  /// no such file; throws when it cannot be put there.
  bool carry_over(const std::string& name);

  /// Publishes the staging folder: every folder in it synced, a link at the top of `root`
  /// for each of its top-level names, then `current` switched in one rename. Throws, with
  /// nothing visible changed, when a top-level name is taken by something that is not
  /// Dossier's link (a file of the user's) or the switch fails. What follows the switch
  /// (removing links to names the set no longer has, and generations older than the one
  /// before) only warns when it fails.
  void publish();

  /// Removes the staging folder (nothing was published).
  void abandon() noexcept;

  /// Whether `name` (an output's path relative to the set) is one Dossier keeps for itself:
  /// its first part is `current`, `manifest.json`, or starts with ".dossier" or ".current".
  static bool reserved_name(const std::string& name);

 private:
  void make_state_folders();
  std::uint64_t next_number() const;
  void adopt_flat_layout();
  void finish_takeover();
  void remove_leftovers();
  void point_current_at(const std::string& generation_name);
  std::filesystem::path root_;
  std::filesystem::path generations_;  ///< root_/.dossier/generations
  std::filesystem::path staging_;
  std::uint64_t staging_number_ = 0;
};

}  // namespace dossier::host
