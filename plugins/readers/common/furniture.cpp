#include "furniture.hpp"

#include "pattern.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace dossier::readers {

namespace {

// How many lines at the top and at the foot of a page can be furniture: a running head, a
// page line ("Page 17"), a job number and a barcode at most.
constexpr std::size_t kZone = 4;

enum Zone { top = 0, foot = 1 };

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool has_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalpha(u) || u >= 0x80;
  });
}

bool has_digit(std::string_view s) { return std::any_of(s.begin(), s.end(), is_digit); }

// A paragraph number ("12.", "121.3.") is never furniture, however often pages start with one.
bool paragraph_number_shape(std::string_view key) {
  return key.size() >= 2 && key.back() == '.' &&
         std::all_of(key.begin(), key.end(), [](char c) { return c == '#' || c == '.'; });
}

// Barcodes printed with a symbol font come out as private-use characters (U+E000..U+F8FF).
bool private_use_only(std::string_view t) {
  std::size_t pua = 0, other = 0;
  for (std::size_t i = 0; i < t.size();) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c == 0xEE || (c == 0xEF && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) <= 0xA3)) {
      ++pua;
      i += 3;
    } else {
      if (!std::isspace(c)) ++other;
      ++i;
    }
  }
  return pua > 0 && other == 0;
}

// What is furniture on any page without needing repetition: a barcode (in a symbol font or
// as "*1412578*"), the recycling note of UN covers, and the UN's job number, which every
// UN document prints once on its cover in one form ("GE.19-21936(E)", "13-42115 (E)
// 240513 250513", "19-12345 (F)"), whatever else a page repeats.
bool furniture_by_itself(std::string_view t) {
  static const Pattern job(R"(^(?:[A-Z]{1,3}\.\s?)?\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6}){0,2}\s*$)");
  if (private_use_only(t) || job.full(t)) return true;
  if (t.size() >= 9 && t.front() == '*' && t.back() == '*' &&
      std::all_of(t.begin() + 1, t.end() - 1, is_digit))
    return true;
  return t == "Please recycle";
}

