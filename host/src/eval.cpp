#include "eval.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "dossier/model.hpp"
#include "dossier/domain/citation.hpp"
#include "dossier/domain/json.hpp"

namespace dossier::host {

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) rows.back().push_back(std::move(field));
      field.clear();
      any = false;
      rows.emplace_back();
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) rows.back().push_back(std::move(field));
  if (rows.back().empty()) rows.pop_back();
  // A UTF-8 byte order mark is not part of the first header.
  if (!rows.empty() && !rows[0].empty() && rows[0][0].rfind("\xEF\xBB\xBF", 0) == 0) rows[0][0].erase(0, 3);
  return rows;
}

namespace {

bool counts(const Annotation& a, const EvalOptions& options) {
  return a.scheme == options.scheme && a.level == options.level && a.score >= options.threshold;
}

// Counts one labelled item: its gold codes against what was predicted for it.
struct Tally {
  std::map<std::string, CodeScore> scores;
  std::set<std::string> gold_codes;
  void add(const std::set<std::string>& gold, const std::set<std::string>& guess) {
    for (const auto& g : gold) {
      gold_codes.insert(g);
      scores[g].code = g;
      (guess.count(g) ? scores[g].tp : scores[g].fn)++;
    }
    for (const auto& p : guess)
      if (!gold.count(p)) {
        scores[p].code = p;
        scores[p].fp++;
      }
  }
  // Per code (in numeric order: "2" before "10"), micro and macro (mean over the labels' codes).
  void finish(EvalResult& result) {
    for (auto& [code, s] : scores) {
      result.micro.tp += s.tp;
      result.micro.fp += s.fp;
      result.micro.fn += s.fn;
      result.per_code.push_back(s);
    }
    std::sort(result.per_code.begin(), result.per_code.end(), [](const CodeScore& a, const CodeScore& b) {
      return a.code.size() != b.code.size() ? a.code.size() < b.code.size() : a.code < b.code;
    });
    for (const auto& code : gold_codes) {
      result.macro_precision += scores[code].precision();
      result.macro_recall += scores[code].recall();
      result.macro_f1 += scores[code].f1();
    }
    if (!gold_codes.empty()) {
      const double n = static_cast<double>(gold_codes.size());
      result.macro_precision /= n;
      result.macro_recall /= n;
      result.macro_f1 /= n;
    }
  }
};

}  // namespace

EvalResult evaluate_documents(const std::string& corpus_json, const std::string& metadata_key,
                              const EvalOptions& options) {
  const Corpus corpus = corpus_from_json(corpus_json);
  std::map<std::string, std::set<std::string>> predicted;  // document id -> codes
  for (const Annotation& a : corpus.annotations)
    if (counts(a, options)) predicted[a.subject].insert(a.code);
  Tally tally;
  EvalResult result;
  for (const Document& d : corpus.documents) {
    if (!options.document.empty() && d.id != options.document) continue;
    std::set<std::string> gold;
    for (const Metadata& m : d.metadata)
      if (m.key == metadata_key && !m.value.empty()) gold.insert(m.value);
    if (gold.empty()) {
      ++result.unmatched;  // not labelled: nothing to score it against
      continue;
    }
    ++result.items;
    tally.add(gold, predicted[d.id]);
  }
  tally.finish(result);
  return result;
}

EvalResult evaluate(const std::string& corpus_json, const std::string& labels_csv, const EvalOptions& options) {
  const Corpus corpus = corpus_from_json(corpus_json);
  // Predictions: subject's printed number -> codes. Subjects are citations ("A/HRC/43/15 ¶121.1").
  std::map<std::string, std::set<std::string>> predicted;
  std::set<std::string> numbers_seen;
  for (const Annotation& a : corpus.annotations) {
    Citation c;
    if (!parse_citation(a.subject, c) || c.first != c.last || c.first.empty()) continue;
    if (!options.document.empty() && c.document != options.document) continue;
    numbers_seen.insert(c.first);
    if (counts(a, options)) predicted[c.first].insert(a.code);
  }
  // Subjects that exist without annotations count as predicting nothing.
  for (const Document& d : corpus.documents) {
    if (!options.document.empty() && d.id != options.document) continue;
    for (const Recommendation& r : d.recommendations) {
      Citation c;
      if (parse_citation(r.address, c) && !c.first.empty()) numbers_seen.insert(c.first);
    }
  }
  const auto rows = parse_csv(labels_csv);
  if (rows.empty()) throw std::runtime_error("labels: empty file");
  const auto& header = rows[0];
  const auto column = [&](const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) throw std::runtime_error("labels: no column '" + name + "' in the header");
    return static_cast<std::size_t>(it - header.begin());
  };
  const std::size_t id_col = column(options.id_column), labels_col = column(options.labels_column);
  Tally tally;
  EvalResult result;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    if (row.size() <= std::max(id_col, labels_col)) continue;
    std::set<std::string> gold;
    std::string code;
    for (char ch : row[labels_col] + ";") {
      if (ch == ';') {
        if (!code.empty()) gold.insert(code);
        code.clear();
      } else if (ch != ' ') {
        code += ch;
      }
    }
    if (gold.empty()) continue;  // unlabelled
    const std::string& id = row[id_col];
    if (!numbers_seen.count(id)) {
      ++result.unmatched;
      continue;
    }
    ++result.items;
    tally.add(gold, predicted[id]);
  }
  tally.finish(result);
  return result;
}

}  // namespace dossier::host
