// The engine thread: token events cross to the UI thread in time-based batches, reasoning is
// split from the answer on the engine thread, stop and load-cancel act while the worker is busy,
// and failures come back as signals. The last test runs the real engine on the bundled demo
// reasoner (lavapipe or any Vulkan device) through the whole chat controller into SQLite.

#include <QtTest>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "chat/chat_controller.h"
#include "engine/engine_backend.h"
#include "engine/engine_host.h"
#include "fake_backend.h"
#include "model_loading.h"
#include "model/random_model.h"
#include "storage/history.h"
#include "support/test_support.h"

#include <unistd.h>

#include <filesystem>

using namespace sikao;
using namespace std::chrono_literals;

namespace {

chat::TurnRequest one_question() {
  chat::TurnRequest r;
  r.conversation.messages.push_back({"user", "hi", ""});
  r.settings.alternatives = 5;
  return r;
}

// The scripted model, loaded: a turn needs a loaded model.
bool load_fake_model(ui::EngineHost& host) {
  QSignalSpy loaded(&host, &ui::EngineHost::loaded);
  host.load(QStringLiteral("/models/fake.gguf"));
  return loaded.wait(5000);
}

std::vector<std::string> numbered_pieces(int n) {
  std::vector<std::string> pieces;
  for (int i = 0; i < n; ++i) pieces.push_back((i == 0 ? "w" : " w") + std::to_string(i));
  return pieces;
}

QString joined(const QList<QList<QVariant>>& batches, chat::DeltaKind part) {
  QString text;
  for (const auto& args : batches) {
    for (const auto& d : args.at(0).value<ui::TokenBatch>().deltas) {
      if (d.part == part) text += d.text;
    }
  }
  return text;
}

// The real engine, with a hook on its load progress: at the first report (on the engine thread,
// while the weights are being read) the model file is cut to half its size, as a download that
// restarts or a file being replaced would.
class CutWhileLoading : public ui::GenerationBackend {
 public:
  std::unique_ptr<chat::TurnEngine> load(const std::string& path, const LoadOptions& options) override {
    bool cut = false;
    LoadOptions hooked = options;
    hooked.progress = [&](float fraction) {
      if (!cut && path == cut_path) {
        const auto half = static_cast<off_t>(std::filesystem::file_size(cut_path) / 2);
        cut = ::truncate(cut_path.c_str(), half) == 0;
      }
      return options.progress(fraction);
    };
    return engine_.load(path, hooked);
  }

  std::string cut_path;

 private:
  ui::EngineBackend engine_;
};

} // namespace

class TestChatEngineHost : public QObject {
  Q_OBJECT

 private slots:
  void token_events_arrive_in_time_batches_not_one_signal_per_token() {
    auto script = std::make_shared<test::FakeScript>();
    script->turns = {numbered_pieces(120)};
    script->delay = 2ms;  // >= 240 ms of generation
    ui::EngineHost host(std::make_unique<test::FakeBackend>(script), 40ms);
    QVERIFY(load_fake_model(host));
    QSignalSpy batches(&host, &ui::EngineHost::tokens);
    QSignalSpy finished(&host, &ui::EngineHost::finished);
    host.generate(one_question());
    QVERIFY(finished.wait(10000));

    std::string expected;
    for (const auto& p : script->turns[0]) expected += p;
    QCOMPARE(joined(batches, chat::DeltaKind::Answer), QString::fromStdString(expected));
    qint64 tokens = 0;
    for (const auto& args : batches) tokens += args.at(0).value<ui::TokenBatch>().tokens.size();
    QCOMPARE(tokens, 120);
    // 120 tokens over >= 240 ms at one batch per 40 ms: a handful of batches, far fewer than
    // tokens (sleep granularity makes the exact count vary).
    QVERIFY2(batches.size() >= 3 && batches.size() <= 40, qPrintable(QString::number(batches.size())));
    QCOMPARE(batches.last().at(0).value<ui::TokenBatch>().generatedTokens, 120);
    QCOMPARE(finished.at(0).at(0).value<chat::TurnResult>().generated_tokens, 120);
  }

