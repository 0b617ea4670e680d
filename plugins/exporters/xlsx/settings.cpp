// Reads the xlsx exporter's options (settings.hpp).
#include "settings.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <dossier/domain/reference_data.hpp>
#include <dossier/domain/upr.hpp>

namespace dossier::xlsx {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

Settings read_settings(const CorpusView& corpus, const Context& context) {
  const Options& options = context.options();
  Settings s;
  bool upr = false;
  corpus.for_each_batch([&](const CorpusView::Batch& batch) {
    for (const Document* d = batch.begin; d != batch.end; ++d) {
      s.recommendations += d->recommendations.size();
      if (UprReport report; !upr && upr_report_of(*d, report)) upr = true;
    }
  });
  s.documents = corpus.document_count();

  // "fr-CA" and "zh-Hans" name the same titles as "fr" and "zh".
  const std::string asked = options.get("language");
  std::string language = lower(asked.empty() ? context.build().language : asked);
  language = language.substr(0, language.find_first_of("-_"));
  const auto& known = reference_languages();
  if (std::find(known.begin(), known.end(), language) != known.end()) {
    s.language = language;
  } else if (!asked.empty()) {
    throw std::invalid_argument("option 'language': '" + asked + "' is not one of " + joined(known));
  } else {
    context.warn("no SDG titles in language '" + context.build().language + "'; using English");
  }

  const auto wanted = options.get_list("sheets");
  if (wanted.empty()) {
    s.sheets.fill(true);
    s.sheets[state] = upr;
  }
  for (const auto& name : wanted) {
    const auto it = std::find_if(sheet_names.begin(), sheet_names.end(),
                                 [&](const char* n) { return lower(n) == lower(name); });
    if (it == sheet_names.end())
      throw std::invalid_argument("option 'sheets': no sheet '" + name + "' (sheets: " +
                                  joined({sheet_names.begin(), sheet_names.end()}) + ")");
    s.sheets[static_cast<std::size_t>(it - sheet_names.begin())] = true;
  }

  s.threshold = options.get_double("threshold", 0.0);
  if (!(s.threshold >= 0 && s.threshold <= 1))
    throw std::invalid_argument("option 'threshold': " + options.get("threshold") + " is not between 0 and 1");

  // Constant-memory mode writes strings inline (larger files, no shared strings) and leaves
  // chart caches empty, so it is used only where memory matters.
  if (lower(options.get("constant_memory", "auto")) == "auto") {
    const long long above = options.get_int("constant_memory_above", 20000);
    s.constant_memory = static_cast<long long>(s.recommendations) > above;
  } else {
    s.constant_memory = options.get_bool("constant_memory", false);
  }
  return s;
}

}  // namespace dossier::xlsx
