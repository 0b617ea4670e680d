// Reader for plain text converted from PDF or Word (the sample corpus).
//
// Line-based: each non-empty line is a block unless it continues the paragraph before it
// (a page break in the middle of a sentence). Good enough to give documents, sections and
// numbered paragraphs with stable addresses; page furniture and footnotes are left to the
// richer readers.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <dossier/dossier.hpp>

namespace {

using namespace dossier;

std::string trim(std::string s) {
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

// Markdown left by converters: **bold**, *italic*, [text](#link).
std::string strip_markup(const std::string& line) {
  static const std::regex link(R"(\[([^\]]*)\]\([^)]*\))");
  std::string s = std::regex_replace(line, link, "$1");
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '*' && (i + 1 < s.size() && s[i + 1] == '*')) {
      ++i;
      continue;
    }
    out += s[i];
  }
  return trim(out);
}

bool ends_sentence(const std::string& s) {
  if (s.empty()) return true;
  const std::string tail = s.substr(s.size() > 3 ? s.size() - 3 : 0);
  for (const char* end : {".", ";", ":", "!", "?", "\xE2\x80\x9D" /* ” */, "\"", ")"})
    if (tail.size() >= std::char_traits<char>::length(end) &&
        tail.compare(tail.size() - std::char_traits<char>::length(end), std::string::npos, end) == 0)
      return true;
  return false;
}

double upper_share(const std::string& s) {
  int letters = 0, upper = 0;
  for (unsigned char c : s) {
    if (std::isalpha(c)) {
      ++letters;
      if (std::isupper(c)) ++upper;
    }
  }
  return letters ? static_cast<double>(upper) / letters : 0.0;
}

bool looks_like_heading_text(const std::string& text) {
  if (text.empty() || text.size() > 140) return false;
  if (text.back() == '.' || text.back() == ';' || text.back() == ',') return false;
  return upper_share(text) > 0.6 || text.size() < 70;
}

std::string find_symbol(const std::string& head) {
  static const std::regex symbol(R"(\b((?:A|E|S|CRC|CEDAW|CCPR|CERD|CMW)(?:/[A-Z][A-Za-z0-9.]*)*/\d+(?:/[A-Za-z0-9.]+)*)\b)");
  std::smatch m;
  return std::regex_search(head, m, symbol) ? m[1].str() : std::string();
}

std::string find_date(const std::string& head) {
  static const std::array<const char*, 12> months = {"January", "February", "March", "April", "May", "June",
                                                     "July", "August", "September", "October", "November", "December"};
  static const std::regex date(R"(\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b)");
  std::smatch m;
  if (!std::regex_search(head, m, date)) return {};
  int month = 0;
  for (std::size_t i = 0; i < months.size(); ++i)
    if (m[2].str() == months[i]) month = static_cast<int>(i) + 1;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%s-%02d-%02d", m[3].str().c_str(), month, std::stoi(m[1].str()));
  return buffer;
}

class TextReader final : public Reader {
 public:
  int sniff(const Source& source) const override {
    const std::size_t n = std::min<std::size_t>(source.content.size(), 1 << 16);
    if (n == 0) return 0;
    std::size_t control = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const unsigned char c = static_cast<unsigned char>(source.content[i]);
      if (c == 0) return 0;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    // Plain text at all: a low bid that richer readers outbid.
    return control * 100 < n ? 10 : 0;
  }

