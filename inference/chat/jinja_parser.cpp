// Lexer and parser: Jinja2 3.x syntax with Hugging Face's environment options (trim_blocks,
// lstrip_blocks, the loopcontrols extension, the {% generation %} tag as a plain block).

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "chat/jinja.h"
#include "chat/jinja_ast.h"
#include "common/error.h"

namespace sikao::chat::jinja {

// Filters and tests the evaluator implements (an unknown one is a parse error, as in jinja2).
bool is_known_filter(std::string_view name);
bool is_known_test(std::string_view name);

namespace {

struct Token {
  enum class Type { Text, VarBegin, VarEnd, BlockBegin, BlockEnd, Name, Int, Float, String, Op, Eof };
  Type type;
  std::string text;
  int line;
  Value value;  // Int / Float / String literal
};

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// Whitespace control strips what Python's str.rstrip() and re's \s match: every str.isspace()
// character, including non-ASCII ones such as U+3000 and U+00A0. These give the byte length of
// such a character starting at `pos` / ending at `end`, or 0.
size_t space_at(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  const auto c = static_cast<unsigned char>(s[pos]);
  const size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 1;
  if (pos + len > s.size()) return 0;
  const auto cps = utf8_decode(s.substr(pos, len));
  return cps.size() == 1 && is_python_space(cps[0]) ? len : 0;
}
size_t space_before(std::string_view s, size_t end) {
  size_t start = end;
  while (start > 0 && end - start < 4) {
    --start;
    if ((static_cast<unsigned char>(s[start]) & 0xc0) != 0x80) break;
  }
  if (start == end) return 0;
  const size_t len = space_at(s, start);
  return len == end - start ? len : 0;
}
void rstrip_space(std::string& text) {
  while (size_t n = space_before(text, text.size())) text.resize(text.size() - n);
}
bool all_space(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = space_at(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// Jinja normalises line endings to "\n" and drops one trailing newline (keep_trailing_newline=False).
std::string normalise_source(std::string_view source) {
  std::string out;
  out.reserve(source.size());
  for (size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\r') {
      out += '\n';
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
    } else {
      out += source[i];
    }
  }
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

class Lexer {
 public:
  Lexer(std::string source, std::string name) : src_(std::move(source)), name_(std::move(name)) {}

  std::vector<Token> run() {
    size_t pos = 0;
    bool line_starting = true;
    while (pos < src_.size()) {
      const size_t open = find_open(pos);
      std::string text = src_.substr(pos, (open == std::string::npos ? src_.size() : open) - pos);
      if (open == std::string::npos) {
        push_text(std::move(text), pos);
        break;
      }
      const char kind = src_[open + 1];  // '{', '%' or '#'
      const char sign = open + 2 < src_.size() ? src_[open + 2] : '\0';
      if (sign == '-') {
        rstrip_space(text);
      } else if (sign != '+' && kind != '{') {
        // lstrip_blocks: whitespace from the start of the line up to a block or comment tag.
        const size_t nl = text.rfind('\n');
        const size_t l_pos = nl == std::string::npos ? 0 : nl + 1;
        if ((l_pos > 0 || line_starting) && l_pos < text.size() && all_space(std::string_view(text).substr(l_pos))) {
          text.resize(l_pos);
        }
      }
      push_text(std::move(text), pos);
      size_t p = open + 2 + ((sign == '-' || sign == '+') ? 1 : 0);
      if (kind == '#') {
        const size_t close = src_.find("#}", p);
        if (close == std::string::npos) fail(open, "unclosed comment: missing '#}'");
        pos = after_tag_end(close, close + 2, src_[close - 1] == '-', src_[close - 1] == '+', true);
      } else if (kind == '{') {
        tokens_.push_back({Token::Type::VarBegin, "{{", line_of(open), {}});
        pos = lex_tag(p, "}}", open, false);
      } else {
        if (is_raw(p)) {
          pos = lex_raw(open, p);
        } else {
          tokens_.push_back({Token::Type::BlockBegin, "{%", line_of(open), {}});
          pos = lex_tag(p, "%}", open, true);
        }
      }
      line_starting = pos > 0 && src_[pos - 1] == '\n';
    }
    tokens_.push_back({Token::Type::Eof, "", line_of(src_.size()), {}});
    return std::move(tokens_);
  }

  int line_of(size_t pos) const {
    return 1 + static_cast<int>(std::count(src_.begin(), src_.begin() + static_cast<long>(std::min(pos, src_.size())), '\n'));
  }

 private:
  [[noreturn]] void fail(size_t pos, const std::string& message) const {
    throw Error(ErrorCode::InvalidFile, fmt::format("{}:{}: {}", name_, line_of(pos), message));
  }

  size_t find_open(size_t pos) const {
    for (size_t i = src_.find('{', pos); i != std::string::npos; i = src_.find('{', i + 1)) {
      if (i + 1 < src_.size() && (src_[i + 1] == '{' || src_[i + 1] == '%' || src_[i + 1] == '#')) return i;
    }
    return std::string::npos;
  }

  void push_text(std::string text, size_t pos) {
    if (!text.empty()) tokens_.push_back({Token::Type::Text, std::move(text), line_of(pos), {}});
  }

  // After a tag's closing delimiter: '-' eats all following whitespace; otherwise trim_blocks
  // eats one newline after block tags and comments.
  size_t after_tag_end(size_t, size_t end, bool minus, bool plus, bool block) {
    size_t pos = end;
    if (minus) {
      while (size_t n = space_at(src_, pos)) pos += n;
    } else if (!plus && block && pos < src_.size() && src_[pos] == '\n') {
      ++pos;
    }
    return pos;
  }

  bool is_raw(size_t p) const {
    while (p < src_.size() && is_ws(src_[p])) ++p;
    return src_.compare(p, 3, "raw") == 0 && (p + 3 >= src_.size() || !std::isalnum(static_cast<unsigned char>(src_[p + 3])));
  }

  size_t lex_raw(size_t open, size_t p) {
    const size_t close = src_.find("%}", p);
    if (close == std::string::npos) fail(open, "unclosed 'raw' tag");
    size_t body = after_tag_end(close, close + 2, src_[close - 1] == '-', false, true);
    for (size_t i = src_.find("{%", body); i != std::string::npos; i = src_.find("{%", i + 1)) {
      size_t q = i + 2;
      if (q < src_.size() && (src_[q] == '-' || src_[q] == '+')) ++q;
      while (q < src_.size() && is_ws(src_[q])) ++q;
      if (src_.compare(q, 6, "endraw") != 0) continue;
      std::string text = src_.substr(body, i - body);
      if (src_[i + 2] == '-') rstrip_space(text);
      push_text(std::move(text), body);
      const size_t end = src_.find("%}", q);
      if (end == std::string::npos) fail(i, "unclosed 'endraw' tag");
      return after_tag_end(end, end + 2, src_[end - 1] == '-', src_[end - 1] == '+', true);
    }
    fail(open, "'raw' block is never closed with 'endraw'");
  }

  size_t lex_tag(size_t p, std::string_view end, size_t open, bool block) {
    int depth = 0;
    while (true) {
      while (p < src_.size() && is_ws(src_[p])) ++p;
      if (p >= src_.size()) {
        fail(open, fmt::format("unclosed tag: missing '{}'", end));
      }
      if (depth == 0) {
        const bool minus = src_[p] == '-' && src_.compare(p + 1, end.size(), end) == 0;
        const bool plus = src_[p] == '+' && src_.compare(p + 1, end.size(), end) == 0;
        if (minus || plus || src_.compare(p, end.size(), end) == 0) {
          const size_t close_start = p + (minus || plus ? 1 : 0);
          tokens_.push_back({block ? Token::Type::BlockEnd : Token::Type::VarEnd, std::string(end), line_of(p), {}});
          return after_tag_end(close_start, close_start + end.size(), minus, plus, block);
        }
      }
      const char c = src_[p];
      const int line = line_of(p);
      if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
        size_t q = p;
        while (q < src_.size() && (std::isalnum(static_cast<unsigned char>(src_[q])) || src_[q] == '_')) ++q;
        tokens_.push_back({Token::Type::Name, src_.substr(p, q - p), line, {}});
        p = q;
      } else if (std::isdigit(static_cast<unsigned char>(c))) {
        p = lex_number(p, line);
      } else if (c == '\'' || c == '"') {
        p = lex_string(p, line);
      } else {
        static const char* const k_ops[] = {"**", "//", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "~", "<",
                                            ">", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|", "="};
        const char* op = nullptr;
        for (const char* candidate : k_ops) {
          if (src_.compare(p, std::char_traits<char>::length(candidate), candidate) == 0) {
            op = candidate;
            break;
          }
        }
        if (!op) fail(p, fmt::format("unexpected character '{}' in tag", c));
        const std::string o = op;
        if (o == "(" || o == "[" || o == "{") ++depth;
        if (o == ")" || o == "]" || o == "}") --depth;
        if (depth < 0) fail(p, fmt::format("unexpected '{}'", o));
        tokens_.push_back({Token::Type::Op, o, line, {}});
        p += o.size();
      }
    }
  }

  size_t lex_number(size_t p, int line) {
    size_t q = p;
    while (q < src_.size() && (std::isdigit(static_cast<unsigned char>(src_[q])) || src_[q] == '_')) ++q;
    bool is_float = false;
    if (q + 1 < src_.size() && src_[q] == '.' && std::isdigit(static_cast<unsigned char>(src_[q + 1]))) {
      is_float = true;
      ++q;
      while (q < src_.size() && (std::isdigit(static_cast<unsigned char>(src_[q])) || src_[q] == '_')) ++q;
    }
    if (q < src_.size() && (src_[q] == 'e' || src_[q] == 'E')) {
      size_t r = q + 1;
      if (r < src_.size() && (src_[r] == '+' || src_[r] == '-')) ++r;
      if (r < src_.size() && std::isdigit(static_cast<unsigned char>(src_[r]))) {
        is_float = true;
        q = r;
        while (q < src_.size() && std::isdigit(static_cast<unsigned char>(src_[q]))) ++q;
      }
    }
    std::string digits;
    for (size_t i = p; i < q; ++i) {
      if (src_[i] != '_') digits += src_[i];
    }
    Token t{is_float ? Token::Type::Float : Token::Type::Int, digits, line, {}};
    try {
      t.value = is_float ? Value(std::stod(digits)) : Value(static_cast<int64_t>(std::stoll(digits)));
    } catch (const std::exception&) {
      fail(p, fmt::format("number '{}' out of range", digits));
    }
    tokens_.push_back(std::move(t));
    return q;
  }

  // Python's "unicode-escape" decoding of a quoted literal, as jinja2 applies it.
  size_t lex_string(size_t p, int line) {
    const char quote = src_[p];
    std::string out;
    size_t q = p + 1;
    while (true) {
      if (q >= src_.size()) fail(p, "unterminated string literal");
      const char c = src_[q];
      if (c == quote) break;
      if (c != '\\') {
        out += c;
        ++q;
        continue;
      }
      if (q + 1 >= src_.size()) fail(p, "unterminated string literal");
      const char e = src_[q + 1];
      q += 2;
      const auto hex = [&](int n) {
        if (q + static_cast<size_t>(n) > src_.size()) fail(p, "truncated \\x/\\u escape in string literal");
        char32_t cp = 0;
        for (int k = 0; k < n; ++k) {
          const char h = src_[q + static_cast<size_t>(k)];
          if (!std::isxdigit(static_cast<unsigned char>(h))) fail(p, "bad \\x/\\u escape in string literal");
          cp = cp * 16 + static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
        }
        q += static_cast<size_t>(n);
        utf8_append(out, cp);
      };
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'v': out += '\v'; break;
        case '\n': break;
        case 'x': hex(2); break;
        case 'u': hex(4); break;
        case 'U': hex(8); break;
        default:
          if (e >= '0' && e <= '7') {
            char32_t cp = static_cast<char32_t>(e - '0');
            for (int k = 0; k < 2 && q < src_.size() && src_[q] >= '0' && src_[q] <= '7'; ++k) cp = cp * 8 + static_cast<char32_t>(src_[q++] - '0');
            utf8_append(out, cp);
          } else {
            out += '\\';
            out += e;
          }
      }
    }
    tokens_.push_back({Token::Type::String, src_.substr(p, q + 1 - p), line, Value(std::move(out))});
    return q + 1;
  }

  std::string src_;
  std::string name_;
  std::vector<Token> tokens_;
};

class Parser {
 public:
  Parser(std::vector<Token> tokens, std::string name) : toks_(std::move(tokens)), name_(std::move(name)) {}

  Body parse_template() {
    std::string end;
    Body body = parse_body({}, end);
    return body;
  }

 private:
  using T = Token::Type;

  [[noreturn]] void fail(int line, const std::string& message) const {
    throw Error(ErrorCode::InvalidFile, fmt::format("{}:{}: {}", name_, line, message));
  }
  [[noreturn]] void unsupported(int line, const std::string& message) const {
    throw Error(ErrorCode::Unsupported, fmt::format("{}:{}: {}", name_, line, message));
  }

  const Token& cur() const { return toks_[pos_]; }
  const Token& peek(size_t n = 1) const { return toks_[std::min(pos_ + n, toks_.size() - 1)]; }
  const Token& next() { return toks_[pos_ < toks_.size() - 1 ? pos_++ : pos_]; }
  bool is_op(std::string_view op) const { return cur().type == T::Op && cur().text == op; }
  bool is_name(std::string_view n) const { return cur().type == T::Name && cur().text == n; }
  bool accept_op(std::string_view op) {
    if (!is_op(op)) return false;
    ++pos_;
    return true;
  }
  bool accept_name(std::string_view n) {
    if (!is_name(n)) return false;
    ++pos_;
    return true;
  }
  std::string describe(const Token& t) const {
    switch (t.type) {
      case T::Eof: return "end of template";
      case T::BlockEnd: return "end of statement block";
      case T::VarEnd: return "end of print statement";
      case T::Text: return "template text";
      default: return "'" + t.text + "'";
    }
  }
  void expect_op(std::string_view op) {
    if (!accept_op(op)) fail(cur().line, fmt::format("expected '{}', got {}", op, describe(cur())));
  }
  std::string expect_name() {
    if (cur().type != T::Name) fail(cur().line, fmt::format("expected a name, got {}", describe(cur())));
    return next().text;
  }
  void expect_block_end() {
    if (cur().type != T::BlockEnd) fail(cur().line, fmt::format("expected end of statement block, got {}", describe(cur())));
    ++pos_;
  }

  // Statements up to a {% name %} with name in `ends` (consumed up to and including the name).
  Body parse_body(const std::set<std::string>& ends, std::string& found_end, int open_line = 0,
                  std::string_view open_tag = {}) {
    Body body;
    while (true) {
      const Token& t = cur();
      if (t.type == T::Eof) {
        if (!ends.empty()) {
          fail(open_line, fmt::format("'{}' block is never closed (expected '{}' before the end of the template)",
                                      open_tag, fmt::join(ends, "' or '")));
        }
        return body;
      }
      if (t.type == T::Text) {
        auto s = std::make_shared<Stmt>();
        s->kind = Stmt::Kind::Text;
        s->line = t.line;
        s->text = t.text;
        body.push_back(s);
        ++pos_;
      } else if (t.type == T::VarBegin) {
        ++pos_;
        auto s = std::make_shared<Stmt>();
        s->kind = Stmt::Kind::Output;
        s->line = t.line;
        s->expr = parse_tuple_or_expr();
        if (cur().type != T::VarEnd) fail(cur().line, fmt::format("expected end of print statement, got {}", describe(cur())));
        ++pos_;
        body.push_back(s);
      } else if (t.type == T::BlockBegin) {
        const Token& kw = peek();
        if (kw.type != T::Name) fail(kw.line, fmt::format("expected a statement name, got {}", describe(kw)));
        if (ends.count(kw.text)) {
          pos_ += 2;
          found_end = kw.text;
          return body;
        }
        ++pos_;
        body.push_back(parse_statement());
      } else {
        fail(t.line, fmt::format("unexpected {}", describe(t)));
      }
    }
  }

  StmtP parse_statement() {
    DepthGuard guard(*this, cur().line);
    const Token kw = next();
    const int line = kw.line;
    const std::string& k = kw.text;
    if (k == "if") return parse_if(line);
    if (k == "for") return parse_for(line);
    if (k == "set") return parse_set(line);
    if (k == "macro") return parse_macro(line);
    if (k == "call") return parse_call_block(line);
    if (k == "filter") return parse_filter_block(line);
    if (k == "break" || k == "continue") {
      if (loop_depth_ == 0) fail(line, fmt::format("'{}' outside of a loop", k));
      expect_block_end();
      auto s = std::make_shared<Stmt>();
      s->kind = k == "break" ? Stmt::Kind::Break : Stmt::Kind::Continue;
      s->line = line;
      return s;
    }
    if (k == "generation") {
      expect_block_end();
      auto s = std::make_shared<Stmt>();
      s->kind = Stmt::Kind::Scope;
      s->line = line;
      std::string end;
      s->body = parse_body({"endgeneration"}, end, line, "generation");
      expect_block_end();
      return s;
    }
    static const std::set<std::string> k_unsupported = {"include", "import", "from", "extends", "block", "with", "autoescape", "do"};
    if (k_unsupported.count(k)) unsupported(line, fmt::format("the '{}' statement is not supported in chat templates", k));
    static const std::set<std::string> k_closers = {"endif", "endfor", "endset", "endmacro", "endcall", "endfilter", "else", "elif", "endgeneration"};
    if (k_closers.count(k)) fail(line, fmt::format("unexpected '{}' with no open block to close", k));
    fail(line, fmt::format("unknown statement '{}'", k));
  }

  StmtP parse_if(int line) {
    auto s = std::make_shared<Stmt>();
    s->kind = Stmt::Kind::If;
    s->line = line;
    ExprP cond = parse_tuple_or_expr();
    expect_block_end();
    while (true) {
      std::string end;
      Body body = parse_body({"elif", "else", "endif"}, end, line, "if");
      s->branches.emplace_back(cond, std::move(body));
      if (end == "elif") {
        cond = parse_tuple_or_expr();
        expect_block_end();
      } else if (end == "else") {
        expect_block_end();
        std::string end2;
        Body else_body = parse_body({"endif"}, end2, line, "if");
        s->branches.emplace_back(nullptr, std::move(else_body));
        expect_block_end();
        return s;
      } else {
        expect_block_end();
        return s;
      }
    }
  }

  StmtP parse_for(int line) {
    auto s = std::make_shared<Stmt>();
    s->kind = Stmt::Kind::For;
    s->line = line;
    const bool paren = accept_op("(");
    s->targets.push_back(expect_name());
    while (accept_op(",")) {
      if (is_name("in")) break;
      s->targets.push_back(expect_name());
    }
    if (paren) expect_op(")");
    if (!accept_name("in")) fail(cur().line, fmt::format("expected 'in' in for loop, got {}", describe(cur())));
    s->expr = parse_tuple_or_expr(/*with_condexpr=*/false);
    if (accept_name("if")) s->condition = parse_expression();
    if (is_name("recursive")) unsupported(cur().line, "recursive for loops are not supported");
    expect_block_end();
    ++loop_depth_;
    std::string end;
    s->body = parse_body({"else", "endfor"}, end, line, "for");
    --loop_depth_;
    if (end == "else") {
      expect_block_end();
      std::string end2;
      s->else_body = parse_body({"endfor"}, end2, line, "for");
    }
    expect_block_end();
    return s;
  }

  StmtP parse_set(int line) {
    auto s = std::make_shared<Stmt>();
    s->line = line;
    const std::string first = expect_name();
    if (accept_op(".")) {
      s->kind = Stmt::Kind::Set;
      auto obj = std::make_shared<Expr>();
      obj->kind = Expr::Kind::Name;
      obj->name = first;
      obj->line = line;
      s->target_object = obj;
      s->text = expect_name();
      expect_op("=");
      s->expr = parse_tuple_or_expr();
      expect_block_end();
      return s;
    }
    s->targets.push_back(first);
    while (accept_op(",")) s->targets.push_back(expect_name());
    if (accept_op("=")) {
      s->kind = Stmt::Kind::Set;
      s->text = first;
      s->expr = parse_tuple_or_expr();
      expect_block_end();
      return s;
    }
    if (s->targets.size() != 1) fail(line, "a set block assigns a single name");
    s->kind = Stmt::Kind::SetBlock;
    s->text = first;
    while (accept_op("|")) s->filters.push_back(parse_filter_call(nullptr));
    expect_block_end();
    std::string end;
    s->body = parse_body({"endset"}, end, line, "set");
    expect_block_end();
    return s;
  }

  void parse_params(std::vector<std::pair<std::string, ExprP>>& params) {
    expect_op("(");
    while (!is_op(")")) {
      if (!params.empty()) expect_op(",");
      if (is_op(")")) break;
      std::string name = expect_name();
      ExprP def;
      if (accept_op("=")) def = parse_expression();
      params.emplace_back(std::move(name), def);
    }
    expect_op(")");
  }

  StmtP parse_macro(int line) {
    auto s = std::make_shared<Stmt>();
    s->kind = Stmt::Kind::Macro;
    s->line = line;
    s->text = expect_name();
    parse_params(s->params);
    expect_block_end();
    const int saved = loop_depth_;
    loop_depth_ = 0;
    std::string end;
    s->body = parse_body({"endmacro"}, end, line, "macro");
    loop_depth_ = saved;
    if (cur().type == T::Name) ++pos_;  // {% endmacro name %}
    expect_block_end();
    return s;
  }

  StmtP parse_call_block(int line) {
    auto s = std::make_shared<Stmt>();
    s->kind = Stmt::Kind::CallBlock;
    s->line = line;
    if (is_op("(")) parse_params(s->params);
    s->expr = parse_expression();
    if (s->expr->kind != Expr::Kind::Call) fail(line, "expected a macro call after 'call'");
    expect_block_end();
    std::string end;
    s->body = parse_body({"endcall"}, end, line, "call");
    expect_block_end();
    return s;
  }

  StmtP parse_filter_block(int line) {
    auto s = std::make_shared<Stmt>();
    s->kind = Stmt::Kind::FilterBlock;
    s->line = line;
    s->filters.push_back(parse_filter_call(nullptr));
    while (accept_op("|")) s->filters.push_back(parse_filter_call(nullptr));
    expect_block_end();
    std::string end;
    s->body = parse_body({"endfilter"}, end, line, "filter");
    expect_block_end();
    return s;
  }

  // ---- expressions (precedence as in jinja2.parser) ----

  static std::shared_ptr<Expr> node(Expr::Kind kind, int line) {
    auto e = std::make_shared<Expr>();
    e->kind = kind;
    e->line = line;
    return e;
  }

  ExprP parse_tuple_or_expr(bool with_condexpr = true) {
    const int line = cur().line;
    ExprP first = with_condexpr ? parse_expression() : parse_or();
    if (!is_op(",")) return first;
    auto t = node(Expr::Kind::Tuple, line);
    t->args.push_back(first);
    while (accept_op(",")) {
      if (cur().type == T::BlockEnd || cur().type == T::VarEnd || is_op(")") || is_name("if")) break;
      t->args.push_back(with_condexpr ? parse_expression() : parse_or());
    }
    return t;
  }

  // Bounds recursion on hostile input ("((((…" or thousands of nested blocks) so a bad template
  // is an error, not a stack overflow.
  struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser, int line) : p(parser) {
      if (++p.depth_ > k_max_depth) p.fail(line, fmt::format("template nested more than {} levels deep", k_max_depth));
    }
    ~DepthGuard() { --p.depth_; }
  };
  static constexpr int k_max_depth = 200;

