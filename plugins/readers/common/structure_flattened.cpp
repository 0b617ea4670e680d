// One page pasted as one line (file 000): its numbered paragraphs and its footnotes, cut
// apart where the line keeps no breaks between them.
#include "structure_parser.hpp"

#include "pattern.hpp"
#include "text_util.hpp"

#include <algorithm>
#include <set>
#include <sstream>
#include <vector>

namespace dossier::readers::structure_parser {

namespace {

// "5 6 10/26 First note text. Second note text. 13-42115" -> footnotes 5 and 6.
std::vector<std::string> parse_page_notes(ParserState& st, std::string notes, std::uint32_t line) {
  static const Pattern page(R"(\s\d{1,4}/\d{1,4}\s)");
  static const Pattern job(R"(\s\d{2}-\d{5}\s*$)");
  Match m;
  if (job.find(notes, m)) {
    st.doc.furniture.push_back(trim(m.str()));
    notes = std::string(m.prefix());
  }
  if (page.find(notes, m)) {
    st.doc.furniture.push_back(trim(m.str()));
    notes = std::string(m.prefix()) + " " + std::string(m.suffix());
  }
  std::istringstream in(notes);
  std::vector<std::string> labels;
  std::string word, rest;
  std::streampos after = 0;
  while (in >> word && std::all_of(word.begin(), word.end(), ::isdigit) && word.size() <= 3) {
    labels.push_back(word);
    after = in.tellg();
  }
  rest = trim(notes.substr(static_cast<std::size_t>(after)));
  if (labels.empty()) return labels;
  // Notes end where a web address closes a sentence; split there when that gives one text
  // per label, otherwise keep them together and say so.
  std::vector<std::string> texts;
  // Group 1 stands for a lookahead: the note ends before it.
  static const Pattern url_end(R"((?:www\.|https?://)\S+?\.(\s|$))");
  std::size_t from = 0;
  Match it;
  while (url_end.find(rest, it, from)) {
    const std::size_t end = it.position(1);
    texts.push_back(trim(rest.substr(from, end - from)));
    from = end;
  }
  if (from < rest.size() && !trim(rest.substr(from)).empty()) texts.push_back(trim(rest.substr(from)));
  if (texts.size() == labels.size()) {
    for (std::size_t i = 0; i < labels.size(); ++i) st.footnotes.push_back({labels[i], texts[i], {}});
  } else {
    for (const auto& l : labels) st.footnotes.push_back({l, rest, {}});
    st.doc.diagnostics.push_back({Diagnostic::Severity::warning,
                                  "could not split the texts of footnotes on this page; each keeps all of them",
                                  {line, line}});
  }
  return labels;
}

// Plain-digit anchors ("process 5 which", "experiences,5 but") for labels known on the page.
std::string take_plain_anchors(const std::string& text, const std::set<std::string>& labels,
                               std::vector<std::string>& refs) {
  if (labels.empty()) return text;
  // Group 3 stands for a lookahead: the anchor ends before it.
  static const Pattern anchor(R"(([a-z,;)\xE2\x80\x9D])\s?(\d{1,3})(\s+[a-z]))");
  std::string out;
  std::size_t from = 0;
  Match it;
  for (std::size_t next = 0; anchor.find(text, it, next); next = it.position(3)) {
    if (!labels.count(it[2].str())) continue;
    out += text.substr(from, it.position(0) - from) + it[1].str();
    refs.push_back(it[2].str());
    from = it.position(3);
  }
  return out + text.substr(from);
}

}  // namespace

// A page pasted as one line: running head, the tail of a paragraph, numbered paragraphs,
// a footnote rule "____", footnote labels, page number, footnote texts, job number.
void parse_flattened_page(ParserState& st, std::string text, std::uint32_t line) {
  st.doc.title.clear();  // a page in the middle of a report prints no title
  if (!st.doc.symbol.empty() && text.rfind(st.doc.symbol + " ", 0) == 0) {
    st.doc.furniture.push_back(st.doc.symbol);
    text = text.substr(st.doc.symbol.size() + 1);
  }
  std::string notes;
  static const Pattern rule(R"(\s_{5,}\s)");
  Match m;
  if (rule.find(text, m)) {
    notes = std::string(m.suffix());
    text = std::string(m.prefix());
  }
  std::vector<std::string> labels = parse_page_notes(st, notes, line);

  // Paragraph starts: "<sentence end> N. <Capital>" with N counting up.
  struct Start { std::size_t at, body; int n; };
  std::vector<Start> starts;
  // Group 3, the capital, stands for a lookahead: the body starts there.
  static const Pattern start(R"((^|[.;:\xE2\x80\x9D"])\s+(\d{1,3})\.\s+([A-Z]))");
  int expected = -1;
  Match it;
  for (std::size_t from = 0; start.find(text, it, from); from = it.position(3)) {
    const int n = std::stoi(it[2].str());
    if (expected != -1 && n != expected) continue;
    starts.push_back({it.position(2), it.position(3), n});
    expected = n + 1;
  }
  const std::set<std::string> known(labels.begin(), labels.end());
  auto add = [&](std::string body, const std::string& number, bool partial) {
    Block b;
    b.kind = BlockKind::numbered_paragraph;
    b.number = number;
    b.text = take_plain_anchors(trim(body), known, b.footnote_refs);
    b.span = {line, line};
    push_block(st, std::move(b));
    if (partial)
      st.doc.diagnostics.push_back({Diagnostic::Severity::info,
                                    "page starts inside paragraph " + number + "; only its tail is here", {line, line}});
  };
  if (starts.empty()) {
    Block b;
    b.kind = BlockKind::text;
    b.text = trim(text);
    b.span = {line, line};
    push_block(st, std::move(b));
    return;
  }
  if (starts[0].at > 0 && !trim(text.substr(0, starts[0].at)).empty())
    add(text.substr(0, starts[0].at), std::to_string(starts[0].n - 1), true);
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1].at : text.size();
    add(text.substr(starts[i].body, end - starts[i].body), std::to_string(starts[i].n), false);
  }
}

}  // namespace dossier::readers::structure_parser
