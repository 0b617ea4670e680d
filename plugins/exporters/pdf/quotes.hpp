// What a brief quotes of a recommendation: the official version of its document in the
// brief's language when the corpus holds one and its paragraph lines up with the original's,
// else the text as read, marked as the original. From the model only: the host joins the
// language versions of one symbol (Document::versions), their paragraphs addressed alike.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <dossier/model.hpp>

namespace dossier::pdf {

struct Quote {
  const Document* document = nullptr;  ///< what is quoted: the document or one of its versions
  std::string text;
  std::string language;  ///< of the text quoted (Document::language)
  /// The addressee in the language of the text quoted; empty when unknown there (a version
  /// whose reader found none and took the original's, in the original's language).
  std::string addressee;
  /// Empty when the text is in the brief's language; else why it is not, for the log:
  /// "the corpus has no French version", "A/RES/78/231, para. 2 of the Arabic version is 2.4
  /// times as long as its paragraphs are elsewhere: not quoted".
  std::string why_original;
  bool misaligned = false;  ///< a version exists but this paragraph of it cannot be trusted
};

/// Finds the quotes of one brief. A version's paragraph is trusted when it has the
/// recommendation's address and its length is within a factor 2 of what the version's
/// paragraphs have in common with the original's (the median ratio of their lengths): of the
/// 33,700 operative paragraphs of the General Assembly's 78th session in five languages, 99.9%
/// lie within that band, and those outside are paragraphs cut short (their items not joined)
/// or shifted (bench/brief_keys.py alignment).
/// A version with more than a fifth of its paragraphs outside (two at least) is not quoted at all.
class Quotes {
 public:
  explicit Quotes(std::string language) : language_(std::move(language)) {}
  Quote of(const Document& document, const Recommendation& recommendation);

 private:
  struct Alignment {
    double median = 1;  ///< of version length / original length, paragraph by paragraph
    std::size_t compared = 0, outside = 0;
    bool usable() const { return !(outside >= 2 && outside * 5 > compared); }
  };
  const Alignment& alignment(const Document& original, const Document& version);
  std::string language_;
  std::map<const Document*, Alignment> alignments_;
};

/// "in French", for the log (in English); "in 'de'" for a language without labels.
std::string in_language_words(const std::string& language);

/// Length in characters (code points), the unit the alignment compares.
std::size_t characters(std::string_view text);

}  // namespace dossier::pdf
