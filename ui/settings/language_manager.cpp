#include "settings/language_manager.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <algorithm>

#include "settings/settings.h"

namespace sikao::ui {
namespace {

const QString k_resource_dir = QStringLiteral(":/i18n");
const QString k_source_language = QStringLiteral("en");

// The language's name in itself. QLocale gives one name to both Chinese scripts, so the script
// is named for them.
QString native_name(const QString& code) {
  const QLocale locale(code);
  if (locale.language() == QLocale::Chinese) {
    return locale.script() == QLocale::TraditionalChineseScript ? QStringLiteral("繁體中文")
                                                                 : QStringLiteral("简体中文");
  }
  QString name = locale.nativeLanguageName();
  if (code.contains(QLatin1Char('_'))) {  // pt_BR: "português (Brasil)"
    name += QStringLiteral(" (%1)").arg(locale.nativeTerritoryName());
  }
  return name.isEmpty() ? code : name.left(1).toUpper() + name.mid(1);
}

} // namespace

LanguageManager::LanguageManager(Settings* settings, QObject* parent)
    : QObject(parent), settings_(settings) {
  if (settings_) {
    setLanguage(settings_->language());
    connect(settings_, &Settings::changed, this, [this] {
      if (settings_->language() != language_) setLanguage(settings_->language());
    });
  } else {
    apply(best_match(QLocale::system()));
  }
}

LanguageManager::~LanguageManager() {
  if (app_translator_) QCoreApplication::removeTranslator(app_translator_.get());
  if (qt_translator_) QCoreApplication::removeTranslator(qt_translator_.get());
}

void LanguageManager::setEngine(QQmlEngine* engine) { engine_ = engine; }

std::vector<Language> LanguageManager::shipped_languages() {
  std::vector<Language> out{{k_source_language, native_name(k_source_language), false}};
  const QStringList files = QDir(k_resource_dir).entryList({QStringLiteral("sikao_*.qm")}, QDir::Files, QDir::Name);
  for (const QString& file : files) {
    const QString code = file.mid(6, file.size() - 6 - 3);  // sikao_<code>.qm
    out.push_back({code, native_name(code), QLocale(code).textDirection() == Qt::RightToLeft});
  }
  return out;
}

QString LanguageManager::best_match(const QLocale& locale) {
  QString best = k_source_language;
  int best_score = 0;
  for (const Language& l : shipped_languages()) {
    const QLocale candidate(l.code);
    if (candidate.language() != locale.language()) continue;
    const int score = 1 + (candidate.script() == locale.script() ? 2 : 0) +
                      (candidate.territory() == locale.territory() ? 1 : 0);
    if (score > best_score) {
      best_score = score;
      best = l.code;
    }
  }
  return best;
}

bool LanguageManager::rightToLeft() const { return QLocale(language_).textDirection() == Qt::RightToLeft; }

Qt::LayoutDirection LanguageManager::layoutDirection() const {
  return rightToLeft() ? Qt::RightToLeft : Qt::LeftToRight;
}

QVariantList LanguageManager::languageList() const {
  QVariantList out;
  for (const Language& l : shipped_languages()) {
    out << QVariantMap{{QStringLiteral("code"), l.code},
                       {QStringLiteral("name"), l.native_name},
                       {QStringLiteral("rightToLeft"), l.right_to_left}};
  }
  return out;
}

bool LanguageManager::setLanguage(const QString& code) {
  const QString resolved = code.isEmpty() ? best_match(QLocale::system()) : code;
  const auto languages = shipped_languages();
  if (std::none_of(languages.begin(), languages.end(), [&](const Language& l) { return l.code == resolved; })) {
    return false;
  }
  apply(resolved);
  return true;
}

void LanguageManager::apply(const QString& code) {
  if (app_translator_) QCoreApplication::removeTranslator(app_translator_.get());
  if (qt_translator_) QCoreApplication::removeTranslator(qt_translator_.get());
  app_translator_.reset();
  qt_translator_.reset();
  if (code != k_source_language) {
    auto app = std::make_unique<QTranslator>();
    if (app->load(QStringLiteral("sikao_") + code, k_resource_dir)) {
      QCoreApplication::installTranslator(app.get());
      app_translator_ = std::move(app);
    }
    // Qt's own strings (the stock file dialog's buttons); optional, from qt6-translations-l10n.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
      QCoreApplication::installTranslator(qt.get());
      qt_translator_ = std::move(qt);
    }
  }
  language_ = code;
  QLocale::setDefault(QLocale(code));
  // Qt Quick does not mirror by itself when the language changes: the direction is set here and
  // the pages bind LayoutMirroring to it.
  if (qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
    QGuiApplication::setLayoutDirection(layoutDirection());
  }
  if (engine_) {
    engine_->retranslate();
  }
  emit languageChanged();
}

} // namespace sikao::ui
