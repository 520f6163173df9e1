// The desktop app and sikao-cli run answer a turn through the same chat::ChatTurn: for the same
// question and settings they send the engine the same prompt tokens (the budget's continuation
// included) and get the same reasoning and answer. First with the scripted engine, the app's
// whole path (ChatController, engine thread, message list, history) against run's own code
// (cli/run.h) in this process; then with the real engine on the bundled demo reasoner, the app's
// path against the sikao-cli binary.

#include <QtTest>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <cstdio>

#include "chat/chat_controller.h"
#include "cli/run.h"
#include "engine/engine_backend.h"
#include "engine/engine_host.h"
#include "fake_backend.h"
#include "model_loading.h"
#include "storage/history.h"
#include "support/test_support.h"

using namespace sikao;
using namespace std::chrono_literals;

namespace {

const QString k_model = QStringLiteral(SIKAO_SOURCE_DIR "/tests/tools/bundled_model/sikao-demo-reasoner-F16.gguf");

// What a front end made of a turn: the stored (or printed) reasoning and answer.
struct Answer {
  std::string reasoning;
  std::string content;
  int64_t prompt_tokens = 0;
};

// The app: a chat with `settings` (null: the defaults), one question, the answer as stored.
Answer ask_the_app(storage::History& history, ui::EngineHost& host, const QString& model,
                   const QString& question, const ui::Settings* settings, int reasoning_budget) {
  test::TestModels models(host, settings);
  ui::ChatController chat(history, host, models.manager, settings);
  if (!models.load(model, 120000)) return {};
  chat.setReasoningBudget(reasoning_budget);
  QSignalSpy done(&chat, &ui::ChatController::generationFinished);
  if (!chat.send(question) || !done.wait(300000)) return {};
  const auto path = history.active_path(chat.conversationId());
  if (path.size() != 2 || !chat.lastError().isEmpty()) {
    qWarning() << "no answer:" << chat.lastError() << chat.lastErrorDetail();
    return {};
  }
  return {path[1].reasoning, path[1].content, path[1].stats.prompt_tokens};
}

// Splits what sikao-cli run printed: the answer on stdout (ending in a newline), the reasoning
// on stderr between [reasoning] and [/reasoning].
Answer parse_run_output(const std::string& out, const std::string& err) {
  Answer a;
  a.content = out.substr(0, out.empty() ? 0 : out.size() - 1);
  const auto open = err.find("[reasoning]\n");
  const auto close = err.find("\n[/reasoning]\n");
  if (open != std::string::npos && close != std::string::npos) {
    a.reasoning = err.substr(open + 12, close - open - 12);
  }
  static const QRegularExpression prompt_tokens(QStringLiteral("^(\\d+) prompt tokens"),
                                                QRegularExpression::MultilineOption);
  const auto m = prompt_tokens.match(QString::fromStdString(err));
  if (m.hasMatch()) a.prompt_tokens = m.captured(1).toLongLong();
  return a;
}

std::string read_all(std::FILE* f) {
  std::rewind(f);
  std::string s;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) s.append(buffer, n);
  return s;
}

} // namespace

class TestChatTurnFronts : public QObject {
  Q_OBJECT

 private slots:
  void the_app_and_run_send_the_same_prompt_tokens_and_get_the_same_deltas() {
    // Reasoning spent at a budget of 3 tokens, closed by the turn, then the answer.
    const std::vector<std::vector<std::string>> turns = {
        {"<think>", "Carry", " the", " one", " now", "</think>"}, {"The", " answer", " is", " 623", "."}};
    const QString question = QStringLiteral("What is 345 + 278?");

    auto app_script = std::make_shared<test::FakeScript>();
    app_script->turns = turns;
    app_script->delay = 1ms;
    QTemporaryDir dir;
    storage::History history((dir.path() + "/history.db").toStdString());
    ui::EngineHost host(std::make_unique<test::FakeBackend>(app_script), 0ms);
    const QString fake_model = dir.path() + "/fake.gguf";  // the model manager loads only files that exist
    QVERIFY(QFile(fake_model).open(QIODevice::WriteOnly));
    const Answer app = ask_the_app(history, host, fake_model, question, nullptr, 3);

    auto cli_script = std::make_shared<test::FakeScript>();
    cli_script->turns = turns;
    cli_script->delay = 1ms;
    test::ScriptedTurnEngine engine(cli_script);
    const auto options = cli::parse_run_options(
        {"-p", question.toStdString(), "--reasoning-budget", "3", "-n", "1024"}, cli::GlobalOptions{});
    std::FILE* out = std::tmpfile();
    std::FILE* err = std::tmpfile();
    QVERIFY(out && err);
    const chat::TurnResult result = cli::run_turn(engine, options, out, err);
    const Answer run = parse_run_output(read_all(out), read_all(err));
    std::fclose(out);
    std::fclose(err);

    QCOMPARE(app_script->prompts.size(), size_t(2));  // the question, and the budget's continuation
    QCOMPARE(cli_script->prompts, app_script->prompts);
    QCOMPARE(app.reasoning, std::string("Carry the one"));
    QCOMPARE(app.content, std::string("The answer is 623."));
    QCOMPARE(run.reasoning, app.reasoning);
    QCOMPARE(run.content, app.content);
    QCOMPARE(run.prompt_tokens, app.prompt_tokens);
    QCOMPARE(result.reasoning_tokens, int64_t(1 + 3));  // <think> and the block's 3
    QCOMPARE(result.generated_tokens, int64_t(4 + 5));
  }

  void the_app_and_run_give_the_same_greedy_answer_on_the_real_engine() {
    const QString question = QStringLiteral("What is 345 + 278?");
    QTemporaryDir dir;
    storage::History history((dir.path() + "/history.db").toStdString());
    ui::EngineHost host(std::make_unique<ui::EngineBackend>());
    ui::Settings settings(std::make_unique<QSettings>(dir.path() + "/settings.ini", QSettings::IniFormat));
    settings.setTemperature(0.0);  // greedy
    settings.setMaxTokens(256);
    const Answer app = ask_the_app(history, host, k_model, question, &settings, 0);
    QVERIFY2(!app.content.empty() && !app.reasoning.empty(), app.content.c_str());

    const auto cli = test::run_cli({"run", "-m", k_model, "-p", question, "--temp", "0", "-n", "256"});
    QCOMPARE(cli.exit_code, 0);
    const Answer run = parse_run_output(cli.out.toStdString(), cli.err.toStdString());
    QVERIFY2(app.content.find("623") != std::string::npos, app.content.c_str());
    QCOMPARE(run.content, app.content);
    QCOMPARE(run.reasoning, app.reasoning);
    QCOMPARE(run.prompt_tokens, app.prompt_tokens);
  }
};

QTEST_MAIN(TestChatTurnFronts)
#include "tst_chat_turn_fronts.moc"
