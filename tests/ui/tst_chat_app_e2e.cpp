// The real `sikao` binary under Xvfb with the bundled demo reasoner: it loads the model, sends
// "What is 12 + 7?" (--send), photographs the window around the answer (--screenshots: the
// empty state, a streaming and a finished reasoning block, the inspector, search results,
// settings, the model manager, the Arabic layout) and quits. The question, the model's reasoning
// and its answer must then be in the history database, which the app keeps under
// $XDG_DATA_HOME. With $SIKAO_SCREENSHOT_DIR set the screenshots are saved there
// (tests/ui/make_screenshots.sh fills docs/screenshots/ so).

#include <QtTest>

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

#include "storage/history.h"

class TestChatAppE2e : public QObject {
  Q_OBJECT

 private slots:
  void the_app_answers_with_reasoning_and_both_land_in_the_database() {
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", home.path() + "/data");
    env.insert("XDG_CONFIG_HOME", home.path() + "/config");
    const QString shots = qEnvironmentVariable("SIKAO_SCREENSHOT_DIR", home.path() + "/shots");
    QProcess app;
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.start(QStringLiteral(SIKAO_GUI_PATH),
              {QStringLiteral(SIKAO_SOURCE_DIR "/tests/tools/bundled_model/sikao-demo-reasoner-F16.gguf"),
               "--send", "What is 12 + 7?", "--screenshots", shots, "--quit-after-answer"});
    QVERIFY(app.waitForStarted());
    const bool finished = app.waitForFinished(240000);
    const QString output = QString::fromUtf8(app.readAll());
    if (!finished) app.kill();
    QVERIFY2(finished, qPrintable(output));
    QVERIFY2(app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0, qPrintable(output));
    for (const char* name : {"empty-state", "streaming-reasoning", "finished-reasoning", "inspector",
                             "search-results", "settings", "models", "arabic"}) {
      const QImage image(shots + "/" + name + ".png");
      QVERIFY2(image.width() >= 800 && image.height() >= 600, name);
    }

    sikao::storage::History history((home.path() + "/data/sikao/history.db").toStdString());
    const auto conversations = history.conversation_ids();
    QCOMPARE(conversations.size(), size_t(1));
    const auto path = history.active_path(conversations[0]);
    QCOMPARE(path.size(), size_t(2));
    QCOMPARE(path[0].content, std::string("What is 12 + 7?"));
    const auto& answer = path[1];
    QCOMPARE(answer.status, sikao::storage::MessageStatus::Complete);
    QVERIFY2(answer.content.find("19") != std::string::npos, answer.content.c_str());
    QVERIFY2(answer.reasoning.find("12 + 7 = 19") != std::string::npos, answer.reasoning.c_str());
    QVERIFY(answer.stats.reasoning_tokens > 0);
    QVERIFY(answer.stats.reasoning_ms > 0);

    // The model it loaded is remembered for the next start.
    QSettings settings(home.path() + "/config/Sikao/sikao.conf", QSettings::IniFormat);
    QVERIFY(settings.value("models/last").toString().endsWith("sikao-demo-reasoner-F16.gguf"));
    // The tour's switch to Arabic put the language setting back.
    QCOMPARE(settings.value("appearance/language").toString(), QString());
  }
};

QTEST_MAIN(TestChatAppE2e)
#include "tst_chat_app_e2e.moc"
