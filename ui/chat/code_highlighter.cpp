#include "chat/code_highlighter.h"

#include <algorithm>
#include <optional>

#include "chat/code_language_rules.h"

namespace sikao::ui::code {

namespace {

// LineState: bits 0-3 what is open, bits 4-7 which rule of its kind, bits 8-30 a parameter (a
// nesting depth, a raw string's delimiter). 0 is "nothing open".
enum class Open : int { Nothing = 0, BlockComment = 1, String = 2, CppRawString = 3, RustRawString = 4, Tag = 5 };

struct Decoded {
  Open open = Open::Nothing;
  int rule = 0;
  int parameter = 0;
};

constexpr int k_max_parameter = (1 << 23) - 1;

LineState encode(Open open, int rule = 0, int parameter = 0) {
  return static_cast<int>(open) | (rule << 4) | (std::min(parameter, k_max_parameter) << 8);
}

Decoded decode(LineState state) {
  if (state <= 0) return {};
  return {static_cast<Open>(state & 0xF), (state >> 4) & 0xF, state >> 8};
}

// A C++ raw string's delimiter in the 23-bit parameter: its length (0-16, 5 bits) and an 18-bit
// hash of its characters; a continuation line compares candidates by both.
int cpp_delimiter_key(QStringView delimiter) {
  std::uint32_t hash = 2166136261u;  // FNV-1a
  for (QChar c : delimiter) hash = (hash ^ c.unicode()) * 16777619u;
  return static_cast<int>(delimiter.size()) | static_cast<int>((hash & 0x3FFFF) << 5);
}
constexpr qsizetype k_max_cpp_delimiter = 16;
constexpr int k_max_rust_hashes = 255;

bool is_space(QChar c) { return c == u' ' || c == u'\t' || c == u'\r' || c == u'\f' || c == u'\v'; }
bool is_digit(QChar c) { return c >= u'0' && c <= u'9'; }
bool is_hex_digit(QChar c) {
  return is_digit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}
bool is_word(QChar c) { return c == u'_' || c.isLetterOrNumber() || c.isMark(); }

std::u16string_view view(QStringView s) {
  return {reinterpret_cast<const char16_t*>(s.utf16()), static_cast<size_t>(s.size())};
}

QString lower(QStringView s) { return s.toString().toLower(); }

bool contains_word(const Words& words, QStringView word, bool case_insensitive) {
  if (words.empty()) return false;
  if (!case_insensitive) return words.contains(view(word));
  const QString folded = lower(word);
  return words.contains(view(folded));
}

class LineScanner {
 public:
  LineScanner(const LanguageRules& rules, QStringView line, std::vector<Token>& tokens)
      : rules_(rules), line_(line), tokens_(tokens) {}

  LineState run(LineState state) {
    const Decoded open = decode(state);
    if (open.open == Open::Tag) in_tag_ = true;
    else if (open.open != Open::Nothing) {
      const LineState still_open = resume(open);
      if (still_open != 0) return still_open;
    }
    if (!in_tag_) scan_line_start();
    while (pos_ < size()) {
      const LineState open_at_end = in_tag_ ? step_in_tag() : step();
      if (open_at_end != 0) return open_at_end;
    }
    return in_tag_ ? encode(Open::Tag) : 0;
  }

 private:
  const LanguageRules& rules_;
  QStringView line_;
  std::vector<Token>& tokens_;
  qsizetype pos_ = 0;
  bool in_tag_ = false;

