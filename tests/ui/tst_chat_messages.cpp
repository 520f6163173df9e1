// The open conversation through the ChatController, with the scripted engine and a real History
// on a temporary database: streaming with reasoning, its timing and token probabilities (kept
// across a restart), stop keeping the partial answer, regenerate and edit-and-resend as
// branches, failures, the inspector, long messages cut into bounded pieces, the question stored
// by the storage worker before its answer starts, a read-only history and a template fallback.

#include <QtTest>

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>

#include "chat/chat_controller.h"
#include "chat/markdown_segments.h"
#include "engine/engine_host.h"
#include "fake_backend.h"
#include "model_loading.h"
#include "storage/history.h"

using namespace sikao;
using namespace std::chrono_literals;
using namespace std::string_literals;
using ui::MessageListModel;

namespace {

const std::vector<std::string> k_reasoned = {"<think>", "Add", " the", " ones", ".", "</think>",
                                             "The", " answer", " is", " 19."};

struct Fixture {
  QTemporaryDir dir;
  QString db = dir.path() + "/history.db";
  std::shared_ptr<test::FakeScript> script = std::make_shared<test::FakeScript>();
  std::unique_ptr<storage::History> history;
  std::unique_ptr<ui::EngineHost> host;
  std::unique_ptr<test::TestModels> models;
  std::unique_ptr<ui::ChatController> chat;

  explicit Fixture(std::vector<std::vector<std::string>> turns, std::chrono::milliseconds delay = 5ms) {
    script->turns = std::move(turns);
    script->delay = delay;
    history = std::make_unique<storage::History>(db.toStdString());
    host = std::make_unique<ui::EngineHost>(std::make_unique<test::FakeBackend>(script), 20ms);
    models = std::make_unique<test::TestModels>(*host);
    chat = std::make_unique<ui::ChatController>(*history, *host, models->manager);
  }
  bool load() { return models->load(models->file(QStringLiteral("fake.gguf"))); }
  const ui::ModelManager& manager() const { return models->manager; }
  bool turn(const std::function<bool()>& start) {
    QSignalSpy done(chat.get(), &ui::ChatController::generationFinished);
    return start() && done.wait(10000);
  }
  MessageListModel& messages() { return *chat->messages(); }
  QVariant at(int row, int role) { return messages().data(messages().index(row), role); }
};

} // namespace

class TestChatMessages : public QObject {
  Q_OBJECT

 private slots:
  void sending_is_disabled_with_a_reason_until_a_model_is_loaded() {
    Fixture f({{"x"}});
    QVERIFY(!f.chat->canSend());
    QVERIFY(f.chat->sendDisabledReason().contains("No model"));
    QVERIFY(!f.chat->send(QStringLiteral("hello")));
    QVERIFY(f.history->conversation_ids().empty());

    f.models->manager.load(f.models->file(QStringLiteral("corrupt.gguf")));
    QCOMPARE(f.manager().state(), ui::ModelManager::State::Loading);
    QVERIFY(f.chat->sendDisabledReason().contains("loading"));
    QTRY_VERIFY_WITH_TIMEOUT(f.manager().state() != ui::ModelManager::State::Loading, 5000);
    QCOMPARE(f.manager().state(), ui::ModelManager::State::Failed);
    QCOMPARE(f.manager().error()->kind, ui::ErrorKind::CorruptFile);
    QVERIFY2(f.manager().errorDetail().contains("corrupt.gguf"), qPrintable(f.manager().errorDetail()));
    QVERIFY(!f.chat->canSend());

    QVERIFY(f.load());
    QVERIFY(f.chat->canSend());
    QCOMPARE(f.manager().loadedName(), QStringLiteral("Fake Reasoner"));
    QCOMPARE(f.manager().loadedDevice(), QStringLiteral("Scripted device"));
    QCOMPARE(f.manager().loadedContextLength(), 2048);
  }