  Document read(const Source& source, Context& context) override {
    Document doc;
    doc.language = "en";
    const std::string head = source.content.substr(0, 4000);
    doc.symbol = find_symbol(source.content.substr(0, 600));
    doc.date = find_date(head);

    std::string stem = source.path;
    if (auto slash = stem.find_last_of('/'); slash != std::string::npos) stem = stem.substr(slash + 1);
    if (auto dot = stem.find_last_of('.'); dot != std::string::npos && dot > 0) stem = stem.substr(0, dot);
    doc.id = doc.symbol.empty() ? slugify(stem) : doc.symbol;

    static const std::regex numbered(R"(^(\d{1,3})\.\s+(.+)$)");
    static const std::regex heading_label(R"(^((?:\d{1,2}\.)+\d{0,2}|\d{1,2}|[IVX]{1,5}\.|[A-H]\.)\s+(.+)$)");
    static const std::regex label_and_text(R"(^((?:\d{1,2}\.)+|[IVX]{1,5}\.|[A-H]\.|\([a-z]\))\s+(.+)$)");
    static const std::regex list_item(R"(^([-\xE2\x80\xA2\xE2\x97\x8F\xEF\x82\xA7\xC2\xB7]|\(?[a-z]\)|\(?[ivx]{1,4}\))\s+(.+)$)");
    static const std::regex recommendations_heading(
        R"(^(?:(Political|Practical|Policy)\s+)?(recommendations?|options for practical action|policy options|outcomes and recommendations)(?:\s+to\s+(?:the\s+)?(.+?)|\s+in relation to .*)?\s*:?$)",
        std::regex::icase);

    std::istringstream in(source.content);
    std::string raw;
    std::uint32_t line_no = 0;
    int last_number = 0;
    // Ordinals count per printed section path: two sections may print the same path.
    std::map<std::string, std::size_t> unnumbered_in_path;
    std::string rec_kind, rec_addressee;
    bool in_recommendations = false;

    auto add_block = [&](Block b) {
      b.section = doc.sections.empty() ? -1 : static_cast<int>(doc.sections.size()) - 1;
      if (b.kind == BlockKind::numbered_paragraph) {
        b.address = paragraph_address(doc.id, b.number);
      } else {
        const std::string path = doc.section_path(b.section);
        b.address = block_address(doc.id, path, ++unnumbered_in_path[path]);
      }
      if (in_recommendations &&
          (b.kind == BlockKind::numbered_paragraph || b.kind == BlockKind::list_item)) {
        doc.recommendations.push_back({b.address, rec_kind, rec_addressee, b.text, {}});
      }
      doc.blocks.push_back(std::move(b));
    };
    auto add_section = [&](std::string label, std::string title, std::uint32_t line) {
      Section s;
      s.level = 1;
      if (!label.empty() && std::isdigit(static_cast<unsigned char>(label[0]))) {
        std::string stripped = label;
        while (!stripped.empty() && stripped.back() == '.') stripped.pop_back();
        s.level = 1 + static_cast<int>(std::count(stripped.begin(), stripped.end(), '.'));
      } else if (label.size() == 2 && label[0] >= 'A' && label[0] <= 'H') {
        s.level = 2;
      }
      // Parent: the nearest earlier section of a lower level.
      for (int i = static_cast<int>(doc.sections.size()) - 1; i >= 0; --i)
        if (doc.sections[static_cast<std::size_t>(i)].level < s.level) {
          s.parent = i;
          break;
        }
      s.label = std::move(label);
      s.title = std::move(title);
      s.kind = "section";
      doc.sections.push_back(s);
      Block b;
      b.kind = BlockKind::heading;
      b.text = (s.label.empty() ? "" : s.label + " ") + s.title;
      b.span = {line, line};
      add_block(std::move(b));
      in_recommendations = false;
    };

    while (std::getline(in, raw)) {
      ++line_no;
      if (!raw.empty() && raw.back() == '\r') raw.pop_back();
      const bool has_tab = raw.find('\t') != std::string::npos;
      const std::string line = strip_markup(raw);
      if (line.empty()) continue;
      if (doc.title.empty() && line.size() > 3) doc.title = line.substr(0, 200);

      std::smatch m;
      // "1. Recommendations to States:", "(a) Recommendations in relation to the HLD:"
      std::string label, rest = line;
      if (std::regex_match(line, m, label_and_text)) {
        label = m[1].str();
        rest = m[2].str();
      }
      if (std::regex_match(rest, m, recommendations_heading)) {
        const std::string previous_addressee = in_recommendations ? rec_addressee : std::string();
        if (!label.empty()) {
          add_section(label, rest, line_no);
        } else {
          Block b;
          b.kind = BlockKind::heading;
          b.text = line;
          b.span = {line_no, line_no};
          add_block(std::move(b));
        }
        in_recommendations = true;
        const std::string qualifier = m[1].str();
        std::string what = m[2].str();
        std::transform(what.begin(), what.end(), what.begin(), [](unsigned char c) { return std::tolower(c); });
        rec_kind = what.rfind("policy", 0) == 0 || qualifier == "Policy" ? "policy_option"
                   : what.rfind("options for practical", 0) == 0       ? "practical_action"
                   : qualifier.empty() ? "recommendation"
                                       : std::string(1, static_cast<char>(std::tolower(qualifier[0]))) +
                                             qualifier.substr(1) + "_recommendation";
        rec_addressee = m[3].matched ? m[3].str() : previous_addressee;
        continue;
      }
      if (has_tab) {
        // Tab-separated rows (tables, contents lists): consecutive rows make one table.
        std::vector<std::string> cells;
        std::string cell;
        std::istringstream row(raw);
        while (std::getline(row, cell, '\t')) cells.push_back(strip_markup(cell));
        if (!doc.blocks.empty() && doc.blocks.back().kind == BlockKind::table &&
            doc.blocks.back().span.last_line + 1 == line_no) {
          doc.blocks.back().cells.push_back(cells);
          doc.blocks.back().text += "\n" + line;
          doc.blocks.back().span.last_line = line_no;
          continue;
        }
        Block b;
        b.kind = BlockKind::table;
        b.cells.push_back(cells);
        b.text = line;
        b.span = {line_no, line_no};
        add_block(std::move(b));
        continue;
      }
      if (std::regex_match(line, m, numbered)) {
        const int n = std::stoi(m[1].str());
        const std::string rest = m[2].str();
        const bool in_sequence = n > last_number && n <= last_number + 3;
        if (in_sequence && !(looks_like_heading_text(rest) && upper_share(rest) > 0.6)) {
          last_number = n;
          Block b;
          b.kind = BlockKind::numbered_paragraph;
          b.number = m[1].str();
          b.text = rest;
          b.span = {line_no, line_no};
          add_block(std::move(b));
          continue;
        }
      }
      if (std::regex_match(line, m, heading_label) && looks_like_heading_text(m[2].str()) &&
          (upper_share(m[2].str()) > 0.6 || !std::isdigit(static_cast<unsigned char>(line[0])))) {
        add_section(m[1].str(), m[2].str(), line_no);
        continue;
      }
      if (std::regex_match(line, m, list_item)) {
        Block b;
        b.kind = BlockKind::list_item;
        b.marker = m[1].str();
        b.text = m[2].str();
        b.span = {line_no, line_no};
        add_block(std::move(b));
        continue;
      }
      // A line that starts in lower case after an unfinished paragraph continues it.
      if (!doc.blocks.empty()) {
        Block& last = doc.blocks.back();
        const bool joinable = last.kind == BlockKind::numbered_paragraph || last.kind == BlockKind::text ||
                              last.kind == BlockKind::list_item;
        if (joinable && !ends_sentence(last.text) && std::islower(static_cast<unsigned char>(line[0]))) {
          last.text += " " + line;
          last.span.last_line = line_no;
          if (!doc.recommendations.empty() && doc.recommendations.back().address == last.address)
            doc.recommendations.back().text = last.text;
          continue;
        }
      }
      if (upper_share(line) > 0.8 && looks_like_heading_text(line) && line.size() > 3) {
        add_section("", line, line_no);
        continue;
      }
      Block b;
      b.kind = BlockKind::text;
      b.text = line;
      b.span = {line_no, line_no};
      add_block(std::move(b));
    }
    if (doc.blocks.empty())
      doc.diagnostics.push_back({Diagnostic::Severity::warning, "no text found", {}});
    context.debug(source.path + ": " + std::to_string(doc.blocks.size()) + " blocks, " +
                  std::to_string(doc.sections.size()) + " sections");
    return doc;
  }
};

}  // namespace

DOSSIER_PLUGIN(reader, TextReader, "text", "0.1.0",
               "Plain text converted from PDF or Word: sections, numbered paragraphs, lists, tables")