  qsizetype size() const { return line_.size(); }
  QChar at(qsizetype i) const { return i < size() ? line_[i] : QChar(); }
  bool starts_with(qsizetype i, std::u16string_view s) const {
    return !s.empty() && i + static_cast<qsizetype>(s.size()) <= size() &&
           view(line_.sliced(i, static_cast<qsizetype>(s.size()))) == s;
  }
  void add_token(qsizetype start, qsizetype end, TokenClass token_class) {
    if (end > start) tokens_.push_back({start, end - start, token_class});
  }
  qsizetype skip_spaces(qsizetype i) const {
    while (i < size() && is_space(line_[i])) ++i;
    return i;
  }
  bool is_identifier_char(QChar c) const {
    return is_word(c) || (!rules_.identifier_extra.empty() &&
                          rules_.identifier_extra.find(c.unicode()) != std::u16string_view::npos);
  }
  bool is_identifier_start(qsizetype i) const {
    const QChar c = at(i);
    if (c == u'_' || c.isLetter()) return true;
    // An extra character starts a name only before a letter: CSS's -webkit-box, not - 1.
    return !is_digit(c) && is_identifier_char(c) && (at(i + 1).isLetter() || at(i + 1) == c || at(i + 1) == u'_');
  }

  // What continues from the line before: the construct from the line's start to its end.
  LineState resume(const Decoded& open) {
    LineState still_open = 0;
    switch (open.open) {
      case Open::BlockComment:
        still_open = scan_block_comment(open.rule, open.parameter);
        add_token(0, pos_, TokenClass::Comment);
        break;
      case Open::String:
        still_open = scan_string(open.rule);
        add_token(0, pos_, TokenClass::String);
        break;
      case Open::CppRawString:
        still_open = scan_cpp_raw_string(open.parameter);
        add_token(0, pos_, TokenClass::String);
        break;
      case Open::RustRawString:
        still_open = scan_rust_raw_string(open.parameter);
        add_token(0, pos_, TokenClass::String);
        break;
      case Open::Nothing:
      case Open::Tag:
        break;
    }
    return still_open;
  }

  // One token (or one character of no class) of ordinary text; returns the state when a
  // construct runs past the end of the line.
  LineState step() {
    const QChar c = line_[pos_];
    if (is_space(c)) {
      ++pos_;
      return 0;
    }
    if (starts_line_comment()) {
      add_token(pos_, size(), TokenClass::Comment);
      pos_ = size();
      return 0;
    }
    for (int i = 0; i < static_cast<int>(rules_.block_comments.size()); ++i) {
      if (starts_with(pos_, rules_.block_comments[size_t(i)].open)) return block_comment(pos_, i);
    }
    if (rules_.lifetimes && c == u'\'') return quote_or_lifetime();
    // In markup, quotes delimit strings only inside a tag (text has apostrophes).
    if (!rules_.markup && may_open_string()) {
      for (int i = 0; i < static_cast<int>(rules_.strings.size()); ++i) {
        if (starts_with(pos_, rules_.strings[size_t(i)].open)) return string(pos_, i);
      }
    }
    if (rules_.markup && c == u'<' && opens_tag()) return 0;
    if (rules_.numbers && (is_digit(c) || (c == u'.' && is_digit(at(pos_ + 1))))) {
      number();
      return 0;
    }
    if (is_identifier_start(pos_)) return identifier();
    if (rules_.annotation != 0 && c == rules_.annotation && is_identifier_start(pos_ + 1)) {
      annotation();
      return 0;
    }
    if (rules_.bracket_attributes && c == u'#' && (at(pos_ + 1) == u'[' || (at(pos_ + 1) == u'!' && at(pos_ + 2) == u'['))) {
      bracket_attribute();
      return 0;
    }
    if (rules_.hash_colours && c == u'#' && hash_colour()) return 0;
    ++pos_;
    return 0;
  }

  bool may_open_string() const {
    return !rules_.strings_at_word_start || pos_ == 0 || !is_identifier_char(line_[pos_ - 1]);
  }

  bool starts_line_comment() const {
    for (const auto& opening : rules_.line_comments) {
      if (!starts_with(pos_, opening)) continue;
      if (!rules_.line_comment_at_word_start || pos_ == 0 || is_space(line_[pos_ - 1])) return true;
    }
    return false;
  }

