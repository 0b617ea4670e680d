#include "fonts.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H

#include <hpdf_font.h>
#include <hpdf_objects.h>

#include <hb-subset.h>
#include <hb.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <stdexcept>

#include <dossier/domain/utf8.hpp>

#include "text.hpp"
#include "to_unicode.hpp"

namespace dossier::pdf {

struct Fonts::Face {
  FontFile file;
  FT_Face ft = nullptr;
  HPDF_Font hpdf = nullptr;
  bool subset = false;  ///< hpdf embeds a subset of the characters in `bmp` and `astral`
  std::vector<std::uint64_t> bmp;  ///< bit c: code point c (below 0x10000) is drawn with this face
  std::set<char32_t> astral;       ///< drawn code points above 0xFFFF
};

namespace {

// libharu 2.3.0 gives a TrueType font in UTF-8 its encoding CMap as the ToUnicode map
// (`begincidrange` where a ToUnicode map needs `beginbfrange`): every PDF reader warns
// ("Invalid 'begincidrange' operator in ToUnicode CMap") and extraction relies on its
// fallback, which gives Arabic as presentation forms. The map is rewritten in the same stream.
void replace_to_unicode(HPDF_Font font) {
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  if (!attr || !attr->cmap_stream || !attr->cmap_stream->stream) return;
  if (attr->type != HPDF_FONT_TYPE0_TT) return;
  HPDF_MemStream_FreeData(attr->cmap_stream->stream);
  if (HPDF_Stream_WriteStr(attr->cmap_stream->stream, to_unicode_cmap().c_str()) != HPDF_OK)
    throw std::runtime_error("libharu could not write a font's ToUnicode map");
}

std::string script_of(char32_t c) {
  if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0xFB50 && c <= 0xFDFF) ||
      (c >= 0xFE70 && c <= 0xFEFF))
    return "arabic";
  if ((c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF))
    return "cjk";
  return "latin";
}

}  // namespace

std::vector<FontFile> standard_fonts() {
  const std::string dejavu = "/usr/share/fonts/truetype/dejavu/";
  const std::string kacst = "/usr/share/fonts/truetype/kacst/";
  // Kacst glyphs are drawn small for their size: 1.25 matches DejaVu's x-height.
  return {
      {dejavu + "DejaVuSans.ttf", 0, "latin", Weight::regular, 1.0},
      {dejavu + "DejaVuSans-Bold.ttf", 0, "latin", Weight::bold, 1.0},
      {"/usr/share/fonts/truetype/kacst-one/KacstOne.ttf", 0, "arabic", Weight::regular, 1.15},
      {"/usr/share/fonts/truetype/kacst-one/KacstOne-Bold.ttf", 0, "arabic", Weight::bold, 1.15},
      {kacst + "KacstOffice.ttf", 0, "arabic", Weight::regular, 1.25},
      {kacst + "KacstBook.ttf", 0, "arabic", Weight::regular, 1.25},
      {"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0, "cjk", Weight::regular, 1.0},
      {"/usr/share/fonts/truetype/arphic/uming.ttc", 0, "cjk", Weight::regular, 1.0},
  };
}

FontFile parse_font_option(std::string_view option) {
  FontFile f;
  f.script = "";  // preferred for nothing: a user's font is tried first for everything
  const auto eq = option.find('=');
  if (eq != std::string_view::npos && option.find('/') > eq) {
    f.script = std::string(option.substr(0, eq));
    option.remove_prefix(eq + 1);
  }
  const auto colon = option.rfind(':');
  if (colon != std::string_view::npos && colon + 1 < option.size() &&
      option.find_first_not_of("0123456789", colon + 1) == std::string_view::npos) {
    f.index = std::stoi(std::string(option.substr(colon + 1)));
    option = option.substr(0, colon);
  }
  f.path = std::string(option);
  return f;
}

Fonts::Fonts(HPDF_Doc doc, std::vector<FontFile> files) : doc_(doc) {
  FT_Library lib = nullptr;
  if (FT_Init_FreeType(&lib)) throw std::runtime_error("FreeType could not be initialised");
  library_ = lib;
  for (auto& file : files) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file.path, ec)) continue;
    auto face = std::make_unique<Face>();
    if (FT_New_Face(lib, file.path.c_str(), file.index, &face->ft)) {
      rejected_.push_back(file.path);
      continue;
    }
    // libharu embeds TrueType outlines only (a 'glyf' table); CFF-flavoured OpenType
    // would show nothing.
    FT_ULong glyf_size = 0;
    if (!FT_IS_SFNT(face->ft) || FT_Load_Sfnt_Table(face->ft, TTAG_glyf, 0, nullptr, &glyf_size) ||
        FT_Select_Charmap(face->ft, FT_ENCODING_UNICODE)) {
      FT_Done_Face(face->ft);
      rejected_.push_back(file.path);
      continue;
    }
    face->file = std::move(file);
    faces_.push_back(std::move(face));
  }
  bool regular = false;
  for (const auto& f : faces_) regular = regular || f->file.weight == Weight::regular;
  if (!regular) {
    for (auto& f : faces_) FT_Done_Face(f->ft);
    FT_Done_FreeType(lib);
    throw std::runtime_error(
        "no usable TrueType font found: install fonts-dejavu-core or name font files in the 'fonts' option");
  }
  for (char32_t mark : {U'\u25A1', U'?'}) {
    if (face_for(mark, Weight::regular) >= 0) {
      replacement_ = mark;
      break;
    }
  }
}