  ExprP parse_expression() {
    DepthGuard guard(*this, cur().line);
    ExprP expr = parse_or();
    while (is_name("if")) {
      const int line = next().line;
      auto c = node(Expr::Kind::Cond, line);
      c->args.push_back(parse_or());
      c->args.push_back(expr);
      c->args.push_back(accept_name("else") ? parse_expression() : nullptr);
      expr = c;
    }
    return expr;
  }

  ExprP parse_or() {
    ExprP left = parse_and();
    while (is_name("or")) {
      auto e = node(Expr::Kind::Or, next().line);
      e->args = {left, parse_and()};
      left = e;
    }
    return left;
  }

  ExprP parse_and() {
    ExprP left = parse_not();
    while (is_name("and")) {
      auto e = node(Expr::Kind::And, next().line);
      e->args = {left, parse_not()};
      left = e;
    }
    return left;
  }

  ExprP parse_not() {
    DepthGuard guard(*this, cur().line);
    if (is_name("not")) {
      auto e = node(Expr::Kind::Not, next().line);
      e->args = {parse_not()};
      return e;
    }
    return parse_compare();
  }

  ExprP parse_compare() {
    ExprP left = parse_math1();
    while (true) {
      std::string op;
      const int line = cur().line;
      if (cur().type == T::Op && (cur().text == "==" || cur().text == "!=" || cur().text == "<" || cur().text == ">" ||
                                  cur().text == "<=" || cur().text == ">=")) {
        op = next().text;
      } else if (is_name("in")) {
        ++pos_;
        op = "in";
      } else if (is_name("not") && peek().type == T::Name && peek().text == "in") {
        pos_ += 2;
        op = "not in";
      } else {
        return left;
      }
      auto e = node(Expr::Kind::Binary, line);
      e->name = op;
      e->args = {left, parse_math1()};
      left = e;
    }
  }

