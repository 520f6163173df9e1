#pragma once
// The conversation history: every conversation and message, with reasoning, timings and token
// counts, in one local SQLite database. Read this header first; everything else in storage/ is
// internal.
//
// Guarantees (DESIGN.md §5, §7):
//  - WAL with synchronous=FULL: a committed write survives a crash or power cut.
//  - Every write is one short transaction; a failed write (disk full, read-only) throws
//    StorageError and leaves what was stored before untouched.
//  - A streaming message is stored at once and rewritten at most every `streaming_interval`; a
//    message left `Streaming` by a crash is marked `Stopped` at the next open, keeping its text.
//  - A damaged database is renamed aside (never deleted) and a fresh one created; OpenReport says so.
//    A file that is not an SQLite database, or is another application's, is refused and left
//    untouched: it was never a history.
//  - A history that cannot be written (read-only file, folder or medium) opens read-only: reading
//    works, writes throw ReadOnly, and no file is created or changed.
//  - An open that fails removes the files it created (a new database on a full disk).
//
// The class is synchronous and not thread-safe: one History per thread (the GUI's storage worker).

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sikao::storage {

enum class StorageErrorCode {
  Io,               // the file or its directory cannot be opened, read or written
  ReadOnly,         // the database or its directory is read-only
  DiskFull,         // no space left (or the configured size limit reached)
  Busy,             // another process holds the database locked past busy_timeout
  Corrupt,          // the file is damaged in a way found only after open
  NotFound,         // no conversation / message with that id
  InvalidArgument,  // the caller passed something unusable
  InvalidImport,    // an import file that is not valid Sikao history JSON
  TooNew,           // the database was written by a newer Sikao (schema version above ours)
  Internal,         // a broken invariant: a bug in Sikao
};

const char* to_string(StorageErrorCode code);

class StorageError : public std::runtime_error {
 public:
  StorageError(StorageErrorCode code, const std::string& message)
      : std::runtime_error(message), code_(code) {}
  StorageErrorCode code() const { return code_; }

 private:
  StorageErrorCode code_;
};

enum class Role { System, User, Assistant };
enum class MessageStatus { Streaming, Complete, Stopped, Error };

// Names as stored in the database and in exported JSON ("user", "streaming", ...).
const char* to_string(Role role);
const char* to_string(MessageStatus status);
std::optional<Role> role_from_string(const std::string& s);
std::optional<MessageStatus> status_from_string(const std::string& s);

struct GenerationStats {
  int64_t prompt_tokens = 0;
  int64_t generated_tokens = 0;  // all generated tokens, reasoning included
  int64_t reasoning_tokens = 0;
  int64_t reasoning_ms = 0;      // time spent thinking
  int64_t total_ms = 0;          // prompt processing + generation
  double tokens_per_second = 0;  // generation speed

  bool operator==(const GenerationStats&) const = default;
};

// Timestamps are Unix milliseconds (UTC).
struct Message {
  int64_t id = 0;
  int64_t conversation_id = 0;
  std::optional<int64_t> parent_id;  // none: a first message; siblings share a parent
  Role role = Role::User;
  std::string content;
  std::string reasoning;
  MessageStatus status = MessageStatus::Complete;
  std::string error;  // why generation failed, for MessageStatus::Error
  std::string model;  // model name that produced an assistant message
  GenerationStats stats;
  int64_t created_ms = 0;
  std::optional<int64_t> finished_ms;

  bool operator==(const Message&) const = default;
};

struct Conversation {
  int64_t id = 0;
  std::string title;
  int64_t created_ms = 0;
  int64_t updated_ms = 0;
  std::string model_file;
  std::string model_name;
  std::string system_prompt;
  std::string settings_json = "{}";  // generation settings (temperature, top_p, ...) as JSON
  bool pinned = false;
  bool archived = false;
  std::optional<int64_t> active_leaf_id;  // the last message of the path the user sees

  bool operator==(const Conversation&) const = default;
};

struct NewConversation {
  std::string title;
  std::string model_file;
  std::string model_name;
  std::string system_prompt;
  std::string settings_json = "{}";
};

struct NewMessage {
  int64_t conversation_id = 0;
  std::optional<int64_t> parent_id;
  Role role = Role::User;
  std::string content;
  std::string reasoning;
  std::string model;
  GenerationStats stats;
};

// Where a message sits among its siblings: the UI's "‹ index+1/count ›".
struct BranchPosition {
  int index = 0;
  int count = 1;
};

struct ConversationSummary {
  Conversation conversation;
  int64_t message_count = 0;
};

struct ListOptions {
  int64_t offset = 0;
  int64_t limit = 50;
  bool include_archived = false;
};

// Newest: most recently stored first (message id order: creation order for messages the app
// wrote; an imported message counts from its import). Rank: best match first (BM25).
enum class SearchOrder { Newest, Rank };
enum class SearchField { Content, Reasoning };

struct SearchOptions {
  SearchOrder order = SearchOrder::Newest;
  int64_t limit = 50;
  std::string mark_open = "[";
  std::string mark_close = "]";
  int snippet_tokens = 32;  // about this many characters of snippet around the match
};

struct SearchHit {
  int64_t conversation_id = 0;
  std::string conversation_title;
  int64_t message_id = 0;
  Role role = Role::User;
  SearchField field = SearchField::Content;
  std::string snippet;  // the match wrapped in mark_open / mark_close
  int64_t created_ms = 0;
};

struct OpenReport {
  bool created = false;          // a new database file was created
  int migrated_from = -1;        // schema version before open, or -1 if no migration ran
  int streaming_marked_stopped = 0;
  bool integrity_checked = false;  // PRAGMA quick_check ran (see IntegrityCheck)
  bool damaged = false;          // the old file was damaged and kept aside
  std::string damaged_kept_as;   // where it was moved
  std::string damage_reason;     // what was wrong with it
  // Read-only where the WAL index (-shm) is missing and cannot be created: SQLite can then read
  // the database file only, and the commits still in a leftover -wal file are not shown.
  bool wal_unread = false;
};

// When opening runs PRAGMA quick_check, which reads the whole file (about 0.5 s for 100,000
// messages, docs/BENCHMARKS.md). Every open reads the header and schema, which catches files
// that are not SQLite databases.
enum class IntegrityCheck {
  AfterUncleanShutdown,  // when the last session did not close cleanly (its WAL file is left)
  Always,
};

struct HistoryOptions {
  // Streaming rewrites are throttled to at most one per interval per message.
  std::chrono::milliseconds streaming_interval{250};
  // Injected clocks (tests control time): wall clock for timestamps, steady for throttling.
  std::function<int64_t()> now_ms;
  std::function<std::chrono::steady_clock::time_point()> steady_now;
  std::chrono::milliseconds busy_timeout{5000};
  IntegrityCheck integrity_check = IntegrityCheck::AfterUncleanShutdown;
  // Open with SQLite's read-only mode (file:...?mode=ro): for tools that only read, and for
  // tests of write failures. A history that cannot be written opens read-only without it.
  bool read_only = false;
  // A second connection of this process to a database that a History already opened (the GUI's
  // storage worker): no integrity check, no damage handling, no migration and no recovery of
  // streaming messages, which the first open did and which would cut off an answer that is
  // streaming now. The schema must be the current one.
  bool second_connection = false;
  // Caps the database at this many pages (PRAGMA max_page_count): bounds the history and lets
  // tests reach "disk full" for real. 0: no cap.
  int64_t max_page_count = 0;
};

// The database file the app uses: $XDG_DATA_HOME/sikao/history.db, else ~/.local/share/sikao/.
std::string default_database_path();

class History {
 public:
  // Opens (creating folders and file as needed), migrates, recovers leftover streaming messages.
  // A damaged file is renamed aside and a fresh database created (see report()). A file that
  // is not a history throws InvalidArgument. A history that cannot be written opens read-only
  // (read_only()): no migration, no recovery; it must have this build's schema.
  explicit History(const std::string& path, HistoryOptions options = {});
  ~History();
  History(History&&) noexcept;
  History& operator=(History&&) noexcept;

  const OpenReport& report() const;
  const std::string& path() const;
  // Every write throws StorageError(ReadOnly): asked for, or the history cannot be written.
  bool read_only() const;
  static int schema_version();  // the version this build writes

  // Conversations.
  int64_t create_conversation(const NewConversation& c);
  Conversation conversation(int64_t id) const;
  std::vector<ConversationSummary> list_conversations(const ListOptions& options = {}) const;
  std::vector<int64_t> conversation_ids() const;  // every conversation, oldest first
  void rename_conversation(int64_t id, const std::string& title);
  void set_pinned(int64_t id, bool pinned);
  void set_archived(int64_t id, bool archived);
  void set_settings(int64_t id, const std::string& settings_json);
  void set_system_prompt(int64_t id, const std::string& system_prompt);
  void delete_conversation(int64_t id);

  // Messages and branches. Appending makes the new message the conversation's active leaf; a
  // message whose parent already has children is a new sibling (regenerate / edit).
  int64_t append_message(const NewMessage& m);
  Message message(int64_t id) const;
  std::vector<Message> active_path(int64_t conversation_id) const;  // first message to leaf
  std::vector<Message> all_messages(int64_t conversation_id) const; // every branch, by id
  std::vector<Message> siblings(int64_t message_id) const;          // itself included, by id
  BranchPosition branch_position(int64_t message_id) const;
  // Shows the path through this message: the active leaf becomes the newest leaf below it.
  void switch_branch(int64_t message_id);
  // Deletes the message and everything below it; the active path falls back to its parent.
  void delete_subtree(int64_t message_id);

  // Streaming. begin_streaming inserts at once (status Streaming) and makes it the active leaf;
  // update_streaming writes only when streaming_interval has passed since the last write of this
  // message and returns whether it wrote; finish_streaming always writes.
  int64_t begin_streaming(const NewMessage& m);
  bool update_streaming(int64_t id, const std::string& content, const std::string& reasoning,
                        const GenerationStats& stats);
  // token_confidence: the answer's per-token probabilities as the app encodes them (opaque
  // here; empty: none), stored in the same transaction. They are not part of exports.
  void finish_streaming(int64_t id, MessageStatus status, const std::string& content,
                        const std::string& reasoning, const GenerationStats& stats,
                        const std::string& error = {}, const std::string& token_confidence = {});
  // What finish_streaming stored for the message; none when nothing was.
  std::optional<std::string> token_confidence(int64_t message_id) const;

  // Search over content and reasoning of every message (CJK included). Whitespace separates
  // terms; every term must match. Terms of 3+ characters match as substrings anywhere; shorter
  // ones match as a run of CJK characters or as the start of a word.
  std::vector<SearchHit> search(const std::string& query, const SearchOptions& options = {}) const;

  // Export and import. JSON is lossless (every field, every branch); Markdown shows the active
  // path with reasoning in <details>. Import is all-or-nothing and returns the new ids.
  std::string export_json(const std::vector<int64_t>& conversation_ids) const;
  std::string export_markdown(int64_t conversation_id) const;
  std::vector<int64_t> import_json(const std::string& json_text);

  struct Impl;  // internal state, defined in storage/history_impl.h

 private:
  std::unique_ptr<Impl> impl_;
};

} // namespace sikao::storage