  // Issue 14: a model whose template fails (overflow, over budget) is answered in the built-in
  // format; the window says so until another model is loaded.
  void a_template_that_could_not_be_used_is_reported_until_the_next_load() {
    Fixture f({{"Hi"}});
    QVERIFY(f.load());
    QSignalSpy changed(f.chat.get(), &ui::ChatController::templateWarningChanged);
    {
      std::lock_guard lock(f.script->mutex);
      f.script->template_warning = "chat template not used (tokenizer.chat_template:1: integer overflow in "
                                   "-9223372036854775808 // -1); using the built-in 'chatml' format";
    }
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("hello")); }));
    QVERIFY2(f.chat->templateWarning().contains("integer overflow"), qPrintable(f.chat->templateWarning()));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(f.at(1, MessageListModel::ContentRole).toString(), QStringLiteral("Hi"));  // answered anyway
    QVERIFY(f.chat->lastError().isEmpty());  // a note, not an error popup on every turn
    QVERIFY(f.turn([&] { return f.chat->regenerate(1); }));
    QCOMPARE(changed.count(), 1);
    {
      std::lock_guard lock(f.script->mutex);
      f.script->template_warning.clear();
    }
    QVERIFY(f.load());
    QVERIFY(f.chat->templateWarning().isEmpty());
  }

  // Issue 14: a history that can only be read shows its chats and offers nothing that writes.
  void a_read_only_history_shows_chats_and_refuses_to_send() {
    QTemporaryDir dir;
    const std::string db = (dir.path() + "/history.db").toStdString();
    int64_t id = 0;
    {
      storage::History writable(db);
      id = writable.create_conversation({.title = "Kept"});
      writable.append_message({.conversation_id = id, .role = storage::Role::User, .content = "Question"});
    }
    storage::History history(db, {.read_only = true});
    auto script = std::make_shared<test::FakeScript>();
    script->turns = {{"x"}};
    ui::EngineHost host(std::make_unique<test::FakeBackend>(script), 20ms);
    test::TestModels models(host);
    ui::ChatController chat(history, host, models.manager);
    QVERIFY(chat.historyReadOnly());
    QVERIFY(models.load(models.file(QStringLiteral("fake.gguf"))));
    QVERIFY(!chat.canSend());
    QVERIFY2(chat.sendDisabledReason().contains("read-only"), qPrintable(chat.sendDisabledReason()));
    chat.openConversation(id);
    QCOMPARE(chat.messages()->rowCount(), 1);
    QCOMPARE(chat.messageText(0), QStringLiteral("Question"));
    QVERIFY(!chat.send(QStringLiteral("more")));
    QVERIFY(!chat.regenerate(0));
    QCOMPARE(history.active_path(id).size(), size_t{1});
    std::lock_guard lock(script->mutex);
    QVERIFY(script->seen.empty());  // nothing was generated
  }

  void a_reasoned_answer_streams_into_the_model_and_the_database() {
    Fixture f({k_reasoned}, 30ms);
    QVERIFY(f.load());
    // Record the reasoning state of the streaming row at every update.
    QStringList states;
    QStringList contents;
    connect(&f.messages(), &MessageListModel::dataChanged, this, [&](const QModelIndex& i) {
      states << f.at(i.row(), MessageListModel::ReasoningStateRole).toString();
      contents << f.at(i.row(), MessageListModel::ContentRole).toString();
    });
    QSignalSpy generating(f.chat.get(), &ui::ChatController::generatingChanged);
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("What is 12 + 7?")); }));

    QVERIFY2(states.contains("streaming"), qPrintable(states.join(',')));
    QCOMPARE(states.last(), QStringLiteral("finished"));
    QVERIFY(contents.size() >= 3);  // several batches, growing
    QCOMPARE(generating.size(), 2);
    QCOMPARE(f.messages().rowCount(), 2);
    QCOMPARE(f.at(0, MessageListModel::RoleRole).toString(), QStringLiteral("user"));
    QCOMPARE(f.at(1, MessageListModel::ContentRole).toString(), QStringLiteral("The answer is 19."));
    QCOMPARE(f.at(1, MessageListModel::ReasoningRole).toString(), QStringLiteral("Add the ones."));
    QCOMPARE(f.at(1, MessageListModel::StatusRole).toString(), QStringLiteral("complete"));
    QCOMPARE(f.at(1, MessageListModel::ReasoningTokensRole).toLongLong(), 6);

    const auto stored = f.history->active_path(f.chat->conversationId());
    QCOMPARE(stored.size(), size_t(2));
    QCOMPARE(stored[0].content, std::string("What is 12 + 7?"));
    QCOMPARE(stored[1].content, std::string("The answer is 19."));
    QCOMPARE(stored[1].reasoning, std::string("Add the ones."));
    QCOMPARE(stored[1].status, storage::MessageStatus::Complete);
    QCOMPARE(stored[1].model, std::string("Fake Reasoner"));
    QCOMPARE(stored[1].stats.reasoning_tokens, 6);
    QCOMPARE(stored[1].stats.generated_tokens, 10);
    QVERIFY2(stored[1].stats.reasoning_ms >= 200, qPrintable(QString::number(stored[1].stats.reasoning_ms)));
    QVERIFY(stored[1].stats.reasoning_ms < stored[1].stats.total_ms);
    QCOMPARE(f.history->conversation(f.chat->conversationId()).title, std::string("What is 12 + 7?"));
    // The scripted prompt, one token per byte, and the 10 generated tokens.
    QCOMPARE(f.chat->contextUsed(), int(std::string("user: What is 12 + 7?\nassistant: ").size()) + 10);
    QVERIFY(f.chat->tokensPerSecond() > 0);
    QCOMPARE(f.chat->conversations()->rowCount(), 1);
  }

  void reasoning_timing_reads_the_same_after_a_restart() {
    Fixture f({k_reasoned}, 25ms);
    QVERIFY(f.load());
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("What is 12 + 7?")); }));
    const QVariant seconds = f.at(1, MessageListModel::ReasoningSecondsRole);
    const auto conversation = f.chat->conversationId();
    const qint64 answer_id = f.messages().messageAt(1).id;
    const QVector<ui::TokenConfidence> confidence = f.messages().confidence(answer_id);
    QCOMPARE(confidence.size(), 10);
    const int64_t ms = f.history->active_path(conversation)[1].stats.reasoning_ms;
    f.chat.reset();
    f.host.reset();
    f.history.reset();

    storage::History reopened(f.db.toStdString());
    MessageListModel model(reopened);
    model.open(conversation);
    QCOMPARE(model.rowCount(), 2);
    const auto at = [&](int role) { return model.data(model.index(1), role); };
    QCOMPARE(at(MessageListModel::ReasoningStateRole).toString(), QStringLiteral("finished"));
    QCOMPARE(at(MessageListModel::ReasoningSecondsRole), seconds);
    QCOMPARE(at(MessageListModel::ReasoningSecondsRole).toInt(), static_cast<int>((ms + 500) / 1000));
    QCOMPARE(at(MessageListModel::ReasoningTokensRole).toLongLong(), 6);
    QCOMPARE(at(MessageListModel::ReasoningRole).toString(), QStringLiteral("Add the ones."));
    // The inspector's per-token probabilities were stored with the answer.
    QVERIFY(at(MessageListModel::HasConfidenceRole).toBool());
    const auto& stored = model.confidence(answer_id);
    QCOMPARE(stored.size(), confidence.size());
    for (qsizetype i = 0; i < stored.size(); ++i) {
      QCOMPARE(stored[i].text, confidence[i].text);
      QCOMPARE(stored[i].reasoning, confidence[i].reasoning);
      QVERIFY(std::abs(stored[i].probability - confidence[i].probability) < 1e-4f);
      QCOMPARE(stored[i].alternatives.size(), confidence[i].alternatives.size());
    }
  }

  // While an answer streams, its rewrites reach the database through the storage worker's own
  // connection (the UI thread does not write them); the final write still has the last word.
  void the_growing_answer_reaches_the_database_from_the_storage_worker() {
    std::vector<std::string> long_answer;
    for (int i = 0; i < 150; ++i) long_answer.push_back("w" + std::to_string(i) + " ");
    Fixture f({long_answer}, 5ms);
    QVERIFY(f.load());
    QSignalSpy done(f.chat.get(), &ui::ChatController::generationFinished);
    QVERIFY(f.chat->send(QStringLiteral("go")));
    // Another connection (here the test's History) sees the partial answer while it streams.
    // (The question is written by the storage worker too, so the path grows to two messages.)
    const auto partial_answer = [&] {
      const auto path = f.history->active_path(f.chat->conversationId());
      return path.size() == 2 && path[1].content.find("w10 ") != std::string::npos;
    };
    QTRY_VERIFY_WITH_TIMEOUT(partial_answer(), 5000);
    QVERIFY(done.isEmpty());
    QCOMPARE(f.history->active_path(f.chat->conversationId())[1].status, storage::MessageStatus::Streaming);
    QVERIFY(f.chat->storageWorkerWrites() >= 1);
    QVERIFY(done.wait(10000));
    const auto stored = f.history->active_path(f.chat->conversationId())[1];
    QCOMPARE(stored.status, storage::MessageStatus::Complete);
    QVERIFY(stored.content.find("w149 ") != std::string::npos);
  }

  // Issue 14: the storage worker writes the question (a pasted megabyte is indexed as it is
  // stored); the answer starts once it is stored. Stopped, or left for another chat, before that:
  // the question is kept and no answer is started.
  void the_question_is_stored_before_its_answer_starts_and_stop_can_come_first() {
    Fixture f({{"Answer"}});
    QVERIFY(f.load());
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("first")); }));
    QCOMPARE(f.messages().rowCount(), 2);
    {
      std::lock_guard lock(f.script->mutex);
      QCOMPARE(f.script->seen.back().back().content, std::string("first"));
    }

    QSignalSpy done(f.chat.get(), &ui::ChatController::generationFinished);
    QVERIFY(f.chat->send(QStringLiteral("second")));
    QVERIFY(f.chat->generating());  // already: no second send while it is written
    QVERIFY(!f.chat->canSend());
    QVERIFY(!f.chat->send(QStringLiteral("third")));
    f.chat->stop();
    QVERIFY(done.wait(5000));
    QVERIFY(!f.chat->generating());
    const auto path = f.history->active_path(f.chat->conversationId());
    QCOMPARE(path.size(), size_t{3});  // the question, without an answer
    QCOMPARE(path[2].content, std::string("second"));
    QTRY_COMPARE(f.messages().rowCount(), 3);
    QCOMPARE(f.chat->messageText(2), QStringLiteral("second"));

    // Another chat opened meanwhile: the question is kept there, nothing is generated.
    const qint64 first_chat = f.chat->conversationId();
    const auto requests = [&] {
      std::lock_guard lock(f.script->mutex);
      return f.script->seen.size();
    };
    const size_t generated = requests();
    QVERIFY(f.chat->send(QStringLiteral("fourth")));
    f.chat->newChat();
    QVERIFY(!f.chat->generating());
    QTRY_COMPARE(f.history->active_path(first_chat).size(), size_t{4});
    QTest::qWait(100);
    QCOMPARE(requests(), generated);
    QCOMPARE(f.messages().rowCount(), 0);
  }

  void stop_keeps_the_partial_answer_in_the_database_marked_stopped() {
    std::vector<std::string> long_answer = {"<think>", "ok", "</think>"};
    for (int i = 0; i < 400; ++i) long_answer.push_back(" word" + std::to_string(i));
    Fixture f({long_answer}, 5ms);
    QVERIFY(f.load());
    QSignalSpy done(f.chat.get(), &ui::ChatController::generationFinished);
    QVERIFY(f.chat->send(QStringLiteral("Tell me a long story")));
    QTRY_VERIFY_WITH_TIMEOUT(f.at(1, MessageListModel::ContentRole).toString().contains("word3"), 5000);
    f.chat->stop();
    QVERIFY(done.wait(5000));

    const QString shown = f.at(1, MessageListModel::ContentRole).toString();
    QCOMPARE(f.at(1, MessageListModel::StatusRole).toString(), QStringLiteral("stopped"));
    const auto stored = f.history->active_path(f.chat->conversationId())[1];
    QCOMPARE(stored.status, storage::MessageStatus::Stopped);
    QCOMPARE(QString::fromStdString(stored.content), shown);
    QVERIFY(stored.content.rfind("word0 word1 word2 word3", 0) == 0);
    QVERIFY(!QString::fromStdString(stored.content).contains("word399"));
    QCOMPARE(stored.reasoning, std::string("ok"));
    QVERIFY(f.chat->canSend());
  }

  void closing_during_generation_stores_the_partial_answer() {
    std::vector<std::string> long_answer;
    for (int i = 0; i < 400; ++i) long_answer.push_back("w" + std::to_string(i) + " ");
    Fixture f({long_answer}, 5ms);
    QVERIFY(f.load());
    QVERIFY(f.chat->send(QStringLiteral("go")));
    QTRY_VERIFY_WITH_TIMEOUT(f.at(1, MessageListModel::ContentRole).toString().contains("w3 "), 5000);
    const auto conversation = f.chat->conversationId();
    f.chat.reset();  // what closing the window does
    f.host.reset();
    const auto stored = f.history->active_path(conversation)[1];
    QCOMPARE(stored.status, storage::MessageStatus::Stopped);
    QVERIFY(stored.content.rfind("w0 w1 w2 w3 ", 0) == 0);
  }

  void regenerate_adds_a_branch_and_the_switcher_shows_each() {
    Fixture f({{"First"s, " answer."s}, {"Second"s, " answer."s}});
    QVERIFY(f.load());
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("Hi")); }));
    QCOMPARE(f.at(1, MessageListModel::BranchCountRole).toInt(), 1);
    QVERIFY(!f.chat->regenerate(0));  // a user message is not regenerated
    QVERIFY(f.turn([&] { return f.chat->regenerate(1); }));

    QCOMPARE(f.messages().rowCount(), 2);
    QCOMPARE(f.at(1, MessageListModel::ContentRole).toString(), QStringLiteral("Second answer."));
    QCOMPARE(f.at(1, MessageListModel::BranchIndexRole).toInt(), 2);
    QCOMPARE(f.at(1, MessageListModel::BranchCountRole).toInt(), 2);
    // The regenerated request saw the same history: the user's question, not the first answer.
    QCOMPARE(f.script->seen.size(), size_t(2));
    QCOMPARE(f.script->seen[1].size(), size_t(1));
    QCOMPARE(f.script->seen[1][0].content, std::string("Hi"));

    QVERIFY(f.chat->selectBranch(1, -1));
    QCOMPARE(f.at(1, MessageListModel::ContentRole).toString(), QStringLiteral("First answer."));
    QCOMPARE(f.at(1, MessageListModel::BranchIndexRole).toInt(), 1);
    QVERIFY(!f.chat->selectBranch(1, -1));  // no branch before the first
    QCOMPARE(f.history->active_path(f.chat->conversationId())[1].content, std::string("First answer."));
    QVERIFY(f.chat->selectBranch(1, +1));
    QCOMPARE(f.at(1, MessageListModel::ContentRole).toString(), QStringLiteral("Second answer."));
  }

  void edit_and_resend_branches_the_question_and_keeps_the_original() {
    Fixture f({{"Answer"s, " one."s}, {"Answer"s, " two."s}, {"Answer"s, " three."s}});
    QVERIFY(f.load());
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("What is 2 + 2?")); }));
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("And 3 + 3?")); }));
    QCOMPARE(f.messages().rowCount(), 4);
    QCOMPARE(f.script->seen[1].size(), size_t(3));  // question, answer, question

    QVERIFY(f.turn([&] { return f.chat->editAndResend(0, QStringLiteral("What is 5 + 5?")); }));
    QCOMPARE(f.messages().rowCount(), 2);
    QCOMPARE(f.at(0, MessageListModel::ContentRole).toString(), QStringLiteral("What is 5 + 5?"));
    QCOMPARE(f.at(0, MessageListModel::BranchIndexRole).toInt(), 2);
    QCOMPARE(f.at(0, MessageListModel::BranchCountRole).toInt(), 2);
    QCOMPARE(f.at(1, MessageListModel::ContentRole).toString(), QStringLiteral("Answer three."));
    QCOMPARE(f.script->seen[2].size(), size_t(1));
    QCOMPARE(f.script->seen[2][0].content, std::string("What is 5 + 5?"));

    QVERIFY(f.chat->selectBranch(0, -1));  // the original question with its whole thread
    QCOMPARE(f.messages().rowCount(), 4);
    QCOMPARE(f.at(0, MessageListModel::ContentRole).toString(), QStringLiteral("What is 2 + 2?"));
    QCOMPARE(f.at(3, MessageListModel::ContentRole).toString(), QStringLiteral("Answer two."));
    QVERIFY(!f.chat->editAndResend(1, QStringLiteral("not a user message")));
  }

  void an_engine_failure_keeps_the_text_and_marks_the_message_as_an_error() {
    Fixture f({{"Partial"s, " text"s}});
    f.script->fail_with = "device lost while decoding";
    QVERIFY(f.load());
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("Hi")); }));
    QCOMPARE(f.chat->lastError(), ui::error_sentence(ui::ErrorKind::DeviceLost));
    QCOMPARE(f.chat->lastErrorDetail(), QStringLiteral("device lost while decoding"));
    const auto stored = f.history->active_path(f.chat->conversationId())[1];
    QCOMPARE(stored.status, storage::MessageStatus::Error);
    QCOMPARE(stored.error, std::string("device lost while decoding"));
    QCOMPARE(f.at(1, MessageListModel::StatusRole).toString(), QStringLiteral("error"));
    QVERIFY(f.chat->canSend());  // the app stays usable
  }

  void the_inspector_splits_steps_and_carries_token_probabilities() {
    Fixture f({{"<think>", "1.", " Add", " ones", ".", "\n", "2.", " Add", " tens", ".", "\n\n",
                "So", " 19", "</think>", "19"}});
    QVERIFY(f.load());
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("12 + 7?")); }));
    QCOMPARE(f.at(1, MessageListModel::ReasoningRole).toString(),
             QStringLiteral("1. Add ones.\n2. Add tens.\n\nSo 19"));
    QVERIFY(f.at(1, MessageListModel::HasConfidenceRole).toBool());
    f.chat->inspect(1);
    auto* inspector = f.chat->inspector();
    QCOMPARE(inspector->rowCount(), 3);
    QCOMPARE(inspector->data(inspector->index(0), ui::ReasoningInspectorModel::TextRole).toString(),
             QStringLiteral("1. Add ones."));
    QCOMPARE(inspector->data(inspector->index(2), ui::ReasoningInspectorModel::TextRole).toString(),
             QStringLiteral("So 19"));
    // Step 1 is pieces 1..4 ("1.", " Add", " ones", "."): probabilities 0.3, 0.9, 0.3, 0.9.
    const QVariantList step1 = inspector->tokensOf(0);
    QCOMPARE(step1.size(), 4);
    QCOMPARE(step1[0].toMap()["text"].toString(), QStringLiteral("1."));
    QCOMPARE(step1[0].toMap()["probability"].toFloat(), test::FakeScript::probability(1));
    QCOMPARE(step1[1].toMap()["probability"].toFloat(), test::FakeScript::probability(2));
    QCOMPARE(step1[0].toMap()["alternatives"].toList().size(), 2);
    const double mean =
        inspector->data(inspector->index(0), ui::ReasoningInspectorModel::MeanProbabilityRole).toDouble();
    QVERIFY2(std::abs(mean - (0.3 + 0.9 + 0.3 + 0.9) / 4) < 1e-6, qPrintable(QString::number(mean)));
    QCOMPARE(inspector->tokensOf(2).size(), 2);  // "So", " 19"
    QCOMPARE(inspector->find(QStringLiteral("TENS")), QList<int>{1});
  }

  // Byte-level vocabularies have tokens that are only a space or a line break: inside a step they
  // are part of its text (the inspector shows "write 9", not "write9"); between steps, not.
  void whitespace_tokens_inside_a_step_are_kept_in_order() {
    Fixture f({{"<think>", "write", " ", "9", ",", " carry", " ", "0", "\n", "1", " +", "\n\n", "So",
                "</think>", "x"}});
    QVERIFY(f.load());
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("?")); }));
    f.chat->inspect(1);
    auto* inspector = f.chat->inspector();
    QCOMPARE(inspector->rowCount(), 2);
    QString spelled;
    for (const QVariant& t : inspector->tokensOf(0)) spelled += t.toMap()["text"].toString();
    QCOMPARE(spelled, QStringLiteral("write 9, carry 0\n1 +"));
    QCOMPARE(inspector->data(inspector->index(0), ui::ReasoningInspectorModel::TextRole).toString(), spelled);
    QCOMPARE(inspector->tokensOf(1).size(), 1);
  }

  void steps_split_at_blank_lines_and_numbered_lines() {
    using M = ui::ReasoningInspectorModel;
    const QString text = QStringLiteral("First idea\nstill first\n\nStep 2: next\n3) third\nnot numbered");
    QStringList steps;
    for (const auto& [b, e] : M::split_steps(text)) steps << text.mid(b, e - b);
    QCOMPARE(steps, (QStringList{"First idea\nstill first", "Step 2: next", "3) third\nnot numbered"}));
    QVERIFY(M::split_steps(QString()).empty());
    QVERIFY(M::split_steps(QStringLiteral("\n\n  \n")).empty());
  }

  void markdown_splits_into_prose_and_fenced_code_blocks() {
    using ui::split_code_blocks;
    const auto s = split_code_blocks(QStringLiteral(
        "Here:\n```cpp\nint x = 1;\n\nreturn x;\n```\nDone, ~~~ inline is prose.\n"
        "````\n```\nnested fence text\n````\n~~~python\nprint(1)"));
    QCOMPARE(s.size(), size_t(5));
    QCOMPARE(s[0].code, false);
    QCOMPARE(s[0].text, QStringLiteral("Here:"));
    QCOMPARE(s[1].code, true);
    QCOMPARE(s[1].language, QStringLiteral("cpp"));
    QCOMPARE(s[1].text, QStringLiteral("int x = 1;\n\nreturn x;"));
    QCOMPARE(s[2].text, QStringLiteral("Done, ~~~ inline is prose."));
    QCOMPARE(s[3].text, QStringLiteral("```\nnested fence text"));  // a shorter fence does not close
    QCOMPARE(s[4].code, true);  // unclosed while streaming: code to the end
    QCOMPARE(s[4].language, QStringLiteral("python"));
    QCOMPARE(s[4].text, QStringLiteral("print(1)"));
    QVERIFY(split_code_blocks(QString()).empty());
    QCOMPARE(split_code_blocks(QStringLiteral("no code")).size(), size_t(1));
    // Paragraphs are separate prose segments; lines of one paragraph stay together.
    const auto p = split_code_blocks(QStringLiteral("# Title\nline two\n\n\n- a\n- b\n"));
    QCOMPARE(p.size(), size_t(2));
    QCOMPARE(p[0].text, QStringLiteral("# Title\nline two"));
    QCOMPARE(p[1].text, QStringLiteral("- a\n- b"));
  }

  // Issue 14: the view lays out no piece longer than the chunk, wherever the text breaks, and
  // loses nothing but the line break or space each cut replaces.
  void long_segments_are_cut_into_bounded_pieces() {
    using ui::display_segments;
    const ui::DisplayLimits limits{100, 0};
    const auto texts = [](const std::vector<ui::MarkdownSegment>& segments) {
      QStringList out;
      for (const auto& s : segments) out << s.text;
      return out;
    };
    const auto check_bounded = [&](const std::vector<ui::MarkdownSegment>& segments) {
      for (const auto& s : segments) {
        if (s.text.size() > limits.max_chunk) return false;
        if (!s.text.isEmpty() && s.text.back().isHighSurrogate()) return false;  // a pair cut in two
      }
      return true;
    };

    QString words;  // one paragraph of words: cut at spaces
    for (int i = 0; words.size() < 1000; ++i) words += QStringLiteral("word%1 ").arg(i);
    words = words.trimmed();
    auto w = display_segments(words, limits);
    QVERIFY(w.size() >= 10);
    QVERIFY(check_bounded(w));
    QCOMPARE(texts(w).join(' '), words);
    for (size_t i = 1; i < w.size(); ++i) QVERIFY(w[i].continued && !w[i].code);
    QVERIFY(!w[0].continued);

    QString lines;  // one paragraph of short lines: cut at line breaks, not at spaces
    for (int i = 0; lines.size() < 1000; ++i) lines += QStringLiteral("line %1\n").arg(i);
    lines.chop(1);
    auto l = display_segments(lines, limits);
    QVERIFY(check_bounded(l));
    QCOMPARE(texts(l).join('\n'), lines);
    for (const auto& s : l) QVERIFY2(!s.text.startsWith(' ') && s.text.startsWith("line"), qPrintable(s.text));

    // No break at all, in characters outside the BMP: cut anywhere but inside a pair.
    QString emoji;
    for (int i = 0; i < 301; ++i) emoji += i % 3 ? QStringLiteral("\U0001F914") : QStringLiteral("x");
    for (const qsizetype chunk : {0, 2, 3, 7, 100}) {  // below 2 counts as 2 (one pair)
      const auto e = display_segments(emoji, {chunk, 0});
      for (const auto& s : e) {
        QVERIFY(s.text.size() <= std::max<qsizetype>(chunk, 2) && !s.text.isEmpty());
        QVERIFY(!s.text.back().isHighSurrogate() && !s.text.front().isLowSurrogate());
      }
      QCOMPARE(texts(e).join(QString()), emoji);
    }

    // A long code block: pieces of one block, the header (language, copy) on the first only,
    // and the copy button copies the whole block.
    QString code;
    for (int i = 0; code.size() < 1000; ++i) code += QStringLiteral("x%1 = %1;\n").arg(i);
    code.chop(1);
    const QString md = QStringLiteral("Intro\n```python\n") + code + QStringLiteral("\n```\nOutro\n```\nsecond\n```");
    const auto c = display_segments(md, limits);
    QVERIFY(check_bounded(c));
    QCOMPARE(c.front().text, QStringLiteral("Intro"));
    QCOMPARE(c.back().text, QStringLiteral("second"));
    QCOMPARE(c.back().block, 1);
    QStringList pieces;
    for (size_t i = 1; i + 2 < c.size(); ++i) {
      QVERIFY(c[i].code);
      QCOMPARE(c[i].block, 0);
      QCOMPARE(c[i].language, QStringLiteral("python"));
      QCOMPARE(c[i].continued, i > 1);
      pieces << c[i].text;
    }
    QCOMPARE(pieces.join('\n'), code);
    QCOMPARE(ui::code_block(md, 0), code);
    QCOMPARE(ui::code_block(md, 1), QStringLiteral("second"));
    QVERIFY(ui::code_block(md, 2).isEmpty());
    QVERIFY(ui::code_block(md, -1).isEmpty());

    // Short messages are shown as split_code_blocks splits them.
    const QString small = QStringLiteral("# Title\nline\n\n```cpp\nint x;\n```\n- a");
    const auto plain = ui::split_code_blocks(small);
    const auto shown = display_segments(small, {2000, 3000});
    QCOMPARE(shown.size(), plain.size());
    for (size_t i = 0; i < shown.size(); ++i) QCOMPARE(shown[i].text, plain[i].text);
    QVERIFY(display_segments(QString(), limits).empty());
    QVERIFY(display_segments(QStringLiteral("\n\n \n"), limits).empty());
  }

  // Issue 14: collapsed, a megabyte-long message shows (and splits) only its beginning.
  void a_collapsed_long_message_shows_only_its_beginning() {
    QString big;
    for (int i = 0; big.size() < (1 << 20); ++i) big += QStringLiteral("Sentence %1 of a pasted document.%2").arg(i).arg(i % 9 == 8 ? "\n\n" : " ");
    Fixture f({{"x"}});
    QVERIFY(big.size() > f.chat->longMessageLength());
    QElapsedTimer timer;
    timer.start();
    const QVariantList preview = f.chat->segments(big, /*collapsed=*/true);
    const qint64 preview_ms = timer.elapsed();
    QString shown;
    for (const QVariant& s : preview) shown += s.toMap()["text"].toString();
    QVERIFY(shown.size() <= f.chat->longMessagePreview());
    QVERIFY(shown.size() > f.chat->longMessagePreview() / 2);
    QVERIFY(big.startsWith(preview.front().toMap()["text"].toString()));
    const QVariantList all = f.chat->segments(big);
    QVERIFY(all.size() > 100);
    qsizetype total = 0;
    for (const QVariant& s : all) {
      QVERIFY(s.toMap()["text"].toString().size() <= 1000);
      total += s.toMap()["text"].toString().size();
    }
    QVERIFY(total > big.size() * 9 / 10);
    qInfo("collapsed preview of %lld characters in %lld ms", static_cast<long long>(big.size()), preview_ms);
    QVERIFY2(preview_ms < 50, qPrintable(QString::number(preview_ms)));
  }

  void thinking_and_the_reasoning_budget_are_settings_of_each_chat() {
    Fixture f({{"a"}});
    QVERIFY(f.load());
    QVERIFY(f.chat->thinkingEnabled());
    f.chat->setThinkingEnabled(false);  // before the chat exists: kept for its creation
    f.chat->setReasoningBudget(64);
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("no thinking here")); }));
    const auto quiet = f.chat->conversationId();
    QCOMPARE(f.script->thinking_seen.back(), std::optional<bool>(false));

    f.chat->newChat();
    QVERIFY(f.chat->thinkingEnabled());  // a new chat starts from the defaults
    QCOMPARE(f.chat->reasoningBudget(), 0);
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("think freely")); }));
    QCOMPARE(f.script->thinking_seen.back(), std::optional<bool>());  // the template's default

    f.chat->openConversation(quiet);
    QVERIFY(!f.chat->thinkingEnabled());
    QCOMPARE(f.chat->reasoningBudget(), 64);
    f.chat->setReasoningBudget(-5);
    QCOMPARE(f.chat->reasoningBudget(), 0);
    f.chat->setThinkingEnabled(true);
    const auto stored = QJsonDocument::fromJson(
        QByteArray::fromStdString(f.history->conversation(quiet).settings_json)).object();
    QCOMPARE(stored.value("enable_thinking").toBool(false), true);
    QCOMPARE(stored.value("reasoning_budget").toInt(-1), 0);
  }

  void copying_puts_the_message_text_on_the_clipboard() {
    Fixture f({{"<think>", "hmm", "</think>", "Copy", " me"}});
    QVERIFY(f.load());
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("Hi")); }));
    f.chat->copyMessage(0);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Hi"));
    f.chat->copyLastAnswer();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Copy me"));
  }

  void a_new_chat_starts_empty_and_the_next_send_creates_a_second_conversation() {
    Fixture f({{"one"}, {"two"}});
    QVERIFY(f.load());
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("first chat")); }));
    const auto first = f.chat->conversationId();
    f.chat->newChat();
    QCOMPARE(f.chat->conversationId(), 0);
    QCOMPARE(f.messages().rowCount(), 0);
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("second chat")); }));
    QVERIFY(f.chat->conversationId() != first);
    QCOMPARE(f.chat->conversations()->rowCount(), 2);
    QCOMPARE(f.script->seen[1].size(), size_t(1));  // the new chat does not see the old one
    f.chat->openConversation(first);
    QCOMPARE(f.at(1, MessageListModel::ContentRole).toString(), QStringLiteral("one"));
  }

  // Issue 15: an answer that fills the context goes on in a new chat whose first question asks
  // the same model for a summary of the old one: the newest messages that fit half the context
  // are in it whole, the older ones are left out with a note; the old chat stays as it was.
  void an_answer_cut_by_the_context_continues_in_a_new_chat_with_a_summary() {
    Fixture f({{"Answer one about apples."}, {"Answer two about pears."}, std::vector<std::string>(1000, "x"),
               {"Summary:", " fruit."}});
    f.script->context_length = 1000;
    QVERIFY(f.load());
    QCOMPARE(f.manager().loadedContextLength(), 1000);
    f.chat->setStopWhenContextFull(true);
    f.chat->setSystemPrompt(QStringLiteral("Be brief."));
    QVERIFY(!f.chat->continueWithSummary(0));  // no chat yet
    const QString q1 = QStringLiteral("Question one about apples ") + QString(300, QLatin1Char('a'));
    const QString q2 = QStringLiteral("Question two about pears ") + QString(300, QLatin1Char('p'));
    QVERIFY(f.turn([&] { return f.chat->send(q1); }));
    QVERIFY(f.turn([&] { return f.chat->send(q2); }));
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("Question three about plums?")); }));
    QCOMPARE(f.at(5, MessageListModel::StatusRole).toString(), QStringLiteral("stopped"));
    QCOMPARE(f.at(5, MessageListModel::ErrorRole).toString(), QStringLiteral("context full"));
    const qint64 old_id = f.chat->conversationId();
    const auto old_path = f.history->active_path(old_id);
    QCOMPARE(old_path.size(), size_t(6));

    QVERIFY(f.turn([&] { return f.chat->continueWithSummary(5); }));
    const qint64 new_id = f.chat->conversationId();
    QVERIFY(new_id != old_id && new_id > 0);
    QCOMPARE(f.chat->conversations()->rowCount(), 2);
    const auto path = f.history->active_path(new_id);
    QCOMPARE(path.size(), size_t(2));
    QCOMPARE(path[0].role, storage::Role::User);
    const QString request = QString::fromStdString(path[0].content);
    QVERIFY2(request.startsWith(QStringLiteral("Summarise our earlier conversation")), qPrintable(request));
    QVERIFY(request.contains(QStringLiteral("(3 earlier messages left out)")));
    QVERIFY(request.contains(QStringLiteral("user: Question three about plums?")));
    QVERIFY(request.contains(QStringLiteral("assistant: ") + QString::fromStdString(old_path[5].content)));
    QVERIFY(request.contains(QStringLiteral("assistant: Answer two about pears.")));
    QVERIFY(!request.contains(QStringLiteral("Question two")));
    QVERIFY(!request.contains(QStringLiteral("Question one")));
    QVERIFY(!request.contains(QStringLiteral("Answer one")));
    QVERIFY(request.indexOf(QStringLiteral("Answer two")) < request.indexOf(QStringLiteral("Question three")));
    // The model saw the request alone, under the old chat's system prompt; its summary is the
    // new chat's first answer, stored.
    const auto asked = std::find_if(f.script->seen.begin(), f.script->seen.end(), [&](const auto& messages) {
      return messages.back().content == path[0].content;
    });
    QVERIFY(asked != f.script->seen.end());
    QCOMPARE(asked->size(), size_t(2));
    QCOMPARE((*asked)[0].content, std::string("Be brief."));
    QCOMPARE(path[1].role, storage::Role::Assistant);
    QCOMPARE(path[1].content, std::string("Summary: fruit."));
    QCOMPARE(path[1].status, storage::MessageStatus::Complete);
    QCOMPARE(f.at(1, MessageListModel::ContentRole).toString(), QStringLiteral("Summary: fruit."));
    const auto conversation = f.history->conversation(new_id);
    QCOMPARE(conversation.system_prompt, std::string("Be brief."));
    QVERIFY(conversation.settings_json.find("\"context_overflow\":\"stop\"") != std::string::npos);
    QVERIFY(f.chat->stopWhenContextFull());
    QCOMPARE(f.chat->systemPrompt(), QStringLiteral("Be brief."));
    QCOMPARE(f.history->active_path(old_id), old_path);  // the old chat is unchanged
  }

  void a_message_longer_than_the_budget_is_cut_to_its_last_part_and_nothing_starts_while_generating() {
    std::vector<std::string> long_answer;
    for (int i = 0; i < 2000; ++i) long_answer.push_back(" w" + std::to_string(i));
    Fixture f({long_answer, {"Summary."}, long_answer}, 1ms);
    f.script->context_length = 1000;
    QVERIFY(f.load());
    QVERIFY(f.turn([&] { return f.chat->send(QStringLiteral("Tell me everything")); }));
    QCOMPARE(f.at(1, MessageListModel::ErrorRole).toString(), QStringLiteral("context full"));
    const std::string answer = f.history->active_path(f.chat->conversationId())[1].content;
    QVERIFY(answer.size() > 1000);
    const qint64 old_id = f.chat->conversationId();

    QVERIFY(f.turn([&] { return f.chat->continueWithSummary(1); }));
    const QString request = QString::fromStdString(f.history->active_path(f.chat->conversationId())[0].content);
    QVERIFY(request.contains(QStringLiteral("(1 earlier message left out)")));
    QVERIFY(!request.contains(QStringLiteral("Tell me everything")));
    QVERIFY(request.endsWith(QString::fromStdString(answer.substr(answer.size() - 40))));
    QVERIFY(!request.contains(QStringLiteral("w0 w1 w2")));
    QVERIFY(request.toUtf8().size() < 1000);  // the request leaves room for the summary

    // While an answer is being written, nothing starts.
    f.chat->openConversation(old_id);
    QSignalSpy done(f.chat.get(), &ui::ChatController::generationFinished);
    QVERIFY(f.chat->regenerate(1));
    QVERIFY(f.chat->generating());
    QVERIFY(!f.chat->continueWithSummary(1));
    QCOMPARE(f.chat->conversations()->rowCount(), 2);
    f.chat->stop();
    QVERIFY(done.wait(10000));
  }
};

QTEST_MAIN(TestChatMessages)
#include "tst_chat_messages.moc"
