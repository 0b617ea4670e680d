// Section headings: their printed labels, the outline level each style stands at, and the
// sequences labels of one style follow (I, II, III; A, B, C; 1, 2, 3).
#pragma once

#include <string>

namespace dossier::readers {

enum class LabelStyle { none, roman, upper_letter, numeric, paren_number, paren_letter, named, annex };

struct Label {
  LabelStyle style = LabelStyle::none;
  std::string text;  ///< as printed, without the trailing "." or ":"
  int depth = 1;     ///< dotted numbers: "6.1" has depth 2
};

/// Splits a heading's label from its title: "IV. Conclusions", "B. Recommendations",
/// "6.1. ROUNDTABLE 1", "(1) Guaranteeing", "RT Session 1.1: Partnerships", and an annex
/// ("Annex", "Annex II: List of participants"; its title may be empty).
bool split_label(const std::string& line, Label& label, std::string& rest);

/// The UN's outline order (I. > A. > 1. > (a)), with GFMD's named sessions under numbered
/// sections and "(1)" focus areas under them. Levels only need to order, not to be dense.
int level_of(const Label& label);

/// The value of a label in its style's sequence: "IV" -> 4, "C" -> 3, "6.2" -> 2, "(3)" -> 3;
/// 0 when the style has no sequence (named labels) or the label cannot be read.
int label_value(const Label& label);

/// Whether a heading labelled `label` can come next in its style's sequence after the last
/// heading of that style, `previous` (value 0 when there was none): the first of a sequence
/// (1, I, A), the next one, or the next but one (a heading lost on the way). A label that
/// would break the sequence ("12" after "3") is more likely a number that lost its line
/// (a page number, a footnote) than a heading.
bool continues_sequence(const Label& label, int previous);

}  // namespace dossier::readers
