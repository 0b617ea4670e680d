#include "dossier/domain/citation.hpp"

#include <regex>
#include <vector>

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN

std::string slugify(std::string_view text) {
  std::string out;
  bool dash = false;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
      dash = false;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
      dash = false;
    } else if (!out.empty() && !dash) {
      out += '-';
      dash = true;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > 64) {
    out.resize(64);
    while (!out.empty() && out.back() == '-') out.pop_back();
  }
  return out.empty() ? "document" : out;
}

namespace {

std::string trimmed(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<long> number_parts(std::string_view number) {
  std::vector<long> parts;
  long value = -1;
  for (char c : number) {
    if (c >= '0' && c <= '9') {
      value = (value < 0 ? 0 : value) * 10 + (c - '0');
      if (value > 1000000) return {};
    } else if (c == '.' && value >= 0) {
      parts.push_back(value);
      value = -1;
    } else {
      return {};
    }
  }
  if (value >= 0) parts.push_back(value);
  return parts;
}

}  // namespace

bool parse_citation(std::string_view text, Citation& out) {
  if (text.size() > 1000) return false;
  const std::string s = trimmed(text);
  // Paragraphs: "<doc> ¶135", "<doc> ¶50-54", "<doc> para 135", "<doc> paras. 50–54".
  static const std::regex paragraph(
      R"(^(.+?)\s*(?:\xC2\xB6|\bparas?\.?\s)\s*(\d+(?:\.\d+)*(?:\([a-z0-9]{1,6}\))*)(?:\s*(?:-|\xE2\x80\x93|to)\s*(\d+(?:\.\d+)*))?$)",
      std::regex::icase);
  static const std::regex block(R"(^(.+?)\s+#(\d{1,9})$)");
  std::smatch m;
  Citation c;
  if (std::regex_match(s, m, paragraph)) {
    c.document = trimmed(m[1].str());
    c.first = m[2].str();
    c.last = m[3].matched ? m[3].str() : c.first;
  } else if (std::regex_match(s, m, block)) {
    // Section paths may hold spaces ("6.1.RT Session 1.1"); document ids never hold "§".
    const std::string head = m[1].str();
    const auto section = head.find("\xC2\xA7");
    c.document = trimmed(head.substr(0, section));
    if (section != std::string::npos) c.section_path = trimmed(head.substr(section + 2));
    c.ordinal = static_cast<std::size_t>(std::stoul(m[2].str()));
  } else {
    return false;
  }
  if (c.document.empty()) return false;
  out = std::move(c);
  return true;
}

bool citation_covers(const Citation& citation, std::string_view number) {
  if (citation.first.empty()) return false;
  const auto n = number_parts(number);
  const auto first = number_parts(citation.first);
  const auto last = number_parts(citation.last);
  if (n.empty() || first.empty() || last.empty()) return false;
  // A range of whole paragraphs covers their sub-paragraphs: ¶121-122 covers 121.1.
  const auto prefix = [](const std::vector<long>& v, std::size_t k) {
    return std::vector<long>(v.begin(), v.begin() + static_cast<long>(std::min(k, v.size())));
  };
  return prefix(n, first.size()) >= first && prefix(n, last.size()) <= last;
}

DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
