// The Universal Periodic Review in a corpus: which documents are UPR Working Group reports,
// which State each reviews, which States are the same State under different names, the UPR
// cycle of a review and the numbers and positions of its recommendations as people read them.
// Shared by the exporters that write per-State outputs (the pdf exporter's State briefs, the
// xlsx exporter's State sheet); taken from the model only, never from the text.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/model.hpp"
#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

/// One UPR Working Group report: a document whose recommendations name the States that made
/// them (Recommendation::recommended_by).
struct UprReport {
  const Document* document = nullptr;
  std::string state;  ///< the State under review as the report names it: "Slovenia"
  std::string key;    ///< state_key(state)
  int cycle = 0;      ///< upr_cycle(document->date); 0 when the date does not tell
};

/// The UPR reports among `documents`, in corpus order: every document with at least one
/// recommendation that has recommending States. The State under review is the metadata
/// `state_under_review` the readers take from the cover, else the addressee most of those
/// recommendations name; a document that gives neither is left out.
DOSSIER_SDK_API std::vector<UprReport> upr_reports(const std::vector<Document>& documents);

/// Whether `document` is a UPR report, as upr_reports() tells it (for an exporter that reads
/// the corpus a batch at a time); `report.document` is set to `&document`.
DOSSIER_SDK_API bool upr_report_of(const Document& document, UprReport& report);

/// What identifies a State whatever name a document gives it: its ISO 3166-1 alpha-3 code when
/// the country names of find_references() know the name ("Iran (Islamic Republic of)" and
/// "Iran" -> "IRN"; "The former Yugoslav Republic of Macedonia" -> "MKD"), else the name in
/// lower case with its spaces collapsed. "" for an empty name.
DOSSIER_SDK_API std::string state_key(std::string_view name);

/// Whether `key` (state_key()) is among the States that made `recommendation`.
DOSSIER_SDK_API bool recommended_by_state(const Recommendation& recommendation, std::string_view key);

/// The UPR cycle of a review whose report is dated `iso_date` ("2019-12-19" -> 3), from the
/// Human Rights Council's calendar of the Working Group's sessions: first cycle from April 2008
/// (sessions 1-12), second from May 2012 (13-26), third from May 2017 (27-40), fourth from
/// November 2022 (41-); a report is dated after its session. 0 for a date before April 2008 or
/// not in ISO form.
DOSSIER_SDK_API int upr_cycle(std::string_view iso_date);

/// The numbers the report prints for its recommendations, by address: "121.1" for a
/// numbered recommendation; the list marker without its full stop for a first-cycle item
/// ("1." -> "1"); the item's number for the further recommendations a first-cycle item
/// grouped (each in a list item of its own after the item's). Recommendations with neither
/// are not in the map.
DOSSIER_SDK_API std::map<std::string, std::string> printed_numbers(const Document& document);

/// A position (Recommendation::position) in words in `language` (en, fr, es, ru, ar, zh; any
/// other: English), as the UN's UPR documents word it: "supported" -> "supported", "soutenue",
/// "apoyada", "поддержана", "مؤيدة", "支持"; "noted" -> "noted", "notée", ...; "pending" -> "to
/// be examined", ...; "" for an empty or unknown position.
DOSSIER_SDK_API std::string position_label(std::string_view position, std::string_view language = "en");

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
