// Finding what a citation names: the citations people read (human_citation.cpp), matched back
// to blocks by writing each block's citation again, and a document's addresses inside text.
#include <algorithm>

#include "address_search.hpp"
#include "citation_forms.hpp"
#include "dossier/domain/citation.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

namespace {

/// What comparing citations ignores: case, the kind of comma and the space around it, spacing,
/// the full stop of abbreviations, bidirectional controls (a right-to-left layout adds them).
std::string normalised(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const std::string_view rest = text.substr(i);
    auto starts = [&](std::string_view s) { return rest.compare(0, s.size(), s) == 0; };
    char put = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (starts("\xE2\x80\x8E") || starts("\xE2\x80\x8F") || starts("\xE2\x81\xA6") || starts("\xE2\x81\xA7") ||
        starts("\xE2\x81\xA8") || starts("\xE2\x81\xA9")) {
      i += 2;
      continue;
    }
    if (starts("\xD8\x9C")) {  // Arabic letter mark
      i += 1;
      continue;
    }
    if (starts("\xC2\xA0")) {
      i += 1;
      put = ' ';
    } else if (starts("\xE2\x80\xAF")) {
      i += 2;
      put = ' ';
    } else if (starts("\xD8\x8C")) {
      i += 1;
      put = ',';
    } else if (starts("\xEF\xBC\x8C")) {
      i += 2;
      put = ',';
    } else if (c == '\t' || c == '\n' || c == '\r') {
      put = ' ';
    }
    if (put == ' ' && (out.empty() || out.back() == ' ' || out.back() == ',')) continue;
    if (put == ',' && !out.empty() && out.back() == ' ') out.pop_back();
    out += put;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // "para." and "para" alike: a full stop before a space, a comma or the end goes.
  std::string kept;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (!(out[i] == '.' && (i + 1 == out.size() || out[i + 1] == ' ' || out[i + 1] == ','))) kept += out[i];
  return kept;
}

/// The names a document may be cited by, normalised, the one citations print first.
std::vector<std::string> names_of(const Document& d) {
  std::vector<std::string> names;
  for (const std::string& name : {cited_name(d), d.symbol, metadata_value(d, "short_title"), tidy_name(d.title), d.id}) {
    std::string n = normalised(name);
    if (!n.empty() && std::find(names.begin(), names.end(), n) == names.end()) names.push_back(std::move(n));
  }
  return names;
}

bool is_excerpt(const Document& d) {
  return std::any_of(d.links.begin(), d.links.end(), [](const DocumentLink& l) { return l.relation == "excerpt_of"; });
}

/// The match of `cited` (normalised) in `d`, if any.
bool match_in(const std::string& cited, const Document& d, HumanCitationMatch& out) {
  for (const std::string& name : names_of(d)) {
    if (cited.compare(0, name.size(), name) != 0) continue;
    if (cited.size() == name.size()) {
      out = {&d, "", ""};
      return true;
    }
    if (cited[name.size()] != ',' && cited[name.size()] != ' ') continue;
    const std::string rest = cited.substr(name.size() + (cited[name.size()] == ' ' ? 1 : 0));
    for (const Block& b : d.blocks) {
      Place place;
      if (!place_of(d, b.address, place)) continue;
      for (std::size_t lang = 0; lang < language_count; ++lang) {
        if (normalised(attached_text(place) + place_text(place, static_cast<Language>(lang))) == rest) {
          out = {&d, b.address, language_codes[lang]};
          return true;
        }
      }
    }
  }
  return false;
}

}  // namespace

std::string cite_places_in(std::string_view text, const Document& document, std::string_view language) {
  const std::string& id = document.id;
  if (id.empty()) return std::string(text);
  // Only whole addresses: an id alone ("table", "report") may be a word of the message.
  std::string out;
  std::size_t from = 0;
  for (std::size_t at = text.find(id); at != std::string_view::npos; at = text.find(id, at + 1)) {
    if (at < from || !starts_word(text, at)) continue;
    const std::size_t length = address_length_at(text, at, id.size(), document);
    if (!length) continue;
    out.append(text.substr(from, at - from));
    out += human_place(document, text.substr(at, length), language);
    from = at + length;
  }
  out.append(text.substr(from));
  return out;
}

bool find_human_citation(std::string_view text, const std::vector<Document>& documents, HumanCitationMatch& out) {
  const std::string cited = normalised(text);
  if (cited.empty()) return false;
  // A full document before a page of it: "A/68/283, para. 50" is the report's paragraph.
  for (const bool excerpts : {false, true})
    for (const Document& d : documents)
      if (is_excerpt(d) == excerpts && match_in(cited, d, out)) return true;
  return false;
}

bool starts_word(std::string_view text, std::size_t at) {
  if (at == 0) return true;
  const unsigned char c = static_cast<unsigned char>(text[at - 1]);
  return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
}

std::size_t address_length_at(std::string_view text, std::size_t at, std::size_t id_length, const Document& document) {
  const std::size_t id = document.id.size();
  const std::size_t from = at + id_length;
  std::size_t best = 0;
  auto consider = [&](const std::string& address) {
    if (address.size() <= id || address.size() - id <= best) return;
    const std::string_view tail = std::string_view(address).substr(id);
    if (text.compare(from, tail.size(), tail) != 0) return;
    // The address must end where a word does: "¶1" is not the start of "¶12" or "¶1(a)".
    const std::size_t end = from + tail.size();
    if (end < text.size()) {
      const char next = text[end];
      const bool continues = (next >= '0' && next <= '9') || (next >= 'a' && next <= 'z') ||
                             (next >= 'A' && next <= 'Z') || next == '(' ||
                             (next == '.' && end + 1 < text.size() && text[end + 1] >= '0' && text[end + 1] <= '9');
      if (continues) return;
    }
    best = tail.size();
  };
  for (const Block& b : document.blocks) consider(b.address);
  for (const Recommendation& r : document.recommendations) consider(r.address);
  return best ? id_length + best : 0;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
