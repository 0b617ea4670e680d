// The model file (docs/classifier.md, "Model file"): Model::serialize() and Model::parse().
#include "classifier.hpp"

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

}  // namespace dossier::classifier