  ExprP parse_binary_level(ExprP (Parser::*next_level)(), std::initializer_list<std::string_view> ops) {
    ExprP left = (this->*next_level)();
    while (true) {
      bool matched = false;
      for (const auto op : ops) {
        if (is_op(op)) {
          auto e = node(Expr::Kind::Binary, next().line);
          e->name = std::string(op);
          e->args = {left, (this->*next_level)()};
          left = e;
          matched = true;
          break;
        }
      }
      if (!matched) return left;
    }
  }

  ExprP parse_math1() { return parse_binary_level(&Parser::parse_concat, {"+", "-"}); }
  ExprP parse_concat() { return parse_binary_level(&Parser::parse_math2, {"~"}); }
  ExprP parse_math2() { return parse_binary_level(&Parser::parse_pow, {"*", "/", "//", "%"}); }
  ExprP parse_pow() {
    ExprP left = parse_unary(true);
    while (is_op("**")) {
      auto e = node(Expr::Kind::Binary, next().line);
      e->name = "**";
      e->args = {left, parse_unary(true)};
      left = e;
    }
    return left;
  }

  ExprP parse_unary(bool with_filter) {
    DepthGuard guard(*this, cur().line);
    ExprP n;
    if (is_op("-") || is_op("+")) {
      const bool neg = cur().text == "-";
      auto e = node(neg ? Expr::Kind::Neg : Expr::Kind::Pos, next().line);
      e->args = {parse_unary(false)};
      n = e;
    } else {
      n = parse_primary();
    }
    n = parse_postfix(n);
    if (with_filter) n = parse_filter_expr(n);
    return n;
  }

