// sikao-cli run end to end on the bundled demo model (a qwen3 reasoning model with a ChatML
// template): the prompt goes through the model's chat template, the reasoning comes out on
// stderr and the answer on stdout, greedy output is deterministic. Without -m the model is the
// one next to the binary (../share/sikao/models: in the build tree, a link to the source's).

#include <QtTest>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include "support/test_support.h"

namespace {

const QString k_model_file = QStringLiteral("sikao-demo-reasoner-F16.gguf");
const QString k_model = QStringLiteral(SIKAO_SOURCE_DIR "/tests/tools/bundled_model/") + k_model_file;

} // namespace

class TestCliRun : public QObject {
  Q_OBJECT

 private slots:
  void reasoning_goes_to_stderr_and_the_answer_to_stdout() {
    const auto r = sikao::test::run_cli(
        {"run", "-m", k_model, "-p", "What is 345 + 278?", "--temp", "0", "-n", "200"});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.out.contains("The answer is"), qPrintable(r.out));
    QVERIFY2(!r.out.contains("<think>") && !r.out.contains("</think>"), qPrintable(r.out));
    QVERIFY2(!r.out.contains("digit by digit"), qPrintable(r.out));
    QVERIFY2(r.err.contains("[reasoning]") && r.err.contains("digit by digit"), qPrintable(r.err));
  }

  // Issue 18, the first minute: a greeting (of the hand-written evaluation prompts in
  // tests/tools/bundled_model/ood_eval.json) gets reasoning, then the demo's honest reply in the
  // user's language, never a made-up sum.
  void the_demo_answers_a_greeting_with_what_it_is() {
    const QList<QPair<QString, QString>> asked = {
        {"Hello! Who are you and what can you do?",
         "I am Sikao's tiny demo model: I can only add, subtract, compare numbers, count letters, "
         "convert units and work out weekdays. For a real assistant, load a model from Models.\n"},
        {"你好！你是谁？你能做什么？",
         "我是 Sikao 的小型演示模型，只会加减法、比较数字、数字母、换算单位和推算星期。"
         "要使用真正的助手，请在“模型”中加载一个模型。\n"}};
    for (const auto& [question, reply] : asked) {
      const auto r = sikao::test::run_cli({"run", "-m", k_model, "-p", question, "--temp", "0", "-n", "400"});
      QCOMPARE(r.exit_code, 0);
      QCOMPARE(r.out, reply);
      QVERIFY2(r.err.contains("[reasoning]"), qPrintable(r.err));
    }
  }

  void hide_reasoning_drops_it_and_keeps_the_answer() {
    const auto shown = sikao::test::run_cli(
        {"run", "-m", k_model, "-p", "What is 345 + 278?", "--temp", "0", "--show-reasoning"});
    const auto hidden = sikao::test::run_cli(
        {"run", "-m", k_model, "-p", "What is 345 + 278?", "--temp", "0", "--hide-reasoning"});
    QCOMPARE(hidden.exit_code, 0);
    QVERIFY(!hidden.err.contains("[reasoning]"));
    QCOMPARE(hidden.out, shown.out);  // greedy: the same answer either way
  }

  void raw_prompt_is_used_as_is_with_special_tokens_parsed() {
    // The template's own rendering of the same question, given raw, gives the same answer.
    const QString templated = QStringLiteral(
        "<|im_start|>user\nWhat is 345 + 278?<|im_end|>\n<|im_start|>assistant\n");
    const auto raw = sikao::test::run_cli(
        {"run", "-m", k_model, "--raw", "-p", templated, "--temp", "0", "--hide-reasoning"});
    const auto chat = sikao::test::run_cli(
        {"run", "-m", k_model, "-p", "What is 345 + 278?", "--temp", "0", "--hide-reasoning"});
    QCOMPARE(raw.exit_code, 0);
    QCOMPARE(raw.out, chat.out);
  }

  void without_m_the_bundled_model_next_to_the_binary_answers() {
    const auto r = sikao::test::run_cli(
        {"--verbose", "run", "-p", "What is 345 + 278?", "--temp", "0", "--hide-reasoning"});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.out.contains("623"), qPrintable(r.out));
    const QString next_to_binary = QDir::cleanPath(QFileInfo(QStringLiteral(SIKAO_CLI_PATH)).canonicalPath() +
                                                   "/../share/sikao/models/" + k_model_file);
    QVERIFY2(r.err.contains("the bundled demo model " + next_to_binary), qPrintable(r.err));
  }

  void without_m_a_missing_bundled_model_is_a_one_line_error_naming_where_it_looked() {
    // A copy of the binary in a bin/ folder with no share/ beside it: the build's model is not
    // looked for anywhere else.
    QTemporaryDir prefix;
    const QString root = QFileInfo(prefix.path()).canonicalFilePath();
    QVERIFY(QDir().mkpath(root + "/bin"));
    QVERIFY(QFile::copy(QStringLiteral(SIKAO_CLI_PATH), root + "/bin/sikao-cli"));
    QProcess cli;
    cli.start(root + "/bin/sikao-cli", {"run", "-p", "What is 345 + 278?"});
    QVERIFY(cli.waitForFinished(60000));
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY2(err.contains(root + "/share/sikao/models/" + k_model_file), qPrintable(err));
    QCOMPARE(err.trimmed().count('\n'), 0);
  }

  // Issue 14: a model file is untrusted input. A chat template that divides INT64_MIN by -1
  // (SIGFPE before), or runs over a render budget, is an error: run answers in the built-in
  // format and says why; template (a tool to debug templates) reports the error unless --fallback.
  void a_hostile_chat_template_falls_back_to_the_built_in_format_with_a_warning() {
    QFile original(k_model);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray model = original.readAll();
    QTemporaryDir dir;
    const QString messages = dir.filePath("messages.json");
    {
      QFile m(messages);
      QVERIFY(m.open(QIODevice::WriteOnly));
      m.write(R"([{"role": "user", "content": "What is 345 + 278?"}])");
    }
    const auto ok = sikao::test::run_cli(
        {"run", "-m", k_model, "-p", "What is 345 + 278?", "--temp", "0", "--hide-reasoning", "-n", "200"});
    QCOMPARE(ok.exit_code, 0);
    QVERIFY2(!ok.err.contains("chat template not used"), qPrintable(ok.err));
    struct Case {
      const char* name;
      QByteArray source;
      const char* error;
    };
    const Case cases[] = {
        {"floor division", "{{ (-9223372036854775807 - 1) // -1 }}", "integer overflow"},
        {"output budget", "{{ 'x' * 1000000000 }}", "allocation budget"},
        {"range budget", "{{ range(-9223372036854775807, 9223372036854775807, 1) | length }}", "range budget"},
    };
    for (const Case& c : cases) {
      const QString path = dir.filePath(QStringLiteral("hostile-%1.gguf").arg(&c - cases));
      QFile f(path);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(sikao::test::gguf_with_chat_template(model, c.source));
      f.close();
      const auto r = sikao::test::run_cli(
          {"run", "-m", path, "-p", "What is 345 + 278?", "--temp", "0", "--hide-reasoning", "-n", "200"});
      QVERIFY2(r.exit_code == 0, qPrintable(QString("%1: %2").arg(c.name, r.err)));
      QVERIFY2(r.err.contains("chat template not used") && r.err.contains(c.error) &&
                   r.err.contains("using the built-in 'chatml' format"),
               qPrintable(QString("%1: %2").arg(c.name, r.err)));
      QCOMPARE(r.out, ok.out);  // the built-in ChatML is what the demo model's template renders

      const auto strict = sikao::test::run_cli({"template", "-m", path, "--messages", messages});
      QCOMPARE(strict.exit_code, 1);
      QVERIFY2(strict.err.contains(c.error), qPrintable(strict.err));
      const auto fallback =
          sikao::test::run_cli({"template", "-m", path, "--messages", messages, "--fallback"});
      QCOMPARE(fallback.exit_code, 0);
      QVERIFY2(fallback.err.contains(c.error) && fallback.out.contains("<|im_start|>user"),
               qPrintable(fallback.err));
    }
    // INT64_MIN % -1 (SIGFPE before as well) is exact: 0, as in jinja2; the template is used.
    const QString modulo = dir.filePath("modulo.gguf");
    QFile f(modulo);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(sikao::test::gguf_with_chat_template(model, "{{ (-9223372036854775807 - 1) % -1 }}|{{ -7 % -1 }}"));
    f.close();
    const auto rendered = sikao::test::run_cli({"template", "-m", modulo, "--messages", messages});
    QCOMPARE(rendered.exit_code, 0);
    QCOMPARE(rendered.out, QStringLiteral("0|0"));
    const auto r = sikao::test::run_cli({"run", "-m", modulo, "-p", "hi", "--temp", "0", "-n", "4"});
    QVERIFY2(r.exit_code == 0 && !r.err.contains("chat template not used"), qPrintable(r.err));
  }

  void a_missing_model_is_a_one_line_error() {
    const auto r = sikao::test::run_cli({"run", "-m", "/nonexistent/model.gguf", "-p", "hi"});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("/nonexistent/model.gguf"), qPrintable(r.err));
    QCOMPARE(r.err.trimmed().count('\n'), 0);
  }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
