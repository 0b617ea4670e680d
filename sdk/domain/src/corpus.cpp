#include "dossier/domain/corpus.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <regex>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "address_search.hpp"
#include "dossier/domain/citation.hpp"

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

// How many of an excerpt's `count` numbered paragraphs must match for a link (60%, and two).
std::size_t paragraphs_needed(std::size_t count) { return std::max<std::size_t>(2, (count * 6 + 9) / 10); }

// Fewest shared words for which containment() of a paragraph of `size` words reaches 0.7,
// reckoned as it reckons.
std::size_t words_needed(std::size_t size) {
  std::size_t shared = 1;
  while (shared < size && static_cast<double>(shared) / static_cast<double>(size) < 0.7) ++shared;
  return shared;
}

// A word under a paragraph number, hashed: equal pairs give equal keys, so a collision can
// only add a candidate, never lose one.
std::uint64_t numbered_word_key(const std::string& number, const std::string& word) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  const auto mix = [&h](unsigned char c) { h = (h ^ c) * 1099511628211ull; };
  for (const char c : number) mix(static_cast<unsigned char>(c));
  mix(0xff);  // in no UTF-8 text
  for (const char c : word) mix(static_cast<unsigned char>(c));
  return h;
}

std::size_t numbered_count(const Document& d) {
  return static_cast<std::size_t>(std::count_if(d.blocks.begin(), d.blocks.end(), [](const Block& b) {
    return b.kind == BlockKind::numbered_paragraph;
  }));
}

// The ids of a corpus, counted, for telling whether an id is taken without a scan of the
// corpus each time.
class IdCounts {
 public:
  explicit IdCounts(const Corpus& corpus) {
    for (const Document& d : corpus.documents) ++count_[d.id];
  }
  // Whether a document other than `except` has the id.
  bool taken(const std::string& id, const Document& except) const {
    const auto it = count_.find(id);
    return it != count_.end() && it->second > (except.id == id ? 1u : 0u);
  }
  void rename(Document& d, const std::string& new_id) {
    --count_[d.id];
    rename_document(d, new_id);
    ++count_[d.id];
  }

 private:
  std::unordered_map<std::string, std::size_t> count_;
};

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
  for (Document& v : d.versions) rename_document(v, new_id);
  const std::string old_id = d.id;
  if (old_id == new_id) return;
  d.id = new_id;
  for (auto& b : d.blocks) rewrite(b.address, old_id, new_id);
  for (auto& r : d.recommendations) rewrite(r.address, old_id, new_id);
  for (auto& f : d.footnotes)
    for (auto& a : f.anchors) rewrite(a, old_id, new_id);
  for (auto& r : d.references) rewrite(r.address, old_id, new_id);
  // What the reader said names the addresses it made: "15 (003-47dc10d97ca243f0 §II.1 #3)".
  for (auto& diagnostic : d.diagnostics) {
    std::string& message = diagnostic.message;
    for (std::size_t at = message.find(old_id); at != std::string::npos; at = message.find(old_id, at + 1)) {
      if (!starts_word(message, at) || !address_length_at(message, at, old_id.size(), d)) continue;
      message.replace(at, old_id.size(), new_id);
      at += new_id.size() - 1;
    }
  }
}

void rename_in_corpus(Corpus& corpus, std::size_t index, const std::string& new_id) {
  rename_in_corpus(corpus, std::vector<DocumentRename>{{index, new_id}});
}

