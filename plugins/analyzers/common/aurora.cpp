// The Aurora SDG query engine: see aurora.hpp.
#include "aurora.hpp"
#include "bytes_hash.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <deque>
#include <map>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include <pugixml.hpp>

namespace dossier::aurora {

namespace {

// ---------------------------------------------------------------------------------------------
// Tokenisation shared by texts and query words.

struct Tok {
  std::uint32_t b = 0, e = 0;  // byte offsets [b, e) into the text
};

bool is_ascii_word(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char fold(unsigned char c) {
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

// Length of the UTF-8 sequence at s[i] (clamped to the text), and whether it separates words.
std::size_t utf8_char(std::string_view s, std::size_t i, bool& separator) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = c >= 0xF0 && c < 0xF8 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  len = std::min(len, s.size() - i);
  separator = false;
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (len == 2 && c == 0xC2) {
    const auto d = at(1);
    separator = d == 0xA0 || d == 0xAB || d == 0xBB;  // no-break space, guillemets
  } else if (len == 3 && c == 0xE2) {
    separator = at(1) == 0x80 || (at(1) == 0x81 && at(2) <= 0xAF);  // U+2000-U+206F
  } else if (len == 3 && c == 0xE3) {
    separator = at(1) == 0x80;  // U+3000-U+303F: CJK punctuation, ideographic space
  } else if (len == 3 && c == 0xEF) {
    separator = at(1) == 0xBB && at(2) == 0xBF;  // byte order mark
  }
  return len;
}

// What an ASCII byte is to the tokenizer, and its lower-case form: a table lookup per byte
// instead of comparisons, as every byte of every text passes here.
enum ByteClass : std::uint8_t { separator, word_byte, wildcard, non_ascii };

struct ByteTables {
  ByteClass kind[256];
  char lower[256];
  ByteTables() {
    for (int c = 0; c < 256; ++c) {
      const auto u = static_cast<unsigned char>(c);
      kind[c] = u >= 0x80 ? non_ascii : is_ascii_word(u) ? word_byte : (u == '*' || u == '?') ? wildcard : separator;
      lower[c] = fold(u);
    }
  }
};
const ByteTables bytes;

// Splits `s` into words; `lower` receives `s` with ASCII folded to lower case (same offsets).
// With `wild`, '*' and '?' are word characters (query words).
void tokenize(std::string_view s, std::string& lower, std::vector<Tok>& toks, bool wild) {
  lower.resize(s.size());
  toks.clear();
  const auto* in = reinterpret_cast<const unsigned char*>(s.data());
  char* out = lower.data();
  const std::size_t n = s.size();
  // Whether the character at `i` belongs to a word; copies it (folded) to `out` and moves past it.
  const auto take = [&](std::size_t& i) {
    const unsigned char c = in[i];
    const ByteClass k = bytes.kind[c];
    if (k != non_ascii) {
      out[i++] = bytes.lower[c];
      return k == word_byte || (wild && k == wildcard);
    }
    bool sep;
    const std::size_t len = utf8_char(s, i, sep);
    std::memcpy(out + i, in + i, len);
    i += len;
    return !sep;
  };
  std::size_t i = 0;
  while (i < n) {
    std::size_t start = i;
    if (!take(i)) continue;
    std::size_t end = i;
    while (i < n && take(i)) end = i;
    toks.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
  }
}

// Glob match of a lower-case word: '*' any run of bytes, '?' one UTF-8 character.
bool glob_match(std::string_view pat, std::string_view w) {
  std::size_t p = 0, t = 0, star_p = std::string_view::npos, star_t = 0;
  auto skip_char = [&](std::size_t i) {
    bool sep;
    return utf8_char(w, i, sep);
  };
  while (t < w.size()) {
    if (p < pat.size() && pat[p] == '?') {
      ++p;
      t += skip_char(t);
    } else if (p < pat.size() && pat[p] == '*') {
      star_p = p++;
      star_t = t;
    } else if (p < pat.size() && pat[p] == w[t]) {
      ++p;
      ++t;
    } else if (star_p != std::string_view::npos) {
      p = star_p + 1;
      t = ++star_t;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

// ---------------------------------------------------------------------------------------------
// Compiled structures.

// exact: a word, also matching its regular English plural (+s, +es, y->ies) when enabled;
// strict: a word of an {exact phrase}, matching only itself.
enum class WordKind : std::uint8_t { exact, prefix, glob, strict };

struct WordPat {
  WordKind kind = WordKind::exact;
  std::string text;     // exact, strict: the word; prefix: the prefix; glob: the whole pattern
  std::string literal;  // the literal start (= text for exact, strict and prefix)
};

enum class Op : std::uint8_t { term, any, all, and_not, near, pre };

struct Node {
  Op op = Op::term;
  std::uint32_t term = 0;  // Op::term
  std::uint32_t n = 0;     // Op::near, Op::pre
  std::vector<std::uint32_t> kids;
};

struct Query {
  bool ok = false;
  std::uint32_t root = 0;
  std::vector<std::uint32_t> positive_terms;  // sorted, distinct
};

struct Span {
  std::uint32_t s = 0, e = 0;  // first and last token, inclusive
  bool operator<(const Span& o) const { return s != o.s ? s < o.s : e < o.e; }
  bool operator==(const Span& o) const { return s == o.s && e == o.e; }
};

struct Occ {
  std::uint32_t term = 0;
  Span span;
  bool operator<(const Occ& o) const { return term != o.term ? term < o.term : span < o.span; }
};

// Sorts v[from, end) and drops its duplicates.
void sort_unique(std::vector<Span>& v, std::size_t from = 0) {
  std::sort(v.begin() + static_cast<std::ptrdiff_t>(from), v.end());
  v.erase(std::unique(v.begin() + static_cast<std::ptrdiff_t>(from), v.end()), v.end());
}

// ---------------------------------------------------------------------------------------------
// Query parsing into a local tree (terms as word lists), interned only when it all parses.

struct ParseError : std::runtime_error {
  ParseError(const std::string& what, std::size_t at)
      : std::runtime_error(what + " at offset " + std::to_string(at)) {}
};

enum class Lex { lparen, rparen, phrase, exact, word, and_, or_, and_not, near, pre, field, end };

struct Lexeme {
  Lex kind = Lex::end;
  std::string text;
  std::uint32_t n = 0;
  std::size_t at = 0;
};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (fold(static_cast<unsigned char>(a[i])) != fold(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// "W/3" -> 3 when `name` is "w"; "PRE/2" -> 2 when `name` is "pre".
bool proximity(std::string_view w, std::string_view name, std::uint32_t& n) {
  if (w.size() <= name.size() + 1 || !iequals(w.substr(0, name.size()), name) || w[name.size()] != '/')
    return false;
  const auto digits = w.substr(name.size() + 1);
  if (digits.size() > 4) return false;
  std::uint32_t v = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::uint32_t>(c - '0');
  }
  n = v;
  return true;
}

bool field_code(std::string_view w) {
  if (w.empty() || w[0] < 'A' || w[0] > 'Z') return false;
  for (char c : w)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

std::vector<Lexeme> lex(std::string_view q) {
  std::vector<Lexeme> out;
  std::size_t i = 0;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (true) {
    while (i < q.size() && space(q[i])) ++i;
    if (i >= q.size()) break;
    const std::size_t at = i;
    const char c = q[i];
    if (c == '(' || c == ')') {
      out.push_back({c == '(' ? Lex::lparen : Lex::rparen, {}, 0, at});
      ++i;
    } else if (c == '"' || c == '{') {
      const char close = c == '"' ? '"' : '}';
      const auto end = q.find(close, i + 1);
      if (end == std::string_view::npos)
        throw ParseError(std::string("unterminated ") + (c == '"' ? "quoted phrase" : "{exact phrase}"), at);
      out.push_back({c == '"' ? Lex::phrase : Lex::exact, std::string(q.substr(i + 1, end - i - 1)), 0, at});
      i = end + 1;
    } else if (c == '}') {
      throw ParseError("unmatched }", at);
    } else {
      while (i < q.size() && !space(q[i]) && q[i] != '(' && q[i] != ')' && q[i] != '"' && q[i] != '{' &&
             q[i] != '}')
        ++i;
      const auto w = q.substr(at, i - at);
      Lexeme l{Lex::word, std::string(w), 0, at};
      std::uint32_t n = 0;
      if (iequals(w, "and")) {
        l.kind = Lex::and_;
      } else if (iequals(w, "or")) {
        l.kind = Lex::or_;
      } else if (iequals(w, "not")) {
        l.kind = Lex::and_not;  // "AND NOT" merged below; a lone NOT between operands is AND NOT
        if (!out.empty() && out.back().kind == Lex::and_) {
          out.pop_back();
        }
      } else if (proximity(w, "w", n)) {
        l.kind = Lex::near;
        l.n = n;
      } else if (proximity(w, "pre", n)) {
        l.kind = Lex::pre;
        l.n = n;
      } else if ((w.size() >= 2 && iequals(w.substr(0, 2), "w/")) || (w.size() >= 4 && iequals(w.substr(0, 4), "pre/"))) {
        throw ParseError("malformed proximity operator '" + l.text + "'", at);
      } else {
        std::size_t k = i;
        while (k < q.size() && space(q[k])) ++k;
        if (k < q.size() && q[k] == '(' && field_code(w)) l.kind = Lex::field;
      }
      out.push_back(std::move(l));
    }
  }
  out.push_back({Lex::end, {}, 0, q.size()});
  return out;
}

struct LocalTerm {
  std::vector<WordPat> words;
};

struct LocalTree {
  std::vector<Node> nodes;        // Op::term nodes index `terms`
  std::vector<LocalTerm> terms;
  std::vector<bool> negative;     // per term: only under the right side of AND NOT
};

class Parser {
 public:
  explicit Parser(std::string_view q) : lx_(lex(q)) {}

  LocalTree parse(std::uint32_t& root) {
    root = expr_and_not(0);
    if (peek().kind != Lex::end) {
      throw ParseError(peek().kind == Lex::rparen ? "unbalanced )" : "unexpected '" + peek().text + "'",
                       peek().at);
    }
    return std::move(tree_);
  }

 private:
  static constexpr int max_depth = 200;

  const Lexeme& peek() const { return lx_[pos_]; }
  const Lexeme& take() { return lx_[pos_ < lx_.size() - 1 ? pos_++ : pos_]; }

  static bool starts_operand(Lex k) {
    return k == Lex::lparen || k == Lex::phrase || k == Lex::exact || k == Lex::word || k == Lex::field;
  }

  std::uint32_t add(Node n) {
    tree_.nodes.push_back(std::move(n));
    return static_cast<std::uint32_t>(tree_.nodes.size() - 1);
  }

  std::uint32_t expr_and_not(int depth) {
    if (depth > max_depth) throw ParseError("query nested too deeply", peek().at);
    std::uint32_t left = expr_and(depth);
    while (peek().kind == Lex::and_not) {
      take();
      const std::uint32_t right = expr_and(depth);
      left = add({Op::and_not, 0, 0, {left, right}});
    }
    return left;
  }

  std::uint32_t expr_and(int depth) {
    std::vector<std::uint32_t> kids{expr_prox(depth)};
    while (true) {
      if (peek().kind == Lex::and_) {
        take();
      } else if (!starts_operand(peek().kind)) {
        break;  // adjacent operands without an operator: implicit AND
      }
      kids.push_back(expr_prox(depth));
    }
    if (kids.size() == 1) return kids[0];
    return add({Op::all, 0, 0, std::move(kids)});
  }

  std::uint32_t expr_prox(int depth) {
    std::uint32_t left = expr_or(depth);
    while (peek().kind == Lex::near || peek().kind == Lex::pre) {
      const auto& op = take();
      const Op kind = op.kind == Lex::near ? Op::near : Op::pre;
      const std::uint32_t n = op.n;
      const std::uint32_t right = expr_or(depth);
      left = add({kind, 0, n, {left, right}});
    }
    return left;
  }

  std::uint32_t expr_or(int depth) {
    std::vector<std::uint32_t> kids{primary(depth)};
    while (peek().kind == Lex::or_) {
      take();
      kids.push_back(primary(depth));
    }
    if (kids.size() == 1) return kids[0];
    return add({Op::any, 0, 0, std::move(kids)});
  }

  std::uint32_t primary(int depth) {
    const Lexeme& l = take();
    switch (l.kind) {
      case Lex::field: {
        const Lexeme& open = take();
        if (open.kind != Lex::lparen) throw ParseError("( expected after field code", open.at);
        [[fallthrough]];
      }
      case Lex::lparen: {
        const std::size_t at = l.at;
        const std::uint32_t inner = expr_and_not(depth + 1);
        if (peek().kind != Lex::rparen) throw ParseError("unbalanced (", at);
        take();
        return inner;
      }
      case Lex::phrase:
      case Lex::word:
        return term(l, true);
      case Lex::exact:
        return term(l, false);
      case Lex::end:
        throw ParseError("operand expected at end of query", l.at);
      case Lex::rparen:
        throw ParseError("operand expected before )", l.at);
      default:
        throw ParseError("operand expected before '" + l.text + "'", l.at);
    }
  }

  std::uint32_t term(const Lexeme& l, bool wild) {
    std::string lower;
    std::vector<Tok> toks;
    tokenize(l.text, lower, toks, wild);
    if (toks.empty()) throw ParseError("empty phrase", l.at);
    LocalTerm t;
    for (const auto& tk : toks) {
      WordPat w;
      w.text = lower.substr(tk.b, tk.e - tk.b);
      const auto first_wild = w.text.find_first_of("*?");
      if (first_wild == std::string::npos) {
        w.kind = wild ? WordKind::exact : WordKind::strict;
        w.literal = w.text;
      } else if (first_wild == 0) {
        throw ParseError("leading wildcard in '" + l.text + "' is not supported", l.at);
      } else if (first_wild == w.text.size() - 1 && w.text.back() == '*') {
        w.kind = WordKind::prefix;
        w.text.pop_back();
        w.literal = w.text;
      } else {
        w.kind = WordKind::glob;
        w.literal = w.text.substr(0, first_wild);
      }
      t.words.push_back(std::move(w));
    }
    tree_.terms.push_back(std::move(t));
    return add({Op::term, static_cast<std::uint32_t>(tree_.terms.size() - 1), 0, {}});
  }

  std::vector<Lexeme> lx_;
  std::size_t pos_ = 0;
  LocalTree tree_;
};

// Marks the terms that only occur on the right of AND NOT (they never make a query a candidate).
void mark_polarity(const LocalTree& t, std::uint32_t node, bool negative, std::vector<bool>& positive) {
  const Node& n = t.nodes[node];
  if (n.op == Op::term) {
    if (!negative) positive[n.term] = true;
    return;
  }
  for (std::size_t k = 0; k < n.kids.size(); ++k)
    mark_polarity(t, n.kids[k], negative || (n.op == Op::and_not && k == 1), positive);
}

// ---------------------------------------------------------------------------------------------
// Trie over the literal words and literal prefixes of the word patterns.

struct Trie {
  struct NodeB {
    std::map<unsigned char, std::uint32_t> kids;
    std::vector<std::uint32_t> exact, prefix;
  };
  struct NodeF {
    std::uint32_t edge_begin = 0, edge_end = 0;
    std::uint32_t exact_begin = 0, exact_end = 0;
    std::uint32_t prefix_begin = 0, prefix_end = 0;
    std::uint32_t dense = none;  // with many children: their offset in `dense_kids` (256 entries)
  };
  static constexpr std::uint32_t none = 0xFFFFFFFFu;
  static constexpr std::uint32_t dense_from = 4;  // children count from which a node gets a table
  std::vector<std::uint32_t> dense_kids;
  std::vector<NodeF> nodes;
  std::vector<unsigned char> edge_byte;
  std::vector<std::uint32_t> edge_node;
  std::vector<std::uint32_t> lists;  // word-pattern ids

  void build(const std::vector<WordPat>& pats) {
    std::vector<NodeB> b(1);
    for (std::uint32_t id = 0; id < pats.size(); ++id) {
      std::uint32_t cur = 0;
      for (char ch : pats[id].literal) {
        const auto c = static_cast<unsigned char>(ch);
        auto it = b[cur].kids.find(c);
        if (it == b[cur].kids.end()) {
          b.emplace_back();
          const auto nn = static_cast<std::uint32_t>(b.size() - 1);
          b[cur].kids.emplace(c, nn);
          cur = nn;
        } else {
          cur = it->second;
        }
      }
      (pats[id].kind == WordKind::exact || pats[id].kind == WordKind::strict ? b[cur].exact : b[cur].prefix).push_back(id);
    }
    nodes.assign(b.size(), {});
    for (std::size_t i = 0; i < b.size(); ++i) {
      auto& f = nodes[i];
      f.edge_begin = static_cast<std::uint32_t>(edge_byte.size());
      for (const auto& [c, k] : b[i].kids) {
        edge_byte.push_back(c);
        edge_node.push_back(k);
      }
      f.edge_end = static_cast<std::uint32_t>(edge_byte.size());
      if (b[i].kids.size() >= dense_from) {
        f.dense = static_cast<std::uint32_t>(dense_kids.size());
        dense_kids.resize(dense_kids.size() + 256, 0);
        for (const auto& [c, k] : b[i].kids) dense_kids[f.dense + c] = k;
      }
      f.exact_begin = static_cast<std::uint32_t>(lists.size());
      lists.insert(lists.end(), b[i].exact.begin(), b[i].exact.end());
      f.exact_end = f.prefix_begin = static_cast<std::uint32_t>(lists.size());
      lists.insert(lists.end(), b[i].prefix.begin(), b[i].prefix.end());
      f.prefix_end = static_cast<std::uint32_t>(lists.size());
    }
  }

  // The child of `node` on byte `c`, or 0 (the root is never a child).
  std::uint32_t child(std::uint32_t node, unsigned char c) const {
    const auto& f = nodes[node];
    if (f.dense != none) return dense_kids[f.dense + c];
    for (auto e = f.edge_begin; e < f.edge_end; ++e)
      if (edge_byte[e] == c) return edge_node[e];
    return 0;
  }
};

// The word patterns each distinct token matched, remembered for one matcher on one thread.
// Reports reuse a small vocabulary, so most tokens then cost one hash lookup instead of a
// walk down the trie with its prefix and plural checks. Open addressing over an arena of
// keys; the table starts small (it stays in the L1/L2 cache for a short text) and doubles
// while half full up to `max_slots`, then is emptied, so memory stays bounded whatever the
// text.
class TokenCache {
 public:
  static constexpr std::size_t first_slots = std::size_t{1} << 12;
  static constexpr std::size_t max_slots = std::size_t{1} << 15;

  // The cached patterns of `token`, or false.
  bool find(std::string_view token, std::uint32_t hash, const std::uint32_t*& begin,
            const std::uint32_t*& end) const {
    if (slots_.empty()) return false;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.length == 0) return false;
      if (slot.hash == hash && slot.length == token.size() && same(keys_.data() + slot.key, token)) {
        begin = patterns_.data() + slot.begin;
        end = begin + slot.count;
        return true;
      }
    }
  }

  void insert(std::string_view token, std::uint32_t hash, const std::uint32_t* begin, const std::uint32_t* end) {
    // Tokens of 64 KiB and more, or matching as many patterns, are left out (never seen in text).
    if (token.empty() || token.size() > 0xFFFF || end - begin > 0xFFFF) return;
    if (slots_.empty()) {
      slots_.assign(first_slots, Slot{});
    } else if (used_ >= slots_.size() / 2) {
      if (slots_.size() < max_slots) {
        grow();
      } else {
        std::fill(slots_.begin(), slots_.end(), Slot{});
        used_ = 0;
        keys_.clear();
        patterns_.clear();
      }
    }
    place({hash, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(patterns_.size()),
           static_cast<std::uint16_t>(token.size()), static_cast<std::uint16_t>(end - begin)});
    ++used_;
    keys_.append(token.data(), token.size());
    patterns_.insert(patterns_.end(), begin, end);
  }

  static std::uint32_t hash(std::string_view token) { return static_cast<std::uint32_t>(analyzers::hash_bytes(token) >> 32); }

 private:
  // Everything about one token in 16 bytes, so that a hit costs one cache line of the table.
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t key = 0;    // offset of the token in keys_
    std::uint32_t begin = 0;  // offset of its patterns in patterns_
    std::uint16_t length = 0; // 0: empty slot
    std::uint16_t count = 0;
  };

  // Tokens are short: a loop beats a call to memcmp.
  static bool same(const char* a, std::string_view b) {
    for (std::size_t i = 0; i < b.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

  void place(const Slot& slot) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = slot.hash & mask;
    while (slots_[i].length) i = (i + 1) & mask;
    slots_[i] = slot;
  }

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old)
      if (slot.length) place(slot);
  }

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  std::string keys_;
  std::vector<std::uint32_t> patterns_;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// load_queries

namespace {

std::string_view local_name(const char* name) {
  std::string_view n(name);
  const auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

std::vector<pugi::xml_node> children(pugi::xml_node parent, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (auto c : parent.children())
    if (c.type() == pugi::node_element && local_name(c.name()) == name) out.push_back(c);
  return out;
}

pugi::xml_node child(pugi::xml_node parent, std::string_view name) {
  for (auto c : parent.children())
    if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
  return {};
}

// The text of a node with runs of white space collapsed to one space, trimmed.
std::string collapsed_text(pugi::xml_node n) {
  std::string raw;
  for (auto c : n.children())
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) raw += c.value();
  std::string out;
  bool pending_space = false;
  for (char ch : raw) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out += ch;
    }
  }
  return out;
}

bool starts_with_binary_operator(const std::string& line) {
  const auto end = line.find_first_of(" (\"{");
  const std::string_view w = std::string_view(line).substr(0, end);
  std::uint32_t n = 0;
  return iequals(w, "and") || iequals(w, "or") || iequals(w, "not") || proximity(w, "w", n) ||
         proximity(w, "pre", n);
}

}  // namespace

std::vector<TargetQuery> load_queries(const std::string& xml_content) {
  pugi::xml_document doc;
  const auto res = doc.load_buffer(xml_content.data(), xml_content.size());
  if (!res) {
    throw std::runtime_error(std::string("aurora: malformed query XML: ") + res.description() + " at offset " +
                             std::to_string(res.offset));
  }
  const auto root = doc.document_element();
  std::vector<pugi::xml_node> query_elements;
  if (local_name(root.name()) == "query") {
    query_elements.push_back(root);
  } else if (local_name(root.name()) == "querySet") {
    query_elements = children(root, "query");
  } else {
    throw std::runtime_error(std::string("aurora: not an Aurora query file (root element <") + root.name() + ">)");
  }

  std::vector<TargetQuery> out;
  for (const auto& q : query_elements) {
    std::string goal;
    for (const auto& id : children(q, "identifier"))
      if (std::string_view(id.attribute("type").value()) == "sdg") goal = collapsed_text(id);
    if (goal.empty()) throw std::runtime_error("aurora: query without an SDG identifier (<dc:identifier type=\"sdg\">)");

    for (const auto& def : children(child(q, "query-definitions"), "query-definition")) {
      const std::string sub = collapsed_text(child(def, "subquery-identifier"));
      TargetQuery tq;
      tq.goal = goal;
      // "0" (SDG13) and a missing identifier mark a goal-level query.
      tq.target = sub.empty() || sub == "0" ? goal : sub.find('.') != std::string::npos ? sub : goal + "." + sub;

      // Query lines, a line starting with a binary operator continuing the one before.
      std::vector<std::pair<std::string, std::string>> parts;  // field code, text
      for (const auto& lines : children(def, "query-lines")) {
        for (const auto& line : children(lines, "query-line")) {
          std::string text = collapsed_text(line);
          if (text.empty()) continue;
          if (!parts.empty() && starts_with_binary_operator(text)) {
            parts.back().second += " " + text;
          } else {
            std::string field = line.attribute("field").value();
            if (!field_code(field)) field.clear();
            parts.emplace_back(std::move(field), std::move(text));
          }
        }
      }
      if (parts.empty()) continue;
      for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) tq.text += " OR ";
        if (!parts[i].first.empty()) tq.text += parts[i].first + " ";
        tq.text += "( " + parts[i].second + " )";
      }
      out.push_back(std::move(tq));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Matcher

struct Matcher::Impl {
  std::vector<WordPat> words;
  // While compiling; flatten() lays them out flat below and empties them.
  std::vector<std::vector<std::uint32_t>> term_words;        // term -> word-pattern ids
  std::vector<std::vector<std::uint32_t>> first_word_terms;  // word pattern -> terms it starts
  std::vector<std::vector<std::uint32_t>> term_queries;      // term -> queries it anchors
  // The three tables above laid flat for matching (CSR: the entries of item i are
  // X[X_begin[i], X_begin[i + 1])): one array each instead of a vector per item.
  std::vector<std::uint32_t> term_word_begin, term_word_ids, start_begin, start_terms, anchor_begin, anchor_queries;
  std::vector<Node> nodes;
  std::vector<Query> queries;
  std::vector<std::string> problems;
  std::size_t compiled = 0;
  bool plurals = true;
  Trie trie;
  // Names this matcher in per-thread caches; never reused, unlike an address.
  std::uint64_t serial = next_serial();

  static std::uint64_t next_serial() {
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
  }

  std::unordered_map<std::string, std::uint32_t> word_ids, term_ids;

  std::uint32_t intern_word(const WordPat& w) {
    const std::string key = std::string(1, static_cast<char>('0' + static_cast<int>(w.kind))) + w.text;
    const auto [it, fresh] = word_ids.emplace(key, static_cast<std::uint32_t>(words.size()));
    if (fresh) {
      words.push_back(w);
      first_word_terms.emplace_back();
    }
    return it->second;
  }

  std::uint32_t intern_term(const LocalTerm& t) {
    std::vector<std::uint32_t> ids;
    std::string key;
    for (const auto& w : t.words) {
      ids.push_back(intern_word(w));
      key += std::to_string(ids.back()) + ",";
    }
    const auto [it, fresh] = term_ids.emplace(key, static_cast<std::uint32_t>(term_words.size()));
    if (fresh) {
      first_word_terms[ids[0]].push_back(it->second);
      term_words.push_back(std::move(ids));
      term_queries.emplace_back();
    }
    return it->second;
  }

  void compile(std::size_t index, const TargetQuery& tq) {
    Query q;
    try {
      std::uint32_t root = 0;
      LocalTree tree = Parser(tq.text).parse(root);
      std::vector<bool> positive(tree.terms.size(), false);
      mark_polarity(tree, root, false, positive);
      std::vector<std::uint32_t> term_map(tree.terms.size());
      for (std::size_t i = 0; i < tree.terms.size(); ++i) {
        term_map[i] = intern_term(tree.terms[i]);
        if (positive[i]) q.positive_terms.push_back(term_map[i]);
      }
      const auto base = static_cast<std::uint32_t>(nodes.size());
      for (auto n : tree.nodes) {
        if (n.op == Op::term) n.term = term_map[n.term];
        for (auto& k : n.kids) k += base;
        nodes.push_back(std::move(n));
      }
      q.root = root + base;
      std::sort(q.positive_terms.begin(), q.positive_terms.end());
      q.positive_terms.erase(std::unique(q.positive_terms.begin(), q.positive_terms.end()), q.positive_terms.end());
      q.ok = true;
      ++compiled;
    } catch (const std::exception& e) {
      problems.push_back("query " + std::to_string(index) + " (" + tq.target + "): " + e.what());
      q = Query{};
    }
    queries.push_back(std::move(q));
  }

  // Necessary conditions of the subtree `id` as clauses of terms: it can only match when
  // every clause has a term that occurs. An OR gives one clause, the union of one clause of
  // each alternative.
  std::vector<std::vector<std::uint32_t>> clauses(std::uint32_t id) const {
    const Node& n = nodes[id];
    std::vector<std::vector<std::uint32_t>> out;
    switch (n.op) {
      case Op::term:
        out.push_back({n.term});
        break;
      case Op::and_not:
        out = clauses(n.kids[0]);
        break;
      case Op::all:
      case Op::near:
      case Op::pre:
        for (auto k : n.kids)
          for (auto& c : clauses(k)) out.push_back(std::move(c));
        break;
      case Op::any: {
        std::vector<std::uint32_t> any;
        for (auto k : n.kids) {
          auto kid = clauses(k);
          const auto smallest = std::min_element(kid.begin(), kid.end(),
                                                 [](const auto& a, const auto& b) { return a.size() < b.size(); });
          any.insert(any.end(), smallest->begin(), smallest->end());
        }
        std::sort(any.begin(), any.end());
        any.erase(std::unique(any.begin(), any.end()), any.end());
        out.push_back(std::move(any));
        break;
      }
    }
    return out;
  }

  // Indexes each query under the terms of one necessary clause only (its anchor), so that a
  // text makes a query a candidate only when that clause is met, not whenever one of its many
  // common words occurs. The anchor is the clause whose terms occur in the fewest queries:
  // a word many queries share is likely common in text too.
  void index_anchors() {
    std::vector<std::uint32_t> spread(term_words.size(), 0);
    for (const auto& q : queries)
      if (q.ok)
        for (auto t : q.positive_terms) ++spread[t];
    for (std::size_t i = 0; i < queries.size(); ++i) {
      if (!queries[i].ok) continue;
      const auto all = clauses(queries[i].root);
      const std::vector<std::uint32_t>* best = nullptr;
      std::size_t best_cost = 0;
      for (const auto& c : all) {
        std::size_t cost = 0;
        for (auto t : c) cost += spread[t];
        if (!best || cost < best_cost) {
          best = &c;
          best_cost = cost;
        }
      }
      for (auto t : *best) term_queries[t].push_back(static_cast<std::uint32_t>(i));
    }
  }

  static void flat(std::vector<std::vector<std::uint32_t>>& lists, std::vector<std::uint32_t>& begin,
                   std::vector<std::uint32_t>& items) {
    begin.assign(1, 0);
    items.clear();
    for (const auto& l : lists) {
      items.insert(items.end(), l.begin(), l.end());
      begin.push_back(static_cast<std::uint32_t>(items.size()));
    }
    std::vector<std::vector<std::uint32_t>>().swap(lists);
  }

  std::size_t term_total() const { return term_word_begin.size() - 1; }

  void flatten() {
    flat(term_words, term_word_begin, term_word_ids);
    flat(first_word_terms, start_begin, start_terms);
    flat(term_queries, anchor_begin, anchor_queries);
  }

  // Per-call state of a match.
  struct Run {
    std::string_view text;
    std::string_view lower;  // `text` with ASCII folded to lower case, same offsets
    std::vector<Tok> toks;
    std::vector<Occ> occs;  // sorted by term, then span
    // Per term, when stamp[term] == generation: its occurrences are occs[first[term], last[term]).
    std::vector<std::uint32_t> stamp, first, last;
    std::uint32_t generation = 0;
    std::deque<std::vector<Span>> buffers;  // see buffer()
    std::vector<Span> merged, hits;          // evidence()'s scratch lists
    std::vector<std::string_view> seen;      // evidence() terms so far, folded
  };

  static bool present(const Run& r, std::uint32_t term) { return r.stamp[term] == r.generation; }

  std::pair<const Occ*, const Occ*> occurrences(const Run& r, std::uint32_t term) const {
    if (!present(r, term)) return {nullptr, nullptr};
    return {r.occs.data() + r.first[term], r.occs.data() + r.last[term]};
  }

  // False when a term operand of a conjunctive node (AND, W/n, PRE/n, left of AND NOT) is absent.
  bool may_match(const Run& r, const Node& n) const {
    const std::size_t count = n.op == Op::and_not ? 1 : n.kids.size();
    for (std::size_t k = 0; k < count; ++k) {
      const Node& kid = nodes[n.kids[k]];
      if (kid.op == Op::term && !present(r, kid.term)) return false;
    }
    return true;
  }

  // Whether the query tree could match judging by term presence alone (proximity and AND NOT
  // ignored): rules most candidates out without building span lists.
  bool possible(const Run& r, std::uint32_t id) const {
    const Node& n = nodes[id];
    // Terms are looked up before subtrees are walked: one of them often settles the node.
    const auto is_term = [&](std::uint32_t k) { return nodes[k].op == Op::term; };
    switch (n.op) {
      case Op::term:
        return present(r, n.term);
      case Op::any:
        for (auto k : n.kids)
          if (is_term(k) && present(r, nodes[k].term)) return true;
        for (auto k : n.kids)
          if (!is_term(k) && possible(r, k)) return true;
        return false;
      case Op::and_not:
        return possible(r, n.kids[0]);
      case Op::all:
      case Op::near:
      case Op::pre:
        for (auto k : n.kids)
          if (is_term(k) && !present(r, nodes[k].term)) return false;
        for (auto k : n.kids)
          if (!is_term(k) && !possible(r, k)) return false;
        return true;
    }
    return false;
  }

  // Appends to `out` the spans where the subtree `id` matches, sorted and distinct among
  // themselves. Intermediate lists live in `r.buffers`, reused from text to text, so that
  // evaluating a query allocates nothing once a thread has warmed up.
  void eval(Run& r, std::uint32_t id, std::vector<Span>& out, std::size_t depth = 0) const {
    const Node& n = nodes[id];
    const std::size_t from = out.size();
    switch (n.op) {
      case Op::term: {
        const auto [b, e] = occurrences(r, n.term);
        for (auto p = b; p != e; ++p) out.push_back(p->span);  // already sorted
        return;
      }
      case Op::any:
        for (auto k : n.kids) eval(r, k, out, depth + 1);
        sort_unique(out, from);
        return;
      case Op::all:
        if (!may_match(r, n)) return;
        for (auto k : n.kids) {
          const std::size_t before = out.size();
          eval(r, k, out, depth + 1);
          if (out.size() == before) {
            out.resize(from);
            return;
          }
        }
        sort_unique(out, from);
        return;
      case Op::and_not: {
        if (!may_match(r, n)) return;
        eval(r, n.kids[0], out, depth + 1);
        if (out.size() == from) return;
        auto& right = buffer(r, depth, 0);
        eval(r, n.kids[1], right, depth + 1);
        if (!right.empty()) out.resize(from);
        return;
      }
      case Op::near:
      case Op::pre: {
        if (!may_match(r, n)) return;
        auto& left = buffer(r, depth, 0);
        eval(r, n.kids[0], left, depth + 1);
        if (left.empty()) return;
        auto& right = buffer(r, depth, 1);
        eval(r, n.kids[1], right, depth + 1);  // sorted by start
        if (right.empty()) return;
        std::int64_t max_len = 0;
        for (const auto& s : right) max_len = std::max<std::int64_t>(max_len, s.e - s.s);
        const std::int64_t gap = static_cast<std::int64_t>(n.n) + 1;
        for (const auto& l : left) {
          const std::int64_t start = static_cast<std::int64_t>(l.s) - gap - max_len;
          auto it = std::lower_bound(right.begin(), right.end(), start,
                                     [](const Span& s, std::int64_t v) { return static_cast<std::int64_t>(s.s) < v; });
          for (; it != right.end() && static_cast<std::int64_t>(it->s) <= static_cast<std::int64_t>(l.e) + gap; ++it) {
            bool ok;
            if (it->s > l.e) {
              ok = it->s - l.e <= gap;  // n words or fewer between them
            } else if (n.op == Op::near && l.s > it->e) {
              ok = l.s - it->e <= gap;
            } else {
              ok = false;  // overlapping, or the wrong order for PRE/n
            }
            if (ok) out.push_back({std::min(l.s, it->s), std::max(l.e, it->e)});
          }
        }
        sort_unique(out, from);
        return;
      }
    }
  }

  // The emptied scratch list `which` (0 or 1) of recursion level `depth`; a deque, so that
  // adding levels leaves the lists of the levels above in place.
  static std::vector<Span>& buffer(Run& r, std::size_t depth, int which) {
    const std::size_t i = 2 * depth + static_cast<std::size_t>(which);
    while (r.buffers.size() <= i) r.buffers.emplace_back();
    r.buffers[i].clear();
    return r.buffers[i];
  }

  std::vector<std::string_view> evidence(Run& r, const Query& q, const std::vector<Span>& spans) const {
    // Merge the matching spans, then keep the positive-term occurrences inside them.
    auto& merged = r.merged;
    merged.clear();
    for (const auto& s : spans) {
      if (!merged.empty() && s.s <= merged.back().e + 1)
        merged.back().e = std::max(merged.back().e, s.e);
      else
        merged.push_back(s);
    }
    auto& hits = r.hits;
    hits.clear();
    for (auto t : q.positive_terms) {
      const auto [b, e] = occurrences(r, t);
      for (auto p = b; p != e; ++p) {
        auto it = std::upper_bound(merged.begin(), merged.end(), p->span.s,
                                   [](std::uint32_t v, const Span& m) { return v < m.s; });
        if (it != merged.begin() && std::prev(it)->e >= p->span.e) hits.push_back(p->span);
      }
    }
    sort_unique(hits);
    std::vector<std::string_view> out;
    auto& seen = r.seen;  // distinct by folded text: `lower` holds it at the same offsets
    seen.clear();
    for (const auto& h : hits) {
      const auto b = r.toks[h.s].b, e = r.toks[h.e].e;
      const std::string_view key = r.lower.substr(b, e - b);
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      out.push_back(r.text.substr(b, e - b));
      if (out.size() >= max_evidence) break;
    }
    return out;
  }

  // Appends the ids of the word patterns `tok` (lower case) matches: literal words, prefixes,
  // globs, and singular words whose regular plural it is.
  void words_of(std::string_view tok, std::vector<std::uint32_t>& wps, std::vector<std::uint32_t>& stem_nodes) const {
    std::uint32_t node = 0;
    std::size_t k = 0;
    stem_nodes.assign(tok.size() + 1, 0);  // stem_nodes[j]: the node after j bytes (0: none)
    for (; k < tok.size(); ++k) {
      node = trie.child(node, static_cast<unsigned char>(tok[k]));
      if (node == 0) break;
      stem_nodes[k + 1] = node;
      const auto& f = trie.nodes[node];
      for (auto p = f.prefix_begin; p < f.prefix_end; ++p) {
        const auto w = trie.lists[p];
        if (words[w].kind == WordKind::prefix || glob_match(words[w].text, tok)) wps.push_back(w);
      }
    }
    if (k == tok.size() && node != 0) {
      const auto& f = trie.nodes[node];
      for (auto p = f.exact_begin; p < f.exact_end; ++p) wps.push_back(trie.lists[p]);
    }
    if (!plurals) return;
    // The walk reached the node of the token minus "s" or "es": singular words there match.
    const auto n = tok.size();
    const auto add_plural = [&](std::uint32_t at) {
      const auto& f = trie.nodes[at];
      for (auto p = f.exact_begin; p < f.exact_end; ++p)
        if (words[trie.lists[p]].kind == WordKind::exact) wps.push_back(trie.lists[p]);
    };
    if (n >= 2 && tok[n - 1] == 's' && k >= n - 1 && stem_nodes[n - 1]) add_plural(stem_nodes[n - 1]);
    if (n >= 3 && tok[n - 2] == 'e' && tok[n - 1] == 's' && k >= n - 2 && stem_nodes[n - 2])
      add_plural(stem_nodes[n - 2]);
    if (n >= 4 && tok.compare(n - 3, 3, "ies") == 0 && k >= n - 3 && stem_nodes[n - 3]) {
      if (const auto y = trie.child(stem_nodes[n - 3], 'y')) add_plural(y);
    }
  }

  // Buffers reused by the calls of one thread (match() is const and may run concurrently).
  struct Scratch {
    Run run;
    std::string lower;
    std::vector<std::uint32_t> wp_begin, wps, stem_nodes, candidates;
    std::vector<Span> spans;
    std::map<std::uint64_t, TokenCache> caches;  // by matcher serial
  };

  // This thread's buffers. Not inlined: in a plugin (a dlopen'ed library) each use of a
  // thread_local costs a __tls_get_addr call, which the compiler repeats at every access it
  // cannot prove unchanged; through a returned reference it is one call per match().
  [[gnu::noinline]] static Scratch& thread_scratch() {
    thread_local Scratch scratch;
    return scratch;
  }

  std::vector<Match> match(std::string_view text) const {
    Scratch& scratch = thread_scratch();
    if (scratch.caches.size() > 8 && !scratch.caches.count(serial)) scratch.caches.clear();
    Run& r = scratch.run;
    r.text = text;
    r.occs.clear();
    if (r.stamp.size() < term_total()) {
      r.stamp.assign(term_total(), 0);
      r.first.resize(term_total());
      r.last.resize(term_total());
      r.generation = 0;
    }
    if (++r.generation == 0) {  // wrapped: forget every stamp
      std::fill(r.stamp.begin(), r.stamp.end(), 0);
      r.generation = 1;
    }
    std::string& lower = scratch.lower;
    tokenize(text, lower, r.toks, false);
    r.lower = lower;

    // Word patterns matched by each token (CSR layout).
    auto& wp_begin = scratch.wp_begin;
    auto& wps = scratch.wps;
    auto& stem_nodes = scratch.stem_nodes;
    wp_begin.assign(r.toks.size() + 1, 0);
    wps.clear();
    TokenCache& cache = scratch.caches[serial];
    for (std::size_t i = 0; i < r.toks.size(); ++i) {
      wp_begin[i] = static_cast<std::uint32_t>(wps.size());
      const std::string_view tok(lower.data() + r.toks[i].b, r.toks[i].e - r.toks[i].b);
      const std::uint32_t hash = TokenCache::hash(tok);
      const std::uint32_t *b = nullptr, *e = nullptr;
      if (cache.find(tok, hash, b, e)) {
        wps.insert(wps.end(), b, e);
      } else {
        const std::size_t from = wps.size();
        words_of(tok, wps, stem_nodes);
        cache.insert(tok, hash, wps.data() + from, wps.data() + wps.size());
      }
    }
    wp_begin[r.toks.size()] = static_cast<std::uint32_t>(wps.size());

    // Term occurrences: the first word found above, the following words checked in place.
    auto token_has = [&](std::size_t i, std::uint32_t w) {
      for (auto p = wp_begin[i]; p < wp_begin[i + 1]; ++p)
        if (wps[p] == w) return true;
      return false;
    };
    const std::size_t token_count = r.toks.size();
    for (std::size_t i = 0; i < token_count; ++i) {
      for (auto p = wp_begin[i]; p < wp_begin[i + 1]; ++p) {
        const auto w = wps[p];
        for (auto s = start_begin[w]; s < start_begin[w + 1]; ++s) {
          const auto t = start_terms[s];
          const auto wb = term_word_begin[t], we = term_word_begin[t + 1];
          const std::size_t length = we - wb;
          if (i + length > token_count) continue;
          bool ok = true;
          for (std::size_t k = 1; k < length && ok; ++k) ok = token_has(i + k, term_word_ids[wb + k]);
          if (ok) r.occs.push_back({t, {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + length - 1)}});
        }
      }
    }
    std::vector<Match> out;
    if (r.occs.empty()) return out;
    std::sort(r.occs.begin(), r.occs.end());

    // Candidate queries: those whose anchor clause has a term that occurs.
    auto& candidates = scratch.candidates;
    candidates.clear();
    for (std::size_t i = 0; i < r.occs.size(); ++i) {
      const auto t = r.occs[i].term;
      if (i && t == r.occs[i - 1].term) {
        r.last[t] = static_cast<std::uint32_t>(i + 1);
        continue;
      }
      r.stamp[t] = r.generation;
      r.first[t] = static_cast<std::uint32_t>(i);
      r.last[t] = static_cast<std::uint32_t>(i + 1);
      candidates.insert(candidates.end(), anchor_queries.begin() + anchor_begin[t],
                        anchor_queries.begin() + anchor_begin[t + 1]);
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

    out.reserve(std::min<std::size_t>(candidates.size(), 32));  // most candidates fail; a few dozen at most match
    for (auto qi : candidates) {
      const Query& q = queries[qi];
      if (!possible(r, q.root)) continue;
      auto& spans = scratch.spans;
      spans.clear();
      eval(r, q.root, spans);
      if (spans.empty()) continue;
      out.push_back({qi, evidence(r, q, spans)});
    }
    return out;
  }
};

Matcher::Matcher(const std::vector<TargetQuery>& queries, Options options) : impl_(std::make_unique<Impl>()) {
  impl_->plurals = options.plurals;
  for (std::size_t i = 0; i < queries.size(); ++i) impl_->compile(i, queries[i]);
  impl_->index_anchors();
  impl_->trie.build(impl_->words);
  impl_->flatten();
  impl_->word_ids.clear();
  impl_->term_ids.clear();
}

Matcher::~Matcher() = default;
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;

std::vector<Match> Matcher::match(std::string_view text) const { return impl_->match(text); }
const std::vector<std::string>& Matcher::problems() const { return impl_->problems; }
std::size_t Matcher::compiled_queries() const { return impl_->compiled; }
std::size_t Matcher::term_count() const { return impl_->term_total(); }

}  // namespace dossier::aurora