Fonts::~Fonts() {
  for (auto& f : faces_) FT_Done_Face(f->ft);
  FT_Done_FreeType(static_cast<FT_Library>(library_));
}

int Fonts::face_for(char32_t c, Weight weight) {
  const auto key = std::make_pair(c, static_cast<int>(weight));
  const auto hit = choice_.find(key);
  if (hit != choice_.end()) return hit->second;
  // Preference: a user's font, then a face made for the character's script, in the wanted
  // weight before the other, then any face that has the glyph.
  const std::string script = script_of(c);
  int best = -1, best_rank = 1 << 20;
  for (std::size_t i = 0; i < faces_.size(); ++i) {
    const auto& f = *faces_[i];
    if (!FT_Get_Char_Index(f.ft, c)) continue;
    const int rank = (f.file.script.empty() ? 0 : f.file.script == script ? 1 : 3) * 2 +
                     (f.file.weight == weight ? 0 : 1);
    if (rank < best_rank) best = static_cast<int>(i), best_rank = rank;
  }
  choice_.emplace(key, best);
  return best;
}

double Fonts::advance(char32_t c, Weight weight) {
  if (c < kCached) {
    if (advances_.empty()) advances_.assign(2 * kCached, std::numeric_limits<double>::quiet_NaN());
    double& cached = advances_[static_cast<std::size_t>(weight) * kCached + c];
    if (std::isnan(cached)) cached = measure(c, weight);
    return cached;
  }
  return measure(c, weight);
}

double Fonts::measure(char32_t c, Weight weight) {
  int face = face_for(c, weight);
  if (face < 0) {
    c = replacement_;
    face = face_for(c, weight);
    if (face < 0) return 0.5;
  }
  return advance_in(face, c);
}

double Fonts::advance_in(int face, char32_t c) const {
  const auto& f = *faces_[face];
  FT_Fixed adv = 0;
  if (FT_Get_Advance(f.ft, FT_Get_Char_Index(f.ft, c), FT_LOAD_NO_SCALE, &adv)) return 0.5;
  return static_cast<double>(adv) / f.ft->units_per_EM * f.file.scale;
}

int Fonts::cached_face_for(char32_t c, Weight weight) {
  if (c >= kCached) return face_for(c, weight);
  if (faces_for_.empty()) faces_for_.assign(2 * kCached, -2);
  int& cached = faces_for_[static_cast<std::size_t>(weight) * kCached + c];
  if (cached == -2) cached = face_for(c, weight);
  return cached;
}

double Fonts::cached_advance_in(int face, char32_t c) {
  if (c >= kCached) return advance_in(face, c);
  if (advances_in_.size() < faces_.size()) advances_in_.resize(faces_.size());
  auto& table = advances_in_[static_cast<std::size_t>(face)];
  if (table.empty()) table.assign(kCached, std::numeric_limits<double>::quiet_NaN());
  double& cached = table[c];
  if (std::isnan(cached)) cached = advance_in(face, c);
  return cached;
}

std::vector<Run> Fonts::runs(std::u32string_view visual, Weight weight) {
  std::vector<Run> out;
  for (char32_t c : visual) {
    int face = cached_face_for(c, weight);
    if (face < 0) {
      missing_.insert(c);
      c = replacement_;
      face = cached_face_for(c, weight);
      if (face < 0) continue;
    }
    // A space takes the face of the run it is in, so that runs stay long.
    if (c == U' ' && !out.empty() && out.back().face != face && FT_Get_Char_Index(faces_[out.back().face]->ft, c))
      face = out.back().face;
    if (out.empty() || out.back().face != face) out.push_back({face, {}, 0});
    use(face, c);
    utf8::append(out.back().utf8, c);
    out.back().width += cached_advance_in(face, c);
  }
  return out;
}

void Fonts::use(int face, char32_t c) {
  Face& f = *faces_[static_cast<std::size_t>(face)];
  if (c < 0x10000) {
    if (f.bmp.empty()) f.bmp.assign(0x10000 / 64, 0);
    std::uint64_t& word = f.bmp[c / 64];
    const std::uint64_t bit = std::uint64_t{1} << (c % 64);
    if (word & bit) return;
    word |= bit;
  } else if (!f.astral.insert(c).second) {
    return;
  }
  if (f.subset) throw std::logic_error("a character was drawn after its font was embedded as a subset");
}

