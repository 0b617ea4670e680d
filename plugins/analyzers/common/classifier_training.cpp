// Training (`dossier train`): vocabulary, SGD fitting, cross-validated thresholds and reports.
#include "classifier.hpp"
#include "classifier_logistic.hpp"
#include "classifier_terms.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <stdexcept>
#include <unordered_map>

namespace dossier::classifier {
using detail::for_each_term;
using detail::sigmoid;

double Score::precision() const {
  const std::size_t predicted = true_positive + false_positive;
  return predicted ? double(true_positive) / predicted : 0;
}
double Score::recall() const { return support ? double(true_positive) / support : 0; }
double Score::f1() const {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

namespace {

struct Prepared {
  Vector x;
  std::vector<std::uint8_t> y;  // per label
};

// One logistic regression per label by stochastic gradient descent (Bottou's schedule, the
// L2 penalty applied lazily through one scale factor), all labels in one pass per example.
struct Linear {
  Model::Table<float> weights;
  std::vector<float> bias;
};

Linear fit(const std::vector<Prepared>& data, const std::vector<std::size_t>& rows, std::size_t features,
           std::size_t labels, const TrainOptions& options) {
  Linear model;
  std::vector<double> v(features * labels, 0.0);
  std::vector<double> b(labels, 0.0);
  if (options.start) {  // fine-tuning: from the model's own weights (same terms, same labels)
    v.assign(options.start->weights.begin(), options.start->weights.end());
    b.assign(options.start->bias.begin(), options.start->bias.end());
  }
  double scale = 1;
  const double eta0 = 0.5, l2 = options.l2;
  std::vector<std::size_t> order = rows;
  std::mt19937_64 random(options.seed);
  std::vector<double> z(labels), g(labels);
  std::size_t t = 0;
  for (std::size_t epoch = 0; epoch < options.epochs; ++epoch) {
    // Fisher-Yates with our own draws: the same order on every standard library.
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);
    for (std::size_t row : order) {
      const Prepared& ex = data[row];
      const double eta = eta0 / (1 + eta0 * l2 * double(t++));
      scale *= 1 - eta * l2;
      for (std::size_t k = 0; k < labels; ++k) z[k] = b[k];
      for (const Feature& f : ex.x) {
        const double* w = &v[std::size_t(f.index) * labels];
        for (std::size_t k = 0; k < labels; ++k) z[k] += scale * w[k] * f.value;
      }
      for (std::size_t k = 0; k < labels; ++k) {
        g[k] = sigmoid(z[k]) - ex.y[k];
        b[k] -= eta * g[k];
      }
      const double step = eta / scale;
      for (const Feature& f : ex.x) {
        double* w = &v[std::size_t(f.index) * labels];
        for (std::size_t k = 0; k < labels; ++k) w[k] -= step * g[k] * f.value;
      }
      if (scale < 1e-6) {
        for (double& w : v) w *= scale;
        scale = 1;
      }
    }
  }
  model.weights.resize(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) model.weights[i] = float(v[i] * scale);
  model.bias.assign(b.begin(), b.end());
  return model;
}

std::vector<double> predict(const Linear& m, const Vector& x, std::size_t labels) {
  std::vector<double> z(m.bias.begin(), m.bias.end());
  for (const Feature& f : x)
    for (std::size_t k = 0; k < labels; ++k) z[k] += double(m.weights[std::size_t(f.index) * labels + k]) * f.value;
  for (double& v : z) v = sigmoid(v);
  return z;
}

// The threshold that gives label `k` the best F1 over `rows` (ties: the one nearest 0.5);
// 0.5 when no row has the label.
double best_threshold(const std::vector<Prepared>& data, const std::vector<std::vector<double>>& p,
                      const std::vector<std::size_t>& rows, std::size_t k) {
  double best = 0.5, best_f1 = -1;
  for (int step = 2; step <= 95; ++step) {
    const double t = step / 100.0;
    Score s;
    for (std::size_t r : rows) {
      const bool gold = data[r].y[k], got = p[r][k] >= t;
      s.support += gold;
      s.true_positive += gold && got;
      s.false_positive += !gold && got;
    }
    if (s.support == 0) return 0.5;
    const double f = s.f1();
    if (f > best_f1 + 1e-12 || (std::fabs(f - best_f1) <= 1e-12 && std::fabs(t - 0.5) < std::fabs(best - 0.5))) {
      best_f1 = f;
      best = t;
    }
  }
  return best;
}

// Which labels a row gets: those at or above their threshold, and for a passage at most
// `most` of them, the furthest above (on the logit scale, as the analyzers rank them).
std::vector<bool> given(const std::vector<double>& p, const std::vector<double>& thresholds, std::size_t most) {
  const auto logit = [](double v) {
    v = std::clamp(v, 1e-6, 1 - 1e-6);
    return std::log(v / (1 - v));
  };
  std::vector<std::pair<double, std::size_t>> above;
  for (std::size_t k = 0; k < p.size(); ++k)
    if (p[k] >= thresholds[k]) above.emplace_back(logit(p[k]) - logit(thresholds[k]), k);
  std::stable_sort(above.begin(), above.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (above.size() > most) above.resize(most);
  std::vector<bool> out(p.size(), false);
  for (const auto& a : above) out[a.second] = true;
  return out;
}

Report score_rows(std::string slice, const std::vector<Prepared>& data, const std::vector<std::vector<double>>& p,
                  const std::vector<std::size_t>& rows, const std::vector<std::vector<double>>& thresholds,
                  const std::vector<bool>& passage, std::size_t passage_top) {
  const std::size_t labels = thresholds.empty() ? 0 : p[rows.front()].size();
  Report r;
  r.slice = std::move(slice);
  r.examples = rows.size();
  r.per_label.resize(labels);
  Score all;
  std::size_t covered = 0, codes = 0, labelled = 0;
  for (std::size_t row : rows) {
    const auto got = given(p[row], thresholds[row], passage[row] ? passage_top : labels);
    bool any_right = false;
    for (std::size_t k = 0; k < labels; ++k) {
      const bool gold = data[row].y[k];
      Score& s = r.per_label[k];
      s.support += gold;
      s.true_positive += gold && got[k];
      s.false_positive += !gold && got[k];
      any_right = any_right || (gold && got[k]);
      codes += got[k];
    }
    covered += any_right;
    labelled += std::any_of(data[row].y.begin(), data[row].y.end(), [](auto v) { return v != 0; });
  }
  r.with_a_right_code = labelled ? double(covered) / double(labelled) : 0;
  r.codes_per_example = rows.empty() ? 0 : double(codes) / double(rows.size());
  double sum = 0;
  std::size_t counted = 0;
  for (const Score& s : r.per_label) {
    all.support += s.support;
    all.true_positive += s.true_positive;
    all.false_positive += s.false_positive;
    if (s.support) {
      sum += s.f1();
      ++counted;
    }
  }
  r.macro_f1 = counted ? sum / counted : 0;
  r.micro_f1 = all.f1();
  return r;
}

}  // namespace

namespace {

// Terms found in at least min_df examples (not a language's function words), at most
// max_terms of them, with their IDF: a new model's vocabulary, its weights zero.
void learn_vocabulary(const std::vector<Example>& examples, const TrainOptions& options, Model& model) {
  const std::size_t labels = options.labels.size();
  // Vocabulary: terms in at least min_df examples, with their IDF.
  std::unordered_map<std::string, std::uint32_t> df;
  std::set<std::string> function_words;
  {
    std::map<std::string, std::unordered_map<std::string, std::uint32_t>> df_in_language;
    std::map<std::string, std::size_t> examples_in_language;
    std::vector<std::string> seen;
    for (const Example& ex : examples) {
      seen.clear();
      for (const auto& text : ex.texts)
        for_each_term(text, options.word_pairs, options.stems, [&](std::string_view t) { seen.emplace_back(t); });
      std::sort(seen.begin(), seen.end());
      seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
      auto& language_df = df_in_language[ex.language];
      ++examples_in_language[ex.language];
      for (const auto& t : seen) {
        ++df[t];
        ++language_df[t];
      }
    }
    for (const auto& [language, counts] : df_in_language) {
      const std::size_t n = examples_in_language[language];
      if (n < 100) continue;
      for (const auto& [term, count] : counts)
        if (double(count) > options.max_df_share * double(n)) function_words.insert(term);
    }
  }
  model.word_pairs = options.word_pairs;
  model.stems = options.stems;
  model.labels = options.labels;
  {
    std::vector<std::pair<std::uint32_t, const std::string*>> kept;
    for (const auto& [term, count] : df)
      if (count >= options.min_df && !function_words.count(term)) kept.emplace_back(count, &term);
    if (kept.size() > options.max_terms) {
      std::nth_element(kept.begin(), kept.begin() + options.max_terms, kept.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : *a.second < *b.second;
      });
      kept.resize(options.max_terms);
    }
    for (const auto& k : kept) model.terms.push_back(*k.second);
  }
  std::sort(model.terms.begin(), model.terms.end());
  if (model.terms.empty()) throw std::invalid_argument("no term occurs in enough examples to learn from");
  const double n_examples = double(examples.size());
  for (const auto& term : model.terms) model.idf.push_back(float(std::log((1 + n_examples) / (1 + df[term])) + 1));
  df.clear();
  model.index_terms();
  model.bias.assign(labels, 0);
  model.weights.assign(model.terms.size() * labels, 0);
}

}  // namespace

Trained train(const std::vector<Example>& examples, const TrainOptions& options) {
  const std::size_t labels = options.labels.size();
  if (labels == 0) throw std::invalid_argument("no labels to learn");
  std::map<std::string, std::size_t> label_index;
  for (std::size_t k = 0; k < labels; ++k) label_index[options.labels[k]] = k;

  Trained out;
  Model& model = out.model;
  if (options.start) {
    if (options.start->labels != options.labels)
      throw std::invalid_argument("the model to start from has other labels than those to learn");
    // A model used in place (Model::view) keeps its tables in its image, not in the vectors
    // that fine-tuning copies and changes.
    if (options.start->terms.size() != options.start->term_count())
      throw std::invalid_argument("the model to start from is an image: start from its model file");
    model = *options.start;  // its terms, IDF and word pairs; fit() starts from its weights
  } else {
    learn_vocabulary(examples, options, model);
  }

  std::vector<Prepared> data(examples.size());
  std::map<std::string, std::vector<std::size_t>> by_group;
  std::vector<std::size_t> always;  // examples without a group: trained on, never held out
  std::size_t with_labels = 0;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    std::vector<std::string_view> texts(examples[i].texts.begin(), examples[i].texts.end());
    data[i].x = model.vectorize(texts);
    data[i].y.assign(labels, 0);
    for (const auto& l : examples[i].labels)
      if (auto it = label_index.find(l); it != label_index.end()) data[i].y[it->second] = 1;
    with_labels += std::any_of(data[i].y.begin(), data[i].y.end(), [](auto v) { return v != 0; });
    (examples[i].group.empty() ? always : by_group[examples[i].group]).push_back(i);
  }
  if (with_labels == 0) throw std::invalid_argument("no example carries one of the labels");

