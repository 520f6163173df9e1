#pragma once
// The chat's code blocks highlighted in QML:
//
//   TextEdit { id: edit }
//   CodeHighlighter { document: edit.textDocument; language: "py"; dark: design.dark }
//
// installs a QSyntaxHighlighter running code::highlight_line on the TextEdit's document (each
// line re-scanned only when it or the state it starts in changes) and names the language for the
// block's header. The token colours, light and dark, are the one table in the .cpp.

#include <QColor>
#include <QObject>
#include <QPointer>
#include <QQuickTextDocument>
#include <QString>

#include "chat/code_highlighter.h"


namespace sikao::ui {

class CodeSyntaxHighlighter;

// The colour of a token class on a light or a dark background.
QColor code_token_colour(code::TokenClass token_class, bool dark);

class CodeHighlighter : public QObject {
  Q_OBJECT
  Q_PROPERTY(QQuickTextDocument* document READ document WRITE setDocument NOTIFY documentChanged)
  // A fence's info string ("python", "c++", "rs"); unknown ones are shown plain.
  Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
  Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY darkChanged)
  // The state the document's first line begins in (a long block's later piece: code::state_after
  // of the pieces before it).
  Q_PROPERTY(int startState READ startState WRITE setStartState NOTIFY startStateChanged)
  // "Python", "C++"; empty when the language is none we highlight.
  Q_PROPERTY(QString languageName READ languageName NOTIFY languageChanged)

 public:
  explicit CodeHighlighter(QObject* parent = nullptr);
  ~CodeHighlighter() override;

  QQuickTextDocument* document() const { return document_; }
  void setDocument(QQuickTextDocument* document);
  QString language() const { return language_; }
  void setLanguage(const QString& language);
  bool dark() const { return dark_; }
  void setDark(bool dark);
  QString languageName() const;
  int startState() const { return start_state_; }
  void setStartState(int state);

 signals:
  void documentChanged();
  void languageChanged();
  void darkChanged();
  void startStateChanged();

 private:
  void install();

  QPointer<QQuickTextDocument> document_;
  QString language_;
  const code::LanguageRules* rules_ = nullptr;
  bool dark_ = false;
  code::LineState start_state_ = 0;
  // A child of the document it colours: when a code block goes away, the highlighter dies with
  // its document instead of first stripping the formats from it (a layout of the whole block,
  // for nothing). Replaced (deleted) only when the document or the language changes.
  QPointer<CodeSyntaxHighlighter> highlighter_;
};

// Registers CodeHighlighter for QML (import Sikao 1.0).
void register_code_highlighter_type();

} // namespace sikao::ui
