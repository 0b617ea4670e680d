#include "classifier.hpp"
#include "bytes_hash.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>

namespace dossier::classifier {
namespace {

// ---------------------------------------------------------------------------------------
// Terms

// The next code point of `s` from `i` (advanced past it); U+FFFD for a byte that does not
// start a well-formed sequence (then only that byte is consumed).
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  const int length = b >= 0xF0 && b < 0xF5 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
  if (length == 0 || i + length > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = b & (0xFF >> (length + 1));
  for (int k = 1; k < length; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += length;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Lower case for the scripts of the six UN languages' words (Chinese has none).
char32_t lower(char32_t c) {
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

Kind kind_of(char32_t c) {
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
      lower[c] = static_cast<unsigned char>(dossier::classifier::lower(c));
    }
  }
};
const AsciiKinds ascii_kinds;

// The stem of `word` for a model with `stems`: its first `length` letters, so that a Russian
// or Arabic word's case and number forms share one term. An Arabic word first loses its
// definite article with what may be fused to it (ال، وال، بال، فال، كال، لل) or else a leading
// conjunction و, and keeps two thirds as many letters: written without its short vowels, it
// spells the same morpheme in fewer letters. Empty when the word is shorter than the stem (its
// own term says it all).
std::string_view stem_of(std::string_view word, std::size_t length) {
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
  char32_t previous_ideograph = 0;
  std::string ideographs;
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
    const auto byte = static_cast<unsigned char>(text[i]);
    // ASCII, most of the bytes of five of the six languages' texts, by table.
    const char32_t c = byte < 0x80 ? (++i, byte) : next_code_point(text, i);
    const Kind kind = byte < 0x80 ? ascii_kinds.kind[byte] : kind_of(c);
    if (kind != Kind::ideograph) previous_ideograph = 0;
    switch (kind) {
      case Kind::letter:
        has_letter = true;
        [[fallthrough]];
      case Kind::digit:
        if (byte < 0x80)
          word += static_cast<char>(ascii_kinds.lower[byte]);
        else
          append_utf8(word, lower(c));
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
        ideographs.clear();
        append_utf8(ideographs, c);
        emit(std::string_view(ideographs));
        if (previous_ideograph != 0) {
          pair.clear();
          append_utf8(pair, previous_ideograph);
          pair += ideographs;
          emit(std::string_view(pair));
        }
        previous_ideograph = c;
        break;
      }
    }
  }
  end_word(true);
}

double sigmoid(double z) { return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z)); }

// ---------------------------------------------------------------------------------------
// Model file

constexpr std::string_view magic = "dossier-classifier 1\n";

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  return s;
}

std::string join_numbers(const std::vector<double>& values) {
  std::ostringstream out;
  out.precision(9);
  for (std::size_t i = 0; i < values.size(); ++i) out << (i ? " " : "") << values[i];
  return out.str();
}

void put_u32(std::string& out, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) out += static_cast<char>((v >> (8 * k)) & 0xFF);
}

