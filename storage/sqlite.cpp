#include "storage/sqlite.h"

#include <sqlite3.h>

#include <fmt/format.h>

#include "storage/cjk.h"

namespace sikao::storage::internal {

StorageErrorCode error_code_for(int rc) {
  switch (rc & 0xff) {
    case SQLITE_FULL: return StorageErrorCode::DiskFull;
    case SQLITE_READONLY: return StorageErrorCode::ReadOnly;
    case SQLITE_PERM: return StorageErrorCode::ReadOnly;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return StorageErrorCode::Busy;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return StorageErrorCode::Corrupt;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR: return StorageErrorCode::Io;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE: return StorageErrorCode::InvalidArgument;
    default: return StorageErrorCode::Internal;
  }
}

namespace {

std::string advice_for(StorageErrorCode code) {
  switch (code) {
    case StorageErrorCode::DiskFull: return " (the disk is full: free some space; nothing stored before was lost)";
    case StorageErrorCode::ReadOnly: return " (the database or its folder is read-only: check permissions or choose another --db)";
    case StorageErrorCode::Busy: return " (another Sikao process holds the history locked)";
    default: return "";
  }
}

} // namespace

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, const std::string* db_path)
    : db_(db), stmt_(stmt), db_path_(db_path) {}

Statement::~Statement() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

namespace {
[[noreturn]] void fail_stmt(sqlite3* db, sqlite3_stmt* stmt, const std::string& path, int rc,
                            std::string_view what) {
  const StorageErrorCode code = error_code_for(rc);
  const char* sql = stmt ? sqlite3_sql(stmt) : nullptr;
  std::string sql_head = sql ? std::string(sql).substr(0, 60) : std::string();
  throw StorageError(code, fmt::format("history database {}: {} failed: {} [{}]{}", path, what,
                                       sqlite3_errmsg(db), sql_head, advice_for(code)));
}
} // namespace

Statement& Statement::bind(int index, int64_t value) {
  if (int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK)
    fail_stmt(db_, stmt_, *db_path_, rc, "bind");
  return *this;
}
Statement& Statement::bind(int index, double value) {
  if (int rc = sqlite3_bind_double(stmt_, index, value); rc != SQLITE_OK)
    fail_stmt(db_, stmt_, *db_path_, rc, "bind");
  return *this;
}
Statement& Statement::bind(int index, std::string_view value) {
  if (int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                   SQLITE_UTF8);
      rc != SQLITE_OK)
    fail_stmt(db_, stmt_, *db_path_, rc, "bind");
  return *this;
}
Statement& Statement::bind_blob(int index, std::string_view bytes) {
  if (int rc = sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
      rc != SQLITE_OK)
    fail_stmt(db_, stmt_, *db_path_, rc, "bind");
  return *this;
}
Statement& Statement::bind(int index, std::optional<int64_t> value) {
  return value ? bind(index, *value) : bind_null(index);
}
Statement& Statement::bind_null(int index) {
  if (int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK)
    fail_stmt(db_, stmt_, *db_path_, rc, "bind");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail_stmt(db_, stmt_, *db_path_, rc, "statement");
}

void Statement::run() {
  while (step()) {
  }
}

int64_t Statement::column_int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::column_double(int col) const { return sqlite3_column_double(stmt_, col); }
std::string Statement::column_text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  const int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string(p, static_cast<size_t>(n)) : std::string();
}
std::string Statement::column_blob(int col) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
  const int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string(p, static_cast<size_t>(n)) : std::string();
}
bool Statement::column_is_null(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}
std::optional<int64_t> Statement::column_optional_int(int col) const {
  if (column_is_null(col)) return std::nullopt;
  return column_int(col);
}

namespace {

// A URI's path part: '?', '#' and '%' in a file name would otherwise end or escape it.
std::string uri_path(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == '?' || c == '#' || c == '%') {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out;
}

// URI form for the read-only modes so that SQLite itself enforces them (also for the WAL index).
std::string open_name(const std::string& path, Database::Mode mode) {
  switch (mode) {
    case Database::Mode::ReadWrite: return path;
    case Database::Mode::ReadOnly: return "file:" + uri_path(path) + "?mode=ro";
    case Database::Mode::Immutable: return "file:" + uri_path(path) + "?mode=ro&immutable=1";
  }
  return path;
}

} // namespace

Database::Database(const std::string& path, Mode mode) : path_(path), mode_(mode) {
  const int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX |
                    (mode == Mode::ReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                             : SQLITE_OPEN_READONLY);
  const std::string name = open_name(path, mode);
  const int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    const StorageErrorCode code = error_code_for(rc);
    throw StorageError(code, fmt::format("cannot open history database {}: {}{}", path, msg,
                                         advice_for(code)));
  }
  sqlite3_extended_result_codes(db_, 1);
  register_functions();
}

namespace {
void space_cjk_sql(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const int n = sqlite3_value_bytes(argv[0]);
  const std::string spaced = space_cjk(std::string_view(p ? p : "", static_cast<size_t>(n)));
  sqlite3_result_text64(ctx, spaced.data(), spaced.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}
} // namespace

// The schema's triggers call these, so every connection that writes messages must have them:
// a tool without them gets "no such function" instead of a silently stale index.
void Database::register_functions() {
  const int rc = sqlite3_create_function_v2(
      db_, "sikao_space_cjk", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
      space_cjk_sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(rc, "registering sikao_space_cjk");
}

Database::~Database() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Statement Database::prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) fail_stmt(db_, nullptr, path_, rc, fmt::format("prepare [{}]", sql.substr(0, 60)));
    it = cache_.emplace(std::string(sql), stmt).first;
  }
  return Statement(db_, it->second, &path_);
}

void Database::exec(const char* sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    const StorageErrorCode code = error_code_for(rc);
    throw StorageError(code, fmt::format("history database {}: {} failed: {}{}", path_,
                                         std::string(sql).substr(0, 60), msg, advice_for(code)));
  }
}

int64_t Database::pragma_int(const char* sql) {
  auto st = prepare(sql);
  return st.step() ? st.column_int(0) : 0;
}

int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
void Database::leave_files_untouched_on_close() {
  sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

int Database::changes() const { return sqlite3_changes(db_); }

void Database::fail(int rc, std::string_view what) const { fail_stmt(db_, nullptr, path_, rc, what); }

Transaction::Transaction(Database& db) : db_(db) {
  if (db_.read_only()) {
    throw StorageError(StorageErrorCode::ReadOnly,
                       fmt::format("the history {} is read-only (the file, its folder or the medium "
                                   "cannot be written, or it was opened read-only): nothing was "
                                   "changed",
                                   db_.path()));
  }
  db_.prepare("BEGIN IMMEDIATE").run();
}

Transaction::~Transaction() {
  if (open_ && sqlite3_get_autocommit(db_.handle()) == 0) {
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit() {
  db_.prepare("COMMIT").run();
  open_ = false;
}

} // namespace sikao::storage::internal
