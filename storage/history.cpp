#include "storage/history.h"

#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <unistd.h>

#include <sqlite3.h>

#include <fmt/format.h>

#include "storage/history_impl.h"
#include "storage/schema.h"

namespace sikao::storage {

using internal::Database;
using internal::Statement;
using internal::Transaction;
namespace fs = std::filesystem;

const char* to_string(StorageErrorCode code) {
  switch (code) {
    case StorageErrorCode::Io: return "io";
    case StorageErrorCode::ReadOnly: return "read-only";
    case StorageErrorCode::DiskFull: return "disk-full";
    case StorageErrorCode::Busy: return "busy";
    case StorageErrorCode::Corrupt: return "corrupt";
    case StorageErrorCode::NotFound: return "not-found";
    case StorageErrorCode::InvalidArgument: return "invalid-argument";
    case StorageErrorCode::InvalidImport: return "invalid-import";
    case StorageErrorCode::TooNew: return "too-new";
    case StorageErrorCode::Internal: return "internal";
  }
  return "unknown";
}

// One table per enum: the spelling used in the database, in JSON and in the CLI.
namespace {
constexpr std::pair<Role, const char*> k_roles[] = {
    {Role::System, "system"}, {Role::User, "user"}, {Role::Assistant, "assistant"}};
constexpr std::pair<MessageStatus, const char*> k_statuses[] = {
    {MessageStatus::Streaming, "streaming"},
    {MessageStatus::Complete, "complete"},
    {MessageStatus::Stopped, "stopped"},
    {MessageStatus::Error, "error"}};
} // namespace

const char* to_string(Role role) {
  for (auto& [r, name] : k_roles)
    if (r == role) return name;
  return "?";
}
const char* to_string(MessageStatus status) {
  for (auto& [s, name] : k_statuses)
    if (s == status) return name;
  return "?";
}
std::optional<Role> role_from_string(const std::string& s) {
  for (auto& [r, name] : k_roles)
    if (s == name) return r;
  return std::nullopt;
}
std::optional<MessageStatus> status_from_string(const std::string& s) {
  for (auto& [st, name] : k_statuses)
    if (s == name) return st;
  return std::nullopt;
}

std::string default_database_path() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  fs::path base;
  if (xdg && *xdg && fs::path(xdg).is_absolute()) {
    base = xdg;
  } else {
    const char* home = std::getenv("HOME");
    if (!home || !*home) {
      throw StorageError(StorageErrorCode::Io,
                         "cannot find the history database: neither XDG_DATA_HOME nor HOME is set "
                         "(pass --db FILE)");
    }
    base = fs::path(home) / ".local" / "share";
  }
  return (base / "sikao" / "history.db").string();
}

namespace internal {

Message read_message(const Statement& st, int c) {
  Message m;
  m.id = st.column_int(c + 0);
  m.conversation_id = st.column_int(c + 1);
  m.parent_id = st.column_optional_int(c + 2);
  const std::string role = st.column_text(c + 3);
  const std::string status = st.column_text(c + 6);
  const auto r = role_from_string(role);
  const auto s = status_from_string(status);
  if (!r || !s) {
    throw StorageError(StorageErrorCode::Corrupt,
                       fmt::format("message {} has unknown role '{}' or status '{}'", m.id, role,
                                   status));
  }
  m.role = *r;
  m.status = *s;
  m.content = st.column_text(c + 4);
  m.reasoning = st.column_text(c + 5);
  m.error = st.column_text(c + 7);
  m.model = st.column_text(c + 8);
  m.stats.prompt_tokens = st.column_int(c + 9);
  m.stats.generated_tokens = st.column_int(c + 10);
  m.stats.reasoning_tokens = st.column_int(c + 11);
  m.stats.reasoning_ms = st.column_int(c + 12);
  m.stats.total_ms = st.column_int(c + 13);
  m.stats.tokens_per_second = st.column_double(c + 14);
  m.created_ms = st.column_int(c + 15);
  m.finished_ms = st.column_optional_int(c + 16);
  return m;
}

size_t codepoint_count(std::string_view s) {
  size_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}

} // namespace internal