  LineState block_comment(qsizetype start, int rule) {
    pos_ += static_cast<qsizetype>(rules_.block_comments[size_t(rule)].open.size());
    const LineState still_open = scan_block_comment(rule, 1);
    add_token(start, pos_, TokenClass::Comment);
    return still_open;
  }

  // From pos_, inside a block comment `depth` deep: to just past its end, or to the line's end.
  LineState scan_block_comment(int rule, int depth) {
    const BlockComment& comment = rules_.block_comments[size_t(rule)];
    while (pos_ < size()) {
      if (starts_with(pos_, comment.close)) {
        pos_ += static_cast<qsizetype>(comment.close.size());
        if (--depth == 0) return 0;
      } else if (comment.nests && starts_with(pos_, comment.open)) {
        pos_ += static_cast<qsizetype>(comment.open.size());
        ++depth;
      } else {
        ++pos_;
      }
    }
    return encode(Open::BlockComment, rule, depth);
  }

  // A string opening at `start` (its prefix included) whose rule's opening is at pos_.
  LineState string(qsizetype start, int rule) {
    pos_ += static_cast<qsizetype>(rules_.strings[size_t(rule)].open.size());
    const LineState still_open = scan_string(rule);
    add_token(start, pos_, TokenClass::String);
    if (still_open == 0) mark_key(start);
    return still_open;
  }

  LineState scan_string(int rule) {
    const StringRule& s = rules_.strings[size_t(rule)];
    while (pos_ < size()) {
      if (s.escape != 0 && line_[pos_] == s.escape) {
        pos_ = std::min(size(), pos_ + 2);
      } else if (starts_with(pos_, s.close)) {
        pos_ += static_cast<qsizetype>(s.close.size());
        if (!s.doubled_close_escapes || !starts_with(pos_, s.close)) return 0;
        pos_ += static_cast<qsizetype>(s.close.size());
      } else {
        ++pos_;
      }
    }
    return s.multiline ? encode(Open::String, rule) : 0;
  }

  // JSON's "key": and YAML's key: (a name only before ": " or a colon ending the line, so that
  // YAML's `http://` and C++-like `a::b` stay plain).
  bool mark_key(qsizetype start, bool name = false) {
    if (!rules_.keys) return false;
    const qsizetype colon = skip_spaces(pos_);
    if (at(colon) != u':' || at(colon + 1) == u':') return false;
    if (name && colon + 1 < size() && !is_space(at(colon + 1))) return false;
    tokens_.back() = {start, pos_ - start, TokenClass::Attribute};
    return true;
  }

  // C++: R"delim( ... )delim" with the prefix at `start` and pos_ on the quote.
  std::optional<LineState> cpp_raw_string(qsizetype start) {
    const qsizetype open_paren = [&] {
      for (qsizetype i = pos_ + 1; i < size() && i <= pos_ + 1 + k_max_cpp_delimiter; ++i) {
        const QChar c = line_[i];
        if (c == u'(') return i;
        if (c == u')' || c == u'\\' || c == u'"' || c.isSpace()) return qsizetype(-1);
      }
      return qsizetype(-1);
    }();
    if (open_paren < 0) return std::nullopt;
    const int key = cpp_delimiter_key(line_.sliced(pos_ + 1, open_paren - pos_ - 1));
    pos_ = open_paren + 1;
    const LineState still_open = scan_cpp_raw_string(key);
    add_token(start, pos_, TokenClass::String);
    return still_open;
  }

  LineState scan_cpp_raw_string(int key) {
    const qsizetype length = key & 0x1F;
    while (pos_ < size()) {
      if (line_[pos_] == u')' && at(pos_ + 1 + length) == u'"' &&
          cpp_delimiter_key(line_.sliced(pos_ + 1, length)) == key) {
        pos_ += length + 2;
        return 0;
      }
      ++pos_;
    }
    return encode(Open::CppRawString, 0, key);
  }

