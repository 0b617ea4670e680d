// Fonts for the briefs: TrueType files from Debian packages, embedded in the PDF, with
// fallback per glyph. libharu cannot tell whether a font has a glyph and (2.3.0) cannot
// measure UTF-8 text, so FreeType answers both from the same files libharu embeds. What
// libharu embeds is a subset of each file made by HarfBuzz (hb-subset) with only the
// characters drawn: given a whole font, libharu maps and measures every one of its 65,536
// code points and copies its tables, which was most of the time a brief took to write.
#pragma once

#include <hpdf.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::pdf {

enum class Weight { regular, bold };

/// A font file to try: `index` picks a face in a collection (.ttc). `script` says which
/// characters it is preferred for ("latin", "arabic", "cjk"), `scale` enlarges it to match
/// the x-height of the others.
struct FontFile {
  std::string path;
  int index = 0;
  std::string script = "latin";
  Weight weight = Weight::regular;
  double scale = 1.0;
};

/// The fonts looked for in the standard Debian places, best first: DejaVu Sans
/// (fonts-dejavu-core), KacstOne / KacstOffice / KacstBook (fonts-kacst-one, fonts-kacst),
/// WenQuanYi Zen Hei (fonts-wqy-zenhei, face 0) and AR PL UMing (fonts-arphic-uming).
std::vector<FontFile> standard_fonts();

/// Parses a user's font option: "PATH" or "PATH:INDEX", optionally "SCRIPT=PATH[:INDEX]".
FontFile parse_font_option(std::string_view option);

/// A stretch of one line drawn with one face.
struct Run {
  int face = 0;
  std::string utf8;
  double width = 0;  ///< at size 1
};

class Fonts {
 public:
  /// Opens every file that exists (user files first). Throws std::runtime_error when no
  /// regular font is usable at all.
  Fonts(HPDF_Doc doc, std::vector<FontFile> files);
  ~Fonts();
  Fonts(const Fonts&) = delete;
  Fonts& operator=(const Fonts&) = delete;

  /// Advance of one code point at size 1 (in the face that will draw it).
  double advance(char32_t c, Weight weight);
  /// Splits a visual line into runs per face. Characters no face has become a visible
  /// replacement mark and are remembered in missing(). Every character of a run is drawn:
  /// its face will embed it.
  std::vector<Run> runs(std::u32string_view visual, Weight weight);
  /// The libharu font of a face, loaded and embedded on first use (so a face whose glyphs
  /// are never drawn is not embedded), as a subset of the characters runs() gave it so far;
  /// runs() may give it no new character afterwards (std::logic_error). The whole file is
  /// embedded when HarfBuzz cannot subset it.
  HPDF_Font font(int face);
  double scale(int face) const;
  Weight weight(int face) const;
  /// Code points that no face could show.
  const std::set<char32_t>& missing() const { return missing_; }
  /// Files that exist but are no TrueType font libharu can embed (or lack the face asked for).
  const std::vector<std::string>& rejected() const { return rejected_; }
  /// The files in use, for the log.
  std::vector<std::string> describe() const;

 private:
  struct Face;
  int face_for(char32_t c, Weight weight);
  /// Marks `c` as drawn with `face`.
  void use(int face, char32_t c);
  /// A memory file (its descriptor, for the caller to close) holding the subset of `face`
  /// with the characters drawn; -1 when it cannot be made.
  int subset(const Face& face) const;
  double measure(char32_t c, Weight weight);
  double advance_in(int face, char32_t c) const;
  int cached_face_for(char32_t c, Weight weight);
  double cached_advance_in(int face, char32_t c);

  HPDF_Doc doc_;
  void* library_ = nullptr;  // FT_Library
  std::vector<std::unique_ptr<Face>> faces_;
  std::map<std::pair<char32_t, int>, int> choice_;  // (code point, weight) -> face, -1 none
  // advance() of the first kCached code points per weight, measured once (NaN: not yet):
  // every glyph of every line is measured, most of them Latin, Cyrillic or Arabic.
  static constexpr char32_t kCached = 0x800;
  std::vector<double> advances_;
  // face_for() and advance_in() of the same code points, for runs() (every drawn glyph).
  std::vector<int> faces_for_;                   ///< per weight; -2: not yet
  std::vector<std::vector<double>> advances_in_;  ///< per face; NaN: not yet
  std::set<char32_t> missing_;
  std::vector<std::string> rejected_;
  char32_t replacement_ = U'?';
};

}  // namespace dossier::pdf
