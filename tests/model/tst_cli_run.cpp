// sikao-cli run end to end on the bundled demo model (a qwen3 reasoning model with a ChatML
// template): the prompt goes through the model's chat template, the reasoning comes out on
// stderr and the answer on stdout, greedy output is deterministic. Without -m the model is the
// one next to the binary (../share/sikao/models: in the build tree, a link to the source's).

#include <QtTest>

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

  void a_missing_model_is_a_one_line_error() {
    const auto r = sikao::test::run_cli({"run", "-m", "/nonexistent/model.gguf", "-p", "hi"});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("/nonexistent/model.gguf"), qPrintable(r.err));
    QCOMPARE(r.err.trimmed().count('\n'), 0);
  }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
