// Compact JSON written straight into a string, token by token: the bytes under json.cpp's
// model writer, kept apart so that the model's fields (json_fields.hpp) are not mixed with
// escaping rules.
//
// A document's JSON is made for every document of every build (store, analysis keys,
// corpus.json), and building an nlohmann tree first cost more than parsing the document. The
// bytes are those nlohmann's compact dump gives (test_json compares them), so stored documents
// and analysis keys stay the same.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "dossier/domain/utf8.hpp"
#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN
namespace detail {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void open(char c) {
    separate();
    out_ += c;
    first_ = true;
  }
  void close(char c) {
    out_ += c;
    first_ = false;
  }
  // Keys are ASCII literals of json_fields.hpp: nothing to escape.
  void key(const char* k) {
    separate();
    out_ += '"';
    out_ += k;
    out_ += "\":";
    first_ = true;  // the value follows without a comma
  }
  void value(std::string_view v) {
    separate();
    quote(v);
  }
  void value(long long v) {
    separate();
    out_ += std::to_string(v);
  }
  void value(unsigned long long v) {
    separate();
    out_ += std::to_string(v);
  }
  void raw(std::string_view literal) {
    separate();
    out_ += literal;
  }

 private:
  void separate() {
    if (!first_) out_ += ',';
    first_ = false;
  }

  // As nlohmann's serializer with ensure_ascii off and error_handler_t::replace: the JSON
  // escapes, other control characters as \u00xx, each broken UTF-8 sequence as U+FFFD.
  void quote(std::string_view v) {
    out_ += '"';
    static const char* const hex = "0123456789abcdef";
    std::size_t i = 0;
    while (i < v.size()) {
      // Printable ASCII but the quote and backslash, and well-formed UTF-8 sequences (all of a
      // text in Chinese, Arabic or Russian), most of any text, are copied a run at a time.
      std::size_t run = i;
      // Eight bytes at a time while none of them needs a look (a byte of 0x80 or more, a
      // control character, a quote or a backslash): English and French text is mostly such runs.
      // The tests can flag a byte above a true one, never miss one, so a flag only hands the
      // word to the loop below.
      constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
      const auto has_zero = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
      for (std::uint64_t w; run + 8 <= v.size(); run += 8) {
        std::memcpy(&w, v.data() + run, 8);
        if ((w & highs) | ((w - 0x20 * ones) & ~w & highs) | has_zero(w ^ ('"' * ones)) | has_zero(w ^ ('\\' * ones)))
          break;
      }
      while (run < v.size()) {
        const auto b = static_cast<unsigned char>(v[run]);
        if (b >= 0x80) {
          const utf8::Sequence s = utf8::sequence_at(v, run);
          if (!s.well_formed) break;
          run += s.length;
          continue;
        }
        if (b < 0x20 || b == '"' || b == '\\') break;
        ++run;
      }
      if (run > i) {
        out_.append(v.data() + i, run - i);
        i = run;
        continue;
      }
      const auto c = static_cast<unsigned char>(v[i]);
      if (c < 0x80) {  // a quote, a backslash or a control character (the run stopped at it)
        // \b \t \n \f \r by name (U+0008 to U+000D; U+000B has none), other controls as \u00xx.
        static const char named[] = "btn\0fr";
        out_ += '\\';
        if (c == '"' || c == '\\') {
          out_ += static_cast<char>(c);
        } else if (c >= '\b' && c <= '\r' && named[c - '\b']) {
          out_ += named[c - '\b'];
        } else {
          out_ += "u00";
          out_ += hex[c >> 4];
          out_ += hex[c & 15];
        }
        ++i;
        continue;
      }
      // An ill-formed sequence's maximal subpart becomes one U+FFFD, as nlohmann does (the run
      // stopped at it).
      out_ += "\xEF\xBF\xBD";
      i += utf8::sequence_at(v, i).length;
    }
    out_ += '"';
  }

  std::string& out_;
  bool first_ = true;
};

}  // namespace detail
DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
