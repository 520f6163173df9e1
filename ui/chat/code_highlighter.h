#pragma once
// Syntax highlighting for the chat's code blocks: one scanning engine, driven by one rule table
// per language (code_languages.cpp). It scans one line at a time and carries what is still open
// at the end of a line (a block comment, a multi-line string, a raw string, an HTML tag) in an
// int, so that it runs as a QSyntaxHighlighter (highlightBlock with previousBlockState) and a
// streaming answer re-scans only the lines that change.
//
// Linear in the input by construction: every step consumes at least one character and looks
// ahead by a bounded amount (the longest delimiter of the table, 16 characters for a C++ raw
// string's delimiter), except the skip over spaces after a token, whose characters the next
// step consumes; no backtracking. An unterminated string or comment runs to the end of the line
// (or of the block) in one pass.

#include <QString>
#include <QStringView>
#include <cstdint>
#include <vector>

namespace sikao::ui::code {

enum class TokenClass : std::uint8_t {
  Keyword,
  Type,      // types and built-in functions and constants
  String,
  Comment,
  Number,
  Function,  // a name called: `name(`; a Rust macro `name!`
  Preprocessor,  // C's #include, Python's @decorator, CSS's @media
  Tag,       // HTML/XML tags, Markdown headings and list markers
  Attribute  // HTML attributes, JSON/YAML keys, CSS properties
};
inline constexpr int k_token_class_count = 9;

struct Token {
  qsizetype start = 0;
  qsizetype length = 0;
  TokenClass token_class = TokenClass::Keyword;
  friend bool operator==(const Token&, const Token&) = default;
};

struct LanguageRules;  // code_language_rules.h

// The language of a fence's info string ("python", "py", "c++", "C#", "jsonc", "rust ignore"):
// its first word, case-insensitive; nullptr when it is none we highlight.
const LanguageRules* find_language(QStringView info_string);
// How the chat names it: "Python", "C++", "C#".
QString display_name(const LanguageRules& language);

// What is open at the end of a line, as QSyntaxHighlighter's block state: 0 nothing (a block
// that was never highlighted has -1, read as 0).
using LineState = int;

// Appends the line's tokens to `tokens` (in order, not overlapping; unclassified text has none)
// and returns the state at its end. `line` holds no line break.
LineState highlight_line(const LanguageRules& language, QStringView line, LineState state,
                         std::vector<Token>& tokens);

// The state at the end of `text` (its lines highlighted in turn from `state`): where a long code
// block's next piece, shown in a text item of its own, begins.
LineState state_after(const LanguageRules& language, QStringView text, LineState state);

} // namespace sikao::ui::code