std::uint32_t get_u32(const unsigned char* p) {
  return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

std::vector<double> parse_numbers(const std::string& text, const std::string& where) {
  std::vector<double> values;
  std::istringstream in(text);
  in.imbue(std::locale::classic());
  std::string token;
  while (in >> token) {
    std::size_t used = 0;
    double v = 0;
    try {
      v = std::stod(token, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != token.size() || !std::isfinite(v)) throw std::runtime_error(where + ": not a number: " + token);
    values.push_back(v);
  }
  return values;
}

}  // namespace

void terms_of(std::string_view text, bool word_pairs, std::size_t stems,
              const std::function<void(std::string_view)>& emit) {
  for_each_term(text, word_pairs, stems, emit);
}

namespace {
std::uint64_t term_hash(std::string_view term) { return analyzers::hash_bytes(term); }
constexpr std::uint32_t no_term = 0xFFFFFFFFu;
}  // namespace

void Model::index_terms() {
  std::size_t size = 16;
  while (size < 2 * terms.size()) size *= 2;
  slots_.assign(size, 0);
  mask_ = size - 1;
  for (std::uint32_t i = 0; i < terms.size(); ++i) {
    const std::uint64_t h = term_hash(terms[i]);
    std::size_t at = h & mask_;
    bool twice = false;  // kept once; parse() refuses such a file
    for (; slots_[at] != 0 && !twice; at = (at + 1) & mask_) twice = terms[std::uint32_t(slots_[at]) - 1] == terms[i];
    if (!twice) slots_[at] = (h & 0xFFFFFFFF00000000ull) | (i + 1);
  }
}

std::uint32_t Model::find_term(std::string_view term) const { return find_term(term, term_hash(term)); }

std::uint32_t Model::find_term(std::string_view term, std::uint64_t h) const {
  if (slots_.empty()) return no_term;
  const std::uint64_t upper = h & 0xFFFFFFFF00000000ull;
  for (std::size_t at = h & mask_; slots_[at] != 0; at = (at + 1) & mask_) {
    const std::uint64_t slot = slots_[at];
    if ((slot & 0xFFFFFFFF00000000ull) == upper && terms[std::uint32_t(slot) - 1] == term)
      return std::uint32_t(slot) - 1;
  }
  return no_term;
}

void Model::find_terms(std::string_view text, std::vector<std::uint32_t>& found) const {
  // Two passes: split and hash every term, asking the processor for its slot at once; then
  // look them up. The slot reads, cache misses into a table of megabytes, overlap instead of
  // coming one after another (bench_micro BM_ModelVectorize).
  struct Pending {
    std::uint64_t hash;
    std::uint32_t offset, size;
  };
  std::string spelled;  // the terms, one after another
  std::vector<Pending> pending;
  spelled.reserve(2 * text.size());
  pending.reserve(text.size() / 3);
  for_each_term(text, word_pairs, stems, [&](std::string_view term) {
    const std::uint64_t h = term_hash(term);
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & mask_]);
    pending.push_back({h, std::uint32_t(spelled.size()), std::uint32_t(term.size())});
    spelled.append(term);
  });
  const std::size_t n = labels.size();
  for (const Pending& p : pending)
    if (const std::uint32_t i = find_term(std::string_view(spelled).substr(p.offset, p.size), p.hash); i != no_term) {
      // Its IDF is read by vector_of() and its weights by probabilities(): ask for them now too.
      __builtin_prefetch(&idf[i]);
      if (n) __builtin_prefetch(&weights[std::size_t(i) * n]);
      found.push_back(i);
    }
}

Vector Model::vector_of(std::vector<std::uint32_t>& found) const {
  // Counted in a table indexed by term (zero between calls) rather than by sorting every
  // occurrence: a document's tens of thousands of occurrences hold a few thousand distinct
  // terms, and only those are sorted.
  thread_local std::vector<std::uint32_t> count;
  if (count.size() < terms.size()) count.resize(terms.size(), 0);
  std::size_t distinct = 0;
  for (const std::uint32_t i : found)
    if (count[i]++ == 0) found[distinct++] = i;
  found.resize(distinct);
  std::sort(found.begin(), found.end());
  Vector x;
  x.reserve(found.size());
  double norm = 0;
  for (const std::uint32_t i : found) {
    const double value = (1 + std::log(double(count[i]))) * idf[i];
    count[i] = 0;
    x.push_back({i, float(value)});
    norm += value * value;
  }
  if (norm > 0) {
    const double scale = 1 / std::sqrt(norm);
    for (auto& f : x) f.value = float(f.value * scale);
  }
  return x;
}

Vector Model::vectorize(const std::vector<std::string_view>& texts) const {
  std::vector<std::uint32_t> found;
  for (std::string_view text : texts) find_terms(text, found);
  return vector_of(found);
}

std::vector<double> Model::probabilities(const Vector& x) const {
  const std::size_t n = labels.size();
  std::vector<double> z(bias.begin(), bias.end());
  for (const Feature& f : x) {
    const float* w = &weights[std::size_t(f.index) * n];
    for (std::size_t k = 0; k < n; ++k) z[k] += double(w[k]) * f.value;
  }
  for (double& v : z) v = sigmoid(v);
  return z;
}

std::vector<Weighed> Model::strongest_terms(const Vector& x, std::size_t label, std::size_t n) const {
  std::vector<Weighed> all;
  for (const Feature& f : x) {
    const double c = double(weights[std::size_t(f.index) * labels.size() + label]) * f.value;
    if (c > 0) all.push_back({terms[f.index], c});
  }
  const std::size_t keep = std::min(n, all.size());
  std::partial_sort(all.begin(), all.begin() + keep, all.end(),
                    [](const Weighed& a, const Weighed& b) { return a.contribution > b.contribution; });
  all.resize(keep);
  return all;
}

