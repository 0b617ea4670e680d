#include "dossier/corpus.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

namespace {

void rewrite(std::string& address, const std::string& old_id, const std::string& new_id) {
  if (address == old_id) {
    address = new_id;
  } else if (address.size() > old_id.size() && address.compare(0, old_id.size(), old_id) == 0 &&
             address[old_id.size()] == ' ') {
    address = new_id + address.substr(old_id.size());
  }
}

std::set<std::string> words(const std::string& text) {
  std::set<std::string> out;
  std::string w;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      w += static_cast<char>(std::tolower(u));
    } else if (!w.empty()) {
      out.insert(w);
      w.clear();
    }
  }
  if (!w.empty()) out.insert(w);
  return out;
}

// Share of the words of `part` that `whole` also has: a page's tail of a paragraph is
// contained in the paragraph; editing changes a few words, not most.
double containment(const std::set<std::string>& part, const std::set<std::string>& whole) {
  if (part.empty()) return 0;
  std::size_t shared = 0;
  for (const auto& w : part) shared += whole.count(w);
  return static_cast<double>(shared) / static_cast<double>(part.size());
}

std::size_t numbered_count(const Document& d) {
  return static_cast<std::size_t>(std::count_if(d.blocks.begin(), d.blocks.end(), [](const Block& b) {
    return b.kind == BlockKind::numbered_paragraph;
  }));
}

bool id_taken(const Corpus& corpus, const std::string& id, const Document* except) {
  return std::any_of(corpus.documents.begin(), corpus.documents.end(),
                     [&](const Document& d) { return &d != except && d.id == id; });
}

// "10/26" among the page furniture: the page an excerpt comes from.
std::string page_of(const Document& d) {
  static const std::regex page(R"(^(\d{1,4})\s*/\s*\d{1,4}$)");
  std::smatch m;
  for (const auto& f : d.furniture)
    if (std::regex_match(f, m, page)) return m[1].str();
  return {};
}

}  // namespace

void rename_document(Document& d, const std::string& new_id) {
  const std::string old_id = d.id;
  if (old_id == new_id) return;
  d.id = new_id;
  for (auto& b : d.blocks) rewrite(b.address, old_id, new_id);
  for (auto& r : d.recommendations) rewrite(r.address, old_id, new_id);
  for (auto& f : d.footnotes)
    for (auto& a : f.anchors) rewrite(a, old_id, new_id);
  for (auto& r : d.references) rewrite(r.address, old_id, new_id);
}

void rename_in_corpus(Corpus& corpus, std::size_t index, const std::string& new_id) {
  Document& target = corpus.documents.at(index);
  const std::string old_id = target.id;
  rename_document(target, new_id);
  for (auto& d : corpus.documents) {
    if (&d == &target) continue;
    for (auto& l : d.links)
      if (l.document == old_id) l.document = new_id;
    for (auto& b : d.blocks) rewrite(b.same_as, old_id, new_id);
  }
}

std::vector<std::string> make_ids_unique(Corpus& corpus) {
  std::vector<std::string> log;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < corpus.documents.size(); ++i) {
    Document& d = corpus.documents[i];
    if (seen.insert(d.id).second) continue;
    std::string name = d.source.substr(d.source.find_last_of('/') + 1);
    std::string id = d.id + " (" + name + ")";
    for (int n = 2; seen.count(id); ++n) id = d.id + " (" + name + " " + std::to_string(n) + ")";
    log.push_back(d.source + ": id " + d.id + " is taken by an earlier document; using \"" + id + "\"");
    d.diagnostics.push_back({Diagnostic::Severity::warning, log.back(), {}});
    rename_in_corpus(corpus, i, id);
    seen.insert(id);
  }
  return log;
}

std::vector<std::string> link_versions(Corpus& corpus) {
  std::vector<std::string> log;
  for (std::size_t e = 0; e < corpus.documents.size(); ++e) {
    Document& excerpt = corpus.documents[e];
    const std::size_t count = numbered_count(excerpt);
    if (count == 0 || excerpt.symbol.empty()) continue;
    for (std::size_t f = 0; f < corpus.documents.size(); ++f) {
      Document& full = corpus.documents[f];
      if (f == e || numbered_count(full) <= count) continue;
      if (!full.symbol.empty() && full.symbol != excerpt.symbol) continue;
      std::map<std::string, const Block*> by_number;
      for (const auto& b : full.blocks)
        if (b.kind == BlockKind::numbered_paragraph) by_number.emplace(b.number, &b);
      std::vector<std::pair<Block*, const Block*>> matches;
      for (auto& b : excerpt.blocks) {
        if (b.kind != BlockKind::numbered_paragraph) continue;
        auto it = by_number.find(b.number);
        if (it != by_number.end() && containment(words(b.text), words(it->second->text)) >= 0.7)
          matches.emplace_back(&b, it->second);
      }
      if (matches.size() < 2 || matches.size() * 10 < count * 6) continue;

      // The full document takes the symbol the excerpt printed; the excerpt steps aside.
      const std::string symbol = excerpt.symbol;
      const std::string page = page_of(excerpt);
      const std::string excerpt_id = symbol + (page.empty() ? " (excerpt)" : " (p. " + page + ")");
      if (!id_taken(corpus, excerpt_id, &excerpt)) rename_document(excerpt, excerpt_id);
      if (full.symbol.empty()) full.symbol = symbol;
      if (full.id != symbol && !id_taken(corpus, symbol, &full)) rename_document(full, symbol);
      for (auto& [mine, theirs] : matches) {
        // theirs->address already carries the full document's (possibly new) id.
        mine->same_as = theirs->address;
      }
      if (excerpt.title.empty()) excerpt.title = full.title;
      if (excerpt.date.empty()) excerpt.date = full.date;
      excerpt.links.push_back({"excerpt_of", full.id});
      full.links.push_back({"has_excerpt", excerpt.id});
      const std::string first = matches.front().first->number, last = matches.back().first->number;
      log.push_back(excerpt.source + " is an excerpt of " + full.source + " (" + full.id + " \xC2\xB6" + first +
                    (first == last ? "" : "-" + last) + ")");
      excerpt.diagnostics.push_back(
          {Diagnostic::Severity::info, "excerpt of " + full.id + " (" + full.source + ")", {}});
      break;
    }
  }
  return log;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
