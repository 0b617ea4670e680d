#include "upr_positions.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>

namespace dossier::host {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

constexpr std::string_view kNoted[] = {
    "not support", "not accept", "cannot support", "cannot accept", "unable to support", "unable to accept", "notes",
    "noted", "take note", "takes note", "reject", "does not enjoy", "n'accepte pas", "n\xE2\x80\x99" "accepte pas",
    "ne soutient pas", "prend note", "pris note", "no acepta", "no apoya", "toma nota", "tomado nota"};
constexpr std::string_view kSupported[] = {"support", "accept", "agrees", "already implemented", "being implemented",
                                           "soutient", "accepte", "appuie", "apoya", "acepta"};

// Where a sentence says "supported" or "noted", in order: each number takes the last
// wording before it ("accepts 100.1 and notes 100.3"). The negative wording wins where
// they overlap: "does not support" contains "support".
std::vector<std::pair<std::size_t, std::string>> positions_in(const std::string& sentence) {
  const std::string t = lower(sentence);
  std::vector<std::pair<std::size_t, std::size_t>> negative;  // spans
  std::vector<std::pair<std::size_t, std::string>> out;
  for (const std::string_view w : kNoted)
    for (std::size_t at = t.find(w); at != std::string::npos; at = t.find(w, at + 1)) {
      negative.emplace_back(at, at + w.size());
      out.emplace_back(at, "noted");
    }
  for (const std::string_view w : kSupported)
    for (std::size_t at = t.find(w); at != std::string::npos; at = t.find(w, at + 1)) {
      const bool inside = std::any_of(negative.begin(), negative.end(),
                                      [&](const auto& span) { return at >= span.first && at < span.second; });
      if (!inside) out.emplace_back(at, "supported");
    }
  std::sort(out.begin(), out.end());
  return out;
}

// The recommendation numbers a sentence names: "122.1", "122.1, 122.3 and 122.7",
// "122.1–122.15", "122.1 to 122.15", "122.1-15". Ranges are capped: a typo must not
// name thousands.
std::vector<std::pair<std::size_t, std::string>> numbers_in(std::string_view s) {
  std::vector<std::pair<std::size_t, std::string>> out;
  const auto read_number = [&](std::size_t& i, long& major, long& minor, bool& dotted) {
    const std::size_t start = i;
    while (i < s.size() && digit(s[i])) ++i;
    if (i == start || i - start > 4) return false;
    major = std::stol(std::string(s.substr(start, i - start)));
    dotted = i + 1 < s.size() && s[i] == '.' && digit(s[i + 1]);
    if (!dotted) return true;
    const std::size_t m = ++i;
    while (i < s.size() && digit(s[i])) ++i;
    if (i - m > 4) return false;
    minor = std::stol(std::string(s.substr(m, i - m)));
    return i >= s.size() || !(s[i] == '.' && i + 1 < s.size() && digit(s[i + 1]));  // not "1.2.3"
  };
  for (std::size_t i = 0; i < s.size();) {
    if (!digit(s[i]) || (i > 0 && (digit(s[i - 1]) || s[i - 1] == '.'))) {
      ++i;
      continue;
    }
    long major = 0, minor = 0;
    bool dotted = false;
    const std::size_t at = i;
    if (!read_number(i, major, minor, dotted) || !dotted) continue;
    long last = minor;
    // A range: "–", "-", "—" or "to", then "122.15" or "15".
    std::size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    std::size_t after = std::string_view::npos;
    if (s.compare(j, 3, "\xE2\x80\x93") == 0 || s.compare(j, 3, "\xE2\x80\x94") == 0) after = j + 3;
    else if (j < s.size() && s[j] == '-') after = j + 1;
    else
      for (const std::string_view word : {"to ", "a ", "al ", "au ", "\xC3\xA0 "})  // English, Spanish, French
        if (s.compare(j, word.size(), word) == 0) {
          after = j + word.size();
          break;
        }
    if (after != std::string_view::npos) {
      std::size_t k = after;
      while (k < s.size() && s[k] == ' ') ++k;
      long major2 = 0, minor2 = 0;
      bool dotted2 = false;
      std::size_t end = k;
      if (k < s.size() && digit(s[k]) && read_number(end, major2, minor2, dotted2)) {
        const long to = dotted2 ? (major2 == major ? minor2 : -1) : major2;
        if (to >= minor && to - minor < 400) {
          last = to;
          i = end;
        }
      }
    }
    for (long n = minor; n <= last; ++n) out.emplace_back(at, std::to_string(major) + "." + std::to_string(n));
  }
  return out;
}

// Sentences of a block: cut at ". " or ";" before a capital or a digit, never inside
// "122.5".
std::vector<std::string> sentences_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool stop = (text[i] == '.' || text[i] == ';') && (i + 1 == text.size() || text[i + 1] == ' ');
    if (!stop) continue;
    out.push_back(text.substr(from, i + 1 - from));
    from = i + 1;
  }
  if (from < text.size()) out.push_back(text.substr(from));
  return out;
}

// "100.9" before "100.10": recommendation numbers in the order people read them.
struct NumberOrder {
  bool operator()(const std::string& a, const std::string& b) const {
    const auto parts = [](const std::string& n) {
      const std::size_t dot = n.find('.');
      return std::make_pair(std::stol(n.substr(0, dot)), dot == std::string::npos ? 0L : std::stol(n.substr(dot + 1)));
    };
    return parts(a) < parts(b);
  }
};
using Numbers = std::set<std::string, NumberOrder>;