// Header lines of "key: value", a blank line, then per term: its length (u32), its bytes,
// its IDF (float32) and one int16 per label, all little-endian. Weights are stored as
// int16 times a per-label scale: a sixth of the size of text, and the scores differ from
// the trained floats by less than 1e-4 of the largest weight.
std::string Model::serialize() const {
  const std::size_t n = labels.size();
  std::vector<double> scale(n, 1.0);
  for (std::size_t k = 0; k < n; ++k) {
    double most = 0;
    for (std::size_t t = 0; t < terms.size(); ++t) most = std::max(most, std::fabs(double(weights[t * n + k])));
    if (most > 0) scale[k] = most / 32767;
  }
  std::string out(magic);
  const auto line = [&](std::string_view key, const std::string& value) {
    out.append(key).append(": ").append(one_line(value)).append("\n");
  };
  line("scheme", scheme);
  line("level", level);
  line("name", name);
  line("version", version);
  line("trained_on", trained_on);
  line("command", command);
  line("licence", licence);
  line("word_pairs", word_pairs ? "1" : "0");
  if (stems != 0) line("stems", std::to_string(stems));  // absent: none (files before stems)
  std::string joined;
  for (const auto& l : labels) joined += (joined.empty() ? "" : " ") + l;
  line("labels", joined);
  line("document_threshold", join_numbers(document_threshold));
  line("passage_threshold", join_numbers(passage_threshold));
  line("bias", join_numbers(std::vector<double>(bias.begin(), bias.end())));
  line("weight_scale", join_numbers(scale));
  line("terms", std::to_string(terms.size()));
  out += "\n";
  for (std::size_t t = 0; t < terms.size(); ++t) {
    put_u32(out, std::uint32_t(terms[t].size()));
    out += terms[t];
    std::uint32_t bits;
    std::memcpy(&bits, &idf[t], 4);
    put_u32(out, bits);
    for (std::size_t k = 0; k < n; ++k) {
      const auto q = static_cast<std::int16_t>(std::lround(weights[t * n + k] / scale[k]));
      const auto u = static_cast<std::uint16_t>(q);
      out += static_cast<char>(u & 0xFF);
      out += static_cast<char>(u >> 8);
    }
  }
  return out;
}

