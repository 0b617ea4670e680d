// A synthetic UPR report of six pages, as pdftotext -layout prints one: the cover, running
// heads, footers printed as one line ("12    GE.25-02819" on even pages, "GE.25-02819    13"
// on odd ones), a paragraph cut by a page break and a list of 40 recommendations to Utopia.
// Built here, not taken from a real report, so that every expected value is known; shared
// by the layout and PDF readers' tests, which must read the same model from it.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace test::upr {

constexpr const char* symbol = "A/HRC/58/12";
constexpr const char* job = "GE.25-02819";
constexpr int list_paragraph = 12;  // "12. The following recommendations will be examined by Utopia ..."
constexpr int items = 40;

struct Recommendation {
  int item = 0;  // 12.<item>
  std::string text;
  std::vector<std::string> states;
};

struct Report {
  std::vector<std::vector<std::string>> pages;  // the printed lines of each page
  std::vector<Recommendation> recommendations;
  std::string cut_paragraph;  // paragraph 5, whole, as its page break cut it
};

/// Words of `text` in lines of at most `first` characters, then `rest`.
inline std::vector<std::string> wrap(const std::string& text, std::size_t first, std::size_t rest) {
  std::vector<std::string> lines(1);
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t end = text.find(' ', from);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(from, end - from);
    const std::size_t width = lines.size() == 1 ? first : rest;
    if (!lines.back().empty() && lines.back().size() + 1 + word.size() > width) lines.emplace_back();
    lines.back() += (lines.back().empty() ? "" : " ") + word;
    from = end + 1;
  }
  return lines;
}

namespace detail {

constexpr std::size_t indent = 10;  // the body's left margin
constexpr std::size_t width = 80;   // characters of text in a full line

inline std::string margin(std::size_t n = indent) { return std::string(n, ' '); }

// A numbered paragraph or item: its label padded as pdftotext spaces it, the text wrapped.
inline std::vector<std::string> numbered(const std::string& label, std::size_t label_width, const std::string& text) {
  std::string padded = label;
  padded.resize(label_width, ' ');
  std::vector<std::string> lines = wrap(text, width - label_width, width);
  for (std::size_t i = 0; i < lines.size(); ++i) lines[i] = margin() + (i == 0 ? padded : "") + lines[i];
  return lines;
}

inline void append(std::vector<std::string>& page, const std::vector<std::string>& lines) {
  page.insert(page.end(), lines.begin(), lines.end());
}

// Paragraphs numbered from `first` on, as pdftotext spaces a paragraph number ("12.    ").
inline void paragraphs(std::vector<std::string>& page, int first, const std::vector<std::string>& texts) {
  for (const auto& text : texts) append(page, numbered(std::to_string(first++) + ".", 7, text));
}

inline std::string item_text(int k) {
  static const char* const topics[20] = {
      "ratify the Optional Protocol to the Convention against Torture",
      "ratify the International Convention for the Protection of All Persons from Enforced Disappearance",
      "adopt a comprehensive law against discrimination on all grounds",
      "strengthen the independence and the resources of the national human rights institution",
      "ensure that all allegations of torture are investigated promptly and impartially",
      "combat trafficking in persons and protect its victims",
      "guarantee the right to education for all children, including children with disabilities",
      "take measures to reduce overcrowding in places of detention",
      "protect journalists and human rights defenders from threats and attacks",
      "prevent and punish violence against women and girls, including domestic violence",
      "ensure access to health care in rural and remote areas",
      "abolish the death penalty in law and in practice",
      "combat hate speech against minorities, including on the Internet",
      "guarantee the rights of migrants, refugees and asylum seekers",
      "raise the minimum age of criminal responsibility",
      "adopt a national action plan on business and human rights",
      "ensure the participation of women in political and public life",
      "protect the rights of indigenous peoples to their lands and resources",
      "improve access to justice and legal aid for persons living in poverty",
      "extend a standing invitation to the special procedures"};
  std::string t = k <= 20 ? topics[k - 1] : std::string("continue its efforts to ") + topics[k - 21];
  t[0] = static_cast<char>(t[0] - 'a' + 'A');
  return t;
}

inline std::vector<std::string> item_states(int k) {
  static const char* const states[items] = {
      "France",  "Iran (Islamic Republic of)", "United Kingdom of Great Britain and Northern Ireland",
      "India",   "Japan",   "Kenya",    "Mexico",   "Norway",  "Peru",    "Chile",   "Egypt",   "Ghana",
      "Italy",   "Spain",   "Portugal", "Senegal",  "Tunisia", "Ukraine", "Uruguay", "Argentina",
      "Australia", "Austria", "Belgium", "Canada", "Denmark", "Ecuador", "Finland", "Greece", "Iceland",
      "Ireland", "Jordan",  "Latvia",   "Malawi",   "Morocco", "Nepal",   "Panama",  "Poland",  "Qatar",
      "Rwanda",  "Sweden"};
  if (k == 1) return {"France", "Lithuania"};
  return {states[k - 1]};
}

}  // namespace detail