// What must come back on other pages for a piece to be furniture: its shape when it is
// short (a page number, a job number, "Page 17"), itself when it is long. A long piece that
// comes back only by shape is a footnote ("12   CRC/C/SVN/CO/3-4, para. 7."), not furniture.
std::string repeat_key(std::string_view cell) {
  if (cell.size() <= 20) return furniture_key(cell);
  std::string key = "=";
  for (const char c : cell)
    if (!std::isspace(static_cast<unsigned char>(c))) key += c;
  return key;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

struct Page {
  std::vector<std::size_t> lines;  // indexes of its non-blank lines
};

class Finder {
 public:
  explicit Finder(std::vector<PageLine>& lines) : lines_(lines) {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const std::uint32_t p = lines_[i].page;
      if (pages_.size() <= p) pages_.resize(p + 1);
      if (!lines_[i].blank) pages_[p].lines.push_back(i);
    }
    // pdftotext ends the last page with a form feed: the empty "page" after it is none.
    while (!pages_.empty() && pages_.back().lines.empty()) pages_.pop_back();
  }

  FurnitureReport run() {
    count_shapes();
    for (std::uint32_t p = 0; p < pages_.size(); ++p) {
      mark_from_edge(p, top);
      mark_from_edge(p, foot);
    }
    cut_known_pieces();
    FurnitureReport report;
    report.pages = pages_.size();
    for (int z : {top, foot})
      for (const auto& k : keys_[z]) report.keys.push_back((z == top ? "top " : "foot ") + k);
    for (std::uint32_t p = 0; p < pages_.size(); ++p) {
      bool text = false;
      for (std::size_t i : pages_[p].lines) {
        if (lines_[i].furniture) report.removed.push_back(lines_[i].text);
        else text = true;
      }
      if (pages_[p].lines.empty()) report.blank_pages.push_back(p);
      else if (!text) report.pages_without_text.push_back(p);
    }
    for (const auto& [at, piece] : cut_) report.removed.push_back(piece);
    return report;
  }

 private:
  // The lines of page `p` in zone `z`, from the edge inwards.
  std::vector<std::size_t> zone(std::uint32_t p, int z) const {
    const auto& all = pages_[p].lines;
    const std::size_t n = std::min(kZone, all.size());
    if (z == top) return {all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n)};
    return {all.rbegin(), all.rbegin() + static_cast<std::ptrdiff_t>(n)};
  }

  // Shapes that come back at the same edge on enough pages to be furniture.
  void count_shapes() {
    std::map<std::string, std::set<std::uint32_t>> seen[2];
    std::size_t with_text = 0;
    for (std::uint32_t p = 0; p < pages_.size(); ++p) {
      if (pages_[p].lines.empty()) continue;
      ++with_text;
      for (int z : {top, foot})
        for (std::size_t i : zone(p, z))
          for (std::string_view cell : layout_cells(lines_[i].text)) {
            const std::string key = repeat_key(cell);
            seen[z][key].insert(p);
            if (key == "#" && cell.size() <= 4) ++deltas_[z][std::stol(std::string(cell)) - static_cast<long>(p)];
          }
    }
    if (with_text < 2) return;  // one page shows no repetition
    // A fifth of the pages: running heads alternate between even and odd pages, and the
    // cover and annexes print none.
    const std::size_t needed = std::max<std::size_t>(2, (with_text + 4) / 5);
    for (int z : {top, foot})
      for (const auto& [key, pages] : seen[z])
        if (pages.size() >= needed && !key.empty() && !paragraph_number_shape(key)) keys_[z].insert(key);
    // Page numbers go up with the pages: the same difference between number and page comes
    // back page after page (one for the body, another where an annex numbers afresh). Bare
    // numbers that do not keep step (footnote labels, "12  Ibid.") are no page numbers.
    for (int z : {top, foot})
      for (const auto& [delta, count] : deltas_[z])
        if (count >= needed) page_deltas_[z].insert(delta);
  }

  bool page_number(std::string_view cell, std::uint32_t page, int z) const {
    return cell.size() <= 4 && page_deltas_[z].count(std::stol(std::string(cell)) - static_cast<long>(page)) > 0;
  }

  bool furniture_key_in(const std::string& key, int z) const {
    if (keys_[z].count(key)) return true;
    // One character off a long shape is the same furniture with a misprint ("A/HRC23/4").
    if (key.size() < 6) return false;
    for (const auto& k : keys_[z])
      if (k.size() >= 6 && (k.size() > key.size() ? k.size() - key.size() : key.size() - k.size()) <= 1 &&
          edit_distance(k, key) <= 1)
        return true;
    return false;
  }

  bool furniture_line(const std::string& text, std::uint32_t page, int z) const {
    if (furniture_by_itself(text)) return true;
    const auto cells = layout_cells(text);
    // A page carries one running head and one page number: a row of figures is a table.
    if (cells.empty() || cells.size() > 3) return false;
    std::size_t numbers = 0;
    for (std::string_view cell : cells) {
      const std::string key = repeat_key(cell);
      if (!furniture_key_in(key, z)) return false;
      if (key == "#") {
        if (!page_number(cell, page, z)) return false;
        ++numbers;
      }
    }
    return numbers <= 1;
  }

  void mark_from_edge(std::uint32_t p, int z) {
    bool page_number_seen = false;  // a page prints its number once at an edge
    for (std::size_t i : zone(p, z)) {
      if (lines_[i].furniture) continue;
      if (!furniture_line(lines_[i].text, p, z)) break;
      const auto cells = layout_cells(lines_[i].text);
      const bool numbered =
          std::any_of(cells.begin(), cells.end(), [](std::string_view c) { return furniture_key(c) == "#"; });
      if (numbered && page_number_seen) break;  // a second one is a note's label
      page_number_seen = page_number_seen || numbered;
      lines_[i].furniture = true;
      for (std::string_view cell : layout_cells(lines_[i].text))
        if (has_digit(cell) && cell.size() >= 5) literals_.insert(std::string(cell));
    }
  }

  // Furniture printed once, on a page that shows it among other things (the cover's job
  // line "GE.13-12484 (E)  050413", its "United Nations   A/HRC/23/3"): pieces that begin
  // with a text seen as furniture elsewhere are cut out of the edge lines.
  void cut_known_pieces() {
    if (literals_.empty()) return;
    for (std::uint32_t p = 0; p < pages_.size(); ++p) {
      for (int z : {top, foot}) {
        for (std::size_t i : zone(p, z)) {
          PageLine& line = lines_[i];
          if (line.furniture) continue;
          std::string kept, cut;
          for (std::string_view cell : layout_cells(line.text)) {
            const bool known = std::any_of(literals_.begin(), literals_.end(), [&](const std::string& lit) {
              return cell.substr(0, lit.size()) == lit &&
                     (cell.size() == lit.size() || cell[lit.size()] == ' ' || cell[lit.size()] == '(');
            });
            std::string& into = known ? cut : kept;
            if (!into.empty()) into += "   ";
            into += cell;
          }
          if (cut.empty()) continue;
          if (!has_letter(kept)) {
            line.furniture = true;
          } else {
            cut_.emplace_back(i, cut);
            line.text = kept;
          }
        }
      }
    }
  }

  std::vector<PageLine>& lines_;
  std::vector<Page> pages_;
  std::set<std::string> keys_[2];
  std::map<long, std::size_t> deltas_[2];  // page number minus page index -> pages seen
  std::set<long> page_deltas_[2];          // the differences page numbers keep
  std::set<std::string> literals_;
  std::vector<std::pair<std::size_t, std::string>> cut_;  // line, the pieces cut from it
};

}  // namespace

std::string furniture_key(std::string_view cell) {
  std::string key;
  key.reserve(cell.size());
  for (std::size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (is_digit(c)) {
      if (key.empty() || key.back() != '#') key += '#';
      while (i + 1 < cell.size() && is_digit(cell[i + 1])) ++i;
    } else if (!std::isspace(static_cast<unsigned char>(c))) {
      key += c;
    }
  }
  return key;
}

std::vector<std::string_view> layout_cells(std::string_view text) {
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && text[start] == ' ') ++start;
    if (start >= text.size()) break;
    std::size_t end = text.find("   ", start);
    if (end == std::string_view::npos) end = text.size();
    std::size_t last = end;
    while (last > start && text[last - 1] == ' ') --last;
    cells.push_back(text.substr(start, last - start));
    start = end;
  }
  return cells;
}

FurnitureReport find_page_furniture(std::vector<PageLine>& lines) { return Finder(lines).run(); }

}  // namespace dossier::readers