Model Model::parse(std::string_view bytes, const std::string& name_for_errors) {
  const auto fail = [&](const std::string& what) -> std::runtime_error {
    return std::runtime_error(name_for_errors + ": not a usable model file: " + what);
  };
  if (bytes.substr(0, magic.size()) != magic) throw fail("it does not start with \"dossier-classifier 1\"");
  std::size_t pos = magic.size();
  std::map<std::string, std::string> header;
  for (;;) {
    const std::size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) throw fail("the header does not end");
    const std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) break;
    const std::size_t colon = line.find(": ");
    if (colon == std::string_view::npos) throw fail("header line without \"key: value\": " + std::string(line.substr(0, 60)));
    header[std::string(line.substr(0, colon))] = std::string(line.substr(colon + 2));
  }
  const auto need = [&](const char* key) -> const std::string& {
    auto it = header.find(key);
    if (it == header.end()) throw fail(std::string("no \"") + key + "\" in the header");
    return it->second;
  };
  Model m;
  m.scheme = need("scheme");
  m.level = need("level");
  m.name = need("name");
  m.version = need("version");
  m.trained_on = header["trained_on"];
  m.command = header["command"];
  m.licence = header["licence"];
  m.word_pairs = need("word_pairs") == "1";
  if (const auto it = header.find("stems"); it != header.end()) {
    const auto v = parse_numbers(it->second, name_for_errors + ": stems");
    if (v.size() != 1 || v[0] < 1 || v[0] > 32 || v[0] != std::floor(v[0])) throw fail("stems must be 1 to 32");
    m.stems = static_cast<std::size_t>(v[0]);
  }
  {
    std::istringstream in(need("labels"));
    std::string l;
    std::set<std::string> seen;
    while (in >> l) {
      if (!seen.insert(l).second) throw fail("label " + l + " twice");
      m.labels.push_back(l);
    }
  }
  const std::size_t n = m.labels.size();
  if (n == 0 || n > 4096) throw fail("no labels, or too many");
  const auto numbers = [&](const char* key, bool probability) {
    auto v = parse_numbers(need(key), name_for_errors + ": " + key);
    if (v.size() != n) throw fail(std::string(key) + " has " + std::to_string(v.size()) + " values for " +
                                  std::to_string(n) + " labels");
    if (probability)
      for (double x : v)
        if (x < 0 || x > 1) throw fail(std::string(key) + " outside 0..1");
    return v;
  };
  m.document_threshold = numbers("document_threshold", true);
  m.passage_threshold = numbers("passage_threshold", true);
  for (double b : numbers("bias", false)) m.bias.push_back(float(b));
  const std::vector<double> scale = numbers("weight_scale", false);
  const std::vector<double> count = parse_numbers(need("terms"), name_for_errors + ": terms");
  if (count.size() != 1 || count[0] < 0 || count[0] != std::floor(count[0])) throw fail("bad term count");
  const auto terms = static_cast<std::size_t>(count[0]);
  // Each term takes at least 4 + 1 + 4 + 2n bytes: a count the file cannot hold is refused
  // before anything is allocated for it.
  if (terms > (bytes.size() - pos) / (9 + 2 * n)) throw fail("it is truncated (fewer terms than announced)");
  m.terms.reserve(terms);
  m.idf.reserve(terms);
  m.weights.reserve(terms * n);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (std::size_t t = 0; t < terms; ++t) {
    if (bytes.size() - pos < 4) throw fail("it is truncated");
    const std::uint32_t length = get_u32(p + pos);
    pos += 4;
    if (length == 0 || length > 1024 || bytes.size() - pos < length + 4 + 2 * n) throw fail("it is truncated");
    m.terms.emplace_back(bytes.substr(pos, length));
    pos += length;
    const std::uint32_t bits = get_u32(p + pos);
    pos += 4;
    float idf;
    std::memcpy(&idf, &bits, 4);
    if (!std::isfinite(idf) || idf <= 0) throw fail("a term's IDF is not a positive number");
    m.idf.push_back(idf);
    for (std::size_t k = 0; k < n; ++k, pos += 2) {
      const auto q = static_cast<std::int16_t>(std::uint16_t(p[pos]) | std::uint16_t(p[pos + 1]) << 8);
      m.weights.push_back(float(q * scale[k]));
    }
  }
  if (pos != bytes.size()) throw fail("bytes after the last term");
  m.index_terms();
  if (std::adjacent_find(m.terms.begin(), m.terms.end()) != m.terms.end() ||
      !std::is_sorted(m.terms.begin(), m.terms.end()))
    throw fail("terms are not listed once each, in order");
  return m;
}

// ---------------------------------------------------------------------------------------
// Training

