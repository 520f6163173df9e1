// Search across all chats (answers and reasoning) from the sidebar, and opening a result: the
// conversation opens at that message, switching to its branch when it is not on the active path.

#include <QtTest>

#include <QSignalSpy>
#include <QTemporaryDir>

#include "chat/chat_controller.h"
#include "engine/engine_host.h"
#include "fake_backend.h"
#include "model_loading.h"
#include "storage/history.h"

using namespace sikao;
using ui::SearchModel;

namespace {

int64_t add(storage::History& h, int64_t conversation, std::optional<int64_t> parent, storage::Role role,
            const std::string& content, const std::string& reasoning = {}) {
  storage::NewMessage m{conversation, parent, role, content};
  m.reasoning = reasoning;
  return h.append_message(m);
}

} // namespace

class TestChatSearch : public QObject {
  Q_OBJECT

 private slots:
  void finds_answers_and_reasoning_with_escaped_highlighted_snippets() {
    QTemporaryDir dir;
    storage::History h((dir.path() + "/h.db").toStdString());
    const int64_t c1 = h.create_conversation({"Carries"});
    const int64_t q = add(h, c1, std::nullopt, storage::Role::User, "What is 12 + 7?");
    add(h, c1, q, storage::Role::Assistant, "It is <b>19</b>, no carrying needed.");
    const int64_t q2 = add(h, c1, std::nullopt, storage::Role::User, "And 13 + 9?");
    add(h, c1, q2, storage::Role::Assistant, "22", "ones: 3 + 9 = 12, carry the 1");
    const int64_t c2 = h.create_conversation({"Other"});
    add(h, c2, std::nullopt, storage::Role::User, "unrelated words");

    SearchModel search(h);
    QSignalSpy changed(&search, &SearchModel::queryChanged);
    search.setQuery(QStringLiteral("carry"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(search.rowCount(), 2);
    QStringList fields;
    for (int r = 0; r < search.rowCount(); ++r) {
      const auto i = search.index(r);
      QCOMPARE(search.data(i, SearchModel::ConversationIdRole).toLongLong(), c1);
      QCOMPARE(search.data(i, SearchModel::TitleRole).toString(), QStringLiteral("Carries"));
      const QString snippet = search.data(i, SearchModel::SnippetRole).toString();
      QVERIFY2(snippet.contains("<b>carry</b>"), qPrintable(snippet));
      // Stored text is escaped: the answer's own "<b>" is shown as text, not markup.
      QVERIFY2(!snippet.contains("<b>19"), qPrintable(snippet));
      fields << search.data(i, SearchModel::FieldRole).toString();
    }
    fields.sort();
    QCOMPARE(fields, (QStringList{"content", "reasoning"}));

    search.setQuery(QStringLiteral("   "));
    QCOMPARE(search.rowCount(), 0);
    search.setQuery(QStringLiteral("nothing-like-this"));
    QCOMPARE(search.rowCount(), 0);
    QCOMPARE(search.error(), QString());
  }

  void opening_a_result_opens_its_chat_at_that_message_even_on_another_branch() {
    QTemporaryDir dir;
    storage::History h((dir.path() + "/h.db").toStdString());
    const int64_t c = h.create_conversation({"Branches"});
    const int64_t q = add(h, c, std::nullopt, storage::Role::User, "Name a colour");
    const int64_t first = add(h, c, q, storage::Role::Assistant, "Turquoise is lovely");
    const int64_t q2 = add(h, c, first, storage::Role::User, "Another?");
    add(h, c, q2, storage::Role::Assistant, "Vermilion");
    const int64_t second = add(h, c, q, storage::Role::Assistant, "Crimson, clearly");  // a sibling
    QCOMPARE(h.active_path(c).back().id, second);
    const int64_t other = h.create_conversation({"Elsewhere"});

    auto script = std::make_shared<test::FakeScript>();
    script->turns = {{"x"}};
    ui::EngineHost host(std::make_unique<test::FakeBackend>(script));
    test::TestModels models(host);
    ui::ChatController chat(h, host, models.manager);
    chat.openConversation(other);
    QSignalSpy focus(&chat, &ui::ChatController::focusRequested);

    chat.search()->setQuery(QStringLiteral("vermilion"));
    QCOMPARE(chat.search()->rowCount(), 1);
    chat.openSearchResult(0);
    QCOMPARE(chat.conversationId(), c);
    QCOMPARE(focus.size(), 1);
    const int row = focus.at(0).at(0).toInt();
    QCOMPARE(row, 3);
    QCOMPARE(chat.focusRow(), 3);
    auto* messages = chat.messages();
    QCOMPARE(messages->data(messages->index(row), ui::MessageListModel::ContentRole).toString(),
             QStringLiteral("Vermilion"));
    QCOMPARE(messages->data(messages->index(1), ui::MessageListModel::BranchIndexRole).toInt(), 1);
    QCOMPARE(h.active_path(c).back().content, std::string("Vermilion"));  // the branch is shown

    chat.search()->setQuery(QStringLiteral("crimson"));
    chat.openSearchResult(0);
    QCOMPARE(focus.last().at(0).toInt(), 1);
    QCOMPARE(messages->rowCount(), 2);
    QCOMPARE(messages->data(messages->index(1), ui::MessageListModel::BranchIndexRole).toInt(), 2);

    // A result whose conversation is deleted meanwhile: a message, not a crash; and once the
    // deletion is final the result is gone.
    chat.newChat();
    h.delete_conversation(c);  // behind the list's back
    chat.openSearchResult(0);
    QCOMPARE(chat.conversationId(), 0);
    QCOMPARE(chat.lastError(), ui::error_sentence(ui::ErrorKind::MessageNotFound));
    chat.conversations()->reload();
    QCOMPARE(chat.search()->rowCount(), 1);
    chat.conversations()->remove(other);
    chat.conversations()->commitRemoval();
    QCOMPARE(chat.search()->rowCount(), 0);
  }
};

QTEST_MAIN(TestChatSearch)
#include "tst_chat_search.moc"
