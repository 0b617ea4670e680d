#include "vocabulary.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include <toml++/toml.h>

#include <dossier/model.hpp>
#include <dossier/domain/reference_data.hpp>

namespace dossier::vocabulary {

namespace {

[[noreturn]] void fail(const std::string& name, const toml::node* node, const std::string& message) {
  std::ostringstream out;
  out << name;
  if (node && node->source().begin.line) out << ':' << node->source().begin.line;
  out << ": " << message;
  throw std::runtime_error(out.str());
}

bool number_in(const std::string& s, int low, int high) {
  if (s.empty() || s.size() > 2 || s[0] == '0') return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  const int n = std::stoi(s);
  return n >= low && n <= high;
}

// sdg: a target of one of the 17 goals ("10.7", "10.a"); gcm: "1".."23" or "cluster-1".."cluster-6".
bool valid_code(const std::string& scheme, const std::string& code) {
  if (scheme == dossier::scheme::gcm) {
    if (code.rfind("cluster-", 0) == 0) return number_in(code.substr(8), 1, 6);
    return number_in(code, 1, 23);
  }
  const auto dot = code.find('.');
  if (dot == std::string::npos || !number_in(code.substr(0, dot), 1, 17)) return false;
  const std::string target = code.substr(dot + 1);
  return number_in(target, 1, 20) || (target.size() == 1 && target[0] >= 'a' && target[0] <= 'z');
}

}  // namespace

std::vector<aurora::TargetQuery> queries_of(const Vocabulary& v) {
  std::vector<aurora::TargetQuery> queries;
  for (const auto& r : v.rules) {
    const std::string goal = v.scheme == dossier::scheme::sdg ? r.code.substr(0, r.code.find('.')) : r.code;
    queries.push_back({goal, r.code, r.query});
  }
  return queries;
}

Vocabulary parse(const std::string& text, const std::string& name) {
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    std::ostringstream out;
    out << name << ':' << e.source().begin.line << ": " << e.description();
    throw std::runtime_error(out.str());
  }
  Vocabulary v;
  for (const auto& [key, node] : root) {
    const std::string k(key.str());
    if (k != "version" && k != "scheme" && k != "rule") fail(name, &node, "unknown key '" + k + "'");
  }
  v.version = root["version"].value_or(std::string());
  v.scheme = root["scheme"].value_or(std::string());
  if (v.scheme != dossier::scheme::sdg && v.scheme != dossier::scheme::gcm) fail(name, nullptr, "'scheme' must be \"sdg\" or \"gcm\"");
  const toml::array* rules = root["rule"].as_array();
  if (!rules) return v;
  for (const auto& node : *rules) {
    const toml::table* t = node.as_table();
    if (!t) fail(name, &node, "each [[rule]] must be a table");
    Rule r;
    for (const auto& [key, value] : *t) {
      const std::string k(key.str());
      if (k == "code" && value.is_string()) r.code = **value.as_string();
      else if (k == "query" && value.is_string()) r.query = **value.as_string();
      else if (k == "note" && value.is_string()) r.note = **value.as_string();
      else if (k == "generic" && value.is_boolean()) r.generic = **value.as_boolean();
      else if (k == "weight" && (value.is_floating_point() || value.is_integer()))
        r.weight = value.is_integer() ? static_cast<double>(**value.as_integer()) : **value.as_floating_point();
      else fail(name, &value, "unknown key or wrong type: '" + k + "'");
    }
    if (r.code.empty() || r.query.empty()) fail(name, &node, "a [[rule]] needs 'code' and 'query'");
    if (!valid_code(v.scheme, r.code))
      fail(name, &node,
           "'code' \"" + r.code + "\" is not " +
               (v.scheme == dossier::scheme::sdg ? "an SDG target (\"10.7\", \"10.a\")"
                                  : "a GCM objective (\"1\"..\"23\") or cluster (\"cluster-1\"..\"cluster-6\")"));
    if (r.weight < 0 || r.weight > 1) fail(name, &node, "'weight' must be between 0 and 1");
    v.rules.push_back(std::move(r));
  }
  return v;
}

Compiled::Compiled(Vocabulary vocabulary)
    : vocabulary_(std::move(vocabulary)), matcher_(queries_of(vocabulary_)) {}

std::vector<Compiled::Hit> Compiled::match(std::string_view text) const {
  std::vector<Hit> hits;
  for (auto& m : matcher_.match(text)) hits.push_back({&vocabulary_.rules[m.query], std::move(m.evidence)});
  return hits;
}

const Compiled* builtin(const std::string& scheme) {
  // One per scheme; std::map nodes never move, and C++11 statics initialise once.
  static std::mutex lock;
  static std::map<std::string, std::unique_ptr<Compiled>> compiled;
  std::lock_guard<std::mutex> guard(lock);
  auto it = compiled.find(scheme);
  if (it == compiled.end()) {
    const std::string text = vocabulary_file(scheme);
    it = compiled.emplace(scheme, text.empty() ? nullptr
                                               : std::make_unique<Compiled>(parse(text, scheme + ".toml")))
             .first;
  }
  return it->second.get();
}

Vocabulary load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("vocabulary " + path + ": cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path);
}

std::vector<const Compiled*> Selection::for_options(const std::string& scheme, const Options& options,
                                                    bool builtin_allowed) {
  std::vector<const Compiled*> out;
  if (builtin_allowed && options.get_bool("builtin_vocabulary", true))
    if (const auto* b = builtin(scheme)) out.push_back(b);
  const std::string extra = options.get("vocabulary");
  if (!extra.empty()) out.push_back(&extra_.get(extra, [](const std::string& path) { return load_file(path); }));
  return out;
}

std::string matched_line(std::initializer_list<std::string_view> head, const std::vector<std::string_view>& words) {
  std::size_t size = 9;  // " matched:"
  for (const auto part : head) size += part.size();
  for (const auto w : words) size += w.size() + 3;
  std::string line;
  line.reserve(size);
  for (const auto part : head) line.append(part);
  line.append(" matched:");
  for (const auto w : words) line.append(" \"").append(w).append("\"");
  return line;
}

std::string evidence_line(const Vocabulary& vocabulary, const Rule& rule, const std::vector<std::string_view>& words,
                          const std::string& what) {
  const bool note = !rule.note.empty();
  return matched_line({"vocabulary ", vocabulary.version, " rule for ", what, note ? " (" : "", rule.note,
                       rule.generic ? (note ? "; " : " (") : "", rule.generic ? "a generic phrase, never alone" : "",
                       note || rule.generic ? ")" : ""},
                      words);
}

void Evidence::add(double score, std::string line, bool generic) {
  if (std::find(lines.begin(), lines.end(), line) != lines.end()) return;
  specific = specific || !generic;
  miss *= 1.0 - std::min(1.0, std::max(0.0, score));
  if (lines.empty()) lines.reserve(4);  // a code has a few lines: one allocation, not three
  lines.push_back(std::move(line));
}

}  // namespace dossier::vocabulary