void rename_in_corpus(Corpus& corpus, const std::vector<DocumentRename>& renames) {
  // Each document is renamed in turn; what other documents say of it (links, same_as) is
  // then rewritten in one pass, each value taken through the renames that apply to it in
  // their order, exactly as one pass over the corpus per rename would.
  struct Step {
    std::string old_id, new_id;
    std::size_t index;
  };
  std::vector<Step> steps;
  steps.reserve(renames.size());
  for (const DocumentRename& r : renames) {
    Document& target = corpus.documents.at(r.index);
    std::string old_id = target.id;
    rename_document(target, r.new_id);
    if (old_id != r.new_id) steps.push_back({std::move(old_id), r.new_id, r.index});
  }
  if (steps.empty()) return;
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_old;  // old id -> steps, in order
  for (std::size_t k = 0; k < steps.size(); ++k) by_old[steps[k].old_id].push_back(k);
  // The first step from `from` on that renames `id` and is not a rename of document `holder`.
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  const auto next_step = [&](std::string_view id, std::size_t from, std::size_t holder) {
    const auto it = by_old.find(id);
    if (it == by_old.end()) return none;
    const auto& ks = it->second;
    for (auto k = std::lower_bound(ks.begin(), ks.end(), from); k != ks.end(); ++k)
      if (steps[*k].index != holder) return *k;
    return none;
  };
  for (std::size_t h = 0; h < corpus.documents.size(); ++h) {
    Document& d = corpus.documents[h];
    for (auto& l : d.links)
      for (std::size_t k = next_step(l.document, 0, h); k != none; k = next_step(l.document, k + 1, h))
        l.document = steps[k].new_id;
    for (auto& b : d.blocks) {
      std::string& address = b.same_as;
      // An address is an id, or an id, a space and the rest: ids may hold spaces too.
      for (std::size_t from = 0;;) {
        std::size_t k = next_step(address, from, h);
        for (std::size_t space = address.find(' '); space != std::string::npos; space = address.find(' ', space + 1))
          k = std::min(k, next_step(std::string_view(address).substr(0, space), from, h));
        if (k == none) break;
        rewrite(address, steps[k].old_id, steps[k].new_id);
        from = k + 1;
      }
    }
  }
}

std::vector<std::string> make_ids_unique(Corpus& corpus) {
  std::vector<std::string> log;
  std::unordered_set<std::string> seen;
  std::vector<DocumentRename> renames;
  std::unordered_map<std::string, int> last_number;  // "<id> (<name>)" -> the last n of "<id> (<name> n)"
  for (std::size_t i = 0; i < corpus.documents.size(); ++i) {
    Document& d = corpus.documents[i];
    if (seen.insert(d.id).second) continue;
    std::string name = d.source.substr(d.source.find_last_of('/') + 1);
    std::string id = d.id + " (" + name + ")";
    if (seen.count(id)) {
      // Numbered from 2, or from the last number this id and name took (those below it are
      // all taken still): many copies of one file must not each count up from 2.
      const std::string stem = d.id + " (" + name + " ";
      int& n = last_number[id];
      n = std::max(n, 2);
      while (seen.count(stem + std::to_string(n) + ")")) ++n;
      id = stem + std::to_string(n) + ")";
    }
    log.push_back(d.source + ": id " + d.id + " is taken by an earlier document; using \"" + id + "\"");
    d.diagnostics.push_back({Diagnostic::Severity::warning, log.back(), {}});
    seen.insert(id);
    renames.push_back({i, std::move(id)});
  }
  rename_in_corpus(corpus, renames);
  return log;
}

