// The real `sikao` binary under Xvfb with the bundled demo reasoner: it loads the model, sends
// "What is 12 + 7?" (--send), photographs the window around the answer (--screenshots: the
// empty state, a streaming and a finished reasoning block, the inspector, search results,
// settings, the model manager, the Arabic layout) and quits. The question, the model's reasoning
// and its answer must then be in the history database, which the app keeps under
// $XDG_DATA_HOME. With $SIKAO_SCREENSHOT_DIR set the screenshots are saved there
// (tests/ui/make_screenshots.sh fills docs/screenshots/ so). Then the same with a model from
// ../shared that does not reason (stories260K, no chat template): an answer, no reasoning. And
// a random-weight Qwen3.5 (Gated DeltaNet layers) carrying Qwen3.5's own template, which opens
// the reasoning block in the prompt: the noise it writes lands in the reasoning. And the demo
// model carrying a chat template that divides INT64_MIN by -1 (issue 14: SIGFPE on the first
// Send before): the window answers in the built-in format and says why.

#include <QtTest>

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

#include "storage/history.h"
#include "support/test_support.h"

class TestChatAppE2e : public QObject {
  Q_OBJECT

  // Runs `sikao args…` with its own data and settings folders: whether it ended well, and in
  // `output` what it printed.
  static bool run_app(const QTemporaryDir& home, const QStringList& args, QString& output) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", home.path() + "/data");
    env.insert("XDG_CONFIG_HOME", home.path() + "/config");
    QProcess app;
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.start(QStringLiteral(SIKAO_GUI_PATH), args);
    if (!app.waitForStarted()) return false;
    const bool finished = app.waitForFinished(240000);
    output = QString::fromUtf8(app.readAll());
    if (!finished) app.kill();
    return finished && app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0;
  }

  // The messages of the one conversation the app stored (none when there is not exactly one).
  static std::vector<sikao::storage::Message> the_conversation(const QTemporaryDir& home) {
    sikao::storage::History history((home.path() + "/data/sikao/history.db").toStdString());
    const auto conversations = history.conversation_ids();
    if (conversations.size() != 1) return {};
    return history.active_path(conversations[0]);
  }

 private slots:
  void the_app_answers_with_reasoning_and_both_land_in_the_database() {
    QTemporaryDir home;
    const QString shots = qEnvironmentVariable("SIKAO_SCREENSHOT_DIR", home.path() + "/shots");
    QString output;
    QVERIFY2(run_app(home,
                     {QStringLiteral(SIKAO_SOURCE_DIR "/tests/tools/bundled_model/sikao-demo-reasoner-F16.gguf"),
                      "--send", "What is 12 + 7?", "--screenshots", shots, "--quit-after-answer"},
                     output),
             qPrintable(output));
    for (const char* name : {"empty-state", "streaming-reasoning", "finished-reasoning", "inspector",
                             "search-results", "settings", "models", "arabic"}) {
      const QImage image(shots + "/" + name + ".png");
      QVERIFY2(image.width() >= 800 && image.height() >= 600, name);
    }

    const auto path = the_conversation(home);
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

  void a_hostile_chat_template_falls_back_instead_of_killing_the_app() {
    QTemporaryDir home;
    QFile original(QStringLiteral(SIKAO_SOURCE_DIR "/tests/tools/bundled_model/sikao-demo-reasoner-F16.gguf"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QString model = home.path() + "/hostile.gguf";
    QFile hostile(model);
    QVERIFY(hostile.open(QIODevice::WriteOnly));
    hostile.write(sikao::test::gguf_with_chat_template(original.readAll(), "{{ (-9223372036854775807 - 1) // -1 }}"));
    hostile.close();
    QString output;
    QVERIFY2(run_app(home, {model, "--send", "What is 12 + 7?", "--quit-after-answer"}, output),
             qPrintable(output));
    QVERIFY2(output.contains("chat template not used") && output.contains("integer overflow"), qPrintable(output));
    const auto path = the_conversation(home);
    QCOMPARE(path.size(), size_t(2));
    QCOMPARE(path[1].status, sikao::storage::MessageStatus::Complete);
    QVERIFY2(path[1].content.find("19") != std::string::npos, path[1].content.c_str());
  }

  void a_model_from_shared_that_does_not_reason_answers_into_the_database() {
    SIKAO_REQUIRE_SHARED();
    QTemporaryDir home;
    const QString stories = QString::fromStdString(
        sikao::test::shared_path("models/stories260K/stories260K.gguf"));
    QString output;
    QVERIFY2(run_app(home, {stories, "--send", "Once upon a time", "--quit-after-answer"}, output),
             qPrintable(output));
    const auto path = the_conversation(home);
    QCOMPARE(path.size(), size_t(2));
    QCOMPARE(path[0].content, std::string("Once upon a time"));
    QVERIFY(path[1].status == sikao::storage::MessageStatus::Complete);
    QVERIFY2(path[1].content.size() > 20, path[1].content.c_str());
    QCOMPARE(path[1].reasoning, std::string());
    QCOMPARE(path[1].stats.reasoning_tokens, 0);
    QVERIFY(path[1].stats.generated_tokens > 5);
  }

  void a_qwen35_model_with_its_template_reasons_into_the_database() {
    SIKAO_REQUIRE_SHARED();
    QTemporaryDir home;
    const QString model = home.path() + "/qwen35.gguf";
    QProcess bench;
    bench.start(QStringLiteral(SIKAO_BENCH_PATH),
                {"make-model", "--preset", "test-qwen35", "--type", "Q8_0", "--seed", "7",
                 "--chat-template",
                 QString::fromStdString(sikao::test::shared_path("templates/Qwen3.5-4B.jinja")),
                 "-o", model});
    QVERIFY(bench.waitForFinished(60000) && bench.exitCode() == 0);
    {
      // A fixed seed and 48 tokens: the same answer every run, quickly.
      QSettings settings(home.path() + "/config/Sikao/sikao.conf", QSettings::IniFormat);
      settings.setValue("sampling/randomSeed", false);
      settings.setValue("sampling/seed", 7);
      settings.setValue("sampling/maxTokens", 48);
    }
    QString output;
    QVERIFY2(run_app(home, {model, "--send", "Hello, who are you?", "--quit-after-answer"}, output),
             qPrintable(output));
    const auto path = the_conversation(home);
    QCOMPARE(path.size(), size_t(2));
    const auto& answer = path[1];
    QCOMPARE(answer.status, sikao::storage::MessageStatus::Complete);
    QVERIFY(answer.stats.generated_tokens > 0);
    QCOMPARE(answer.stats.reasoning_tokens, answer.stats.generated_tokens);
    QVERIFY(!answer.reasoning.empty());
    QCOMPARE(answer.content, std::string());
  }
};

QTEST_MAIN(TestChatAppE2e)
#include "tst_chat_app_e2e.moc"
