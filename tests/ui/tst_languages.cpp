// LanguageManager and the shipped translations: every .ts in translations/ is compiled and
// embedded, each loads and translates, Arabic and Persian turn the layout right to left, the
// system locale picks the closest language, and every translation of the pages and view-models
// in these suites is finished and keeps the source's %1 placeholders.

#include <QtTest>

#include <QDir>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>

#include "settings/language_manager.h"
#include "settings/settings.h"

using sikao::ui::LanguageManager;

namespace {

const QString k_translations = QStringLiteral(SIKAO_SOURCE_DIR "/translations");

// The contexts whose strings these suites own; others (added to the .ts files by lupdate from
// later views) are checked by their own suites.
const QStringList k_owned_contexts = {
    QStringLiteral("Main"), QStringLiteral("ModelManagerPage"), QStringLiteral("SettingsPage"),
    QStringLiteral("FirstRunPage"), QStringLiteral("sikao::ui::DeviceListModel"),
    QStringLiteral("sikao::ui::ModelManager"), QStringLiteral("sikao::ui::StartupModel"),
    QStringLiteral("sikao::ui::FoundModelList"),
    // The chat window: its QML views, the app's startup messages and the chat view-models.
    QStringLiteral("Sidebar"), QStringLiteral("ChatView"), QStringLiteral("MessageDelegate"),
    QStringLiteral("ReasoningBlock"), QStringLiteral("InspectorPanel"), QStringLiteral("StatusBar"),
    QStringLiteral("CodeBlock"),
    QStringLiteral("StartupPanel"), QStringLiteral("main"), QStringLiteral("sikao::ui::ChatController"),
    QStringLiteral("sikao::ui::ConversationListModel")};

QStringList ts_codes() {
  QStringList codes;
  for (const QString& f : QDir(k_translations).entryList({QStringLiteral("sikao_*.ts")}, QDir::Files, QDir::Name)) {
    codes << f.mid(6, f.size() - 6 - 3);
  }
  return codes;
}

QStringList placeholders(const QString& s) {
  QStringList out;
  auto it = QRegularExpression(QStringLiteral("%\\d")).globalMatch(s);
  while (it.hasNext()) out << it.next().captured();
  out.sort();
  return out;
}

} // namespace

class TestLanguages : public QObject {
  Q_OBJECT

 private slots:
  void every_ts_file_is_embedded_and_translates() {
    const QStringList codes = ts_codes();
    QVERIFY(codes.size() >= 11);
    const auto shipped = LanguageManager::shipped_languages();
    QCOMPARE(shipped.size(), size_t(codes.size() + 1));  // plus English, the source
    QCOMPARE(shipped.front().code, QStringLiteral("en"));
    for (const QString& code : codes) {
      QFile qm(QStringLiteral(":/i18n/sikao_%1.qm").arg(code));
      QVERIFY2(qm.exists(), qPrintable(code));
      QVERIFY2(qm.size() > 1000, qPrintable(code));
      QTranslator translator;
      QVERIFY2(translator.load(QStringLiteral("sikao_") + code, QStringLiteral(":/i18n")), qPrintable(code));
      QVERIFY(!translator.isEmpty());
      const QString settings = translator.translate("SettingsPage", "Settings");
      QVERIFY2(!settings.isEmpty() && settings != QLatin1String("Settings"), qPrintable(code));
    }
  }

