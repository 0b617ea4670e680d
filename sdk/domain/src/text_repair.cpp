#include "dossier/domain/text_repair.hpp"

#include "dossier/domain/utf8.hpp"

#include <algorithm>

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

bool bad_control(unsigned char c, bool controls) noexcept {
  return c == 0 || (controls && c < 0x20 && c != '\t' && c != '\n' && c != '\r');
}

}  // namespace

TextRepairs repair_text(std::string& text, bool controls) {
  TextRepairs r;
  // Most text is clean: find the first thing to repair before copying anything.
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x80) {
      ++i;
      continue;
    }
    if (bad_control(c, controls)) break;
    const std::size_t n = utf8::sequence_length(text, i);
    if (n == 0) break;
    i += n;
  }
  if (i == text.size()) return r;
  // NUL bytes go first: one inside a multi-byte character leaves the character whole.
  if (text.find('\0', i) != std::string::npos) {
    const std::size_t before = text.size();
    text.erase(std::remove(text.begin() + static_cast<std::ptrdiff_t>(i), text.end(), '\0'), text.end());
    r.nul_bytes = before - text.size();
  }
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  out.append(text, 0, i);
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (bad_control(c, controls)) {
      ++r.controls;
      out += ' ';
      ++i;
    } else if (const std::size_t n = utf8::sequence_length(text, i)) {
      out.append(text, i, n);
      i += n;
    } else {
      ++r.invalid_utf8;
      out += replacement;
      ++i;
    }
  }
  text = std::move(out);
  return r;
}

TextRepairs repair_document_text(Document& d) {
  TextRepairs r;
  auto fix = [&](std::string& s) { r += repair_text(s, true); };
  auto fix_all = [&](std::vector<std::string>& v) {
    for (auto& s : v) fix(s);
  };
  for (std::string* s : {&d.id, &d.symbol, &d.title, &d.date, &d.place, &d.body, &d.language, &d.reader}) fix(*s);
  for (auto& s : d.sections) {
    fix(s.label);
    fix(s.title);
    fix(s.kind);
  }
  for (auto& b : d.blocks) {
    for (std::string* s : {&b.address, &b.number, &b.marker, &b.text, &b.same_as}) fix(*s);
    fix_all(b.footnote_refs);
    for (auto& row : b.cells) fix_all(row);
  }
  for (auto& f : d.footnotes) {
    fix(f.label);
    fix(f.text);
    fix_all(f.anchors);
  }
  for (auto& rec : d.recommendations) {
    for (std::string* s : {&rec.address, &rec.kind, &rec.addressee, &rec.text}) fix(*s);
    fix_all(rec.recommended_by);
  }
  for (auto& ref : d.references)
    for (std::string* s : {&ref.type, &ref.id, &ref.address, &ref.text}) fix(*s);
  fix_all(d.furniture);
  for (auto& g : d.diagnostics) fix(g.message);
  for (auto& l : d.links) {
    fix(l.relation);
    fix(l.document);
  }
  return r;
}

Diagnostic repair_diagnostic(const TextRepairs& r) {
  std::string message;
  auto add = [&](std::size_t n, const char* one, const char* many, const char* what) {
    if (n == 0) return;
    message += message.empty() ? std::string(altered_prefix) : std::string(", ");
    message += std::to_string(n) + (n == 1 ? one : many) + what;
  };
  add(r.invalid_utf8, " byte", " bytes", " of invalid UTF-8 replaced by U+FFFD");
  add(r.nul_bytes, " NUL byte", " NUL bytes", " dropped");
  add(r.controls, " control character", " control characters", " replaced by spaces");
  return {Diagnostic::Severity::warning, message, {}};
}

bool is_alteration(const Diagnostic& d) noexcept {
  return d.severity != Diagnostic::Severity::info && d.message.compare(0, altered_prefix.size(), altered_prefix) == 0;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