  void a_zero_interval_sends_every_token_on_its_own() {
    auto script = std::make_shared<test::FakeScript>();
    script->turns = {numbered_pieces(30)};
    script->delay = 1ms;
    ui::EngineHost host(std::make_unique<test::FakeBackend>(script), 0ms);
    QVERIFY(load_fake_model(host));
    QSignalSpy batches(&host, &ui::EngineHost::tokens);
    QSignalSpy finished(&host, &ui::EngineHost::finished);
    host.generate(one_question());
    QVERIFY(finished.wait(10000));
    QCOMPARE(batches.size(), 31);  // one per token, and the final flush
  }

  void reasoning_is_split_timed_and_counted_on_the_engine_thread() {
    auto script = std::make_shared<test::FakeScript>();
    script->turns = {{"<think>", "Add", " the", " ones", ".", "</think>", "The", " answer", " is", " 19."}};
    script->delay = 30ms;
    ui::EngineHost host(std::make_unique<test::FakeBackend>(script), 40ms);
    QVERIFY(load_fake_model(host));
    QSignalSpy batches(&host, &ui::EngineHost::tokens);
    QSignalSpy finished(&host, &ui::EngineHost::finished);
    host.generate(one_question());
    QVERIFY(finished.wait(10000));

    QCOMPARE(joined(batches, chat::DeltaKind::Reasoning), QStringLiteral("Add the ones."));
    QCOMPARE(joined(batches, chat::DeltaKind::Answer), QStringLiteral("The answer is 19."));
    const auto summary = finished.at(0).at(0).value<chat::TurnResult>();
    // <think> … </think>: six tokens inside the block; thinking ended with the 7th token, after
    // at least 7 × 30 ms, and before the last answer token (at least 3 × 30 ms later).
    QCOMPARE(summary.reasoning_tokens, 6);
    QVERIFY2(summary.reasoning_ms >= 200, qPrintable(QString::number(summary.reasoning_ms)));
    QVERIFY2(summary.reasoning_ms <= summary.total_ms - 80,
             qPrintable(QStringLiteral("%1 of %2").arg(summary.reasoning_ms).arg(summary.total_ms)));
    // Early batches are still thinking; the last one is not.
    QVERIFY(!batches.first().at(0).value<ui::TokenBatch>().reasoningDone);
    QVERIFY(batches.last().at(0).value<ui::TokenBatch>().reasoningDone);
    // Confidence travels with each token.
    const auto first = batches.first().at(0).value<ui::TokenBatch>();
    QVERIFY(!first.tokens.isEmpty());
    QCOMPARE(first.tokens[0].text, QStringLiteral("<think>"));
    QCOMPARE(first.tokens[0].probability, test::FakeScript::probability(0));
    QCOMPARE(first.tokens[0].alternatives.size(), 2);
  }

  void a_closing_tag_without_opener_turns_the_text_so_far_into_reasoning() {
    auto script = std::make_shared<test::FakeScript>();
    script->turns = {{"Let", " me", " think", "</think>", "Done", "."}};
    ui::EngineHost host(std::make_unique<test::FakeBackend>(script), 0ms);
    QVERIFY(load_fake_model(host));
    QSignalSpy batches(&host, &ui::EngineHost::tokens);
    QSignalSpy finished(&host, &ui::EngineHost::finished);
    host.generate(one_question());
    QVERIFY(finished.wait(10000));
    bool moved = false;
    for (const auto& args : batches) {
      for (const auto& d : args.at(0).value<ui::TokenBatch>().deltas) {
        moved = moved || d.part == chat::DeltaKind::AnswerWasReasoning;
      }
    }
    QVERIFY(moved);
    QCOMPARE(finished.at(0).at(0).value<chat::TurnResult>().reasoning_tokens, 4);
  }

