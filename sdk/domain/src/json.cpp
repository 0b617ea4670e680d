// The model as JSON (json.hpp): a writer and a reader that visit the fields json_fields.hpp
// lists, each struct's once, so corpus.json is written and read by one description.
#include "dossier/domain/json.hpp"

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <utility>

#include <nlohmann/json.hpp>

#include "json_fields.hpp"
#include "json_writer.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

namespace {

using json = nlohmann::ordered_json;
using detail::JsonWriter;
using detail::json_fields::fields;

std::string dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

// A document's section paths, each made once rather than once per paragraph.
class SectionPaths {
 public:
  explicit SectionPaths(const Document& d) : document_(d), paths_(d.sections.size()) {
    for (std::size_t i = 0; i < paths_.size(); ++i) paths_[i] = d.section_path(static_cast<int>(i));
  }
  // `s` is one of the document's sections.
  const std::string& of(const Section& s) const {
    return paths_[static_cast<std::size_t>(&s - document_.sections.data())];
  }
  const std::string& of(int section) const {
    if (section >= 0 && static_cast<std::size_t>(section) < paths_.size()) return paths_[static_cast<std::size_t>(section)];
    other_ = document_.section_path(section);
    return other_;
  }

 private:
  const Document& document_;
  std::vector<std::string> paths_;
  mutable std::string other_;  // the path of a section index out of range
};

// Writes the fields json_fields.hpp shows it.
class Out {
 public:
  explicit Out(JsonWriter& w) : w_(w) {}

  template <class T>
  void operator()(const char* key, const T& field) {
    w_.key(key);
    put(field);
  }
  template <class T>
  void optional(const char* key, const T& field) {
    if (!empty(field)) (*this)(key, field);
  }
  template <class Of>
  void section_path(const char* key, const Of& of) {
    w_.key(key);
    w_.value(paths_->of(of));
  }
  void offsets(const char* key, std::size_t begin, std::size_t end) {
    if (end == 0) return;
    w_.key(key);
    w_.open('[');
    w_.value(static_cast<unsigned long long>(begin));
    w_.value(static_cast<unsigned long long>(end));
    w_.close(']');
  }

  void put(const std::string& s) { w_.value(s); }
  void put(int v) { w_.value(static_cast<long long>(v)); }
  void put(std::uint32_t v) { w_.value(static_cast<unsigned long long>(v)); }
  // nlohmann's shortest form of a double ("0.85", "1.0"): the function its dump calls, without
  // a json value and a string for each score.
  void put(double v) {
    if (!std::isfinite(v)) return w_.raw("null");
    char number[64];
    const char* end = nlohmann::detail::to_chars(number, number + sizeof number, v);
    w_.raw(std::string_view(number, static_cast<std::size_t>(end - number)));
  }
  void put(BlockKind kind) { w_.value(to_string(kind)); }
  void put(Diagnostic::Severity severity) { w_.value(to_string(severity)); }
  void put(const SourceSpan& span) {
    w_.open('[');
    w_.value(static_cast<unsigned long long>(span.first_line));
    w_.value(static_cast<unsigned long long>(span.last_line));
    w_.close(']');
  }
  void put(const Document& d) {
    const SectionPaths paths(d);
    const SectionPaths* outer = std::exchange(paths_, &paths);  // a version has paths of its own
    object(d);
    paths_ = outer;
  }
  template <class T>
  void put(const std::vector<T>& list) {
    w_.open('[');
    for (const T& item : list) put(item);
    w_.close(']');
  }
  template <class S>
  void put(const S& s) {
    object(s);
  }

 private:
  template <class S>
  void object(const S& s) {
    w_.open('{');
    fields(*this, s);
    w_.close('}');
  }
  template <class T>
  static bool empty(const T& v) {
    return v.empty();
  }
  static bool empty(std::uint32_t v) { return v == 0; }

  JsonWriter& w_;
  const SectionPaths* paths_ = nullptr;
};

// An item of a list of objects that is something else.
struct NotAnObject : std::runtime_error {
  NotAnObject() : std::runtime_error("an item is not an object") {}
};

// Reads the fields json_fields.hpp shows it from one JSON object. What is absent keeps the
// model's default; a string field of another type reads as empty.
class In {
 public:
  explicit In(const json& object) : object_(object) {}

