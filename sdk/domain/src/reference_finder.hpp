// What the parts of find_references() share: the hit they collect, the citation forms, what a
// paragraph mentions, and the text primitives; it exists so that the finder can be split by
// responsibility (see the list of files below) without exporting any of it.
//
// - references.cpp: find_references() itself, and which of overlapping hits win;
// - reference_scanner.cpp: text as words and tokens, and the one pass over a paragraph;
// - reference_forms.cpp: the citation forms ("SDG 10", "objective 13", ...) as patterns;
// - reference_codes.cpp: SDG, GCM and ILO codes, their validity and the lists that cite them;
// - reference_symbols.cpp: UN document symbols and GFMD practice links;
// - reference_names.cpp: treaties, organisations and countries by name (tables in
//   reference_tables.cpp), with their word-boundary and capitalisation rules.
#pragma once

#include <cstddef>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/version.hpp"

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN
namespace detail {

constexpr int kIloConventions = 190;  // C190 (2019) is the latest

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
inline bool is_alpha(char c) noexcept { return is_lower(c) || is_upper(c); }
inline bool is_alnum(char c) noexcept { return is_digit(c) || is_alpha(c); }
inline char to_lower(char c) noexcept { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// ---- Text (reference_scanner.cpp) ----

bool starts_with_icase(std::string_view s, std::string_view prefix) noexcept;
bool contains_icase(std::string_view s, std::string_view needle) noexcept;
bool contains(std::string_view s, std::string_view needle) noexcept;
char32_t decode(std::string_view s, std::size_t i, std::size_t& length) noexcept;
bool is_space_point(char32_t c) noexcept;
bool is_ascii_word(char c) noexcept;
std::size_t word_end(std::string_view s, std::size_t i) noexcept;
std::size_t skip_spaces(std::string_view s, std::size_t i) noexcept;
std::size_t token_end(std::string_view s, std::size_t i) noexcept;
std::size_t dash_at(std::string_view s, std::size_t i) noexcept;
bool is_apostrophe(std::string_view token) noexcept;

// ---- What a paragraph mentions ----

bool mentions_sdg(std::string_view text) noexcept;  // reference_forms.cpp

// What the paragraph must mention before an ambiguous form ("Goal 10", "target 10.7",
// "(17.14)", "cluster 3", "(No. 143)") is taken as a reference.
enum class Context {
  none,
  sdgs,         // SDG(s), Sustainable Development Goal(s)
  sdg_targets,  // also Sustainable Development, the 2030 Agenda
  gcm,          // the GCM, the GFMD or a Global Compact
  ilo,          // the ILO or the International Labour Organization
};

// Which contexts a paragraph has, each worked out on first use: most paragraphs need none.
class Mentions {
 public:
  explicit Mentions(std::string_view text) : text_(text) {}

  bool has(Context c) {
    switch (c) {
      case Context::none: return true;
      case Context::sdgs: return sdgs();
      case Context::sdg_targets: return sdg_targets();
      case Context::gcm: return once(gcm_, [this] {
          return contains(text_, "GCM") || contains(text_, "GFMD") || contains_icase(text_, "global compact");
        });
      case Context::ilo: return ilo();
    }
    return false;
  }
  bool ilo() {
    return once(ilo_, [this] {
      return contains(text_, "ILO") || contains(text_, "International Labour") ||
             contains(text_, "International Labor");
    });
  }
  bool convention() {
    return once(convention_, [this] { return contains(text_, "onvention") || contains(text_, "ONVENTION"); });
  }

 private:
  bool sdgs() {
    return once(sdgs_, [this] { return mentions_sdg(text_) || contains_icase(text_, "sustainable development goal"); });
  }
  bool sdg_targets() {
    return once(sdg_targets_, [this] {
      return sdgs() || contains(text_, "Sustainable Development") || contains_icase(text_, "2030 Agenda") ||
             contains_icase(text_, "Agenda 2030");
    });
  }
  template <typename Test>
  static bool once(signed char& known, Test test) {
    if (known < 0) known = test() ? 1 : 0;
    return known == 1;
  }

  std::string_view text_;
  signed char sdgs_ = -1, sdg_targets_ = -1, gcm_ = -1, ilo_ = -1, convention_ = -1;
};

// ---- Citation forms (reference_forms.cpp) ----

// Shapes of code a form may cite.
enum Kind : unsigned { kGoal = 1, kTarget = 2, kIndicator = 4, kObjective = 8, kCluster = 16, kIlo = 32, kSymbol = 64 };

// Where the printed words of a form's hit begin.
enum class Start {
  match,        // at the match: "SDG target 10.c"
  list,         // at the codes: "(17.14)" is cited as "17.14"
  after_paren,  // after the opening parenthesis: "(No. 143)" is cited as "No. 143"
};

// A phrase "<words> <list of codes>"; group 1 of `pattern` holds the list. (Or, with kinds
// kSymbol, a UN document symbol.) A pattern is only tried where one of `starts` is printed at
// the start of a word, or at a parenthesis: anchoring is what keeps std::regex fast, since a
// plain regex_search attempts a match at every character.
struct Form {
  std::regex pattern;
  std::vector<std::string_view> starts;  // what a match can start with, as printed
  unsigned kinds;
  Context context;
  Start start = Start::match;
  bool (*accept)(std::string_view text, std::size_t at) = nullptr;  // a further test of the match at `at`
};

// The forms find_references() tries, at most kMostForms (reference_scanner.cpp) of them.
const std::vector<Form>& forms();

// ---- Hits, and what finds them ----

// One phrase that cites one or more things ("SDGs 5 and 8") and the span of its printed words.
struct Hit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<std::pair<std::string_view, std::string>> items;  // type, id; none for words that only
                                                                // keep shorter names out ("New Mexico")
  bool nested = false;   // kept inside a longer hit: "ILO" of "ILO Convention No. 189"
  bool acronym = false;  // a name printed as an acronym, which may abbreviate the name before it
};

// The one pass over a paragraph: forms and names (reference_scanner.cpp).
void scan_paragraph(std::string_view text, Mentions& mentions, std::vector<Hit>& hits);

// Codes (reference_codes.cpp).
std::string normalise_code(std::string_view printed, int& parts);
bool in_range(std::string_view id, int last) noexcept;
void list_found(const Form& f, std::string_view text, std::size_t at, const std::cmatch& m,
                std::vector<Hit>& hits);

// Symbols and links (reference_symbols.cpp).
void symbol_found(std::string_view text, std::size_t begin, const std::cmatch& m, std::vector<Hit>& hits);
void find_practices(std::string_view text, std::vector<Hit>& hits);

// Names printed from the word text[begin, end), which starts with a capital or a digit
// (reference_names.cpp).
void find_names_at(std::string_view text, std::size_t begin, std::size_t end, Mentions& mentions,
                   std::vector<Hit>& hits);

}  // namespace detail
DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