  // Held out in turn: each group's probabilities from a model that never saw it.
  std::vector<std::vector<double>> held_out(examples.size());
  std::size_t fold = 0;
  for (const auto& [group, rows] : by_group) {
    if (options.progress)
      options.progress("cross-validation " + std::to_string(++fold) + " of " + std::to_string(by_group.size()) +
                       ": holding out " + group + " (" + std::to_string(rows.size()) + " examples)");
    std::vector<std::size_t> train_rows = always;
    for (const auto& [other, other_rows] : by_group)
      if (other != group) train_rows.insert(train_rows.end(), other_rows.begin(), other_rows.end());
    const Linear m = fit(data, train_rows, model.terms.size(), labels, options);
    for (std::size_t r : rows) held_out[r] = predict(m, data[r].x, labels);
  }

  // Thresholds per kind (documents, passages): on every held-out prediction of that kind
  // for the model; for a group's report, on the other groups' only.
  const auto rows_of_kind = [&](bool passage, const std::string& except) {
    std::vector<std::size_t> rows;
    for (const auto& [group, group_rows] : by_group)
      if (group != except)
        for (std::size_t r : group_rows)
          if (examples[r].passage == passage) rows.push_back(r);
    return rows;
  };
  const auto thresholds_on = [&](const std::vector<std::size_t>& rows) {
    std::vector<double> t(labels, 0.5);
    if (!rows.empty())
      for (std::size_t k = 0; k < labels; ++k) t[k] = best_threshold(data, held_out, rows, k);
    return t;
  };
  model.document_threshold = thresholds_on(rows_of_kind(false, {}));
  const auto passage_rows = rows_of_kind(true, {});
  model.passage_threshold = passage_rows.empty() ? model.document_threshold : thresholds_on(passage_rows);

