#include "storage/schema.h"

#include <fmt/format.h>

namespace sikao::storage::internal {

namespace {

// A message's parent link has no ON DELETE action: subtrees are deleted in one statement by the
// caller (a cascade would recurse once per level and fail past SQLite's trigger depth of 1000).
void v0_to_v1(Database& db) {
  db.exec(R"sql(
    CREATE TABLE conversations (
      id             INTEGER PRIMARY KEY,
      title          TEXT NOT NULL DEFAULT '',
      created_ms     INTEGER NOT NULL,
      updated_ms     INTEGER NOT NULL,
      model_file     TEXT NOT NULL DEFAULT '',
      model_name     TEXT NOT NULL DEFAULT '',
      system_prompt  TEXT NOT NULL DEFAULT '',
      settings_json  TEXT NOT NULL DEFAULT '{}',
      active_leaf_id INTEGER REFERENCES messages(id) ON DELETE SET NULL
    );
    CREATE TABLE messages (
      id                INTEGER PRIMARY KEY,
      conversation_id   INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      parent_id         INTEGER REFERENCES messages(id),
      role              TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
      content           TEXT NOT NULL DEFAULT '',
      reasoning         TEXT NOT NULL DEFAULT '',
      status            TEXT NOT NULL
                        CHECK (status IN ('streaming', 'complete', 'stopped', 'error')),
      error             TEXT NOT NULL DEFAULT '',
      model             TEXT NOT NULL DEFAULT '',
      prompt_tokens     INTEGER NOT NULL DEFAULT 0,
      generated_tokens  INTEGER NOT NULL DEFAULT 0,
      reasoning_tokens  INTEGER NOT NULL DEFAULT 0,
      reasoning_ms      INTEGER NOT NULL DEFAULT 0,
      total_ms          INTEGER NOT NULL DEFAULT 0,
      tokens_per_second REAL NOT NULL DEFAULT 0,
      created_ms        INTEGER NOT NULL,
      finished_ms       INTEGER
    );
    CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
    CREATE INDEX messages_by_parent ON messages(parent_id);
    CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming';
    CREATE INDEX conversations_by_update ON conversations(updated_ms);
  )sql");
}

void v1_to_v2(Database& db) {
  db.exec(R"sql(
    ALTER TABLE conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE conversations ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX conversations_by_list ON conversations(archived, pinned, updated_ms);
  )sql");
}

// Trigram tokens make substring search work for scripts without spaces (Chinese, Japanese);
// queries shorter than three characters fall back to LIKE (search.cpp).
void v2_to_v3(Database& db) {
  db.exec(R"sql(
    CREATE VIRTUAL TABLE messages_fts USING fts5(
      content, reasoning, content = 'messages', content_rowid = 'id', tokenize = 'trigram');
    CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
      INSERT INTO messages_fts(rowid, content, reasoning)
      VALUES (new.id, new.content, new.reasoning);
    END;
    CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
      INSERT INTO messages_fts(messages_fts, rowid, content, reasoning)
      VALUES ('delete', old.id, old.content, old.reasoning);
    END;
    CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, reasoning ON messages BEGIN
      INSERT INTO messages_fts(messages_fts, rowid, content, reasoning)
      VALUES ('delete', old.id, old.content, old.reasoning);
      INSERT INTO messages_fts(rowid, content, reasoning)
      VALUES (new.id, new.content, new.reasoning);
    END;
    INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
  )sql");
}

// Contentless: it stores only the index; deleting needs the old values, which the triggers pass.
void v3_to_v4(Database& db) {
  db.exec(R"sql(
    CREATE VIRTUAL TABLE messages_short USING fts5(
      content, reasoning, content = '', tokenize = 'unicode61');
    CREATE TRIGGER messages_short_insert AFTER INSERT ON messages BEGIN
      INSERT INTO messages_short(rowid, content, reasoning)
      VALUES (new.id, sikao_space_cjk(new.content), sikao_space_cjk(new.reasoning));
    END;
    CREATE TRIGGER messages_short_delete AFTER DELETE ON messages BEGIN
      INSERT INTO messages_short(messages_short, rowid, content, reasoning)
      VALUES ('delete', old.id, sikao_space_cjk(old.content), sikao_space_cjk(old.reasoning));
    END;
    CREATE TRIGGER messages_short_update AFTER UPDATE OF content, reasoning ON messages BEGIN
      INSERT INTO messages_short(messages_short, rowid, content, reasoning)
      VALUES ('delete', old.id, sikao_space_cjk(old.content), sikao_space_cjk(old.reasoning));
      INSERT INTO messages_short(rowid, content, reasoning)
      VALUES (new.id, sikao_space_cjk(new.content), sikao_space_cjk(new.reasoning));
    END;
    INSERT INTO messages_short(rowid, content, reasoning)
      SELECT id, sikao_space_cjk(content), sikao_space_cjk(reasoning) FROM messages;
  )sql");
}

// Per-token probabilities of an answer, for the reasoning inspector: bytes the app encodes (the
// storage keeps them opaque), written with the final text, deleted with the message.
void v4_to_v5(Database& db) {
  db.exec(R"sql(
    CREATE TABLE message_tokens (
      message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
      data       BLOB NOT NULL
    );
  )sql");
}

using Migration = void (*)(Database&);
// k_migrations[n] migrates version n to n+1.
constexpr Migration k_migrations[] = {v0_to_v1, v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5};
static_assert(std::size(k_migrations) == k_schema_version);

} // namespace

int schema_version_of(Database& db) {
  return static_cast<int>(db.pragma_int("PRAGMA user_version"));
}

int migrate(Database& db, int target) {
  const int found = schema_version_of(db);
  if (found > k_schema_version) {
    throw StorageError(StorageErrorCode::TooNew,
                       fmt::format("history database {} has schema version {}, newer than this "
                                   "Sikao understands ({}): update Sikao to open it",
                                   db.path(), found, k_schema_version));
  }
  for (int v = found; v < target; ++v) {
    Transaction tx(db);
    k_migrations[v](db);
    // PRAGMA takes no bound parameters; v + 1 is our own small integer.
    db.exec(fmt::format("PRAGMA user_version = {}", v + 1).c_str());
    tx.commit();
  }
  return found;
}

} // namespace sikao::storage::internal