double Score::precision() const {
  const std::size_t predicted = true_positive + false_positive;
  return predicted ? double(true_positive) / predicted : 0;
}
double Score::recall() const { return support ? double(true_positive) / support : 0; }
double Score::f1() const {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

namespace {

struct Prepared {
  Vector x;
  std::vector<std::uint8_t> y;  // per label
};

// One logistic regression per label by stochastic gradient descent (Bottou's schedule, the
// L2 penalty applied lazily through one scale factor), all labels in one pass per example.
struct Linear {
  std::vector<float> weights;
  std::vector<float> bias;
};

Linear fit(const std::vector<Prepared>& data, const std::vector<std::size_t>& rows, std::size_t features,
           std::size_t labels, const TrainOptions& options) {
  Linear model;
  std::vector<double> v(features * labels, 0.0);
  std::vector<double> b(labels, 0.0);
  if (options.start) {  // fine-tuning: from the model's own weights (same terms, same labels)
    v.assign(options.start->weights.begin(), options.start->weights.end());
    b.assign(options.start->bias.begin(), options.start->bias.end());
  }
  double scale = 1;
  const double eta0 = 0.5, l2 = options.l2;
  std::vector<std::size_t> order = rows;
  std::mt19937_64 random(options.seed);
  std::vector<double> z(labels), g(labels);
  std::size_t t = 0;
  for (std::size_t epoch = 0; epoch < options.epochs; ++epoch) {
    // Fisher-Yates with our own draws: the same order on every standard library.
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);
    for (std::size_t row : order) {
      const Prepared& ex = data[row];
      const double eta = eta0 / (1 + eta0 * l2 * double(t++));
      scale *= 1 - eta * l2;
      for (std::size_t k = 0; k < labels; ++k) z[k] = b[k];
      for (const Feature& f : ex.x) {
        const double* w = &v[std::size_t(f.index) * labels];
        for (std::size_t k = 0; k < labels; ++k) z[k] += scale * w[k] * f.value;
      }
      for (std::size_t k = 0; k < labels; ++k) {
        g[k] = sigmoid(z[k]) - ex.y[k];
        b[k] -= eta * g[k];
      }
      const double step = eta / scale;
      for (const Feature& f : ex.x) {
        double* w = &v[std::size_t(f.index) * labels];
        for (std::size_t k = 0; k < labels; ++k) w[k] -= step * g[k] * f.value;
      }
      if (scale < 1e-6) {
        for (double& w : v) w *= scale;
        scale = 1;
      }
    }
  }
  model.weights.resize(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) model.weights[i] = float(v[i] * scale);
  model.bias.assign(b.begin(), b.end());
  return model;
}

std::vector<double> predict(const Linear& m, const Vector& x, std::size_t labels) {
  std::vector<double> z(m.bias.begin(), m.bias.end());
  for (const Feature& f : x)
    for (std::size_t k = 0; k < labels; ++k) z[k] += double(m.weights[std::size_t(f.index) * labels + k]) * f.value;
  for (double& v : z) v = sigmoid(v);
  return z;
}

// The threshold that gives label `k` the best F1 over `rows` (ties: the one nearest 0.5);
// 0.5 when no row has the label.
double best_threshold(const std::vector<Prepared>& data, const std::vector<std::vector<double>>& p,
                      const std::vector<std::size_t>& rows, std::size_t k) {
  double best = 0.5, best_f1 = -1;
  for (int step = 2; step <= 95; ++step) {
    const double t = step / 100.0;
    Score s;
    for (std::size_t r : rows) {
      const bool gold = data[r].y[k], got = p[r][k] >= t;
      s.support += gold;
      s.true_positive += gold && got;
      s.false_positive += !gold && got;
    }
    if (s.support == 0) return 0.5;
    const double f = s.f1();
    if (f > best_f1 + 1e-12 || (std::fabs(f - best_f1) <= 1e-12 && std::fabs(t - 0.5) < std::fabs(best - 0.5))) {
      best_f1 = f;
      best = t;
    }
  }
  return best;
}

// Which labels a row gets: those at or above their threshold, and for a passage at most
// `most` of them, the furthest above (on the logit scale, as the analyzers rank them).
std::vector<bool> given(const std::vector<double>& p, const std::vector<double>& thresholds, std::size_t most) {
  const auto logit = [](double v) {
    v = std::clamp(v, 1e-6, 1 - 1e-6);
    return std::log(v / (1 - v));
  };
  std::vector<std::pair<double, std::size_t>> above;
  for (std::size_t k = 0; k < p.size(); ++k)
    if (p[k] >= thresholds[k]) above.emplace_back(logit(p[k]) - logit(thresholds[k]), k);
  std::stable_sort(above.begin(), above.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (above.size() > most) above.resize(most);
  std::vector<bool> out(p.size(), false);
  for (const auto& a : above) out[a.second] = true;
  return out;
}

Report score_rows(std::string slice, const std::vector<Prepared>& data, const std::vector<std::vector<double>>& p,
                  const std::vector<std::size_t>& rows, const std::vector<std::vector<double>>& thresholds,
                  const std::vector<bool>& passage, std::size_t passage_top) {
  const std::size_t labels = thresholds.empty() ? 0 : p[rows.front()].size();
  Report r;
  r.slice = std::move(slice);
  r.examples = rows.size();
  r.per_label.resize(labels);
  Score all;
  std::size_t covered = 0, codes = 0, labelled = 0;
  for (std::size_t row : rows) {
    const auto got = given(p[row], thresholds[row], passage[row] ? passage_top : labels);
    bool any_right = false;
    for (std::size_t k = 0; k < labels; ++k) {
      const bool gold = data[row].y[k];
      Score& s = r.per_label[k];
      s.support += gold;
      s.true_positive += gold && got[k];
      s.false_positive += !gold && got[k];
      any_right = any_right || (gold && got[k]);
      codes += got[k];
    }
    covered += any_right;
    labelled += std::any_of(data[row].y.begin(), data[row].y.end(), [](auto v) { return v != 0; });
  }
  r.with_a_right_code = labelled ? double(covered) / double(labelled) : 0;
  r.codes_per_example = rows.empty() ? 0 : double(codes) / double(rows.size());
  double sum = 0;
  std::size_t counted = 0;
  for (const Score& s : r.per_label) {
    all.support += s.support;
    all.true_positive += s.true_positive;
    all.false_positive += s.false_positive;
    if (s.support) {
      sum += s.f1();
      ++counted;
    }
  }
  r.macro_f1 = counted ? sum / counted : 0;
  r.micro_f1 = all.f1();
  return r;
}

}  // namespace

namespace {

// Terms found in at least min_df examples (not a language's function words), at most
// max_terms of them, with their IDF: a new model's vocabulary, its weights zero.
void learn_vocabulary(const std::vector<Example>& examples, const TrainOptions& options, Model& model) {
  const std::size_t labels = options.labels.size();
  // Vocabulary: terms in at least min_df examples, with their IDF.
  std::unordered_map<std::string, std::uint32_t> df;
  std::set<std::string> function_words;
  {
    std::map<std::string, std::unordered_map<std::string, std::uint32_t>> df_in_language;
    std::map<std::string, std::size_t> examples_in_language;
    std::vector<std::string> seen;
    for (const Example& ex : examples) {
      seen.clear();
      for (const auto& text : ex.texts)
        for_each_term(text, options.word_pairs, options.stems, [&](std::string_view t) { seen.emplace_back(t); });
      std::sort(seen.begin(), seen.end());
      seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
      auto& language_df = df_in_language[ex.language];
      ++examples_in_language[ex.language];
      for (const auto& t : seen) {
        ++df[t];
        ++language_df[t];
      }
    }
    for (const auto& [language, counts] : df_in_language) {
      const std::size_t n = examples_in_language[language];
      if (n < 100) continue;
      for (const auto& [term, count] : counts)
        if (double(count) > options.max_df_share * double(n)) function_words.insert(term);
    }
  }
  model.word_pairs = options.word_pairs;
  model.stems = options.stems;
  model.labels = options.labels;
  {
    std::vector<std::pair<std::uint32_t, const std::string*>> kept;
    for (const auto& [term, count] : df)
      if (count >= options.min_df && !function_words.count(term)) kept.emplace_back(count, &term);
    if (kept.size() > options.max_terms) {
      std::nth_element(kept.begin(), kept.begin() + options.max_terms, kept.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : *a.second < *b.second;
      });
      kept.resize(options.max_terms);
    }
    for (const auto& k : kept) model.terms.push_back(*k.second);
  }
  std::sort(model.terms.begin(), model.terms.end());
  if (model.terms.empty()) throw std::invalid_argument("no term occurs in enough examples to learn from");
  const double n_examples = double(examples.size());
  for (const auto& term : model.terms) model.idf.push_back(float(std::log((1 + n_examples) / (1 + df[term])) + 1));
  df.clear();
  model.index_terms();
  model.bias.assign(labels, 0);
  model.weights.assign(model.terms.size() * labels, 0);
}

}  // namespace

