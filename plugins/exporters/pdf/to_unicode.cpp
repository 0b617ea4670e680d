#include "to_unicode.hpp"

#include <cstdio>
#include <map>
#include <vector>

namespace dossier::pdf {

namespace {

struct Form {
  char16_t code;
  const char16_t* letters;
};

constexpr Form kArabicForms[] = {
#include "arabic_forms.inc"
};

std::string hex(char16_t c) {
  char buffer[12];
  std::snprintf(buffer, sizeof buffer, "%04X", static_cast<unsigned>(c));
  return buffer;
}

// Entries of one kind in blocks of at most 100, as the CMap format requires.
void write_blocks(std::string& out, const std::vector<std::string>& entries, const char* kind) {
  for (std::size_t i = 0; i < entries.size(); i += 100) {
    const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
    out += std::to_string(n) + " begin" + kind + "\n";
    for (std::size_t k = i; k < i + n; ++k) out += entries[k];
    out += std::string("end") + kind + "\n";
  }
}

std::string build() {
  std::map<unsigned, std::u16string> forms;
  for (const Form& f : kArabicForms) forms[f.code] = f.letters;

  std::vector<std::string> ranges, chars;
  for (unsigned hi = 0; hi < 256; ++hi) {
    if (hi >= 0xD8 && hi <= 0xDF) continue;  // surrogates are no characters
    // A range may not cross a high byte; within the row, identity runs between the forms.
    unsigned start = hi << 8;
    const unsigned end = start + 0x100;
    for (unsigned c = start; c <= end; ++c) {
      const auto form = c < end ? forms.find(c) : forms.end();
      if (c < end && form == forms.end()) continue;
      if (c > start) {
        const auto last = static_cast<char16_t>(c - 1);
        ranges.push_back("<" + hex(static_cast<char16_t>(start)) + "> <" + hex(last) + "> <" +
                         hex(static_cast<char16_t>(start)) + ">\n");
      }
      if (c < end) {
        std::string letters;
        for (char16_t l : form->second) letters += hex(l);
        chars.push_back("<" + hex(static_cast<char16_t>(c)) + "> <" + letters + ">\n");
      }
      start = c + 1;
    }
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  write_blocks(out, ranges, "bfrange");
  write_blocks(out, chars, "bfchar");
  return out + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

}  // namespace

const std::string& to_unicode_cmap() {
  static const std::string cmap = build();
  return cmap;
}

}  // namespace dossier::pdf