  void switching_language_translates_without_restart() {
    LanguageManager languages;
    QSignalSpy changed(&languages, &LanguageManager::languageChanged);
    const QStringList expected = {QStringLiteral("Einstellungen"), QStringLiteral("设置"), QStringLiteral("設定"),
                                  QStringLiteral("الإعدادات")};
    const QStringList codes = {QStringLiteral("de"), QStringLiteral("zh_CN"), QStringLiteral("ja"), QStringLiteral("ar")};
    for (int i = 0; i < codes.size(); ++i) {
      QVERIFY(languages.setLanguage(codes[i]));
      QCOMPARE(languages.language(), codes[i]);
      QCOMPARE(QCoreApplication::translate("SettingsPage", "Settings"), expected[i]);
      QCOMPARE(QLocale().name().left(2), codes[i].left(2));  // numbers and sizes follow
    }
    QCOMPARE(changed.count(), codes.size());
    QVERIFY(languages.setLanguage(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("SettingsPage", "Settings"), QStringLiteral("Settings"));
    // C++ view-model strings translate too.
    QVERIFY(languages.setLanguage(QStringLiteral("fr")));
    QCOMPARE(QCoreApplication::translate("sikao::ui::DeviceListModel", "integrated GPU"), QStringLiteral("GPU intégré"));
  }

  void arabic_and_persian_lay_out_right_to_left() {
    LanguageManager languages;
    for (const char* rtl : {"ar", "fa"}) {
      QVERIFY(languages.setLanguage(QLatin1String(rtl)));
      QVERIFY(languages.rightToLeft());
      QCOMPARE(languages.layoutDirection(), Qt::RightToLeft);
      QCOMPARE(QGuiApplication::layoutDirection(), Qt::RightToLeft);
    }
    QVERIFY(languages.setLanguage(QStringLiteral("ko")));
    QVERIFY(!languages.rightToLeft());
    QCOMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
    int rtl_count = 0;
    for (const auto& l : LanguageManager::shipped_languages()) rtl_count += l.right_to_left ? 1 : 0;
    QCOMPARE(rtl_count, 2);
  }

  void an_unknown_language_is_refused_and_changes_nothing() {
    LanguageManager languages;
    QVERIFY(languages.setLanguage(QStringLiteral("ja")));
    QVERIFY(!languages.setLanguage(QStringLiteral("tlh")));
    QCOMPARE(languages.language(), QStringLiteral("ja"));
    QCOMPARE(QCoreApplication::translate("SettingsPage", "Settings"), QStringLiteral("設定"));
    languages.setLanguage(QStringLiteral("en"));
  }

  void the_system_locale_picks_the_closest_shipped_language() {
    QCOMPARE(LanguageManager::best_match(QLocale(QStringLiteral("de_AT"))), QStringLiteral("de"));
    QCOMPARE(LanguageManager::best_match(QLocale(QStringLiteral("zh_HK"))), QStringLiteral("zh_TW"));
    QCOMPARE(LanguageManager::best_match(QLocale(QStringLiteral("zh_SG"))), QStringLiteral("zh_CN"));
    QCOMPARE(LanguageManager::best_match(QLocale(QStringLiteral("pt_PT"))), QStringLiteral("pt_BR"));
    QCOMPARE(LanguageManager::best_match(QLocale(QStringLiteral("ar_MA"))), QStringLiteral("ar"));
    QCOMPARE(LanguageManager::best_match(QLocale(QStringLiteral("sv_SE"))), QStringLiteral("en"));
  }

  void follows_the_language_setting() {
    QTemporaryDir dir;
    sikao::ui::Settings settings(std::make_unique<QSettings>(dir.filePath("s.ini"), QSettings::IniFormat));
    settings.setLanguage(QStringLiteral("ru"));
    LanguageManager languages(&settings);
    QCOMPARE(languages.language(), QStringLiteral("ru"));
    settings.setLanguage(QStringLiteral("es"));
    QCOMPARE(languages.language(), QStringLiteral("es"));
    QCOMPARE(QCoreApplication::translate("SettingsPage", "Settings"), QStringLiteral("Configuración"));
    settings.setLanguage(QString());  // the system's: whatever it is, a shipped language
    QVERIFY(!languages.language().isEmpty());
    languages.setLanguage(QStringLiteral("en"));
  }

  void language_names_are_native() {
    QMap<QString, QString> names;
    for (const auto& l : LanguageManager::shipped_languages()) names[l.code] = l.native_name;
    QCOMPARE(names.value("zh_CN"), QStringLiteral("简体中文"));
    QCOMPARE(names.value("zh_TW"), QStringLiteral("繁體中文"));
    QCOMPARE(names.value("ja"), QStringLiteral("日本語"));
    QCOMPARE(names.value("ar"), QStringLiteral("العربية"));
    QVERIFY2(names.value("pt_BR").startsWith(QStringLiteral("Português")), qPrintable(names.value("pt_BR")));
  }

  void owned_translations_are_finished_and_keep_placeholders() {
    for (const QString& code : ts_codes()) {
      QFile file(k_translations + QStringLiteral("/sikao_%1.ts").arg(code));
      QVERIFY(file.open(QIODevice::ReadOnly));
      QXmlStreamReader xml(&file);
      QString context, source;
      int checked = 0;
      while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        if (xml.name() == QLatin1String("name")) {
          context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
          source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") && k_owned_contexts.contains(context)) {
          const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
          const QString translation = xml.readElementText();
          const QString where = QStringLiteral("%1 %2: \"%3\"").arg(code, context, source);
          QVERIFY2(!unfinished && !translation.isEmpty(), qPrintable(where + " is not translated"));
          QVERIFY2(placeholders(translation) == placeholders(source), qPrintable(where + " -> " + translation));
          ++checked;
        }
      }
      QVERIFY2(!xml.hasError(), qPrintable(code + ": " + xml.errorString()));
      QVERIFY2(checked >= 190, qPrintable(code));
    }
  }
};

QTEST_MAIN(TestLanguages)
#include "tst_languages.moc"
