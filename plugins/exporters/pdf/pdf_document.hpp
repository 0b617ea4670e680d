// One libharu document with an error handler that records libharu's errors, so that they
// become C++ exceptions at the next check() instead of being thrown through libharu's C
// frames (which would leave it in an undefined state).
#pragma once

#include <hpdf.h>

#include <dossier/sink.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "memory_arena.hpp"

namespace dossier::pdf {

/// Document information written into the PDF.
struct DocumentInfo {
  std::string title, subject, keywords, author, creator;
  std::int64_t created = 0;  ///< seconds since the epoch (the build time)
};

class PdfDocument {
 public:
  /// A document using UTF-8 text throughout, compressed. Throws std::runtime_error.
  PdfDocument();
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  HPDF_Doc get() const { return doc_; }
  /// Throws std::runtime_error naming `step` and the first error libharu reported since
  /// the last check.
  void check(std::string_view step);
  void set_info(const DocumentInfo& info);
  /// Writes the document into `file` (then checks); a failed write says which file and
  /// whether the disk is full (dossier/domain/write_errors.hpp).
  void save(OutputFile& file);

 private:
  static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self);
  // libharu's memory (memory_arena.hpp): current while the document lives, so documents are
  // made and freed one at a time on a thread, the last made freed first.
  MemoryArena arena_;
  MemoryArena::Scope scope_{arena_};
  HPDF_Doc doc_ = nullptr;
  HPDF_STATUS error_ = 0, detail_ = 0;
};

}  // namespace dossier::pdf
