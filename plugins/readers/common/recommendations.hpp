// What marks recommendations in a document: headings that open lists of them (GFMD's
// "Policy options", a report's "Recommendations to States"), paragraphs that introduce the
// numbered list a UPR report addresses to the State under review, and the recommending
// States printed after each one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::readers {

/// A heading that opens a list of recommendations: "1. Recommendations to States:",
/// "Policy Options:", "Options for practical action", "Political recommendations".
struct RecommendationHeading {
  std::string kind;       ///< "recommendation", "policy_option", "practical_action", "political_recommendation"...
  std::string addressee;  ///< "States", "Human Rights Council"; empty when the heading names none
  bool opens_list = true; ///< false for "Conclusions and recommendations", which only contains lists
};

/// Reads `text` (a heading without its label) as a recommendations heading.
std::optional<RecommendationHeading> recommendation_heading(const std::string& text);

/// What a paragraph introducing a list of recommendations says of them ("The following
/// recommendations will be examined by France, which will provide responses in due time:",
/// "The recommendations ... listed below enjoy the support of Zambia:").
struct ListIntroduction {
  std::string position;  ///< "supported", "noted", "pending" or "" when it does not say
  std::string state;     ///< the State that examined them, as named; may be empty
};

/// Whether `text` speaks of recommendations in a way that can introduce a list of them (the
/// list itself must follow). English, French and Spanish wording. When the items that follow
/// already show they are recommendations (they end with the States that made them),
/// `items_attributed` lets a paragraph that announces a list without naming them ("The
/// following enjoy the support of El Salvador:") introduce them too.
std::optional<ListIntroduction> list_introduction(const std::string& text, bool items_attributed = false);

/// The recommending States printed in parentheses at the end of each recommendation, or of
/// each clause of one: "(France) (Lithuania);", "(Italy, Canada).", "(Iran (Islamic Republic
/// of))". Parenthesised words that are no State's name ("(CRPD)", "(2010)", "(see above)")
/// are left out.
std::vector<std::string> recommending_states(std::string_view text);

/// How many recommending States `text` names in parentheses anywhere, each once, the
/// tables' known countries only: "Ratify (Slovakia, Slovenia, Spain), or consider ratifying (Costa Rica)
/// the Rome Statute" names four. Registers such as UPR Info count a recommendation once per
/// State that made it.
std::size_t count_attributions(std::string_view text);

/// The recommendations one item of a UPR list holds. The Working Group groups the like
/// recommendations of several States under one number, each still ending with its own
/// States: "Ratify CPED (France) (Poland) ...(Uruguay); Ratify without delay CPED ...
/// (Belgium); Continue ... (Argentina);" holds three. The item is cut after each group of
/// recommending States that ends a sentence and is followed by a new one; an item with one
/// attribution comes back whole.
std::vector<std::string> attributed_clauses(const std::string& text);

/// "the United Nations Secretary General" -> "Secretary-General": the names UN documents use.
std::string normalize_addressee(std::string name);

}  // namespace dossier::readers