namespace {

struct Closer {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
  void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};
template <typename T>
using Hb = std::unique_ptr<T, Closer>;

}  // namespace

int Fonts::subset(const Face& f) const {
  Hb<hb_blob_t> blob(hb_blob_create_from_file_or_fail(f.file.path.c_str()));
  if (!blob) return -1;
  Hb<hb_face_t> face(hb_face_create(blob.get(), static_cast<unsigned>(f.file.index)));
  Hb<hb_subset_input_t> input(hb_subset_input_create_or_fail());
  if (!face || !input) return -1;
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (std::size_t w = 0; w < f.bmp.size(); ++w)
    for (std::uint64_t bits = f.bmp[w]; bits; bits &= bits - 1)
      hb_set_add(unicodes, static_cast<hb_codepoint_t>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))));
  for (char32_t c : f.astral) hb_set_add(unicodes, c);
  // Only the tables libharu reads or copies (hpdf_fontdef_tt.c); the layout tables (GSUB,
  // GPOS, ...) would cost most of the subsetting and libharu drops them anyway.
  static const char* const kept[] = {"OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea",
                                     "hmtx", "loca", "maxp", "name", "post", "prep"};
  hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  hb_set_clear(dropped);
  std::vector<hb_tag_t> tags(64);
  for (unsigned start = 0;; start += static_cast<unsigned>(tags.size())) {
    unsigned count = static_cast<unsigned>(tags.size());
    hb_face_get_table_tags(face.get(), start, &count, tags.data());
    for (unsigned t = 0; t < count; ++t) {
      bool keep = false;
      for (const char* k : kept) keep = keep || tags[t] == hb_tag_from_string(k, 4);
      if (!keep) hb_set_add(dropped, tags[t]);
    }
    if (count < tags.size()) break;
  }
  // libharu names the font from its name table (the PostScript name, Macintosh or Windows
  // records) and draws .notdef's width as the default.
  hb_set_t* languages = hb_subset_input_set(input.get(), HB_SUBSET_SETS_NAME_LANG_ID);
  hb_set_add(languages, 0);  // Macintosh English
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NOTDEF_OUTLINE | HB_SUBSET_FLAGS_NAME_LEGACY);
  Hb<hb_face_t> subset(hb_subset_or_fail(face.get(), input.get()));
  if (!subset) return -1;
  Hb<hb_blob_t> bytes(hb_face_reference_blob(subset.get()));
  unsigned size = 0;
  const char* data = hb_blob_get_data(bytes.get(), &size);
  if (!data || size == 0) return -1;
  // A memory file: nothing on disk to clean up, whatever happens to the process.
  const int fd = memfd_create("dossier-font-subset", MFD_CLOEXEC);
  if (fd < 0) return -1;
  for (unsigned done = 0; done < size;) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n <= 0) {
      ::close(fd);
      return -1;
    }
    done += static_cast<unsigned>(n);
  }
  return fd;
}

HPDF_Font Fonts::font(int face) {
  auto& f = *faces_.at(face);
  if (!f.hpdf) {
    // libharu opens the file by name and keeps it open until the document is saved: the
    // memory file's descriptor is closed once it has. Without /proc (some sandboxes) the
    // whole file is embedded.
    const char* name = nullptr;
    if (const int fd = subset(f); fd >= 0) {
      const std::string path = "/proc/self/fd/" + std::to_string(fd);
      if (::access(path.c_str(), R_OK) == 0) {
        name = HPDF_LoadTTFontFromFile(doc_, path.c_str(), HPDF_TRUE);
        f.subset = true;
      }
      ::close(fd);
    }
    const bool ttc = f.file.path.size() > 4 && f.file.path.compare(f.file.path.size() - 4, 4, ".ttc") == 0;
    if (!f.subset)
      name = ttc ? HPDF_LoadTTFontFromFile2(doc_, f.file.path.c_str(), f.file.index, HPDF_TRUE)
                 : HPDF_LoadTTFontFromFile(doc_, f.file.path.c_str(), HPDF_TRUE);
    if (!name)
      throw std::runtime_error("libharu could not load the font " + f.file.path + (f.subset ? " (a subset of it)" : ""));
    f.hpdf = HPDF_GetFont(doc_, name, "UTF-8");
    if (!f.hpdf) throw std::runtime_error("libharu could not use the font " + f.file.path + " with UTF-8");
    replace_to_unicode(f.hpdf);
  }
  return f.hpdf;
}

double Fonts::scale(int face) const { return faces_.at(face)->file.scale; }

Weight Fonts::weight(int face) const { return faces_.at(face)->file.weight; }

std::vector<std::string> Fonts::describe() const {
  std::vector<std::string> out;
  for (const auto& f : faces_)
    out.push_back(f->file.path + (f->file.index ? ":" + std::to_string(f->file.index) : "") +
                  (f->hpdf ? f->subset ? " (embedded, subset)" : " (embedded)" : ""));
  return out;
}

}  // namespace dossier::pdf