  ExprP parse_primary() {
    const Token& t = cur();
    const int line = t.line;
    if (t.type == T::Name) {
      ++pos_;
      if (t.text == "true" || t.text == "True") return literal(Value(true), line);
      if (t.text == "false" || t.text == "False") return literal(Value(false), line);
      if (t.text == "none" || t.text == "None") return literal(Value::none(), line);
      auto e = node(Expr::Kind::Name, line);
      e->name = t.text;
      return e;
    }
    if (t.type == T::String) {
      std::string s;
      while (cur().type == T::String) s += next().value.as_string();
      return literal(Value(std::move(s)), line);
    }
    if (t.type == T::Int || t.type == T::Float) {
      ++pos_;
      return literal(t.value, line);
    }
    if (accept_op("(")) {
      if (accept_op(")")) return node(Expr::Kind::Tuple, line);
      ExprP inner = parse_tuple_or_expr();
      expect_op(")");
      return inner;
    }
    if (accept_op("[")) {
      auto e = node(Expr::Kind::List, line);
      while (!is_op("]")) {
        if (!e->args.empty()) expect_op(",");
        if (is_op("]")) break;
        e->args.push_back(parse_expression());
      }
      expect_op("]");
      return e;
    }
    if (accept_op("{")) {
      auto e = node(Expr::Kind::Dict, line);
      while (!is_op("}")) {
        if (!e->args.empty()) expect_op(",");
        if (is_op("}")) break;
        e->args.push_back(parse_expression());
        expect_op(":");
        e->args.push_back(parse_expression());
      }
      expect_op("}");
      return e;
    }
    fail(line, fmt::format("unexpected {} in expression", describe(t)));
  }

