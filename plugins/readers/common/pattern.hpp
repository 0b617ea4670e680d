// Regular expressions for the readers, compiled once with RE2.
//
// Why not std::regex: libstdc++'s matcher backtracks and recurses once per character it
// matches, so a converted document with one 50 MB line overflowed the stack, and matching
// was most of the readers' time. RE2 runs in time linear in the text, without recursion.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace dossier::readers {

// One match: the whole of it (group 0) and its capturing groups, as views into the text
// that was searched (which must outlive the match).
class Match {
 public:
  static constexpr std::size_t kMostGroups = 10;

  struct Group {
    std::string_view view;
    bool matched = false;
    std::string str() const { return std::string(view); }
  };

  const Group& operator[](std::size_t i) const { return groups_.at(i); }
  std::string str(std::size_t i = 0) const { return groups_.at(i).str(); }
  // Offset of group `i` in the searched text; that of the match end when it did not match.
  std::size_t position(std::size_t i = 0) const;
  std::size_t length(std::size_t i = 0) const { return groups_.at(i).view.size(); }
  std::string_view prefix() const { return text_.substr(0, position(0)); }
  std::string_view suffix() const { return text_.substr(position(0) + length(0)); }

 private:
  friend class Pattern;
  std::string_view text_;
  std::array<Group, kMostGroups> groups_{};
};

// Patterns use RE2's syntax (close to ECMAScript: no lookaround, no back-references) over
// bytes, as std::regex read them: a multi-byte character is spelled as its bytes
// ("\xE2\x80\x93"), and `\s` includes the vertical tab, as it did.
class Pattern {
 public:
  explicit Pattern(std::string_view expression, bool ignore_case = false);
  // With the bytes a match can start with (as the pattern spells them; both cases are
  // added when ignoring case): a text starting with another byte is rejected without
  // calling RE2, which for the readers' per-line patterns is most of them.
  Pattern(std::string_view expression, bool ignore_case, std::string_view first_bytes);
  ~Pattern();
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  // Whether the whole text matches.
  bool full(std::string_view text) const;
  bool full(std::string_view text, Match& match) const;
  // The leftmost match starting at or after `from` (the text before `from` still counts for
  // `^` and `\b`).
  bool find(std::string_view text, Match& match, std::size_t from = 0) const;
  // Whether the pattern matches anywhere in the text.
  bool contains(std::string_view text) const;
  // Every non-overlapping match replaced by `rewrite`, where \1 .. \9 stand for groups.
  std::string replace_all(std::string_view text, std::string_view rewrite) const;

 private:
  bool may_start(std::string_view text, std::size_t from) const;

  std::unique_ptr<re2::RE2> re_;
  std::array<bool, 256> first_{};
  bool any_first_ = true;
};

}  // namespace dossier::readers
