// The history library: schema and migrations, branches, streaming, search, export/import,
// damaged files, full disks and read-only databases.

#include <filesystem>
#include <fstream>

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "storage/history.h"
#include "storage/schema.h"
#include "fixtures.h"

using namespace sikao::storage;
using sikao::test::FakeClock;
using sikao::test::temp_path;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(std::string)

namespace {

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << bytes;
}

NewMessage user_msg(int64_t conv, std::optional<int64_t> parent, std::string text) {
  NewMessage m;
  m.conversation_id = conv;
  m.parent_id = parent;
  m.role = Role::User;
  m.content = std::move(text);
  return m;
}

NewMessage assistant_msg(int64_t conv, std::optional<int64_t> parent, std::string text,
                         std::string reasoning = {}) {
  NewMessage m = user_msg(conv, parent, std::move(text));
  m.role = Role::Assistant;
  m.reasoning = std::move(reasoning);
  m.model = "Qwen3-0.6B";
  m.stats = {12, 340, 120, 4100, 9050, 37.25};
  return m;
}

std::vector<int64_t> ids_of(const std::vector<Message>& ms) {
  std::vector<int64_t> ids;
  for (const auto& m : ms) ids.push_back(m.id);
  return ids;
}

std::vector<int64_t> hit_ids(const std::vector<SearchHit>& hits) {
  std::vector<int64_t> ids;
  for (const auto& h : hits) ids.push_back(h.message_id);
  return ids;
}

// Replaces every id in an export with its order of first appearance, so that two exports of
// the same history with different row ids compare equal exactly when everything else is equal.
nlohmann::json normalise_ids(nlohmann::json doc) {
  std::map<int64_t, int64_t> msg_map;
  int64_t conv_n = 0;
  for (auto& c : doc["conversations"]) {
    c["id"] = ++conv_n;
    for (auto& m : c["messages"]) {
      const int64_t n = static_cast<int64_t>(msg_map.size()) + 1;
      msg_map[m["id"].get<int64_t>()] = n;
      m["id"] = n;
      if (!m["parent_id"].is_null()) m["parent_id"] = msg_map.at(m["parent_id"].get<int64_t>());
    }
    if (!c["active_leaf_id"].is_null()) c["active_leaf_id"] = msg_map.at(c["active_leaf_id"].get<int64_t>());
  }
  return doc;
}

StorageErrorCode code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const StorageError& e) {
    qInfo("  error message: %s", e.what());
    return e.code();
  }
  return StorageErrorCode::Internal;
}

// The 16 bytes every SQLite database file starts with.
std::string sqlite_header() { return std::string("SQLite format 3\0", 16); }

size_t files_in(const std::string& folder) {
  return static_cast<size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

} // namespace

