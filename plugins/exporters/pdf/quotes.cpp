#include "quotes.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <vector>

#include <dossier/corpus_view.hpp>
#include <dossier/domain/citation.hpp>

#include "labels.hpp"

namespace dossier::pdf {

namespace {

// A version's paragraph whose length, against the original's, strays beyond this factor of
// the ratio the two texts keep elsewhere is not the same paragraph (quotes.hpp).
constexpr double kLengthBand = 2.0;

}  // namespace

std::string in_language_words(const std::string& language) {
  const std::string base = label_language(language);
  return base.empty() ? "in '" + language + "'" : label("in_" + base, "en");
}

std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

const Quotes::Alignment& Quotes::alignment(const Document& original, const Document& version) {
  const auto known = alignments_.find(&version);
  if (known != alignments_.end()) return known->second;
  std::unordered_map<std::string_view, std::size_t> length_of;
  for (const Block& b : original.blocks)
    if (!b.text.empty()) length_of.emplace(b.address, characters(b.text));
  std::vector<double> ratios;
  for (const Block& b : version.blocks) {
    const auto theirs = length_of.find(b.address);
    if (theirs != length_of.end() && !b.text.empty())
      ratios.push_back(static_cast<double>(characters(b.text)) / static_cast<double>(theirs->second));
  }
  Alignment a;
  a.compared = ratios.size();
  if (!ratios.empty()) {
    std::nth_element(ratios.begin(), ratios.begin() + ratios.size() / 2, ratios.end());
    a.median = ratios[ratios.size() / 2];
    for (double r : ratios) a.outside += r > a.median * kLengthBand || r < a.median / kLengthBand;
  }
  return alignments_.emplace(&version, a).first->second;
}

Quote Quotes::of(const Document& document, const Recommendation& r) {
  Quote q{&document, r.text, document.language, r.addressee, {}, false};
  if (label_language(document.language) == label_language(language_) && !document.language.empty()) return q;
  const Document* version = in_language(document, language_);
  if (!version) {
    for (const Document& v : document.versions)
      if (label_language(v.language) == label_language(language_)) version = &v;  // "fr-CA" for "fr"
  }
  const std::string where = human_citation(document, r.address, "en");
  if (!version || version == &document) {
    q.why_original = "the corpus has no version " + in_language_words(language_) + " of " + cited_name(document);
    return q;
  }
  const std::string of_version = where + " " + in_language_words(version->language);
  const Alignment& a = alignment(document, *version);
  if (!a.usable()) {
    q.misaligned = true;
    q.why_original = "the paragraphs of " + cited_name(document) + " " + in_language_words(version->language) +
                     " do not line up with the original's (" + std::to_string(a.outside) + " of " +
                     std::to_string(a.compared) + " differ in length beyond the usual ratio): " + where +
                     " quoted in the original";
    return q;
  }
  const std::string* text = nullptr;
  std::string addressee;
  for (const Recommendation& theirs : version->recommendations)
    if (theirs.address == r.address && !theirs.text.empty()) {
      text = &theirs.text;
      if (theirs.addressee != r.addressee) addressee = theirs.addressee;  // else the original's, untranslated
      break;
    }
  if (!text) {
    // A paragraph the version's reader did not take for a recommendation: its block, when the
    // original's recommendation is its block alone (no list items joined to it).
    const Block* mine = nullptr;
    for (const Block& b : document.blocks)
      if (b.address == r.address) {
        mine = &b;
        break;
      }
    if (mine && mine->text == r.text)
      for (const Block& b : version->blocks)
        if (b.address == r.address && !b.text.empty()) {
          text = &b.text;
          break;
        }
  }
  if (!text) {
    q.misaligned = true;
    q.why_original = of_version + " is not in the corpus: quoted in the original";
    return q;
  }
  const double ratio = static_cast<double>(characters(*text)) / static_cast<double>(std::max<std::size_t>(1, characters(r.text)));
  const double against = ratio / a.median;
  if (against > kLengthBand || against < 1 / kLengthBand) {
    char factor[32];
    std::snprintf(factor, sizeof factor, "%.2g", against);
    q.misaligned = true;
    q.why_original = of_version + " is " + factor +
                     " times as long, against the original, as the two texts' paragraphs are elsewhere: "
                     "not the same paragraph, quoted in the original";
    return q;
  }
  return {version, *text, version->language, addressee, {}, false};
}

}  // namespace dossier::pdf
