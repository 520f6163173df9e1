// sikao-cli history: each subcommand against a database the library filled.

#include <filesystem>
#include <fstream>

#include <QTemporaryDir>
#include <QtTest>

#include "storage/history.h"
#include "support/test_support.h"

using namespace sikao::storage;
using sikao::test::run_cli;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

QString q(const std::string& s) { return QString::fromStdString(s); }

struct Filled {
  int64_t conv = 0, answer = 0;
};

Filled fill(const std::string& path) {
  History h(path);
  NewConversation nc;
  nc.title = "量子计算入门";
  nc.model_name = "DeepSeek-R1-Distill-Qwen-1.5B";
  Filled f;
  f.conv = h.create_conversation(nc);
  NewMessage u;
  u.conversation_id = f.conv;
  u.content = "什么是量子比特？";
  const int64_t uid = h.append_message(u);
  NewMessage a;
  a.conversation_id = f.conv;
  a.parent_id = uid;
  a.role = Role::Assistant;
  a.content = "A qubit is a two-level quantum system.";
  a.reasoning = "用户想知道量子比特的定义。";
  a.stats.reasoning_ms = 2500;
  a.stats.reasoning_tokens = 40;
  f.answer = h.append_message(a);
  h.create_conversation({"second chat"});
  return f;
}

} // namespace

class TstHistoryCli : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  std::string path(const char* name) { return dir_.filePath(name).toStdString(); }

 private slots:
  void lists_shows_and_searches() {
    const std::string db = path("a.db");
    const Filled f = fill(db);
    auto r = run_cli({"--db", q(db), "history", "list"});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.out.contains("量子计算入门") && r.out.contains("second chat"), qPrintable(r.out));
    QVERIFY(r.out.contains("2 msgs"));

    r = run_cli({"--db", q(db), "history", "show", QString::number(f.conv)});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.out.contains("什么是量子比特？") && r.out.contains("A qubit is") &&
                 r.out.contains("<reasoning>\n用户想知道"),
             qPrintable(r.out));

    r = run_cli({"--db", q(db), "history", "search", "量子"});  // 2 characters: the LIKE path
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.out.contains("[量子]比特"), qPrintable(r.out));
    r = run_cli({"--db", q(db), "history", "search", "two-level", "quantum"});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.out.contains(QString("%1/%2").arg(f.conv).arg(f.answer)) && r.out.contains("[two-level]"),
             qPrintable(r.out));
  }

  void export_then_import_round_trips() {
    const std::string db = path("b.db");
    fill(db);
    const std::string json = path("b.json");
    auto r = run_cli({"--db", q(db), "history", "export", "--all", "--format", "json", "-o", q(json)});
    QCOMPARE(r.exit_code, 0);
    const std::string exported = read_file(json);
    QVERIFY(exported.find("\"sikao-history\"") != std::string::npos);

    const std::string db2 = path("b2.db");
    r = run_cli({"--db", q(db2), "history", "import", q(json)});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.out.contains("imported 2 conversation(s): 1 2"), qPrintable(r.out));
    r = run_cli({"--db", q(db2), "history", "export", "--all", "--format", "json"});
    QCOMPARE(r.exit_code, 0);
    QCOMPARE(r.out.toStdString(), exported);

    r = run_cli({"--db", q(db2), "history", "export", "1", "--format", "md"});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.out.startsWith("# 量子计算入门\n") &&
                 r.out.contains("<details>\n<summary>Reasoning (2.5 s · 40 tokens)</summary>"),
             qPrintable(r.out));
  }

  void malformed_import_fails_and_changes_nothing() {
    const std::string db = path("c.db");
    fill(db);
    const std::string bad = path("bad.json");
    std::ofstream(bad) << R"({"format":"sikao-history","version":1,"conversations":[{"id":1}]})";
    const auto before = run_cli({"--db", q(db), "history", "export", "--all", "--format", "json"});
    const auto r = run_cli({"--db", q(db), "history", "import", q(bad)});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("bad.json") && r.err.contains("conversations[0]") &&
                 r.err.contains("nothing was imported"),
             qPrintable(r.err));
    const auto after = run_cli({"--db", q(db), "history", "export", "--all", "--format", "json"});
    QCOMPARE(after.out, before.out);
  }

  void deletes_and_reports_unknown_ids() {
    const std::string db = path("d.db");
    const Filled f = fill(db);
    auto r = run_cli({"--db", q(db), "history", "delete", QString::number(f.conv)});
    QCOMPARE(r.exit_code, 0);
    r = run_cli({"--db", q(db), "history", "show", QString::number(f.conv)});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains(QString("no conversation with id %1").arg(f.conv)), qPrintable(r.err));
    r = run_cli({"--db", q(db), "history", "export", "--format", "md"});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("usage:"), qPrintable(r.err));
  }

  void tells_the_user_when_a_damaged_file_was_kept_aside() {
    const std::string db = path("e.db");
    std::ofstream(db) << std::string(3000, '#');
    const auto r = run_cli({"--db", q(db), "history", "list"});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.err.contains("was damaged") && r.err.contains("e.db.damaged-"), qPrintable(r.err));
  }

  void run_refuses_a_history_database() {
    const std::string db = path("run.db");
    const auto r = run_cli({"--db", q(db), "run", "-p", "hello"});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("run does not store conversations"), qPrintable(r.err));
    QVERIFY(!std::filesystem::exists(db));
  }

  void defaults_to_the_xdg_data_directory() {
    const QString xdg = dir_.filePath("xdg");
    qputenv("XDG_DATA_HOME", xdg.toUtf8());
    const auto r = run_cli({"history", "list"});
    qunsetenv("XDG_DATA_HOME");
    QCOMPARE(r.exit_code, 0);
    QVERIFY(std::filesystem::exists((xdg + "/sikao/history.db").toStdString()));
  }
};

QTEST_GUILESS_MAIN(TstHistoryCli)
#include "tst_history_cli.moc"
