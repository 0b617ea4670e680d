#include "pdf_document.hpp"

#include <cstdio>
#include <ctime>
#include <stdexcept>

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
    default: return "see hpdf_error.h";
  }
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
  doc_ = HPDF_New(&PdfDocument::on_error, this);
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
  const std::string message = "libharu error " + std::string(code) + " (" + error_name(error_) + ", detail " +
                              std::to_string(detail_) + ") while " + std::string(step);
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

void PdfDocument::save(const std::filesystem::path& path) {
  HPDF_SaveToFile(doc_, path.c_str());
  check("writing " + path.filename().string());
}

}  // namespace dossier::pdf
