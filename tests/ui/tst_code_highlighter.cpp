// The chat's code highlighter (ui/chat/code_highlighter.h): on a real snippet of each language
// (tests/ui/code_snippets), keywords, types, strings, comments and numbers land on their exact
// spans, and a keyword inside a string or a comment is no keyword; block comments, multi-line strings, raw strings and HTML
// tags carry over to the next line; a fence's info string finds its language by alias; and
// pathological input (a 1 MB line, a 1 MB unterminated string or comment, 100,000 lines) takes
// time linear in its length.

#include <QtTest>

#include <QElapsedTimer>
#include <functional>

#include "chat/code_highlighter.h"
#include "chat/code_language_rules.h"
#include "support/test_support.h"

using namespace sikao::ui::code;

namespace {

// A snippet highlighted line by line as QSyntaxHighlighter does, the state carried from each
// line to the next; token positions are in the whole text.
struct Highlighted {
  QString text;
  std::vector<Token> tokens;
  LineState end_state = 0;

  // The class of the token that is exactly `piece` (its `occurrence`th appearance), or why not.
  QString check_exact(const QString& piece, TokenClass expected, int occurrence = 0) const {
    const qsizetype at = find(piece, occurrence);
    if (at < 0) return QStringLiteral("\"%1\" is not in the snippet").arg(piece);
    for (const Token& t : tokens) {
      if (t.start == at && t.length == piece.size()) {
        if (t.token_class == expected) return {};
        return QStringLiteral("\"%1\" is class %2, not %3").arg(piece).arg(int(t.token_class)).arg(int(expected));
      }
    }
    return QStringLiteral("no token is exactly \"%1\"%2").arg(piece, describe_near(at));
  }
  // Every character of `piece` inside a token of class `expected` (a keyword in a string: the
  // string's token covers it).
  QString check_inside(const QString& piece, TokenClass expected, int occurrence = 0) const {
    const qsizetype at = find(piece, occurrence);
    if (at < 0) return QStringLiteral("\"%1\" is not in the snippet").arg(piece);
    for (const Token& t : tokens) {
      if (t.start <= at && at + piece.size() <= t.start + t.length) {
        if (t.token_class == expected) return {};
        return QStringLiteral("\"%1\" is inside a token of class %2, not %3").arg(piece).arg(int(t.token_class)).arg(int(expected));
      }
    }
    return QStringLiteral("\"%1\" is in no token of class %2%3").arg(piece).arg(int(expected)).arg(describe_near(at));
  }
  // No token touches `piece`.
  QString check_plain(const QString& piece, int occurrence = 0) const {
    const qsizetype at = find(piece, occurrence);
    if (at < 0) return QStringLiteral("\"%1\" is not in the snippet").arg(piece);
    for (const Token& t : tokens) {
      if (t.start < at + piece.size() && at < t.start + t.length) {
        return QStringLiteral("\"%1\" overlaps a token of class %2: \"%3\"")
            .arg(piece).arg(int(t.token_class)).arg(text.mid(t.start, t.length));
      }
    }
    return {};
  }

 private:
  // The `occurrence`th appearance of `piece` as a whole word: "class" is not in "dataclass".
  qsizetype find(const QString& piece, int occurrence) const {
    const auto word = [](QChar c) { return c.isLetterOrNumber() || c == u'_'; };
    qsizetype at = -1;
    for (int i = 0; i <= occurrence;) {
      at = text.indexOf(piece, at + 1);
      if (at < 0) return -1;
      const bool cut_before = at > 0 && word(text[at - 1]) && word(piece.front());
      const bool cut_after = at + piece.size() < text.size() && word(text[at + piece.size()]) && word(piece.back());
      if (!cut_before && !cut_after) ++i;
    }
    return at;
  }
  QString describe_near(qsizetype at) const {
    QString near;
    for (const Token& t : tokens) {
      if (t.start + t.length >= at - 10 && t.start <= at + 10) {
        near += QStringLiteral(" [%1 \"%2\"]").arg(int(t.token_class)).arg(text.mid(t.start, t.length));
      }
    }
    return QStringLiteral("; tokens near it:") + near;
  }
};

// A snippet of real code from tests/ui/code_snippets (files, so that each is the language itself).
QString snippet(const char* file) {
  QFile f(QStringLiteral(SIKAO_SOURCE_DIR "/tests/ui/code_snippets/") + QString::fromLatin1(file));
  if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(f.fileName()));
  return QString::fromUtf8(f.readAll());
}