class TstHistory : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  int n_ = 0;
  std::string fresh_path() { return temp_path(dir_, ("h" + std::to_string(++n_) + ".db").c_str()); }

  // A small conversation with a regenerated answer: u1 -> {a1, a2}, a2 -> u2 -> a3.
  struct Tree {
    int64_t conv, u1, a1, a2, u2, a3;
  };
  Tree build_tree(History& h, FakeClock& clock) {
    Tree t;
    NewConversation nc;
    nc.title = "Vulkan 入门";
    nc.model_file = "/models/qwen3.gguf";
    nc.model_name = "Qwen3-0.6B";
    nc.system_prompt = "You are terse.";
    nc.settings_json = R"({"temperature":0.6,"top_p":0.95})";
    t.conv = h.create_conversation(nc);
    clock.advance(1s);
    t.u1 = h.append_message(user_msg(t.conv, std::nullopt, "What is a compute shader?"));
    clock.advance(1s);
    t.a1 = h.append_message(assistant_msg(t.conv, t.u1, "A program that runs on the GPU.", "The user asks about shaders."));
    clock.advance(1s);
    t.a2 = h.append_message(assistant_msg(t.conv, t.u1, "计算着色器是在GPU上运行的程序。", "用户问的是着色器。"));
    clock.advance(1s);
    t.u2 = h.append_message(user_msg(t.conv, t.a2, "日本語で説明してください"));
    clock.advance(1s);
    t.a3 = h.append_message(assistant_msg(t.conv, t.u2, "コンピュートシェーダーはGPUで動くプログラムです。", "日本語で答える。"));
    return t;
  }

 private slots:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  // ---- schema ----

  void fresh_database_uses_newest_schema_and_wal() {
    const std::string path = fresh_path();
    {
      History h(path);
      QVERIFY(h.report().created);
      QCOMPARE(h.report().migrated_from, 0);
    }
    sikao::storage::internal::Database db(path, sikao::storage::internal::Database::Mode::ReadWrite);
    QCOMPARE(sikao::storage::internal::schema_version_of(db), History::schema_version());
    auto st = db.prepare("PRAGMA journal_mode");
    QVERIFY(st.step());
    QCOMPARE(st.column_text(0), std::string("wal"));
  }

  void migrates_from_every_older_version_keeping_data_data() {
    QTest::addColumn<int>("from");
    for (int v = 0; v < History::schema_version(); ++v) QTest::newRow(qPrintable(QString("v%1").arg(v))) << v;
  }
  void migrates_from_every_older_version_keeping_data() {
    QFETCH(int, from);
    const std::string path = fresh_path();
    {
      namespace in = sikao::storage::internal;
      in::Database db(path, in::Database::Mode::ReadWrite);
      in::migrate(db, from);
      QCOMPARE(in::schema_version_of(db), from);
      if (from >= 1) {
        // Rows as a version-1 Sikao wrote them (no pinned/archived, no FTS).
        db.exec(R"sql(
          INSERT INTO conversations (id, title, created_ms, updated_ms, model_name, settings_json)
            VALUES (7, 'Old chat', 1000, 2000, 'SmolLM2', '{"temperature":0.2}');
          INSERT INTO messages (id, conversation_id, parent_id, role, content, reasoning, status,
                                generated_tokens, tokens_per_second, created_ms, finished_ms)
            VALUES (10, 7, NULL, 'user', 'Tell me about Vulkan barriers', '', 'complete', 0, 0, 1000, 1000),
                   (11, 7, 10, 'assistant', '屏障保证写入在读取之前完成', 'barrier hazards', 'complete', 9, 21.5, 1100, 1200),
                   (12, 7, 10, 'assistant', 'half an answer that was cut', '', 'streaming', 3, 0, 1300, NULL);
          UPDATE conversations SET active_leaf_id = 12 WHERE id = 7;
        )sql");
      }
    }
    FakeClock clock;
    History h(path, clock.options());
    QCOMPARE(h.report().migrated_from, from);
    QVERIFY(!h.report().damaged);
    if (from == 0) {
      QVERIFY(h.list_conversations().empty());
      return;
    }
    const Conversation c = h.conversation(7);
    QCOMPARE(c.title, std::string("Old chat"));
    QCOMPARE(c.model_name, std::string("SmolLM2"));
    QCOMPARE(c.settings_json, std::string(R"({"temperature":0.2})"));
    QCOMPARE(c.pinned, false);
    QCOMPARE(c.archived, false);
    QCOMPARE(c.active_leaf_id, std::optional<int64_t>(12));
    const auto all = h.all_messages(7);
    QCOMPARE(all.size(), size_t(3));
    QCOMPARE(all[1].content, std::string("屏障保证写入在读取之前完成"));
    QCOMPARE(all[1].stats.tokens_per_second, 21.5);
    QCOMPARE(all[1].parent_id, std::optional<int64_t>(10));
    // The interrupted message is recovered during the same open.
    QCOMPARE(h.report().streaming_marked_stopped, 1);
    QCOMPARE(all[2].status, MessageStatus::Stopped);
    QCOMPARE(all[2].content, std::string("half an answer that was cut"));
    // The FTS index was built from rows that existed before it.
    QCOMPARE(hit_ids(h.search("barriers")), std::vector<int64_t>{10});
    QCOMPARE(hit_ids(h.search("写入在读取")), std::vector<int64_t>{11});
    QCOMPARE(hit_ids(h.search("hazards")), std::vector<int64_t>{11});
    QCOMPARE(hit_ids(h.search("屏障")), std::vector<int64_t>{11});  // short-query index (v4)
    // New features work on the migrated file.
    h.set_pinned(7, true);
    QVERIFY(h.conversation(7).pinned);
  }

  void refuses_database_from_a_newer_version() {
    const std::string path = fresh_path();
    { History h(path); }
    {
      namespace in = sikao::storage::internal;
      in::Database db(path, in::Database::Mode::ReadWrite);
      db.exec("PRAGMA user_version = 99");
    }
    QCOMPARE(code_of([&] { History h(path); }), StorageErrorCode::TooNew);
    QVERIFY(fs::exists(path));
  }

  // ---- branches ----

  void regenerating_makes_siblings_and_switching_changes_the_path() {
    FakeClock clock;
    History h(fresh_path(), clock.options());
    const Tree t = build_tree(h, clock);
    QCOMPARE(ids_of(h.active_path(t.conv)), (std::vector<int64_t>{t.u1, t.a2, t.u2, t.a3}));
    QCOMPARE(ids_of(h.siblings(t.a1)), (std::vector<int64_t>{t.a1, t.a2}));
    QCOMPARE(h.branch_position(t.a2).index, 1);
    QCOMPARE(h.branch_position(t.a2).count, 2);
    QCOMPARE(h.branch_position(t.u2).count, 1);

    h.switch_branch(t.a1);
    QCOMPARE(ids_of(h.active_path(t.conv)), (std::vector<int64_t>{t.u1, t.a1}));
    h.switch_branch(t.a2);  // back to the longer branch: down to its newest leaf
    QCOMPARE(ids_of(h.active_path(t.conv)), (std::vector<int64_t>{t.u1, t.a2, t.u2, t.a3}));

    // Editing the first user message makes a sibling root.
    const int64_t u1b = h.append_message(user_msg(t.conv, std::nullopt, "What is a shader?"));
    QCOMPARE(ids_of(h.siblings(t.u1)), (std::vector<int64_t>{t.u1, u1b}));
    QCOMPARE(ids_of(h.active_path(t.conv)), std::vector<int64_t>{u1b});
  }

  void deleting_a_message_deletes_its_subtree() {
    FakeClock clock;
    History h(fresh_path(), clock.options());
    const Tree t = build_tree(h, clock);
    h.delete_subtree(t.a2);
    QCOMPARE(ids_of(h.all_messages(t.conv)), (std::vector<int64_t>{t.u1, t.a1}));
    QCOMPARE(ids_of(h.active_path(t.conv)), std::vector<int64_t>{t.u1});
    QCOMPARE(code_of([&] { h.message(t.a3); }), StorageErrorCode::NotFound);
    QVERIFY(h.search("コンピュート").empty());  // gone from both indexes too
    QVERIFY(h.search("動").empty());
    // Deleting an inactive branch leaves the path alone.
    const int64_t a4 = h.append_message(assistant_msg(t.conv, t.u1, "third answer"));
    h.delete_subtree(t.a1);
    QCOMPARE(ids_of(h.active_path(t.conv)), (std::vector<int64_t>{t.u1, a4}));
  }

  void deletes_a_chain_deeper_than_the_trigger_limit() {
    History h(fresh_path());
    const int64_t conv = h.create_conversation({});
    std::optional<int64_t> parent;
    int64_t first = 0;
    for (int i = 0; i < 1100; ++i) {
      parent = h.append_message(user_msg(conv, parent, "turn " + std::to_string(i)));
      if (i == 0) first = *parent;
    }
    h.delete_subtree(first);
    QVERIFY(h.all_messages(conv).empty());
    QVERIFY(h.active_path(conv).empty());
    h.delete_conversation(conv);
    QCOMPARE(code_of([&] { h.conversation(conv); }), StorageErrorCode::NotFound);
  }

  void rejects_a_parent_from_another_conversation() {
    History h(fresh_path());
    const int64_t c1 = h.create_conversation({});
    const int64_t c2 = h.create_conversation({});
    const int64_t m1 = h.append_message(user_msg(c1, std::nullopt, "hi"));
    QCOMPARE(code_of([&] { h.append_message(user_msg(c2, m1, "x")); }), StorageErrorCode::InvalidArgument);
    QCOMPARE(code_of([&] { h.append_message(user_msg(999, std::nullopt, "x")); }), StorageErrorCode::NotFound);
    QVERIFY(h.all_messages(c2).empty());
  }

  void lists_pinned_first_and_hides_archived() {
    FakeClock clock;
    History h(fresh_path(), clock.options());
    const int64_t a = h.create_conversation({"a"});
    clock.advance(1s);
    const int64_t b = h.create_conversation({"b"});
    clock.advance(1s);
    const int64_t c = h.create_conversation({"c"});
    h.set_pinned(a, true);
    h.set_archived(c, true);
    auto list = h.list_conversations();
    QCOMPARE(list.size(), size_t(2));
    QCOMPARE(list[0].conversation.id, a);
    QCOMPARE(list[1].conversation.id, b);
    ListOptions all;
    all.include_archived = true;
    QCOMPARE(h.list_conversations(all).size(), size_t(3));
  }

  void the_system_prompt_of_a_chat_can_be_changed() {
    FakeClock clock;
    History h(fresh_path(), clock.options());
    NewConversation n;
    n.title = "t";
    n.system_prompt = "Be brief.";
    const int64_t c = h.create_conversation(n);
    QCOMPARE(h.conversation(c).system_prompt, std::string("Be brief."));
    clock.advance(1s);
    h.set_system_prompt(c, "用中文回答。");
    QCOMPARE(h.conversation(c).system_prompt, std::string("用中文回答。"));
    QVERIFY(h.conversation(c).updated_ms > h.conversation(c).created_ms);
    QCOMPARE(code_of([&] { h.set_system_prompt(999, "x"); }), StorageErrorCode::NotFound);
  }

  // ---- streaming ----

  // The inspector's per-token probabilities are bytes the app encodes: stored with the final
  // write, byte for byte (NULs included), and gone with the message.
  void token_confidence_is_kept_with_the_finished_answer_and_deleted_with_it() {
    History h(fresh_path());
    const int64_t c = h.create_conversation({"t"});
    const int64_t u = h.append_message(user_msg(c, std::nullopt, "hi"));
    NewMessage a = assistant_msg(c, u, "");
    const int64_t with = h.begin_streaming(a);
    const std::string bytes("SKC1\0\x01\xff\x80 binary", 16);
    h.finish_streaming(with, MessageStatus::Complete, "x", "y", {}, {}, bytes);
    QCOMPARE(h.token_confidence(with), std::optional<std::string>(bytes));
    a.parent_id = with;
    const int64_t without = h.begin_streaming(a);
    h.finish_streaming(without, MessageStatus::Stopped, "x", "", {});
    QCOMPARE(h.token_confidence(without), std::optional<std::string>());
    QCOMPARE(h.token_confidence(u), std::optional<std::string>());
    h.delete_conversation(c);
    QCOMPARE(h.token_confidence(with), std::optional<std::string>());
  }

  // The GUI's storage worker writes the growing answer through a second connection: opening it
  // must not mark the live answer stopped, and the first connection reads what it writes.
  void a_second_connection_leaves_a_live_answer_streaming() {
    const std::string path = fresh_path();
    History first(path);
    const int64_t c = first.create_conversation({"t"});
    const int64_t u = first.append_message(user_msg(c, std::nullopt, "hi"));
    NewMessage a = assistant_msg(c, u, "");
    const int64_t id = first.begin_streaming(a);
    HistoryOptions second_options;
    second_options.second_connection = true;
    second_options.streaming_interval = 0ms;
    History second(path, second_options);
    QCOMPARE(second.report().streaming_marked_stopped, 0);
    QCOMPARE(first.message(id).status, MessageStatus::Streaming);
    QVERIFY(second.update_streaming(id, "partial", "thinking", {}));
    QCOMPARE(first.message(id).content, std::string("partial"));
    QCOMPARE(first.message(id).status, MessageStatus::Streaming);

    const std::string missing = fresh_path();
    QCOMPARE(code_of([&] { History h(missing, second_options); }), StorageErrorCode::NotFound);
    QVERIFY(!fs::exists(missing));
    {
      namespace in = sikao::storage::internal;
      in::Database db(missing, in::Database::Mode::ReadWrite);
      db.exec("CREATE TABLE x (y)");
    }
    QCOMPARE(code_of([&] { History h(missing, second_options); }), StorageErrorCode::InvalidArgument);
  }

  void streaming_writes_are_throttled_to_the_interval() {
    FakeClock clock;
    const std::string path = fresh_path();
    History h(path, clock.options());
    const int64_t conv = h.create_conversation({});
    const int64_t u = h.append_message(user_msg(conv, std::nullopt, "count"));
    const int64_t id = h.begin_streaming(assistant_msg(conv, u, ""));
    QCOMPARE(h.message(id).status, MessageStatus::Streaming);
    QCOMPARE(h.active_path(conv).back().id, id);

    clock.advance(100ms);
    QVERIFY(!h.update_streaming(id, "one", "", {}));
    QCOMPARE(h.message(id).content, std::string(""));
    clock.advance(149ms);
    QVERIFY(!h.update_streaming(id, "one two", "", {}));
    clock.advance(1ms);  // 250 ms since the insert
    QVERIFY(h.update_streaming(id, "one two three", "thinking", {5, 3, 1, 10, 20, 150.0}));
    QCOMPARE(h.message(id).content, std::string("one two three"));
    QCOMPARE(h.message(id).stats.generated_tokens, int64_t(3));
    clock.advance(249ms);
    QVERIFY(!h.update_streaming(id, "one two three four", "thinking", {}));
    clock.advance(1ms);
    QVERIFY(h.update_streaming(id, "one two three four five", "thinking", {}));

    h.finish_streaming(id, MessageStatus::Complete, "one two three four five six", "thinking",
                       {5, 6, 1, 10, 40, 150.0});
    const Message m = h.message(id);
    QCOMPARE(m.status, MessageStatus::Complete);
    QCOMPARE(m.content, std::string("one two three four five six"));
    QVERIFY(m.finished_ms.has_value());
    QCOMPARE(code_of([&] { h.update_streaming(id, "more", "", {}); }), StorageErrorCode::InvalidArgument);
  }

  void the_interval_is_configurable() {
    FakeClock clock;
    auto o = clock.options();
    o.streaming_interval = 40ms;
    History h(fresh_path(), o);
    const int64_t conv = h.create_conversation({});
    const int64_t id = h.begin_streaming(assistant_msg(conv, std::nullopt, ""));
    clock.advance(39ms);
    QVERIFY(!h.update_streaming(id, "a", "", {}));
    clock.advance(1ms);
    QVERIFY(h.update_streaming(id, "ab", "", {}));
  }

  void leftover_streaming_messages_become_stopped_keeping_text() {
    FakeClock clock;
    const std::string path = fresh_path();
    int64_t id = 0, done = 0;
    {
      History h(path, clock.options());
      const int64_t conv = h.create_conversation({});
      done = h.append_message(user_msg(conv, std::nullopt, "finished question"));
      id = h.begin_streaming(assistant_msg(conv, done, ""));
      clock.advance(300ms);
      QVERIFY(h.update_streaming(id, "partial answer", "partial thought", {}));
      // no finish: the process "dies" here
    }
    History h(path, clock.options());
    QCOMPARE(h.report().streaming_marked_stopped, 1);
    const Message m = h.message(id);
    QCOMPARE(m.status, MessageStatus::Stopped);
    QCOMPARE(m.content, std::string("partial answer"));
    QCOMPARE(m.reasoning, std::string("partial thought"));
    QVERIFY(m.finished_ms.has_value());
    QCOMPARE(h.message(done).status, MessageStatus::Complete);
  }

  void an_error_finish_keeps_the_error_text() {
    History h(fresh_path());
    const int64_t conv = h.create_conversation({});
    const int64_t id = h.begin_streaming(assistant_msg(conv, std::nullopt, ""));
    h.finish_streaming(id, MessageStatus::Error, "partial", "", {}, "device lost");
    QCOMPARE(h.message(id).status, MessageStatus::Error);
    QCOMPARE(h.message(id).error, std::string("device lost"));
  }

  // ---- search ----

  void search_finds_english_chinese_and_japanese_data() {
    QTest::addColumn<std::string>("query");
    QTest::addColumn<std::string>("marked");  // expected in the snippet
    QTest::addColumn<int>("field");
    QTest::newRow("english") << std::string("compute SHADER") << std::string("a [compute] [shader]") << 0;
    QTest::newRow("english-reasoning") << std::string("asks about") << std::string("[asks] [about]") << 1;
    QTest::newRow("chinese-long") << std::string("着色器是") << std::string("[着色器是]") << 0;
    QTest::newRow("chinese-2-chars") << std::string("程序") << std::string("[程序]") << 0;
    QTest::newRow("chinese-reasoning-2") << std::string("用户") << std::string("[用户]") << 1;
    QTest::newRow("japanese-long") << std::string("シェーダー") << std::string("[シェーダー]") << 0;
    QTest::newRow("japanese-2-chars") << std::string("説明") << std::string("[説明]") << 0;
    QTest::newRow("japanese-1-char") << std::string("動") << std::string("[動]") << 0;
  }
  void search_finds_english_chinese_and_japanese() {
    QFETCH(std::string, query);
    QFETCH(std::string, marked);
    QFETCH(int, field);
    FakeClock clock;
    History h(fresh_path(), clock.options());
    const Tree t = build_tree(h, clock);
    const auto hits = h.search(query);
    QVERIFY2(!hits.empty(), query.c_str());
    const std::vector<std::string> texts = {h.message(hits[0].message_id).content,
                                            h.message(hits[0].message_id).reasoning};
    for (const auto& hit : hits) {
      QCOMPARE(hit.conversation_id, t.conv);
      QCOMPARE(hit.conversation_title, std::string("Vulkan 入门"));
    }
    QVERIFY2(hits[0].snippet.find(marked) != std::string::npos, hits[0].snippet.c_str());
    QCOMPARE(static_cast<int>(hits[0].field), field);
  }

  void search_requires_every_term_and_handles_quotes_and_wildcards() {
    FakeClock clock;
    History h(fresh_path(), clock.options());
    const Tree t = build_tree(h, clock);
    QCOMPARE(hit_ids(h.search("program GPU")), std::vector<int64_t>{t.a1});
    QVERIFY(h.search("program nonexistentword").empty());
    QVERIFY(h.search("\"quoted\" AND OR NEAR(").empty());  // FTS syntax is taken literally
    QVERIFY(h.search("%").empty());                        // LIKE wildcards too
    QVERIFY(h.search("_").empty());
    QVERIFY(h.search("   ").empty());
  }

  void short_terms_match_word_starts_and_mix_with_long_terms() {
    FakeClock clock;
    History h(fresh_path(), clock.options());
    const Tree t = build_tree(h, clock);
    // "GPU" is a word start in all three answers, also between CJK characters (在GPU上).
    QCOMPARE(hit_ids(h.search("GP")), (std::vector<int64_t>{t.a3, t.a2, t.a1}));
    QVERIFY(h.search("PU").empty());  // not a word start
    QCOMPARE(hit_ids(h.search("程序 GPU上运行")), std::vector<int64_t>{t.a2});
    QCOMPARE(hit_ids(h.search("程序 runs")), std::vector<int64_t>{});
    QCOMPARE(hit_ids(h.search("です GPU")), std::vector<int64_t>{t.a3});
  }

  void the_index_follows_streaming_rewrites() {
    FakeClock clock;
    History h(fresh_path(), clock.options());
    const int64_t conv = h.create_conversation({});
    const int64_t id = h.begin_streaming(assistant_msg(conv, std::nullopt, ""));
    clock.advance(300ms);
    QVERIFY(h.update_streaming(id, "初稿 draft text", "", {}));
    QCOMPARE(hit_ids(h.search("初稿")), std::vector<int64_t>{id});
    QCOMPARE(hit_ids(h.search("draft")), std::vector<int64_t>{id});
    h.finish_streaming(id, MessageStatus::Complete, "定稿 final text", "", {});
    QVERIFY(h.search("初稿").empty());
    QVERIFY(h.search("draft").empty());
    QCOMPARE(hit_ids(h.search("定稿")), std::vector<int64_t>{id});
    QCOMPARE(hit_ids(h.search("final")), std::vector<int64_t>{id});
  }

  void search_orders_by_newest_or_by_rank() {
    FakeClock clock;
    History h(fresh_path(), clock.options());
    const int64_t conv = h.create_conversation({"ordering"});
    const int64_t strong = h.append_message(user_msg(conv, std::nullopt, "kernel kernel kernel kernel fusion"));
    clock.advance(1s);
    const int64_t weak = h.append_message(user_msg(conv, strong,
        "a long message that mentions the kernel only once among many many other words about "
        "memory bandwidth, tiling, subgroups, specialisation constants and descriptor sets"));
    QCOMPARE(hit_ids(h.search("kernel")), (std::vector<int64_t>{weak, strong}));
    SearchOptions by_rank;
    by_rank.order = SearchOrder::Rank;
    QCOMPARE(hit_ids(h.search("kernel", by_rank)), (std::vector<int64_t>{strong, weak}));
    SearchOptions one;
    one.limit = 1;
    QCOMPARE(hit_ids(h.search("kernel", one)), std::vector<int64_t>{weak});
  }

  // ---- export / import ----

  void json_export_import_round_trip_is_identical() {
    FakeClock clock;
    const std::string src_path = fresh_path();
    History src(src_path, clock.options());
    build_tree(src, clock);
    const Tree t2 = build_tree(src, clock);
    src.set_pinned(t2.conv, true);
    src.switch_branch(t2.a1);
    const int64_t s = src.begin_streaming(assistant_msg(t2.conv, t2.a1, "streamed"));
    src.finish_streaming(s, MessageStatus::Stopped, "stopped half", "why", {1, 2, 3, 4, 5, 0.1 + 0.2});
    const std::string exported = src.export_json(src.conversation_ids());

    // Into an empty database the ids come out the same: byte-identical.
    History dst(fresh_path(), clock.options());
    const auto ids = dst.import_json(exported);
    QCOMPARE(ids.size(), size_t(2));
    QCOMPARE(dst.export_json(ids), exported);

    // Into a database with other rows the ids differ; everything else is identical.
    History busy(fresh_path(), clock.options());
    build_tree(busy, clock);
    const auto ids2 = busy.import_json(exported);
    QVERIFY(ids2 != ids);
    QCOMPARE(normalise_ids(nlohmann::json::parse(busy.export_json(ids2))),
             normalise_ids(nlohmann::json::parse(exported)));
    // And the import is a working history: branches, path, search.
    QCOMPARE(busy.active_path(ids2[1]).back().content, std::string("stopped half"));
    QCOMPARE(busy.branch_position(busy.active_path(ids2[1])[1].id).count, 2);
    QCOMPARE(busy.search("stopped half").size(), size_t(1));
  }

  void markdown_shows_the_active_path_with_reasoning_folded() {
    FakeClock clock;
    History h(fresh_path(), clock.options());
    const Tree t = build_tree(h, clock);
    const std::string md = h.export_markdown(t.conv);
    QVERIFY(md.starts_with("# Vulkan 入门\n"));
    QVERIFY(md.find("You are terse.") != std::string::npos);
    QVERIFY(md.find("<details>\n<summary>Reasoning (4.1 s · 120 tokens)</summary>\n\n用户问的是着色器。\n\n</details>") != std::string::npos);
    QVERIFY(md.find("## Assistant (branch 2/2)") != std::string::npos);
    QVERIFY(md.find("コンピュートシェーダー") != std::string::npos);
    QVERIFY(md.find("37.2 tokens/s") != std::string::npos || md.find("37.3 tokens/s") != std::string::npos);
    QVERIFY(md.find("A program that runs on the GPU.") == std::string::npos);  // other branch
  }

  void malformed_import_is_a_clear_error_and_changes_nothing_data() {
    QTest::addColumn<std::string>("json");
    QTest::addColumn<std::string>("mentions");
    const std::string ok_msg = R"({"id":1,"parent_id":null,"role":"user","content":"x","reasoning":"","status":"complete","error":"","model":"","stats":{"prompt_tokens":0,"generated_tokens":0,"reasoning_tokens":0,"reasoning_ms":0,"total_ms":0,"tokens_per_second":0},"created_ms":1,"finished_ms":1})";
    auto doc = [](const std::string& msgs, const std::string& leaf = "null") {
      return R"({"format":"sikao-history","version":1,"conversations":[{"id":1,"title":"t","created_ms":1,"updated_ms":1,"model_file":"","model_name":"","system_prompt":"","settings_json":"{}","pinned":false,"archived":false,"active_leaf_id":)" +
             leaf + R"(,"messages":[)" + msgs + "]}]}";
    };
    QTest::newRow("not-json") << std::string("{\"format\": ") << std::string("malformed JSON");
    QTest::newRow("empty") << std::string("") << std::string("malformed JSON");
    // A number no double holds (json out_of_range, not parse_error): found by fuzz_history_import.
    QTest::newRow("number-overflow") << std::string(R"({"format":"sikao-history","version":2222E222222222222222})")
                                     << std::string("malformed JSON");
    QTest::newRow("wrong-format") << std::string(R"({"format":"other","version":1,"conversations":[]})") << std::string("format");
    QTest::newRow("future-version") << std::string(R"({"format":"sikao-history","version":7,"conversations":[]})") << std::string("version");
    QTest::newRow("conversations-not-array") << std::string(R"({"format":"sikao-history","version":1,"conversations":{}})") << std::string("conversations");
    std::string bad_role = ok_msg;
    bad_role.replace(bad_role.find("\"user\""), 6, "\"robot\"");
    bad_role.replace(bad_role.find("\"id\":1"), 6, "\"id\":2");
    QTest::newRow("bad-role") << doc(ok_msg + "," + bad_role) << std::string("messages[1].role");
    std::string orphan = ok_msg;
    orphan.replace(orphan.find("\"parent_id\":null"), 16, "\"parent_id\":5");
    QTest::newRow("unknown-parent") << doc(orphan) << std::string("parent_id");
    QTest::newRow("duplicate-id") << doc(ok_msg + "," + ok_msg) << std::string("duplicate id");
    QTest::newRow("bad-leaf") << doc(ok_msg, "9") << std::string("active_leaf_id");
    std::string no_stats = ok_msg;
    no_stats.replace(no_stats.find("\"stats\""), 7, "\"statz\"");
    QTest::newRow("missing-field") << doc(no_stats) << std::string("stats");
    std::string str_tokens = ok_msg;
    str_tokens.replace(str_tokens.find("\"created_ms\":1"), 14, "\"created_ms\":\"1\"");
    // The first conversation is fine; the second is bad: nothing of either may be stored.
    QTest::newRow("second-conversation-bad")
        << std::string(R"({"format":"sikao-history","version":1,"conversations":[)") +
               doc(ok_msg).substr(doc(ok_msg).find("[{") + 1, doc(ok_msg).size() - doc(ok_msg).find("[{") - 3) +
               "," + doc(str_tokens).substr(doc(str_tokens).find("[{") + 1, doc(str_tokens).size() - doc(str_tokens).find("[{") - 3) + "]}"
        << std::string("conversations[1].messages[0].created_ms");
  }
  void malformed_import_is_a_clear_error_and_changes_nothing() {
    QFETCH(std::string, json);
    QFETCH(std::string, mentions);
    FakeClock clock;
    History h(fresh_path(), clock.options());
    build_tree(h, clock);
    const std::string before = h.export_json(h.conversation_ids());
    try {
      h.import_json(json);
      QFAIL("import accepted a malformed file");
    } catch (const StorageError& e) {
      QCOMPARE(e.code(), StorageErrorCode::InvalidImport);
      QVERIFY2(std::string(e.what()).find(mentions) != std::string::npos, e.what());
    }
    QCOMPARE(h.export_json(h.conversation_ids()), before);
  }

  // ---- damage, full disk, read-only ----

  // A file the user points --db at by mistake was never a history: it must not be renamed,
  // replaced or written to.
  void a_file_that_is_not_sqlite_is_refused_and_left_untouched() {
    const std::string path = fresh_path();
    const std::string notes = "This is my shopping list, not a database.\n" + std::string(5000, 'x');
    write_file(path, notes);
    const auto mtime = fs::last_write_time(path);
    const size_t files_before = files_in(dir_.path().toStdString());
    FakeClock clock;
    try {
      History h(path, clock.options());
      QFAIL("opened a text file as a history");
    } catch (const StorageError& e) {
      QCOMPARE(e.code(), StorageErrorCode::InvalidArgument);
      QVERIFY2(std::string(e.what()).find(path + " is not a Sikao history") != std::string::npos, e.what());
      QVERIFY2(std::string(e.what()).find("left untouched") != std::string::npos, e.what());
    }
    QCOMPARE(read_file(path), notes);
    QVERIFY(fs::last_write_time(path) == mtime);
    QCOMPARE(files_in(dir_.path().toStdString()), files_before);  // no .damaged-*, -wal or -shm
  }

  void a_file_shorter_than_an_sqlite_header_is_refused() {
    const std::string path = fresh_path();
    write_file(path, "todo\n");
    QCOMPARE(code_of([&] { History h(path); }), StorageErrorCode::InvalidArgument);
    QCOMPARE(read_file(path), std::string("todo\n"));
  }

  // Healthy, but made by another application: adding our tables to it would change a file that
  // is not ours.
  void another_applications_sqlite_database_is_refused_and_left_untouched() {
    const std::string path = fresh_path();
    {
      namespace in = sikao::storage::internal;
      in::Database other(path, in::Database::Mode::ReadWrite);
      other.exec("CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('https://sqlite.org')");
    }
    const std::string bytes = read_file(path);
    QCOMPARE(code_of([&] { History h(path); }), StorageErrorCode::InvalidArgument);
    QCOMPARE(code_of([&] {
               HistoryOptions ro;
               ro.read_only = true;
               History h(path, ro);
             }),
             StorageErrorCode::InvalidArgument);
    QCOMPARE(read_file(path), bytes);
    QVERIFY(!fs::exists(path + "-wal"));
  }

  // An SQLite header says the file was a database, and the app only ever opens its own: damage
  // past the header is a damaged history, kept aside as it was found.
  void a_damaged_file_with_an_sqlite_header_is_kept_aside() {
    const std::string path = fresh_path();
    const std::string garbage = sqlite_header() + std::string(5000, 'x');
    write_file(path, garbage);
    FakeClock clock;
    History h(path, clock.options());
    QVERIFY(h.report().damaged);
    QVERIFY(h.report().created);
    QVERIFY(!h.report().damage_reason.empty());
    QCOMPARE(h.report().damaged_kept_as, path + ".damaged-20231114-221320");
    QCOMPARE(read_file(h.report().damaged_kept_as), garbage);
    const int64_t c = h.create_conversation({"works"});  // the fresh database is usable
    QCOMPARE(h.conversation(c).title, std::string("works"));
  }

  void a_database_failing_quick_check_is_kept_aside() {
    const std::string path = fresh_path();
    {
      History h(path);
      const int64_t c = h.create_conversation({"soon damaged"});
      for (int i = 0; i < 200; ++i) h.append_message(user_msg(c, std::nullopt, std::string(300, 'a' + i % 26)));
    }
    std::string bytes = read_file(path);
    QVERIFY(bytes.size() > 8 * 4096);
    // Scribble over pages 3..6 (b-tree pages of the tables), leaving the header intact.
    for (size_t i = 2 * 4096; i < 6 * 4096; ++i) bytes[i] = static_cast<char>(i * 131 % 251);
    write_file(path, bytes);
    FakeClock clock;
    clock.wall_ms += 1000;
    auto o = clock.options();
    o.integrity_check = IntegrityCheck::Always;
    History h(path, o);
    QVERIFY(h.report().integrity_checked);
    QVERIFY(h.report().damaged);
    QVERIFY2(!h.report().damage_reason.empty(), h.report().damage_reason.c_str());
    QCOMPARE(read_file(h.report().damaged_kept_as), bytes);
    QVERIFY(h.list_conversations().empty());
  }

  // The files a crashed session leaves (database + WAL) are copied while the writer is still
  // open; the copy's pages are then damaged. Its leftover WAL makes the open run quick_check.
  void an_unclean_shutdown_runs_quick_check_and_keeps_a_damaged_file_aside() {
    const std::string path = fresh_path();
    const std::string crashed = fresh_path();
    {
      History h(path);
      const int64_t c = h.create_conversation({"big"});
      for (int i = 0; i < 200; ++i) h.append_message(user_msg(c, std::nullopt, std::string(300, 'a' + i % 26)));
    }
    {
      History clean(path);
      QVERIFY(!clean.report().integrity_checked);  // closed cleanly: header and schema only
      QVERIFY(!clean.report().damaged);
    }
    History writer(path);
    writer.create_conversation({"in the WAL only"});
    QVERIFY(fs::file_size(path + "-wal") > 0);
    std::string bytes = read_file(path);
    for (size_t i = 2 * 4096; i < 6 * 4096; ++i) bytes[i] = static_cast<char>(i * 131 % 251);
    write_file(crashed, bytes);
    fs::copy_file(path + "-wal", crashed + "-wal");
    const std::string wal = read_file(crashed + "-wal");
    History h(crashed);
    QVERIFY(h.report().integrity_checked);
    QVERIFY2(h.report().damaged, h.report().damage_reason.c_str());
    QCOMPARE(read_file(h.report().damaged_kept_as), bytes);
    QCOMPARE(read_file(h.report().damaged_kept_as + "-wal"), wal);
  }

  void two_damaged_files_in_the_same_second_are_both_kept() {
    const std::string path = fresh_path();
    FakeClock clock;
    write_file(path, sqlite_header() + std::string(4096, 'A'));
    std::string first;
    {
      History h(path, clock.options());
      first = h.report().damaged_kept_as;
    }
    fs::remove(path + "-wal");
    fs::remove(path + "-shm");
    write_file(path, sqlite_header() + std::string(4096, 'B'));
    History h(path, clock.options());
    QVERIFY(h.report().damaged_kept_as != first);
    QCOMPARE(read_file(first), sqlite_header() + std::string(4096, 'A'));
    QCOMPARE(read_file(h.report().damaged_kept_as), sqlite_header() + std::string(4096, 'B'));
  }

  // A real full disk cannot be made in a test; PRAGMA max_page_count makes SQLite return the
  // same SQLITE_FULL it returns when the file system is out of space.
  void a_full_disk_is_a_clear_error_and_loses_nothing() {
    const std::string path = fresh_path();
    int64_t conv = 0, stream = 0;
    std::string before;
    {
      FakeClock clock;
      History h(path, clock.options());
      const Tree t = build_tree(h, clock);
      conv = t.conv;
      stream = h.begin_streaming(assistant_msg(conv, t.a3, "start"));
      before = h.export_json(h.conversation_ids());
    }
    namespace in = sikao::storage::internal;
    int64_t pages = 0;
    {
      in::Database db(path, in::Database::Mode::ReadWrite);
      pages = db.pragma_int("PRAGMA page_count");
    }
    HistoryOptions capped;
    capped.max_page_count = pages;
    capped.streaming_interval = 0ms;
    {
      History h(path, capped);  // marks the leftover streaming message stopped: fits in place
      const std::string big(200'000, 'z');
      try {
        h.append_message(user_msg(conv, std::nullopt, big));
        QFAIL("a write past the size limit succeeded");
      } catch (const StorageError& e) {
        QCOMPARE(e.code(), StorageErrorCode::DiskFull);
        QVERIFY2(std::string(e.what()).find("disk is full") != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
      }
      std::string big_import = before;
      big_import.replace(big_import.find("\"start\""), 7, "\"" + big + "\"");
      QCOMPARE(code_of([&] { h.import_json(big_import); }), StorageErrorCode::DiskFull);
      // Still usable for reading, with everything that was there.
      QCOMPARE(h.all_messages(conv).size(), size_t(6));
    }
    History h(path);
    QCOMPARE(h.conversation_ids().size(), size_t(1));
    const auto msgs = h.all_messages(conv);
    QCOMPARE(msgs.size(), size_t(6));
    QCOMPARE(h.message(stream).content, std::string("start"));
    QCOMPARE(h.message(stream).status, MessageStatus::Stopped);
  }

  // A one-page cap fails the first CREATE TABLE with the SQLITE_FULL a full disk gives; the
  // file SQLite made for the new database must not stay behind (the CLI test does the same
  // with a real write failure, RLIMIT_FSIZE).
  void a_create_that_fails_for_lack_of_space_leaves_no_file_behind() {
    const std::string path = fresh_path();
    HistoryOptions capped;
    capped.max_page_count = 1;
    QCOMPARE(code_of([&] { History h(path, capped); }), StorageErrorCode::DiskFull);
    QVERIFY(!fs::exists(path));
    QVERIFY(!fs::exists(path + "-wal"));
    QVERIFY(!fs::exists(path + "-shm"));
  }

  // Only files the open created are removed: a damaged history kept aside stays, and an
  // existing database that fails later is not touched.
  void a_failed_open_removes_only_what_it_created() {
    const std::string path = fresh_path();
    const std::string damaged = sqlite_header() + std::string(5000, 'x');
    write_file(path, damaged);
    FakeClock clock;
    HistoryOptions capped = clock.options();
    capped.max_page_count = 1;
    QCOMPARE(code_of([&] { History h(path, capped); }), StorageErrorCode::DiskFull);
    QVERIFY(!fs::exists(path));
    QCOMPARE(read_file(path + ".damaged-20231114-221320"), damaged);

    const std::string newer = fresh_path();
    { History h(newer); }
    {
      namespace in = sikao::storage::internal;
      in::Database db(newer, in::Database::Mode::ReadWrite);
      db.exec("PRAGMA user_version = 999");
    }
    const std::string bytes = read_file(newer);
    QCOMPARE(code_of([&] { History h(newer); }), StorageErrorCode::TooNew);
    QCOMPARE(read_file(newer), bytes);
  }

  // A read-only open is for reading: it must not mark an answer that another process is
  // streaming now as stopped, nor fail because it cannot.
  void a_read_only_open_does_not_recover_streaming_messages() {
    const std::string path = fresh_path();
    int64_t stream = 0;
    {
      FakeClock clock;
      History h(path, clock.options());
      const Tree t = build_tree(h, clock);
      stream = h.begin_streaming(assistant_msg(t.conv, t.a3, "partial"));
    }
    HistoryOptions ro;
    ro.read_only = true;
    History h(path, ro);
    QVERIFY(h.read_only());
    QCOMPARE(h.report().streaming_marked_stopped, 0);
    QCOMPARE(h.message(stream).status, MessageStatus::Streaming);
    QCOMPARE(h.message(stream).content, std::string("partial"));
  }

  // Tests run as root, where a chmod'ed folder does not stop writes; SQLite's read-only open
  // (file:...?mode=ro) makes every write fail the way a read-only file system does.
  void a_read_only_database_is_a_clear_error_and_loses_nothing() {
    const std::string path = fresh_path();
    std::string before;
    {
      FakeClock clock;
      History h(path, clock.options());
      build_tree(h, clock);
      before = h.export_json(h.conversation_ids());
    }
    HistoryOptions ro;
    ro.read_only = true;
    {
      History h(path, ro);
      QVERIFY(h.read_only());
      QCOMPARE(h.export_json(h.conversation_ids()), before);  // reading works
      try {
        h.create_conversation({"new"});
        QFAIL("a write to a read-only database succeeded");
      } catch (const StorageError& e) {
        QCOMPARE(e.code(), StorageErrorCode::ReadOnly);
        QVERIFY2(std::string(e.what()).find("read-only") != std::string::npos, e.what());
      }
      QCOMPARE(code_of([&] { h.delete_conversation(1); }), StorageErrorCode::ReadOnly);
    }
    History h(path);
    QCOMPARE(h.export_json(h.conversation_ids()), before);
  }

  void a_database_locked_by_another_writer_is_a_clear_error() {
    const std::string path = fresh_path();
    HistoryOptions quick;
    quick.busy_timeout = std::chrono::milliseconds(100);
    History h(path, quick);
    const int64_t conv = h.create_conversation({"shared"});
    namespace in = sikao::storage::internal;
    in::Database other(path, in::Database::Mode::ReadWrite);
    {
      in::Transaction holding(other);  // another process in the middle of a write
      try {
        h.append_message(user_msg(conv, std::nullopt, "blocked"));
        QFAIL("wrote while another connection held the write lock");
      } catch (const StorageError& e) {
        QCOMPARE(e.code(), StorageErrorCode::Busy);
        QVERIFY2(std::string(e.what()).find("locked") != std::string::npos, e.what());
      }
      QCOMPARE(h.conversation(conv).title, std::string("shared"));  // reading still works
    }
    h.append_message(user_msg(conv, std::nullopt, "after the lock"));  // and writing afterwards
    QCOMPARE(h.all_messages(conv).size(), size_t(1));
  }

  void a_folder_that_cannot_be_created_is_a_clear_error() {
    const std::string file = fresh_path();
    write_file(file, "a file, not a folder");
    try {
      History h(file + "/sub/history.db");
      QFAIL("opened a database under a regular file");
    } catch (const StorageError& e) {
      QVERIFY2(std::string(e.what()).find(file) != std::string::npos, e.what());
    }
    QCOMPARE(read_file(file), std::string("a file, not a folder"));
  }

  void default_path_follows_xdg_data_home() {
    const QByteArray old_xdg = qgetenv("XDG_DATA_HOME");
    const QByteArray old_home = qgetenv("HOME");
    qputenv("XDG_DATA_HOME", "/tmp/xdg-test");
    QCOMPARE(default_database_path(), std::string("/tmp/xdg-test/sikao/history.db"));
    qunsetenv("XDG_DATA_HOME");
    qputenv("HOME", "/home/someone");
    QCOMPARE(default_database_path(), std::string("/home/someone/.local/share/sikao/history.db"));
    qputenv("XDG_DATA_HOME", "relative/is/ignored");
    QCOMPARE(default_database_path(), std::string("/home/someone/.local/share/sikao/history.db"));
    if (old_xdg.isNull()) qunsetenv("XDG_DATA_HOME"); else qputenv("XDG_DATA_HOME", old_xdg);
    qputenv("HOME", old_home);
  }
};

QTEST_APPLESS_MAIN(TstHistory)
#include "tst_history.moc"
