// sikao-cli history: each subcommand against a database the library filled.

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>

#include <grp.h>
#include <sys/resource.h>
#include <unistd.h>

#include <QCryptographicHash>
#include <QProcess>
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

QByteArray sha256_of(const std::string& path) {
  QFile f(q(path));
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

std::vector<std::string> names_in(const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(folder)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// run_cli with `in_child` run in the child between fork and exec: it sets what the CLI runs
// under (a user, a file size limit), and _exits with 99 if it cannot.
sikao::test::ProcessResult run_cli_as(const QStringList& args, std::function<void()> in_child) {
  return sikao::test::run_cli(args, 120000, std::move(in_child));
}

// Permissions do not stop root (the tests run as root in CI): as root the CLI runs as the
// user nobody, for whom a folder without write permission is what a read-only medium is to
// everyone. access(W_OK) answers the same for both.
void as_a_user_permissions_apply_to() {
  if (geteuid() != 0) return;
  constexpr gid_t k_nobody_gid = 65534;
  constexpr uid_t k_nobody_uid = 65534;
  if (setgroups(0, nullptr) != 0 || setgid(k_nobody_gid) != 0 || setuid(k_nobody_uid) != 0) _exit(99);
}

// Every write of a file past 0 bytes fails (EFBIG), as on a full disk: a new database file can
// be created, nothing can be written into it.
void with_no_room_for_file_data() {
  std::signal(SIGXFSZ, SIG_IGN);  // else the first write kills the process
  const rlimit none{0, 0};
  if (setrlimit(RLIMIT_FSIZE, &none) != 0) _exit(99);
}

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
    // An SQLite header, then damage: a history that was ours.
    std::ofstream(db) << std::string("SQLite format 3\0", 16) << std::string(3000, '#');
    const auto r = run_cli({"--db", q(db), "history", "list"});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.err.contains("was damaged") && r.err.contains("e.db.damaged-"), qPrintable(r.err));
  }

  void a_file_that_is_not_a_history_is_refused_and_left_untouched() {
    const std::string notes = path("some-notes.txt");
    std::ofstream(notes) << "buy milk\nreply to Ana\n" << std::string(3000, '-');
    const QByteArray sha = sha256_of(notes);
    const auto names = names_in(dir_.path().toStdString());
    for (const char* sub : {"list", "search"}) {
      QStringList args{"--db", q(notes), "history", sub};
      if (std::string(sub) == "search") args << "milk";
      const auto r = run_cli(args);
      QCOMPARE(r.exit_code, 1);
      QVERIFY2(r.err.contains("some-notes.txt is not a Sikao history") &&
                   r.err.contains("left untouched"),
               qPrintable(r.err));
    }
    QCOMPARE(sha256_of(notes), sha);
    QCOMPARE(names_in(dir_.path().toStdString()), names);  // no some-notes.txt.damaged-*, no -wal
  }

  // A history on a read-only medium: list, show, search and export read it; a write says it
  // is read-only; nothing is created or changed there.
  void a_history_that_cannot_be_written_is_read_read_only() {
    namespace fs = std::filesystem;
    const std::string folder = path("read-only");
    fs::create_directory(folder);
    const std::string db = folder + "/history.db";
    const Filled f = fill(db);
    const QByteArray sha = sha256_of(db);
    const auto names = names_in(folder);
    QCOMPARE(names, std::vector<std::string>{"history.db"});  // a clean close leaves no -wal, -shm
    const auto perms = fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                       fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec;
    fs::permissions(dir_.path().toStdString(), perms | fs::perms::owner_write);  // nobody may enter
    fs::permissions(folder, perms);
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);

    auto r = run_cli_as({"--db", q(db), "history", "list"}, as_a_user_permissions_apply_to);
    QVERIFY2(r.exit_code == 0 && r.out.contains("量子计算入门") && r.err.contains("read-only"),
             qPrintable(r.err));
    r = run_cli_as({"--db", q(db), "history", "show", QString::number(f.conv)}, as_a_user_permissions_apply_to);
    QVERIFY2(r.exit_code == 0 && r.out.contains("A qubit is"), qPrintable(r.err));
    r = run_cli_as({"--db", q(db), "history", "search", "qubit"}, as_a_user_permissions_apply_to);
    QVERIFY2(r.exit_code == 0 && r.out.contains("[qubit]"), qPrintable(r.err));
    r = run_cli_as({"--db", q(db), "history", "export", "--all", "--format", "json"},
                   as_a_user_permissions_apply_to);
    QVERIFY2(r.exit_code == 0 && r.out.contains("two-level quantum system"), qPrintable(r.err));
    r = run_cli_as({"--db", q(db), "history", "delete", QString::number(f.conv)},
                   as_a_user_permissions_apply_to);
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("is read-only") && r.err.contains("nothing was changed"), qPrintable(r.err));

    fs::permissions(folder, perms | fs::perms::owner_write);
    fs::permissions(dir_.path().toStdString(), fs::perms::owner_all);
    QCOMPARE(names_in(folder), names);
    QCOMPARE(sha256_of(db), sha);
  }

  // A crash left a -wal file and the medium has no -shm: SQLite can read only the database
  // file, and the CLI says that the last changes are not shown.
  void a_read_only_history_with_an_unread_wal_says_so() {
    namespace fs = std::filesystem;
    const std::string live = path("live.db");
    fill(live);
    History writer(live);
    writer.create_conversation({"only in the WAL"});
    const std::string folder = path("read-only-crashed");
    fs::create_directory(folder);
    const std::string db = folder + "/history.db";
    fs::copy_file(live, db);
    fs::copy_file(live + "-wal", db + "-wal");
    const auto perms = fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                       fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec;
    fs::permissions(dir_.path().toStdString(), perms | fs::perms::owner_write);
    fs::permissions(folder, perms);
    const auto r = run_cli_as({"--db", q(db), "history", "list"}, as_a_user_permissions_apply_to);
    fs::permissions(folder, perms | fs::perms::owner_write);
    fs::permissions(dir_.path().toStdString(), fs::perms::owner_all);
    QVERIFY2(r.exit_code == 0 && r.out.contains("second chat"), qPrintable(r.err));
    QVERIFY2(!r.out.contains("only in the WAL"), qPrintable(r.out));
    QVERIFY2(r.err.contains("history.db-wal") && r.err.contains("not shown"), qPrintable(r.err));
    QCOMPARE(names_in(folder), (std::vector<std::string>{"history.db", "history.db-wal"}));
  }

  // The same read-only reading, asked for: the history is writable, the CLI leaves it as it is.
  void read_only_option_reads_without_writing() {
    const std::string db = path("asked.db");
    fill(db);
    const QByteArray sha = sha256_of(db);
    auto r = run_cli({"--db", q(db), "history", "--read-only", "list"});
    QVERIFY2(r.exit_code == 0 && r.out.contains("second chat"), qPrintable(r.err));
    r = run_cli({"--db", q(db), "history", "--read-only", "delete", "1"});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("is read-only"), qPrintable(r.err));
    QCOMPARE(sha256_of(db), sha);
  }

  // An SQLite URI as --db used to create a folder named "file:" next to the user's files.
  void an_sqlite_uri_as_db_is_refused_and_creates_nothing() {
    const std::string db = path("uri.db");
    fill(db);
    const QByteArray sha = sha256_of(db);
    const auto names = names_in(dir_.path().toStdString());
    QProcess p;
    p.setWorkingDirectory(dir_.path());
    p.start(QStringLiteral(SIKAO_CLI_PATH_STR),
            {"--db", q("file:" + db + "?mode=ro"), "history", "list"});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains("not an SQLite URI") && err.contains("--read-only"), qPrintable(err));
    QCOMPARE(names_in(dir_.path().toStdString()), names);
    QCOMPARE(sha256_of(db), sha);
  }

  void a_history_that_cannot_be_created_leaves_no_file() {
    const std::string db = path("full/history.db");
    const auto r = run_cli_as({"--db", q(db), "history", "list"}, with_no_room_for_file_data);
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("history.db"), qPrintable(r.err));
    QVERIFY(std::filesystem::exists(path("full")));  // the folder was made before the write failed
    QCOMPARE(names_in(path("full")), std::vector<std::string>{});
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
