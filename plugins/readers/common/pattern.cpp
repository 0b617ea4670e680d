#include "pattern.hpp"

#include <re2/re2.h>

#include <cctype>
#include <stdexcept>

namespace dossier::readers {

namespace {

// std::regex's \s (isspace in the C locale) includes \v; RE2's does not. Spelled out, so
// that converted Word text with vertical tabs reads as before.
std::string with_c_locale_spaces(std::string_view expression) {
  std::string out;
  out.reserve(expression.size() + 16);
  bool in_class = false;
  for (std::size_t i = 0; i < expression.size(); ++i) {
    const char c = expression[i];
    if (c == '\\' && i + 1 < expression.size()) {
      const char next = expression[++i];
      if (next == 's') out += in_class ? "\\t-\\r " : "[\\t-\\r ]";
      else if (next == 'S' && !in_class) out += "[^\\t-\\r ]";
      else if (next == 'S') throw std::logic_error("Pattern: \\S inside a bracket class");
      else {
        out += c;
        out += next;
      }
      continue;
    }
    if (c == '[' && !in_class) {
      in_class = true;
      out += c;
      // A ']' (or '^]') right after the opening bracket is a literal.
      if (i + 1 < expression.size() && expression[i + 1] == '^') out += expression[++i];
      if (i + 1 < expression.size() && expression[i + 1] == ']') out += expression[++i];
      continue;
    }
    if (c == ']' && in_class) in_class = false;
    out += c;
  }
  return out;
}

re2::RE2::Options options(bool ignore_case) {
  re2::RE2::Options o;
  o.set_encoding(re2::RE2::Options::EncodingLatin1);  // bytes, as std::regex matched them
  o.set_case_sensitive(!ignore_case);
  o.set_log_errors(false);
  return o;
}

re2::StringPiece piece(std::string_view s) { return re2::StringPiece(s.data(), s.size()); }

}  // namespace

std::size_t Match::position(std::size_t i) const {
  const Group& g = groups_.at(i);
  if (!g.matched) return position(0) + length(0);
  return static_cast<std::size_t>(g.view.data() - text_.data());
}

Pattern::Pattern(std::string_view expression, bool ignore_case)
    : re_(std::make_unique<re2::RE2>(with_c_locale_spaces(expression), options(ignore_case))) {
  if (!re_->ok()) throw std::logic_error("Pattern: " + re_->error() + " in " + std::string(expression));
  if (re_->NumberOfCapturingGroups() >= static_cast<int>(Match::kMostGroups))
    throw std::logic_error("Pattern: too many groups in " + std::string(expression));
}

Pattern::Pattern(std::string_view expression, bool ignore_case, std::string_view first_bytes)
    : Pattern(expression, ignore_case) {
  any_first_ = false;
  for (const char c : first_bytes) {
    const auto b = static_cast<unsigned char>(c);
    first_[b] = true;
    if (ignore_case && b < 0x80 && std::isalpha(b)) {
      first_[static_cast<unsigned char>(std::tolower(b))] = true;
      first_[static_cast<unsigned char>(std::toupper(b))] = true;
    }
  }
}

Pattern::~Pattern() = default;

bool Pattern::may_start(std::string_view text, std::size_t from) const {
  return any_first_ || (from < text.size() && first_[static_cast<unsigned char>(text[from])]);
}

bool Pattern::full(std::string_view text) const {
  return may_start(text, 0) && re_->Match(piece(text), 0, text.size(), re2::RE2::ANCHOR_BOTH, nullptr, 0);
}

bool Pattern::contains(std::string_view text) const {
  return re_->Match(piece(text), 0, text.size(), re2::RE2::UNANCHORED, nullptr, 0);
}

namespace {

bool run(const re2::RE2& re, std::string_view text, std::size_t from, re2::RE2::Anchor anchor,
         std::array<Match::Group, Match::kMostGroups>& groups) {
  std::array<re2::StringPiece, Match::kMostGroups> found;
  const int n = re.NumberOfCapturingGroups() + 1;
  if (from > text.size() || !re.Match(piece(text), from, text.size(), anchor, found.data(), n)) return false;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const bool matched = i < static_cast<std::size_t>(n) && found[i].data() != nullptr;
    groups[i] = {matched ? std::string_view(found[i].data(), found[i].size()) : std::string_view(), matched};
  }
  return true;
}

}  // namespace

bool Pattern::full(std::string_view text, Match& match) const {
  match.text_ = text;
  return may_start(text, 0) && run(*re_, text, 0, re2::RE2::ANCHOR_BOTH, match.groups_);
}

bool Pattern::find(std::string_view text, Match& match, std::size_t from) const {
  match.text_ = text;
  return run(*re_, text, from, re2::RE2::UNANCHORED, match.groups_);
}

std::string Pattern::replace_all(std::string_view text, std::string_view rewrite) const {
  std::string out;
  Match m;
  std::size_t from = 0;
  while (from <= text.size() && find(text, m, from)) {
    const std::size_t at = m.position(0), end = at + m.length(0);
    out.append(text.substr(from, at - from));
    for (std::size_t i = 0; i < rewrite.size(); ++i) {
      if (rewrite[i] == '\\' && i + 1 < rewrite.size() && rewrite[i + 1] >= '0' && rewrite[i + 1] <= '9') {
        out.append(m[static_cast<std::size_t>(rewrite[++i] - '0')].view);
      } else {
        out += rewrite[i];
      }
    }
    if (end == at) {  // an empty match: keep the next byte and move on
      if (at < text.size()) out += text[at];
      from = at + 1;
    } else {
      from = end;
    }
  }
  if (from < text.size()) out.append(text.substr(from));
  return out;
}

}  // namespace dossier::readers
