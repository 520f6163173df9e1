#pragma once
// Switches the UI language at run time: installs the translator of the chosen language (the
// .qm files embedded under :/i18n by translations/CMakeLists.txt, plus Qt's own for the stock
// dialogs when installed), sets the default QLocale (numbers, sizes) and the application's
// layout direction (right to left for Arabic and Persian), and asks the QML engine to
// re-evaluate every qsTr() — no restart.
//
// The shipped languages are the .qm files found in the resource, so adding a language is
// adding its .ts file to the list in translations/CMakeLists.txt.

#include <QObject>
#include <QQmlEngine>
#include <QPointer>
#include <QString>
#include <QTranslator>
#include <QVariantList>
#include <memory>
#include <vector>

namespace sikao::ui {

class Settings;

struct Language {
  QString code;         // "ar", "zh_CN"; "en" is the source language (no translator)
  QString native_name;  // "العربية", "简体中文"
  bool right_to_left = false;
};

class LanguageManager : public QObject {
  Q_OBJECT
  Q_PROPERTY(QString language READ language NOTIFY languageChanged)
  Q_PROPERTY(bool rightToLeft READ rightToLeft NOTIFY languageChanged)
  Q_PROPERTY(Qt::LayoutDirection layoutDirection READ layoutDirection NOTIFY languageChanged)
  Q_PROPERTY(QVariantList languages READ languageList CONSTANT)

 public:
  // settings: the language setting to follow (it is applied now and whenever it changes); may be
  // null, then setLanguage() is the only way in.
  explicit LanguageManager(Settings* settings = nullptr, QObject* parent = nullptr);
  ~LanguageManager() override;

  // The engine whose qsTr() bindings are re-evaluated on a switch.
  void setEngine(QQmlEngine* engine);

  // Every language the build ships, English first, then by code.
  static std::vector<Language> shipped_languages();
  // The shipped language that serves `locale` best ("de_AT" → "de", "zh_HK" → "zh_TW"), or "en".
  static QString best_match(const QLocale& locale);

  QString language() const { return language_; }
  bool rightToLeft() const;
  Qt::LayoutDirection layoutDirection() const;
  QVariantList languageList() const;  // [{code, name, rightToLeft}]

  // "" follows the system locale. Returns false (and keeps the current language) when the code
  // is not a shipped language.
  Q_INVOKABLE bool setLanguage(const QString& code);

 signals:
  void languageChanged();

 private:
  void apply(const QString& code);

  QPointer<Settings> settings_;
  QPointer<QQmlEngine> engine_;
  std::unique_ptr<QTranslator> app_translator_;
  std::unique_ptr<QTranslator> qt_translator_;
  QString language_;
};

} // namespace sikao::ui