namespace {

// The text of a document, for telling copies apart from other texts.
std::string content_text(const Document& d) {
  std::string text;
  for (const Block& b : d.blocks) {
    text += b.text;
    text += '\n';
  }
  return text;
}

// The symbol a file name gives in the series of `symbol` when it differs from it:
// "A_RES_78_130-2325874F.xml" with "A/RES/78/13" gives "A/RES/78/130"; "" when the name
// says nothing else (or nothing).
std::string symbol_in_file_name(const std::string& source, const std::string& symbol) {
  const std::size_t slash = symbol.rfind('/');
  if (slash == std::string::npos || slash == 0) return {};
  const std::size_t before = symbol.rfind('/', slash - 1);
  const std::string series = symbol.substr(before == std::string::npos ? 0 : before + 1, slash - (before == std::string::npos ? 0 : before + 1));
  const std::string number = symbol.substr(slash + 1);
  const auto digits = [](const std::string& t) {
    return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(series) || !digits(number)) return {};
  std::string name = source.substr(source.find_last_of('/') + 1);
  std::vector<std::string> tokens;
  std::string token;
  for (const char c : name) {
    if (c == '_' || c == '-' || c == '.' || c == ' ') {
      tokens.push_back(token);
      token.clear();
    } else {
      token += c;
    }
  }
  tokens.push_back(token);
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
    if (tokens[i] == series && digits(tokens[i + 1]))
      return tokens[i + 1] == number ? std::string() : symbol.substr(0, slash + 1) + tokens[i + 1];
  return {};
}

// The language the UN's file naming gives a file: its stem ends in the language's letter
// ("75_274_S.xml", "A_RES_78_130-2325874F.xml"); "" for other names.
std::string name_language(const std::string& source) {
  const std::size_t slash = source.find_last_of('/');
  std::string name = source.substr(slash == std::string::npos ? 0 : slash + 1);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot < 2) return {};
  const char letter = name[dot - 1];
  const char before = name[dot - 2];
  if (!(before == '_' || (before >= '0' && before <= '9'))) return {};
  switch (letter) {
    case 'A': return "ar";
    case 'C': return "zh";
    case 'E': return "en";
    case 'F': return "fr";
    case 'R': return "ru";
    case 'S': return "es";
    default: return {};
  }
}

// What the primary knows of an operative paragraph that a version could not read: the
// addressee, and the paragraph itself when the version's markup has no italics (Chinese).
void align_recommendations(const Document& primary, Document& version) {
  std::map<std::string_view, const Recommendation*> theirs;
  for (const Recommendation& r : primary.recommendations)
    if (r.kind == "operative_paragraph") theirs.emplace(r.address, &r);
  if (theirs.empty()) return;
  std::map<std::string_view, Recommendation*> mine;
  for (Recommendation& r : version.recommendations) mine.emplace(r.address, &r);
  std::vector<Recommendation> added;
  for (std::size_t i = 0; i < version.blocks.size(); ++i) {
    const Block& b = version.blocks[i];
    const auto t = theirs.find(b.address);
    if (t == theirs.end()) continue;
    const auto m = mine.find(b.address);
    if (m != mine.end()) {
      if (m->second->addressee.empty() && m->second->kind == "operative_paragraph")
        m->second->addressee = t->second->addressee;
      continue;
    }
    if (!version.recommendations.empty()) continue;  // the version found its own: trust them
    Recommendation r;
    r.address = b.address;
    r.kind = "operative_paragraph";
    r.addressee = t->second->addressee;
    r.text = b.text;
    for (std::size_t k = i + 1; k < version.blocks.size() && version.blocks[k].kind == BlockKind::list_item; ++k)
      r.text += " " + (version.blocks[k].marker.empty() ? "" : version.blocks[k].marker + " ") + version.blocks[k].text;
    added.push_back(std::move(r));
  }
  for (Recommendation& r : added) version.recommendations.push_back(std::move(r));
}

}  // namespace