  static ExprP literal(Value v, int line) {
    auto e = node(Expr::Kind::Literal, line);
    e->literal = std::move(v);
    return e;
  }

  ExprP parse_postfix(ExprP n) {
    while (true) {
      const int line = cur().line;
      if (accept_op(".")) {
        auto e = node(Expr::Kind::Attr, line);
        if (cur().type == T::Int) {
          e->kind = Expr::Kind::Item;
          e->args = {n, literal(next().value, line)};
        } else {
          e->name = expect_name();
          e->args = {n};
        }
        n = e;
      } else if (accept_op("[")) {
        n = parse_subscript(n, line);
      } else if (is_op("(")) {
        auto e = node(Expr::Kind::Call, line);
        e->args = {n};
        parse_call_args(*e);
        n = e;
      } else {
        return n;
      }
    }
  }

  ExprP parse_subscript(ExprP obj, int line) {
    ExprP parts[3];
    bool is_slice = false;
    int part = 0;
    while (!is_op("]")) {
      if (accept_op(":")) {
        is_slice = true;
        if (++part > 2) fail(line, "too many ':' in slice");
        continue;
      }
      if (parts[part]) fail(cur().line, fmt::format("expected ']' or ':', got {}", describe(cur())));
      parts[part] = parse_expression();
    }
    expect_op("]");
    if (!is_slice) {
      if (!parts[0]) fail(line, "empty subscript");
      auto e = node(Expr::Kind::Item, line);
      e->args = {obj, parts[0]};
      return e;
    }
    auto e = node(Expr::Kind::Slice, line);
    e->args = {obj, parts[0], parts[1], parts[2]};
    return e;
  }

