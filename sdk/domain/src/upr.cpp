#include "dossier/domain/upr.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "dossier/domain/references.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

namespace {

// Lower case (ASCII) with runs of white space made one space and none at either end.
std::string folded(std::string_view name) {
  std::string out;
  for (const char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Every printed form of a country name, folded, to its code.
const std::unordered_map<std::string, std::string>& country_codes() {
  static const auto codes = [] {
    std::unordered_map<std::string, std::string> out;
    for (const auto& [id, name] : reference_names("country")) out.emplace(folded(name), id);
    return out;
  }();
  return codes;
}

std::string metadata_value(const Document& d, std::string_view key) {
  for (const auto& m : d.metadata)
    if (m.key == key && !m.value.empty()) return m.value;
  return "";
}

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string state_key(std::string_view name) {
  const std::string plain = folded(name);
  if (plain.empty()) return "";
  if (const auto it = country_codes().find(plain); it != country_codes().end()) return it->second;
  // A longer name that holds a known one ("The former Yugoslav Republic of Macedonia"): the
  // longest country name printed in it.
  std::string best, code;
  for (const Reference& r : find_references(name, ""))
    if (r.type == reference_type::country && r.text.size() > best.size()) best = r.text, code = r.id;
  return code.empty() ? plain : code;
}

bool recommended_by_state(const Recommendation& recommendation, std::string_view key) {
  return std::any_of(recommendation.recommended_by.begin(), recommendation.recommended_by.end(),
                     [&](const std::string& s) { return state_key(s) == key; });
}

bool upr_report_of(const Document& d, UprReport& report) {
  std::map<std::string, std::size_t> addressees;
  bool made_by_states = false;
  for (const Recommendation& r : d.recommendations) {
    if (r.recommended_by.empty()) continue;
    made_by_states = true;
    if (!r.addressee.empty()) ++addressees[r.addressee];
  }
  if (!made_by_states) return false;
  std::string state = metadata_value(d, "state_under_review");
  if (state.empty()) {
    std::size_t most = 0;
    for (const auto& [name, n] : addressees)
      if (n > most) most = n, state = name;
  }
  if (state.empty()) return false;
  report.document = &d;
  report.key = state_key(state);
  report.state = std::move(state);
  report.cycle = upr_cycle(d.date);
  return true;
}

std::vector<UprReport> upr_reports(const std::vector<Document>& documents) {
  std::vector<UprReport> out;
  for (const Document& d : documents)
    if (UprReport report; upr_report_of(d, report)) out.push_back(std::move(report));
  return out;
}

int upr_cycle(std::string_view iso_date) {
  if (iso_date.size() < 7 || !digits(iso_date.substr(0, 4)) || iso_date[4] != '-' || !digits(iso_date.substr(5, 2)))
    return 0;
  // Year and month as one number: 2012-05 -> 201205. The Working Group's first session of
  // each cycle: April 2008, May 2012, May 2017, November 2022.
  const int month = std::stoi(std::string(iso_date.substr(0, 4))) * 100 + std::stoi(std::string(iso_date.substr(5, 2)));
  constexpr std::array<int, 4> starts = {200804, 201205, 201705, 202211};
  int cycle = 0;
  for (const int start : starts)
    if (month >= start) ++cycle;
  return cycle;
}

std::map<std::string, std::string> printed_numbers(const Document& document) {
  std::map<std::string, std::string> by_block;
  std::string item;  // the last first-cycle item's number
  for (const Block& b : document.blocks) {
    if (!b.number.empty()) {
      by_block[b.address] = b.number;
      item.clear();
      continue;
    }
    if (b.kind != BlockKind::list_item) {
      item.clear();
      continue;
    }
    std::string marker = b.marker;
    while (!marker.empty() && (marker.back() == '.' || marker.back() == ')')) marker.pop_back();
    if (digits(marker)) item = marker;
    if (!item.empty()) by_block[b.address] = item;
  }
  std::map<std::string, std::string> out;
  for (const Recommendation& r : document.recommendations)
    if (const auto it = by_block.find(r.address); it != by_block.end()) out[r.address] = it->second;
  return out;
}

std::string position_label(std::string_view position, std::string_view language) {
  struct Label {
    std::string_view position;
    std::array<const char*, 6> text;  // en, fr, es, ru, ar, zh
  };
  // The words of OHCHR's UPR matrices and the Working Group's reports in each language.
  static constexpr Label labels[] = {
      {"supported", {"supported", "soutenue", "apoyada", "поддержана", "مؤيدة", "支持"}},
      {"noted", {"noted", "notée", "anotada", "принята к сведению", "أحيط بها علما", "注意到"}},
      {"pending", {"to be examined", "à l\u2019examen", "en examen", "на рассмотрении", "قيد النظر", "待审议"}},
  };
  static constexpr std::array<std::string_view, 6> languages = {"en", "fr", "es", "ru", "ar", "zh"};
  const std::string_view base = language.substr(0, language.find_first_of("-_"));
  std::size_t column = 0;
  for (std::size_t i = 0; i < languages.size(); ++i)
    if (languages[i] == base) column = i;
  for (const Label& l : labels)
    if (l.position == position) return l.text[column];
  return "";
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