Highlighted highlight(const char* language, const QString& text) {
  const LanguageRules* rules = find_language(QString::fromLatin1(language));
  if (!rules) qFatal("no language %s", language);
  Highlighted out{text, {}, 0};
  qsizetype line_start = 0;
  while (true) {
    qsizetype line_end = text.indexOf(u'\n', line_start);
    if (line_end < 0) line_end = text.size();
    std::vector<Token> line_tokens;
    out.end_state = highlight_line(*rules, QStringView(text).sliced(line_start, line_end - line_start),
                                   out.end_state, line_tokens);
    for (Token t : line_tokens) {
      t.start += line_start;
      out.tokens.push_back(t);
    }
    if (line_end == text.size()) break;
    line_start = line_end + 1;
  }
  return out;
}

constexpr auto K = TokenClass::Keyword;
constexpr auto T = TokenClass::Type;
constexpr auto S = TokenClass::String;
constexpr auto C = TokenClass::Comment;
constexpr auto N = TokenClass::Number;
constexpr auto F = TokenClass::Function;
constexpr auto P = TokenClass::Preprocessor;
constexpr auto G = TokenClass::Tag;
constexpr auto A = TokenClass::Attribute;

#define EXPECT_TOKEN(h, piece, cls, ...) \
  do { const QString why = (h).check_exact(QStringLiteral(piece), cls, ##__VA_ARGS__); QVERIFY2(why.isEmpty(), qPrintable(why)); } while (false)
#define EXPECT_INSIDE(h, piece, cls, ...) \
  do { const QString why = (h).check_inside(QStringLiteral(piece), cls, ##__VA_ARGS__); QVERIFY2(why.isEmpty(), qPrintable(why)); } while (false)
#define EXPECT_PLAIN(h, piece, ...) \
  do { const QString why = (h).check_plain(QStringLiteral(piece), ##__VA_ARGS__); QVERIFY2(why.isEmpty(), qPrintable(why)); } while (false)

// The fastest of five runs of each, in milliseconds, the runs interleaved so that a burst of load
// on the (shared) machine does not fall on one of them only.
std::pair<double, double> best_ms(const std::function<void()>& small, const std::function<void()>& large) {
  double best_small = 1e300;
  double best_large = 1e300;
  for (int run = 0; run < 5; ++run) {
    for (const bool is_large : {false, true}) {
      QElapsedTimer clock;
      clock.start();
      (is_large ? large : small)();
      double& best = is_large ? best_large : best_small;
      best = std::min(best, clock.nsecsElapsed() / 1e6);
    }
  }
  return {best_small, best_large};
}

// A quadratic scan of 1 MB would take minutes; a linear one takes milliseconds, where timer and
// scheduler noise matter: the small run counts as at least this long.
constexpr double k_noise_floor_ms = 10.0;

} // namespace

class TestCodeHighlighter : public QObject {
  Q_OBJECT

  // Highlights `make(n)` (one line) for n and 4n characters: the time must grow about fourfold
  // (below 6x, with a floor for the small one against timer noise) and 4n stay under
  // a generous bar.
  static void expect_linear(const char* language, const QString& what, const std::function<QString(qsizetype)>& make) {
    constexpr qsizetype n = 256 * 1024;
    const LanguageRules* rules = find_language(QString::fromLatin1(language));
    QVERIFY(rules);
    const QString small = make(n);
    const QString large = make(4 * n);
    std::vector<Token> tokens;
    const auto [small_ms, large_ms] = best_ms([&] { tokens.clear(); highlight_line(*rules, small, 0, tokens); },
                                              [&] { tokens.clear(); highlight_line(*rules, large, 0, tokens); });
    qInfo("%s %s: %.1f ms for %lld characters, %.1f ms for %lld", language, qPrintable(what),
          small_ms, static_cast<long long>(small.size()), large_ms, static_cast<long long>(large.size()));
    QVERIFY2(large_ms < 6 * std::max(small_ms, k_noise_floor_ms),
             qPrintable(QStringLiteral("%1 %2: %3 ms then %4 ms").arg(language, what).arg(small_ms).arg(large_ms)));
    QVERIFY2(large_ms < 1500.0 * sikao::test::k_time_bar_factor, qPrintable(QString::number(large_ms)));
  }

 private slots:
  void fence_info_strings_find_their_language_by_alias() {
    const std::vector<std::pair<const char*, const char*>> cases = {
        {"python", "Python"}, {"py", "Python"}, {"Python3", "Python"}, {"c", "C"},
        {"cpp", "C++"}, {"c++", "C++"}, {"C++", "C++"}, {"hpp", "C++"}, {"cs", "C#"},
        {"csharp", "C#"}, {"C#", "C#"}, {"java", "Java"}, {"js", "JavaScript"},
        {"jsx", "JavaScript"}, {"ts", "TypeScript"}, {"tsx", "TypeScript"}, {"rs", "Rust"},
        {"rust", "Rust"}, {"go", "Go"}, {"golang", "Go"}, {"sh", "Bash"}, {"shell", "Bash"},
        {"zsh", "Bash"}, {"bash", "Bash"}, {"sql", "SQL"}, {"postgresql", "SQL"},
        {"json", "JSON"}, {"jsonc", "JSON"}, {"yml", "YAML"}, {"yaml", "YAML"},
        {"html", "HTML"}, {"xml", "XML"}, {"css", "CSS"}, {"md", "Markdown"},
        {"markdown", "Markdown"}, {"  rust ignore", "Rust"}, {"python title=\"a.py\"", "Python"},
        {"js{1,3}", "JavaScript"}};
    for (const auto& [info, name] : cases) {
      const LanguageRules* rules = find_language(QString::fromUtf8(info));
      QVERIFY2(rules, info);
      QCOMPARE(display_name(*rules), QString::fromUtf8(name));
    }
    for (const char* unknown : {"", "text", "plaintext", "toml", "diff", "c+", "pythonic"}) {
      QVERIFY2(!find_language(QString::fromUtf8(unknown)), unknown);
    }
  }

  void python() {
    const auto h = highlight("python", snippet("snippet.py"));
    EXPECT_TOKEN(h, "import", K);
    EXPECT_TOKEN(h, "from", K);
    EXPECT_TOKEN(h, "@dataclass", P);
    EXPECT_TOKEN(h, "class", K);
    EXPECT_TOKEN(h, "str", T);
    EXPECT_TOKEN(h, "0x1F", N);
    EXPECT_TOKEN(h, "# if this were code, \"if\" would be a keyword", C);
    EXPECT_TOKEN(h, "def", K);
    EXPECT_TOKEN(h, "tokenize", F);
    EXPECT_INSIDE(h, "for and while are words here", S);
    EXPECT_INSIDE(h, "Split text", S);
    EXPECT_TOKEN(h, "for", K, 1);
    EXPECT_TOKEN(h, "enumerate", T);
    EXPECT_TOKEN(h, "r\"\\s+\"", S);
    EXPECT_TOKEN(h, "not", K, 1);  // the first is in the docstring
    EXPECT_TOKEN(h, "continue", K);
    EXPECT_TOKEN(h, "f\"w{i}\"", S);
    EXPECT_TOKEN(h, "2.5e-3", N);
    EXPECT_TOKEN(h, "'a b c'", S);
    EXPECT_TOKEN(h, "None", K);
    EXPECT_PLAIN(h, "part", 0);
    QCOMPARE(h.end_state, 0);
  }

  void c() {
    const auto h = highlight("c", snippet("snippet.c"));
    EXPECT_TOKEN(h, "#include", P);
    EXPECT_TOKEN(h, "<stdio.h>", S);
    EXPECT_TOKEN(h, "\"config.h\"", S);
    EXPECT_TOKEN(h, "#define", P);
    EXPECT_TOKEN(h, "128", N);
    EXPECT_INSIDE(h, "\"while\" here is no keyword.", C);
    EXPECT_TOKEN(h, "static", K);
    EXPECT_TOKEN(h, "size_t", T);
    EXPECT_TOKEN(h, "count_words", F);
    EXPECT_TOKEN(h, "const", K);
    EXPECT_TOKEN(h, "char", T);
    EXPECT_TOKEN(h, "for", K);
    EXPECT_TOKEN(h, "'\\0'", S);
    EXPECT_TOKEN(h, "' '", S);
    EXPECT_TOKEN(h, "// return is a keyword, this comment is not", C);
    EXPECT_TOKEN(h, "\"%zu words\\n\"", S);
    EXPECT_TOKEN(h, "0xFFu", N);
    EXPECT_TOKEN(h, "3.5f", N);
    EXPECT_TOKEN(h, "void", T);
    EXPECT_PLAIN(h, "in_word", 0);
  }

  void cpp() {
    const auto h = highlight("c++", snippet("snippet.cpp"));
    EXPECT_TOKEN(h, "<string_view>", S);
    EXPECT_TOKEN(h, "namespace", K);
    EXPECT_TOKEN(h, "// Splits at commas; \"class\" in a comment is no keyword.", C);
    EXPECT_TOKEN(h, "template", K);
    EXPECT_TOKEN(h, "typename", K);
    EXPECT_TOKEN(h, "std", T);
    EXPECT_TOKEN(h, "vector", T, 1);
    EXPECT_TOKEN(h, "split", F);
    EXPECT_TOKEN(h, "string_view", T, 1);
    EXPECT_TOKEN(h, "','", S);
    EXPECT_TOKEN(h, "constexpr", K);
    EXPECT_TOKEN(h, "1'000'000", N);
    EXPECT_TOKEN(h, "R\"json({\"key\": \"value // not a comment\"})json\"", S);
    EXPECT_TOKEN(h, "for", K);
    EXPECT_TOKEN(h, "find", F);
    EXPECT_TOKEN(h, "break", K);
    EXPECT_TOKEN(h, "1", N, 1);
    EXPECT_TOKEN(h, "/* done */", C);
    EXPECT_TOKEN(h, "// namespace demo", C);
  }

  void csharp() {
    const auto h = highlight("cs", snippet("snippet.cs"));
    EXPECT_TOKEN(h, "using", K);
    EXPECT_TOKEN(h, "#nullable", P);
    EXPECT_TOKEN(h, "namespace", K);
    EXPECT_TOKEN(h, "/// <summary>An order line; \"public\" here is text.</summary>", C);
    EXPECT_TOKEN(h, "record", K);
    EXPECT_TOKEN(h, "string", T);
    EXPECT_TOKEN(h, "decimal", T);
    EXPECT_TOKEN(h, "static", K);
    EXPECT_TOKEN(h, "Total", F);
    EXPECT_TOKEN(h, "0m", N);
    EXPECT_TOKEN(h, "foreach", K);
    EXPECT_TOKEN(h, "var", K);
    EXPECT_TOKEN(h, "@\"C:\\orders\\\"\"today\"\".csv\"", S);
    EXPECT_TOKEN(h, "Console", T);
    EXPECT_TOKEN(h, "$\"Total: {total}\"", S);
    EXPECT_TOKEN(h, "0.95m", N);
  }

  void java() {
    const auto h = highlight("java", snippet("snippet.java"));
    EXPECT_TOKEN(h, "package", K);
    EXPECT_TOKEN(h, "import", K);
    EXPECT_INSIDE(h, "\"new\" in here is no keyword.", C);
    EXPECT_TOKEN(h, "final", K);
    EXPECT_TOKEN(h, "class", K);
    EXPECT_TOKEN(h, "List", T, 1);
    EXPECT_TOKEN(h, "Integer", T);
    EXPECT_TOKEN(h, "new", K, 1);
    EXPECT_TOKEN(h, "@Override", P);
    EXPECT_INSIDE(h, "{\"size\": %d}", S);
    EXPECT_TOKEN(h, "formatted", F);
    EXPECT_TOKEN(h, "int", T);
    EXPECT_TOKEN(h, "throw", K);
    EXPECT_TOKEN(h, "\"empty stack\"", S);
    EXPECT_TOKEN(h, "1", N, 0);
    EXPECT_TOKEN(h, "void", T);
    EXPECT_TOKEN(h, "42L", N);
    EXPECT_TOKEN(h, "'x'", S);
  }

  void javascript() {
    const auto h = highlight("js", snippet("snippet.js"));
    EXPECT_TOKEN(h, "// Debounces a function; \"return\" in a comment is no keyword.", C);
    EXPECT_TOKEN(h, "export", K);
    EXPECT_TOKEN(h, "function", K, 1);
    EXPECT_TOKEN(h, "debounce", F);
    EXPECT_TOKEN(h, "250", N);
    EXPECT_TOKEN(h, "let", K);
    EXPECT_TOKEN(h, "null", K);
    EXPECT_TOKEN(h, "clearTimeout", T);
    EXPECT_TOKEN(h, "this", K);
    EXPECT_TOKEN(h, "'#status'", S);
    EXPECT_TOKEN(h, "querySelector", F);
    EXPECT_TOKEN(h, "async", K);
    EXPECT_TOKEN(h, "await", K);
    EXPECT_INSIDE(h, "`/api/items?count=${count}", S);
    EXPECT_INSIDE(h, "&page=1`", S);
    EXPECT_PLAIN(h, "$status", 1);
    EXPECT_TOKEN(h, "`${items.length} items`", S);
    EXPECT_TOKEN(h, "1e3", N);
    EXPECT_INSIDE(h, "with const inside */", C);
    EXPECT_TOKEN(h, "0b1010", N);
  }

  void typescript() {
    const auto h = highlight("ts", snippet("snippet.ts"));
    EXPECT_TOKEN(h, "interface", K);
    EXPECT_TOKEN(h, "readonly", K);
    EXPECT_TOKEN(h, "number", T);
    EXPECT_TOKEN(h, "string", T);
    EXPECT_TOKEN(h, "type", K);
    EXPECT_TOKEN(h, "Record", T);
    EXPECT_TOKEN(h, "undefined", K);
    EXPECT_TOKEN(h, "@Injectable", P);
    EXPECT_TOKEN(h, "private", K);
    EXPECT_TOKEN(h, "add", F);
    EXPECT_TOKEN(h, "void", K);
    EXPECT_TOKEN(h, "// \"interface\" in a comment is no keyword", C);
    EXPECT_TOKEN(h, "as", K);
    EXPECT_TOKEN(h, "String", T);
    EXPECT_TOKEN(h, "7", N);
    EXPECT_TOKEN(h, "\"Ada\"", S);
    EXPECT_TOKEN(h, "'admin'", S);
  }

  void rust() {
    const auto h = highlight("rs", snippet("snippet.rs"));
    EXPECT_TOKEN(h, "use", K);
    EXPECT_TOKEN(h, "HashMap", T);
    EXPECT_TOKEN(h, "#[derive(Debug, Default)]", P);
    EXPECT_TOKEN(h, "pub", K);
    EXPECT_TOKEN(h, "struct", K);
    EXPECT_TOKEN(h, "'a", T);
    EXPECT_TOKEN(h, "str", T);
    EXPECT_TOKEN(h, "usize", T);
    EXPECT_TOKEN(h, "impl", K);
    EXPECT_TOKEN(h, "fn", K);
    EXPECT_TOKEN(h, "mut", K);
    EXPECT_TOKEN(h, "self", K);
    EXPECT_TOKEN(h, "split_whitespace", F);
    EXPECT_TOKEN(h, "0", N);
    EXPECT_TOKEN(h, "'\\n'", S);
    EXPECT_TOKEN(h, "r#\"a \"quoted\" fn\"#", S);
    EXPECT_TOKEN(h, "println!", F);
    EXPECT_TOKEN(h, "\"{} {:?} {}\"", S);
    EXPECT_TOKEN(h, "2_u64", N);
    EXPECT_TOKEN(h, "/* outer /* inner */ still outer */", C);
    EXPECT_TOKEN(h, "main", F);
  }

  void go() {
    const auto h = highlight("go", snippet("snippet.go"));
    EXPECT_TOKEN(h, "package", K);
    EXPECT_TOKEN(h, "import", K);
    EXPECT_TOKEN(h, "\"fmt\"", S);
    EXPECT_TOKEN(h, "// Shout upper-cases s; \"func\" in a comment is no keyword.", C);
    EXPECT_TOKEN(h, "func", K, 1);
    EXPECT_TOKEN(h, "Shout", F, 1);
    EXPECT_TOKEN(h, "string", T);
    EXPECT_TOKEN(h, "error", T);
    EXPECT_TOKEN(h, "len", T);
    EXPECT_TOKEN(h, "0", N);
    EXPECT_TOKEN(h, "nil", K);
    EXPECT_TOKEN(h, "Errorf", F);
    EXPECT_INSIDE(h, "`SELECT *", S);
    EXPECT_INSIDE(h, "FROM users`", S);
    EXPECT_TOKEN(h, "rune", T);
    EXPECT_TOKEN(h, "'x'", S);
    EXPECT_TOKEN(h, "0x2A", N);
    EXPECT_TOKEN(h, "1.5e9", N);
  }

  void bash() {
    const auto h = highlight("sh", snippet("snippet.sh"));
    EXPECT_TOKEN(h, "#!/usr/bin/env bash", C);
    EXPECT_TOKEN(h, "set", T);
    EXPECT_TOKEN(h, "# Back up every file given; \"then\" in a comment is no keyword.", C);
    EXPECT_TOKEN(h, "\"${HOME}/backups\"", S);
    EXPECT_TOKEN(h, "mkdir", T);
    EXPECT_TOKEN(h, "for", K);
    EXPECT_TOKEN(h, "in", K, 1);
    EXPECT_TOKEN(h, "do", K);
    EXPECT_TOKEN(h, "if", K);
    EXPECT_TOKEN(h, "then", K, 1);
    EXPECT_TOKEN(h, "'copied: '", S);
    EXPECT_INSIDE(h, "not a file", S);
    EXPECT_TOKEN(h, "fi", K);
    EXPECT_TOKEN(h, "done", K);
    EXPECT_PLAIN(h, "#@}");  // ${#@}: no comment
    EXPECT_TOKEN(h, "exit", K);
    EXPECT_TOKEN(h, "0", N, 0);
  }

  void sql() {
    const auto h = highlight("sql", snippet("snippet.sql"));
    EXPECT_TOKEN(h, "-- Top customers; \"select\" in a comment is no keyword.", C);
    EXPECT_TOKEN(h, "CREATE", K);
    EXPECT_TOKEN(h, "TABLE", K);
    EXPECT_TOKEN(h, "INTEGER", T);
    EXPECT_TOKEN(h, "PRIMARY", K);
    EXPECT_TOKEN(h, "TEXT", T);
    EXPECT_TOKEN(h, "DECIMAL", T);
    EXPECT_TOKEN(h, "10", N);
    EXPECT_TOKEN(h, "0.00", N);
    EXPECT_INSIDE(h, "grouped */", C);
    EXPECT_TOKEN(h, "select", K, 1);  // case-insensitive
    EXPECT_TOKEN(h, "COUNT", T);
    EXPECT_TOKEN(h, "'test''s %'", S);
    EXPECT_TOKEN(h, "DESC", K);
    EXPECT_TOKEN(h, "LIMIT", K);
    EXPECT_PLAIN(h, "customer", 1);
  }

  void json() {
    const auto h = highlight("jsonc", snippet("snippet.jsonc"));
    EXPECT_TOKEN(h, "// Settings; \"true\" in a comment is no keyword.", C);
    EXPECT_TOKEN(h, "\"name\"", A);
    EXPECT_TOKEN(h, "\"sikao\"", S);
    EXPECT_TOKEN(h, "3", N, 0);
    EXPECT_TOKEN(h, "0.25e2", N);
    EXPECT_TOKEN(h, "true", K, 1);
    EXPECT_TOKEN(h, "null", K);
    EXPECT_TOKEN(h, "\"chat\"", S);
    EXPECT_TOKEN(h, "\"offline: yes\"", S);
    EXPECT_TOKEN(h, "\"C:\\\\models\\\\\\\"q4\\\".gguf\"", S);
    EXPECT_TOKEN(h, "\"sizes\"", A);
  }

  void yaml() {
    const auto h = highlight("yml", snippet("snippet.yaml"));
    EXPECT_TOKEN(h, "---", G);
    EXPECT_TOKEN(h, "# CI pipeline; \"true\" in a comment is no keyword.", C);
    EXPECT_TOKEN(h, "name", A);
    EXPECT_TOKEN(h, "on", A);
    EXPECT_TOKEN(h, "'release/*'", S);
    EXPECT_TOKEN(h, "runs-on", A);
    EXPECT_TOKEN(h, "timeout-minutes", A);
    EXPECT_TOKEN(h, "30", N);
    EXPECT_TOKEN(h, "-", G, 6);  // after ---, runs-on, ubuntu-22.04, timeout-minutes
    EXPECT_TOKEN(h, "uses", A);
    EXPECT_TOKEN(h, "# it's quick", C);
    EXPECT_TOKEN(h, "true", K, 1);
    EXPECT_PLAIN(h, "http");
    EXPECT_TOKEN(h, "\"it's #not a comment\"", S);
  }

  void html() {
    const auto h = highlight("html", snippet("snippet.html"));
    EXPECT_TOKEN(h, "<!DOCTYPE", G);
    EXPECT_TOKEN(h, "<html", G);
    EXPECT_TOKEN(h, "lang", A);
    EXPECT_TOKEN(h, "\"en\"", S);
    EXPECT_TOKEN(h, "charset", A);
    EXPECT_PLAIN(h, "Don't panic: 42 ");
    EXPECT_TOKEN(h, "</title", G);
    EXPECT_INSIDE(h, "<div class=\"x\"> inside", C);
    EXPECT_INSIDE(h, "over two lines -->", C);
    EXPECT_TOKEN(h, "<button", G);
    EXPECT_TOKEN(h, "class", A, 1);  // on the tag's second line
    EXPECT_TOKEN(h, "'primary'", S);
    EXPECT_TOKEN(h, "disabled", A);
    EXPECT_PLAIN(h, "Send");
    EXPECT_TOKEN(h, "/>", G);
  }

  void css() {
    const auto h = highlight("css", snippet("snippet.css"));
    EXPECT_TOKEN(h, "/* Buttons; \"color\" in a comment is no property. */", C);
    EXPECT_TOKEN(h, "@media", P);
    EXPECT_TOKEN(h, "max-width", A);
    EXPECT_TOKEN(h, "600px", N);
    EXPECT_PLAIN(h, "hover");
    EXPECT_TOKEN(h, "color", A, 1);
    EXPECT_TOKEN(h, "#fff", N);
    EXPECT_TOKEN(h, "#3d6fb4", N);
    EXPECT_PLAIN(h, "#send");
    EXPECT_TOKEN(h, "0.5em", N);
    EXPECT_TOKEN(h, "50%", N);
    EXPECT_TOKEN(h, "\"Noto Sans\"", S);
    EXPECT_TOKEN(h, "important", K);
    EXPECT_TOKEN(h, "--accent-colour", A);
    EXPECT_TOKEN(h, "rgba", F);
  }

  void markdown() {
    const auto h = highlight("md", snippet("snippet.md"));
    EXPECT_TOKEN(h, "# Getting started", G);
    EXPECT_TOKEN(h, "`sikao --help`", S);
    EXPECT_PLAIN(h, "It's offline.");
    EXPECT_PLAIN(h, "#offline is a tag");
    EXPECT_TOKEN(h, "## Steps", G);
    EXPECT_TOKEN(h, "1.", G);
    EXPECT_TOKEN(h, "](https://example.org/models)", S);
    EXPECT_INSIDE(h, "sikao model.gguf", S);
    EXPECT_TOKEN(h, "-", G, 2);  // after the two of --help
    EXPECT_TOKEN(h, "*", G);
    EXPECT_TOKEN(h, "> A quoted note with `code` in it.", C);
    EXPECT_INSIDE(h, "over lines -->", C);
    QCOMPARE(h.end_state, 0);
  }

  // What is open at a line's end carries to the next, and ends where it closes.
  void block_comments_and_multi_line_strings_carry_over_to_the_next_line() {
    const LanguageRules& cpp = *find_language(u"cpp");
    std::vector<Token> tokens;
    const LineState in_comment = highlight_line(cpp, u"int a = 1; /* starts here", 0, tokens);
    QVERIFY(in_comment != 0);
    tokens.clear();
    QCOMPARE(highlight_line(cpp, u"still a comment, if while", in_comment, tokens), in_comment);
    QCOMPARE(tokens.size(), size_t(1));
    QCOMPARE(tokens[0], (Token{0, 25, C}));
    tokens.clear();
    QCOMPARE(highlight_line(cpp, u"ends */ return 0;", in_comment, tokens), 0);
    QCOMPARE(tokens.size(), size_t(3));
    QCOMPARE(tokens[0], (Token{0, 7, C}));
    QCOMPARE(tokens[1], (Token{8, 6, K}));
    QCOMPARE(tokens[2], (Token{15, 1, N}));

    // A raw string's delimiter is remembered: )x" does not close R"y(.
    tokens.clear();
    const LineState in_raw = highlight_line(cpp, u"auto s = R\"y(first", 0, tokens);
    QVERIFY(in_raw != 0 && in_raw != in_comment);
    tokens.clear();
    QCOMPARE(highlight_line(cpp, u"not )x\" the end", in_raw, tokens), in_raw);
    tokens.clear();
    QCOMPARE(highlight_line(cpp, u"the end )y\"; int b;", in_raw, tokens), 0);
    QCOMPARE(tokens[0], (Token{0, 11, S}));
    QCOMPARE(tokens[1], (Token{13, 3, T}));

    // Rust block comments nest across lines.
    const LanguageRules& rust = *find_language(u"rust");
    tokens.clear();
    const LineState depth_two = highlight_line(rust, u"/* a /* b", 0, tokens);
    tokens.clear();
    const LineState depth_one = highlight_line(rust, u"*/ fn", depth_two, tokens);
    QVERIFY(depth_one != 0 && depth_one != depth_two);
    QCOMPARE(tokens.size(), size_t(1));
    tokens.clear();
    QCOMPARE(highlight_line(rust, u"*/ fn", depth_one, tokens), 0);
    QCOMPARE(tokens[1], (Token{3, 2, K}));

    // A Python docstring; a plain string does not carry over.
    const LanguageRules& python = *find_language(u"py");
    tokens.clear();
    const LineState in_docstring = highlight_line(python, u"    '''Doc", 0, tokens);
    QVERIFY(in_docstring != 0);
    tokens.clear();
    QCOMPARE(highlight_line(python, u"def x''' + 1", in_docstring, tokens), 0);
    QCOMPARE(tokens[0], (Token{0, 8, S}));
    QCOMPARE(tokens[1], (Token{11, 1, N}));
    tokens.clear();
    QCOMPARE(highlight_line(python, u"x = 'unterminated", 0, tokens), 0);

    // An HTML tag's attributes on the next line.
    const LanguageRules& html = *find_language(u"html");
    tokens.clear();
    const LineState in_tag = highlight_line(html, u"<a", 0, tokens);
    QVERIFY(in_tag != 0);
    tokens.clear();
    QCOMPARE(highlight_line(html, u" href=\"x\">link", in_tag, tokens), 0);
    QCOMPARE(tokens.size(), size_t(3));
    QCOMPARE(tokens[0], (Token{1, 4, A}));

    // The state at the end of several lines, where a long block's next piece begins.
    QCOMPARE(state_after(python, u"x = 1\n'''doc\nstill doc", 0), in_docstring);
    QCOMPARE(state_after(python, u"still doc'''\ny = 2", in_docstring), 0);
    QCOMPARE(state_after(cpp, u"/* a\n b", 0), in_comment);

    // A block that was never highlighted (-1) starts with nothing open.
    tokens.clear();
    QCOMPARE(highlight_line(cpp, u"return", -1, tokens), 0);
    QCOMPARE(tokens[0], (Token{0, 6, K}));
  }

  void a_megabyte_line_of_code_takes_linear_time() {
    const auto repeat = [](const QString& unit) {
      return [unit](qsizetype n) {
        QString s;
        s.reserve(n + unit.size());
        while (s.size() < n) s += unit;
        return s;
      };
    };
    expect_linear("python", "code", repeat(QStringLiteral("x = foo(1, \"s\", 0x1F) + bar.baz[2] if y else None; ")));
    expect_linear("cpp", "code", repeat(QStringLiteral("std::vector<int> v{1'000, 2}; v.push_back(R\"(x)\"); ")));
    expect_linear("json", "keys", repeat(QStringLiteral("\"key\":      [1, true, \"v\"], ")));
    expect_linear("yaml", "keys", repeat(QStringLiteral("key-name:  value it's ")));
    expect_linear("html", "tags", repeat(QStringLiteral("<div class=\"a\" id='b'>text</div>")));
    expect_linear("sql", "words", repeat(QStringLiteral("SELECT a FROM t WHERE b = 'c''d' ")));
    expect_linear("css", "rules", repeat(QStringLiteral("a:hover{color:#fff;width:50%} ")));
    expect_linear("markdown", "spans", repeat(QStringLiteral("text `code` [l](u) ")));
    expect_linear("sql", "one word", repeat(QStringLiteral("a")));
    expect_linear("cpp", "spaces", repeat(QStringLiteral(" ")));
  }

  // Each language's strings and block comments opened and never closed, and near-misses of a
  // raw string's end, run to the end of the line in one pass.
  void unterminated_strings_and_comments_take_linear_time() {
    const auto opened = [](const QString& opening, const QString& body) {
      return [=](qsizetype n) {
        QString s = opening;
        s.reserve(n + body.size());
        while (s.size() < n) s += body;
        return s;
      };
    };
    for (const char* language : {"python", "c", "cpp", "cs", "java", "js", "ts", "rust", "go", "bash",
                                 "sql", "json", "yaml", "html", "css", "markdown"}) {
      const LanguageRules& rules = *find_language(QString::fromLatin1(language));
      for (const StringRule& string : rules.strings) {
        const QString opening = QString::fromUtf16(string.open.data(), qsizetype(string.open.size()));
        expect_linear(language, "string " + opening, opened(opening, QStringLiteral("a\\\\ b ")));
      }
      for (const BlockComment& comment : rules.block_comments) {
        const QString opening = QString::fromUtf16(comment.open.data(), qsizetype(comment.open.size()));
        expect_linear(language, "comment " + opening, opened(opening, opening + QStringLiteral(" x *")));
      }
    }
    expect_linear("cpp", "raw string near-misses", opened(QStringLiteral("R\"abcdefghijklmnop("),
                                                          QStringLiteral(")abcdefghijklmno\"")));
    expect_linear("rust", "raw string near-misses",
                  opened(QStringLiteral("r") + QString(200, u'#') + u'"', u'"' + QString(199, u'#')));
    expect_linear("rust", "lifetimes and quotes", opened(QString(), QStringLiteral("'a '\\' '")));
  }

  // 100,000 short lines, the state carried from line to line, against 25,000.
  void a_hundred_thousand_short_lines_take_linear_time() {
    const LanguageRules& cpp = *find_language(u"cpp");
    const QStringList unit = {QStringLiteral("int f(int x) {  // doubles"), QStringLiteral("  /* a"),
                              QStringLiteral("     b */ return x * 2;"), QStringLiteral("}")};
    const auto run = [&](int lines) {
      return [&, lines] {
        std::vector<Token> tokens;
        LineState state = 0;
        for (int i = 0; i < lines; ++i) {
          tokens.clear();
          state = highlight_line(cpp, unit[i % unit.size()], state, tokens);
        }
        QCOMPARE(state, 0);
      };
    };
    const auto [small_ms, large_ms] = best_ms(run(25'000), run(100'000));
    qInfo("100,000 lines: %.1f ms; 25,000: %.1f ms", large_ms, small_ms);
    QVERIFY2(large_ms < 6 * std::max(small_ms, k_noise_floor_ms), qPrintable(QString::number(large_ms)));
    QVERIFY2(large_ms < 1500.0 * sikao::test::k_time_bar_factor, qPrintable(QString::number(large_ms)));
  }
};

QTEST_GUILESS_MAIN(TestCodeHighlighter)
#include "tst_code_highlighter.moc"
