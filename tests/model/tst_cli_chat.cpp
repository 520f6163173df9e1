// sikao-cli chat end to end on the bundled demo model (a qwen3 reasoning model with a ChatML
// template and an enable_thinking switch): from a pipe, as a script drives it, and through a
// pseudo-terminal, as a person does (line editing, Ctrl-C, Ctrl-D). Each conversation must then
// be in the history database, as `sikao-cli history` reads it.

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>

#include "support/test_support.h"

namespace {

const QString k_model = QStringLiteral(SIKAO_SOURCE_DIR "/tests/tools/bundled_model/sikao-demo-reasoner-F16.gguf");

QJsonArray exported(const QString& db) {
  const auto r = sikao::test::run_cli({"--db", db, "history", "export", "--all", "--format", "json"});
  if (r.exit_code != 0) qWarning("history export: %s", qPrintable(r.err));
  const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8());
  return doc.isObject() ? doc.object().value("conversations").toArray() : doc.array();
}

QJsonArray messages_of(const QJsonObject& conversation) { return conversation.value("messages").toArray(); }

// sikao-cli on the slave side of a pseudo-terminal: it sees a terminal on stdin and stdout and
// gets SIGINT from a \x03 written to the master, as from a keyboard.
class PtyCli {
 public:
  explicit PtyCli(const QStringList& args) {
    QList<QByteArray> bytes{QByteArray(SIKAO_CLI_PATH)};
    for (const auto& a : args) bytes.push_back(a.toUtf8());
    std::vector<char*> argv;
    for (auto& b : bytes) argv.push_back(b.data());
    argv.push_back(nullptr);
    winsize size{24, 200, 0, 0};
    pid_ = forkpty(&master_, nullptr, nullptr, &size);
    if (pid_ == 0) {
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  ~PtyCli() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) close(master_);
  }
  PtyCli(const PtyCli&) = delete;
  PtyCli& operator=(const PtyCli&) = delete;

  bool started() const { return pid_ > 0; }
  const QByteArray& output() const { return output_; }

  void type(const QByteArray& keys) { QCOMPARE(::write(master_, keys.data(), keys.size()), keys.size()); }

  // Reads until `pattern` appears after offset `from` of the output; its end, or -1 on timeout.
  qsizetype wait_for(const QByteArray& pattern, qsizetype from, int timeout_ms = 60000) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      if (const qsizetype at = output_.indexOf(pattern, from); at >= 0) return at + pattern.size();
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return -1;
      pollfd p{master_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return -1;
      char buf[4096];
      const ssize_t n = ::read(master_, buf, sizeof buf);
      if (n <= 0) return -1;  // the slave closed: the program ended
      output_.append(buf, n);
    }
  }

  // The exit status, or -1 if it did not exit normally within the time.
  int wait_exit(int timeout_ms = 30000) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < deadline) {
      char buf[4096];
      pollfd p{master_, POLLIN, 0};
      if (poll(&p, 1, 50) > 0) {
        const ssize_t n = ::read(master_, buf, sizeof buf);
        if (n > 0) output_.append(buf, n);
      }
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
    }
    return -1;
  }

 private:
  int master_ = -1;
  pid_t pid_ = -1;
  bool exited_ = false;
  QByteArray output_;
};

} // namespace

class TestCliChat : public QObject {
  Q_OBJECT

 private slots:
  void piped_turns_and_commands_are_stored_as_conversations() {
    QTemporaryDir dir;
    const QString db = dir.filePath("history.db");
    const QByteArray input =
        "What is 345 + 278?\n"
        "/think off\n"
        "What is\\\n"
        "2 + 3?\n"
        "/bogus\n"
        "/effort high\n"
        "/new\n"
        "/system You answer briefly.\n"
        "What is 10 + 20?\n";
    const auto r = sikao::test::run_cli_with_input(
        {"--db", db, "chat", "-m", k_model, "--temp", "0", "-n", "200"}, input, 60000);
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("[reasoning]\n") && r.out.contains("[/reasoning]\n"), qPrintable(r.out));
    QVERIFY2(r.out.contains("623"), qPrintable(r.out));
    QVERIFY2(r.out.contains("(thinking off)") && r.out.contains("(a new conversation)") &&
                 r.out.contains("(system prompt set)"),
             qPrintable(r.out));
    QVERIFY2(r.out.contains("unknown command /bogus"), qPrintable(r.out));
    QVERIFY2(r.out.contains("/effort has no effect"), qPrintable(r.out));  // a switch, not an effort
    QVERIFY2(!r.out.contains('\x1b') && !r.err.contains('\x1b'), "escape codes written to a pipe");
    QVERIFY2(!r.out.contains("> "), "a prompt written to a pipe");

