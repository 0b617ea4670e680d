#include "dossier/domain/wording.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "reference_data_tables.hpp"  // generated from sdk/data by scripts/embed-reference-data.py

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

namespace {

constexpr std::array<std::string_view, 6> kLanguages = {"en", "fr", "es", "ru", "ar", "zh"};

// Column of `language` in kLanguages ("zh-Hans" -> zh); English for any other.
std::size_t column_of(std::string_view language) {
  const std::string_view base = language.substr(0, language.find_first_of("-_"));
  for (std::size_t i = 0; i < kLanguages.size(); ++i)
    if (base == kLanguages[i]) return i;
  return 0;
}

// The kinds the readers give (docs/json-schema.md), in the six languages.
struct KindLabel {
  std::string_view kind;
  std::array<const char*, 6> text;  // en, fr, es, ru, ar, zh
};
const KindLabel kKinds[] = {
    {"recommendation", {"recommendation", "recommandation", "recomendación", "рекомендация", "توصية", "建议"}},
    {"policy_option", {"policy option", "option de politique", "opción de política", "вариант политики",
                       "خيار في مجال السياسات", "政策选项"}},
    {"practical_action", {"practical action", "action concrète", "acción práctica", "практическая мера",
                          "إجراء عملي", "实际行动"}},
    {"political_recommendation", {"political recommendation", "recommandation politique", "recomendación política",
                                  "политическая рекомендация", "توصية سياسية", "政治建议"}},
    {"practical_recommendation", {"practical recommendation", "recommandation pratique", "recomendación práctica",
                                  "практическая рекомендация", "توصية عملية", "实际建议"}},
    {"operative_paragraph", {"operative paragraph", "paragraphe du dispositif", "párrafo dispositivo",
                             "пункт постановляющей части", "فقرة من المنطوق", "执行部分段落"}},
};

// The number of `digits` digits at `text[at]`, or -1.
int number_at(std::string_view text, std::size_t at, std::size_t digits) {
  if (at + digits > text.size()) return -1;
  int n = 0;
  for (std::size_t i = at; i < at + digits; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    n = n * 10 + (text[i] - '0');
  }
  return n;
}

void fill(std::string& text, std::string_view slot, const std::string& value) {
  if (const auto at = text.find(slot); at != std::string::npos) text.replace(at, slot.size(), value);
}

}  // namespace

std::string long_date(std::string_view iso_date, std::string_view language) {
  // "YYYY-MM" or "YYYY-MM-DD", nothing before or after.
  const int year = number_at(iso_date, 0, 4);
  const bool has_day = iso_date.size() == 10;
  if (year < 0 || (iso_date.size() != 7 && !has_day) || iso_date[4] != '-' || (has_day && iso_date[7] != '-'))
    return std::string(iso_date);
  const int month = number_at(iso_date, 5, 2);
  const int day = has_day ? number_at(iso_date, 8, 2) : 0;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || (has_day && (day < 1 || day > kDays[month - 1]))) return std::string(iso_date);

  const std::size_t column = column_of(language);
  const auto* row = &reference_data_detail::kCalendars[0];  // English: the generator puts it first
  for (std::size_t i = 0; i < reference_data_detail::kCalendarCount; ++i)
    if (kLanguages[column] == reference_data_detail::kCalendars[i].language) row = &reference_data_detail::kCalendars[i];
  std::string text = has_day ? row->date : row->month;
  const auto m = static_cast<std::size_t>(month - 1);
  fill(text, "{day}", day == 1 && *row->first_day ? std::string(row->first_day) : std::to_string(day));
  fill(text, "{month}", has_day ? row->months_with_day[m] : row->months_alone[m]);
  fill(text, "{year}", std::to_string(year));
  return text;
}

std::string kind_label(std::string_view kind, std::string_view language) {
  for (const KindLabel& k : kKinds)
    if (k.kind == kind) return k.text[column_of(language)];
  std::string words(kind);
  for (char& c : words)
    if (c == '_') c = ' ';
  return words;
}

double shown_score(double score) {
  // The largest thousandth not above the score: 0.998 * 1000 may come out as 997.99...,
  // so the next thousandth up is tried against the score itself.
  const double thousandths = std::floor(score * 1000);
  return (thousandths + 1) / 1000 <= score ? (thousandths + 1) / 1000 : thousandths / 1000;
}

std::string score_text(double score) {
  const long long tenths = std::llround(shown_score(score) * 1000);  // of a percent
  if (tenths % 10 == 0 && tenths >= 1000) return std::to_string(tenths / 10) + "%";
  char text[32];
  std::snprintf(text, sizeof text, "%s%lld.%lld%%", tenths < 0 ? "-" : "", std::llabs(tenths) / 10,
                std::llabs(tenths) % 10);
  return text;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