  template <class T>
  void operator()(const char* key, T& field) {
    const auto it = object_.find(key);
    if (it != object_.end()) get(*it, field);
  }
  template <class T>
  void optional(const char* key, T& field) {
    (*this)(key, field);
  }
  template <class Of>
  void section_path(const char*, const Of&) {}  // derived from the section tree
  void offsets(const char* key, std::size_t& begin, std::size_t& end) {
    const auto it = object_.find(key);
    if (it == object_.end() || !it->is_array() || it->size() != 2) return;
    const json& span = *it;
    if (span[0].is_number_unsigned() && span[1].is_number_unsigned()) {
      begin = span[0].get<std::size_t>();
      end = span[1].get<std::size_t>();
    }
  }

  static void get(const json& j, std::string& s) {
    if (j.is_string()) s = j.get<std::string>();
  }
  static void get(const json& j, int& v) { v = j.get<int>(); }
  static void get(const json& j, std::uint32_t& v) { v = j.get<std::uint32_t>(); }
  static void get(const json& j, double& v) { v = j.get<double>(); }
  static void get(const json& j, BlockKind& kind) {
    std::string name;
    get(j, name);
    if (!parse_block_kind(name, kind)) kind = BlockKind::text;
  }
  static void get(const json& j, Diagnostic::Severity& severity) {
    std::string name;
    get(j, name);
    severity = name == "info"    ? Diagnostic::Severity::info
               : name == "error" ? Diagnostic::Severity::error
                                 : Diagnostic::Severity::warning;
  }
  static void get(const json& j, SourceSpan& span) {
    if (!j.is_array() || j.size() != 2) return;
    span.first_line = j[0].get<std::uint32_t>();
    span.last_line = j[1].get<std::uint32_t>();
  }
  static void get(const json& j, std::vector<std::string>& list) {
    if (j.is_array()) list = j.get<std::vector<std::string>>();
  }
  static void get(const json& j, std::vector<std::vector<std::string>>& rows) {
    rows = j.get<std::vector<std::vector<std::string>>>();
  }
  template <class T>
  static void get(const json& j, std::vector<T>& list) {
    for (const json& item : j) get(item, list.emplace_back());
  }
  template <class S>
  static void get(const json& j, S& s) {
    if (!j.is_object()) throw NotAnObject();
    In in(j);
    fields(in, s);
  }

 private:
  const json& object_;
};

json parse(std::string_view text, const std::string& malformed) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    throw std::runtime_error(malformed + e.what());
  }
}

// `read` fills what the JSON holds; its errors become std::runtime_error("<malformed>...").
template <class Read>
void converting(const std::string& malformed, const Read& read) {
  try {
    read();
  } catch (const json::exception& e) {
    throw std::runtime_error(malformed + e.what());
  } catch (const NotAnObject& e) {
    throw std::runtime_error(malformed + e.what());
  }
}

}  // namespace

std::string to_json(const Document& document, int indent) {
  std::string compact;
  compact.reserve(1024 + document.blocks.size() * 400);
  JsonWriter w(compact);
  Out(w).put(document);
  return indent < 0 ? compact : dump(json::parse(compact), indent);
}

std::string to_json(const Annotation& annotation, int indent) {
  std::string compact;
  compact.reserve(256);
  JsonWriter w(compact);
  Out(w).put(annotation);
  return indent < 0 ? compact : dump(json::parse(compact), indent);
}

Document document_from_json(std::string_view text) {
  const std::string malformed = "malformed document JSON: ";
  const json j = parse(text, malformed);
  if (!j.is_object()) throw std::runtime_error(malformed + "not an object");
  Document d;
  converting(malformed, [&] { In::get(j, d); });
  return d;
}

Corpus corpus_from_json(std::string_view text) {
  const json j = parse(text, "corpus: not JSON: ");
  if (!j.is_object() || !j.contains("annotations"))
    throw std::runtime_error("corpus: no \"annotations\" (is this a corpus.json written by the json exporter?)");
  Corpus corpus;
  converting("corpus: malformed: ", [&] {
    In in(j);
    in("documents", corpus.documents);
    in("annotations", corpus.annotations);
  });
  return corpus;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