  // Rust: r"...", r#"..."# with the prefix at `start` and pos_ on the first # or the quote.
  std::optional<LineState> rust_raw_string(qsizetype start) {
    qsizetype quote = pos_;
    while (at(quote) == u'#') ++quote;
    const qsizetype hashes = quote - pos_;
    if (at(quote) != u'"' || hashes > k_max_rust_hashes) return std::nullopt;
    pos_ = quote + 1;
    const LineState still_open = scan_rust_raw_string(static_cast<int>(hashes));
    add_token(start, pos_, TokenClass::String);
    return still_open;
  }

  LineState scan_rust_raw_string(int hashes) {
    while (pos_ < size()) {
      if (line_[pos_] == u'"') {
        qsizetype end = pos_ + 1;
        while (end - pos_ - 1 < hashes && at(end) == u'#') ++end;
        if (end - pos_ - 1 == hashes) {
          pos_ = end;
          return 0;
        }
      }
      ++pos_;
    }
    return encode(Open::RustRawString, 0, hashes);
  }

  // The string whose prefix (an identifier) is at `start` and whose opening is at pos_, if one
  // opens there.
  std::optional<LineState> string_after_prefix(qsizetype start) {
    for (int i = 0; i < static_cast<int>(rules_.strings.size()); ++i) {
      if (starts_with(pos_, rules_.strings[size_t(i)].open)) return string(start, i);
    }
    return std::nullopt;
  }

  LineState identifier() {
    const qsizetype start = pos_;
    while (pos_ < size() && is_identifier_char(line_[pos_])) ++pos_;
    const QStringView word = line_.sliced(start, pos_ - start);
    // Prefixes are short: a long word is not looked up (nor lower-cased) for them.
    if (word.size() <= 3 && contains_word(rules_.raw_string_prefixes, word, false)) {
      std::optional<LineState> raw;
      if (rules_.raw_strings == RawStrings::Cpp && at(pos_) == u'"') raw = cpp_raw_string(start);
      if (rules_.raw_strings == RawStrings::Rust && (at(pos_) == u'"' || at(pos_) == u'#')) raw = rust_raw_string(start);
      if (raw) return *raw;
    }
    if (word.size() <= 3 && contains_word(rules_.string_prefixes, word, true)) {
      if (const auto state = string_after_prefix(start)) return *state;
    }
    classify_word(start, word);
    return 0;
  }

  void classify_word(qsizetype start, QStringView word) {
    if (rules_.keys) {  // YAML's `on:` is a key, though `on` is a keyword
      add_token(start, pos_, TokenClass::Attribute);
      if (mark_key(start, true)) return;
      tokens_.pop_back();
    }
    if (contains_word(rules_.keywords, word, rules_.case_insensitive)) {
      add_token(start, pos_, TokenClass::Keyword);
    } else if (contains_word(rules_.types, word, rules_.case_insensitive)) {
      add_token(start, pos_, TokenClass::Type);
    } else if (rules_.calls && at(pos_) == u'(') {
      add_token(start, pos_, TokenClass::Function);
    } else if (rules_.macros && at(pos_) == u'!' && at(pos_ + 1) != u'=') {
      add_token(start, pos_ + 1, TokenClass::Function);
      ++pos_;
    }
  }

  // Digits, a radix prefix, a fraction, an exponent with its sign, a suffix (10u, 1.5f, 12px,
  // 7i64) and digit separators, in one pass.
  void number() {
    const qsizetype start = pos_;
    while (pos_ < size()) {
      const QChar c = line_[pos_];
      const QChar before = pos_ > start ? line_[pos_ - 1] : QChar();
      const bool exponent_sign = (c == u'+' || c == u'-') && (before == u'e' || before == u'E' ||
                                                              before == u'p' || before == u'P') &&
                                 is_digit(at(pos_ + 1)) && !starts_hex(start);
      const bool fraction = c == u'.' && is_digit(at(pos_ + 1));
      const bool separator = c == rules_.digit_separator && is_hex_digit(at(pos_ + 1));
      if (!(is_word(c) || exponent_sign || fraction || separator)) break;
      ++pos_;
    }
    if (at(pos_) == u'%' && rules_.hash_colours) ++pos_;  // CSS: 50%
    add_token(start, pos_, TokenClass::Number);
  }
  bool starts_hex(qsizetype start) const {
    return line_[start] == u'0' && (at(start + 1) == u'x' || at(start + 1) == u'X');
  }

