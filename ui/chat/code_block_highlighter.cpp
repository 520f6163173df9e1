#include "chat/code_block_highlighter.h"

#include <QQmlEngine>
#include <QQuickTextDocument>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QTextCharFormat>
#include <QTextDocument>
#include <array>
#include <vector>

namespace sikao::ui {

namespace {

struct TokenColours {
  QRgb light;  // on a white or light grey background
  QRgb dark;   // on the dark theme's near-black
};

// Indexed by code::TokenClass.
constexpr std::array<TokenColours, code::k_token_class_count> k_token_colours = {{
    {0x8e2bb0, 0xd08cf0},  // Keyword
    {0x0b7285, 0x5cc8d0},  // Type
    {0x2b7a2f, 0xa5d67f},  // String
    {0x5f6672, 0x9aa3ad},  // Comment
    {0xb4530a, 0xe7a165},  // Number
    {0x1f5fc8, 0x79b4ff},  // Function
    {0xa3236b, 0xf0a0c8},  // Preprocessor
    {0xc02842, 0xff8a8a},  // Tag
    {0x8a5a00, 0xe8c872},  // Attribute
}};

} // namespace

QColor code_token_colour(code::TokenClass token_class, bool dark) {
  const TokenColours& colours = k_token_colours[static_cast<size_t>(token_class)];
  return QColor::fromRgb(dark ? colours.dark : colours.light);
}

class CodeSyntaxHighlighter : public QSyntaxHighlighter {
 public:
  CodeSyntaxHighlighter(QTextDocument* document, const code::LanguageRules& rules, bool dark,
                        code::LineState start_state)
      : QSyntaxHighlighter(static_cast<QObject*>(document)), rules_(&rules), start_state_(start_state) {
    set_formats(dark);
    setDocument(document);  // highlights the text already there
  }

  void set_dark(bool dark) {
    set_formats(dark);
    rehighlight();
  }

  void set_start_state(code::LineState state) {
    start_state_ = state;
    rehighlight();
  }

 protected:
  void highlightBlock(const QString& text) override {
    tokens_.clear();
    const bool first_line = !currentBlock().previous().isValid();
    const code::LineState before = first_line ? start_state_ : std::max(previousBlockState(), 0);
    const code::LineState state = code::highlight_line(*rules_, text, before, tokens_);
    for (const code::Token& token : tokens_) {
      setFormat(static_cast<int>(token.start), static_cast<int>(token.length),
                formats_[static_cast<size_t>(token.token_class)]);
    }
    setCurrentBlockState(state);
  }

 private:
  void set_formats(bool dark) {
    for (int i = 0; i < code::k_token_class_count; ++i) {
      const auto token_class = static_cast<code::TokenClass>(i);
      QTextCharFormat format;
      format.setForeground(code_token_colour(token_class, dark));
      if (token_class == code::TokenClass::Comment) format.setFontItalic(true);
      formats_[static_cast<size_t>(i)] = format;
    }
  }

  const code::LanguageRules* rules_;
  code::LineState start_state_;
  std::array<QTextCharFormat, code::k_token_class_count> formats_;
  std::vector<code::Token> tokens_;  // reused from line to line
};

CodeHighlighter::CodeHighlighter(QObject* parent) : QObject(parent) {}

CodeHighlighter::~CodeHighlighter() = default;

void CodeHighlighter::setDocument(QQuickTextDocument* document) {
  if (document_ == document) return;
  document_ = document;
  install();
  emit documentChanged();
}

void CodeHighlighter::setLanguage(const QString& language) {
  if (language_ == language) return;
  language_ = language;
  rules_ = code::find_language(language);
  install();
  emit languageChanged();
}

void CodeHighlighter::setStartState(int state) {
  if (start_state_ == state) return;
  start_state_ = state;
  if (highlighter_) highlighter_->set_start_state(state);
  emit startStateChanged();
}

void CodeHighlighter::setDark(bool dark) {
  if (dark_ == dark) return;
  dark_ = dark;
  if (highlighter_) highlighter_->set_dark(dark);
  emit darkChanged();
}

QString CodeHighlighter::languageName() const {
  return rules_ ? code::display_name(*rules_) : QString();
}

void CodeHighlighter::install() {
  delete highlighter_.data();  // its formats go with it
  if (!document_ || !document_->textDocument() || !rules_) return;
  highlighter_ = new CodeSyntaxHighlighter(document_->textDocument(), *rules_, dark_, start_state_);
}

void register_code_highlighter_type() {
  qmlRegisterType<CodeHighlighter>("Sikao", 1, 0, "CodeHighlighter");
}

} // namespace sikao::ui
