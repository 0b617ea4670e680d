// Codes a heading names in a parenthesis: "Round table 1 (objectives 2, 5, 6, 12 and 18)",
// "Table ronde 1 (objectifs 2, 5, 6, 12 et 18)", "第一场圆桌会议(目标2、5、6、12和18)". The
// Progress Declarations of the International Migration Review Forum group their paragraphs
// under such headings; `dossier train --scheme gcm` learns from them and the gcm analyzer
// reads them as the scope of the paragraphs below.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier::analyzers {

/// The numbers of the first parenthesis (ASCII or full-width) holding two or more numbers,
/// all in 1..`count`; empty when there is none. Language-free: only the parenthesis and its
/// digits count, so words between them ("and", "et", "和") do not matter.
inline std::vector<int> numbers_named_in(std::string_view heading, int count) {
  static constexpr std::string_view wide_open = "\xEF\xBC\x88", wide_close = "\xEF\xBC\x89";  // （ ）
  for (std::size_t at = 0; at < heading.size();) {
    const std::size_t ascii = heading.find('(', at), wide = heading.find(wide_open, at);
    const std::size_t open = ascii < wide ? ascii : wide;
    if (open == std::string_view::npos) break;
    std::vector<int> numbers;
    bool valid = true;
    std::size_t i = open + (open == wide ? wide_open.size() : 1);
    while (i < heading.size() && heading[i] != ')' && heading[i] != '(' && heading.compare(i, 3, wide_close) != 0) {
      if (heading[i] < '0' || heading[i] > '9') {
        ++i;
        continue;
      }
      int n = 0;
      for (; i < heading.size() && heading[i] >= '0' && heading[i] <= '9'; ++i) n = n < 1000 ? n * 10 + (heading[i] - '0') : n;
      valid = valid && n >= 1 && n <= count;
      numbers.push_back(n);
    }
    if (valid && numbers.size() >= 2) return numbers;
    at = open + 1;
  }
  return {};
}

}  // namespace dossier::analyzers