    const auto list = sikao::test::run_cli({"--db", db, "history", "list"});
    QCOMPARE(list.exit_code, 0);
    QCOMPARE(list.out.count('\n'), 2);
    QVERIFY2(list.out.contains("4 msgs  What is 345 + 278?"), qPrintable(list.out));
    QVERIFY2(list.out.contains("2 msgs  What is 10 + 20?"), qPrintable(list.out));

    const QJsonArray conversations = exported(db);
    QCOMPARE(conversations.size(), 2);
    QJsonObject first = conversations[0].toObject(), second = conversations[1].toObject();
    if (first.value("title").toString() != "What is 345 + 278?") std::swap(first, second);
    const QJsonArray m = messages_of(first);
    QCOMPARE(m.size(), 4);
    QCOMPARE(m[0].toObject().value("role").toString(), QStringLiteral("user"));
    QCOMPARE(m[2].toObject().value("content").toString(), QStringLiteral("What is\n2 + 3?"));
    for (const int answer : {1, 3}) {
      const QJsonObject a = m[answer].toObject();
      QCOMPARE(a.value("role").toString(), QStringLiteral("assistant"));
      QCOMPARE(a.value("status").toString(), QStringLiteral("complete"));
      QVERIFY(!a.value("content").toString().isEmpty());
    }
    QVERIFY2(m[1].toObject().value("reasoning").toString().contains("digit"), "the first answer reasons");
    QCOMPARE(m[3].toObject().value("reasoning").toString(), QString());  // /think off
    QVERIFY(m[1].toObject().value("content").toString().contains("623"));
    QVERIFY2(first.value("settings_json").toString().contains("\"enable_thinking\":false"),
             qPrintable(first.value("settings_json").toString()));
    QCOMPARE(second.value("system_prompt").toString(), QStringLiteral("You answer briefly."));
    QCOMPARE(messages_of(second).size(), 2);
  }

  // /load answers with another model from the next turn in the same conversation; a file that
  // does not load is said and changes nothing.
  void load_switches_the_model_within_the_conversation() {
    QTemporaryDir dir;
    const QString db = dir.filePath("history.db");
    const QString broken = dir.filePath("broken.gguf");
    {
      QFile f(broken);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("GGUF but not really");
    }
    const QString stories = QString::fromStdString(sikao::test::shared_path("models/stories260K/stories260K.gguf"));
    const QByteArray input = "What is 345 + 278?\n"
                             "/load " + broken.toUtf8() + "\n"
                             "/load\n"
                             "What is 2 + 3?\n"
                             "/load " + stories.toUtf8() + "\n"
                             "/effort high\n"
                             "Once upon a time\n";
    const auto r = sikao::test::run_cli_with_input(
        {"--db", db, "chat", "-m", k_model, "--temp", "0", "-n", "200"}, input, 60000);
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(broken + " was not loaded: ") && r.out.contains("still answering with Sikao demo reasoner"),
             qPrintable(r.out));
    QVERIFY2(r.out.contains("(Sikao demo reasoner"), qPrintable(r.out));  // /load alone names the model
    QVERIFY2(r.out.contains("(now answering with "), qPrintable(r.out));
    QVERIFY2(r.out.contains("/effort has no effect"), qPrintable(r.out));  // the new model has no effort

    const QJsonArray conversations = exported(db);
    QCOMPARE(conversations.size(), 1);  // one conversation across the switch
    const QJsonArray m = messages_of(conversations[0].toObject());
    QCOMPARE(m.size(), 6);
    const QString demo = m[1].toObject().value("model").toString();
    QVERIFY2(demo.startsWith("Sikao demo reasoner"), qPrintable(demo));
    QCOMPARE(m[3].toObject().value("model").toString(), demo);  // the broken file changed nothing
    QVERIFY2(m[3].toObject().value("content").toString().contains("5"), qPrintable(m[3].toObject().value("content").toString()));
    const QJsonObject last = m[5].toObject();
    QVERIFY2(last.value("model").toString() != demo && !last.value("model").toString().isEmpty(),
             qPrintable(last.value("model").toString()));
    QCOMPARE(last.value("status").toString(), QStringLiteral("complete"));
  }

  // The conversation state carries over: at --ctx 512 the oldest turns leave the model's view
  // (TurnResult::next_outside_view becomes the next turn's Conversation::outside_view) and every
  // turn is answered.
  void a_chat_longer_than_the_context_answers_every_turn() {
    QTemporaryDir dir;
    const QString db = dir.filePath("history.db");
    QByteArray input;
    const int turns = 24;
    for (int i = 0; i < turns; ++i) input += QByteArray("What is ") + QByteArray::number(100 + i) + " + 23?\n";
    const auto r = sikao::test::run_cli_with_input(
        {"--db", db, "chat", "-m", k_model, "--temp", "0", "-n", "120", "--ctx", "512"}, input, 120000);
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY2(!r.out.contains("error:"), qPrintable(r.out));
    QVERIFY2(r.out.contains("earlier message(s) are outside the model's view]"), qPrintable(r.out));
    const QJsonArray conversations = exported(db);
    QCOMPARE(conversations.size(), 1);
    const QJsonArray m = messages_of(conversations[0].toObject());
    QCOMPARE(m.size(), 2 * turns);
    for (int i = 1; i < m.size(); i += 2) {
      QVERIFY2(m[i].toObject().value("status").toString() != "error", qPrintable(m[i].toObject().value("error").toString()));
      // The toy model sometimes spends a turn reasoning: something was generated either way.
      QVERIFY(!(m[i].toObject().value("content").toString() + m[i].toObject().value("reasoning").toString()).isEmpty());
    }
  }

  void through_a_terminal_ctrl_c_stops_the_answer_and_keeps_it_and_ctrl_d_leaves() {
    QTemporaryDir dir;
    const QString db = dir.filePath("history.db");
    PtyCli cli({"--db", db, "chat", "-m", k_model, "--temp", "0", "-n", "2000"});
    QVERIFY(cli.started());
    qsizetype at = cli.wait_for("\r> ", 0);
    QVERIFY2(at >= 0, cli.output().constData());

    // Line editing: "What is 2 3?", two characters left, "+ " inserted.
    cli.type("What is 2 3?\x1b[D\x1b[D+ \r");
    at = cli.wait_for("\x1b[22m", at);  // the reasoning ends; the answer follows
    QVERIFY2(at >= 0, cli.output().constData());
    at = cli.wait_for("\r> ", at);
    QVERIFY2(at >= 0, cli.output().constData());

    // Up recalls the question; Ctrl-C as soon as the faint reasoning streams stops it.
    cli.type("\x1b[A\r");
    at = cli.wait_for("\x1b[2m", at);
    QVERIFY2(at >= 0, cli.output().constData());
    cli.type("\x03");
    at = cli.wait_for("[stopped: the answer so far is kept]", at);
    QVERIFY2(at >= 0, cli.output().constData());
    at = cli.wait_for("\r> ", at);
    QVERIFY2(at >= 0, cli.output().constData());

    // Ctrl-C at the prompt clears the typed line; Ctrl-D on the empty prompt leaves.
    cli.type("never sent\x03");
    at = cli.wait_for("(Ctrl-C again or Ctrl-D to leave)", at);
    QVERIFY2(at >= 0, cli.output().constData());
    at = cli.wait_for("\r> ", at);
    QVERIFY2(at >= 0, cli.output().constData());
    cli.type("\x04");
    QCOMPARE(cli.wait_exit(), 0);

    const QJsonArray conversations = exported(db);
    QCOMPARE(conversations.size(), 1);
    const QJsonArray m = messages_of(conversations[0].toObject());
    QCOMPARE(m.size(), 4);
    QCOMPARE(m[0].toObject().value("content").toString(), QStringLiteral("What is 2 + 3?"));
    QCOMPARE(m[1].toObject().value("status").toString(), QStringLiteral("complete"));
    QCOMPARE(m[2].toObject().value("content").toString(), QStringLiteral("What is 2 + 3?"));
    const QJsonObject stopped = m[3].toObject();
    QCOMPARE(stopped.value("status").toString(), QStringLiteral("stopped"));
    QVERIFY2(!stopped.value("reasoning").toString().isEmpty(), "the partial reasoning is kept");
  }
};

QTEST_GUILESS_MAIN(TestCliChat)
#include "tst_cli_chat.moc"