namespace {

std::string timestamp_for_filename(int64_t ms) {
  const std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
  return buf;
}

// A clean close of the last connection checkpoints the WAL and deletes it; a WAL file with
// frames in it means the last session crashed or is still running.
bool left_unclean(const std::string& path) {
  std::error_code ec;
  const auto size = fs::file_size(path + "-wal", ec);
  return !ec && size > 0;
}

// Empty when the file looks healthy; otherwise what is wrong with it. Reading the schema checks
// the header and first page; quick_check walks every page. Errors that are not damage
// (permissions, locks, I/O) propagate: those files must not be moved.
std::string damage_of(Database& db, bool quick_check) {
  try {
    db.prepare("SELECT count(*) FROM sqlite_schema").run();
    if (!quick_check) return {};
    auto st = db.prepare("PRAGMA quick_check");
    std::string first = st.step() ? st.column_text(0) : std::string("no result");
    return first == "ok" ? std::string() : "quick_check: " + first;
  } catch (const StorageError& e) {
    if (e.code() == StorageErrorCode::Corrupt) return e.what();
    throw;
  }
}

// Moves the damaged file (and its WAL and shared-memory files) to PATH.damaged-YYYYMMDD-HHMMSS.
std::string keep_aside(const std::string& path, int64_t now_ms) {
  std::string aside = path + ".damaged-" + timestamp_for_filename(now_ms);
  for (int n = 2; fs::exists(aside); ++n) {
    aside = fmt::format("{}.damaged-{}-{}", path, timestamp_for_filename(now_ms), n);
  }
  std::error_code ec;
  fs::rename(path, aside, ec);
  if (ec) {
    throw StorageError(StorageErrorCode::Io,
                       fmt::format("history database {} is damaged and could not be moved aside "
                                   "to {}: {}",
                                   path, aside, ec.message()));
  }
  for (const char* suffix : {"-wal", "-shm"}) {
    if (fs::exists(path + suffix)) fs::rename(path + suffix, aside + suffix, ec);
  }
  return aside;
}

void create_parent_folder(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) return;
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) {
    const bool denied = ec == std::errc::permission_denied || ec == std::errc::read_only_file_system;
    throw StorageError(denied ? StorageErrorCode::ReadOnly : StorageErrorCode::Io,
                       fmt::format("cannot create the folder {} for the history database: {}",
                                   parent.string(), ec.message()));
  }
}

void configure(Database& db, const HistoryOptions& o) {
  sqlite3_busy_timeout(db.handle(), static_cast<int>(o.busy_timeout.count()));
  db.exec("PRAGMA foreign_keys = ON");
  if (!o.read_only) {
    db.prepare("PRAGMA journal_mode = WAL").run();
    // FULL: with NORMAL, WAL may lose the last commits on power loss (DESIGN.md §5).
    db.exec("PRAGMA synchronous = FULL");
  }
  if (o.max_page_count > 0) {
    db.exec(fmt::format("PRAGMA max_page_count = {}", o.max_page_count).c_str());
  }
}

// For opens that do not migrate: the file must already have this build's schema.
void require_current_schema(Database& db, StorageErrorCode code, std::string_view why) {
  const int v = internal::schema_version_of(db);
  if (v != internal::k_schema_version) {
    throw StorageError(code, fmt::format("history database {} has schema version {}, not {}: {}",
                                         db.path(), v, internal::k_schema_version, why));
  }
}

// A message still streaming was cut off by a crash: keep its text, mark it interrupted.
void mark_streaming_stopped(History::Impl& s) {
  Transaction tx(*s.db);
  s.db->prepare(
         "UPDATE messages SET status = 'stopped', finished_ms = coalesce(finished_ms, ?1) "
         "WHERE status = 'streaming'")
      .bind(1, s.now_ms())
      .run();
  s.report.streaming_marked_stopped = s.db->changes();
  tx.commit();
}

