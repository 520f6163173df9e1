#pragma once
// Thin RAII over the sqlite3 C API: one Database owns one connection and a cache of prepared
// statements (each SQL text prepared once, reset and re-bound per use). Every failing call
// becomes a StorageError naming the file and the operation.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "storage/history.h"

struct sqlite3;
struct sqlite3_stmt;

namespace sikao::storage::internal {

// Maps an SQLite result code (extended or primary) to our error code.
StorageErrorCode error_code_for(int sqlite_rc);

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt, const std::string* db_path);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();  // resets (the statement stays cached)

  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, std::optional<int64_t> value);
  Statement& bind_null(int index);
  Statement& bind_blob(int index, std::string_view bytes);

  bool step();  // true: a row is ready; false: done
  void run();   // steps to completion

  int64_t column_int(int col) const;
  double column_double(int col) const;
  std::string column_text(int col) const;
  std::string column_blob(int col) const;
  std::optional<int64_t> column_optional_int(int col) const;
  bool column_is_null(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  const std::string* db_path_;
};

class Database {
 public:
  // ReadOnly: SQLite's read-only open (mode=ro), which still needs the WAL's shared-memory file
  // (-shm) to exist or to be creatable. Immutable: read-only for a medium where the -shm cannot
  // be created (immutable=1); SQLite then reads the database file alone, without locks or WAL.
  enum class Mode { ReadWrite, ReadOnly, Immutable };
  // Throws StorageError.
  Database(const std::string& path, Mode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }
  bool read_only() const { return mode_ != Mode::ReadWrite; }

  // A cached prepared statement, reset and ready to bind.
  Statement prepare(std::string_view sql);
  // For schema and pragmas only (fixed text, never built from data).
  void exec(const char* sql);
  int64_t pragma_int(const char* sql);
  int64_t last_insert_id() const;
  // Closing the last connection normally copies the WAL into the database file; a damaged file
  // that is about to be kept aside must stay exactly as found.
  void leave_files_untouched_on_close();
  int changes() const;

  [[noreturn]] void fail(int rc, std::string_view what) const;

 private:
  void register_functions();

  std::string path_;
  Mode mode_;
  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back unless committed. Writers take the write lock up front
// so that two connections never deadlock upgrading a read lock. Every write goes through one, so
// a read-only database refuses writes here, with one message.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool open_ = true;
};

} // namespace sikao::storage::internal