std::vector<std::string> join_language_versions(Corpus& corpus) {
  std::vector<std::string> log;
  const std::size_t n = corpus.documents.size();
  std::vector<bool> gone(n, false);  // joined into another document, or dropped as a copy
  const auto group_by_symbol = [&] {
    std::map<std::string, std::vector<std::size_t>> by_symbol;  // in reading order
    for (std::size_t i = 0; i < n; ++i) {
      const Document& d = corpus.documents[i];
      if (!gone[i] && !d.symbol.empty() && !d.language.empty() && d.versions.empty()) by_symbol[d.symbol].push_back(i);
    }
    return by_symbol;
  };

  // 1. Two files of one symbol in one language. The same text twice (a copy filed under
  //    another language's folder) is read once. A file whose name gives another number of
  //    the same series ("A_RES_78_130-…F.xml" printing "A/RES/78/13") is taken at its name's
  //    word when that symbol has no text in that language yet: publishers' files carry such
  //    slips, and the name is the other witness.
  auto by_symbol = group_by_symbol();
  for (auto& [symbol, members] : by_symbol) {
    if (members.size() < 2) continue;
    std::map<std::string, std::size_t> first_in;           // language -> first document in it
    std::map<std::string, std::size_t> seen_text;         // language + text -> document
    for (const std::size_t i : members) {
      Document& d = corpus.documents[i];
      const std::string text = d.language + '\n' + content_text(d);
      if (const auto copy = seen_text.find(text); copy != seen_text.end()) {
        Document& kept = corpus.documents[copy->second];
        log.push_back(d.source + " has the same text as " + kept.source + "; read once");
        kept.diagnostics.push_back({Diagnostic::Severity::info, "the same text is also in " + d.source, {}});
        gone[i] = true;
        continue;
      }
      seen_text.emplace(text, i);
      if (first_in.emplace(d.language, i).second) continue;
      const std::string named = symbol_in_file_name(d.source, symbol);
      if (named.empty()) continue;
      const auto other = by_symbol.find(named);
      const bool free = other == by_symbol.end() ||
                        std::none_of(other->second.begin(), other->second.end(),
                                     [&](std::size_t k) { return corpus.documents[k].language == d.language; });
      if (!free) continue;
      const std::string message = d.source + " prints the symbol " + symbol + ", taken by " +
                                  corpus.documents[first_in[d.language]].source + "; its file name says " + named +
                                  ", which is read as its symbol";
      log.push_back(message);
      d.diagnostics.push_back({Diagnostic::Severity::warning, message, {}, "identity.symbol", 0});
      if (d.id == d.symbol) rename_document(d, named);
      d.symbol = named;
    }
  }

  // 2. One document per symbol: the English text (else the first read) holds the others.
  by_symbol = group_by_symbol();
  std::size_t joined = 0;
  for (auto& [symbol, members] : by_symbol) {
    if (members.size() < 2) continue;
    std::size_t primary = members.front();
    for (const std::size_t i : members)
      if (corpus.documents[i].language.rfind("en", 0) == 0) {
        primary = i;
        break;
      }
    // Two different texts in one language: the one whose file name the UN gave that
    // language ("…S.xml" for Spanish) is the version; the other stays a document of its own.
    std::map<std::string, std::size_t> chosen;
    for (const std::size_t i : members) {
      const Document& d = corpus.documents[i];
      const auto [at, first] = chosen.emplace(d.language, i);
      if (!first && name_language(corpus.documents[at->second].source) != d.language &&
          name_language(d.source) == d.language)
        at->second = i;
    }
    if (corpus.documents[primary].language.rfind("en", 0) == 0) primary = chosen[corpus.documents[primary].language];
    Document& p = corpus.documents[primary];
    for (const std::size_t i : members) {
      if (i == primary) continue;
      Document& v = corpus.documents[i];
      if (chosen[v.language] != i) {
        // Another text in a language the document has: kept apart, under a name that says
        // which file it is, so that the document keeps its id.
        const std::string name = v.source.substr(v.source.find_last_of('/') + 1);
        const std::string message = v.source + ": a second " + v.language + " text of " + p.id + " (the one joined is " +
                                    corpus.documents[chosen[v.language]].source + "); kept apart as \"" + p.id + " (" +
                                    name + ")\"";
        v.diagnostics.push_back({Diagnostic::Severity::warning, message, {}, "identity.duplicate", 0});
        log.push_back(message);
        rename_document(v, p.id + " (" + name + ")");
        continue;
      }
      rename_document(v, p.id);
      align_recommendations(p, v);
      log.push_back(v.source + " is the " + v.language + " version of " + p.id + " (" + p.source + ")");
      p.versions.push_back(std::move(v));
      gone[i] = true;
      ++joined;
    }
  }
  if (std::none_of(gone.begin(), gone.end(), [](bool g) { return g; })) return log;
  std::vector<Document> kept;
  kept.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    if (!gone[i]) kept.push_back(std::move(corpus.documents[i]));
  corpus.documents = std::move(kept);
  return log;
}

