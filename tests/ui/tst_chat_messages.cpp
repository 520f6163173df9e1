// The open conversation through the ChatController, with the scripted engine and a real History
// on a temporary database: streaming with reasoning, its timing and token probabilities (kept
// across a restart), stop keeping the partial answer, regenerate and edit-and-resend as
// branches, failures, the inspector.

#include <QtTest>

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "chat/chat_controller.h"
#include "chat/markdown_segments.h"
#include "engine/engine_host.h"
#include "fake_backend.h"
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
  std::unique_ptr<ui::ChatController> chat;

  explicit Fixture(std::vector<std::vector<std::string>> turns, std::chrono::milliseconds delay = 5ms) {
    script->turns = std::move(turns);
    script->delay = delay;
    history = std::make_unique<storage::History>(db.toStdString());
    host = std::make_unique<ui::EngineHost>(std::make_unique<test::FakeBackend>(script), 20ms);
    chat = std::make_unique<ui::ChatController>(*history, *host);
  }
  bool load() {
    chat->loadModel(QStringLiteral("/models/fake.gguf"));
    return QTest::qWaitFor([&] { return !chat->loading(); }, 5000) && chat->modelLoaded();
  }
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

    f.chat->loadModel(QStringLiteral("/models/corrupt.gguf"));
    QVERIFY(f.chat->loading());
    QVERIFY(f.chat->sendDisabledReason().contains("loading"));
    QTRY_VERIFY_WITH_TIMEOUT(!f.chat->loading(), 5000);
    QVERIFY2(f.chat->loadError().contains("corrupt.gguf"), qPrintable(f.chat->loadError()));
    QVERIFY(!f.chat->canSend());

    QVERIFY(f.load());
    QVERIFY(f.chat->canSend());
    QCOMPARE(f.chat->modelName(), QStringLiteral("Fake Reasoner"));
    QCOMPARE(f.chat->deviceName(), QStringLiteral("Scripted device"));
    QCOMPARE(f.chat->contextSize(), 2048);
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
    QCOMPARE(f.chat->contextUsed(), 1 + 10);  // the fake counts one prompt token per message
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
    QTRY_VERIFY_WITH_TIMEOUT(f.history->active_path(f.chat->conversationId())[1].content.find("w10 ") !=
                                 std::string::npos, 5000);
    QVERIFY(done.isEmpty());
    QCOMPARE(f.history->active_path(f.chat->conversationId())[1].status, storage::MessageStatus::Streaming);
    QVERIFY(f.chat->storageWorkerWrites() >= 1);
    QVERIFY(done.wait(10000));
    const auto stored = f.history->active_path(f.chat->conversationId())[1];
    QCOMPARE(stored.status, storage::MessageStatus::Complete);
    QVERIFY(stored.content.find("w149 ") != std::string::npos);
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
    QCOMPARE(f.chat->lastError(), QStringLiteral("device lost while decoding"));
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
};

QTEST_MAIN(TestChatMessages)
#include "tst_chat_messages.moc"