// What is at the database path before opening it.
enum class Found { Nothing, EmptyFile, SQLite, NotSQLite };

// Every SQLite database file starts with these 16 bytes (sqlite.org/fileformat.html §1.3).
constexpr std::string_view k_sqlite_header{"SQLite format 3\0", 16};

Found what_is_at(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Found::Nothing;
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0 && !ec) return Found::EmptyFile;
  std::ifstream f(path, std::ios::binary);
  char head[16] = {};
  if (!f.read(head, sizeof head)) {
    // Unreadable (a folder, no permission) or shorter than a header: SQLite decides below.
    return f.is_open() && fs::is_regular_file(path, ec) ? Found::NotSQLite : Found::SQLite;
  }
  return std::string_view(head, sizeof head) == k_sqlite_header ? Found::SQLite : Found::NotSQLite;
}

[[noreturn]] void refuse_foreign_file(const std::string& path, std::string_view what) {
  throw StorageError(StorageErrorCode::InvalidArgument,
                     fmt::format("{} is not a Sikao history: {}. It was left untouched; choose "
                                 "another file for the history (--db)",
                                 path, what));
}

// Whether this process may write the database: the file and the folder that holds its -wal and
// -shm files. access() answers EROFS for a read-only medium, for root too.
bool can_write(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  const std::string folder = parent.empty() ? std::string(".") : parent.string();
  if (::access(folder.c_str(), W_OK) != 0) return false;
  return ::access(path.c_str(), W_OK) == 0 || errno == ENOENT;
}

// A history opened before has our schema version; a database with tables but version 0 was
// made by another application and must not get our tables added to it.
void require_ours(Database& db) {
  if (internal::schema_version_of(db) != 0) return;
  if (db.pragma_int("SELECT count(*) FROM sqlite_schema") == 0) return;
  refuse_foreign_file(db.path(), "it is another application's SQLite database");
}

// Removes the database files an open created when the open fails: a new database on a full disk
// must not stay behind as a 0-byte file. Files that were there before are never touched.
class CreatedFiles {
 public:
  CreatedFiles(std::string path, std::unique_ptr<Database>& db) : path_(std::move(path)), db_(db) {}
  CreatedFiles(const CreatedFiles&) = delete;
  CreatedFiles& operator=(const CreatedFiles&) = delete;
  ~CreatedFiles() {
    if (!armed_) return;
    db_.reset();
    std::error_code ec;
    for (const std::string& f : created_) fs::remove(f, ec);
  }
  // Call when nothing is at the path: whatever an open puts there from now on is ours.
  void about_to_create() {
    armed_ = true;
    created_.clear();
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::error_code ec;
      if (!fs::exists(path_ + suffix, ec)) created_.push_back(path_ + suffix);
    }
  }
  void keep() { armed_ = false; }

 private:
  std::string path_;
  std::unique_ptr<Database>& db_;
  std::vector<std::string> created_;
  bool armed_ = false;
};

void init_clocks(HistoryOptions& o) {
  if (!o.now_ms) {
    o.now_ms = [] {
      return std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
          .count();
    };
  }
  if (!o.steady_now) o.steady_now = [] { return std::chrono::steady_clock::now(); };
}