  std::vector<std::vector<double>> row_thresholds(examples.size());
  std::map<std::string, std::vector<std::size_t>> slices;
  for (const auto& [group, rows] : by_group) {
    std::map<bool, std::vector<double>> per_kind;
    for (bool passage : {false, true}) {
      auto others = rows_of_kind(passage, group);
      // A kind held out in one group only has no other group to choose thresholds on: its
      // report uses the other kind's (documents' for passages), never its own items.
      if (others.empty()) others = rows_of_kind(!passage, group);
      per_kind[passage] = thresholds_on(others);
    }
    for (std::size_t r : rows) {
      row_thresholds[r] = per_kind[examples[r].passage];
      const std::string kind = examples[r].passage ? "passages" : "documents";
      slices[kind + ", " + (examples[r].language.empty() ? "?" : examples[r].language)].push_back(r);
      slices[kind + ", all languages"].push_back(r);
      if (!examples[r].passage) slices[kind + ", " + group].push_back(r);
    }
  }
  std::vector<bool> passage(examples.size());
  for (std::size_t i = 0; i < examples.size(); ++i) passage[i] = examples[i].passage;
  for (const auto& [slice, rows] : slices)
    out.reports.push_back(score_rows(slice, data, held_out, rows, row_thresholds, passage, options.passage_top));

  if (options.progress)
    options.progress("training the model on all " + std::to_string(examples.size()) + " examples");
  std::vector<std::size_t> all_rows(examples.size());
  std::iota(all_rows.begin(), all_rows.end(), 0);
  Linear final_model = fit(data, all_rows, model.terms.size(), labels, options);
  model.weights = std::move(final_model.weights);
  model.bias = std::move(final_model.bias);
  return out;
}

}  // namespace dossier::classifier