  void a_spent_reasoning_budget_closes_the_block_and_the_answer_follows() {
    auto script = std::make_shared<test::FakeScript>();
    script->turns = {{"<think>", "a", " b", " c", " d", " e", " f", " g", " h"}, {"Answer", "."}};
    ui::EngineHost host(std::make_unique<test::FakeBackend>(script), 0ms);
    QVERIFY(load_fake_model(host));
    QSignalSpy batches(&host, &ui::EngineHost::tokens);
    QSignalSpy finished(&host, &ui::EngineHost::finished);
    auto request = one_question();
    request.settings.reasoning_budget = 3;
    host.generate(request);
    QVERIFY(finished.wait(10000));

    // Three tokens inside the block ("a", " b", " c"), then the closing text, then the answer.
    QCOMPARE(joined(batches, chat::DeltaKind::Reasoning), QStringLiteral("a b c"));
    QCOMPARE(joined(batches, chat::DeltaKind::Answer), QStringLiteral("Answer."));
    const auto summary = finished.at(0).at(0).value<chat::TurnResult>();
    QCOMPARE(summary.finish, FinishReason::EndOfText);
    QCOMPARE(summary.generated_tokens, 4 + 2);
    // The answer continued from the cache: prompt, the 4 generated tokens, "\n</think>\n\n".
    QCOMPARE(script->prompt_sizes.size(), size_t(2));
    QCOMPARE(script->prompt_sizes[1], script->prompt_sizes[0] + 4 + std::string("\n</think>\n\n").size());
  }

  void stop_acts_while_the_worker_is_generating() {
    auto script = std::make_shared<test::FakeScript>();
    script->turns = {numbered_pieces(500)};
    script->delay = 5ms;
    ui::EngineHost host(std::make_unique<test::FakeBackend>(script), 20ms);
    QVERIFY(load_fake_model(host));
    QSignalSpy batches(&host, &ui::EngineHost::tokens);
    QSignalSpy finished(&host, &ui::EngineHost::finished);
    host.generate(one_question());
    QVERIFY(batches.wait(5000));
    host.stop();
    QVERIFY(finished.wait(5000));
    const auto summary = finished.at(0).at(0).value<chat::TurnResult>();
    QCOMPARE(summary.finish, FinishReason::Stopped);
    QVERIFY(summary.generated_tokens > 0 && summary.generated_tokens < 500);
  }

  void generating_before_a_model_is_loaded_fails_with_a_message() {
    auto script = std::make_shared<test::FakeScript>();
    script->turns = {{"x"}};
    ui::EngineHost host(std::make_unique<test::FakeBackend>(script));
    QSignalSpy failed(&host, &ui::EngineHost::failed);
    host.generate(one_question());
    QVERIFY(failed.wait(5000));
    const auto report = failed.at(0).at(0).value<ui::ErrorReport>();
    QCOMPARE(report.kind, ui::ErrorKind::InvalidRequest);
    QCOMPARE(report.detail, QStringLiteral("no model is loaded"));
    QVERIFY(script->prompts.empty());
  }

