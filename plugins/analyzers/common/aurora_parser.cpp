// The query lexer and parser: see aurora_parser.hpp.
#include "aurora_parser.hpp"
#include "aurora_tokenize.hpp"

#include <stdexcept>
#include <string>
#include <utility>

namespace dossier::aurora::detail {

namespace {

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

}  // namespace

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

namespace {

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

}  // namespace

LocalTree parse_query(std::string_view q, std::uint32_t& root) { return Parser(q).parse(root); }

}  // namespace dossier::aurora::detail