// A statement as people read it: spaces collapsed, no leading or trailing blanks.
std::string trim_to_words(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (blank) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The symbol an addendum adds to: "A/HRC/43/15/Add.1" -> "A/HRC/43/15"; "" otherwise.
std::string added_to(const std::string& symbol) {
  const std::size_t at = symbol.rfind("/Add.");
  if (at == std::string::npos || at == 0) return {};
  const std::string rest = symbol.substr(at + 5);
  if (rest.empty() || !std::all_of(rest.begin(), rest.end(), digit)) return {};
  return symbol.substr(0, at);
}

}  // namespace

std::vector<std::string> join_upr_positions(Corpus& corpus) {
  std::vector<std::string> log;
  std::map<std::string, std::size_t> by_symbol;
  for (std::size_t i = 0; i < corpus.documents.size(); ++i)
    if (!corpus.documents[i].symbol.empty()) by_symbol.emplace(corpus.documents[i].symbol, i);
  for (Document& addendum : corpus.documents) {
    const auto report_at = by_symbol.find(added_to(addendum.symbol));
    if (report_at == by_symbol.end()) continue;
    Document& report = corpus.documents[report_at->second];
    // The report's recommendations by their number ("122.5").
    std::map<std::string, std::string> number_of;  // block address -> number
    for (const Block& b : report.blocks)
      if (!b.number.empty()) number_of.emplace(b.address, b.number);
    std::map<std::string, Recommendation*> by_number;
    for (Recommendation& r : report.recommendations)
      if (const auto it = number_of.find(r.address); it != number_of.end()) by_number.emplace(it->second, &r);
    if (by_number.empty()) continue;

    std::map<std::string, std::pair<std::string, const Block*>> answered;  // number -> position, statement
    Numbers unknown, conflicting;
    std::map<std::string, std::string> reasons;  // number -> the statement about it alone
    std::string announced;  // "Slovenia supports the following recommendations:" then the list
    for (const Block& b : addendum.blocks) {
      // A table speaks row by row: "122.5 | Noted | reason" is one statement.
      std::string text = b.cells.empty() ? b.text : std::string();
      for (const auto& row : b.cells) {
        for (const auto& cell : row) text += " " + cell;
        while (!text.empty() && text.back() == ' ') text.pop_back();
        text += text.empty() || text.back() == '.' ? " " : ". ";
      }
      for (const std::string& sentence : sentences_of(text)) {
        const auto numbers = numbers_in(sentence);
        const auto wordings = positions_in(sentence);
        if (numbers.empty()) {
          // A statement that announces a list ends with ":"; any other ends the list.
          if (!wordings.empty())
            announced = sentence.find(':') != std::string::npos ? wordings.back().second : std::string();
          continue;
        }
        for (const auto& [where, n] : numbers) {
          std::string position = wordings.empty() ? announced : wordings.front().second;
          for (const auto& [at, said] : wordings)
            if (at < where) position = said;
          if (position.empty()) continue;
          if (!by_number.count(n)) {
            unknown.insert(n);
            continue;
          }
          const auto [it, fresh] = answered.emplace(n, std::make_pair(position, &b));
          if (!fresh && it->second.first != position) conflicting.insert(n);
          // A statement about this recommendation alone says why, when it says more than
          // the number and the position ("122.8 | Noted | The matter is for the regions.").
          if (fresh && numbers.size() == 1 && trim_to_words(sentence).size() > n.size() + 20)
            reasons[n] = trim_to_words(sentence);
        }
      }
    }
    std::size_t supported = 0, noted = 0;
    for (const auto& [number, given] : answered) {
      Recommendation& r = *by_number[number];
      r.position = given.first;
      r.position_source = given.second->address;
      if (const auto why = reasons.find(number); why != reasons.end()) r.position_note = why->second;
      (given.first == "supported" ? supported : noted) += 1;
    }
    const auto list = [](const Numbers& numbers) {
      std::string text;
      std::size_t shown = 0;
      for (const auto& n : numbers)
        if (shown++ < 10) text += (text.empty() ? "" : ", ") + n;
      if (numbers.size() > 10) text += " and " + std::to_string(numbers.size() - 10) + " more";
      return text;
    };
    if (!unknown.empty())
      addendum.diagnostics.push_back({Diagnostic::Severity::warning,
                                      std::to_string(unknown.size()) + " numbers answered here are no recommendation of " +
                                          report.id + ": " + list(unknown),
                                      {}, "positions.unknown", 0});
    if (!conflicting.empty())
      addendum.diagnostics.push_back({Diagnostic::Severity::warning,
                                      std::to_string(conflicting.size()) +
                                          " recommendations are both supported and noted here; the first statement is "
                                          "kept: " + list(conflicting),
                                      {}, "positions.conflict", 0});
    Numbers pending;
    for (const auto& [number, r] : by_number)
      if (r->position == "pending") pending.insert(number);
    if (!pending.empty())
      report.diagnostics.push_back({Diagnostic::Severity::warning,
                                    std::to_string(pending.size()) + " recommendations to be examined have no position in " +
                                        addendum.id + ": " + list(pending),
                                    {}, "positions.missing", 0});
    log.push_back(addendum.source + " (" + addendum.id + ") gives positions on " + std::to_string(answered.size()) +
                  " recommendations of " + report.id + ": " + std::to_string(supported) + " supported, " +
                  std::to_string(noted) + " noted");
  }
  return log;
}

}  // namespace dossier::host
