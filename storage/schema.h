#pragma once
// The history schema, in one place. Version N is what PRAGMA user_version says; migrating from
// version N to N+1 is one function in k_migrations (schema.cpp), run in its own transaction.
//   v1: conversations, messages (parent link for branches, status, stats)
//   v2: conversations.pinned, conversations.archived
//   v3: messages_fts: FTS5 trigram index over content and reasoning, kept by triggers
//   v4: messages_short: FTS5 unicode61 index of the text with CJK characters spaced apart
//       (sikao_space_cjk, cjk.h), for queries shorter than three characters

#include "storage/sqlite.h"

namespace sikao::storage::internal {

constexpr int k_schema_version = 5;

int schema_version_of(Database& db);

// Migrates forward to `target` (default: the newest), one transaction per step. Throws TooNew
// when the file is newer than this build. Returns the version found before migrating.
int migrate(Database& db, int target = k_schema_version);

} // namespace sikao::storage::internal