Trained train(const std::vector<Example>& examples, const TrainOptions& options) {
  const std::size_t labels = options.labels.size();
  if (labels == 0) throw std::invalid_argument("no labels to learn");
  std::map<std::string, std::size_t> label_index;
  for (std::size_t k = 0; k < labels; ++k) label_index[options.labels[k]] = k;

  Trained out;
  Model& model = out.model;
  if (options.start) {
    if (options.start->labels != options.labels)
      throw std::invalid_argument("the model to start from has other labels than those to learn");
    model = *options.start;  // its terms, IDF and word pairs; fit() starts from its weights
  } else {
    learn_vocabulary(examples, options, model);
  }

  std::vector<Prepared> data(examples.size());
  std::map<std::string, std::vector<std::size_t>> by_group;
  std::vector<std::size_t> always;  // examples without a group: trained on, never held out
  std::size_t with_labels = 0;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    std::vector<std::string_view> texts(examples[i].texts.begin(), examples[i].texts.end());
    data[i].x = model.vectorize(texts);
    data[i].y.assign(labels, 0);
    for (const auto& l : examples[i].labels)
      if (auto it = label_index.find(l); it != label_index.end()) data[i].y[it->second] = 1;
    with_labels += std::any_of(data[i].y.begin(), data[i].y.end(), [](auto v) { return v != 0; });
    (examples[i].group.empty() ? always : by_group[examples[i].group]).push_back(i);
  }
  if (with_labels == 0) throw std::invalid_argument("no example carries one of the labels");

  // Held out in turn: each group's probabilities from a model that never saw it.
  std::vector<std::vector<double>> held_out(examples.size());
  std::size_t fold = 0;
  for (const auto& [group, rows] : by_group) {
    if (options.progress)
      options.progress("cross-validation " + std::to_string(++fold) + " of " + std::to_string(by_group.size()) +
                       ": holding out " + group + " (" + std::to_string(rows.size()) + " examples)");
    std::vector<std::size_t> train_rows = always;
    for (const auto& [other, other_rows] : by_group)
      if (other != group) train_rows.insert(train_rows.end(), other_rows.begin(), other_rows.end());
    const Linear m = fit(data, train_rows, model.terms.size(), labels, options);
    for (std::size_t r : rows) held_out[r] = predict(m, data[r].x, labels);
  }

  // Thresholds per kind (documents, passages): on every held-out prediction of that kind
  // for the model; for a group's report, on the other groups' only.
  const auto rows_of_kind = [&](bool passage, const std::string& except) {
    std::vector<std::size_t> rows;
    for (const auto& [group, group_rows] : by_group)
      if (group != except)
        for (std::size_t r : group_rows)
          if (examples[r].passage == passage) rows.push_back(r);
    return rows;
  };
  const auto thresholds_on = [&](const std::vector<std::size_t>& rows) {
    std::vector<double> t(labels, 0.5);
    if (!rows.empty())
      for (std::size_t k = 0; k < labels; ++k) t[k] = best_threshold(data, held_out, rows, k);
    return t;
  };
  model.document_threshold = thresholds_on(rows_of_kind(false, {}));
  const auto passage_rows = rows_of_kind(true, {});
  model.passage_threshold = passage_rows.empty() ? model.document_threshold : thresholds_on(passage_rows);

  std::vector<std::vector<double>> row_thresholds(examples.size());
  std::map<std::string, std::vector<std::size_t>> slices;
  for (const auto& [group, rows] : by_group) {
    std::map<bool, std::vector<double>> per_kind;
    for (bool passage : {false, true}) {
      auto others = rows_of_kind(passage, group);
      // A kind held out in one group only has no other group to choose thresholds on: its
      // report uses the other kind's (documents' for passages), never its own items.
      if (others.empty()) others = rows_of_kind(!passage, group);
      per_kind[passage] = thresholds_on(others);
    }
    for (std::size_t r : rows) {
      row_thresholds[r] = per_kind[examples[r].passage];
      const std::string kind = examples[r].passage ? "passages" : "documents";
      slices[kind + ", " + (examples[r].language.empty() ? "?" : examples[r].language)].push_back(r);
      slices[kind + ", all languages"].push_back(r);
      if (!examples[r].passage) slices[kind + ", " + group].push_back(r);
    }
  }
  std::vector<bool> passage(examples.size());
  for (std::size_t i = 0; i < examples.size(); ++i) passage[i] = examples[i].passage;
  for (const auto& [slice, rows] : slices)
    out.reports.push_back(score_rows(slice, data, held_out, rows, row_thresholds, passage, options.passage_top));

  if (options.progress)
    options.progress("training the model on all " + std::to_string(examples.size()) + " examples");
  std::vector<std::size_t> all_rows(examples.size());
  std::iota(all_rows.begin(), all_rows.end(), 0);
  Linear final_model = fit(data, all_rows, model.terms.size(), labels, options);
  model.weights = std::move(final_model.weights);
  model.bias = std::move(final_model.bias);
  return out;
}

}  // namespace dossier::classifier