  // @decorator, @Override, @media, @app.route: the name and its dotted parts.
  void annotation() {
    const qsizetype start = pos_++;
    while (pos_ < size() && (is_identifier_char(line_[pos_]) || (line_[pos_] == u'.' && is_identifier_start(pos_ + 1)))) ++pos_;
    add_token(start, pos_, TokenClass::Preprocessor);
  }

  // Rust: #[...] up to the first ] of the line.
  void bracket_attribute() {
    const qsizetype start = pos_;
    while (pos_ < size() && line_[pos_] != u']') ++pos_;
    pos_ = std::min(size(), pos_ + 1);
    add_token(start, pos_, TokenClass::Preprocessor);
  }

  bool hash_colour() {
    qsizetype end = pos_ + 1;
    while (end < size() && is_hex_digit(line_[end])) ++end;
    const qsizetype digits = end - pos_ - 1;
    if ((digits != 3 && digits != 4 && digits != 6 && digits != 8) || is_identifier_char(at(end))) return false;
    add_token(pos_, end, TokenClass::Number);
    pos_ = end;
    return true;
  }

  // Rust: 'x', '\n', '\u{1F600}' are characters (String); 'a, 'static are lifetimes (Type).
  LineState quote_or_lifetime() {
    const qsizetype start = pos_;
    if (at(pos_ + 1) == u'\\') {
      pos_ += 2;
      while (pos_ < size() && line_[pos_] != u'\'') ++pos_;
      pos_ = std::min(size(), pos_ + 1);
      add_token(start, pos_, TokenClass::String);
      return 0;
    }
    const qsizetype character = at(pos_ + 1).isHighSurrogate() ? 2 : 1;
    if (at(pos_ + 1 + character) == u'\'') {
      pos_ += character + 2;
      add_token(start, pos_, TokenClass::String);
      return 0;
    }
    ++pos_;
    if (is_identifier_start(pos_)) {
      while (pos_ < size() && is_identifier_char(line_[pos_])) ++pos_;
      add_token(start, pos_, TokenClass::Type);
    }
    return 0;
  }

  // HTML/XML: <name, </name, <!DOCTYPE, <?xml as Tag; then attributes until > (step_in_tag).
  bool opens_tag() {
    qsizetype end = pos_ + 1;
    if (at(end) == u'/' || at(end) == u'!' || at(end) == u'?') ++end;
    if (!at(end).isLetter()) return false;
    while (end < size() && (is_word(line_[end]) || line_[end] == u'-' || line_[end] == u':' || line_[end] == u'.')) ++end;
    add_token(pos_, end, TokenClass::Tag);
    pos_ = end;
    in_tag_ = true;
    return true;
  }

  LineState step_in_tag() {
    const QChar c = line_[pos_];
    if (c == u'>' || ((c == u'/' || c == u'?') && at(pos_ + 1) == u'>')) {
      const qsizetype start = pos_;
      pos_ += c == u'>' ? 1 : 2;
      add_token(start, pos_, TokenClass::Tag);
      in_tag_ = false;
      return 0;
    }
    for (int i = 0; i < static_cast<int>(rules_.strings.size()); ++i) {
      if (starts_with(pos_, rules_.strings[size_t(i)].open)) return string(pos_, i);
    }
    if (c.isLetter() || c == u'_') {
      const qsizetype start = pos_;
      while (pos_ < size() && (is_word(line_[pos_]) || line_[pos_] == u'-' || line_[pos_] == u':' || line_[pos_] == u'.')) ++pos_;
      add_token(start, pos_, TokenClass::Attribute);
      return 0;
    }
    ++pos_;
    return 0;
  }