/// The report, without the items of the list numbered in `left_out`.
inline Report make_report(const std::set<int>& left_out = {}) {
  using namespace detail;
  Report r;
  auto& pages = r.pages;
  pages.push_back({
      margin(14) + "United Nations" + margin(52) + symbol,
      margin(14) + "General Assembly" + margin(37) + "Distr.: General",
      margin(67) + "2 January 2025",
      "",
      margin(67) + "Original: English",
      "", "", "",
      "Human Rights Council",
      "Fifty-eighth session",
      "24 February-4 April 2025",
      "Agenda item 6",
      "Universal periodic review",
      "", "",
      margin(12) + "Report of the Working Group on the Universal Periodic",
      margin(12) + "Review",
      "",
      margin(12) + "Utopia",
      "", "", "", "",
      std::string(job) + "(E)",
  });

  std::vector<std::string> page{margin(10) + "Introduction"};
  paragraphs(page, 1,
             {"The Working Group on the Universal Periodic Review, established in accordance with Human "
              "Rights Council resolution 5/1, held its forty-seventh session from 4 to 15 November 2024. "
              "The review of Utopia was held at the 10th meeting, on 8 November 2024.",
              "On 10 January 2024, the Human Rights Council selected the following group of rapporteurs "
              "(troika) to facilitate the review of Utopia: Chile, Ghana and Nepal.",
              "The documents issued for the review of Utopia were the national report, a compilation "
              "prepared by the Office of the High Commissioner and a summary of the submissions of "
              "other stakeholders.",
              "A list of questions prepared in advance by Norway, Portugal and Spain was transmitted "
              "to Utopia through the troika. These questions are available on the website of the "
              "universal periodic review."});
  page.insert(page.end(), {"", "", margin(3) + "I. Summary of the proceedings of the review process", "",
                           margin(1) + "A.      Presentation by the State under review", ""});
  // Paragraph 5 runs over the page break, and its next page starts with a capital.
  const std::vector<std::string> fifth = {
      "The head of the delegation, the Minister for Foreign Affairs of Utopia, informed the",
      "Council that the national report had been prepared through broad consultations with",
      "civil society organizations, the national human rights institution and the ministries of",
      "Justice, Education and Health, which had each reviewed the draft before its adoption by",
      "the Government in October 2024."};
  page.push_back(margin() + "5.     " + fifth[0]);
  page.push_back(margin() + fifth[1]);
  page.push_back(margin() + fifth[2]);
  pages.push_back(page);
  for (const auto& line : fifth) r.cut_paragraph += (r.cut_paragraph.empty() ? "" : " ") + line;

  page = {margin() + fifth[3], margin() + fifth[4]};
  paragraphs(page, 6,
             {"The delegation stated that the Constitution had been amended in 2023 to strengthen the "
              "independence of the judiciary and to establish a constitutional court.",
              "Utopia had adopted a national action plan against trafficking in persons and had "
              "created a shelter for victims in each of its four provinces.",
              "A new law on legal aid had entered into force, and the number of persons held in "
              "pretrial detention had fallen by a third since the previous review."});
  page.insert(page.end(), {"", margin(1) + "B.      Interactive dialogue and responses by the State under review", ""});
  paragraphs(page, 9,
             {"During the interactive dialogue, 86 delegations made statements. Recommendations made "
              "during the dialogue are to be found in section II of the present report.",
              "Several delegations welcomed the progress made since the previous review, in particular "
              "the abolition of corporal punishment in all settings.",
              "In its concluding remarks, the delegation thanked all delegations for their constructive "
              "engagement and reaffirmed the commitment of Utopia to the review process."});
  pages.push_back(page);

  // The list: items 1-12 on page 4, 13-27 on page 5 (27 cut by the page break), the rest on page 6.
  std::vector<std::string> cut_item_rest;
  page = {margin(3) + "II. Conclusions and/or recommendations"};
  paragraphs(page, list_paragraph,
             {"The following recommendations will be examined by Utopia, which will provide responses in due time:"});
  for (int k = 1; k <= items; ++k) {
    const std::vector<std::string> states = detail::item_states(k);
    std::string text = item_text(k);
    for (const auto& s : states) text += " (" + s + ")";
    text += k == items ? "." : ";";
    if (!left_out.count(k)) {
      r.recommendations.push_back({k, text, states});
      std::vector<std::string> lines = numbered(std::to_string(list_paragraph) + "." + std::to_string(k), 9, text);
      if (k == 27) {
        cut_item_rest.assign(lines.begin() + 1, lines.end());
        lines.resize(1);
      }
      append(page, lines);
    }
    if (k == 12 || k == 27) {
      pages.push_back(page);
      page = cut_item_rest;
    }
  }
  paragraphs(page, list_paragraph + 1,
             {"All conclusions and/or recommendations contained in the present report reflect the position of the "
              "submitting State(s) and/or the State under review. They should not be construed as endorsed by the "
              "Working Group as a whole."});
  pages.push_back(page);

  // Running heads and footers: the symbol left on even pages and right on odd ones, the
  // page number and job number on one line, the number on the outer side.
  for (std::size_t p = 1; p < pages.size(); ++p) {
    const std::string n = std::to_string(p + 1);
    const bool even = (p + 1) % 2 == 0;
    auto& lines = pages[p];
    lines.insert(lines.begin(), {even ? std::string(symbol) : margin(80) + symbol, "", ""});
    lines.insert(lines.end(),
                 {"", "", even ? n + "    " + job : margin(70) + job + "    " + n});
  }
  return r;
}

/// The report as pdftotext -layout prints it: pages separated by form feeds.
inline std::string layout_text(const Report& r) {
  std::string out;
  for (const auto& page : r.pages) {
    if (!out.empty()) out += '\f';
    for (const auto& line : page) out += line + "\n";
  }
  return out + '\f';
}

}  // namespace test::upr