std::vector<std::vector<std::size_t>> excerpt_candidates(const Corpus& corpus) {
  const std::size_t n = corpus.documents.size();
  std::vector<std::vector<std::size_t>> candidates(n);
  std::vector<std::size_t> counts(n), unnamed, excerpts;
  for (std::size_t i = 0; i < n; ++i) {
    counts[i] = numbered_count(corpus.documents[i]);
    if (counts[i] == 0) continue;
    if (corpus.documents[i].symbol.empty()) unnamed.push_back(i);
    else if (paragraphs_needed(counts[i]) <= counts[i]) excerpts.push_back(i);
  }
  if (unnamed.empty() || excerpts.empty()) return candidates;
  // What link_versions compares in a longer document: the first paragraph of each number.
  const auto for_each_compared = [&corpus](std::size_t f, const auto& visit) {
    std::unordered_set<std::string_view> seen;
    for (const auto& b : corpus.documents[f].blocks)
      if (b.kind == BlockKind::numbered_paragraph && seen.insert(b.number).second) visit(b);
  };
  // How many of those paragraphs have each word (a map of the vocabulary, not of the corpus):
  // an excerpt's paragraph is indexed by its rarest words, which few others share.
  std::unordered_map<std::uint64_t, std::uint32_t> frequency;
  const std::hash<std::string> hash_word;
  for (const std::size_t f : unnamed)
    for_each_compared(f, [&](const Block& b) {
      for (const auto& w : words(b.text)) ++frequency[hash_word(w)];
    });
  // A paragraph of `size` words lacks at most size - words_needed(size) of them in a
  // matching one, so any size - words_needed(size) + 1 of its words include one it shares.
  struct Entry {
    std::uint64_t key;
    std::uint32_t excerpt;    // in `excerpts`
    std::uint32_t paragraph;  // among the excerpt's numbered paragraphs
  };
  std::vector<Entry> index;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> ranked;  // (frequency, word hash) -> key
  std::vector<std::uint64_t> keys;
  for (std::size_t x = 0; x < excerpts.size(); ++x) {
    std::uint32_t paragraph = 0;
    for (const auto& b : corpus.documents[excerpts[x]].blocks) {
      if (b.kind != BlockKind::numbered_paragraph) continue;
      const auto mine = words(b.text);
      ranked.clear();
      keys.clear();
      for (const auto& w : mine) {
        const auto it = frequency.find(hash_word(w));
        ranked.emplace_back(it == frequency.end() ? 0 : it->second, keys.size());
        keys.push_back(numbered_word_key(b.number, w));
      }
      const std::size_t prefix = mine.empty() ? 0 : mine.size() - words_needed(mine.size()) + 1;
      std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(prefix), ranked.end());
      for (std::size_t k = 0; k < prefix; ++k)
        index.push_back({keys[ranked[k].second], static_cast<std::uint32_t>(x), paragraph});
      ++paragraph;
    }
  }
  std::sort(index.begin(), index.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
  // Each document without a symbol is read once: a candidate for the excerpts of which
  // enough paragraphs may match (see link_versions), and that it is longer than.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> hits;  // (excerpt, paragraph)
  for (const std::size_t f : unnamed) {
    hits.clear();
    for_each_compared(f, [&](const Block& b) {
      for (const auto& w : words(b.text)) {
        const std::uint64_t key = numbered_word_key(b.number, w);
        auto it = std::lower_bound(index.begin(), index.end(), key,
                                   [](const Entry& e, std::uint64_t k) { return e.key < k; });
        for (; it != index.end() && it->key == key; ++it) hits.emplace_back(it->excerpt, it->paragraph);
      }
    });
    std::sort(hits.begin(), hits.end());
    hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
    for (std::size_t h = 0; h < hits.size();) {
      std::size_t end = h;
      while (end < hits.size() && hits[end].first == hits[h].first) ++end;
      const std::size_t e = excerpts[hits[h].first];
      if (end - h >= paragraphs_needed(counts[e]) && counts[f] > counts[e]) candidates[e].push_back(f);
      h = end;
    }
  }
  return candidates;
}