  // Preprocessor directives, Markdown headings, quotes and list markers, YAML document markers.
  void scan_line_start() {
    const LineStarts& starts = rules_.line_starts;
    const qsizetype indent = skip_spaces(0);
    const QChar c = at(indent);
    if (starts.preprocessor && c == u'#') return directive(indent);
    if ((starts.headings && c == u'#' && is_heading(indent)) || (starts.quotes && c == u'>')) {
      add_token(indent, size(), c == u'#' ? TokenClass::Tag : TokenClass::Comment);
      pos_ = size();
      return;
    }
    if (starts.document_markers && indent == 0 && (line_.startsWith(u"---") || line_.startsWith(u"...")) &&
        skip_spaces(3) == size()) {
      add_token(0, 3, TokenClass::Tag);
      pos_ = size();
      return;
    }
    if (starts.list_markers) list_marker(indent);
  }

  // Markdown: one to six # and a space (or nothing) after them; #hashtag is text.
  bool is_heading(qsizetype hash) const {
    qsizetype end = hash;
    while (end < size() && line_[end] == u'#') ++end;
    return end - hash <= 6 && (end == size() || is_space(line_[end]));
  }

  void directive(qsizetype hash) {
    pos_ = skip_spaces(hash + 1);
    const qsizetype name = pos_;
    while (pos_ < size() && is_word(line_[pos_])) ++pos_;
    const QStringView word = line_.sliced(name, pos_ - name);
    add_token(hash, pos_, TokenClass::Preprocessor);
    const qsizetype file = skip_spaces(pos_);
    if ((word == u"include" || word == u"import" || word == u"include_next") && at(file) == u'<') {
      qsizetype end = file;
      while (end < size() && line_[end] != u'>') ++end;
      pos_ = std::min(size(), end + 1);
      add_token(file, pos_, TokenClass::String);
    }
  }

  void list_marker(qsizetype indent) {
    qsizetype end = indent;
    if (c_in(at(end), u"-*+")) {
      ++end;
    } else {
      while (end < size() && is_digit(line_[end])) ++end;
      if (end == indent || !c_in(at(end), u".)")) return;
      ++end;
    }
    if (end < size() && !is_space(line_[end])) return;
    add_token(indent, end, TokenClass::Tag);
    pos_ = end;
  }
  static bool c_in(QChar c, std::u16string_view set) {
    return !c.isNull() && set.find(c.unicode()) != std::u16string_view::npos;
  }
};

} // namespace

const LanguageRules* find_language(QStringView info_string) {
  const QStringView trimmed = info_string.trimmed();
  qsizetype end = 0;
  while (end < trimmed.size() && !trimmed[end].isSpace() && trimmed[end] != u'{' && trimmed[end] != u',') ++end;
  const QString word = trimmed.first(end).toString().toLower();
  if (word.isEmpty()) return nullptr;
  for (const LanguageRules& language : languages()) {
    if (std::find(language.aliases.begin(), language.aliases.end(), word) != language.aliases.end()) return &language;
  }
  return nullptr;
}

QString display_name(const LanguageRules& language) { return language.name; }

LineState highlight_line(const LanguageRules& language, QStringView line, LineState state,
                         std::vector<Token>& tokens) {
  return LineScanner(language, line, tokens).run(state);
}

LineState state_after(const LanguageRules& language, QStringView text, LineState state) {
  std::vector<Token> tokens;
  for (qsizetype start = 0; start <= text.size();) {
    qsizetype end = text.indexOf(u'\n', start);
    if (end < 0) end = text.size();
    tokens.clear();
    state = highlight_line(language, text.sliced(start, end - start), state, tokens);
    start = end + 1;
  }
  return state;
}

} // namespace sikao::ui::code
