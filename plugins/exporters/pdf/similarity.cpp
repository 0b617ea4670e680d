#include "similarity.hpp"

#include <algorithm>
#include <cmath>

#include <dossier/domain/utf8.hpp>

#include "classifier.hpp"

namespace dossier::pdf {

std::vector<std::string> digit_runs(std::string_view text) {
  std::vector<std::string> runs;
  std::string run;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = utf8::next(text, i);
    char digit = 0;
    if (c >= '0' && c <= '9') digit = static_cast<char>(c);
    if (c >= 0x660 && c <= 0x669) digit = static_cast<char>('0' + (c - 0x660));  // Arabic-Indic
    if (c >= 0x6F0 && c <= 0x6F9) digit = static_cast<char>('0' + (c - 0x6F0));  // Eastern Arabic-Indic
    if (digit) {
      run += digit;
    } else if (!run.empty()) {
      runs.push_back(std::move(run));
      run.clear();
    }
  }
  if (!run.empty()) runs.push_back(std::move(run));
  return runs;
}

namespace {

// Each word of `text` once, in no particular order.
std::vector<std::string> word_list(std::string_view text) {
  std::vector<std::string> words;
  classifier::terms_of(text, false, 0, [&](std::string_view term) { words.emplace_back(term); });
  for (auto& n : digit_runs(text)) words.push_back("#" + n);  // apart from words by the '#'
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

}  // namespace

Wording::Wording(const std::vector<std::string_view>& texts) {
  std::vector<std::size_t> found_in;
  for (const std::string_view text : texts)
    for (const auto& w : word_list(text)) {
      const std::uint32_t id = id_of(w);
      if (id >= found_in.size()) found_in.resize(id + 1, 0);
      ++found_in[id];
    }
  const double n = static_cast<double>(texts.size());
  // log((n + 1) / (df + 0.5)): positive even for a word every text has.
  weight_.resize(found_in.size());
  for (std::size_t id = 0; id < found_in.size(); ++id) weight_[id] = std::log((n + 1) / (found_in[id] + 0.5));
  unseen_ = std::log((n + 1) / 1.5);
}

std::uint32_t Wording::id_of(std::string_view word) {
  // Words first seen after the constructor have no weight_ entry: they weigh unseen_.
  return ids_.emplace(std::string(word), static_cast<std::uint32_t>(ids_.size())).first->second;
}

Wording::Words Wording::words(std::string_view text) {
  Words out;
  for (const auto& w : word_list(text)) out.push_back(id_of(w));
  std::sort(out.begin(), out.end());
  return out;
}

double Wording::similarity(const Words& a, const Words& b) const {
  const auto weight = [&](std::uint32_t id) { return id < weight_.size() ? weight_[id] : unseen_; };
  double shared = 0, either = 0;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i] < b[j])) {
      either += weight(a[i++]);
    } else if (i == a.size() || b[j] < a[i]) {
      either += weight(b[j++]);
    } else {
      shared += weight(a[i]);
      either += weight(a[i]);
      ++i;
      ++j;
    }
  }
  return either > 0 ? shared / either : 0;
}

}  // namespace dossier::pdf