void open_second_connection(History::Impl& s) {
  std::error_code missing;
  if (!fs::exists(s.path, missing)) {  // never create a file that the first open did not
    throw StorageError(StorageErrorCode::NotFound,
                       fmt::format("history database {} does not exist: a second connection "
                                   "needs a database the first one opened", s.path));
  }
  s.db = std::make_unique<Database>(
      s.path, s.options.read_only ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
  configure(*s.db, s.options);
  require_current_schema(*s.db, StorageErrorCode::InvalidArgument,
                         "a second connection needs a database the first one opened");
}

// Reads only: no migration, no recovery of streaming messages, no file created or changed.
// Where the WAL index (-shm) is missing and cannot be created, SQLite can read the database only
// as immutable (OpenReport::wal_unread).
void open_read_only(History::Impl& s, Found found, bool writable) {
  if (found == Found::Nothing) {
    throw StorageError(StorageErrorCode::NotFound,
                       fmt::format("history database {} does not exist (a read-only open creates "
                                   "nothing)", s.path));
  }
  std::error_code ec;
  const bool immutable = !writable && !fs::exists(s.path + "-shm", ec);
  s.db = std::make_unique<Database>(s.path,
                                    immutable ? Database::Mode::Immutable : Database::Mode::ReadOnly);
  s.report.wal_unread = immutable && left_unclean(s.path);
  if (found == Found::SQLite) {
    s.report.integrity_checked =
        s.options.integrity_check == IntegrityCheck::Always || left_unclean(s.path);
    const std::string damage = damage_of(*s.db, s.report.integrity_checked);
    if (!damage.empty()) {
      throw StorageError(StorageErrorCode::Corrupt,
                         fmt::format("history database {} is damaged: {}", s.path, damage));
    }
    require_ours(*s.db);
  }
  configure(*s.db, s.options);
  require_current_schema(*s.db, StorageErrorCode::ReadOnly, "a read-only open cannot migrate it");
}

void open_read_write(History::Impl& s, Found found) {
  create_parent_folder(s.path);
  CreatedFiles created(s.path, s.db);
  if (found == Found::Nothing) created.about_to_create();
  s.db = std::make_unique<Database>(s.path, Database::Mode::ReadWrite);
  if (found == Found::SQLite) {
    s.report.integrity_checked =
        s.options.integrity_check == IntegrityCheck::Always || left_unclean(s.path);
    const std::string damage = damage_of(*s.db, s.report.integrity_checked);
    if (!damage.empty()) {
      s.db->leave_files_untouched_on_close();
      s.db.reset();
      s.report.damaged = true;
      s.report.damage_reason = damage;
      s.report.damaged_kept_as = keep_aside(s.path, s.now_ms());
      created.about_to_create();
      s.db = std::make_unique<Database>(s.path, Database::Mode::ReadWrite);
    } else {
      require_ours(*s.db);
    }
  }
  s.report.created = found != Found::SQLite || s.report.damaged;
  configure(*s.db, s.options);
  const int before = internal::migrate(*s.db);
  if (before != internal::k_schema_version) s.report.migrated_from = before;
  mark_streaming_stopped(s);
  created.keep();
}

} // namespace

History::History(const std::string& path, HistoryOptions options) : impl_(std::make_unique<Impl>()) {
  Impl& s = *impl_;
  s.path = path;
  s.options = std::move(options);
  init_clocks(s.options);
  if (s.options.second_connection) {
    open_second_connection(s);
    return;
  }
  const Found found = what_is_at(path);
  if (found == Found::NotSQLite) refuse_foreign_file(path, "it is not an SQLite database file");
  const bool writable = found == Found::Nothing || can_write(path);
  if (s.options.read_only || !writable) {
    open_read_only(s, found, writable);
  } else {
    open_read_write(s, found);
  }
}

History::~History() = default;
History::History(History&&) noexcept = default;
History& History::operator=(History&&) noexcept = default;

const OpenReport& History::report() const { return impl_->report; }
const std::string& History::path() const { return impl_->path; }
bool History::read_only() const { return impl_->db->read_only(); }
int History::schema_version() { return internal::k_schema_version; }

// ---- Impl helpers ----

void History::Impl::require_conversation(int64_t id) const {
  auto st = db->prepare("SELECT 1 FROM conversations WHERE id = ?1");
  if (!st.bind(1, id).step()) {
    throw StorageError(StorageErrorCode::NotFound, fmt::format("no conversation with id {}", id));
  }
}

