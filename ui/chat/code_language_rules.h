#pragma once
// The rule table of one language for the scanning engine (code_highlighter.cpp); the tables
// themselves are in code_languages.cpp. Everything here is data: adding a language is adding a
// table, not code.

#include <QString>
#include <span>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "chat/code_highlighter.h"

namespace sikao::ui::code {

using Words = std::unordered_set<std::u16string_view>;

struct StringRule {
  std::u16string_view open;
  std::u16string_view close;
  char16_t escape = u'\\';  // 0: none (a raw string)
  bool doubled_close_escapes = false;  // SQL's 'it''s', C#'s @"say ""hi"""
  bool multiline = false;  // continues onto the next line when unterminated
};

struct BlockComment {
  std::u16string_view open;
  std::u16string_view close;
  bool nests = false;  // Rust: /* a /* b */ still a */
};

enum class RawStrings {
  None,
  Cpp,   // R"delimiter( ... )delimiter", delimiter at most 16 characters
  Rust,  // r"...", r#"..."#, r##"..."## (at most 255 #)
};

// Constructs recognised at the start of a line (after indentation).
struct LineStarts {
  bool preprocessor = false;      // C: `#include`, the directive as Preprocessor, <file> as String
  bool headings = false;          // Markdown: `## Title`, the whole line as Tag
  bool quotes = false;            // Markdown: `> quoted`, the whole line as Comment
  bool list_markers = false;      // Markdown and YAML: `- `, `* `, `+ `, `1. ` as Tag
  bool document_markers = false;  // YAML: `---` and `...` as Tag
};

struct LanguageRules {
  QString name;  // shown in the code block's header
  std::vector<QString> aliases;  // lower case, as in a fence's info string
  Words keywords;
  Words types;  // and built-in functions and constants
  bool case_insensitive = false;  // SQL: keywords are listed in lower case
  std::vector<std::u16string_view> line_comments;
  bool line_comment_at_word_start = false;  // Bash, YAML: `a#b` is a word
  std::vector<BlockComment> block_comments;
  std::vector<StringRule> strings;  // tried in order: longer openings first
  bool strings_at_word_start = false;  // YAML: the quote in `it's` opens nothing
  // Identifiers that may prefix a string rule's opening (Python's f"", C++'s u8""), compared
  // case-insensitively.
  Words string_prefixes;
  RawStrings raw_strings = RawStrings::None;
  Words raw_string_prefixes;  // C++: R, u8R, LR; Rust: r, br
  std::u16string_view identifier_extra;  // characters besides letters, digits and _: JS's $
  bool numbers = true;
  char16_t digit_separator = u'_';  // C++: 1'000'000
  char16_t annotation = 0;  // '@': Python decorators, Java annotations, CSS at-rules
  bool bracket_attributes = false;  // Rust: #[derive(Debug)], #![allow(...)]
  bool calls = true;  // `name(` as Function
  bool macros = false;  // Rust: `name!` as Function
  bool lifetimes = false;  // Rust: 'a is a lifetime (Type), 'a' a character
  bool keys = false;  // JSON, YAML, CSS: a name or string before ':' as Attribute
  bool hash_colours = false;  // CSS: #fff, #a0b1c2 as Number
  bool markup = false;  // HTML, XML: <tag attribute="value"> as Tag, Attribute, String
  LineStarts line_starts;
};

// Every language we highlight, in the order the tests list them.
std::span<const LanguageRules> languages();

} // namespace sikao::ui::code
