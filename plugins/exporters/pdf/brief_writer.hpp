// Lays one brief out as PDF: cover, key figures, the SDG bar chart, the heat table, the key
// recommendations with citations linked to the sources, and the sources.
#pragma once

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <dossier/sink.hpp>

#include "brief.hpp"
#include "fonts.hpp"

namespace dossier::pdf {

struct Paper {
  std::string name;  ///< "a4", "letter"
  double width = 0, height = 0;
};
/// "a4" or "letter" (any case); throws std::invalid_argument otherwise.
Paper paper_named(std::string name);

struct BriefSettings {
  std::string language = "en";  ///< one of label_languages()
  std::string title;            ///< cover title; empty: the "brief" label
  std::string organisation;     ///< on the cover and in the footer; may be empty
  std::string creator;          ///< document info: the program that made it
  std::int64_t build_time = 0;
  Paper paper;
  std::vector<FontFile> fonts;  ///< tried in this order
};

struct BriefResult {
  int pages = 0;
  std::set<char32_t> missing;        ///< code points no font could show
  std::vector<std::string> fonts;    ///< font files, "(embedded)" for those used
  std::vector<std::string> rejected; ///< font files that could not be used
};

/// Writes `brief` into `file`. Throws std::runtime_error on libharu, font or write errors.
BriefResult write_brief(const Brief& brief, const BriefSettings& settings, OutputFile& file);

/// The focus in a few words: "SDG 10", "Cible 10.7 des ODD", "States".
std::string focus_label(const Focus& focus, const std::string& language);

/// How the focus reads in a heading: "SDG 10 — Reduce inequality within and among countries".
std::string focus_heading(const Brief& brief, const std::string& language);

}  // namespace dossier::pdf
