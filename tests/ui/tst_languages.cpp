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

#include "error_report.h"
#include "models/model_manager.h"
#include "settings/language_manager.h"
#include "settings/settings.h"

using sikao::ui::ErrorKind;
using sikao::ui::LanguageManager;
using sikao::ui::ModelManager;

namespace {

const QString k_translations = QStringLiteral(SIKAO_SOURCE_DIR "/translations");

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

  // Each kind of error reads as its own sentence where the views show it (the model manager's
  // errorSentence), in English and in German, with the technical detail kept as it came.
  void every_error_kind_reads_as_its_sentence_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");
    int rows = 0;
    const auto row = [&](ErrorKind kind, const QString& english, const QString& german) {
      QTest::newRow(qPrintable(QString::number(static_cast<int>(kind)))) << static_cast<int>(kind) << english << german;
      ++rows;
    };
    row(ErrorKind::ModelFileMissing, QString::fromUtf8("The model file is not there any more. It may have been moved or deleted."),
        QString::fromUtf8("Die Modelldatei ist nicht mehr vorhanden. Sie wurde vielleicht verschoben oder gelöscht."));
    row(ErrorKind::FileUnreadable, QString::fromUtf8("The file could not be read. Check that it exists and that you may read it."),
        QString::fromUtf8("Die Datei konnte nicht gelesen werden. Prüfen Sie, ob sie existiert und Sie sie lesen dürfen."));
    row(ErrorKind::CorruptFile, QString::fromUtf8("This is not a usable GGUF model file: it is damaged or incomplete."),
        QString::fromUtf8("Dies ist keine verwendbare GGUF-Modelldatei: Sie ist beschädigt oder unvollständig."));
    row(ErrorKind::UnsupportedArchitecture, QString::fromUtf8("Sikao cannot run this kind of model (its architecture is not supported)."),
        QString::fromUtf8("Sikao kann diese Art von Modell nicht ausführen (seine Architektur wird nicht unterstützt)."));
    row(ErrorKind::UnsupportedQuantType, QString::fromUtf8("Sikao cannot run this model's quantisation type."),
        QString::fromUtf8("Sikao kann den Quantisierungstyp dieses Modells nicht ausführen."));
    row(ErrorKind::UnsupportedModel, QString::fromUtf8("Sikao cannot run this model: it uses something not supported yet."),
        QString::fromUtf8("Sikao kann dieses Modell nicht ausführen: Es verwendet etwas, das noch nicht unterstützt wird."));
    row(ErrorKind::NoVulkanDevice, QString::fromUtf8("No usable graphics device was found. Install a Vulkan driver for your GPU."),
        QString::fromUtf8("Es wurde kein verwendbares Grafikgerät gefunden. Installieren Sie einen Vulkan-Treiber für Ihre GPU."));
    row(ErrorKind::DeviceLost, QString::fromUtf8("The graphics device stopped responding. Load the model again."),
        QString::fromUtf8("Das Grafikgerät reagiert nicht mehr. Laden Sie das Modell erneut."));
    row(ErrorKind::OutOfMemory, QString::fromUtf8("There is not enough memory for this model. Try a smaller model or a shorter context."),
        QString::fromUtf8("Für dieses Modell ist nicht genug Speicher vorhanden. Versuchen Sie ein kleineres Modell oder einen kürzeren Kontext."));
    row(ErrorKind::GpuError, QString::fromUtf8("The graphics device reported an error."),
        QString::fromUtf8("Das Grafikgerät hat einen Fehler gemeldet."));
    row(ErrorKind::InvalidRequest, QString::fromUtf8("The engine could not do what was asked."),
        QString::fromUtf8("Die Engine konnte die Anfrage nicht ausführen."));
    row(ErrorKind::Cancelled, QString::fromUtf8("Loading was cancelled."),
        QString::fromUtf8("Das Laden wurde abgebrochen."));
    row(ErrorKind::HistoryUnwritable, QString::fromUtf8("The chat history could not be written."),
        QString::fromUtf8("Der Chatverlauf konnte nicht geschrieben werden."));
    row(ErrorKind::DiskFull, QString::fromUtf8("The disk is full: the chat history could not be saved."),
        QString::fromUtf8("Der Datenträger ist voll: Der Chatverlauf konnte nicht gespeichert werden."));
    row(ErrorKind::HistoryBusy, QString::fromUtf8("Another program is using the chat history. Try again in a moment."),
        QString::fromUtf8("Ein anderes Programm verwendet den Chatverlauf. Versuchen Sie es gleich noch einmal."));
    row(ErrorKind::HistoryCorrupt, QString::fromUtf8("The chat history database is damaged."),
        QString::fromUtf8("Die Datenbank des Chatverlaufs ist beschädigt."));
    row(ErrorKind::HistoryTooNew, QString::fromUtf8("The chat history was written by a newer version of Sikao."),
        QString::fromUtf8("Der Chatverlauf wurde von einer neueren Sikao-Version geschrieben."));
    row(ErrorKind::InvalidImport, QString::fromUtf8("This file is not a chat exported by Sikao."),
        QString::fromUtf8("Diese Datei ist kein von Sikao exportierter Chat."));
    row(ErrorKind::MessageNotFound, QString::fromUtf8("That chat or message no longer exists."),
        QString::fromUtf8("Dieser Chat oder diese Nachricht existiert nicht mehr."));
    row(ErrorKind::Internal, QString::fromUtf8("Something went wrong inside Sikao."),
        QString::fromUtf8("In Sikao ist etwas schiefgelaufen."));
    QCOMPARE(rows, sikao::ui::k_error_kind_count);
  }

  void every_error_kind_reads_as_its_sentence() {
    QFETCH(int, kind);
    QFETCH(QString, english);
    QFETCH(QString, german);
    QTemporaryDir dir;
    ModelManager models(std::make_unique<QSettings>(dir.path() + "/models.ini", QSettings::IniFormat),
                        dir.path() + "/models", {});
    LanguageManager languages;
    QVERIFY(languages.setLanguage(QStringLiteral("en")));
    models.onLoadFailed({static_cast<ErrorKind>(kind), QStringLiteral("engine: the detail")});
    QCOMPARE(models.errorSentence(), english);
    QCOMPARE(models.errorDetail(), QStringLiteral("engine: the detail"));
    QVERIFY(languages.setLanguage(QStringLiteral("de")));
    QCOMPARE(models.errorSentence(), german);
    QCOMPARE(models.errorDetail(), QStringLiteral("engine: the detail"));
    QVERIFY(languages.setLanguage(QStringLiteral("en")));
  }

  // Every string of every view and view-model, in every language: a new string without its
  // translations fails here, whichever file it is in.
  void every_translation_is_finished_and_keeps_placeholders() {
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
        } else if (xml.name() == QLatin1String("translation")) {
          const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
          const QString translation = xml.readElementText();
          const QString where = QStringLiteral("%1 %2: \"%3\"").arg(code, context, source);
          QVERIFY2(!unfinished && !translation.isEmpty(), qPrintable(where + " is not translated"));
          QVERIFY2(placeholders(translation) == placeholders(source), qPrintable(where + " -> " + translation));
          ++checked;
        }
      }
      QVERIFY2(!xml.hasError(), qPrintable(code + ": " + xml.errorString()));
      QVERIFY2(checked >= 230, qPrintable(code));
    }
  }
};

QTEST_MAIN(TestLanguages)
#include "tst_languages.moc"
