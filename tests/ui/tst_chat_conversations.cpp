// The sidebar's conversation list over a real History on a temporary database: date groups by
// local calendar day with pinned first, rename, pin, delete with an undo window, export.

#include <QtTest>

#include <QSignalSpy>
#include <QTemporaryDir>

#include "chat/conversation_list_model.h"
#include "storage/history.h"

using namespace sikao;
using ui::ConversationListModel;

namespace {

// Noon today, local time: day arithmetic never crosses midnight or a DST change at noon.
QDateTime noon(int days_ago) {
  return QDateTime(QDate::currentDate().addDays(-days_ago), QTime(12, 0));
}

struct Fixture {
  QTemporaryDir dir;
  int64_t clock_ms = noon(0).toMSecsSinceEpoch();
  std::unique_ptr<storage::History> history;

  Fixture() {
    storage::HistoryOptions options;
    options.now_ms = [this] { return clock_ms; };
    history = std::make_unique<storage::History>((dir.path() + "/history.db").toStdString(), options);
  }
  int64_t conversation_at(const std::string& title, int days_ago) {
    clock_ms = noon(days_ago).toMSecsSinceEpoch();
    const int64_t id = history->create_conversation({title});
    clock_ms = noon(0).toMSecsSinceEpoch();
    return id;
  }
};

QStringList column(const ConversationListModel& m, int role) {
  QStringList out;
  for (int r = 0; r < m.rowCount(); ++r) out << m.data(m.index(r), role).toString();
  return out;
}

} // namespace

class TestChatConversations : public QObject {
  Q_OBJECT

 private slots:
  void sections_follow_the_calendar_day() {
    const QDateTime now(QDate(2026, 3, 10), QTime(0, 5));  // just after midnight
    const auto s = [&](QDateTime t) { return ConversationListModel::sectionFor(t, false, now); };
    QCOMPARE(s(QDateTime(QDate(2026, 3, 10), QTime(0, 1))), QStringLiteral("today"));
    QCOMPARE(s(QDateTime(QDate(2026, 3, 9), QTime(23, 59))), QStringLiteral("yesterday"));
    QCOMPARE(s(QDateTime(QDate(2026, 3, 8), QTime(0, 0))), QStringLiteral("week"));
    QCOMPARE(s(QDateTime(QDate(2026, 3, 4), QTime(12, 0))), QStringLiteral("week"));   // 6 days
    QCOMPARE(s(QDateTime(QDate(2026, 3, 3), QTime(12, 0))), QStringLiteral("older"));  // 7 days
    QCOMPARE(ConversationListModel::sectionFor(QDateTime(QDate(2020, 1, 1), QTime()), true, now),
             QStringLiteral("pinned"));
  }

  void pinned_come_first_then_today_yesterday_last_week_older() {
    Fixture f;
    f.conversation_at("ancient", 40);
    f.conversation_at("three days", 3);
    const int64_t pinned_old = f.conversation_at("pinned old", 100);
    f.conversation_at("yesterday", 1);
    f.conversation_at("today", 0);
    f.history->set_pinned(pinned_old, true);
    ConversationListModel model(*f.history, [] { return noon(0); });

    QCOMPARE(column(model, ConversationListModel::TitleRole),
             (QStringList{"pinned old", "today", "yesterday", "three days", "ancient"}));
    QCOMPARE(column(model, ConversationListModel::SectionRole),
             (QStringList{"pinned", "today", "yesterday", "week", "older"}));
    QCOMPARE(model.data(model.index(0), ConversationListModel::SectionLabelRole).toString(),
             QStringLiteral("Pinned"));
    QCOMPARE(model.roleNames().value(ConversationListModel::SectionLabelRole), QByteArray("sectionLabel"));
  }

  void pinning_moves_a_conversation_to_the_top_and_unpinning_back_below_the_pinned() {
    Fixture f;
    const int64_t old = f.conversation_at("old", 10);
    f.conversation_at("new", 0);
    ConversationListModel model(*f.history, [] { return noon(0); });
    QCOMPARE(model.rowOf(old), 1);
    QVERIFY(model.setPinned(old, true));
    QCOMPARE(model.rowOf(old), 0);
    QVERIFY(f.history->conversation(old).pinned);
    QVERIFY(model.setPinned(old, false));
    QCOMPARE(model.rowOf(old), 1);
    // History counts pinning as a change of the conversation (updated_ms), so it is today's now.
    QCOMPARE(model.data(model.index(1), ConversationListModel::SectionRole).toString(), QStringLiteral("today"));
  }

  // Issue 14: the list is read again after every answer; the usual changes reach the sidebar as
  // what they are (a reset rebuilt every row: tens of milliseconds with a hundred chats).
  void a_reload_tells_the_view_what_changed_instead_of_resetting() {
    Fixture f;
    const int64_t old = f.conversation_at("Old", 3);
    f.conversation_at("Middle", 2);
    f.conversation_at("Recent", 1);
    ConversationListModel m(*f.history, [] { return noon(0); });
    QCOMPARE(column(m, ConversationListModel::TitleRole), QStringList({"Recent", "Middle", "Old"}));
    QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    QSignalSpy moved(&m, &QAbstractItemModel::rowsMoved);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);

