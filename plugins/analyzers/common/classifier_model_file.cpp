// The model file (docs/classifier.md, "Model file"): Model::serialize() and Model::parse().
#include "classifier.hpp"
#include "bytes_hash.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace dossier::classifier {
namespace {

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

// Header lines of "key: value", a blank line, then per term: its length (u32), its bytes,
// its IDF (float32) and one int16 per label, all little-endian. Weights are stored as
// int16 times a per-label scale: a sixth of the size of text, and the scores differ from
// the trained floats by less than 1e-4 of the largest weight.
std::string Model::header(const std::vector<double>& scale) const {
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
  line("terms", std::to_string(term_count()));
  out += "\n";
  return out;
}

std::string Model::serialize() const {
  const std::size_t n = labels.size();
  const std::size_t count = term_count();
  const Tables tables = this->tables();
  const float* const weights = tables.weights;
  std::vector<double> scale(n, 1.0);
  for (std::size_t k = 0; k < n; ++k) {
    double most = 0;
    for (std::size_t t = 0; t < count; ++t) most = std::max(most, std::fabs(double(weights[t * n + k])));
    if (most > 0) scale[k] = most / 32767;
  }
  std::string out = header(scale);
  for (std::size_t t = 0; t < count; ++t) {
    const std::string_view term = this->term(t);
    put_u32(out, std::uint32_t(term.size()));
    out += term;
    std::uint32_t bits;
    std::memcpy(&bits, &tables.idf[t], 4);
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

std::size_t Model::read_header(std::string_view bytes, const std::string& name_for_errors, Model& m,
                               std::vector<double>& scale, std::size_t& terms) {
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
  scale = numbers("weight_scale", false);
  const std::vector<double> count = parse_numbers(need("terms"), name_for_errors + ": terms");
  // Bounded before the conversion: a count past what a size_t holds cannot be converted.
  if (count.size() != 1 || !(count[0] >= 0 && count[0] < 9007199254740992.0) || count[0] != std::floor(count[0]))
    throw fail("bad term count");
  terms = static_cast<std::size_t>(count[0]);
  return pos;
}

Model Model::parse(std::string_view bytes, const std::string& name_for_errors) {
  const auto fail = [&](const std::string& what) -> std::runtime_error {
    return std::runtime_error(name_for_errors + ": not a usable model file: " + what);
  };
  Model m;
  std::vector<double> scale;
  std::size_t terms = 0;
  std::size_t pos = read_header(bytes, name_for_errors, m, scale, terms);
  const std::size_t n = m.labels.size();
  // Each term takes at least 4 + 1 + 4 + 2n bytes: a count the file cannot hold is refused
  // before anything is allocated for it.
  if (terms > (bytes.size() - pos) / (9 + 2 * n)) throw fail("it is truncated (fewer terms than announced)");
  m.terms.reserve(terms);
  m.idf.resize(terms);
  // Written by index, not push_back: the loop over a term's weights then compiles to a few
  // vector instructions instead of a capacity check and a reload of the vector per weight.
  m.weights.resize(terms * n);
  float* weight = m.weights.data();
  const double* const scales = scale.data();
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (std::size_t t = 0; t < terms; ++t) {
    if (bytes.size() - pos < 4) throw fail("it is truncated");
    const std::uint32_t length = get_u32(p + pos);
    pos += 4;
    if (length == 0 || length > 1024 || bytes.size() - pos < length + 4 + 2 * n) throw fail("it is truncated");
    // Sized, then filled by memcpy: constructing from the view inlined a `rep movs`, whose
    // start-up cost is most of copying a term of a few bytes (a fifth of the parse).
    std::string& term = m.terms.emplace_back(length, '\0');
    std::memcpy(term.data(), p + pos, length);
    pos += length;
    const std::uint32_t bits = get_u32(p + pos);
    pos += 4;
    float idf;
    std::memcpy(&idf, &bits, 4);
    if (!std::isfinite(idf) || idf <= 0) throw fail("a term's IDF is not a positive number");
    m.idf[t] = idf;
    const unsigned char* const row = p + pos;
    for (std::size_t k = 0; k < n; ++k) {
      const auto q = static_cast<std::int16_t>(std::uint16_t(row[2 * k]) | std::uint16_t(row[2 * k + 1]) << 8);
      weight[k] = float(q * scales[k]);
    }
    weight += n;
    pos += 2 * n;
  }
  if (pos != bytes.size()) throw fail("bytes after the last term");
  m.index_terms();
  // Strictly increasing, in one pass: each term listed once, in order.
  if (std::adjacent_find(m.terms.begin(), m.terms.end(),
                         [](const std::string& a, const std::string& b) { return !(a < b); }) != m.terms.end())
    throw fail("terms are not listed once each, in order");
  return m;
}

// The image (image(), view()): a fixed head, then the model file's header lines, then each
// table as the lookups read it, each at a multiple of 64 bytes (a cache line) from the start.
// Numbers are in this machine's byte order and the slots placed by this build's hash: the
// head carries a hash of a fixed text, which tells both.
namespace {

constexpr char image_magic[16] = "dossier-image 1";
constexpr std::size_t section_alignment = 64;
std::uint64_t image_check() { return analyzers::hash_bytes("dossier model image: the hash and byte order"); }

struct ImageHead {
  char magic[16];
  std::uint64_t check;
  std::uint64_t size;  // of the whole image
  std::uint64_t terms, labels, slots, filter_words, ideographs, term_bytes;
  // Where each part starts; the sizes follow from the counts above.
  std::uint64_t header, header_size, bias, document_threshold, passage_threshold, idf, weights, slot_table,
      filter, ideograph_table, term_offsets, term_text;
};

std::size_t align_up(std::size_t n) { return (n + section_alignment - 1) / section_alignment * section_alignment; }

}  // namespace

std::string Model::image() const {
  const Tables t = tables();
  if (!t.slots) throw std::logic_error("Model::image: the term index is not built");
  const std::size_t count = term_count(), n = labels.size();
  std::string out(align_up(sizeof(ImageHead)), '\0');
  ImageHead head{};
  std::memcpy(head.magic, image_magic, sizeof head.magic);
  head.check = image_check();
  head.terms = count;
  head.labels = n;
  head.slots = mask_ + 1;
  head.filter_words = (filter_mask_ + 1) / 64;
  head.ideographs = ideograph_table_size;
  const auto put = [&](const void* data, std::size_t bytes) {
    const std::size_t at = out.size();
    out.append(static_cast<const char*>(data), bytes);
    out.resize(align_up(out.size()), '\0');
    return std::uint64_t(at);
  };
  const std::string text = header(std::vector<double>(n, 1.0));
  head.header = put(text.data(), text.size());
  head.header_size = text.size();
  head.bias = put(bias.data(), n * sizeof(float));
  head.document_threshold = put(document_threshold.data(), n * sizeof(double));
  head.passage_threshold = put(passage_threshold.data(), n * sizeof(double));
  head.idf = put(t.idf, count * sizeof(float));
  head.weights = put(t.weights, count * n * sizeof(float));
  head.slot_table = put(t.slots, head.slots * sizeof(Slot));
  head.filter = put(t.filter, head.filter_words * sizeof(std::uint64_t));
  head.ideograph_table = put(t.ideographs, head.ideographs * sizeof(std::uint32_t));
  std::vector<std::uint32_t> offsets(count + 1, 0);
  std::string bytes;
  for (std::size_t i = 0; i < count; ++i) {
    bytes += term(i);
    if (bytes.size() > 0xFFFFFFFFu) throw std::length_error("Model::image: terms of more than 4 GB");
    offsets[i + 1] = std::uint32_t(bytes.size());
  }
  head.term_bytes = bytes.size();
  head.term_offsets = put(offsets.data(), offsets.size() * sizeof(std::uint32_t));
  head.term_text = put(bytes.data(), bytes.size());
  head.size = out.size();
  std::memcpy(out.data(), &head, sizeof head);
  return out;
}

Model Model::view(std::string_view image, const std::string& name_for_errors) {
  const auto fail = [&](const std::string& what) -> std::runtime_error {
    return std::runtime_error(name_for_errors + ": not a usable model image: " + what);
  };
  ImageHead head;
  if (image.size() < sizeof head) throw fail("it is truncated");
  std::memcpy(&head, image.data(), sizeof head);
  if (std::memcmp(head.magic, image_magic, sizeof head.magic) != 0) throw fail("it does not start with its magic");
  if (head.check != image_check()) throw fail("it was made by a build with another hash or byte order");
  if (head.size != image.size()) throw fail("its size is not the one it records");
  if (reinterpret_cast<std::uintptr_t>(image.data()) % alignof(std::uint64_t) != 0) throw fail("it is not aligned");
  // Every part inside the image, aligned as its numbers need; every count bounded, so that
  // no product below can overflow.
  const std::uint64_t most = std::uint64_t{1} << 40;
  if (head.terms > 0xFFFFFFF0u || head.labels == 0 || head.labels > 4096 || head.slots > most ||
      head.filter_words > most || head.term_bytes > 0xFFFFFFFFu ||
      head.ideographs != ideograph_table_size)
    throw fail("its counts are out of range");
  const auto part = [&](std::uint64_t at, std::uint64_t bytes, const char* what) {
    if (at % section_alignment != 0 || at > image.size() || bytes > image.size() - at)
      throw fail(std::string("its ") + what + " lies outside it");
    return image.data() + at;
  };
  Model m;
  std::vector<double> scale;
  std::size_t terms = 0;
  const char* const text = part(head.header, head.header_size, "header");
  if (read_header(std::string_view(text, head.header_size), name_for_errors, m, scale, terms) != head.header_size)
    throw fail("its header does not end where it records");
  const std::size_t n = m.labels.size(), count = head.terms;
  if (n != head.labels || terms != count) throw fail("its header's counts differ from its tables'");
  const auto doubles = [&](std::uint64_t at) {
    std::vector<double> v(n);
    std::memcpy(v.data(), part(at, n * sizeof(double), "thresholds"), n * sizeof(double));
    for (double x : v)
      if (!(x >= 0 && x <= 1)) throw fail("a threshold outside 0..1");
    return v;
  };
  m.document_threshold = doubles(head.document_threshold);
  m.passage_threshold = doubles(head.passage_threshold);
  std::memcpy(m.bias.data(), part(head.bias, n * sizeof(float), "bias"), n * sizeof(float));
  for (float b : m.bias)
    if (!std::isfinite(b)) throw fail("a bias is not a number");
  const std::size_t slots = head.slots, filter_bits = head.filter_words * 64;
  if (slots < 16 || (slots & (slots - 1)) != 0 || slots < 2 * count) throw fail("its term index has a bad size");
  if (filter_bits < 1024 || (filter_bits & (filter_bits - 1)) != 0) throw fail("its filter has a bad size");
  Tables& v = m.view_;
  v.terms = count;
  v.idf = reinterpret_cast<const float*>(part(head.idf, count * sizeof(float), "IDF"));
  v.weights = reinterpret_cast<const float*>(part(head.weights, count * n * sizeof(float), "weights"));
  for (std::size_t i = 0; i < count * n; ++i)
    if (!std::isfinite(v.weights[i])) throw fail("a weight is not a number");
  v.filter = reinterpret_cast<const std::uint64_t*>(part(head.filter, filter_bits / 8, "filter"));
  v.ideographs = reinterpret_cast<const std::uint32_t*>(
      part(head.ideograph_table, head.ideographs * sizeof(std::uint32_t), "ideographs"));
  v.term_offsets = reinterpret_cast<const std::uint32_t*>(
      part(head.term_offsets, (count + 1) * sizeof(std::uint32_t), "term offsets"));
  v.term_bytes = part(head.term_text, head.term_bytes, "terms");
  const auto* slot = reinterpret_cast<const Slot*>(part(head.slot_table, slots * sizeof(Slot), "term index"));
  // What a lookup follows without a bound is checked once here: each term's bytes inside the
  // image and not empty, each slot's and ideograph's index a term, each IDF a positive number.
  if (v.term_offsets[0] != 0 || v.term_offsets[count] != head.term_bytes) throw fail("its terms are out of place");
  for (std::size_t i = 0; i < count; ++i) {
    if (v.term_offsets[i + 1] <= v.term_offsets[i]) throw fail("its terms are out of place");
    if (!std::isfinite(v.idf[i]) || v.idf[i] <= 0) throw fail("a term's IDF is not a positive number");
  }
  std::size_t empty = 0;
  for (std::size_t i = 0; i < slots; ++i) {
    // An index of 0 (no term) in a slot that is not empty would name term -1.
    if (std::uint32_t(slot[i].hash_index) > count || (slot[i].hash_index != 0 && std::uint32_t(slot[i].hash_index) == 0))
      throw fail("its term index names a term it lacks");
    empty += slot[i].hash_index == 0;
  }
  if (empty == 0) throw fail("its term index has no empty slot");  // a lookup would not end
  for (std::size_t i = 0; i < head.ideographs; ++i)
    if (v.ideographs[i] > count) throw fail("its ideographs name a term it lacks");
  m.mask_ = slots - 1;
  m.filter_mask_ = filter_bits - 1;
  v.slots = slot;
  return m;
}

}  // namespace dossier::classifier
