#include "pdf_document.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <stdexcept>
#include <vector>

#include <dossier/domain/write_errors.hpp>

namespace dossier::pdf {

namespace {

// Names of the errors a brief can meet (hpdf_error.h has them all).
const char* error_name(HPDF_STATUS e) {
  switch (e) {
    case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
    case HPDF_FILE_IO_ERROR: return "file I/O error";
    case HPDF_FILE_OPEN_ERROR: return "cannot open file";
    case HPDF_FONT_EXISTS: return "font loaded twice";
    case HPDF_INVALID_DOCUMENT: return "document unusable after an earlier error";
    case HPDF_INVALID_ENCODER: return "invalid encoder";
    case HPDF_INVALID_FONT_NAME: return "invalid font name";
    case HPDF_INVALID_PARAMETER: return "invalid parameter";
    case HPDF_INVALID_TTC_FILE: return "invalid TrueType collection";
    case HPDF_INVALID_TTC_INDEX: return "no such face in the TrueType collection";
    case HPDF_PAGE_FONT_NOT_FOUND: return "font not found";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "the font's licence forbids embedding";
    case HPDF_TTF_INVALID_CMAP: return "font has no usable Unicode cmap";
    case HPDF_TTF_INVALID_FOMAT: return "not a TrueType font";
    case HPDF_TTF_MISSING_TABLE: return "TrueType table missing";
    case HPDF_ZLIB_ERROR: return "compression (zlib) failed";
    case HPDF_STREAM_EOF: return "unexpected end of a stream";
    case HPDF_INVALID_STREAM: return "invalid stream";
    case HPDF_INVALID_OPERATION: return "invalid operation";
    case HPDF_STRING_OUT_OF_RANGE: return "text too long";
    case HPDF_PAGE_OUT_OF_RANGE: return "too many pages";
    case HPDF_EXCEED_GSTATE_LIMIT: return "graphics states nested too deep";
    default: return "see hpdf_error.h";
  }
}

// libharu's detail is another of its codes (0x1066, compression, failing because of
// 0x1016, a file error), an errno value for a file it could not open, or a zlib code.
std::string detail_text(HPDF_STATUS error, HPDF_STATUS detail) {
  char code[16];
  if (detail >= 0x1001 && detail <= 0x10FF) {
    std::snprintf(code, sizeof code, "0x%04X", static_cast<unsigned>(detail));
    return "detail " + std::string(code) + ": " + error_name(detail);
  }
  if (error == HPDF_FILE_OPEN_ERROR && detail > 0) return std::strerror(static_cast<int>(detail));
  return "detail " + std::to_string(detail);
}

}  // namespace

void PdfDocument::on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self) {
  auto* doc = static_cast<PdfDocument*>(self);
  if (doc->error_ == 0) {  // the first error explains the ones that follow
    doc->error_ = error;
    doc->detail_ = detail;
  }
}

PdfDocument::PdfDocument() {
  doc_ = HPDF_NewEx(&PdfDocument::on_error, &MemoryArena::hpdf_alloc, &MemoryArena::hpdf_free, 0, this);
  if (!doc_) throw std::runtime_error("libharu could not create a document (out of memory?)");
  HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(doc_);
  HPDF_SetCurrentEncoder(doc_, "UTF-8");
  HPDF_SetPageMode(doc_, HPDF_PAGE_MODE_USE_OUTLINE);
  check("creating the document");
}

PdfDocument::~PdfDocument() { HPDF_Free(doc_); }

void PdfDocument::check(std::string_view step) {
  if (error_ == 0) return;
  char code[16];
  std::snprintf(code, sizeof code, "0x%04X", static_cast<unsigned>(error_));
  const std::string message = "libharu error " + std::string(code) + " (" + error_name(error_) + "; " +
                              detail_text(error_, detail_) + ") while " + std::string(step);
  error_ = detail_ = 0;
  HPDF_ResetError(doc_);
  throw std::runtime_error(message);
}

void PdfDocument::set_info(const DocumentInfo& info) {
  HPDF_SetInfoAttr(doc_, HPDF_INFO_TITLE, info.title.c_str());
  HPDF_SetInfoAttr(doc_, HPDF_INFO_SUBJECT, info.subject.c_str());
  HPDF_SetInfoAttr(doc_, HPDF_INFO_KEYWORDS, info.keywords.c_str());
  HPDF_SetInfoAttr(doc_, HPDF_INFO_CREATOR, info.creator.c_str());
  if (!info.author.empty()) HPDF_SetInfoAttr(doc_, HPDF_INFO_AUTHOR, info.author.c_str());
  const std::time_t t = static_cast<std::time_t>(info.created);
  std::tm tm{};
  gmtime_r(&t, &tm);
  HPDF_Date date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0};
  HPDF_SetInfoDateAttr(doc_, HPDF_INFO_CREATION_DATE, date);
  HPDF_SetInfoDateAttr(doc_, HPDF_INFO_MOD_DATE, date);
  check("setting the document information");
}

void PdfDocument::save(OutputFile& file) {
  // Through memory, not HPDF_SaveToFile: libharu ignores what fclose returns, so a disk
  // filling up on the last buffer would leave a truncated PDF unnoticed.
  const std::string step = "writing " + file.name();
  HPDF_SaveToStream(doc_);
  check(step);
  std::ostream& os = output_stream(file);
  std::vector<HPDF_BYTE> buffer(64 * 1024);
  for (HPDF_UINT32 left = HPDF_GetStreamSize(doc_); left > 0 && os;) {
    HPDF_UINT32 n = std::min<HPDF_UINT32>(left, static_cast<HPDF_UINT32>(buffer.size()));
    const bool end = HPDF_ReadFromStream(doc_, buffer.data(), &n) == HPDF_STREAM_EOF;
    if (end) {
      error_ = detail_ = 0;  // libharu reports the end of its stream as an error
      HPDF_ResetError(doc_);
    }
    check(step);
    os.write(reinterpret_cast<const char*>(buffer.data()), static_cast<std::streamsize>(n));
    left = end || n == 0 ? 0 : left - n;
  }
  finish_output(file);
}

}  // namespace dossier::pdf