Message History::Impl::load_message(int64_t id) const {
  auto st = db->prepare("SELECT " SIKAO_MESSAGE_COLUMNS " FROM messages WHERE id = ?1");
  if (!st.bind(1, id).step()) {
    throw StorageError(StorageErrorCode::NotFound, fmt::format("no message with id {}", id));
  }
  return internal::read_message(st);
}

int64_t History::Impl::insert_message(const NewMessage& m, MessageStatus status,
                                      std::optional<int64_t> finished_ms) {
  require_conversation(m.conversation_id);
  if (m.parent_id) {
    const Message parent = load_message(*m.parent_id);
    if (parent.conversation_id != m.conversation_id) {
      throw StorageError(StorageErrorCode::InvalidArgument,
                         fmt::format("parent message {} belongs to conversation {}, not {}",
                                     *m.parent_id, parent.conversation_id, m.conversation_id));
    }
  }
  auto st = db->prepare(
      "INSERT INTO messages (conversation_id, parent_id, role, content, reasoning, status, model, "
      "prompt_tokens, generated_tokens, reasoning_tokens, reasoning_ms, total_ms, "
      "tokens_per_second, created_ms, finished_ms) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
  st.bind(1, m.conversation_id)
      .bind(2, m.parent_id)
      .bind(3, to_string(m.role))
      .bind(4, m.content)
      .bind(5, m.reasoning)
      .bind(6, to_string(status))
      .bind(7, m.model)
      .bind(8, m.stats.prompt_tokens)
      .bind(9, m.stats.generated_tokens)
      .bind(10, m.stats.reasoning_tokens)
      .bind(11, m.stats.reasoning_ms)
      .bind(12, m.stats.total_ms)
      .bind(13, m.stats.tokens_per_second)
      .bind(14, now_ms())
      .bind(15, finished_ms)
      .run();
  const int64_t id = db->last_insert_id();
  set_active_leaf(m.conversation_id, id);
  return id;
}

void History::Impl::touch_conversation(int64_t id) {
  db->prepare("UPDATE conversations SET updated_ms = ?2 WHERE id = ?1").bind(1, id).bind(2, now_ms()).run();
}

void History::Impl::set_active_leaf(int64_t conversation_id, std::optional<int64_t> leaf) {
  db->prepare("UPDATE conversations SET active_leaf_id = ?2, updated_ms = ?3 WHERE id = ?1")
      .bind(1, conversation_id)
      .bind(2, leaf)
      .bind(3, now_ms())
      .run();
}

int64_t History::Impl::newest_leaf_below(int64_t message_id) const {
  int64_t leaf = message_id;
  for (;;) {
    auto st = db->prepare("SELECT id FROM messages WHERE parent_id = ?1 ORDER BY id DESC LIMIT 1");
    if (!st.bind(1, leaf).step()) return leaf;
    leaf = st.column_int(0);
  }
}

// ---- Conversations ----

namespace {

#define SIKAO_CONVERSATION_COLUMNS                                                       \
  "c.id, c.title, c.created_ms, c.updated_ms, c.model_file, c.model_name, "              \
  "c.system_prompt, c.settings_json, c.pinned, c.archived, c.active_leaf_id"

Conversation read_conversation(const Statement& st) {
  Conversation c;
  c.id = st.column_int(0);
  c.title = st.column_text(1);
  c.created_ms = st.column_int(2);
  c.updated_ms = st.column_int(3);
  c.model_file = st.column_text(4);
  c.model_name = st.column_text(5);
  c.system_prompt = st.column_text(6);
  c.settings_json = st.column_text(7);
  c.pinned = st.column_int(8) != 0;
  c.archived = st.column_int(9) != 0;
  c.active_leaf_id = st.column_optional_int(10);
  return c;
}

} // namespace

int64_t History::create_conversation(const NewConversation& c) {
  Database& db = *impl_->db;
  Transaction tx(db);
  const int64_t now = impl_->now_ms();
  db.prepare(
        "INSERT INTO conversations (title, created_ms, updated_ms, model_file, model_name, "
        "system_prompt, settings_json) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6)")
      .bind(1, c.title)
      .bind(2, now)
      .bind(3, c.model_file)
      .bind(4, c.model_name)
      .bind(5, c.system_prompt)
      .bind(6, c.settings_json)
      .run();
  const int64_t id = db.last_insert_id();
  tx.commit();
  return id;
}

Conversation History::conversation(int64_t id) const {
  auto st = impl_->db->prepare("SELECT " SIKAO_CONVERSATION_COLUMNS
                               " FROM conversations c WHERE c.id = ?1");
  if (!st.bind(1, id).step()) {
    throw StorageError(StorageErrorCode::NotFound, fmt::format("no conversation with id {}", id));
  }
  return read_conversation(st);
}

std::vector<ConversationSummary> History::list_conversations(const ListOptions& o) const {
  auto st = impl_->db->prepare(
      "SELECT " SIKAO_CONVERSATION_COLUMNS
      ", (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) "
      "FROM conversations c WHERE (?1 OR c.archived = 0) "
      "ORDER BY c.pinned DESC, c.updated_ms DESC, c.id DESC LIMIT ?2 OFFSET ?3");
  st.bind(1, o.include_archived).bind(2, o.limit).bind(3, o.offset);
  std::vector<ConversationSummary> out;
  while (st.step()) out.push_back({read_conversation(st), st.column_int(11)});
  return out;
}

std::vector<int64_t> History::conversation_ids() const {
  auto st = impl_->db->prepare("SELECT id FROM conversations ORDER BY id");
  std::vector<int64_t> ids;
  while (st.step()) ids.push_back(st.column_int(0));
  return ids;
}

namespace {
void update_one(History::Impl& s, const char* sql, int64_t id, auto value) {
  Transaction tx(*s.db);
  s.db->prepare(sql).bind(1, id).bind(2, value).bind(3, s.now_ms()).run();
  if (s.db->changes() == 0) {
    throw StorageError(StorageErrorCode::NotFound, fmt::format("no conversation with id {}", id));
  }
  tx.commit();
}
} // namespace

void History::rename_conversation(int64_t id, const std::string& title) {
  update_one(*impl_, "UPDATE conversations SET title = ?2, updated_ms = ?3 WHERE id = ?1", id, title);
}
void History::set_pinned(int64_t id, bool pinned) {
  update_one(*impl_, "UPDATE conversations SET pinned = ?2, updated_ms = ?3 WHERE id = ?1", id, pinned);
}
void History::set_archived(int64_t id, bool archived) {
  update_one(*impl_, "UPDATE conversations SET archived = ?2, updated_ms = ?3 WHERE id = ?1", id,
             archived);
}
void History::set_settings(int64_t id, const std::string& settings_json) {
  update_one(*impl_, "UPDATE conversations SET settings_json = ?2, updated_ms = ?3 WHERE id = ?1",
             id, settings_json);
}

void History::set_system_prompt(int64_t id, const std::string& system_prompt) {
  update_one(*impl_, "UPDATE conversations SET system_prompt = ?2, updated_ms = ?3 WHERE id = ?1",
             id, system_prompt);
}

void History::delete_conversation(int64_t id) {
  Database& db = *impl_->db;
  Transaction tx(db);
  // Clear the leaf link first so the message cascade does not touch the row being deleted.
  db.prepare("UPDATE conversations SET active_leaf_id = NULL WHERE id = ?1").bind(1, id).run();
  db.prepare("DELETE FROM conversations WHERE id = ?1").bind(1, id).run();
  if (db.changes() == 0) {
    throw StorageError(StorageErrorCode::NotFound, fmt::format("no conversation with id {}", id));
  }
  tx.commit();
}

// ---- Messages and branches ----

int64_t History::append_message(const NewMessage& m) {
  Transaction tx(*impl_->db);
  const int64_t id = impl_->insert_message(m, MessageStatus::Complete, impl_->now_ms());
  tx.commit();
  return id;
}

Message History::message(int64_t id) const { return impl_->load_message(id); }

std::vector<Message> History::active_path(int64_t conversation_id) const {
  const Conversation c = conversation(conversation_id);
  std::vector<Message> path;
  if (!c.active_leaf_id) return path;
  auto st = impl_->db->prepare(
      "WITH RECURSIVE path(id, depth) AS ("
      "  SELECT ?1, 0"
      "  UNION ALL SELECT m.parent_id, path.depth + 1 FROM messages m JOIN path ON m.id = path.id"
      "  WHERE m.parent_id IS NOT NULL) "
      "SELECT " SIKAO_MESSAGE_COLUMNS " FROM messages JOIN path USING (id) ORDER BY path.depth DESC");
  st.bind(1, *c.active_leaf_id);
  while (st.step()) path.push_back(internal::read_message(st));
  return path;
}

std::vector<Message> History::all_messages(int64_t conversation_id) const {
  impl_->require_conversation(conversation_id);
  auto st = impl_->db->prepare("SELECT " SIKAO_MESSAGE_COLUMNS
                               " FROM messages WHERE conversation_id = ?1 ORDER BY id");
  st.bind(1, conversation_id);
  std::vector<Message> out;
  while (st.step()) out.push_back(internal::read_message(st));
  return out;
}

std::vector<Message> History::siblings(int64_t message_id) const {
  const Message m = impl_->load_message(message_id);
  auto st = impl_->db->prepare("SELECT " SIKAO_MESSAGE_COLUMNS
                               " FROM messages WHERE conversation_id = ?1 AND parent_id IS ?2 "
                               "ORDER BY id");
  st.bind(1, m.conversation_id).bind(2, m.parent_id);
  std::vector<Message> out;
  while (st.step()) out.push_back(internal::read_message(st));
  return out;
}

BranchPosition History::branch_position(int64_t message_id) const {
  const auto sibs = siblings(message_id);
  BranchPosition p;
  p.count = static_cast<int>(sibs.size());
  for (size_t i = 0; i < sibs.size(); ++i)
    if (sibs[i].id == message_id) p.index = static_cast<int>(i);
  return p;
}

void History::switch_branch(int64_t message_id) {
  Transaction tx(*impl_->db);
  const Message m = impl_->load_message(message_id);
  impl_->set_active_leaf(m.conversation_id, impl_->newest_leaf_below(message_id));
  tx.commit();
}

void History::delete_subtree(int64_t message_id) {
  Database& db = *impl_->db;
  Transaction tx(db);
  const Message m = impl_->load_message(message_id);
  db.prepare(
        "DELETE FROM messages WHERE id IN ("
        "  WITH RECURSIVE sub(id) AS (SELECT ?1"
        "    UNION ALL SELECT m.id FROM messages m JOIN sub ON m.parent_id = sub.id)"
        "  SELECT id FROM sub)")
      .bind(1, message_id)
      .run();
  // The leaf link was set to NULL by its foreign key if the leaf was in the subtree.
  if (!conversation(m.conversation_id).active_leaf_id) {
    std::optional<int64_t> leaf = m.parent_id;
    if (!leaf) {
      auto st = db.prepare("SELECT id FROM messages WHERE conversation_id = ?1 AND parent_id IS NULL "
                           "ORDER BY id DESC LIMIT 1");
      if (st.bind(1, m.conversation_id).step()) leaf = impl_->newest_leaf_below(st.column_int(0));
    }
    impl_->set_active_leaf(m.conversation_id, leaf);
  } else {
    impl_->touch_conversation(m.conversation_id);
  }
  tx.commit();
  impl_->last_stream_write.erase(message_id);
}

// ---- Streaming ----

int64_t History::begin_streaming(const NewMessage& m) {
  Transaction tx(*impl_->db);
  const int64_t id = impl_->insert_message(m, MessageStatus::Streaming, std::nullopt);
  tx.commit();
  impl_->last_stream_write[id] = impl_->options.steady_now();
  return id;
}

namespace {
void bind_stats(Statement& st, int first, const GenerationStats& s) {
  st.bind(first, s.prompt_tokens)
      .bind(first + 1, s.generated_tokens)
      .bind(first + 2, s.reasoning_tokens)
      .bind(first + 3, s.reasoning_ms)
      .bind(first + 4, s.total_ms)
      .bind(first + 5, s.tokens_per_second);
}
} // namespace

bool History::update_streaming(int64_t id, const std::string& content,
                               const std::string& reasoning, const GenerationStats& stats) {
  Impl& s = *impl_;
  const auto now = s.options.steady_now();
  const auto last = s.last_stream_write.find(id);
  if (last != s.last_stream_write.end() && now - last->second < s.options.streaming_interval) {
    return false;
  }
  Transaction tx(*s.db);
  auto st = s.db->prepare(
      "UPDATE messages SET content = ?2, reasoning = ?3, prompt_tokens = ?4, "
      "generated_tokens = ?5, reasoning_tokens = ?6, reasoning_ms = ?7, total_ms = ?8, "
      "tokens_per_second = ?9 WHERE id = ?1 AND status = 'streaming'");
  st.bind(1, id).bind(2, content).bind(3, reasoning);
  bind_stats(st, 4, stats);
  st.run();
  if (s.db->changes() == 0) {
    throw StorageError(StorageErrorCode::InvalidArgument,
                       fmt::format("message {} is not being streamed", id));
  }
  tx.commit();
  s.last_stream_write[id] = now;
  return true;
}

void History::finish_streaming(int64_t id, MessageStatus status, const std::string& content,
                               const std::string& reasoning, const GenerationStats& stats,
                               const std::string& error, const std::string& token_confidence) {
  if (status == MessageStatus::Streaming) {
    throw StorageError(StorageErrorCode::InvalidArgument,
                       fmt::format("finish_streaming({}) needs a final status, not streaming", id));
  }
  Impl& s = *impl_;
  Transaction tx(*s.db);
  auto st = s.db->prepare(
      "UPDATE messages SET content = ?2, reasoning = ?3, prompt_tokens = ?4, "
      "generated_tokens = ?5, reasoning_tokens = ?6, reasoning_ms = ?7, total_ms = ?8, "
      "tokens_per_second = ?9, status = ?10, error = ?11, finished_ms = ?12 "
      "WHERE id = ?1 AND status = 'streaming'");
  st.bind(1, id).bind(2, content).bind(3, reasoning);
  bind_stats(st, 4, stats);
  st.bind(10, to_string(status)).bind(11, error).bind(12, s.now_ms());
  st.run();
  if (s.db->changes() == 0) {
    throw StorageError(StorageErrorCode::InvalidArgument,
                       fmt::format("message {} is not being streamed", id));
  }
  if (!token_confidence.empty()) {
    s.db->prepare("INSERT OR REPLACE INTO message_tokens (message_id, data) VALUES (?1, ?2)")
        .bind(1, id)
        .bind_blob(2, token_confidence)
        .run();
  }
  s.touch_conversation(s.load_message(id).conversation_id);
  tx.commit();
  s.last_stream_write.erase(id);
}

std::optional<std::string> History::token_confidence(int64_t message_id) const {
  auto st = impl_->db->prepare("SELECT data FROM message_tokens WHERE message_id = ?1");
  if (!st.bind(1, message_id).step()) return std::nullopt;
  return st.column_blob(0);
}

} // namespace sikao::storage
