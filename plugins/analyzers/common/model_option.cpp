#include "model_option.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace dossier::analyzers {

const classifier::Model* ModelOption::get(const std::string& option, const classifier::Model& (*builtin)()) {
  if (option == "builtin") return &builtin();
  if (option.empty() || option == "none") return nullptr;
  return &files_.get(option, [this](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(scheme_ + ": option model: cannot open " + path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    auto model = classifier::Model::parse(bytes.str(), path);
    if (model.scheme != scheme_ || model.level != level_)
      throw std::runtime_error(scheme_ + ": option model: " + path + " is a " + model.scheme + " " + model.level +
                               " model, not a " + scheme_ + " " + level_ + " model");
    return model;
  });
}

double rescaled(double probability, double threshold) {
  const auto logit = [](double p) {
    p = std::clamp(p, 1e-6, 1 - 1e-6);
    return std::log(p / (1 - p));
  };
  return 1 / (1 + std::exp(-(logit(probability) - logit(threshold))));
}

namespace {
constexpr std::size_t evidence_terms = 6;  // terms named in an evidence line

// `value` with two decimals ("0.73"), as "%.2f" prints it but without printf's locale and
// format parsing: an evidence line is written for every mapping the model makes, eight numbers
// each. Hundredths are counted in integers where that is exact: value * 100 is within a few
// units in the last place of the true product, so unless it lies within 1e-6 of a half
// (where the exact decimal decides), its nearest integer is the correctly rounded one.
// Anything else (a near-half, a negative or huge value, NaN) goes to std::to_chars.
void append_two_decimals(std::string& out, double value) {
  const double hundredths = value * 100;
  if (!std::signbit(hundredths) && hundredths < 1e9) {
    const double whole = std::floor(hundredths);
    const double fraction = hundredths - whole;
    if (std::fabs(fraction - 0.5) > 1e-6) {
      auto n = static_cast<std::uint64_t>(whole) + (fraction > 0.5 ? 1 : 0);
      char digits[24];
      char* at = digits + sizeof digits;
      for (int place = 0; place < 3 || n != 0; ++place) {  // at least "0.00"
        if (place == 2) *--at = '.';
        *--at = static_cast<char>('0' + n % 10);
        n /= 10;
      }
      out.append(at, digits + sizeof digits);
      return;
    }
  }
  char number[32];
  const auto end = std::to_chars(number, number + sizeof number, value, std::chars_format::fixed, 2).ptr;
  out.append(number, end);
}
}  // namespace

std::string model_evidence(const classifier::Model& model, const std::vector<classifier::Weighed>& terms,
                           double probability, double threshold, const char* what) {
  std::string why;
  why.reserve(96 + 24 * terms.size());
  why.append("learned model ").append(model.name).append(" ").append(model.version).append(": probability ");
  append_two_decimals(why, probability);
  why.append(", ").append(what).append(" threshold ");
  append_two_decimals(why, threshold);
  if (!terms.empty()) why += "; weighed most:";
  for (const auto& t : terms) {
    why.append(" \"").append(t.term).append("\" +");
    append_two_decimals(why, t.contribution);
    why += ',';
  }
  if (!terms.empty()) why.pop_back();
  return why;
}

std::vector<ModelVote> model_votes(const classifier::Model& model, const std::vector<std::string_view>& texts,
                                   bool document, std::size_t most,
                                   const std::function<bool(const std::string&, double)>& worth) {
  return model_votes(model, model.vectorize(texts), document, most, worth);
}

std::vector<ModelVote> model_votes(const classifier::Model& model, const classifier::Vector& x, bool document,
                                   std::size_t most, const std::function<bool(const std::string&, double)>& worth) {
  const auto p = model.probabilities(x);
  const auto& thresholds = document ? model.document_threshold : model.passage_threshold;
  // The votes that can make a mapping, the strongest first, cut to `most`: a vote that cannot
  // (an objective a heading holds to a higher bar) takes no place from one that can. Only those
  // kept get their (costlier) evidence line.
  std::vector<std::pair<double, std::size_t>> kept;
  for (std::size_t k = 0; k < p.size(); ++k)
    if (p[k] >= thresholds[k] / 2) {
      const double score = rescaled(p[k], thresholds[k]);
      if (!worth || worth(model.labels[k], score)) kept.emplace_back(score, k);
    }
  if (kept.size() > most) {
    std::stable_sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    kept.resize(most);
    std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  }
  // The terms behind every vote kept, found in one pass over the text's features.
  std::vector<std::size_t> labels;
  labels.reserve(kept.size());
  for (const auto& vote : kept) labels.push_back(vote.second);
  const auto terms = model.strongest_terms(x, labels, evidence_terms);
  std::vector<ModelVote> votes;
  votes.reserve(kept.size());
  for (std::size_t j = 0; j < kept.size(); ++j) {
    const auto [score, k] = kept[j];
    votes.push_back(
        {&model.labels[k], score, model_evidence(model, terms[j], p[k], thresholds[k], document ? "document" : "passage")});
  }
  return votes;
}

bool model_maps_passages(const std::string& option, const std::string& language, const char* analyzer) {
  if (option != "auto" && option != "true" && option != "false")
    throw std::runtime_error(std::string(analyzer) + ": option passage_model must be auto, true or false, not \"" +
                             option + "\"");
  const bool english = language.empty() || language.rfind("en", 0) == 0;
  return option == "true" || (option == "auto" && !english);
}

}  // namespace dossier::analyzers