  void parse_call_args(Expr& e) {
    expect_op("(");
    bool first = true;
    while (!is_op(")")) {
      if (!first) expect_op(",");
      first = false;
      if (is_op(")")) break;
      if (cur().type == T::Name && peek().type == T::Op && peek().text == "=") {
        std::string key = next().text;
        ++pos_;
        e.kwargs.emplace_back(std::move(key), parse_expression());
      } else {
        if (!e.kwargs.empty()) fail(cur().line, "positional argument after keyword argument");
        e.args.push_back(parse_expression());
      }
    }
    expect_op(")");
  }

  ExprP parse_filter_call(ExprP subject) {
    const int line = cur().line;
    std::string name = expect_name();
    while (accept_op(".")) name += "." + expect_name();
    if (!is_known_filter(name)) fail(line, fmt::format("no filter named '{}'", name));
    auto e = node(Expr::Kind::Filter, line);
    e->name = name;
    e->args.push_back(subject);
    if (is_op("(")) parse_call_args(*e);
    return e;
  }

  ExprP parse_filter_expr(ExprP n) {
    while (true) {
      if (accept_op("|")) {
        n = parse_filter_call(n);
      } else if (is_name("is")) {
        const int line = next().line;
        auto e = node(Expr::Kind::Test, line);
        e->negated = accept_name("not");
        e->name = expect_name();
        if (!is_known_test(e->name)) fail(line, fmt::format("no test named '{}'", e->name));
        e->args.push_back(n);
        if (is_op("(")) {
          parse_call_args(*e);
        } else if ((cur().type == T::Name || cur().type == T::String || cur().type == T::Int || cur().type == T::Float ||
                    is_op("[") || is_op("{")) &&
                   !is_name("else") && !is_name("or") && !is_name("and") && !is_name("if") && !is_name("in") &&
                   !is_name("not") && !is_name("is")) {
          e->args.push_back(parse_postfix(parse_primary()));
        }
        n = e;
      } else {
        return n;
      }
    }
  }

  std::vector<Token> toks_;
  std::string name_;
  size_t pos_ = 0;
  int loop_depth_ = 0;
  int depth_ = 0;
};

} // namespace

Template Template::parse(std::string_view source, std::string name) {
  Lexer lexer(normalise_source(source), name);
  auto program = std::make_shared<Program>();
  program->name = name;
  program->body = Parser(lexer.run(), name).parse_template();
  return Template(std::move(program));
}

const std::string& Template::name() const { return program_->name; }

} // namespace sikao::chat::jinja