    m.reload();  // nothing changed
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);

    f.conversation_at("New", 0);  // a new chat: one row at the top
    m.reload();
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted[0][1].toInt(), 0);
    QCOMPARE(column(m, ConversationListModel::TitleRole), QStringList({"New", "Recent", "Middle", "Old"}));

    storage::NewMessage msg;  // an old chat continued: it moves up, its section with it
    msg.conversation_id = old;
    msg.content = "more";
    f.clock_ms = noon(0).toMSecsSinceEpoch() + 1000;
    f.history->append_message(msg);
    m.reload();
    QCOMPARE(reset.count(), 0);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(column(m, ConversationListModel::TitleRole), QStringList({"Old", "New", "Recent", "Middle"}));
    QCOMPARE(column(m, ConversationListModel::SectionRole),
             QStringList({"today", "today", "yesterday", "week"}));
    QCOMPARE(m.data(m.index(0), ConversationListModel::MessageCountRole).toInt(), 1);

    f.history->delete_conversation(old);  // anything else: a reset
    f.conversation_at("Another", 0);
    m.reload();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(column(m, ConversationListModel::TitleRole), QStringList({"Another", "New", "Recent", "Middle"}));
  }

  void rename_stores_the_trimmed_title_and_refuses_a_blank_one() {
    Fixture f;
    const int64_t id = f.conversation_at("first", 0);
    ConversationListModel model(*f.history, [] { return noon(0); });
    QVERIFY(model.rename(id, QStringLiteral("  Sums with carries  ")));
    QCOMPARE(f.history->conversation(id).title, std::string("Sums with carries"));
    QCOMPARE(model.data(model.index(0), ConversationListModel::TitleRole).toString(),
             QStringLiteral("Sums with carries"));
    QVERIFY(!model.rename(id, QStringLiteral("   ")));
    QCOMPARE(f.history->conversation(id).title, std::string("Sums with carries"));
    QVERIFY(!model.rename(12345, QStringLiteral("nobody")));  // unknown id: an error, not a crash
    QVERIFY(!model.error().isEmpty());
  }

  void delete_hides_at_once_and_undo_brings_it_back_untouched() {
    Fixture f;
    const int64_t id = f.conversation_at("keep me", 0);
    f.history->append_message({id, std::nullopt, storage::Role::User, "hello"});
    ConversationListModel model(*f.history, [] { return noon(0); });
    model.setUndoWindow(std::chrono::hours(1));
    QSignalSpy removed(&model, &ConversationListModel::removed);
    model.remove(id);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.undoAvailable());
    QCOMPARE(model.undoTitle(), QStringLiteral("keep me"));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(f.history->conversation_ids(), std::vector<int64_t>{id});  // still stored

    model.undoRemove();
    QVERIFY(!model.undoAvailable());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(f.history->active_path(id).size(), size_t(1));
  }

  void delete_is_carried_out_when_the_undo_window_ends() {
    Fixture f;
    const int64_t a = f.conversation_at("a", 0);
    const int64_t b = f.conversation_at("b", 0);
    ConversationListModel model(*f.history, [] { return noon(0); });
    model.setUndoWindow(std::chrono::milliseconds(50));
    model.remove(a);
    QCOMPARE(model.rowCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!model.undoAvailable(), 5000);
    QCOMPARE(f.history->conversation_ids(), std::vector<int64_t>{b});
    model.undoRemove();  // too late: nothing to undo
    QCOMPARE(model.rowCount(), 1);
  }

  void a_second_delete_commits_the_first_and_destruction_commits_the_last() {
    Fixture f;
    const int64_t a = f.conversation_at("a", 0);
    const int64_t b = f.conversation_at("b", 0);
    f.conversation_at("c", 0);
    {
      ConversationListModel model(*f.history, [] { return noon(0); });
      model.setUndoWindow(std::chrono::hours(1));
      model.remove(a);
      model.remove(b);
      QCOMPARE(f.history->conversation_ids().size(), size_t(2));  // a is gone, b waits
      QCOMPARE(model.undoTitle(), QStringLiteral("b"));
    }
    QCOMPARE(f.history->conversation_ids().size(), size_t(1));
  }

  void export_writes_markdown_and_json_that_imports_back() {
    Fixture f;
    const int64_t id = f.conversation_at("Arithmetic", 0);
    const int64_t q = f.history->append_message({id, std::nullopt, storage::Role::User, "What is 12 + 7?"});
    storage::NewMessage a{id, q, storage::Role::Assistant, "The answer is 19."};
    a.reasoning = "2 + 7 = 9, 1 + 0 = 1.";
    f.history->append_message(a);
    ConversationListModel model(*f.history, [] { return noon(0); });

    const QString md = f.dir.path() + "/chat.md";
    QCOMPARE(model.exportTo(id, QStringLiteral("md"), md), QString());
    QFile mdFile(md);
    QVERIFY(mdFile.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(mdFile.readAll());
    QVERIFY(text.contains("Arithmetic"));
    QVERIFY(text.contains("The answer is 19."));
    QVERIFY(text.contains("2 + 7 = 9"));

    const QString json = f.dir.path() + "/chat.json";
    QCOMPARE(model.exportTo(id, QStringLiteral("json"), QUrl::fromLocalFile(json).toString()), QString());
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const auto imported = f.history->import_json(jsonFile.readAll().toStdString());
    QCOMPARE(imported.size(), size_t(1));
    QCOMPARE(f.history->active_path(imported[0]).back().reasoning, a.reasoning);

    QVERIFY(!model.exportTo(id, QStringLiteral("pdf"), md).isEmpty());
    QVERIFY(!model.exportTo(id, QStringLiteral("md"), f.dir.path() + "/no/such/dir/x.md").isEmpty());
  }
};

QTEST_MAIN(TestChatConversations)
#include "tst_chat_conversations.moc"