std::vector<std::string> link_versions(Corpus& corpus) {
  std::vector<std::string> log;
  // Only a document with the excerpt's symbol, or one without a symbol that shares enough
  // of its paragraphs' words (excerpt_candidates()), can be its full version: each excerpt
  // looks at those, not at the whole corpus.
  const std::size_t n = corpus.documents.size();
  std::vector<std::size_t> counts(n);
  std::map<std::string, std::vector<std::size_t>> by_symbol;
  IdCounts ids(corpus);
  for (std::size_t i = 0; i < n; ++i) {
    counts[i] = numbered_count(corpus.documents[i]);
    if (counts[i] != 0 && !corpus.documents[i].symbol.empty()) by_symbol[corpus.documents[i].symbol].push_back(i);
  }
  const auto unnamed = excerpt_candidates(corpus);
  for (std::size_t e = 0; e < n; ++e) {
    Document& excerpt = corpus.documents[e];
    const std::size_t count = counts[e];
    if (count == 0 || excerpt.symbol.empty()) continue;
    // At least this many of its numbered paragraphs must match (the test below): the
    // comparison with a candidate stops once too many have not.
    const std::size_t needed = paragraphs_needed(count);
    if (needed > count) continue;
    std::vector<std::size_t> candidates = by_symbol[excerpt.symbol];
    candidates.insert(candidates.end(), unnamed[e].begin(), unnamed[e].end());
    std::sort(candidates.begin(), candidates.end());  // reading order, as before
    std::vector<std::pair<Block*, std::set<std::string>>> mine;  // its numbered paragraphs' words, made once
    for (const std::size_t f : candidates) {
      Document& full = corpus.documents[f];
      if (f == e || counts[f] <= count) continue;
      if (!full.symbol.empty() && full.symbol != excerpt.symbol) continue;
      if (mine.empty())
        for (auto& b : excerpt.blocks)
          if (b.kind == BlockKind::numbered_paragraph) mine.emplace_back(&b, words(b.text));
      std::map<std::string, const Block*> by_number;
      for (const auto& b : full.blocks)
        if (b.kind == BlockKind::numbered_paragraph) by_number.emplace(b.number, &b);
      std::vector<std::pair<Block*, const Block*>> matches;
      std::size_t missed = 0;
      for (std::size_t k = 0; k < mine.size() && missed <= count - needed; ++k) {
        Block& b = *mine[k].first;
        auto it = by_number.find(b.number);
        if (it != by_number.end() && containment(mine[k].second, words(it->second->text)) >= 0.7)
          matches.emplace_back(&b, it->second);
        else
          ++missed;
      }
      if (matches.size() < 2 || matches.size() * 10 < count * 6) continue;

      // The full document takes the symbol the excerpt printed; the excerpt steps aside.
      const std::string symbol = excerpt.symbol;
      const std::string page = page_of(excerpt);
      const std::string excerpt_id = symbol + (page.empty() ? " (excerpt)" : " (p. " + page + ")");
      if (!ids.taken(excerpt_id, excerpt)) ids.rename(excerpt, excerpt_id);
      if (full.symbol.empty()) full.symbol = symbol;
      if (full.id != symbol && !ids.taken(symbol, full)) ids.rename(full, symbol);
      for (auto& [mine, theirs] : matches) {
        // theirs->address already carries the full document's (possibly new) id.
        mine->same_as = theirs->address;
      }
      if (excerpt.title.empty()) excerpt.title = full.title;
      if (excerpt.date.empty()) excerpt.date = full.date;
      excerpt.links.push_back({"excerpt_of", full.id});
      full.links.push_back({"has_excerpt", excerpt.id});
      const std::string first = matches.front().first->number, last = matches.back().first->number;
      // Named as people cite it: a file's hash is no name (001-88e8c2357c784c71).
      log.push_back(excerpt.source + " is an excerpt of " + full.source + " (" +
                    (first == last ? human_citation(full, matches.front().second->address)
                                   : cited_name(full) + ", paras. " + first + "-" + last) +
                    ")");
      excerpt.diagnostics.push_back(
          {Diagnostic::Severity::info, "excerpt of " + cited_name(full) + " (" + full.source + ")", {}});
      break;
    }
  }
  return log;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