  void load_reports_progress_and_can_be_cancelled() {
    auto script = std::make_shared<test::FakeScript>();
    script->turns = {{"x"}};
    ui::EngineHost host(std::make_unique<test::FakeBackend>(script));
    QSignalSpy progress(&host, &ui::EngineHost::loadProgress);
    QSignalSpy loaded(&host, &ui::EngineHost::loaded);
    host.load(QStringLiteral("/models/fake.gguf"));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(progress.size(), 11);  // 0 %, 10 %, … 100 %
    QCOMPARE(progress.last().at(0).toDouble(), 1.0);
    QCOMPARE(loaded.at(0).at(0).value<ui::ModelSummary>().name, QStringLiteral("Fake Reasoner"));

    QSignalSpy failed(&host, &ui::EngineHost::loadFailed);
    host.load(QStringLiteral("/models/other.gguf"));
    host.cancelLoad();
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).value<ui::ErrorReport>().kind, ui::ErrorKind::Cancelled);
  }

  // After a load the worker builds the model's pipelines (a minute of them, scripted) until a
  // request arrives: a question, another load and closing the app each stop it at once.
  void pipelines_are_built_after_a_load_until_a_request_arrives() {
    auto script = std::make_shared<test::FakeScript>();
    script->turns = {numbered_pieces(3)};
    script->build_time = 60s;
    const auto builds = [&] {
      std::lock_guard lock(script->mutex);
      return std::pair(script->builds, script->builds_stopped);
    };
    QElapsedTimer clock;
    clock.start();
    {
      ui::EngineHost host(std::make_unique<test::FakeBackend>(script), 40ms);
      QVERIFY(load_fake_model(host));
      QTRY_COMPARE_WITH_TIMEOUT(builds(), std::pair(1, 0), 5000);

      QSignalSpy finished(&host, &ui::EngineHost::finished);
      host.generate(one_question());
      QVERIFY(finished.wait(10000));
      QCOMPARE(builds(), std::pair(1, 1));
      QCOMPARE(finished.at(0).at(0).value<chat::TurnResult>().generated_tokens, 3);

      QVERIFY(load_fake_model(host));  // builds again, and is stopped by the next load
      QTRY_COMPARE_WITH_TIMEOUT(builds(), std::pair(2, 1), 5000);
      QVERIFY(load_fake_model(host));
      QTRY_COMPARE_WITH_TIMEOUT(builds(), std::pair(3, 2), 5000);
    }  // closing while the third build runs
    QCOMPARE(builds(), std::pair(3, 3));
    QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
  }

  // The settings' budget (MB) reaches the engine in bytes, and where the weights went comes back.
  void load_passes_the_device_memory_budget_and_reports_the_split() {
    auto script = std::make_shared<test::FakeScript>();
    script->turns = {{"x"}};
    ui::EngineHost host(std::make_unique<test::FakeBackend>(script));
    QSignalSpy loaded(&host, &ui::EngineHost::loaded);
    host.load(QStringLiteral("/models/fake.gguf"), -1, 0, 6000);
    QVERIFY(loaded.wait(5000));
    const auto summary = loaded.at(0).at(0).value<ui::ModelSummary>();
    QCOMPARE(summary.deviceWeightBytes, qint64(1'000'000));
    QCOMPARE(summary.hostWeightBytes, qint64(1'000'000));
    host.load(QStringLiteral("/models/fake.gguf"));  // 0: the engine's default
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.at(1).at(0).value<ui::ModelSummary>().hostWeightBytes, qint64(0));
    std::lock_guard lock(script->mutex);
    QCOMPARE(script->loads.size(), size_t(2));
    QCOMPARE(script->loads[0].device_memory_budget, std::optional<uint64_t>(6'000'000'000));
    QVERIFY(!script->loads[1].device_memory_budget);
  }

  void a_corrupt_model_fails_with_the_engines_message() {
    ui::EngineHost host(std::make_unique<ui::EngineBackend>());
    QTemporaryDir dir;
    const QString bad = dir.path() + "/corrupt.gguf";
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("GGUF not really");
    f.close();
    QSignalSpy failed(&host, &ui::EngineHost::loadFailed);
    host.load(bad);
    QVERIFY(failed.wait(30000));
    const auto report = failed.at(0).at(0).value<ui::ErrorReport>();
    QCOMPARE(report.kind, ui::ErrorKind::CorruptFile);
    QVERIFY2(report.detail.contains("corrupt.gguf"), qPrintable(report.detail));
  }

  // A model file that shrinks while the real engine loads it: the host reports "the file
  // changed" (no SIGBUS: the file is read, not mapped), and the same host loads the next model.
  void a_model_file_cut_while_loading_fails_and_the_host_loads_the_next() {
    QTemporaryDir dir;
    model::RandomModelOptions o;
    o.shape = *model::shape_preset("test-llama3");
    o.file_type = model::FileType::Q8_0;
    const std::string file = (dir.path() + "/cut.gguf").toStdString();
    model::write_random_model(file, o);
    auto backend = std::make_unique<CutWhileLoading>();
    backend->cut_path = file;
    ui::EngineHost host(std::move(backend));
    QSignalSpy failed(&host, &ui::EngineHost::loadFailed);
    QSignalSpy loaded(&host, &ui::EngineHost::loaded);
    host.load(QString::fromStdString(file));
    QVERIFY(failed.wait(120000));
    const QString message = failed.at(0).at(0).value<ui::ErrorReport>().detail;
    QVERIFY2(message.contains("the file changed while"), qPrintable(message));
    host.load(QStringLiteral(SIKAO_SOURCE_DIR "/tests/tools/bundled_model/sikao-demo-reasoner-F16.gguf"));
    QVERIFY(loaded.wait(120000));
    QCOMPARE(failed.size(), 1);
  }

  void the_real_engine_answers_and_its_reasoning_and_answer_land_in_the_database() {
    QTemporaryDir dir;
    storage::History history((dir.path() + "/history.db").toStdString());
    ui::EngineHost host(std::make_unique<ui::EngineBackend>());
    ui::Settings settings(std::make_unique<QSettings>(dir.path() + "/settings.ini", QSettings::IniFormat));
    settings.setTemperature(0.0);  // greedy
    settings.setMaxTokens(256);
    test::TestModels models(host, &settings);
    ui::ChatController chat(history, host, models.manager, &settings);
    QVERIFY(models.load(QStringLiteral(SIKAO_SOURCE_DIR "/tests/tools/bundled_model/sikao-demo-reasoner-F16.gguf"), 120000));
    QVERIFY(models.manager.loadedContextLength() > 0);
    QVERIFY(!models.manager.loadedDevice().isEmpty());

    QSignalSpy done(&chat, &ui::ChatController::generationFinished);
    QVERIFY(chat.send(QStringLiteral("What is 12 + 7?")));
    QVERIFY(done.wait(300000));
    QCOMPARE(chat.lastError(), QString());

    const auto path = history.active_path(chat.conversationId());
    QCOMPARE(path.size(), size_t(2));
    const auto& answer = path[1];
    QCOMPARE(answer.status, storage::MessageStatus::Complete);
    QVERIFY2(answer.content.find("19") != std::string::npos, answer.content.c_str());
    QVERIFY2(answer.reasoning.find("12 + 7 = 19") != std::string::npos, answer.reasoning.c_str());
    QVERIFY(answer.content.find("<think>") == std::string::npos);
    QVERIFY(answer.stats.reasoning_tokens > 0);
    QVERIFY(answer.stats.reasoning_tokens < answer.stats.generated_tokens);
    QVERIFY(answer.stats.reasoning_ms > 0);
    QVERIFY(answer.stats.tokens_per_second > 0);
    QVERIFY(chat.contextUsed() > 17);
    // The inspector has per-token probabilities for the reasoning of the fresh message.
    chat.inspect(1);
    QVERIFY(chat.inspector()->rowCount() >= 1);
    QVERIFY(chat.inspector()->hasConfidence());
  }

  void the_real_engine_honours_thinking_off_and_a_reasoning_budget() {
    QTemporaryDir dir;
    storage::History history((dir.path() + "/history.db").toStdString());
    ui::EngineHost host(std::make_unique<ui::EngineBackend>());
    ui::Settings settings(std::make_unique<QSettings>(dir.path() + "/settings.ini", QSettings::IniFormat));
    settings.setTemperature(0.0);  // greedy
    settings.setMaxTokens(128);
    test::TestModels models(host, &settings);
    ui::ChatController chat(history, host, models.manager, &settings);
    QVERIFY(models.load(QStringLiteral(SIKAO_SOURCE_DIR "/tests/tools/bundled_model/sikao-demo-reasoner-F16.gguf"), 120000));
    QVERIFY(chat.modelReasons());
    QSignalSpy done(&chat, &ui::ChatController::generationFinished);

    // Thinking off: the template closes an empty block in the prompt; the model answers directly.
    chat.setThinkingEnabled(false);
    QVERIFY(chat.send(QStringLiteral("What is 12 + 7?")));
    QVERIFY(done.wait(300000));
    auto answer = history.active_path(chat.conversationId()).back();
    QCOMPARE(answer.reasoning, std::string());
    QVERIFY(!answer.content.empty());
    QCOMPARE(answer.stats.reasoning_tokens, 0);

    // A budget of 4 reasoning tokens: the block is closed early and an answer follows.
    chat.newChat();
    chat.setReasoningBudget(4);
    QVERIFY(chat.send(QStringLiteral("What is 12 + 7?")));
    QVERIFY(done.wait(300000));
    answer = history.active_path(chat.conversationId()).back();
    QCOMPARE(answer.status, storage::MessageStatus::Complete);
    QVERIFY(!answer.reasoning.empty());
    QVERIFY2(answer.reasoning.size() < 40, answer.reasoning.c_str());  // "Add digit by digit" at most
    QVERIFY2(!answer.content.empty(), answer.reasoning.c_str());
    // What the model writes after the forced close is its own (a cut-short thought may give a
    // wrong answer); the budget bounds the reasoning block, and the answer still streams.
    // The count holds the budget's 4 tokens and one tag token.
    QVERIFY2(answer.stats.reasoning_tokens <= 4 + 1,
             qPrintable(QString::number(answer.stats.reasoning_tokens)));
  }
  // 60 turns with the real engine at a 512-token context through the controller: every answer
  // is stored, the oldest messages are marked outside the model's view (and the chat says how
  // many), and the last answer starts about as fast as the first (the cache still serves it).
  void sixty_turns_at_a_512_token_context_answer_and_mark_the_messages_outside_the_view() {
    QTemporaryDir dir;
    storage::History history((dir.path() + "/history.db").toStdString());
    ui::EngineHost host(std::make_unique<ui::EngineBackend>());
    ui::Settings settings(std::make_unique<QSettings>(dir.path() + "/settings.ini", QSettings::IniFormat));
    settings.setTemperature(0.0);  // greedy
    settings.setMaxTokens(256);
    settings.setSystemPrompt(QStringLiteral("You are a careful assistant. Think step by step, then answer in one sentence."));
    settings.setContextLength(512);
    test::TestModels models(host, &settings);
    ui::ChatController chat(history, host, models.manager, &settings);
    QVERIFY(models.load(QStringLiteral(SIKAO_SOURCE_DIR "/tests/tools/bundled_model/sikao-demo-reasoner-F16.gguf"), 120000));
    QCOMPARE(models.manager.loadedContextLength(), 512);
    QVERIFY(!chat.stopWhenContextFull());

    // Prefill pipelines are compiled on first use: a long throwaway question in its own chat.
    QSignalSpy done(&chat, &ui::ChatController::generationFinished);
    QString warm_up;
    for (int i = 0; i < 30; ++i) warm_up += QStringLiteral("What is %1 + %2? ").arg(100 + i).arg(7 * i);
    QVERIFY(chat.send(warm_up));
    QVERIFY(done.wait(120000));
    chat.newChat();

    std::vector<int> first_token_ms;
    for (int i = 0; i < 60; ++i) {
      const QString question = i % 2 == 0 ? QStringLiteral("What is %1 + %2?").arg(120 + 7 * i).arg(30 + 3 * i)
                                          : QStringLiteral("What is %1 - %2?").arg(400 + 5 * i).arg(20 + 2 * i);
      QVERIFY2(chat.send(question), qPrintable(chat.sendDisabledReason()));
      QVERIFY(done.wait(120000));
      QCOMPARE(chat.lastError(), QString());
      first_token_ms.push_back(chat.firstTokenMs());
    }
    const auto path = history.active_path(chat.conversationId());
    QCOMPARE(path.size(), size_t(120));
    for (size_t m = 1; m < path.size(); m += 2) {
      QVERIFY2(path[m].status == storage::MessageStatus::Complete ||
                   (path[m].status == storage::MessageStatus::Stopped && path[m].error == "context full"),
               qPrintable(QStringLiteral("answer %1: %2").arg(m).arg(QString::fromStdString(path[m].error))));
      QVERIFY(!(path[m].content + path[m].reasoning).empty());
    }
    // Whole turns are outside the view, at the start; the chat says how many.
    auto& list = *chat.messages();
    const int outside = list.outsideView();
    QVERIFY2(outside > 60 && outside < 120 && outside % 2 == 0, qPrintable(QString::number(outside)));
    for (int row = 0; row < list.rowCount(); ++row) {
      QCOMPARE(list.data(list.index(row), ui::MessageListModel::OutsideViewRole).toBool(), row < outside);
    }
    QCOMPARE(chat.contextNotice(), QStringLiteral("%1 earlier messages are outside the model's view").arg(outside));
    // The last turns' time to the first token within 2x the first turns' (prefix reuse still
    // works once turns are left out), as medians of five turns each (test::median).
    const int first = test::median(std::vector<int>(first_token_ms.begin(), first_token_ms.begin() + 5));
    const int last = test::median(std::vector<int>(first_token_ms.end() - 5, first_token_ms.end()));
    QVERIFY2(last <= 2 * std::max(first, 1),
             qPrintable(QStringLiteral("first turns %1 ms, last turns %2 ms (medians)").arg(first).arg(last)));

    // Reopened, the chat shows every message again until the next answer says otherwise.
    const qint64 id = chat.conversationId();
    chat.newChat();
    chat.openConversation(id);
    QCOMPARE(chat.contextNotice(), QString());
  }

  // "Stop when the context is full": a chat that has outgrown the context gets a message and
  // no answer, and the choice is stored with the chat.
  void stop_when_the_context_is_full_ends_the_turn_with_a_message() {
    QTemporaryDir dir;
    storage::History history((dir.path() + "/history.db").toStdString());
    ui::EngineHost host(std::make_unique<ui::EngineBackend>());
    ui::Settings settings(std::make_unique<QSettings>(dir.path() + "/settings.ini", QSettings::IniFormat));
    settings.setTemperature(0.0);
    settings.setContextLength(128);
    test::TestModels models(host, &settings);
    ui::ChatController chat(history, host, models.manager, &settings);
    QVERIFY(models.load(QStringLiteral(SIKAO_SOURCE_DIR "/tests/tools/bundled_model/sikao-demo-reasoner-F16.gguf"), 120000));
    QSignalSpy done(&chat, &ui::ChatController::generationFinished);
    QVERIFY(chat.send(QStringLiteral("What is 1 + 2?")));
    QVERIFY(done.wait(120000));
    chat.setStopWhenContextFull(true);
    QString long_question;
    for (int i = 0; i < 20; ++i) long_question += QStringLiteral("What is %1 + %2? ").arg(100 + i).arg(7 * i);
    QVERIFY(chat.send(long_question));
    QVERIFY(done.wait(120000));
    QVERIFY2(chat.lastError().contains("no longer fits the model's context"), qPrintable(chat.lastError()));
    const auto path = history.active_path(chat.conversationId());
    QCOMPARE(path.size(), size_t(4));
    QCOMPARE(path[3].status, storage::MessageStatus::Error);
    QVERIFY(path[3].content.empty());
    QCOMPARE(path[2].content, long_question.toStdString());  // the question is kept
    QVERIFY(history.conversation(chat.conversationId()).settings_json.find("\"context_overflow\":\"stop\"") !=
            std::string::npos);
  }
};

QTEST_MAIN(TestChatEngineHost)
#include "tst_chat_engine_host.moc"
