// A reader checks its own result: what the document's own evidence says should be there
// and is not (numbers skipped in a list of recommendations, text that reads like a
// recommendation but was not taken as one, a UPR report with none), reported as
// diagnostics with a code and how much looks lost, so that loss is never silent.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <dossier/model.hpp>

namespace dossier::readers {

/// A numbered list of recommendations as the structure parser found it.
struct RecommendationList {
  std::string introduced_by;  ///< address of the paragraph that introduces it
  SourceSpan span;
  std::vector<int> numbers;   ///< the printed number of each item read ("124.7" -> 7), in order
  std::size_t read = 0;       ///< recommendations read from it
};

/// Numbers the list's items skip or repeat ("recommendations.gap"), and a list introduced
/// but empty ("recommendations.missing").
void check_recommendation_lists(Document& doc, const std::vector<RecommendationList>& lists);

/// Blocks that end as recommendations to a State do ("... (France);") but were not read as
/// recommendations ("recommendations.unread"), and a UPR report with no recommendation at
/// all ("recommendations.missing").
void check_recommendations(Document& doc);

/// Numbered documents: text after the last numbered paragraph that no heading introduces
/// ("text.after_end"), which is where a reader that lost the numbering leaves what it could
/// not place: a warning when some of it starts with a later paragraph number, else a note
/// when it runs to 300 words.
void check_text_after_last_paragraph(Document& doc);

}  // namespace dossier::readers
