// The term splitter behind terms_of(), in a header so that the model's lookup
// (classifier.cpp) and training (classifier_training.cpp) inline it: it runs on every byte.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include <dossier/domain/utf8.hpp>

namespace dossier::classifier::detail {

// Lower case for the scripts of the six UN languages' words (Chinese has none).
inline char32_t lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0xC0) return c;
  if (c <= 0xDE) return c == 0xD7 ? c : c + 0x20;
  if (c >= 0x100 && c <= 0x17F) {
    if (c <= 0x137 || (c >= 0x14A && c <= 0x177)) return c % 2 == 0 ? c + 1 : c;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c % 2 == 1 ? c + 1 : c;
    if (c == 0x178) return 0xFF;
    return c;
  }
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  return c;
}

enum class Kind { separator, space, letter, digit, mark, ideograph };

inline Kind kind_of(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Kind::letter;
    if (c >= '0' && c <= '9') return Kind::digit;
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' ? Kind::space : Kind::separator;
  }
  if (c < 0xC0) return c == 0xA0 ? Kind::space : Kind::separator;
  if (c == 0xD7 || c == 0xF7) return Kind::separator;
  if (c >= 0x300 && c <= 0x36F) return Kind::mark;  // combining accents
  if ((c >= 0x64B && c <= 0x65F) || c == 0x670 || c == 0x640) return Kind::mark;  // harakat, tatweel
  if ((c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9)) return Kind::digit;
  if (c == 0x60C || c == 0x61B || c == 0x61F || (c >= 0x66A && c <= 0x66D) || c == 0x6D4) return Kind::separator;
  if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x3040 && c <= 0x30FF))
    return Kind::ideograph;
  if (c >= 0x2000 && c <= 0x200A) return Kind::space;
  if ((c >= 0x200B && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F) ||
      (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
      (c >= 0xFF5B && c <= 0xFF65) || c == 0xFEFF || c == 0xFFFD || c >= 0x1F000)
    return c == 0x3000 ? Kind::space : Kind::separator;
  if (c >= 0xFF10 && c <= 0xFF19) return Kind::digit;
  return Kind::letter;
}

// kind_of() and lower() of every ASCII byte.
struct AsciiKinds {
  Kind kind[128];
  unsigned char lower[128];
  AsciiKinds() {
    for (char32_t c = 0; c < 128; ++c) {
      kind[c] = kind_of(c);
      lower[c] = static_cast<unsigned char>(detail::lower(c));
    }
  }
};
inline const AsciiKinds ascii_kinds;

// The stem of `word` for a model with `stems`: its first `length` letters, so that a Russian
// or Arabic word's case and number forms share one term. An Arabic word first loses its
// definite article with what may be fused to it (ال، وال، بال، فال، كال، لل) or else a leading
// conjunction و, and keeps two thirds as many letters: written without its short vowels, it
// spells the same morpheme in fewer letters. Empty when the word is shorter than the stem (its
// own term says it all).
inline std::string_view stem_of(std::string_view word, std::size_t length) {
  const auto arabic = [](std::string_view w) {
    const auto b = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
    return b >= 0xD8 && b <= 0xDB;  // U+0600..U+06FF
  };
  if (arabic(word)) {
    const auto starts = [&](std::string_view prefix) { return word.substr(0, prefix.size()) == prefix; };
    bool article = false;
    for (std::string_view prefix : {"\xD9\x88\xD8\xA7\xD9\x84", "\xD8\xA8\xD8\xA7\xD9\x84",
                                    "\xD9\x81\xD8\xA7\xD9\x84", "\xD9\x83\xD8\xA7\xD9\x84",
                                    "\xD8\xA7\xD9\x84", "\xD9\x84\xD9\x84"})
      if (starts(prefix) && word.size() >= prefix.size() + 6) {  // three letters left at least
        word.remove_prefix(prefix.size());
        article = true;
        break;
      }
    if (!article && starts("\xD9\x88") && word.size() >= 2 + 8) word.remove_prefix(2);  // و, four letters left
    length = std::max<std::size_t>(3, (2 * length + 2) / 3);
  }
  std::size_t at = 0;
  for (std::size_t n = 0; n < length; ++n) {
    if (at >= word.size()) return {};
    ++at;
    while (at < word.size() && (static_cast<unsigned char>(word[at]) & 0xC0) == 0x80) ++at;
  }
  return word.substr(0, at);
}

template <typename Emit>
void for_each_term(std::string_view text, bool word_pairs, std::size_t stems, Emit&& emit) {
  std::string word, previous, pair, stem;
  bool has_letter = false;
  std::size_t letters = 0;
  bool pairable = false;  // `previous` is a word the next word may pair with
  // An ideograph is its own bytes of `text` (well-formed UTF-8 re-encodes to the same bytes),
  // and a pair of adjacent ones the bytes of both: emitted as views, with nothing copied.
  std::size_t previous_ideograph = std::string_view::npos;  // where the ideograph before starts
  const auto end_word = [&](bool breaks_pair) {
    if (!word.empty()) {
      if (has_letter && letters >= 2) {
        emit(std::string_view(word));
        if (stems != 0) {
          if (const std::string_view root = stem_of(word, stems); !root.empty()) {
            stem.assign(root).append(1, '~');  // "миграц~": not a word of its own
            emit(std::string_view(stem));
          }
        }
        if (word_pairs && pairable) {
          pair.assign(previous).append(1, ' ').append(word);
          emit(std::string_view(pair));
        }
        previous.swap(word);
        pairable = true;
      } else {
        pairable = false;  // a number or a single letter sits between
      }
      word.clear();
    }
    has_letter = false;
    letters = 0;
    if (breaks_pair) pairable = false;
  };
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const auto byte = static_cast<unsigned char>(text[i]);
    // ASCII, most of the bytes of five of the six languages' texts, by table.
    const char32_t c = byte < 0x80 ? (++i, byte) : utf8::next(text, i);
    const Kind kind = byte < 0x80 ? ascii_kinds.kind[byte] : kind_of(c);
    if (kind != Kind::ideograph) previous_ideograph = std::string_view::npos;
    switch (kind) {
      case Kind::letter:
        has_letter = true;
        [[fallthrough]];
      case Kind::digit:
        if (byte < 0x80)
          word += static_cast<char>(ascii_kinds.lower[byte]);
        else
          utf8::append(word, lower(c));
        ++letters;
        break;
      case Kind::mark:
        break;
      case Kind::space:
        end_word(false);
        break;
      case Kind::separator:
        end_word(true);
        break;
      case Kind::ideograph: {
        end_word(true);
        emit(text.substr(at, i - at));
        if (previous_ideograph != std::string_view::npos) emit(text.substr(previous_ideograph, i - previous_ideograph));
        previous_ideograph = at;
        break;
      }
    }
  }
  end_word(true);
}

}  // namespace dossier::classifier::detail
